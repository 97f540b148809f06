"""The inventory panel: alerts on top, the stock table and its chart, the request queue.

Thin by design: every number comes from InventoryService; the panel filters (through a
proxy), sorts ("what runs out first" = fewest days of cover at the recent issue rate),
opens the forms and reloads when any workstation records a change.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from ops_console.domain import Permission
from ops_console.events import Event
from ops_console.inventory import InventoryService, MovementKind, RequestView, StockLevel
from ops_console.post import Post
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.inventory.catalogue_dialogs import AddItemDialog, AddLocationDialog, RequestDialog
from ops_console.ui.inventory.chart import LevelChart
from ops_console.ui.inventory.dialogs import FulfilDialog, MovementDialog
from ops_console.ui.inventory.files import ImportDialog, export_job, start_job
from ops_console.ui.inventory.model import SORT_ROLE, STOCK_COLUMNS, RequestQueueModel, StockTableModel


class StockFilter(QSortFilterProxyModel):
    """Category, location and critical-only filters over the stock table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category: str | None = None
        self.location_id: int | None = None
        self.critical_only = False
        self.setSortRole(SORT_ROLE)

    def set(self, category: str | None, location_id: int | None, critical_only: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.category, self.location_id, self.critical_only = category, location_id, critical_only
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.category, self.location_id, self.critical_only = category, location_id, critical_only
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt name)
        lv: StockLevel = self.sourceModel().level_at(row)  # type: ignore[attr-defined]
        return ((self.category is None or lv.category == self.category)
                and (self.location_id is None or lv.location_id == self.location_id)
                and (not self.critical_only or lv.critical))


