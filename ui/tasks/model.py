"""One kanban column's cards as a Qt list model, plus the drag payload they carry.

The model holds plain ``TaskView`` copies (never ORM rows) and a cached overdue flag per
row, so painting hundreds of cards does no database work and the 30-second overdue
check only repaints the rows whose flag actually flipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from ops_console.domain import TaskStatus
from ops_console.exercise_view import marked_live
from ops_console.services.tasks import TaskFilter, TaskView
from ops_console.text_match import matches_words

# Carries {"id": task id, "version": version the card was read at} so a drop can be
# saved with the right expected version even when dragged to another panel instance.
TASK_MIME_TYPE = "application/x-ops-console-task"

TaskRole = Qt.ItemDataRole.UserRole + 1  # the TaskView of the row
OverdueRole = Qt.ItemDataRole.UserRole + 2  # bool: due time passed while still open
TaskIdRole = Qt.ItemDataRole.UserRole + 3  # int: the task id
LiveRole = Qt.ItemDataRole.UserRole + 4  # bool: a live task shown during an exercise (marked LIVE)

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DraggedTask:
    """What a drop needs to save a move: which task, read at which version."""

    task_id: int
    version: int


def encode_drag(views: Sequence[TaskView]) -> QMimeData:
    """The mime data a card drag carries (the first card only: the board moves one at a time)."""
    mime = QMimeData()
    if views:
        payload = {"id": views[0].id, "version": views[0].version}
        mime.setData(TASK_MIME_TYPE, json.dumps(payload).encode("utf-8"))
        mime.setText(f"#{views[0].id} {views[0].title}")
    return mime


def decode_drag(mime: QMimeData | None) -> DraggedTask | None:
    """The dragged task, or None for a drag that is not a task card (or is malformed)."""
    if mime is None or not mime.hasFormat(TASK_MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(TASK_MIME_TYPE).data()).decode("utf-8"))
        return DraggedTask(int(payload["id"]), int(payload["version"]))
    except (ValueError, KeyError, TypeError):
        return None


def matches(view: TaskView, flt: TaskFilter) -> bool:
    """The service's filter, applied to one card, so a live update can decide without a query."""
    if flt.team_id is not None and view.team_id != flt.team_id:
        return False
    if flt.incident_id is not None and view.incident_id != flt.incident_id:
        return False
    if int(view.priority) < flt.min_priority:
        return False
    if flt.statuses and view.status not in flt.statuses:
        return False
    return matches_words(flt.text, view.title, view.details)


def sort_key(view: TaskView, overdue: bool) -> tuple[Any, ...]:
    """Board order: overdue cards first, then most urgent, soonest due, undated last.

    The column's header counts the overdue cards; a missed time is what a dispatcher must
    act on, so those cards lead instead of sitting below a screenful of urgent ones not yet
    due (the demo's "3 overdue" showed one in sight at 1280x720).
    """
    return (not overdue, -int(view.priority), view.due_at is None, view.due_at or datetime.min, view.id)


class TaskColumnModel(QAbstractListModel):
    """The cards of one status column, kept in board order."""

    def __init__(self, status: TaskStatus, parent: Any = None) -> None:
        super().__init__(parent)
        self.status = status
        self._views: list[TaskView] = []
        self._overdue: list[bool] = []
        self.exercise_mode = False  # set by the board: in exercise mode live cards are marked LIVE

    # -- Qt model API -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._views)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._views):
            return None
        view = self._views[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return view.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.details or view.title
        if role == TaskRole:
            return view
        if role == OverdueRole:
            return self._overdue[index.row()]
        if role == TaskIdRole:
            return view.id
        if role == LiveRole:
            return marked_live(view.exercise, self.exercise_mode)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [TASK_MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_drag([self._views[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    # -- board API ----------------------------------------------------------------
    def set_tasks(self, views: Iterable[TaskView], now: datetime | None = None) -> None:
        """Replace every card (a full reload after a filter change)."""
        self.beginResetModel()
        flagged = sorted(((v, v.is_overdue(now)) for v in views), key=lambda pair: sort_key(*pair))
        self._views = [v for v, _ in flagged]
        self._overdue = [overdue for _, overdue in flagged]
        self.endResetModel()

    def tasks(self) -> list[TaskView]:
        return list(self._views)

    def row_of(self, task_id: int) -> int:
        """The row of a task, or -1 when it is not in this column."""
        return next((r for r, v in enumerate(self._views) if v.id == task_id), -1)

    def view_at(self, row: int) -> TaskView:
        return self._views[row]

    def overdue_count(self) -> int:
        return sum(self._overdue)

    def put(self, view: TaskView, now: datetime | None = None) -> int:
        """Insert or replace one card at its sorted place; returns its row."""
        old = self.row_of(view.id)
        overdue = view.is_overdue(now)
        key = sort_key(view, overdue)
        if old >= 0:
            if self._views[old] == view:
                return old  # the echo of our own save: nothing to repaint
            others = [r for r in range(len(self._views)) if r != old]
            place = next((i for i, r in enumerate(others) if key < self._key(r)), len(others))
            if place == old:  # same place: change in place, so selection and scrolling stay put
                self._views[old], self._overdue[old] = view, overdue
                self.dataChanged.emit(self.index(old), self.index(old))
                return old
            self.remove(view.id)
        row = next((r for r in range(len(self._views)) if key < self._key(r)), len(self._views))
        self.beginInsertRows(QModelIndex(), row, row)
        self._views.insert(row, view)
        self._overdue.insert(row, overdue)
        self.endInsertRows()
        return row

    def _key(self, row: int) -> tuple[Any, ...]:
        """A card's place in the order as the column shows it now (its cached overdue flag)."""
        return sort_key(self._views[row], self._overdue[row])

    def remove(self, task_id: int) -> bool:
        """Take a card out (it moved to another column or no longer matches the filter)."""
        row = self.row_of(task_id)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._views[row]
        del self._overdue[row]
        self.endRemoveRows()
        return True

    def refresh_overdue(self, now: datetime | None = None) -> int:
        """Re-check every due time; repaint only the cards whose flag flipped, and move a card
        that fell overdue up among the overdue ones. Returns how many flipped."""
        flipped = 0
        for row, view in enumerate(self._views):
            overdue = view.is_overdue(now)
            if overdue != self._overdue[row]:
                self._overdue[row] = overdue
                flipped += 1
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [OverdueRole])
        if flipped:
            self._reorder()
        return flipped

    def _reorder(self) -> None:
        """Put the cards back in board order as a layout change, so the selected card stays
        selected and current (its persistent index follows it)."""
        order = sorted(range(len(self._views)), key=self._key)
        if order == list(range(len(order))):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        self._views = [self._views[r] for r in order]
        self._overdue = [self._overdue[r] for r in order]
        kept = self.persistentIndexList()
        self.changePersistentIndexList(kept, [self.index(new_row[i.row()]) for i in kept])
        self.layoutChanged.emit()
