"""The incidents table model: IncidentView rows, updated one row at a time.

The model holds exactly the rows that match the panel's filter; a change to one
incident inserts, refreshes or removes that single row, so selection and scroll
position survive the live updates that arrive all shift long.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.domain import IncidentStatus
from ops_console.exercise_view import live_words, marked_live, shown
from ops_console.services.incidents import IncidentFilter, IncidentView
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import local_datetime, local_short
from ops_console.ui.common.theme import SEVERITY_COLOURS, STATUS_COLOURS, severity_marks

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
LIVE_ROLE = Qt.ItemDataRole.UserRole + 3  # True for a live incident shown during an exercise
LIVE_BACKGROUND = "#fde7e4"
OPEN_ONES = frozenset({IncidentStatus.OPEN, IncidentStatus.ACTIVE, IncidentStatus.MONITORING})


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentTableModel", text)


COLUMNS = ("id", "severity", "title", "status", "reported", "kind", "location", "reported_by")
"""What a person reads first comes first: how bad, what it is, where it stands. With the
report time and kind first, the title began past the left dock's edge at 1280x720."""
REPORTED = COLUMNS.index("reported")
# translated when shown (QT_TRANSLATE_NOOP marks them for lupdate), not at import time
HEADERS = {
    "id": QT_TRANSLATE_NOOP("IncidentTableModel", "#"),
    "reported": QT_TRANSLATE_NOOP("IncidentTableModel", "Reported"),
    "kind": QT_TRANSLATE_NOOP("IncidentTableModel", "Kind"),
    "severity": QT_TRANSLATE_NOOP("IncidentTableModel", "Severity"),
    "status": QT_TRANSLATE_NOOP("IncidentTableModel", "Status"),
    "title": QT_TRANSLATE_NOOP("IncidentTableModel", "Title"),
    "location": QT_TRANSLATE_NOOP("IncidentTableModel", "Location"),
    "reported_by": QT_TRANSLATE_NOOP("IncidentTableModel", "Reported by"),
}


def matches(view: IncidentView, flt: IncidentFilter, exercise: bool) -> bool:
    """The service's list() filter, for one row, so a live update can keep or drop it."""
    if not shown(view.exercise, exercise, view.status != IncidentStatus.CLOSED):
        return False
    if flt.statuses and view.status not in flt.statuses:
        return False
    if int(view.severity) < flt.min_severity:
        return False
    text = flt.text.strip().casefold()
    return not text or any(text in part.casefold() for part in (view.title, view.notes, view.location_text))


_STATUS_ORDER = {status: order for order, status in enumerate(IncidentStatus)}


class IncidentTableModel(QAbstractTableModel):
    """Rows of IncidentView; sorting is left to a QSortFilterProxyModel on SORT_ROLE."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentView] = []
        self.exercise_mode = False  # set by the panel: in exercise mode live rows are marked LIVE

    # --- Qt interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[COLUMNS[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view, column = self._rows[index.row()], COLUMNS[index.column()]
        live = marked_live(view.exercise, self.exercise_mode)
        if role == ExportRole:  # the report time whole, for the city's GIS and paper backup
            return iso_time(view.reported_at) if column == "reported" else None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(view, column)
            return f"● {live_words()} · {text}" if live and column == "title" else text
        if role == LIVE_ROLE:
            return live
        if live and role == Qt.ItemDataRole.BackgroundRole and column != "severity":
            return QBrush(QColor(LIVE_BACKGROUND))
        if live and role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return _tr("LIVE incident — real, not part of the exercise: {title}").replace(
                "{title}", view.title
            )
        if role == SORT_ROLE:
            return self._sort_key(view, column)
        if role == ID_ROLE:
            return view.id
        if role == Qt.ItemDataRole.BackgroundRole and column == "severity":
            return QBrush(QColor(SEVERITY_COLOURS[view.severity][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status":
                return QBrush(QColor(STATUS_COLOURS[view.status]))
            if view.status == IncidentStatus.CLOSED:
                return QBrush(QColor("#6e6e6e"))
        if (
            role == Qt.ItemDataRole.FontRole
            and column in ("status", "title")
            and view.status != IncidentStatus.CLOSED
        ):
            font = QFont()
            font.setBold(column == "status" or view.severity.value >= 4 or live)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "reported":
                return local_datetime(view.reported_at)
            return view.notes or view.title if column in ("title", "location") else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(view: IncidentView, column: str) -> str:
        if column == "id":
            return str(view.id)
        if column == "reported":
            return local_short(view.reported_at)
        if column == "kind":
            return view.kind.label
        if column == "severity":
            return f"{severity_marks(view.severity)}  {view.severity.label}"
        if column == "status":
            return view.status.label
        if column == "title":
            return view.title
        if column == "location":
            return view.location_text
        return view.reported_by

    @staticmethod
    def _sort_key(view: IncidentView, column: str) -> Any:
        """Only the asked column's key: the proxy asks four times per comparison, and the
        words of every column (a local time among them) cost more than the sort itself."""
        if column == "id":
            return view.id
        if column == "reported":
            return view.reported_at.timestamp()
        if column == "severity":
            return int(view.severity)
        if column == "status":
            return _STATUS_ORDER[view.status]
        return IncidentTableModel._display(view, column).casefold()

    # --- rows -----------------------------------------------------------------
    def set_rows(self, rows: list[IncidentView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def view_at(self, row: int) -> IncidentView:
        return self._rows[row]

    def row_of(self, incident_id: int) -> int:
        return next((i for i, v in enumerate(self._rows) if v.id == incident_id), -1)

    def upsert(self, view: IncidentView) -> None:
        """Refresh the row for ``view.id`` in place, or add it (the proxy sorts it)."""
        row = self.row_of(view.id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(view)
            self.endInsertRows()
        elif self._rows[row] != view:
            self._rows[row] = view
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, incident_id: int) -> None:
        row = self.row_of(incident_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()


class LiveFirstProxy(QSortFilterProxyModel):
    """Sorts like its column says, but keeps LIVE rows above the exercise's whatever the
    sort order: during a drill the real incidents stay on top, in sight. Rows equal in the
    sorted column follow their report time, so the list's default (severity, worst first)
    reads worst, then newest."""

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 (Qt name)
        source = self.sourceModel()
        left_live = bool(source.data(left, LIVE_ROLE))
        right_live = bool(source.data(right, LIVE_ROLE))
        if left_live != right_live:  # the view reverses the order when sorting descending
            return left_live if self.sortOrder() == Qt.SortOrder.AscendingOrder else right_live
        if left.column() != REPORTED and source.data(left, SORT_ROLE) == source.data(right, SORT_ROLE):
            left, right = left.siblingAtColumn(REPORTED), right.siblingAtColumn(REPORTED)
        return super().lessThan(left, right)
