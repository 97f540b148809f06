"""The team status board: one row per team, its PAR timer ticking, and the actions a radio
operator needs on it (PAR confirmed by voice, the roll call, MAYDAY, status and timer).

The board is read on a job lane (never on the GUI thread) when a people or radio event
arrives (debounced) and every second for the timers; the rows are plain values.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Permission
from ops_console.events import Event
from ops_console.people.teams import TeamRow
from ops_console.people.views import TeamStatus
from ops_console.post import Post
from ops_console.said import shown
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import set_ink

from .board_model import COLUMNS, TeamBoardModel

TICK_MS = 1000
DEBOUNCE_MS = 150


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamBoard", text)


class TeamBoardPanel(QWidget):
    """The board; ``team_selected`` carries a team id, ``centre_on`` (lat, lon) of a MAYDAY team."""

    team_selected = Signal(int)
    centre_on = Signal(float, float)  # a MAYDAY team's last position, for the map

    def __init__(self, post: Post, bridge: PostBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamBoardPanel")
        self.post = post
        self.model = TeamBoardModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("teamBoard")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("members"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.confirm = self._button(tr("PAR confirmed by &voice"), "parConfirm", self.confirm_par)
        self.mayday = self._button(tr("MAYDAY"), "maydayButton", self.raise_mayday)
        self.mayday.setStyleSheet("QPushButton#maydayButton { font-weight: bold; }")
        set_ink(self.mayday, "live")
        self.roll = self._button(tr("Start PAR &roll call"), "rollCallButton", self.roll_call)
        self.form_team = self._button(tr("&Form team…"), "formTeam", self.open_team_form)
        self.disband = self._button(tr("Disband"), "disbandTeam", self.disband_team)
        self.status = QComboBox(self)
        self.status.setObjectName("teamStatus")
        for st in TeamStatus:
            self.status.addItem(st.label, st)
        self.set_status = self._button(tr("Set status"), "setTeamStatus", self.apply_status)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("parMinutes")
        self.minutes.setRange(1, 180)
        self.minutes.setSuffix(tr(" min"))
        self.set_minutes = self._button(tr("Set timer"), "setParMinutes", self.apply_minutes)
        self.roll_status = QLabel(self)
        self.roll_status.setObjectName("rollCallStatus")
        self.roll_status.setWordWrap(True)

        actions = FlowLayout()  # wraps on a narrow dock instead of cutting buttons
        for w in (
            self.form_team,
            self.confirm,
            self.mayday,
            self.roll,
            self.disband,
            self.status,
            self.set_status,
            self.minutes,
            self.set_minutes,
        ):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.roll_status)

        self.lane = JobLane("teamBoard", 1, self)
        self._job: Job | None = None
        self._again = False
        self.roll_call_id: int | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.refresh)
        self._tick = QTimer(self, interval=TICK_MS, timeout=self.refresh)  # ages and timers, while shown
        if bridge is not None:
            bridge.people_event.connect(self._on_event)
            bridge.radio_event.connect(self._on_event)
            bridge.shift_changed.connect(self.update_rights)
        self.update_rights()
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # reading -----------------------------------------------------------------------------
    @Slot(object)
    def _on_event(self, _event: Event) -> None:
        if not self._debounce.isActive():
            self._debounce.start()

    @Slot()
    def refresh(self) -> None:
        """Read the board on the lane; a request during a read runs once more after it."""
        if self._job is not None and not self._job.finished:
            self._again = True
            return
        self._job = start_job(
            self.lane, self.post.people.teams.board, self.show_rows, self._failed, owner=self
        )

    @Slot(object)
    def show_rows(self, rows: list[TeamRow]) -> None:
        current = self.current()
        self.model.set_rows(list(rows))
        if current is not None and (row := self.model.row_of(current.id)) >= 0:
            self.table.selectRow(row)
        self._show_roll_call()
        if self._again:
            self._again = False
            self.refresh()

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self.roll_status.setText(tr("The team board could not be read: %1").replace("%1", str(exc)))

    def current(self) -> TeamRow | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def select_team(self, team_id: int) -> None:
        row = self.model.row_of(team_id)
        if row >= 0:
            self.table.selectRow(row)

    def _row_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        team = self.current()
        self.update_rights()
        if team is not None:
            self.status.setCurrentIndex(self.status.findData(team.status))
            self.minutes.setValue(team.par_minutes)
            self.team_selected.emit(team.id)

    @Slot()
    def update_rights(self) -> None:
        """Controls a role may not use are disabled with the reason, before the click."""
        shift = self.post.shift
        picked = self.current() is not None
        radio, edit = shift.can(Permission.RADIO), shift.can(Permission.EDIT_RECORDS)
        need_radio, need_edit = tr("Radio operators and supervisors only"), tr("Viewers cannot change teams")
        for button, allowed, why, needs_team in (
            (self.confirm, radio, need_radio, True),
            (self.roll, radio, need_radio, False),
            (self.mayday, edit, need_edit, True),
            (self.set_status, edit, need_edit, True),
            (self.set_minutes, edit, need_edit, True),
            (self.form_team, edit, need_edit, False),
            (self.disband, edit, need_edit, True),
        ):
            ok = allowed and (picked or not needs_team)
            button.setEnabled(ok)
            button.setToolTip("" if ok else why if not allowed else tr("Choose a team first"))

    # actions -------------------------------------------------------------------------------
    def _do(self, action) -> object | None:  # type: ignore[no-untyped-def]
        try:
            result = action()
        except Exception as exc:  # known errors in words; the message box says which kind
            self.last_message = show_error(self, exc)
            return None
        self.refresh()
        return result

    @Slot()
    def confirm_par(self) -> None:
        team = self.current()
        if team is not None:
            self._do(partial(self.post.people.teams.confirm_par, team.id))

    @Slot()
    def raise_mayday(self) -> None:
        team = self.current()
        if team is None:
            return
        row = self._do(partial(self.post.people.teams.raise_mayday, team.id))
        if isinstance(row, TeamRow) and row.lat is not None and row.lon is not None:
            self.centre_on.emit(row.lat, row.lon)

    @Slot()
    def open_team_form(self) -> QWidget:
        from .team_dialog import TeamDialog

        self.team_dialog = TeamDialog(self.post, self)
        self.team_dialog.accepted.connect(self.refresh)
        self.team_dialog.open()
        return self.team_dialog

    @Slot()
    def disband_team(self) -> None:
        """Disband the chosen team; a task it was on goes back to New (said in the log)."""
        team = self.current()
        if team is not None:
            self._do(partial(self.post.people.teams.disband, team.id))

    @Slot()
    def apply_status(self) -> None:
        team = self.current()
        if team is not None:
            self._do(partial(self.post.people.teams.set_status, team.id, self.status.currentData()))

    @Slot()
    def apply_minutes(self) -> None:
        team = self.current()
        if team is not None:
            self._do(partial(self.post.people.teams.set_par_minutes, team.id, self.minutes.value()))

    @Slot()
    def roll_call(self) -> None:
        """Start a roll call, or close the one running (its result goes into the activity log)."""
        calls = self.post.people.roll_calls
        if self.roll_call_id is None:
            started = self._do(calls.start)
            if started is not None:
                self.roll_call_id = started.id  # type: ignore[attr-defined]
                self.roll.setText(tr("Close roll call"))
        else:
            closed = self._do(partial(calls.close, self.roll_call_id))
            if closed is not None:
                self.roll_call_id = None
                self.roll.setText(tr("Start PAR &roll call"))
                self.roll_status.setText(shown(closed.result))  # type: ignore[attr-defined]

    def _show_roll_call(self) -> None:
        if self.roll_call_id is None:
            return
        call = self.post.people.roll_calls.get(self.roll_call_id)
        answered = [ln.team for ln in call.lines if ln.answered_at is not None]
        self.roll_status.setText(
            tr("Roll call: %1 of %2 answered. Waiting for: %3")
            .replace("%1", str(len(answered)))
            .replace("%2", str(len(call.lines)))
            .replace("%3", ", ".join(call.missing) or tr("nobody"))
        )

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self._tick.start()
        self.refresh()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().hideEvent(event)
        self._tick.stop()  # a board behind another tab reads nothing each second
