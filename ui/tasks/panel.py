"""The task board panel: filter bar, kanban columns, and the actions on the selected card.

Every change goes through TaskService with the version the card was read at, so the
panel never overwrites another workstation's edit: a ConflictError shows both versions
and the card is refreshed from what is stored. Live updates replace one card at a time
(``bridge.task_changed``), never the whole board.

The cards are read by a job off the GUI thread (5,000 tasks took 0.16-0.24 s of the
window's build), and only once the board is first shown: a board behind another tab (a
supervisor's Sirens) reads nothing at start-up. A change that arrives while a read runs is
kept and replayed on the read's result, so a task saved during the load is never lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Permission, TaskStatus
from ops_console.errors import ConflictError, NotFound, ValidationError
from ops_console.exercise_view import shown
from ops_console.post import Post
from ops_console.services.incidents import IncidentService, IncidentView
from ops_console.services.tasks import OPEN_STATUSES, TaskDraft, TaskFilter, TaskService, TaskView, TeamView
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_conflict, show_error
from ops_console.ui.common.theme import set_ink
from ops_console.ui.tasks.assign import AssignDialog
from ops_console.ui.tasks.column import TaskColumn, status_label
from ops_console.ui.tasks.dialog import TaskDialog
from ops_console.ui.tasks.filters import TaskFilterBar
from ops_console.ui.tasks.model import matches

BOARD_ORDER = (
    TaskStatus.NEW,
    TaskStatus.ASSIGNED,
    TaskStatus.IN_PROGRESS,
    TaskStatus.DONE,
    TaskStatus.CANCELLED,
)
OVERDUE_CHECK_MS = 30_000
RETRY_MS = 5_000  # a read that failed (database busy or gone) is tried again after this
SCROLL_RETRY_MS, SCROLL_TRIES = 20, 250  # waiting for a long column's batched layout (≤ 5 s)
REPLAY_LIMIT = 50  # more changes than this during a read: read the board again, not one by one

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskBoard", text)


VIEWER_REFUSAL = QT_TRANSLATE_NOOP("TaskBoard", "A viewer can read the task board but not change it.")


@dataclass(frozen=True)
class BoardRead:
    """What one read of the board brings back: plain copies, made on the worker thread."""

    views: list[TaskView]
    teams: list[TeamView] | None  # None: the pickers were not asked for
    incidents: list[IncidentView] | None


def read_board(tasks: TaskService, incidents: IncidentService, flt: TaskFilter, pickers: bool) -> BoardRead:
    """The worker side of a load: captures services and plain data only, never a widget."""
    views = tasks.list(flt)
    if not pickers:
        return BoardRead(views, None, None)
    return BoardRead(views, tasks.teams(), incidents.list())


class TaskBoardPanel(QWidget):
    """Kanban board of the post's tasks, for the main window's task tab."""

    # the selected card changed: carries the task id, or 0 when no card is selected
    task_selected = Signal(int)
    # a read of the board was applied (its cards shown, changes made meanwhile replayed)
    loaded = Signal()

    def __init__(self, post: Post, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskBoardPanel")
        self._post, self._bridge = post, bridge
        self.last_message: QMessageBox | None = None  # the latest error/conflict box shown
        self.assign_dialog: AssignDialog | None = None  # the latest "which team?" asked by a move to Assigned
        self.filters = TaskFilterBar(self)
        self.loading_label = QLabel(tr("Loading tasks…"), self)
        self.loading_label.setObjectName("taskBoardLoading")
        self.loading_label.setWordWrap(True)
        set_ink(self.loading_label, "muted")
        self._lane = JobLane("task-board", 1, self)  # one thread: reads land in order
        self._job: Job | None = None
        self._wanted = False  # seen once: from then on the board keeps itself read
        self._read_queued = False
        self._generation = 0  # of the newest read asked for; older results are dropped
        self._pickers_due = True  # the team and incident pickers are read with the next load
        self._ever_loaded = False
        self._settled = False  # a read ended (shown or failed): the start-up probe may mark
        self._pending_tasks: set[int] = set()  # changed while a read ran: replayed on its result
        self._pending_incidents: set[int] = set()
        self._select_after: tuple[int, bool] | None = None  # asked for before the cards were there
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.reload_all)
        self.columns = {status: TaskColumn(status, self) for status in BOARD_ORDER}
        self.columns[TaskStatus.CANCELLED].hide()
        self._actions = self._make_actions()
        for column in self.columns.values():
            column.card_dropped.connect(lambda tid, ver, st: self.move_task(tid, ver, TaskStatus(st)))
            column.view.doubleClicked.connect(lambda _i: self.edit_selected())
            column.view.selectionModel().selectionChanged.connect(
                lambda _s, _d, c=column: self._selection_moved(c)
            )
            column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            column.view.addActions(self._actions)
        self._build_layout()

        self.overdue_timer = QTimer(self)
        self.overdue_timer.setInterval(OVERDUE_CHECK_MS)
        self.overdue_timer.timeout.connect(self.refresh_overdue)
        self.overdue_timer.start()
        self.filters.changed.connect(self.reload)
        self.filters.show_cancelled_changed.connect(self.columns[TaskStatus.CANCELLED].setVisible)
        bridge.task_changed.connect(self.refresh_task)
        bridge.incident_changed.connect(self._incident_changed)
        bridge.exercise_changed.connect(lambda _on: self.reload_all())
        bridge.records_purged.connect(self.reload_all)
        bridge.shift_changed.connect(self.update_actions)
        self.update_actions()
        self._show_loading(tr("Loading tasks…"))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        """The first paint asks for the cards, once it is on the screen. Not the first show:
        a dock tabbed behind another (a supervisor's Sirens) is shown but never painted,
        so a board nobody looks at reads nothing at start-up."""
        super().paintEvent(event)
        if not self._wanted and not self._read_queued:
            self._read_queued = True
            QTimer.singleShot(0, self, self._first_read)

    def _first_read(self) -> None:
        self._read_queued = False
        if self._wanted or self.visibleRegion().isEmpty():
            return  # tabbed away since that paint (the role's front tab raised): the next paint
        self._wanted = True
        self.reload_all()

    # -- layout and actions ---------------------------------------------------------------
    @Slot()
    def update_actions(self) -> None:
        """A viewer reads the board but changes nothing: "New task…" says so before the
        click, and the keys that move, assign or cancel a card are off."""
        may = self._post.shift.can(Permission.EDIT_RECORDS)
        allow(self.new_button, first_reason((may, tr(VIEWER_REFUSAL))))
        for action in self._actions:
            action.setEnabled(may or action is self._reading_action)

    def _make_actions(self) -> list[QAction]:
        """Keyboard shortcuts that act on the selected card, live only while a column has focus."""
        specs: list[tuple[str, list[QKeySequence], Callable[[], object]]] = [
            (tr("Move to next column"), [QKeySequence("Ctrl+Right")], lambda: self.move_selected(1)),
            (tr("Move to previous column"), [QKeySequence("Ctrl+Left")], lambda: self.move_selected(-1)),
            (
                tr("Edit…"),
                [QKeySequence("Return"), QKeySequence("Enter"), QKeySequence("F2")],
                self.edit_selected,
            ),
            (tr("Assign to team…"), [QKeySequence("A")], self.assign_selected),
            (tr("Cancel task…"), [QKeySequence(QKeySequence.StandardKey.Delete)], self.cancel_selected),
        ]
        actions = []
        for text, keys, slot in specs:
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            actions.append(action)
        self._reading_action = actions[2]  # Edit… shows a viewer the card whole: never disabled
        return actions

    def _build_layout(self) -> None:
        new_button = self.new_button = QPushButton(tr("&New task…"), self)
        new_button.setObjectName("newTaskButton")
        new_button.clicked.connect(lambda: self.new_task())
        hint = QLabel(
            tr(
                "Drag cards between columns, or select one: Ctrl+←/→ move · Enter edit · "
                "A assign · Del cancel"
            ),
            self,
        )
        set_ink(hint, "muted")
        hint.setWordWrap(True)
        self.filters.first_row.addWidget(new_button)
        board = QHBoxLayout()
        board.setSpacing(4)
        for column in self.columns.values():
            board.addWidget(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.loading_label)
        layout.addLayout(board, 1)
        layout.addWidget(hint)

    # -- loading ----------------------------------------------------------------------------
    def reload_all(self) -> None:
        """Read the pickers and every card again (first show, exercise switch, purge)."""
        self._pickers_due = True
        self.reload()

    def reload(self) -> None:
        """Read every card for the current filter off the GUI thread (the selected card
        stays selected). Nothing before the board was first shown: that show reads it."""
        if not self._wanted:
            return
        self._retry.stop()
        if self._job is not None:
            self._job.cancel()  # superseded: if it has not started it never runs
        elif self._select_after is None and (selected := self.current_task()) is not None:
            self._select_after = (selected.id, False)
        self._generation += 1
        flt = self.filters.task_filter()
        work = partial(read_board, self._post.tasks, self._post.incidents, flt, self._pickers_due)
        self._job = start_job(
            self._lane,
            work,
            partial(self._board_read, self._generation, flt),
            partial(self._read_failed, self._generation),
            owner=self,
        )
        if not self._ever_loaded:
            self._show_loading(tr("Loading tasks…"))

    def _board_read(self, generation: int, flt: TaskFilter, read: BoardRead) -> None:
        """On the GUI thread: show a read's cards, then replay what changed meanwhile."""
        if generation != self._generation:
            return  # a newer read is on its way
        self._job = None
        if read.teams is not None and read.incidents is not None:
            self._pickers_due = False
            self.filters.set_teams(read.teams)
            self.filters.set_incidents(read.incidents)
            if self.filters.task_filter() != flt:  # the picked team or incident is gone
                self.reload()
                return
        for status, column in self.columns.items():
            column.view.itemDelegate().query = flt.text  # the cards highlight what matched
            column.model.exercise_mode = self._post.shift.exercise
            column.model.set_tasks([v for v in read.views if v.status == status])
        self._ever_loaded = self._settled = True
        self._show_loading("")
        if not self._replay():
            return  # too much changed meanwhile: a fresh read is running
        if self._select_after is not None:
            (task_id, focus), self._select_after = self._select_after, None
            self.select_task(task_id, focus=focus)
        self.loaded.emit()

    def _replay(self) -> bool:
        """Put the cards that changed during the read where they now belong; False when so
        many changed that the board is read again instead."""
        tasks, incidents = self._pending_tasks, self._pending_incidents
        self._pending_tasks, self._pending_incidents = set(), set()
        if len(tasks) + len(incidents) > REPLAY_LIMIT:
            self.reload_all()
            return False
        for incident_id in incidents:
            self._incident_changed(incident_id)
        for task_id in tasks:
            self.refresh_task(task_id)
        return True

    def _read_failed(self, generation: int, exc: Exception) -> None:
        """A read that failed says so on the board and is tried again; a bug goes to the
        crash handler."""
        if generation != self._generation:
            return
        self._job = None
        self._settled = True
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc
        log.warning("task board: reading the tasks failed: %s", getattr(exc, "english", exc))
        self._show_loading(
            tr("Could not read the tasks: %1 Trying again in a few seconds.").replace("%1", str(exc))
        )
        self._retry.start()

    def _show_loading(self, text: str) -> None:
        self.loading_label.setText(text)
        self.loading_label.setVisible(bool(text))

    def populated(self) -> bool:
        """Whether the board shows what it should: read once, or out of sight (not shown, or
        a tab behind another: such a dock is shown but has nothing on the screen)."""
        return self._settled or self.visibleRegion().isEmpty()

    def cards_current(self) -> bool:
        """The cards were read and no newer read is running (tests wait for this)."""
        return self._ever_loaded and self._job is None

    def shutdown(self) -> None:
        """Stop the timers and let a running read finish before the post is closed."""
        self.overdue_timer.stop()
        self._retry.stop()
        self._lane.waitForDone(5000)

    def refresh_task(self, task_id: int) -> None:
        """Fetch one task and put its card where it now belongs (or take it off the board).
        While the board is being read the change waits for the read's result; before the
        board was ever shown there is nothing to update."""
        if not self._wanted:
            return
        if self._job is not None:
            self._pending_tasks.add(task_id)
            return
        try:
            view = self._post.tasks.get(task_id)
        except NotFound:
            for column in self.columns.values():
                column.model.remove(task_id)
            return
        self._place(view)

    def _place(self, view: TaskView) -> None:
        was_selected = (current := self.current_task()) is not None and current.id == view.id
        had_focus = was_selected and any(c.view.hasFocus() for c in self.columns.values())
        for status, column in self.columns.items():
            if status != view.status:
                column.model.remove(view.id)
        target = self.columns[view.status].model
        if shown(view.exercise, self._post.shift.exercise, view.status in OPEN_STATUSES) and matches(
            view, self.filters.task_filter()
        ):
            target.put(view)
            if was_selected:
                self.select_task(view.id, focus=had_focus)
        else:
            target.remove(view.id)

    def _incident_changed(self, incident_id: int) -> None:
        """Keep the incident picker and the incident names on cards current."""
        if not self._wanted:
            return
        if self._job is not None:
            self._pending_incidents.add(incident_id)
            return
        self.filters.set_incidents(self._post.incidents.list())
        for column in self.columns.values():
            for view in column.model.tasks():
                if view.incident_id == incident_id:
                    self.refresh_task(view.id)

    def refresh_overdue(self, now: datetime | None = None) -> int:
        """Re-check due times (every 30 s), so cards turn red without any write happening."""
        return sum(column.model.refresh_overdue(now) for column in self.columns.values())

    # -- selection --------------------------------------------------------------------------
    def _selection_moved(self, column: TaskColumn) -> None:
        """One selected card on the whole board: selecting in a column clears the others."""
        if column.view.selectionModel().hasSelection():
            for other in self.columns.values():
                if other is not column:
                    other.view.clearSelection()
        task = self.current_task()
        self.task_selected.emit(task.id if task else 0)

    def current_task(self) -> TaskView | None:
        """The selected card, from whichever column holds it."""
        for column in self.columns.values():
            rows = column.view.selectionModel().selectedRows()
            if rows:
                return column.model.view_at(rows[0].row())
        return None

    def select_task(self, task_id: int, *, focus: bool = True) -> bool:
        """Select a card (and optionally focus its column); False when it is not shown. Asked
        before the cards were read, it is selected when they arrive."""
        if self._job is not None or not self._ever_loaded:
            self._select_after = (task_id, focus)
            return False
        for column in self.columns.values():
            row = column.model.row_of(task_id)
            if row >= 0 and column.isVisibleTo(self):
                index = column.model.index(row)
                column.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self._scroll_to(column, QPersistentModelIndex(index))
                if focus:
                    column.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _scroll_to(self, column: TaskColumn, index: QPersistentModelIndex, tries: int = SCROLL_TRIES) -> None:
        """Scroll a card into sight. The columns lay out in batches, so right after a read a
        card far down a long column has no place yet: try again until the layout got there."""
        if not index.isValid():
            return  # the card left the column meanwhile
        if column.view.visualRect(index).isValid() or tries <= 0:
            column.view.scrollTo(index)
            return
        QTimer.singleShot(SCROLL_RETRY_MS, self, partial(self._scroll_to, column, index, tries - 1))

    # -- actions ----------------------------------------------------------------------------
    def _attempt(self, task_id: int, change: Callable[[], TaskView]) -> TaskView | None:
        """Run one service change; known errors become messages, a conflict refreshes the card."""
        try:
            view = change()
        except ConflictError as exc:
            self.last_message = show_conflict(self, exc)
            self.refresh_task(task_id)
            return None
        except KNOWN_ERRORS as exc:
            self.last_message = show_error(self, exc)
            self.refresh_task(task_id)
            return None
        self._place(view)
        return view

    def move_task(self, task_id: int, version: int, status: TaskStatus) -> TaskView | None:
        """Move a card to ``status``, saving from ``version`` (what the drag or selection saw).
        A card without a team does not go to Assigned by itself: the team is asked for first
        (``assign_dialog``), so the Assigned column never holds a task nobody was given."""
        current = next(
            (c.model.view_at(r) for c in self.columns.values() if (r := c.model.row_of(task_id)) >= 0), None
        )
        if current is not None and current.status == status and current.version == version:
            return current  # dropped back on its own column
        if (
            status == TaskStatus.ASSIGNED
            and current is not None
            and current.team_id is None
            and self._post.shift.can(Permission.EDIT_RECORDS)
        ):  # (others are refused by the service)
            self._ask_team_then_assign(current)
            return None
        return self._attempt(task_id, lambda: self._post.tasks.move(task_id, version, status))

    def _ask_team_then_assign(self, task: TaskView) -> AssignDialog:
        dialog = AssignDialog(task, self._post.tasks.teams(for_task=task.id), self, needed=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._assign_chosen, task, dialog))
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    def _assign_chosen(self, task: TaskView, dialog: AssignDialog) -> None:
        team_id = dialog.team_id()
        if team_id is None:
            return  # the dialog does not accept "No team" when a team is needed
        view = self._attempt(task.id, lambda: self._post.tasks.assign(task.id, task.version, team_id))
        if view is not None and view.status != TaskStatus.ASSIGNED:
            view = self._attempt(
                task.id, lambda: self._post.tasks.move(view.id, view.version, TaskStatus.ASSIGNED)
            )
        if view is not None:
            self.select_task(view.id)

    def move_selected(self, step: int) -> None:
        """Move the selected card one visible column right (+1) or left (-1)."""
        task = self.current_task()
        if task is None:
            return
        shown = [s for s in BOARD_ORDER if self.columns[s].isVisibleTo(self)]
        if task.status not in shown:
            return
        target = shown.index(task.status) + step
        if 0 <= target < len(shown):
            moved = self.move_task(task.id, task.version, shown[target])
            if moved is not None:
                self.select_task(moved.id)

    def edit_selected(self) -> None:
        task = self.current_task()
        if task is not None:
            self._open_dialog(task=task)

    def new_task(
        self, incident_id: int | None = None, lat: float | None = None, lon: float | None = None
    ) -> TaskDialog:
        """Open the new-task dialog, prefilled with ``incident_id`` and/or a spot on the map."""
        dialog = self._open_dialog(incident_id=incident_id)
        if lat is not None and lon is not None:
            dialog.lat.setText(f"{lat:.6f}")
            dialog.lon.setText(f"{lon:.6f}")
        return dialog

    def focus_search(self) -> None:
        """Put the keyboard in the search field, with its text selected to type over."""
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def _open_dialog(self, task: TaskView | None = None, incident_id: int | None = None) -> TaskDialog:
        dialog = TaskDialog(
            lambda draft: self._save_draft(task, draft),
            self._post.tasks.teams(),
            self._post.incidents.list(),
            task,
            incident_id,
            self,
        )
        if not self._post.shift.can(Permission.EDIT_RECORDS):  # a viewer reads the card whole
            title = tr("Task #%1").replace("%1", str(task.id)) if task else dialog.windowTitle()
            dialog.read_only(tr(VIEWER_REFUSAL), title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _save_draft(self, task: TaskView | None, draft: TaskDraft) -> bool:
        """Create or update from the dialog; True closes it. ValidationError goes back to the form."""
        try:
            if task is None:
                view = self._post.tasks.create(draft)
            else:
                view = self._post.tasks.update(task.id, task.version, draft)
        except ValidationError:
            raise
        except ConflictError as exc:
            # The form was opened on an older version: close it (the box lists what was typed)
            # and show the stored card, so the next edit starts from what is really there.
            self.last_message = show_conflict(self, exc)
            self.refresh_task(exc.entity_id)
            return True
        except KNOWN_ERRORS as exc:
            self.last_message = show_error(self, exc)
            return False
        self._place(view)
        self.select_task(view.id)
        return True

    def assign_selected(self) -> None:
        """Ask which team, then save the assignment from the version that was selected."""
        task = self.current_task()
        if task is None:
            return
        dialog = AssignDialog(task, self._post.tasks.teams(for_task=task.id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._attempt(
                task.id, lambda: self._post.tasks.assign(task.id, task.version, dialog.team_id())
            )
        )
        dialog.open()

    def cancel_selected(self) -> None:
        """Confirm, then move the selected card to Cancelled."""
        task = self.current_task()
        if task is None or task.status == TaskStatus.CANCELLED:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Cancel task"),
            tr("Cancel task #%1 “%2”? It moves to the %3 column.")
            .replace("%1", str(task.id))
            .replace("%2", task.title)
            .replace("%3", status_label(TaskStatus.CANCELLED)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("cancelTaskConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: (
                self.move_task(task.id, task.version, TaskStatus.CANCELLED)
                if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        box.open()
