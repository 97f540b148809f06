"""The comms log (ICS-309 spirit) as a lazy, newest-first model that stays smooth at 500,000 messages.

Like the activity log: older messages come in pages read on a worker thread (keyset
paging on the id, so page 2,000 costs what page 1 does); newer ones are an indexed range
read inserted at the top. Rows are frozen MessageViews, never ORM rows.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, QRunnable, Qt, QThreadPool, Signal, Slot)
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.post import Post
from ops_console.radio.views import MessageFilter, MessageView
from ops_console.ui.common.formatting import local, local_seconds
from ops_console.ui.common.known_errors import KNOWN_ERRORS

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 300
NEWER_LIMIT = 5000


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommsLogModel", text)


COLUMNS = (
    QT_TRANSLATE_NOOP("CommsLogModel", "Time"), QT_TRANSLATE_NOOP("CommsLogModel", "Dir"),
    QT_TRANSLATE_NOOP("CommsLogModel", "From"), QT_TRANSLATE_NOOP("CommsLogModel", "To"),
    QT_TRANSLATE_NOOP("CommsLogModel", "No."), QT_TRANSLATE_NOOP("CommsLogModel", "Prec."),
    QT_TRANSLATE_NOOP("CommsLogModel", "Message"), QT_TRANSLATE_NOOP("CommsLogModel", "RSSI/SNR"),
    QT_TRANSLATE_NOOP("CommsLogModel", "State"),
)
STATE_LABELS = {
    "received": QT_TRANSLATE_NOOP("CommsLogModel", "received"), "queued": QT_TRANSLATE_NOOP("CommsLogModel", "queued"),
    "sent": QT_TRANSLATE_NOOP("CommsLogModel", "sent"), "acked": QT_TRANSLATE_NOOP("CommsLogModel", "acked"),
    "failed": QT_TRANSLATE_NOOP("CommsLogModel", "failed"), "cancelled": QT_TRANSLATE_NOOP("CommsLogModel", "cancelled"),
}
PRECEDENCE_COLOURS = {"EMERGENCY": "#b3261e", "PRIORITY": "#b25e00", "WELFARE": "#2f6f3e"}
STATE_COLOURS = {"failed": "#b3261e", "acked": "#2f6f3e", "queued": "#6b6b6b", "cancelled": "#6b6b6b"}


def state_label(status: str) -> str:
    return _tr(STATE_LABELS[status]) if status in STATE_LABELS else status


def cell_text(msg: MessageView, column: int) -> str:
    """What a column shows for a message (also used by the outbox table and printing)."""
    if column == 0:
        return local(msg.at).strftime("%H:%M:%S")
    if column == 1:
        return _tr("in") if msg.direction == "in" else _tr("out")
    if column == 2:
        return msg.station  # our own call for outbound; the operator who wrote it is in the tooltip
    if column == 3:
        return msg.recipient
    if column == 4:
        return str(msg.number)
    if column == 5:
        return msg.precedence[:1] + msg.precedence[1:].lower()
    if column == 6:
        text = msg.body.replace("\n", " ⏎ ")
        if msg.exercise:
            text = _tr("[EXERCISE] ") + text
        if msg.linked_entity:
            text += f"  → {msg.linked_entity} #{msg.linked_id}"
        return text
    if column == 7:
        return "" if msg.rssi is None else f"{msg.rssi} / {msg.snr:g}"
    return state_label(msg.status)


class _PageJob(QRunnable):
    """Reads one page off the GUI thread."""

    def __init__(self, model: CommsLogModel, generation: int, flt: MessageFilter, before_id: int | None) -> None:
        super().__init__()
        self._model, self._generation, self._flt, self._before = model, generation, flt, before_id
        self._radio = model.post.radio

    def run(self) -> None:
        try:
            rows = self._radio.page(self._flt, before_id=self._before, limit=PAGE_SIZE)
            newest = None
            if self._before is None:
                top = self._radio.page(MessageFilter(), limit=1)
                newest = max([m.id for m in rows[:1] + top] or [0])
            self._model.page_loaded.emit(self._generation, rows, newest)
        except Exception as exc:  # handed to the GUI thread: known errors shown, bugs re-raised there
            self._model.page_failed.emit(self._generation, exc)


class CommsLogModel(QAbstractTableModel):
    """MessageViews, newest first; holds only what was scrolled to."""

    # a page read on the worker: generation, rows, newest id (first page) or None
    page_loaded = Signal(int, object, object)
    # a page read failed: generation, the exception
    page_failed = Signal(int, object)
    # a known error to show (database unavailable …): the exception
    problem = Signal(object)

    def __init__(self, post: Post, parent: Any = None) -> None:
        super().__init__(parent)
        self.post = post
        self._rows: list[MessageView] = []
        self._filter = MessageFilter()
        self._generation = 0
        self.loading = self.exhausted = False
        self.top_id: int | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.page_loaded.connect(self._on_page)
        self.page_failed.connect(self._on_failure)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
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
        msg, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(msg, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2 and msg.direction == "out":
                return _tr("Written by {name}").replace("{name}", msg.sender)
            return f"{local_seconds(msg.at)} — {msg.body}" if column in (0, 6) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and msg.precedence in PRECEDENCE_COLOURS:
                return QBrush(QColor(PRECEDENCE_COLOURS[msg.precedence]))
            if column == 8 and msg.status in STATE_COLOURS:
                return QBrush(QColor(STATE_COLOURS[msg.status]))
        if role == Qt.ItemDataRole.BackgroundRole and msg.needs_attention:
            return QBrush(QColor("#fde7e4" if msg.precedence == "EMERGENCY" else "#fff1dc"))
        if role == Qt.ItemDataRole.FontRole and (msg.needs_attention or column == 5 and msg.precedence == "EMERGENCY"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self.exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._start_page(self._rows[-1].id if self._rows else None)

    def reload(self, flt: MessageFilter | None = None) -> None:
        """Start again from the newest message (new filter, exercise switched)."""
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
    def _on_page(self, generation: int, rows: list[MessageView], newest: int | None) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.exhausted = len(rows) < PAGE_SIZE
        if newest is not None:
            self.top_id = newest
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    @Slot(int, object)
    def _on_failure(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if isinstance(exc, KNOWN_ERRORS):
            self.problem.emit(exc)
            return
        raise exc

    @Slot()
    def fetch_newer(self) -> int:
        """Insert messages committed since the newest known; refresh rows whose state changed."""
        if self.top_id is None:
            return 0
        try:
            newer = self.post.radio.newer_than(self.top_id, self._filter, NEWER_LIMIT)
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

    def refresh_message(self, message_id: int) -> None:
        """A message changed state (acked, acknowledged, filed): re-read that one row if shown."""
        for row, msg in enumerate(self._rows[:2000]):  # changes concern recent messages
            if msg.id == message_id:
                try:
                    self._rows[row] = self.post.radio.get(message_id)
                except KNOWN_ERRORS + (LookupError,) as exc:  # type: ignore[operator]
                    log.debug("message %s not re-read: %s", message_id, exc)
                    return
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return

    def message_at(self, row: int) -> MessageView:
        return self._rows[row]

    def wait_idle(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)
