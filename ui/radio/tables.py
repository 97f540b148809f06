"""Small table models of the radio panel: the outbox and the nodes heard.

Both are short lists (hundreds of rows) re-read whole when a radio event arrives; the
panel coalesces events so a busy channel refreshes them a few times a second at most.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ops_console.precedence import precedence_label
from ops_console.radio.views import MessageView, NodeView
from ops_console.said import shown
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import (
    decimal,
    local_clock,
    local_seconds,
    local_short,
    measure,
    number,
)
from ops_console.ui.radio.model import PRECEDENCE_COLOURS, STATE_COLOURS, state_label

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RadioTables", text)


OUTBOX_COLUMNS = (
    QT_TRANSLATE_NOOP("RadioTables", "Queued"),
    QT_TRANSLATE_NOOP("RadioTables", "To"),
    QT_TRANSLATE_NOOP("RadioTables", "No."),
    QT_TRANSLATE_NOOP("RadioTables", "Prec."),
    QT_TRANSLATE_NOOP("RadioTables", "State"),
    QT_TRANSLATE_NOOP("RadioTables", "Tries"),
    QT_TRANSLATE_NOOP("RadioTables", "Message"),
)
NODE_COLUMNS = (
    QT_TRANSLATE_NOOP("RadioTables", "Call"),
    QT_TRANSLATE_NOOP("RadioTables", "Addr"),
    QT_TRANSLATE_NOOP("RadioTables", "Last heard"),
    QT_TRANSLATE_NOOP("RadioTables", "RSSI"),
    QT_TRANSLATE_NOOP("RadioTables", "SNR"),
    QT_TRANSLATE_NOOP("RadioTables", "Battery"),
    QT_TRANSLATE_NOOP("RadioTables", "Position"),
)


class _ListModel(QAbstractTableModel):
    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section])
        return None


def _state_words(msg: MessageView) -> str:
    """The delivery state, and for a message still waiting when the next try is due."""
    words = state_label(msg.status)
    if msg.status in ("queued", "sent") and msg.next_attempt_at is not None:
        words += _tr(" · next try {time}").replace("{time}", local_clock(msg.next_attempt_at))
    return words


class OutboxModel(_ListModel):
    """Outbound messages with their delivery state."""

    columns = OUTBOX_COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        msg: MessageView = self.rows[index.row()]
        column = index.column()
        if role == ExportRole:  # the time whole (the table shows today's as a bare clock)
            return iso_time(msg.at) if column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_clock(msg.at),
                msg.shown_recipient,
                str(msg.number),
                precedence_label(msg.precedence),
                _state_words(msg),
                str(msg.attempts),
                msg.body.replace("\n", " "),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tip(msg)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 4 and msg.status in STATE_COLOURS:
                return QBrush(QColor(STATE_COLOURS[msg.status]))
            if column == 3 and msg.precedence in PRECEDENCE_COLOURS:
                return QBrush(QColor(PRECEDENCE_COLOURS[msg.precedence]))
        return None


class NodesModel(_ListModel):
    """Radios heard: last heard, signal, battery, position."""

    columns = NODE_COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: NodeView = self.rows[index.row()]
        if role == ExportRole:  # "5 min ago" means nothing on paper: when it was heard, whole
            return iso_time(node.last_heard) if index.column() == 2 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                node.shown,
                node.shown_addr,
                _ago(node.last_heard),
                "" if node.rssi is None else f"{node.rssi} dBm",
                "" if node.snr is None else f"{measure(node.snr)} dB",
                "" if node.battery is None else f"{number(round(node.battery))} %",
                "" if node.lat is None else f"{decimal(node.lat, 5)}, {decimal(node.lon, 5)}",
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and node.rssi is not None:
            return QBrush(
                QColor("#b3261e" if node.rssi < -110 else "#b25e00" if node.rssi < -95 else "#2f6f3e")
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and node.name:
            return node.shown  # the name and the call, whole when the column cuts them
        if role == Qt.ItemDataRole.ToolTipRole and node.last_heard is not None:
            return local_seconds(node.last_heard)
        return None


def _tip(msg: MessageView) -> str | None:
    """Which radio sent it (or is named for it) and the last problem, when there are."""
    lines = []
    if msg.link:
        sent = msg.status in ("sent", "relayed", "acked")
        lines.append((_tr("Sent on {link}") if sent else _tr("Radio: {link}")).replace("{link}", msg.link))
    if msg.last_error:
        lines.append(_tr("Last problem: {error}").replace("{error}", shown(msg.last_error)))
    return "\n".join(lines) or None


def _ago(at: datetime | None) -> str:
    if at is None:
        return ""
    seconds = int((datetime.now(timezone.utc) - at).total_seconds())
    if seconds < 60:
        return _tr("{n} s ago").replace("{n}", number(max(seconds, 0)))
    if seconds < 3600:
        return _tr("{n} min ago").replace("{n}", number(seconds // 60))
    return local_short(at)
