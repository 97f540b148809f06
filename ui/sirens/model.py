"""The sirens table: one row per siren, state in colour AND words."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.siren_patterns import PatternLibrary
from ops_console.sirens.views import COMMS_FAULT_AFTER, SirenView
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import decimal, local_short_seconds
from ops_console.ui.common.theme import ink
from ops_console.ui.sirens.look import (
    STATE_COLOURS,
    comms_ink,
    comms_label,
    pattern_words,
    state_key,
    state_label,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SirenTableModel", text)


# what a supervisor acts on first, from the left: at 1280x720 the dock shows about six
# columns, and faults, power and comms were past its edge (a siren idle with its door open
# or on battery looked like any other); the header words are their own translations
COLUMN_HEADERS = {
    "siren": "Siren",
    "state": "State",
    "remaining": "Remaining",
    "faults": "Faults",
    "mains": "Mains",
    "comms": "Comms",
    "pattern": "Pattern",
    "battery": "Battery",
    "temperature": "Temp.",
    "last_heard": "Last heard",
}
COLUMNS = tuple(COLUMN_HEADERS)
_STATE_COLOURED = ("state", "pattern", "remaining")


class SirenTableModel(QAbstractTableModel):
    def __init__(self, patterns: PatternLibrary, parent=None) -> None:
        super().__init__(parent)
        self._patterns = patterns
        self.rows: list[SirenView] = []

    def set_rows(self, rows: list[SirenView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(COLUMN_HEADERS[COLUMNS[section]])
        return None

    def text(self, v: SirenView, key: str) -> str:
        """What the cell of column ``key`` (one of COLUMNS) says for siren ``v``."""
        running = v.state in ("sounding", "testing") and v.comms_ok
        if key == "siren":
            return f"{v.name}  ·  #{v.unit_id}"
        if key == "state":
            return state_label(v)
        if key == "pattern":
            p = self._patterns.get(v.pattern_id) if running else None
            return pattern_words(p.name) if p else (f"#{v.pattern_id}" if running else "—")
        if key == "remaining":
            if not running:
                return "—"
            m, s = divmod(v.seconds_remaining, 60)
            return f"{m}:{s:02d}"
        if key == "battery":
            return (
                "—"
                if v.battery_v is None
                else f"{decimal(v.battery_v, 2)} V" + (" ⚠" if v.battery_v < 23.0 else "")
            )
        if key == "mains":
            return (
                "—"
                if v.mains_present is None
                else (_tr("on mains") if v.mains_present else _tr("ON BATTERY"))
            )
        if key == "faults":
            return "; ".join(v.fault_words) or _tr("none")
        if key == "temperature":
            return "—" if v.temperature_c is None else f"{decimal(v.temperature_c)} °C"
        if key == "last_heard":
            return local_short_seconds(v.last_heard_at) if v.last_heard_at else "—"
        return comms_label(v)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v, col = self.rows[index.row()], COLUMNS[index.column()]
        if role == ExportRole:  # last heard, whole, for the city's GIS and paper backup
            return iso_time(v.last_heard_at) if col == "last_heard" else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col == "comms" and v.comms_detail:
                return v.comms_detail
            return self.text(v, col)
        key = state_key(v)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == "faults" and v.faults:
                return QBrush(QColor("#fde9c8"))
            if col == "mains" and v.mains_present is False:
                return QBrush(QColor("#fde9c8"))
            if col == "comms" and v.missed_polls >= COMMS_FAULT_AFTER:
                return QBrush(QColor("#f9d6c4"))
            if col in _STATE_COLOURED or key == "sounding":
                return QBrush(QColor(STATE_COLOURS[key][0]))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col in ("state", "comms"):
            if col == "comms":
                fault = v.missed_polls >= COMMS_FAULT_AFTER  # red on its light red tint
                return QBrush(QColor("#b00020" if fault else ink(comms_ink(v))))
            return QBrush(QColor(STATE_COLOURS[key][1]))
        if role == Qt.ItemDataRole.FontRole and (col in ("siren", "state") or key == "sounding"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return v.id
        return None
