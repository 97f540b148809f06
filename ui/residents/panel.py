"""The residents panel: a zone's evacuation progress, who is inside, and what to do next.

Thin over ops_console.residents: everything it shows comes from one snapshot read as a
job (a zone of 5,000 residents would otherwise hold the GUI thread for a moment), and
every action (mark, open a record, welfare-check tasks, export) is a job too. What the
role on shift may not do is disabled with the reason before the click; a viewer sees the
counts and the progress bar, and a line saying why the names are hidden.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.events import Event
from ops_console.residents import ResidentDetails, ResidentRow, ResidentServices, Whereabouts
from ops_console.residents.snapshot import ZoneSnapshot, zone_snapshot
from ops_console.topics import Topic
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.column_widths import title_width
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.common.messages import show_error
from ops_console.ui.mapping.panels import RowsModel

TINTS = {
    Whereabouts.EVACUATED: QColor("#dff0d8"),
    Whereabouts.STAYING: QColor("#e8f0fb"),
    Whereabouts.NOT_FOUND: QColor("#fbe0e0"),
    Whereabouts.NEEDS_TRANSPORT: QColor("#fcefd4"),
}
SAMPLE = 200  # rows measured for column widths
NEED_EDIT = "Operators and supervisors account for residents."
NEED_SUPERVISOR = "Only a supervisor may export the register (it is audited)."


def tr(text: str) -> str:
    return QCoreApplication.translate("Residents", text)


def _needs(r: ResidentRow) -> str:
    return ", ".join(n.label for n in r.needs)


def _shelter(r: ResidentRow) -> str:
    return r.shelter


def _where(r: ResidentRow) -> str:
    return r.whereabouts.label


class ResidentsPanel(QWidget):
    """One zone at a time: progress bar, counts per state, the residents inside, actions."""

    # a resident was selected: carries lat, lon so the map can centre there
    locate_requested = Signal(float, float)
    # a snapshot was rendered (tests wait on it)
    refreshed = Signal()

    def __init__(
        self, residents: ResidentServices, post: Any, bridge: PostBridge | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._residents, self._post = residents, post
        self._lane = JobLane("residents", 1, self)
        self.snapshot: ZoneSnapshot | None = None
        self._zone_id: int | None = None
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.zone = QComboBox()
        self.zone.activated.connect(self._zone_chosen)
        self.progress = QProgressBar()
        self.progress.setFormat(tr("%v of %m accounted for (%p%)"))
        self.states = QLabel()
        self.states.setWordWrap(True)
        self.only_open = QCheckBox(tr("Unaccounted only"))  # short: it shares the zone's line
        self.only_open.setToolTip(tr("Only those not yet accounted for (the report)"))
        self.only_open.toggled.connect(self._render_rows)
        self.model = RowsModel(
            [
                # whereabouts first: the sweep acts on who is still unaccounted (it was
                # past the dock's edge at 1280x720), then who, what they need, where
                (tr("Whereabouts"), _where),
                (tr("Name"), lambda r: r.name),
                (tr("Needs"), _needs),
                (tr("Address"), lambda r: r.address),
                (tr("Shelter"), _shelter),
            ],
            lambda r: TINTS.get(r.whereabouts),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(90)
        # the scroller below sizes its word-wrapped content by preferred heights, and a
        # table prefers ~190 px: the rows were pushed under its edge. Ignored: the table
        # takes the height that is left (at least its minimum), never more.
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # widths set in _fit_columns
        header.setStretchLastSection(True)  # not the address: at 1366 px it shrank to nothing
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.hidden = QLabel()
        self.hidden.setWordWrap(True)
        self.mark_as = QComboBox()
        for w in Whereabouts:
            if w is not Whereabouts.UNACCOUNTED:
                self.mark_as.addItem(w.label, w.value)  # Qt hands a str enum back as plain str
        self.shelter = QComboBox()
        self.shelter.setMaximumWidth(220)  # long shelter names are elided, the buttons stay on two lines
        self.mark = QPushButton(tr("Mark selected"))
        self.mark.clicked.connect(self.mark_selected)
        self.open_record = QPushButton(tr("Open record…"))
        self.open_record.clicked.connect(self.open_selected)
        self.tasks = QPushButton(tr("Welfare-check tasks"))
        self.tasks.clicked.connect(self.create_tasks)
        self.export = QPushButton(tr("Export register…"))
        self.export.clicked.connect(self.export_register)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()  # until there is something to say (_say)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Zone:")))
        top.addWidget(self.zone, 1)
        top.addWidget(self.progress, 2)
        top.addWidget(self.only_open)  # not a line of its own: the rows get it (2 were in sight at 1280x720)
        # what to read scrolls inside the panel (it shares a tab stack at 1280×720); the
        # buttons stay below it, whole and in sight, wrapping onto a second line if narrow
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.counts)
        layout.addLayout(top)
        layout.addWidget(self.states)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hidden)
        layout.addWidget(self.message)
        scroller = QScrollArea()
        scroller.setMinimumHeight(36)  # below that the rows scroll; the buttons stay
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(content)
        actions = FlowLayout()
        self._acting = (self.mark_as, self.shelter, self.mark, self.open_record, self.tasks, self.export)
        for w in self._acting:
            actions.addWidget(w)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller, 1)
        outer.addLayout(actions)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)
        if bridge is not None:
            bridge.map_event.connect(self.map_changed)
            bridge.shift_changed.connect(self._shift_changed)
            bridge.exercise_changed.connect(self._later)
            bridge.records_purged.connect(self._later)
        self._hold_actions()
        self.reload()

    # --- reading ------------------------------------------------------------------
    @Slot(object)
    def map_changed(self, event: Event) -> None:
        """A zone just drawn is the one the post wants to know about: show its residents."""
        if event.topic == Topic.ZONE_CHANGED and event.entity_id is not None:
            self._zone_id = event.entity_id  # withdrawn instead: the snapshot falls back
        self._later()

    @Slot()
    def _later(self, *_args: object) -> None:
        self._debounce.start()

    @Slot()
    def _shift_changed(self) -> None:
        self._hold_actions()  # what the last one on shift could do is not what this one may
        self._later()

    def _hold_actions(self) -> None:
        """Until the register is read for the one on shift, nothing acts: the rights and the
        zone come with the snapshot (``_gate``)."""
        self._held = True
        for w in self._acting:
            allow(w, tr("Reading the residents register…"))

    @Slot()
    def reload(self) -> None:
        post = self._post
        work = partial(zone_snapshot, self._residents, post.map.zones, post.map.shelters, self._zone_id)
        start_job(self._lane, work, self._render, self._failed, owner=self)

    def _render(self, snap: ZoneSnapshot) -> None:
        self.snapshot, self._zone_id = snap, snap.zone_id
        c = snap.counts
        needs = " · ".join(f"{n.label} {k}" for n, k in c.by_need.items() if k)
        self.counts.setText(
            tr(
                "{total} residents registered · {on_map} on the map · {off} with no position (listed only)"
            ).format(total=c.total, on_map=c.on_map, off=c.without_position)
        )
        # the whole register's needs: on hover, so the zone's rows keep the line
        self.counts.setToolTip(needs)
        self.zone.blockSignals(True)
        self.zone.clear()
        for z in snap.zones:
            self.zone.addItem(f"{z.name} ({z.kind.label.lower()})", z.id)
        self.zone.setCurrentIndex(max(0, self.zone.findData(snap.zone_id)))
        self.zone.setToolTip(self.zone.currentText())  # the box is narrow: the whole name on hover
        self.zone.blockSignals(False)
        p = snap.progress
        self.progress.setRange(0, max(1, p.total if p else 0))
        self.progress.setValue(p.accounted if p else 0)
        self.states.setText(
            " · ".join(f"{w.label} {p.by_status[w]}" for w in Whereabouts)
            if p
            else tr("No zone drawn on the map.")
        )
        self.shelter.clear()
        for sid, name in snap.shelters:
            self.shelter.addItem(name, sid)
        self.table.setVisible(snap.rows is not None)
        self.only_open.setVisible(snap.rows is not None)
        self.hidden.setVisible(snap.rows is None)
        self.hidden.setText(tr(snap.hidden_because))
        self._render_rows()
        self._held = False
        self._gate(snap)
        self.refreshed.emit()

    @Slot()
    def _render_rows(self, *_args: object) -> None:
        rows = (self.snapshot.rows if self.snapshot else None) or []
        if self.only_open.isChecked():
            rows = [r for r in rows if not r.whereabouts.accounted]
        self.model.set_rows(rows)
        self._fit_columns(rows[:SAMPLE])

    def _fit_columns(self, sample: list[ResidentRow]) -> None:
        """Widths from the text of a sample of rows: Qt's ResizeToContents measures every
        row's cell through the delegate, most of a second for a zone of 5,000."""
        metrics = self.table.fontMetrics()
        for column, (title, text) in enumerate(self.model.columns):
            widest = max(
                [metrics.horizontalAdvance(str(text(r))) for r in sample]
                + [metrics.horizontalAdvance(title) + 12]
            )
            self.table.setColumnWidth(column, max(min(320, widest + 16), title_width(self.table, column)))

    def _gate(self, snap: ZoneSnapshot) -> None:
        """Disable what the role may not do, with the reason on the control."""
        refusal = first_reason(
            (snap.may_edit, tr(NEED_EDIT)),
            (snap.zone_id is not None, tr("Draw a zone on the map and choose it above first.")),
        )
        for w in (self.mark_as, self.shelter, self.tasks):
            allow(w, refusal)
        chosen = first_reason(
            (not refusal, refusal), (self.selected() is not None, tr("Select a resident in the list first."))
        )
        allow(self.mark, chosen)
        allow(self.open_record, chosen, tr("Opening a record is recorded in the activity log."))
        allow(
            self.export,
            first_reason((snap.may_export, tr(NEED_SUPERVISOR))),
            tr("Written as CSV; the export is recorded in the activity log."),
        )

    def selected(self) -> ResidentRow | None:
        chosen = self.table.selectionModel().selectedRows()
        index = chosen[0] if chosen else self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # --- actions ------------------------------------------------------------------
    @Slot(int)
    def _zone_chosen(self, index: int) -> None:
        self._zone_id = self.zone.itemData(index)
        self.reload()

    @Slot()
    def mark_selected(self) -> None:
        row = self.selected()
        if row is None:
            self._say(tr("Select a resident first."))
            return
        whereabouts = Whereabouts(self.mark_as.currentData())
        shelter = self.shelter.currentData() if whereabouts is Whereabouts.EVACUATED else None
        work = partial(self._residents.evacuation.mark, row.id, whereabouts, shelter)
        start_job(self._lane, work, lambda _r: self.reload(), self._failed, owner=self)

    @Slot()
    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            self._say(tr("Select a resident first."))
            return
        start_job(
            self._lane,
            partial(self._residents.register.open, row.id),
            self._show_record,
            self._failed,
            owner=self,
        )

    def _show_record(self, d: ResidentDetails) -> QMessageBox:
        text = "\n".join(
            [
                f"{d.row.name} — {d.row.address or tr('address not given')}",
                tr("Needs: {needs}").format(needs=_needs(d.row) or "—"),
                tr("Contact: {c}").format(c=d.contact or "—"),
                tr("Neighbour: {n}").format(n=d.neighbour_contact or "—"),
                tr("Usually checked on by: {v}").format(v=d.checker or "—"),
                d.notes,
            ]
        ).strip()
        box = QMessageBox(
            QMessageBox.Icon.Information, tr("Resident R-{id}").format(id=d.row.id), text, parent=self
        )
        box.setModal(False)
        box.show()
        return box

    @Slot()
    def create_tasks(self) -> None:
        if self._zone_id is None:
            return
        work = partial(self._residents.evacuation.welfare_tasks, self._zone_id)
        start_job(self._lane, work, self._tasks_made, self._failed, owner=self)

    def _tasks_made(self, tasks: list[Any]) -> None:
        self._say(tr("{n} welfare-check tasks on the task board, one per street.").format(n=len(tasks)))

    @Slot()
    def export_register(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export the residents register"), "residents.csv", "CSV (*.csv)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        work = partial(self._residents.register.export_csv_file, path)
        start_job(
            self._lane,
            work,
            lambda n: self._say(tr("{n} residents exported.").format(n=n)),
            self._failed,
            owner=self,
        )

    def _row_changed(self, current: Any, _previous: Any) -> None:
        row = self.selected()
        if self.snapshot is not None and not self._held:
            self._gate(self.snapshot)  # "Mark selected" and "Open record…" wait for a row
        if row is not None and row.on_map:
            self.locate_requested.emit(row.lat, row.lon)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))  # an empty line would take a row's height

    def _failed(self, error: Exception) -> None:
        show_error(self, error)
