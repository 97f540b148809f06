"""The comms log (ICS-309 spirit) as a lazy, newest-first model that stays smooth at 500,000 messages.

Paging is NewestFirstModel's, shared with the activity log (older messages on a worker
thread with keyset paging, newer ones inserted at the top); this module says how to read
the log and how a message looks. Rows are frozen MessageViews, never ORM rows.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.exercise_view import live_words, marked_live
from ops_console.precedence import Precedence, precedence_label
from ops_console.radio.views import MessageFilter, MessageView
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import local_clock, local_seconds, measure
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.newest_first import Index, NewestFirstModel, PagedService

log = logging.getLogger(__name__)
PAGE_SIZE = 300
NEWER_LIMIT = 5000


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommsLogModel", text)


COLUMNS = (
    QT_TRANSLATE_NOOP("CommsLogModel", "Time"),
    QT_TRANSLATE_NOOP("CommsLogModel", "Dir"),
    QT_TRANSLATE_NOOP("CommsLogModel", "From"),
    QT_TRANSLATE_NOOP("CommsLogModel", "To"),
    QT_TRANSLATE_NOOP("CommsLogModel", "No."),
    QT_TRANSLATE_NOOP("CommsLogModel", "Prec."),
    QT_TRANSLATE_NOOP("CommsLogModel", "Message"),
    QT_TRANSLATE_NOOP("CommsLogModel", "RSSI/SNR"),
    QT_TRANSLATE_NOOP("CommsLogModel", "State"),
)
STATE_LABELS = {
    "received": QT_TRANSLATE_NOOP("CommsLogModel", "received"),
    "queued": QT_TRANSLATE_NOOP("CommsLogModel", "queued"),
    "sent": QT_TRANSLATE_NOOP("CommsLogModel", "sent"),
    # relayed: a Meshtastic neighbour was heard rebroadcasting it; not yet confirmed delivered
    "relayed": QT_TRANSLATE_NOOP("CommsLogModel", "relayed"),
    "acked": QT_TRANSLATE_NOOP("CommsLogModel", "acked"),
    "failed": QT_TRANSLATE_NOOP("CommsLogModel", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("CommsLogModel", "cancelled"),
}
PRECEDENCE_COLOURS = {
    Precedence.EMERGENCY: "#b3261e",
    Precedence.PRIORITY: "#b25e00",
    Precedence.WELFARE: "#2f6f3e",
}
STATE_COLOURS = {
    "failed": "#b3261e",
    "acked": "#2f6f3e",
    "relayed": "#8a6d00",
    "queued": "#6b6b6b",
    "cancelled": "#6b6b6b",
}


def state_label(status: str) -> str:
    return _tr(STATE_LABELS[status]) if status in STATE_LABELS else status


def cell_text(msg: MessageView, column: int) -> str:
    """What a column shows for a message (also used by the outbox table and printing)."""
    if column == 0:
        return local_clock(msg.at)
    if column == 1:
        return _tr("in") if msg.direction == "in" else _tr("out")
    if column == 2:
        return msg.shown_station  # our own call for outbound; the operator who wrote it is in the tooltip
    if column == 3:
        return msg.shown_recipient  # a Meshtastic node by its name and call
    if column == 4:
        return "" if msg.kind == "plain" else str(msg.number)
    if column == 5:
        return precedence_label(msg.precedence)
    if column == 6:
        return marked_words(msg).replace("\n", " ⏎ ")
    if column == 7:
        return "" if msg.rssi is None else f"{msg.rssi} / {measure(msg.snr)}"
    return state_label(msg.status)


def marked_words(msg: MessageView) -> str:
    """The message as the log marks it (plain text, exercise, what it was filed as), its
    lines kept: the log's cell shows them on one line, the reading pane whole."""
    text = msg.body
    if msg.kind == "plain":
        text = _tr("[plain text, unverified] ") + text
    if msg.exercise:
        text = _tr("[EXERCISE] ") + text
    if msg.linked_entity:
        text += f"  → {msg.linked_entity} #{msg.linked_id}"
    return text


def message_heading(msg: MessageView) -> str:
    """Who, to whom, when, how urgent and where it stands, on one line above the words."""
    return " · ".join(
        (
            local_seconds(msg.at),
            f"{msg.shown_station} → {msg.shown_recipient}",
            precedence_label(msg.precedence),
            state_label(msg.status),
        )
    )


class CommsLogModel(NewestFirstModel[MessageView, MessageFilter]):
    """MessageViews, newest first; holds only what was scrolled to."""

    PAGE_SIZE = PAGE_SIZE
    NEWER_LIMIT = NEWER_LIMIT
    CONTEXT = "CommsLogModel"
    COLUMNS = COLUMNS

    def no_filter(self) -> MessageFilter:
        return MessageFilter()

    def paged_service(self) -> PagedService:
        return self.post.radio

    def read_newer(self, top_id: int, flt: MessageFilter, limit: int) -> list[MessageView]:
        return self.post.radio.newer_than(top_id, flt, limit)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        msg, column = self._rows[index.row()], index.column()
        if role == ExportRole:  # the time whole (the log shows today's as a bare clock)
            return iso_time(msg.at) if column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 6:  # live traffic during a drill says so
                return self.words_of(msg).replace("\n", " ⏎ ")
            return cell_text(msg, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2 and msg.direction == "out":
                return _tr("Written by {name}").replace("{name}", msg.sender)
            if column == 2 and msg.station_label:  # a Meshtastic node's name and call, whole
                return msg.station_label
            if column == 3 and msg.recipient_label:
                return msg.recipient_label
            if msg.kind == "plain" and column in (2, 4, 6):
                return _tr(
                    "Plain text from a radio that does not speak the field payload: no number, no "
                    "checksum, no acknowledgement. The words may be garbled; confirm by voice if it matters."
                )
            return f"{local_seconds(msg.at)} — {msg.body}" if column in (0, 6) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and msg.precedence in PRECEDENCE_COLOURS:
                return QBrush(QColor(PRECEDENCE_COLOURS[msg.precedence]))
            if column == 8 and msg.status in STATE_COLOURS:
                return QBrush(QColor(STATE_COLOURS[msg.status]))
        if role == Qt.ItemDataRole.BackgroundRole and msg.needs_attention:
            return QBrush(QColor("#fde7e4" if msg.precedence == Precedence.EMERGENCY else "#fff1dc"))
        if role == Qt.ItemDataRole.FontRole and (
            msg.needs_attention or column == 5 and msg.precedence == Precedence.EMERGENCY
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def put_message(self, view: MessageView) -> None:
        """A message read again elsewhere (the panel's refresh job): replace its row if shown."""
        for row, msg in enumerate(self._rows[:2000]):
            if msg.id == view.id:
                self._rows[row] = view
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return

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

    def words_of(self, msg: MessageView) -> str:
        """The message's words as the log marks them, lines kept; live traffic heard
        during a drill says so (the cell and the reading pane both show this)."""
        words = marked_words(msg)
        if marked_live(msg.exercise, self.post.shift.exercise):
            words = f"[{live_words()}] " + words
        return words
