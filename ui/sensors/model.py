"""The sensors table: one row per sensor (registered ones and unknown ones heard)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ops_console.sensors.kinds import reading_words
from ops_console.sensors.views import SensorRow
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import local_short, measure

from .look import LEVEL_COLOURS, TREND_ARROWS, age_words, level_marks

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensorTableModel", text)


COLUMNS = ("sensor", "kind", "value", "level", "trend", "age", "location")


class SensorTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SensorRow] = []
        self.now = datetime.now(UTC)
        self._headers = [
            _tr("Sensor"),
            _tr("Kind"),
            _tr("Latest"),
            _tr("Level"),
            _tr("Trend"),
            _tr("Last reading"),
            _tr("Location"),
        ]

    def set_rows(self, rows: list[SensorRow], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.now = rows, now
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ExportRole:  # "5 min ago" means nothing on paper: the reading's time, whole
            return iso_time(row.at) if column == "age" else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column in ("level", "value"):
            return QBrush(QColor(LEVEL_COLOURS[row.level][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "age" and row.silent:
                return QBrush(QColor("#b00020"))
            if not row.registered:
                return QBrush(QColor("#6e6e6e"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: SensorRow, column: str) -> str:
        if column == "sensor":
            return row.name if row.registered else f"{row.sensor_id} ({_tr('not registered')})"
        if column == "kind":
            return row.spec.kind.label if row.spec else reading_words(row.kind_word)
        if column == "value":
            return "" if row.value is None else f"{measure(row.value)} {row.unit}".strip()
        if column == "level":
            return f"{level_marks(row.level)} {row.level.label}" if row.registered else "—"
        if column == "trend":
            return TREND_ARROWS[row.trend] if row.value is not None else ""
        if column == "age":
            seconds = (self.now - row.at).total_seconds() if row.at else None
            words = age_words(seconds)
            return f"{words} — {_tr('SILENT')}" if row.silent else words
        if column == "location":
            return row.spec.location if row.spec else ""
        return ""

    def _tip(self, row: SensorRow) -> str:
        if row.spec is None:
            return _tr("Heard over the radio but not in the register: select it and press Register.")
        spec = row.spec
        parts = [spec.rule_words(level) for level in (1, 2, 3) if spec.line_of(level) is not None]
        if spec.rise_words():
            parts.append(spec.rise_words())
        when = local_short(row.at) if row.at else _tr("never")
        return f"{spec.sensor_id} · {', '.join(parts) or _tr('no levels set')} · {_tr('last reading')} {when}"

    def row_of(self, sensor_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.sensor_id == sensor_id), -1)
