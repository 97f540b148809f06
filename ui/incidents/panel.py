"""The incidents panel: filters above a sortable table, actions in a small toolbar.

Filtering runs in the service (one query on reload); live updates then touch only
the changed row, checked against the same filter in ``matches``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import IncidentStatus, Permission, Severity
from ops_console.errors import NotFound
from ops_console.post import Post
from ops_console.services.incidents import IncidentFilter, IncidentView
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.column_widths import fit_width
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.formatting import samples
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import severity_marks
from ops_console.ui.incidents.dialogs import CloseIncidentDialog, IncidentDialog
from ops_console.ui.incidents.model import (
    COLUMNS,
    OPEN_ONES,
    SORT_ROLE,
    IncidentTableModel,
    LiveFirstProxy,
    matches,
)


class IncidentsPanel(QWidget):
    """Lists the incidents of the current mode and edits them: in exercise mode the drill's,
    with the open live incidents on top, marked LIVE (exercise mode is a view)."""

    # "New task for this incident" was chosen: carries the incident id
    new_task_requested = Signal(int)
    # the selected incident changed: carries its IncidentView, or None
    incident_selected = Signal(object)

    def __init__(self, post: Post, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentsPanel")
        self._post = post
        self.dialog: IncidentDialog | CloseIncidentDialog | None = None
        self.model = IncidentTableModel(self)
        self.proxy = LiveFirstProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.status_box = QComboBox()
        self.status_box.setObjectName("statusFilter")
        self.status_box.addItem(self.tr("Open ones (not closed)"), OPEN_ONES)
        self.status_box.addItem(self.tr("All statuses"), frozenset())
        for status in IncidentStatus:
            self.status_box.addItem(status.label, frozenset({status}))
        self.severity_box = QComboBox()
        self.severity_box.setObjectName("severityFilter")
        self.severity_box.addItem(self.tr("Any severity"), 1)
        for sev in list(Severity)[1:]:
            self.severity_box.addItem(self.tr("{level} or worse").replace("{level}", sev.label), int(sev))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("incidentSearch")
        self.search_edit.setPlaceholderText(self.tr("Search title, place, notes  (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self._search_delay = QTimer(self, singleShot=True, interval=250)
        self._search_delay.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._search_delay.start)
        self.status_box.currentIndexChanged.connect(self.reload)
        self.severity_box.currentIndexChanged.connect(self.reload)

        self.new_button = QPushButton(self.tr("New incident…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.task_button = QPushButton(self.tr("New task for this incident"))
        self.new_button.clicked.connect(lambda: self.new_incident())
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.task_button.clicked.connect(self._request_task)

        self.table = QTableView()
        self.table.setObjectName("incidentTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # worst first, then newest: at 1280x720 five rows are in sight, and sorted by time
        # alone a critical incident from the night sat ninth, under the morning's minor ones
        self.table.sortByColumn(COLUMNS.index("severity"), Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in {
            "id": 38,
            "reported": 92,
            "kind": 116,
            "severity": 136,
            "status": 92,
            "title": 250,
            "location": 170,
            "reported_by": 120,
        }.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        fit_width(self.table, COLUMNS.index("reported"), 92, samples("short"))  # 6月28日 23:58 at any size
        fit_width(
            self.table,
            COLUMNS.index("severity"),
            136,
            tuple(f"{severity_marks(s)}  {s.label}" for s in Severity),
        )
        fit_width(self.table, COLUMNS.index("status"), 92, tuple(s.label for s in IncidentStatus), bold=True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.status_box)
        filters.addWidget(self.severity_box)
        filters.addWidget(self.search_edit, 1)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.close_button, self.task_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        bridge.incident_changed.connect(self.on_incident_changed)
        bridge.exercise_changed.connect(self.reload)
        bridge.records_purged.connect(self.reload)
        bridge.shift_changed.connect(self._update_actions)
        self.reload()

    # --- data -------------------------------------------------------------------
    def current_filter(self) -> IncidentFilter:
        return IncidentFilter(
            statuses=self.status_box.currentData(),
            min_severity=self.severity_box.currentData(),
            text=self.search_edit.text(),
        )

    @Slot()
    def reload(self) -> None:
        try:
            rows = self._post.incidents.list(self.current_filter())
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        self.model.exercise_mode = self._post.shift.exercise
        self.model.set_rows(rows)
        self._update_actions()

    @Slot(int)
    def on_incident_changed(self, incident_id: int) -> None:
        """Fetch the one incident and insert, refresh or drop its row. When the selected
        incident drops out (closed under "Open ones"), nothing stays selected: the selection
        must not slide onto the next incident, where a second *Close…* would close the wrong one."""
        chosen = self.selected()
        try:
            view = self._post.incidents.get(incident_id)
        except NotFound:
            self.model.remove(incident_id)
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        else:
            if matches(view, self.current_filter(), self._post.shift.exercise):
                self.model.upsert(view)
            else:
                self.model.remove(incident_id)
        if chosen is not None and chosen.id == incident_id and self.model.row_of(incident_id) < 0:
            self.table.clearSelection()
            self.table.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update_actions()

    @Slot()
    def _selection_changed(self, *_args: object) -> None:
        self.incident_selected.emit(self.selected())

    def selected(self) -> IncidentView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.view_at(self.proxy.mapToSource(rows[0]).row())

    def select_incident(self, incident_id: int) -> None:
        row = self.model.row_of(incident_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    # --- actions ----------------------------------------------------------------
    @Slot()
    def new_incident(self, lat: float | None = None, lon: float | None = None) -> IncidentDialog:
        """The new-incident form, at a spot on the map when one is given."""
        dialog = IncidentDialog(self._post, None, self)
        if lat is not None and lon is not None:
            dialog.lat_edit.setText(f"{lat:.6f}")
            dialog.lon_edit.setText(f"{lon:.6f}")
        return self._open(dialog)

    @Slot()
    def edit_selected(self) -> IncidentDialog | None:
        """The selected incident's form: to edit, or for a viewer to read it whole (a
        double-click did nothing for a viewer, and the notes were on hover only)."""
        view = self.selected()
        if view is None:
            return None
        dialog = IncidentDialog(self._post, view, self)
        if not self._post.shift.can(Permission.EDIT_RECORDS):
            dialog.read_only(self._viewer_refusal(), self.tr("Incident #{id}").replace("{id}", str(view.id)))
        return self._open(dialog)

    @Slot()
    def close_selected(self) -> CloseIncidentDialog | None:
        view = self.selected()
        if view is None or view.status == IncidentStatus.CLOSED:
            return None
        return self._open(CloseIncidentDialog(self._post, view, self))

    def _open(self, dialog: IncidentDialog | CloseIncidentDialog) -> IncidentDialog | CloseIncidentDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda view: (self.on_incident_changed(view.id), self.select_incident(view.id)))
        dialog.conflicted.connect(self.on_incident_changed)
        dialog.open()
        return dialog

    @Slot()
    def _request_task(self) -> None:
        view = self.selected()
        if view is not None:
            self.new_task_requested.emit(view.id)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _viewer_refusal(self) -> str:
        return self.tr("A viewer can read incidents but not change them.")

    @Slot()
    def _update_actions(self) -> None:
        can_edit = self._post.shift.can(Permission.EDIT_RECORDS)
        view = self.selected()
        role = (can_edit, self._viewer_refusal())
        chosen = (view is not None, self.tr("Select an incident in the list first."))
        allow(self.new_button, first_reason(role))
        allow(self.edit_button, first_reason(role, chosen))
        open_one = (view is None or view.status != IncidentStatus.CLOSED, self.tr("This incident is closed."))
        allow(self.close_button, first_reason(role, chosen, open_one))
        allow(self.task_button, first_reason(role, chosen))
        shown = self.model.rowCount()
        self.count_label.setText(self.tr("{n} shown").replace("{n}", str(shown)))
