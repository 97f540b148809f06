"""The inventory panel: alerts on top, the stock table and its chart, the request queue.

Thin by design: every number comes from InventoryService. The panel composes three
parts — the picture (stock_view: filters, table, chart), the queue (request_queue)
and the actions that change stock (movement forms, catalogue forms, CSV files) — and
reads everything again, off the GUI thread, when any workstation records a change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import IncidentStatus, Permission
from ops_console.events import Event
from ops_console.inventory import InventoryService, MovementKind, RequestView, StockAlert, StockLevel
from ops_console.inventory.table import LevelTable
from ops_console.post import Post
from ops_console.topics import Feature, Topic
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.inventory.catalogue_dialogs import AddItemDialog, AddLocationDialog, RequestDialog
from ops_console.ui.inventory.dialogs import FulfilDialog, MovementDialog
from ops_console.ui.inventory.files import ImportDialog, export_job
from ops_console.ui.inventory.request_queue import RequestQueue
from ops_console.ui.inventory.stock_view import StockView

MOVEMENT_WORDS = (
    (MovementKind.RECEIVE, QT_TRANSLATE_NOOP("InventoryPanel", "Receive…")),
    (MovementKind.ISSUE, QT_TRANSLATE_NOOP("InventoryPanel", "Issue…")),
    (MovementKind.TRANSFER, QT_TRANSLATE_NOOP("InventoryPanel", "Transfer…")),
    (MovementKind.CONSUME, QT_TRANSLATE_NOOP("InventoryPanel", "Consume…")),
    (MovementKind.RETURN, QT_TRANSLATE_NOOP("InventoryPanel", "Return…")),
    (MovementKind.ADJUST, QT_TRANSLATE_NOOP("InventoryPanel", "Adjust…")),
)
BANNER = {
    True: "background: #fde0b0; color: #5c3a00; padding: 6px 10px; font-weight: 600;",
    False: "background: #d4efe6; color: #00503c; padding: 6px 10px; font-weight: 600;",
}


class InventoryPanel(QWidget):
    """What the post has, where, what runs out next, and what the field asks for."""

    # the table, alerts and queue were read again
    reloaded = Signal()
    # an export finished: carries the path and the rows written
    exported = Signal(str, int)
    # a stock row was chosen: carries its StockLevel and whether it was a click (not a reload keeping it)
    level_selected = Signal(object, bool)

    def __init__(
        self,
        post: Post,
        bridge: PostBridge,
        inventory: InventoryService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryPanel")
        self._post = post
        self.inventory = inventory or post.inventory  # built by the composition root, never here
        # files; reloads (never behind an export)
        self.pool, self.reader = (
            JobLane("inventory-files", parent=self),
            JobLane("inventory-read", parent=self),
        )
        self._reading: Job | None = None
        self._again = False
        self._jobs: list = []  # running file jobs, kept alive until they report  # type: ignore[type-arg]
        self.alerts = QLabel()
        self.alerts.setObjectName("inventoryAlerts")
        self.alerts.setWordWrap(True)
        self.stock = StockView(self.inventory, self)
        self.stock.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.stock.table.clicked.connect(self._row_clicked)
        self.queue = RequestQueue(self.inventory, self)
        self.queue.changed.connect(self.reload)
        self._lay_out(self._actions())

        self._reload_soon = QTimer(self, singleShot=True, interval=150)
        self._reload_soon.timeout.connect(self.reload)
        bridge.inventory_event.connect(self._on_event)
        bridge.records_purged.connect(self.reload)
        bridge.exercise_changed.connect(self.reload)
        bridge.shift_changed.connect(self._update_actions)
        self._fill_filters()
        self._first_picture()

    def _first_picture(self) -> None:
        """The first reading is waited for, so the panel never opens empty."""
        try:
            self._show(_read_picture(self.inventory))
        except KNOWN_ERRORS as exc:
            show_error(self, exc)

    # the parts, under the names the rest of the console and the tests use
    model = property(lambda self: self.stock.model)
    table = property(lambda self: self.stock.table)
    chart = property(lambda self: self.stock.chart)
    chart_scope = property(lambda self: self.stock.chart_scope)
    category_box = property(lambda self: self.stock.category_box)
    location_box = property(lambda self: self.stock.location_box)
    critical_box = property(lambda self: self.stock.critical_box)
    requests_model = property(lambda self: self.queue.model)
    request_table = property(lambda self: self.queue.table)

    def _actions(self) -> FlowLayout:
        actions = FlowLayout()  # wraps at 1280x720 instead of pushing buttons out of sight
        self.move_buttons: dict[MovementKind, QPushButton] = {}
        for kind, words in MOVEMENT_WORDS:
            button = QPushButton(self.tr(words))
            button.clicked.connect(lambda _=False, k=kind: self.open_movement(k))
            self.move_buttons[kind] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.new_item_button = QPushButton(self.tr("New item…"))
        self.new_location_button = QPushButton(self.tr("New location…"))
        self.new_request_button = QPushButton(self.tr("New request…"))
        for button, form in (
            (self.new_item_button, AddItemDialog),
            (self.new_location_button, AddLocationDialog),
            (self.new_request_button, RequestDialog),
        ):
            button.clicked.connect(lambda _=False, f=form: self.open_form(f))
            actions.addWidget(button)
        self.import_button = QPushButton(self.tr("Import count…"))
        self.export_levels_button = QPushButton(self.tr("Export levels…"))
        self.export_moves_button = QPushButton(self.tr("Export movements…"))
        self.import_button.clicked.connect(self._choose_import)
        self.export_levels_button.clicked.connect(lambda: self._choose_export("levels"))
        self.export_moves_button.clicked.connect(lambda: self._choose_export("movements"))
        for button in (self.import_button, self.export_levels_button, self.export_moves_button):
            actions.addWidget(button)
        return actions

    def _lay_out(self, actions: FlowLayout) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.stock)
        split.addWidget(self.queue)
        split.setSizes([520, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.alerts)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

    # --- data -----------------------------------------------------------------------
    def _fill_filters(self) -> None:
        self.stock.fill_filters(self.inventory.categories(), self.inventory.locations())

    def reload(self) -> None:
        """Read the table, the queue and the alerts again, on the reader thread (~80 ms
        on a post with a million movements: too long to freeze the window for); a reload
        asked for while one runs is done once more after it."""
        if self._reading is not None and not self._reading.finished:
            self._again = True
            return
        self._reading = start_job(
            self.reader, partial(_read_picture, self.inventory), self._show, self._read_failed, owner=self
        )

    @Slot(object)
    def _show(self, picture: tuple[LevelTable, list[RequestView], list[StockAlert]]) -> None:
        table, requests, alerts = picture
        self.stock.show_table(table)
        self.queue.set_requests(requests)
        self._show_alerts(alerts, len(requests))
        self._update_actions()
        self.reloaded.emit()
        self._read_again_if_asked()

    @Slot(object)
    def _read_failed(self, exc: Exception) -> None:
        self._read_again_if_asked()
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc
        show_error(self, exc)

    def _read_again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self.reload()

    def _show_alerts(self, alerts: list[StockAlert], open_requests: int) -> None:
        low = sum(1 for a in alerts if a.kind in ("low_stock", "out_of_stock"))
        expiring = sum(1 for a in alerts if a.kind in ("expiring", "expired"))
        words = (
            self.tr("⚠ %1 below minimum · %2 expiring or expired · %3 open requests")
            .replace("%1", str(low))
            .replace("%2", str(expiring))
            .replace("%3", str(open_requests))
        )
        self.alerts.setText(
            words
            if alerts
            else self.tr("✔ All stock at or above minimum · %1 open requests").replace(
                "%1", str(open_requests)
            )
        )
        self.alerts.setToolTip("\n".join(a.message for a in alerts[:30]))
        self.alerts.setStyleSheet(BANNER[bool(alerts)])

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        if event.topic.feature is Feature.INVENTORY:
            if event.topic == Topic.INVENTORY_CATALOGUE:
                self._fill_filters()
            self._reload_soon.start()

    @Slot()
    def sort_runs_out_first(self) -> None:
        self.stock.sort_runs_out_first()

    def _current_row_changed(self, *_args: object) -> None:
        level = self.selected_level()
        if level is not None:
            self.level_selected.emit(level, False)

    def _row_clicked(self, *_args: object) -> None:
        level = self.selected_level()
        if level is not None:
            self.level_selected.emit(level, True)

    def selected_level(self) -> StockLevel | None:
        return self.stock.selected_level()

    def selected_request(self) -> RequestView | None:
        return self.queue.selected_request()

    # --- actions --------------------------------------------------------------------
    @Slot()
    def open_form(self, form: type) -> QDialog:
        """One of the catalogue/request forms; the stock table and queue reload when it is saved."""
        level = self.selected_level()
        if (
            form is RequestDialog and level is not None
        ):  # pre-filled with the chosen row, as Receive and Issue are
            dialog = RequestDialog(self.inventory, self, item_id=level.item_id)
        else:
            dialog = form(self.inventory, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def open_movement(self, kind: MovementKind) -> MovementDialog:
        lv = self.selected_level()
        teams = [(t.id, t.name) for t in self._post.tasks.teams()]
        incidents = [
            (i.id, i.title) for i in self._post.incidents.list() if i.status != IncidentStatus.CLOSED
        ]
        dialog = MovementDialog(
            self.inventory,
            kind,
            self,
            item_id=lv.item_id if lv else None,
            location_id=lv.location_id if lv else None,
            teams=teams,
            incidents=incidents,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(self.reload)
        dialog.open()
        return dialog

    def approve_selected(self) -> None:
        self.queue.approve_selected()

    def deny_selected(self) -> None:
        self.queue.deny_selected()

    def fulfil_selected(self) -> FulfilDialog | None:
        return self.queue.fulfil_selected()

    def import_file(self, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.inventory, Path(path), self.pool, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _n: (self._fill_filters(), self.reload()))
        dialog.open()
        return dialog

    def export_to(self, path: Path, what: str) -> None:
        """Write levels or movements to ``path`` on the worker; ``exported`` says when done."""
        work = export_job(self.inventory, Path(path), what)
        self._jobs.append(
            start_job(
                self.pool,
                partial(_exported, str(path), work),
                self._export_done,
                self._job_failed,
                owner=self,
            )
        )

    @Slot(object)
    def _export_done(self, result: tuple[str, int]) -> None:
        self._jobs = [job for job in self._jobs if not job.finished]
        self.exported.emit(*result)

    @Slot(object)
    def _job_failed(self, exc: Exception) -> None:
        self._jobs = [job for job in self._jobs if not job.finished]
        if not isinstance(exc, (*KNOWN_ERRORS, OSError)):
            raise exc
        show_error(self, exc)

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a stock count"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if path:
            self.import_file(Path(path))

    def _choose_export(self, what: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as CSV"), f"stock_{what}.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path), what)

    @Slot()
    def _update_actions(self) -> None:
        can = self._post.shift.can(Permission.LOGISTICS)
        refusal = first_reason(
            (can, self.tr("Only logistics staff, supervisors and administrators change the stores."))
        )
        stores = (self.import_button, self.new_item_button, self.new_location_button)
        for button in (*self.move_buttons.values(), *stores):
            allow(button, refusal)
        may_ask = self._post.shift.can(Permission.EDIT_RECORDS)  # anyone on duty but a viewer
        allow(
            self.new_request_button,
            first_reason((may_ask, self.tr("A viewer can read the stores but not ask for supplies."))),
        )
        self.queue.update_actions(can)

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Let a running import, export or reload finish (before the database is closed)."""
        return self.pool.waitForDone(msecs) and self.reader.waitForDone(msecs)


def _read_picture(inventory: InventoryService) -> tuple[LevelTable, list[RequestView], list[StockAlert]]:
    """Worker side of a reload: the service only, never the panel."""
    return inventory.level_table(), inventory.requests(), inventory.alerts()


def _exported(path: str, work: Callable[[], int]) -> tuple[str, int]:
    return path, work()