class InventoryPanel(QWidget):
    """What the post has, where, what runs out next, and what the field asks for."""

    # the table, alerts and queue were read again
    reloaded = Signal()
    # an export finished: carries the path and the rows written
    exported = Signal(str, int)

    def __init__(self, post: Post, bridge: PostBridge, inventory: InventoryService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryPanel")
        self._post = post
        self.inventory = inventory or getattr(post, "inventory", None) or InventoryService(post.db, post.bus, post.shift)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: list = []  # running file jobs, kept alive until they report  # type: ignore[type-arg]
        self.model, self.requests_model = StockTableModel(self), RequestQueueModel(self)
        self.proxy = StockFilter(self)
        self.proxy.setSourceModel(self.model)

        self.alerts = QLabel()
        self.alerts.setObjectName("inventoryAlerts")
        self.alerts.setWordWrap(True)
        self.category_box, self.location_box = QComboBox(), QComboBox()
        self.category_box.setObjectName("categoryFilter")
        self.location_box.setObjectName("locationFilter")
        self.critical_box = QCheckBox(self.tr("Critical items only"))
        self.runs_out_button = QPushButton(self.tr("What runs out first"))
        self.runs_out_button.setToolTip(self.tr("Sort by days of cover at the last 7 days' use"))
        for box in (self.category_box, self.location_box):
            box.currentIndexChanged.connect(self._apply_filter)
        self.critical_box.toggled.connect(self._apply_filter)
        self.runs_out_button.clicked.connect(self.sort_runs_out_first)

        self.move_buttons: dict[MovementKind, QPushButton] = {}
        actions = QHBoxLayout()
        for kind, words in ((MovementKind.RECEIVE, self.tr("Receive…")), (MovementKind.ISSUE, self.tr("Issue…")),
                            (MovementKind.TRANSFER, self.tr("Transfer…")), (MovementKind.CONSUME, self.tr("Consume…")),
                            (MovementKind.RETURN, self.tr("Return…")), (MovementKind.ADJUST, self.tr("Adjust…"))):
            button = QPushButton(words)
            button.clicked.connect(lambda _=False, k=kind: self.open_movement(k))
            self.move_buttons[kind] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.new_item_button = QPushButton(self.tr("New item…"))
        self.new_location_button = QPushButton(self.tr("New location…"))
        self.new_request_button = QPushButton(self.tr("New request…"))
        for button, form in ((self.new_item_button, AddItemDialog), (self.new_location_button, AddLocationDialog),
                             (self.new_request_button, RequestDialog)):
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

        self.table = self._table(self.proxy, "stockTable")
        for column, width in {"item": 190, "category": 105, "location": 215, "level": 150, "quantity": 115,
                              "minimum": 60, "target": 60, "cover": 100}.items():
            self.table.setColumnWidth(STOCK_COLUMNS.index(column), width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_chart())
        self.chart = LevelChart()
        self.chart_scope = QComboBox()
        self.chart_scope.addItem(self.tr("This location"), "location")
        self.chart_scope.addItem(self.tr("All locations"), "total")
        self.chart_scope.currentIndexChanged.connect(lambda *_: self.show_chart())
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_scope)
        chart_layout.addWidget(self.chart, 1)

        self.request_table = self._table(self.requests_model, "requestQueue")
        self.request_table.setSortingEnabled(False)
        for column, width in enumerate((40, 110, 90, 110, 170, 110, 220, 90)):
            self.request_table.setColumnWidth(column, width)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.deny_button = QPushButton(self.tr("Deny…"))
        self.fulfil_button = QPushButton(self.tr("Fulfil…"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.deny_button.clicked.connect(self.deny_selected)
        self.fulfil_button.clicked.connect(self.fulfil_selected)
        self.request_table.selectionModel().selectionChanged.connect(self._update_actions)
        queue = QWidget()
        queue_layout = QVBoxLayout(queue)
        queue_buttons = QHBoxLayout()
        for button in (self.approve_button, self.deny_button, self.fulfil_button):
            queue_buttons.addWidget(button)
        queue_buttons.addStretch(1)
        queue_layout.addLayout(queue_buttons)
        queue_layout.addWidget(self.request_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(queue, self.tr("Requests"))

        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("Category")), self.category_box, QLabel(self.tr("Location")), self.location_box,
                       self.critical_box):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.runs_out_button)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.table)
        upper.addWidget(chart_box)
        upper.setSizes([960, 420])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(self.tabs)
        split.setSizes([560, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.alerts)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

        self._reload_soon = QTimer(self, singleShot=True, interval=150)
        self._reload_soon.timeout.connect(self.reload)
        bridge.event_received.connect(self._on_event)
        bridge.exercise_changed.connect(self.reload)
        bridge.shift_changed.connect(self._update_actions)
        self._fill_filters()
        self.reload()

    def _table(self, model, name: str) -> QTableView:  # type: ignore[no-untyped-def]
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- data -----------------------------------------------------------------------
    def _fill_filters(self) -> None:
        for box, first, values in ((self.category_box, self.tr("All categories"), [(c, c) for c in self.inventory.categories()]),
                                   (self.location_box, self.tr("All locations"),
                                    [(v.name, v.id) for v in self.inventory.locations()])):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for text, data in values:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    @Slot()
    def open_form(self, form: type) -> QDialog:
        """One of the catalogue/request forms; the stock table and queue reload when it is saved."""
        dialog = form(self.inventory, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def reload(self) -> None:
        try:
            levels, requests, alerts = self.inventory.levels(), self.inventory.requests(), self.inventory.alerts()
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        self.model.set_rows(levels)
        self.requests_model.set_rows(requests)
        low = sum(1 for a in alerts if a.kind in ("low_stock", "out_of_stock"))
        expiring = sum(1 for a in alerts if a.kind in ("expiring", "expired"))
        words = self.tr("⚠ %1 below minimum · %2 expiring or expired · %3 open requests").replace(
            "%1", str(low)).replace("%2", str(expiring)).replace("%3", str(len(requests)))
        self.alerts.setText(words if alerts else self.tr("✔ All stock at or above minimum · %1 open requests")
                            .replace("%1", str(len(requests))))
        self.alerts.setToolTip("\n".join(a.message for a in alerts[:30]))
        self.alerts.setStyleSheet("background: #fde0b0; color: #5c3a00; padding: 6px 10px; font-weight: 600;" if alerts
                                  else "background: #d4efe6; color: #00503c; padding: 6px 10px; font-weight: 600;")
        self._update_actions()
        self.reloaded.emit()

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        if event.topic.startswith("inventory.") or event.topic == "exercise.purged":
            if event.topic == "inventory.catalogue":
                self._fill_filters()
            self._reload_soon.start()

    @Slot()
    def _apply_filter(self) -> None:
        self.proxy.set(self.category_box.currentData(), self.location_box.currentData(), self.critical_box.isChecked())

    @Slot()
    def sort_runs_out_first(self) -> None:
        self.table.sortByColumn(STOCK_COLUMNS.index("cover"), Qt.SortOrder.AscendingOrder)

    def selected_level(self) -> StockLevel | None:
        index = self.table.currentIndex()
        return self.model.level_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def selected_request(self) -> RequestView | None:
        rows = self.request_table.selectionModel().selectedRows()
        return self.requests_model.request_at(rows[0].row()) if rows else None

    @Slot()
    def show_chart(self) -> None:
        lv = self.selected_level()
        if lv is None:
            return
        total = self.chart_scope.currentData() == "total"
        series = self.inventory.series(lv.item_id, None if total else lv.location_id)
        where = self.tr("all locations") if total else lv.location_name
        self.chart.show_series(series, f"{lv.item_name} — {where}", lv.unit)

    # --- actions --------------------------------------------------------------------
    def open_movement(self, kind: MovementKind) -> MovementDialog:
        lv = self.selected_level()
        teams = [(t.id, t.name) for t in self._post.tasks.teams()]
        dialog = MovementDialog(self.inventory, kind, self, item_id=lv.item_id if lv else None,
                                location_id=lv.location_id if lv else None, teams=teams)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(lambda _views: self.reload())
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.inventory, Path(path), self.pool, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _n: (self._fill_filters(), self.reload()))
        dialog.open()
        return dialog

    def export_to(self, path: Path, what: str) -> None:
        """Write levels or movements to ``path`` on the worker; ``exported`` says when done."""
        work = export_job(self.inventory, Path(path), what)
        self._jobs.append(start_job(self.pool, lambda: (str(path), work()), self._export_done, self._job_failed))

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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a stock count"), "", self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.import_file(Path(path))

    def _choose_export(self, what: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as CSV"), f"stock_{what}.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path), what)

    @Slot()
    def approve_selected(self) -> None:
        request = self.selected_request()
        if request is not None:
            self._decide(lambda: self.inventory.approve(request.id, request.version))

    @Slot()
    def deny_selected(self) -> None:
        request = self.selected_request()
        if request is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Deny request #%1").replace("%1", str(request.id)),
                                          self.tr("Reason (the field will be told):"))
        if ok:
            self._decide(lambda: self.inventory.deny(request.id, request.version, reason))

    @Slot()
    def fulfil_selected(self) -> FulfilDialog | None:
        request = self.selected_request()
        if request is None:
            return None
        dialog = FulfilDialog(self.inventory, request, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(lambda _views: self.reload())
        dialog.open()
        return dialog

    def _decide(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
        self.reload()

    @Slot()
    def _update_actions(self) -> None:
        can = self._post.shift.can(Permission.LOGISTICS)
        for button in (*self.move_buttons.values(), self.import_button):
            button.setEnabled(can)
        request = self.selected_request()
        self.approve_button.setEnabled(can and request is not None and request.status.value == "requested")
        self.deny_button.setEnabled(can and request is not None and request.status.value in ("requested", "approved"))
        self.fulfil_button.setEnabled(can and request is not None
                                      and request.status.value in ("approved", "partly_fulfilled"))

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Let a running import or export finish (before the database is closed)."""
        return self.pool.waitForDone(msecs)
