"""The main window: dockable panels whose layout is remembered, menus and status bar.

It wires features together in one place (Spyder's rule): panels know the post and the
bridge, never each other; "New task for this incident" is a signal routed here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTableView,
    QWidget,
)

from ops_console.domain import Permission
from ops_console.post import Post
from ops_console.ui.activity import ActivityLogPanel
from ops_console.ui.alarm import EmergencyAlarm
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.actions import window_action
from ops_console.ui.common.column_widths import keep_titles_whole
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.dock_tabs import tidy_tab_bars
from ops_console.ui.common.drafts import keep_drafts, restore_drafts
from ops_console.ui.common.first_paint import after_first_paint
from ops_console.ui.common.formatting import number
from ops_console.ui.exercise_bar import ExerciseBar
from ops_console.ui.feature_docks import LAZY, LAZY_LEFT, FeatureDocks
from ops_console.ui.incidents import IncidentsPanel
from ops_console.ui.quit_guard import QuitGuard
from ops_console.ui.role_front import front_docks, joined_docks, layout_profile
from ops_console.ui.signon.shift_actions import ShiftActions
from ops_console.ui.status_bar import PostStatusBar
from ops_console.ui.tasks.panel import TaskBoardPanel
from ops_console.ui.view_options import ViewOptions

if TYPE_CHECKING:
    from ops_console.ui.radio import RadioPanel

log = logging.getLogger(__name__)
LAYOUT_VERSION = 2  # bump when dock names change, so an old saved state is ignored


def _scrollable(panel: QWidget, max_min_width: int = 640) -> QWidget:
    """A panel that insists on more width than a 1366-px laptop can spare scrolls instead
    of forcing the whole window wider than the screen. Its tables keep their column
    titles whole at any text size and in any language (column_widths.keep_titles_whole)."""
    for table in panel.findChildren(QTableView):
        keep_titles_whole(table)
    if panel.minimumSizeHint().width() <= max_min_width:
        return panel
    area = QScrollArea()
    area.setObjectName("scroll_" + panel.objectName())
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


def _placeholder(key: str) -> QWidget:
    """What a feature dock holds until it first shows (ui/feature_docks.py builds the panel)."""
    widget = QWidget()
    widget.setObjectName(f"placeholder_{key}")
    return widget


class MainWindow(QMainWindow):
    """One post's console. Build it with ``build_main_window`` (ui/app.py) or directly."""

    _maximise_first_show = False  # no saved geometry yet: the first show fills the screen

    def __init__(
        self,
        post: Post,
        *,
        settings: QSettings | None = None,
        log_path: Path | None = None,
        demo: bool = False,
        start_devices: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.post, self.log_path, self.demo = post, log_path, demo
        self.settings = settings or QSettings()
        self.bridge = PostBridge(post.bus, self)
        # the platform appends the application name ("demo post — Ops Console"): not repeated here
        self.setWindowTitle(self.tr("demo post") if demo else post.db.display_name)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )

        self.incidents = IncidentsPanel(post, self.bridge)
        self.tasks = TaskBoardPanel(post, self.bridge)
        self.activity = ActivityLogPanel(post, self.bridge)
        self._radio: RadioPanel | None = None  # built after the first paint (see radio)
        self._radio_scheduled = False
        self.features = FeatureDocks(self)
        self.docks: dict[str, QDockWidget] = {}
        self._dock("incidents", self.tr("Incidents"), self.incidents, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock(
            "tasks", self.tr("Task board"), _scrollable(self.tasks), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._dock("activity", self.tr("Activity log"), self.activity, Qt.DockWidgetArea.LeftDockWidgetArea)
        feature_titles = {
            "map": self.tr("Map"),
            "radio": self.tr("Radio"),
            "sirens": self.tr("Sirens"),
            "inventory": self.tr("Inventory"),
            "sensors": self.tr("Sensors"),
            "warnings": self.tr("Warnings"),
            "teams": self.tr("Team board"),
            "roster": self.tr("Volunteers"),
        }  # in the order saved layouts know
        self._dock("map", feature_titles["map"], _placeholder("map"), Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock(
            "radio", feature_titles["radio"], _placeholder("radio"), Qt.DockWidgetArea.RightDockWidgetArea
        )
        for key in ("sirens", "inventory", "sensors", "warnings", "teams", "roster"):
            self._dock(key, feature_titles[key], _placeholder(key), Qt.DockWidgetArea.RightDockWidgetArea)
        for key in LAZY:  # built when their dock first shows (ui/feature_docks.py)
            self.features.watch(key, self.docks[key], self._install_panel)
        self.docks["radio"].visibilityChanged.connect(self._radio_dock_shown)
        for key, (title, panel) in self.features.extra_docks().items():
            shown = _scrollable(panel) if panel is not None else _placeholder(key)
            self._dock(key, title, shown, Qt.DockWidgetArea.LeftDockWidgetArea)
        for key in LAZY_LEFT:  # also built when their dock first shows
            self.features.watch(key, self.docks[key], self._install_panel)
        self.splitDockWidget(self.docks["incidents"], self.docks["activity"], Qt.Orientation.Vertical)
        for key in ("map", "sirens", "inventory", "sensors", "warnings", "teams", "roster"):
            self.tabifyDockWidget(self.docks["tasks"], self.docks[key])
        self.tabifyDockWidget(self.docks["activity"], self.docks["radio"])
        for key in self.features.extra_docks():
            self.tabifyDockWidget(self.docks["activity"], self.docks[key])
        self.docks["tasks"].raise_()
        self.docks["activity"].raise_()
        self.resize(1400, 900)
        self.resizeDocks(
            [self.docks["incidents"], self.docks["tasks"]], [690, 710], Qt.Orientation.Horizontal
        )
        # halves: on a 720-px screen the radio dock below still shows its actions
        self.resizeDocks(
            [self.docks["incidents"], self.docks["activity"]], [430, 430], Qt.Orientation.Vertical
        )
        self._default_state = self.saveState(LAYOUT_VERSION)

        self.status = PostStatusBar(post, self.bridge, self, demo=demo)
        self.setStatusBar(self.status)
        self.shift_actions = ShiftActions(post, self)
        self.quit_guard = QuitGuard(post, self)
        self.exercise_bar = ExerciseBar(post, self.bridge, self)  # title + red bar while drilling
        self.exercise_bar.end_button.clicked.connect(self.shift_actions.ask_end_exercise)
        self.alarm = EmergencyAlarm(self)  # the post-wide EMERGENCY bar above the docks, and its sound
        self._build_menus()
        self.incidents.new_task_requested.connect(self.new_task)
        self.features.connect()
        self.bridge.shift_changed.connect(self.update_actions)
        self.bridge.exercise_changed.connect(self.update_actions)
        self._last_panel: QWidget = self.incidents
        self._shut_down = False
        QApplication.instance().focusChanged.connect(self._remember_panel)  # type: ignore[union-attr]
        self.update_actions()
        self._profile = layout_profile(self.post.shift.role)  # the arrangement restored below
        self.restore_layout()
        self.bridge.shift_changed.connect(self._follow_role_layout)  # before the front tabs are raised
        QTimer.singleShot(0, self, self.raise_role_docks)  # once shown: a raise before show does not hold
        self.bridge.shift_changed.connect(self.raise_role_docks)
        tidy_tab_bars(self)
        restore_drafts(self, self.settings)
        if start_devices:  # run_gui starts them after the first paint instead
            self.start_devices()

    def start_devices(self) -> None:
        """Open the radios and siren buses the composition root built (the window only starts
        them). Idempotent; nothing once the window has shut down."""
        if not self._shut_down:
            self.post.devices.start(demo=self.demo or None)

    @property
    def radio(self) -> RadioPanel:
        """The radio panel, built right after the window's first paint (or on first use, or
        when its dock shows): at start its dock is a tab behind the activity log, and it
        costs a few hundred ms. It is not left for the first click, because "Show message"
        on the EMERGENCY bar wants its comms log read already. The EMERGENCY bar and the
        alert list do not depend on it."""
        if self._radio is None:
            from ops_console.ui.radio import RadioPanel

            panel = self._radio = RadioPanel(self.post, self.bridge)
            panel.beeps = False  # the alarm gives the cue, once for the whole window
            panel.alert.cover()  # and its bar above every dock shows the alert (ui/radio/status.py)
            panel.remember_columns(self.settings)
            panel.filed.connect(self._filed_from_radio)
            self.features.radio_built(panel)
            self._install_panel("radio", panel)
            restore_drafts(panel, self.settings)  # the compose box's draft, kept at the last close
        return self._radio

    def _build_radio(self) -> None:
        if not self._shut_down:
            self.radio  # noqa: B018 (builds it)

    def _radio_dock_shown(self, visible: bool) -> None:
        if visible and self._radio is None and not self._shut_down:
            self.radio  # noqa: B018 (builds it)

    @property
    def feature_panels(self) -> dict[str, QWidget]:
        """Every feature panel with a dock on the right, by dock key (builds those not yet shown)."""
        return {"radio": self.radio, **self.features.panels()}

    def _install_panel(self, key: str, panel: QWidget) -> None:
        old = self.docks[key].widget()
        self.docks[key].setWidget(_scrollable(panel))
        if old is not None:
            old.deleteLater()

    @property
    def radio_runtime(self):  # type: ignore[no-untyped-def]
        """The running radios (tests wait for them to be ready), or None."""
        return self.post.devices.radio_runtime

    def front_populated(self) -> bool:
        """The panels in front hold their rows (the activity log reads its first page and the
        task board, once shown, its cards off the GUI thread; incidents are read when built)."""
        model = self.activity.model
        return (model.rowCount() > 0 or model.exhausted) and self.tasks.populated()

    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")  # saveState/restoreState match docks by this name
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        return window_action(self, text, shortcut, name, slot)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.change_operator_action = self._action(
            self.tr("&Change operator…"),
            self.shift_actions.change_operator,
            "Ctrl+Shift+O",
            "changeOperatorAction",
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.quit_guard.request_quit, "Ctrl+Q", "quitAction"
        )
        self.devices_action = self._action(
            self.tr("Radio &devices…"), self.open_devices, None, "devicesAction"
        )
        self.reports_action = self._action(
            self.tr("&Reports and forms…"), self.open_reports, "Ctrl+Shift+R", "reportsAction"
        )
        self.export_action = self._action(
            self.tr("&Export current panel…"), self.export_panel, "Ctrl+Shift+E", "exportPanelAction"
        )
        file_menu.addActions(
            [self.change_operator_action, self.devices_action, self.reports_action, self.export_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        records = bar.addMenu(self.tr("&Records"))
        records.setToolTipsVisible(True)  # a disabled item says why
        self.new_incident_action = self._action(
            self.tr("New &incident…"), self.new_incident, "Ctrl+I", "newIncidentAction"
        )
        self.new_task_action = self._action(
            self.tr("New &task…"), lambda: self.new_task(None), "Ctrl+T", "newTaskAction"
        )
        self.new_note_action = self._action(
            self.tr("New &log line"), self.new_note, "Ctrl+L", "newNoteAction"
        )
        self.find_action = self._action(
            self.tr("&Find in current panel"), self.find, QKeySequence.StandardKey.Find, "findAction"
        )
        records.addActions([self.new_incident_action, self.new_task_action, self.new_note_action])
        records.addSeparator()
        records.addAction(self.find_action)

        exercise = bar.addMenu(self.tr("E&xercise"))
        exercise.setToolTipsVisible(True)  # a disabled item says who may use it
        exercise.addAction(self.shift_actions.exercise_action)
        exercise.addAction(self.shift_actions.purge_action)

        alarm = bar.addMenu(self.tr("&Alarm"))
        alarm.setToolTipsVisible(True)  # a disabled item says why
        alarm.addActions([self.alarm.ack_action, self.alarm.show_action])
        alarm.addSeparator()
        alarm.addAction(self.features.siren_strip.cancel_action)

        view = bar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addAction(self._action(self.tr("&Reset layout"), self.reset_layout, None, "resetLayoutAction"))
        view.addAction(self.alarm.test_sound_action)
        view.addSeparator()
        self.view_options = ViewOptions(self, self.settings)  # night theme, text size, language
        self.view_options.add_to(view)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&Guide and shortcuts"),
                self.guide,
                QKeySequence.StandardKey.HelpContents,
                "guideAction",
            )
        )
        help_menu.addAction(self._action(self.tr("&About Ops Console"), self.about, None, "aboutAction"))

    # --- actions ----------------------------------------------------------------
    @Slot()
    def open_reports(self) -> QWidget:
        """File → Reports and forms: SITREP and the ICS forms, built off the GUI thread."""
        from ops_console.mapping.basemap_config import BasemapSpec
        from ops_console.reports.cli import post_names
        from ops_console.ui.reports.dialog import ReportsDialog

        basemaps = [
            b if isinstance(b, Path) else b.path
            for b in self.post.basemaps(self.demo)
            if isinstance(b, Path)
            or (isinstance(b, BasemapSpec) and b.kind == "geojson" and b.path is not None)
        ]
        dialog = ReportsDialog(
            self.post,
            self,
            basemaps=[p for p in basemaps if p is not None],
            post_name=post_names(self.post.settings)[0],
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def export_panel(self, path: str | None = None, fmt: str | None = None) -> object:
        """File → Export current panel: what the panel last worked in shows, with its filters,
        as CSV (UTF-8 with BOM) or GeoJSON, written off the GUI thread."""
        from PySide6.QtWidgets import QFileDialog

        from ops_console.ui.common.known_errors import KNOWN_ERRORS
        from ops_console.ui.common.messages import show_error
        from ops_console.ui.common.view_export import export_panel

        panel = self._last_panel or self.incidents
        dock = next((d for d in self.docks.values() if d.widget() is panel or d.isAncestorOf(panel)), None)
        name = dock.windowTitle() if dock is not None else panel.objectName()
        if path is None:
            chosen, kind = QFileDialog.getSaveFileName(
                self,
                self.tr("Export {panel}").replace("{panel}", name),
                f"{name}.csv",
                "CSV (*.csv);;GeoJSON (*.geojson)",
            )
            if not chosen:
                return None
            path, fmt = (
                chosen,
                ("geojson" if "geojson" in kind.lower() or chosen.endswith(".geojson") else "csv"),
            )

        def done(count: int) -> None:
            self.statusBar().showMessage(
                self.tr("{n} rows of {panel} written to {path}")
                .replace("{n}", number(count))
                .replace("{panel}", name)
                .replace("{path}", str(path)),
                10_000,
            )

        def failed(error: Exception) -> None:
            if not isinstance(error, KNOWN_ERRORS):
                raise error
            show_error(self, error)

        return export_panel(panel, name, Path(path), fmt or "csv", done, failed)

    def open_devices(self) -> QWidget:
        """The serial ports of this machine and the radios configured on it (add/remove: admins)."""
        from ops_console.ui.radio.devices_dialog import DevicesDialog

        dialog = DevicesDialog(self.post, self)
        dialog.open()
        return dialog

    @Slot()
    def update_actions(self) -> None:
        """Viewers (and a workstation with nobody signed on) cannot edit records."""
        refusal = first_reason(
            (
                self.post.shift.can(Permission.EDIT_RECORDS),
                self.tr(
                    "Sign on with a role that may edit: a viewer reads the records but does not add to them."
                ),
            )
        )
        for action in (self.new_incident_action, self.new_task_action, self.new_note_action):
            allow(action, refusal)
        self.shift_actions.update()

    @Slot()
    def new_incident(self) -> None:
        self.docks["incidents"].raise_()
        self.incidents.new_incident()

    @Slot()
    def new_task(self, incident_id: int | None = None) -> None:
        self.docks["tasks"].show()
        self.docks["tasks"].raise_()
        new_task = getattr(self.tasks, "new_task", None)
        if new_task is not None:
            new_task(incident_id)

    @Slot()
    def new_note(self) -> None:
        self.docks["activity"].show()
        self.docks["activity"].raise_()
        self.activity.focus_note()

    @Slot(str, int)
    def _filed_from_radio(self, target: str, entity_id: int) -> None:
        """A radio message became an incident: show it, not left on a hidden tab."""
        if target == "incident":
            self.show_incident(entity_id)

    def show_incident(self, incident_id: int) -> None:
        """The Incidents dock in front with ``incident_id``'s row selected (read now, not
        when the queued change event arrives)."""
        dock = self.docks["incidents"]
        dock.show()
        dock.raise_()
        self.incidents.on_incident_changed(incident_id)
        self.incidents.select_incident(incident_id)

    @Slot()
    def find(self) -> None:
        """Ctrl+F: the search field of the panel the operator last worked in."""
        panel = self._last_panel
        focus_search = getattr(panel, "focus_search", None)
        if focus_search is None:
            panel, focus_search = self.incidents, self.incidents.focus_search
        dock = next((d for d in self.docks.values() if d.widget() is panel or d.isAncestorOf(panel)), None)
        if dock is not None:
            dock.show()
            dock.raise_()
        focus_search()

    @Slot(QWidget, QWidget)
    def _remember_panel(self, _old: QWidget | None, now: QWidget | None) -> None:
        radio = [self._radio] if self._radio is not None else []
        panels = [self.incidents, self.tasks, self.activity, *radio, *self.features.built_panels()]
        while now is not None:
            if now in panels:
                self._last_panel = now
                return
            now = now.parentWidget()

    @Slot()
    def guide(self) -> QWidget:
        from ops_console.ui.help_dialog import HelpDialog

        dialog = HelpDialog(self, self.post, self.log_path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def about(self) -> QMessageBox:
        from ops_console import __version__
        from ops_console.ui.help_dialog import locations_text

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Ops Console"),
            self.tr(
                "Ops Console {version}\n\nThe offline-first console of a community emergency "
                "command post. Everything is stored on this post's own database first."
            ).replace("{version}", __version__)
            + "\n\n"
            + locations_text(self.post, self.log_path),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutBox")
        box.open()
        return box

    # --- layout -----------------------------------------------------------------
    def restore_layout(self) -> bool:
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._first_start_geometry()
        return self._restore_profile()

    @staticmethod
    def _state_key(profile: str) -> str:
        return f"main_window/state/{profile}" if profile else "main_window/state"

    def _restore_profile(self) -> bool:
        """The current role's saved arrangement; when it has none yet, the shared one (or the
        default) with the role's own changes made over it. True if a saved one was used."""
        saved = self.settings.value(self._state_key(self._profile))
        if isinstance(saved, QByteArray) and self.restoreState(saved, LAYOUT_VERSION):
            return True
        shared = self.settings.value(self._state_key(""))
        if not (isinstance(shared, QByteArray) and self.restoreState(shared, LAYOUT_VERSION)):
            self.restoreState(self._default_state, LAYOUT_VERSION)
        self._arrange_for_role()
        return False

    def _arrange_for_role(self) -> None:
        """The signed-on role's own arrangement (ui/role_front.py ``JOINED``) over the current
        one: a dock joins another's tab stack, unless the person floated or closed either."""
        for key, stack in joined_docks(self.post.shift.role):
            dock, target = self.docks[key], self.docks[stack]
            if not (dock.isFloating() or target.isFloating() or dock.isHidden() or target.isHidden()):
                if target not in self.tabifiedDockWidgets(dock):
                    self.tabifyDockWidget(target, dock)
                target.raise_()
        QTimer.singleShot(0, self, self._hide_stale_tabs)

    @Slot()
    def _follow_role_layout(self) -> None:
        """A change of operator to a role with another arrangement: the leaving role's layout
        is kept under its name and the arriving role's is restored (or made)."""
        profile = layout_profile(self.post.shift.role)
        if profile == self._profile:
            return
        self.settings.setValue(self._state_key(self._profile), self.saveState(LAYOUT_VERSION))
        self._profile = profile
        self._restore_profile()

    def _first_start_geometry(self) -> None:
        """No saved geometry: open maximised, on a 1280x720 laptop as on a 1920x1080 screen —
        the console is the workstation's one program, and at 1400x900 in the middle of a
        large screen the task board and the log showed a third less than they could —
        unless the caller chooses a size with resize(). From then on the saved geometry wins."""
        self._maximise_first_show = True
        self.setAttribute(Qt.WidgetAttribute.WA_Resized, False)  # set again by any later resize()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        if not self._radio_scheduled:  # the comms log is read by the time anyone asks for it
            self._radio_scheduled = True
            after_first_paint(self, self._build_radio)
        if self._maximise_first_show:
            self._maximise_first_show = False
            if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
                # the screen's size first: without a window manager (a bare X server, a kiosk)
                # "maximised" is not honoured and the window would run off the screen
                self.setGeometry(self.screen().availableGeometry())
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        super().showEvent(event)

    @Slot()
    def raise_role_docks(self) -> None:
        """The signed-on role's own panels in front of their tab stacks (ui/role_front.py)."""
        for key in front_docks(self.post.shift.role):
            dock = self.docks.get(key)
            if dock is not None and dock.toggleViewAction().isChecked():  # not closed by the person
                dock.raise_()

    def restoreState(self, state: QByteArray, version: int = 0) -> bool:  # noqa: N802 (Qt name)
        """Qt's restore, then each life-safety bar back on a line of its own.

        A state saved before a bar existed (the default arrangement is taken before the
        exercise and alarm bars are made), or by an older console, lays the missing bars
        out without their line breaks: the EMERGENCY bar then shared one line with the
        siren strip, which shrank to its badge with "SOUNDING", the sirens' names and
        CANCEL ALL behind a "››" overflow."""
        restored = super().restoreState(state, version)
        self._bars_on_their_own_lines()
        return restored

    def _bars_on_their_own_lines(self) -> None:
        for bar in (self.features.siren_strip, self.exercise_bar, self.alarm.toolbar):
            if not self.toolBarBreak(bar):
                self.insertToolBarBreak(bar)  # a no-op before the area's first bar

    def save_layout(self) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue(self._state_key(self._profile), self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    @Slot()
    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self.docks.values():
            if not dock.isFloating():
                dock.show()
        self._arrange_for_role()
        QTimer.singleShot(0, self._hide_stale_tabs)  # once the restored layout is in place

    @Slot()
    def _hide_stale_tabs(self) -> None:
        tidy_tab_bars(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        # the title bar's close button (a spontaneous event) asks like Ctrl+Q; a close
        # from code (shutdown, tests) has already decided
        if event.spontaneous() and not self._shut_down and self.quit_guard.should_ask():
            event.ignore()
            self.quit_guard.ask()
            return
        keep_drafts(self, self.settings)
        self.save_layout()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop timers and background reads and stop listening to the bus (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.activity.shutdown()
        self.tasks.shutdown()
        self.alarm.shutdown()
        if self._radio is not None:
            self._radio.shutdown()
        self.features.shutdown()
        self.post.devices.stop()
        self.bridge.detach()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._remember_panel)  # type: ignore[attr-defined]
