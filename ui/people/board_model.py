"""The team status board's item model: one row per team, PAR timer coloured.

Rows are plain TeamRow values (ops_console/people/teams.py); ``set_rows`` replaces them and
tells the view only what changed when the teams are the same (a refresh each second must
not reset the selection or the scroll position).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.clock import utc_now
from ops_console.people.par import ParLevel, format_remaining
from ops_console.people.teams import TeamRow
from ops_console.ui.common.export_role import ExportRole, iso_time


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamBoard", text)


# what a supervisor acts on first, from the left: at 1280x720 the board showed team,
# status and task, and an overdue PAR (its row bold, its cell red) was past the dock's edge
COLUMN_HEADERS = {
    "team": "Team",
    "status": "Status",
    "par": "PAR",
    "contact": "Last contact",
    "task": "Task",
    "members": "Members",
}
COLUMNS = tuple(COLUMN_HEADERS)
_PAR_COLOURS = {
    ParLevel.DUE: (QColor("#f5c518"), QColor("#000000")),
    ParLevel.OVERDUE: (QColor("#c62828"), QColor("#ffffff")),
}
_MAYDAY = (QColor("#7f0000"), QColor("#ffffff"))


_PAR_RANK = {ParLevel.OVERDUE: 1, ParLevel.DUE: 2}


def attention_order(row: TeamRow) -> tuple[int, float]:
    """MAYDAY teams first (the earliest call first), then PAR overdue (longest over first),
    then PAR due; the rest keep the board's order (by name). With twenty teams a red PAR
    timer sorted by name could sit below the dock's edge."""
    if row.mayday_at is not None:
        return 0, row.mayday_at.timestamp()
    rank = _PAR_RANK.get(row.par.level, 3)
    left = row.par.remaining.total_seconds() if rank < 3 and row.par.remaining is not None else 0.0
    return rank, left


def age(at: datetime | None, now: datetime) -> str:
    """How long ago, as the board shows it: ``45 s``, ``12 min``, ``2 h 05``."""
    if at is None:
        return tr("never")
    seconds = max(0, int((now - at).total_seconds()))
    if seconds < 60:
        return tr("%1 s ago").replace("%1", str(seconds))
    if seconds < 3600:
        return tr("%1 min ago").replace("%1", str(seconds // 60))
    return tr("%1 h %2 ago").replace("%1", str(seconds // 3600)).replace("%2", f"{seconds % 3600 // 60:02d}")


class TeamBoardModel(QAbstractTableModel):
    """Teams for a QTableView; ``now`` is the moment the ages and timers are shown for."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.rows: list[TeamRow] = []
        self.now = utc_now()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[TeamRow], now: datetime | None = None) -> None:
        """Show ``rows`` in attention order; the panel selects its team again by id."""
        self.now = now or utc_now()
        rows = sorted(rows, key=attention_order)
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, team_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == team_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMN_HEADERS[COLUMNS[section]])
        return None

    def text(self, row: TeamRow, column: int) -> str:
        key = COLUMNS[column]
        if key == "team":
            return f"{row.name} ({row.callsign})" if row.callsign else row.name
        if key == "status":
            return tr("MAYDAY") + " — " + row.status.label if row.mayday_at else row.status.label
        if key == "task":
            return row.task_title or "—"
        if key == "members":
            lead = f"★ {row.leader}" if row.leader else ""
            others = [m for m in row.members if m != row.leader]
            return ", ".join([lead, *others] if lead else others) or "—"
        if key == "contact":
            if row.contact_at is None:
                return tr("never")
            kind = {"radio": tr("radio"), "position": tr("position"), "check": tr("check")}.get(
                row.contact_kind, ""
            )
            return f"{age(row.contact_at, self.now)} ({kind})" if kind else age(row.contact_at, self.now)
        if key == "par":
            if row.par.level == ParLevel.NONE:
                return "—"
            left = format_remaining(row.par.remaining)
            return f"{left} / {row.par_minutes} min"
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column, key = index.column(), COLUMNS[index.column()]
        if role == ExportRole:  # "5 min ago" means nothing on paper: the last contact, whole
            return iso_time(row.contact_at) if key == "contact" else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = _MAYDAY if row.mayday_at and key in ("team", "status") else None
            if colours is None and key == "par":
                colours = _PAR_COLOURS.get(row.par.level)
            if colours is None:
                return None
            return QBrush(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1])
        if role == Qt.ItemDataRole.FontRole and (row.mayday_at or row.par.level == ParLevel.OVERDUE):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and key == "par" and row.par.level != ParLevel.NONE:
            return tr("Accountability timer: %1").replace("%1", row.par.level.label)
        return None
