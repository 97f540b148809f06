"""A lazy, newest-first model of the activity log that stays smooth at 200,000 entries.

Older entries come in pages (canFetchMore/fetchMore → ActivityService.page) read on a
worker thread, so even a filter that must scan the whole table never freezes the
window. Newer entries are an indexed range read (newer_than(top id)), cheap enough to
do on the GUI thread, and are inserted at the top with beginInsertRows.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRunnable, Qt, QThreadPool, Signal, Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.post import Post
from ops_console.services.activity import ActivityEntry, ActivityFilter
from ops_console.ui.common.formatting import local_seconds, local_short_seconds

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
NEWER_LIMIT = 5000  # ActivityService.newer_than's cap: a bigger burst means reload


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivityLogModel", text)


# marked for lupdate with QT_TRANSLATE_NOOP, translated when shown (translators load after import)
COLUMNS = (
    QT_TRANSLATE_NOOP("ActivityLogModel", "Time"),
    QT_TRANSLATE_NOOP("ActivityLogModel", "Operator"),
    QT_TRANSLATE_NOOP("ActivityLogModel", "Action"),
    QT_TRANSLATE_NOOP("ActivityLogModel", "Summary"),
)
ACTION_LABELS = {
    "log.note": QT_TRANSLATE_NOOP("ActivityLogModel", "Log line"),
    "incident.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Incident reported"),
    "incident.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Incident edited"),
    "incident.close": QT_TRANSLATE_NOOP("ActivityLogModel", "Incident closed"),
    "task.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Task created"),
    "task.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Task edited"),
    "task.move": QT_TRANSLATE_NOOP("ActivityLogModel", "Task moved"),
    "task.assign": QT_TRANSLATE_NOOP("ActivityLogModel", "Task assigned"),
    "shift.sign_on": QT_TRANSLATE_NOOP("ActivityLogModel", "Signed on"),
    "shift.sign_off": QT_TRANSLATE_NOOP("ActivityLogModel", "Signed off"),
    "shift.pin_failed": QT_TRANSLATE_NOOP("ActivityLogModel", "Wrong PIN"),
    "shift.locked": QT_TRANSLATE_NOOP("ActivityLogModel", "Locked out"),
    "exercise.start": QT_TRANSLATE_NOOP("ActivityLogModel", "Exercise started"),
    "exercise.end": QT_TRANSLATE_NOOP("ActivityLogModel", "Exercise ended"),
    "exercise.purge": QT_TRANSLATE_NOOP("ActivityLogModel", "Exercise purged"),
    "operator.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Operator added"),
}


def action_label(action: str) -> str:
    """Words for an audit action, translated when shown; unknown codes are shown as they are."""
    return _tr(ACTION_LABELS[action]) if action in ACTION_LABELS else action


class _PageJob(QRunnable):
    """Reads one page (and, for the first, the newest id) off the GUI thread."""

    def __init__(self, model: ActivityLogModel, generation: int, flt: ActivityFilter, before_id: int | None) -> None:
        super().__init__()
        self._model, self._generation, self._flt, self._before = model, generation, flt, before_id
        self._activity = model.post.activity

    def run(self) -> None:
        try:
            entries = self._activity.page(self._flt, before_id=self._before, limit=PAGE_SIZE)
            newest = None
            if self._before is None:  # first page: remember where "newer" starts
                top = self._activity.page(ActivityFilter(), limit=1)
                newest = max([e.id for e in entries[:1] + top] or [0])
            self._model.page_loaded.emit(self._generation, entries, newest)
        except Exception as exc:  # handed to the GUI thread: known errors shown, bugs to the crash hook
            self._model.page_failed.emit(self._generation, exc)


class ActivityLogModel(QAbstractTableModel):
    """Rows of ActivityEntry, newest first; never holds more than what was scrolled to."""

    # a page read on the worker: generation, entries, newest id (first page) or None
    page_loaded = Signal(int, object, object)
    # a page read failed: generation, the exception
    page_failed = Signal(int, object)
    # a known error the panel should show (database unavailable …): carries the exception
    problem = Signal(object)

    def __init__(self, post: Post, parent: Any = None) -> None:
        super().__init__(parent)
        self.post = post
        self._rows: list[ActivityEntry] = []
        self._filter = ActivityFilter()
        self._generation = 0
        self.loading = False
        self.exhausted = False
        self.top_id: int | None = None  # None until the first page arrived
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.page_loaded.connect(self._on_page)
        self.page_failed.connect(self._on_failure)

    # --- Qt interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return local_short_seconds(entry.at) if role == Qt.ItemDataRole.DisplayRole else local_seconds(entry.at)
            if column == 1:
                return entry.operator
            if column == 2:
                return action_label(entry.action)
            return entry.summary
        if role == Qt.ItemDataRole.FontRole and entry.is_note and column in (2, 3):
            font = QFont()
            font.setBold(column == 2)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and entry.is_note and column == 2:
            return QBrush(QColor("#0b5394"))
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self.exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._start_page(self._rows[-1].id if self._rows else None)

    # --- loading ------------------------------------------------------------------
    def reload(self, flt: ActivityFilter | None = None) -> None:
        """Start again from the newest entry (a new filter, exercise switched, purge)."""
        if flt is not None:
            self._filter = flt
        self._generation += 1
        self.beginResetModel()
        self._rows, self.exhausted, self.top_id = [], False, None
        self.endResetModel()
        self._start_page(None)

    def _start_page(self, before_id: int | None) -> None:
        self.loading = True
        self._pool.start(_PageJob(self, self._generation, self._filter, before_id))

    @Slot(int, object, object)
    def _on_page(self, generation: int, entries: list[ActivityEntry], newest: int | None) -> None:
        if generation != self._generation:
            return  # a page for a filter that is no longer shown
        self.loading = False
        self.exhausted = len(entries) < PAGE_SIZE
        if newest is not None:
            self.top_id = newest
        if entries:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(entries) - 1)
            self._rows.extend(entries)
            self.endInsertRows()

    @Slot(int, object)
    def _on_failure(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if isinstance(exc, KNOWN_ERRORS):
            self.problem.emit(exc)
            return
        raise exc  # a bug: let the crash handler show it

    @Slot()
    def fetch_newer(self) -> int:
        """Insert entries committed since the newest one known; returns how many came."""
        if self.top_id is None:
            return 0  # the first page is still loading and will include them
        try:
            newer = self.post.activity.newer_than(self.top_id, self._filter)
        except KNOWN_ERRORS as exc:
            self.problem.emit(exc)
            return 0
        if len(newer) >= NEWER_LIMIT:
            self.reload()
            return len(newer)
        if newer:
            self.top_id = max(self.top_id, newer[0].id)
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[:0] = newer
            self.endInsertRows()
        return len(newer)

    def entry_at(self, row: int) -> ActivityEntry:
        return self._rows[row]

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Let a running page read finish (before the database is closed)."""
        return self._pool.waitForDone(msecs)
