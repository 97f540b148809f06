"""SirenPanel: every siren's state at a glance, the activation wizard, CANCEL ALL, alarms,
scheduled tests and their report. Thin: it asks ``SirenService`` and renders views."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import ROLE_PERMISSIONS, Permission, Role
from ops_console.errors import OpsError
from ops_console.events import Event
from ops_console.said import shown
from ops_console.sirens.schedule import describe_rule, test_kind_words
from ops_console.sirens.service import CANCEL_PERMISSION, SirenService, roles_that_may_cancel
from ops_console.sirens.views import ALARM_WORDS, UNCOMMANDED
from ops_console.topics import Feature
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.formatting import decimal, local_short, local_short_seconds
from ops_console.ui.common.theme import set_ink, strong_button_style
from ops_console.ui.sirens.chart import BatteryChart
from ops_console.ui.sirens.look import EXERCISE_BLUE, LIVE_RED
from ops_console.ui.sirens.model import SirenTableModel
from ops_console.ui.sirens.schedule_dialog import ScheduleDialog
from ops_console.ui.sirens.wizard import ActivationDialog

COALESCE_MS = 150


def _tr(text: str) -> str:
    return QCoreApplication.translate("SirenPanel", text)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class SirenPanel(QWidget):
    """Sirens: status, activation through the service door, CANCEL ALL, alarms, tests."""

    # a siren was selected: carries its id
    siren_selected = Signal(int)

    def __init__(self, service: SirenService, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.bridge = service, bridge
        self.setObjectName("sirenPanel")

        # header: mode, summary, activate, CANCEL ALL
        self.mode_badge = QLabel()
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 11pt;")
        set_ink(self.summary, "hint")
        self.activate_button = QPushButton(_tr("Activate sirens…"))
        self.activate_button.setMinimumHeight(34)
        self.activate_button.clicked.connect(self.open_wizard)
        self.cancel_all_button = QPushButton(_tr("■  CANCEL ALL SIRENS"))
        self.cancel_all_button.setMinimumHeight(40)
        self.cancel_all_button.setStyleSheet(strong_button_style(LIVE_RED, large=True))
        self.cancel_all_button.clicked.connect(self.confirm_cancel_all)
        # wraps: with sirens sounding the row is ~780 px, a dock at 1280x720 ~620 px, and a
        # CANCEL ALL pushed out of sight is the one button that must never be
        header = FlowLayout()
        header.addWidget(self.mode_badge)
        header.addWidget(self.summary)
        header.addStretch()
        header.addWidget(self.activate_button)
        header.addWidget(self.cancel_all_button)

        # status tab: table + battery chart
        self.model = SirenTableModel(service.patterns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.chart = BatteryChart()
        status = QSplitter(Qt.Orientation.Vertical)
        status.addWidget(self.table)
        status.addWidget(self.chart)
        # the table first: a post's sirens (six in the demo) stay in sight at 1280x720, and
        # the chart, empty until a siren is chosen, takes what is left
        status.setStretchFactor(0, 2)
        status.setStretchFactor(1, 1)
        status.setSizes([400, 200])

        # alarms tab
        self.alarm_table = _table(
            [_tr("Raised"), _tr("Siren"), _tr("Alarm"), _tr("What happened"), _tr("Acknowledged")]
        )
        self.alarm_table.itemSelectionChanged.connect(self._alarm_selected)
        self.ack_button = QPushButton(_tr("Acknowledge"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.cancel_siren_button = QPushButton(_tr("Cancel this siren now"))
        self.cancel_siren_button.setStyleSheet("font-weight: 700;")
        set_ink(self.cancel_siren_button, "live")
        self.cancel_siren_button.clicked.connect(self.cancel_alarm_siren)
        alarm_buttons = QHBoxLayout()
        alarm_buttons.addWidget(self.ack_button)
        alarm_buttons.addWidget(self.cancel_siren_button)
        alarm_buttons.addStretch(1)
        alarms = QWidget()
        av = QVBoxLayout(alarms)
        av.addWidget(self.alarm_table)
        av.addLayout(alarm_buttons)

        # tests tab
        self.schedule_table = _table(
            [_tr("Test"), _tr("Kind"), _tr("When"), _tr("Sirens"), _tr("Next"), _tr("Last run")]
        )
        self.report_table = _table(
            [
                _tr("Run"),
                _tr("Test"),
                _tr("Siren"),
                _tr("Kind"),
                _tr("Result"),
                _tr("Battery"),
                _tr("Faults"),
                _tr("Details"),
            ]
        )
        self.schedule_button = QPushButton(_tr("Schedule a test…"))
        self.schedule_button.clicked.connect(self.open_schedule)
        tests = QWidget()
        tv = QVBoxLayout(tests)
        tv.addWidget(QLabel(_tr("<b>Scheduled tests</b>")))
        tv.addWidget(self.schedule_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.schedule_button)
        row.addStretch(1)
        tv.addLayout(row)
        tv.addWidget(QLabel(_tr("<b>Test report</b>")))
        tv.addWidget(self.report_table, 2)

        self.tabs = QTabWidget()
        self.tabs.addTab(status, _tr("Status"))
        self.tabs.addTab(alarms, _tr("Alarms"))
        self.tabs.addTab(tests, _tr("Tests"))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.reload)
        bridge.siren_event.connect(self.on_event)
        bridge.exercise_changed.connect(self.reload)
        bridge.shift_changed.connect(self.reload)
        self.reload()

    # -- refresh ----------------------------------------------------------------------------

    @Slot(object)
    def on_event(self, event: Event) -> None:
        if event.topic.feature is Feature.SIRENS:
            self._coalesce.start()

    def reload(self) -> None:
        selected = self.selected_siren()
        sirens = self.service.list_sirens()
        self.model.set_rows(sirens)
        if selected is not None:
            for r, s in enumerate(sirens):
                if s.id == selected:
                    self.table.selectionModel().select(
                        self.model.index(r, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
        running = [s for s in sirens if s.state in ("sounding", "testing") and s.comms_ok]
        testing = [s for s in running if s.state == "testing"]
        unknown = [s for s in sirens if not s.comms_ok]
        open_alarms = self.service.list_alarms(open_only=True)
        exercise = self.service.shift.exercise
        self.mode_badge.setText(_tr("EXERCISE") if exercise else _tr("LIVE"))
        self.mode_badge.setStyleSheet(
            f"background: {EXERCISE_BLUE if exercise else '#1b7f3b'}; color: white; "
            "font-weight: 800; padding: 6px 14px; border-radius: 4px;"
        )
        # a test is counted as testing, never as sounding: a silent test makes no sound
        sounding = len(running) - len(testing)
        # in exercise mode nothing is sent, so a siren that reads back sounding is a real
        # one: the EXERCISE badge beside it must not make it read as part of the drill
        live_template = _tr("%1 of %2 sounding LIVE (not part of the exercise)")
        parts = [
            (live_template if exercise and sounding else _tr("%1 of %2 sounding"))
            .replace("%1", str(sounding))
            .replace("%2", str(len(sirens)))
        ]
        if testing:
            parts.append(_tr("%1 testing").replace("%1", str(len(testing))))
        if unknown:
            parts.append(_tr("%1 state unknown").replace("%1", str(len(unknown))))
        parts.append(_tr("%1 open alarm(s)").replace("%1", str(len(open_alarms))))
        self.summary.setText("   ·   ".join(parts))
        self.cancel_all_button.setVisible(bool(running))
        may_cancel = self.service.shift.can(CANCEL_PERMISSION)
        self.cancel_all_button.setEnabled(may_cancel)
        self.cancel_all_button.setToolTip(
            ""
            if may_cancel
            else _tr("Only these roles may cancel sirens: %1.").replace(
                "%1", ", ".join(r.label for r in roles_that_may_cancel())
            )
        )
        may_sound = first_reason(
            (
                self.service.shift.can(Permission.ACTIVATE_SIRENS),
                _tr("Only these roles may sound or schedule sirens: %1.").replace(
                    "%1",
                    ", ".join(r.label for r in Role if Permission.ACTIVATE_SIRENS in ROLE_PERMISSIONS[r]),
                ),
            )
        )
        allow(self.activate_button, may_sound)
        allow(self.schedule_button, may_sound)
        self.tabs.setTabText(
            1, _tr("Alarms (%1)").replace("%1", str(len(open_alarms))) if open_alarms else _tr("Alarms")
        )
        self._fill_alarms()
        self._fill_tests()
        self.show_selected()

    def _fill_alarms(self) -> None:
        rows = self.service.list_alarms()
        self.alarm_table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            ack = (
                f"{a.acknowledged_by}, {local_short(a.acknowledged_at)}" if a.acknowledged_at else _tr("OPEN")
            )
            values = (
                local_short_seconds(a.raised_at),
                a.siren_name,
                QCoreApplication.translate("SirenAlarms", ALARM_WORDS.get(a.kind, a.kind)),
                a.words,
                ack,
            )
            exported = {  # the times whole, for the paper backup (ui/common/export_role.py)
                0: iso_time(a.raised_at),
                4: f"{a.acknowledged_by}, {iso_time(a.acknowledged_at)}" if a.acknowledged_at else None,
            }
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setData(ExportRole, exported.get(c))
                if a.acknowledged_at is None:
                    item.setBackground(Qt.GlobalColor.transparent)
                    if a.kind == UNCOMMANDED or c == 4:
                        item.setForeground(Qt.GlobalColor.darkRed)
                self.alarm_table.setItem(r, c, item)
        self.alarm_table.resizeColumnsToContents()
        self._alarm_selected()

    def _fill_tests(self) -> None:
        names = {s.id: s.name for s in self.model.rows}
        schedules = self.service.list_schedules()
        self.schedule_table.setRowCount(len(schedules))
        for r, sc in enumerate(schedules):
            values = (
                sc.name,
                test_kind_words(sc.kind),
                shown(describe_rule(sc.nth, sc.weekday, sc.time_local, sc.tz)),
                ", ".join(names.get(i, str(i)) for i in sc.siren_ids) or _tr("all"),
                local_short(sc.next_due_at),
                local_short(sc.last_run_at) if sc.last_run_at else "—",
            )
            exported = {4: iso_time(sc.next_due_at), 5: iso_time(sc.last_run_at)}
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(ExportRole, exported.get(c))
                self.schedule_table.setItem(r, c, item)
        report = self.service.test_report()
        self.report_table.setRowCount(len(report))
        for r, t in enumerate(report):
            values = (
                local_short(t.run_at),
                t.schedule_name,
                t.siren_name,
                test_kind_words(t.kind),
                _tr("PASSED") if t.passed else _tr("FAILED"),
                "—" if t.battery_v is None else f"{decimal(t.battery_v, 2)} V",
                t.faults or _tr("none"),
                t.outcome,
            )
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(ExportRole, iso_time(t.run_at))
                if c == 4:
                    item.setForeground(Qt.GlobalColor.darkGreen if t.passed else Qt.GlobalColor.darkRed)
                self.report_table.setItem(r, c, item)
        self.schedule_table.resizeColumnsToContents()
        self.report_table.resizeColumnsToContents()

    @Slot()
    def _selection_changed(self, *_args: object) -> None:
        self.show_selected()
        siren_id = self.selected_siren()
        if siren_id is not None:
            self.siren_selected.emit(siren_id)

    def selected_siren(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()].id if rows and rows[0].row() < len(self.model.rows) else None

    def select_siren(self, siren_id: int) -> bool:
        """Select a siren's row (the map was clicked on it); False when it is not listed."""
        for row, view in enumerate(self.model.rows):
            if view.id == siren_id:
                self.table.selectRow(row)
                return True
        return False

    def show_alarm(self, alarm_id: int) -> bool:
        """The Alarms tab in front with one alarm selected and in sight (an alert's *Go to
        record*: acknowledge or stop the siren from there); False when it is not listed."""
        for row in range(self.alarm_table.rowCount()):
            item = self.alarm_table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == alarm_id:
                self.tabs.setCurrentIndex(1)
                self.alarm_table.selectRow(row)
                self.alarm_table.scrollToItem(item)
                return True
        return False

    def show_selected(self) -> None:
        sid = self.selected_siren()
        if sid is None:
            return
        view = next(s for s in self.model.rows if s.id == sid)
        self.chart.show_history(view.name, self.service.history(sid))

    # -- actions ----------------------------------------------------------------------------

    def make_wizard(self) -> ActivationDialog:
        sid = self.selected_siren()
        return ActivationDialog(self.service, self, preselect=[sid] if sid else [])

    def open_wizard(self) -> None:
        self.make_wizard().exec()
        self.reload()

    def confirm_cancel_all(self) -> None:
        answer = QMessageBox.warning(
            self,
            _tr("Cancel all sirens"),
            _tr("Stop every siren now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.cancel_all()

    def cancel_all(self) -> None:
        try:
            self.service.cancel_all()
        except OpsError as exc:
            QMessageBox.warning(self, _tr("Cancel all sirens"), str(exc))

    def _selected_alarm(self):
        items = self.alarm_table.selectedItems()
        if not items:
            return None
        alarm_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.service.list_alarms() if a.id == alarm_id), None)

    def _alarm_selected(self) -> None:
        a = self._selected_alarm()
        chosen = (a is not None, _tr("Select an alarm in the list first."))
        allow(
            self.ack_button,
            first_reason(
                chosen, (a is None or a.acknowledged_at is None, _tr("This alarm is acknowledged already."))
            ),
        )
        allow(
            self.cancel_siren_button,
            first_reason(
                chosen,
                (
                    a is None or (a.kind == UNCOMMANDED and a.siren_id is not None),
                    _tr("Only a siren sounding without a command is stopped from here."),
                ),
            ),
        )

    def acknowledge_selected(self) -> None:
        a = self._selected_alarm()
        if a is not None:
            try:
                self.service.acknowledge(a.id)
            except OpsError as exc:
                QMessageBox.warning(self, _tr("Acknowledge"), str(exc))

    def cancel_alarm_siren(self) -> None:
        """One click: an uncommanded activation is stopped without a wizard."""
        a = self._selected_alarm()
        if a is None or a.siren_id is None:
            return
        try:
            self.service.cancel([a.siren_id], reason="cancel uncommanded activation")
        except OpsError as exc:
            QMessageBox.warning(self, _tr("Cancel siren"), str(exc))

    def open_schedule(self) -> None:
        dialog = ScheduleDialog(self.service, self)
        dialog.exec()
        self.reload()

    def detach(self) -> None:
        self.bridge.siren_event.disconnect(self.on_event)
