"""Qt models of the inventory: the stock table (item × location) and the request queue.

Level cells carry a word and a bar of marks as well as a colour (Okabe–Ito), so a
colour-blind officer or a washed-out projector still reads "Below minimum" at a glance.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.domain import Priority
from ops_console.inventory import LevelState, RequestStatus, RequestView, StockLevel
from ops_console.inventory.table import LevelTable
from ops_console.ui.common.export_role import ExportRole, iso_date, iso_time
from ops_console.ui.common.formatting import date_text, decimal, local_short, number

Index = QModelIndex | QPersistentModelIndex
# background tint and text colour per state (Okabe–Ito vermillion, orange, yellow, bluish green)
STATE_COLOURS: dict[LevelState, tuple[str, str]] = {
    LevelState.OUT: ("#f6cbb6", "#8a2c00"),
    LevelState.LOW: ("#fde0b0", "#8a5a00"),
    LevelState.BELOW_TARGET: ("#fbf5c8", "#6b5f00"),
    LevelState.OK: ("#d4efe6", "#00664d"),
    LevelState.NO_THRESHOLD: ("#ffffff", "#4a5563"),
}
STATE_MARKS = {
    LevelState.OUT: "✖",
    LevelState.LOW: "▼",
    LevelState.BELOW_TARGET: "▽",
    LevelState.OK: "✔",
    LevelState.NO_THRESHOLD: "·",
}
PRIORITY_COLOURS = {
    Priority.URGENT: "#d55e00",
    Priority.HIGH: "#e69f00",
    Priority.NORMAL: "#0072b2",
    Priority.LOW: "#6e6e6e",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("StockTableModel", text)


# what a person acts on first, from the left: a narrow dock cuts off the right-hand columns
STOCK_COLUMNS = ("item", "level", "quantity", "location", "minimum", "target", "cover", "expiry", "category")
STOCK_HEADERS = {
    "item": QT_TRANSLATE_NOOP("StockTableModel", "Item"),
    "category": QT_TRANSLATE_NOOP("StockTableModel", "Category"),
    "location": QT_TRANSLATE_NOOP("StockTableModel", "Location"),
    "level": QT_TRANSLATE_NOOP("StockTableModel", "Level"),
    "quantity": QT_TRANSLATE_NOOP("StockTableModel", "On hand"),
    "minimum": QT_TRANSLATE_NOOP("StockTableModel", "Min"),
    "target": QT_TRANSLATE_NOOP("StockTableModel", "Target"),
    "cover": QT_TRANSLATE_NOOP("StockTableModel", "Days of cover"),
    "expiry": QT_TRANSLATE_NOOP("StockTableModel", "Earliest expiry"),
}
STATE_WORDS = {s: s.label for s in LevelState}  # labels are marked in views; translated when shown


def cover_text(level: StockLevel) -> str:
    days = level.days_of_cover
    if days is None:
        return _tr("no recent use")
    return (
        _tr("< 1 day")
        if days < 1
        else (decimal(days, 0) + " " + _tr("days") if days < 100 else "99+ " + _tr("days"))
    )


class StockTableModel(QAbstractTableModel):
    """The stock table over a LevelTable (columns, one row per cell).

    Filtering and sorting work on whole columns (a few milliseconds for 100,000 cells,
    where a QSortFilterProxyModel would ask data() for every row and every comparison);
    only the rows the view paints are turned into a StockLevel and into words.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = LevelTable.empty()
        self._rows: np.ndarray = np.zeros(0, np.int64)  # the table row shown at each view row
        self._filter: tuple[str | None, int | None, bool] = (None, None, False)
        self._sort: tuple[str, bool] | None = None  # column, descending
        self._last: tuple[int, StockLevel] | None = None  # the row data() asked for last

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(STOCK_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(STOCK_HEADERS[STOCK_COLUMNS[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        lv, column = self.level_at(index.row()), STOCK_COLUMNS[index.column()]
        if role == ExportRole:  # the expiry whole, for the city's GIS and paper backup
            return iso_date(lv.earliest_expiry) if column == "expiry" else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(lv, column)
        if role == Qt.ItemDataRole.BackgroundRole and column in ("level", "quantity"):
            return QBrush(QColor(STATE_COLOURS[lv.state][0]))
        if role == Qt.ItemDataRole.ForegroundRole and column in ("level", "quantity"):
            return QBrush(QColor(STATE_COLOURS[lv.state][1]))
        if role == Qt.ItemDataRole.FontRole and (
            column == "level"
            and lv.state in (LevelState.OUT, LevelState.LOW)
            or column == "item"
            and lv.critical
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("quantity", "minimum", "target", "cover"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("level", "cover"):
            return (
                _tr("Recent use: %1 %2 per day").replace("%1", decimal(lv.daily_use)).replace("%2", lv.unit)
            )
        return None

    @staticmethod
    def level_words() -> list[str]:
        """Every text the level column can show (to size it in the language shown)."""
        return [f"{STATE_MARKS[state]} {_tr(STATE_WORDS[state])}" for state in LevelState]

    @staticmethod
    def _display(lv: StockLevel, column: str) -> str:
        if column == "item":
            return f"{lv.item_name}  ★" if lv.critical else lv.item_name
        if column == "category":
            return lv.category
        if column == "location":
            return lv.location_name
        if column == "level":
            return f"{STATE_MARKS[lv.state]} {_tr(STATE_WORDS[lv.state])}"
        if column == "quantity":
            return f"{number(lv.quantity)} {lv.unit}"
        if column == "minimum":
            return number(lv.minimum) if lv.minimum else "—"
        if column == "target":
            return number(lv.target) if lv.target else "—"
        if column == "cover":
            return cover_text(lv)
        return date_text(lv.earliest_expiry)

    # --- the rows shown ---------------------------------------------------------------
    def set_table(self, table: LevelTable) -> None:
        """Show a freshly read table, under the filter and sort order in force."""
        self.beginResetModel()
        self._table, self._last = table, None
        self._rows = self._arranged()
        self.endResetModel()

    def set_filter(self, category: str | None, location_id: int | None, critical_only: bool) -> None:
        self.beginResetModel()
        self._filter, self._last = (category, location_id, critical_only), None
        self._rows = self._arranged()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Called by the view's header; the selection follows its rows to their new places."""
        self.layoutAboutToBeChanged.emit()
        self._sort, self._last = (STOCK_COLUMNS[column], order == Qt.SortOrder.DescendingOrder), None
        before = self.persistentIndexList()
        shown = [int(self._rows[i.row()]) for i in before]
        self._rows = self._arranged()
        where = np.full(len(self._table), -1, np.int64)
        where[self._rows] = np.arange(len(self._rows))
        self.changePersistentIndexList(
            before, [self.index(int(where[r]), i.column()) for r, i in zip(shown, before)]
        )
        self.layoutChanged.emit()

    def _arranged(self) -> np.ndarray:
        rows = self._table.select(*self._filter)
        return self._table.order(rows, *self._sort) if self._sort else rows

    def level_at(self, row: int) -> StockLevel:
        if self._last is None or self._last[0] != row:
            self._last = (row, self._table.level(int(self._rows[row])))
        return self._last[1]

    def row_of(self, item_id: int, location_id: int) -> int:
        """The view row of a cell, or -1 when it is filtered out or gone."""
        found = self._table.row_of(item_id, location_id)
        hits = np.flatnonzero(self._rows == found) if found is not None else ()
        return int(hits[0]) if len(hits) else -1

    def table(self) -> LevelTable:
        return self._table

    def levels(self) -> list[StockLevel]:
        """Every cell of the table (filtered out or not), as values."""
        return self._table.levels()


# what the person deciding acts on first, from the left (a narrow dock cuts off the
# right-hand columns): how urgent, what and how much, where it stands, where it goes
REQUEST_COLUMNS = (
    "id",
    "priority",
    "item",
    "quantity",
    "status",
    "deliver_to",
    "needed_by",
    "asked",
    "requested_by",
)
REQUEST_HEADERS = {
    "id": QT_TRANSLATE_NOOP("RequestQueueModel", "#"),
    "priority": QT_TRANSLATE_NOOP("RequestQueueModel", "Priority"),
    "asked": QT_TRANSLATE_NOOP("RequestQueueModel", "Asked"),
    "status": QT_TRANSLATE_NOOP("RequestQueueModel", "Status"),
    "item": QT_TRANSLATE_NOOP("RequestQueueModel", "Item"),
    "quantity": QT_TRANSLATE_NOOP("RequestQueueModel", "Quantity"),
    "deliver_to": QT_TRANSLATE_NOOP("RequestQueueModel", "Deliver to"),
    "needed_by": QT_TRANSLATE_NOOP("RequestQueueModel", "Needed by"),
    "requested_by": QT_TRANSLATE_NOOP("RequestQueueModel", "Requested by"),
}


class RequestQueueModel(QAbstractTableModel):
    """Requests in the service's queue order: most urgent, then oldest, on top."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestView] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(REQUEST_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RequestQueueModel", REQUEST_HEADERS[REQUEST_COLUMNS[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self._rows[index.row()], REQUEST_COLUMNS[index.column()]
        if role == ExportRole:  # asked at and needed by, whole, for the paper backup
            return {"asked": iso_time(r.created_at), "needed_by": iso_time(r.needed_by)}.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "priority":
            return QBrush(QColor(PRIORITY_COLOURS[r.priority]))
        if role == Qt.ItemDataRole.FontRole and column in ("priority", "status") and r.status.is_open:
            font = QFont()
            font.setBold(
                r.priority == Priority.URGENT or column == "status" and r.status == RequestStatus.REQUESTED
            )
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.source_text or r.decision_reason or None
        return None

    @staticmethod
    def _display(r: RequestView, column: str) -> str:
        tr = lambda t: QCoreApplication.translate("RequestQueueModel", t)  # noqa: E731
        if column == "priority":
            return "■" * int(r.priority) + "□" * (4 - int(r.priority)) + " " + tr(r.priority.label)
        if column == "quantity":
            whole = f"{number(r.quantity)} {r.unit}"
            return f"{number(r.fulfilled)} / {whole}" if r.fulfilled else whole
        if column == "status":
            return tr(r.status.label)
        if column == "asked":
            return local_short(r.created_at)
        if column == "needed_by":
            return local_short(r.needed_by)
        if column == "id":
            return str(r.id)
        if column == "item":
            return r.item_name
        if column == "deliver_to":
            return r.deliver_to
        return r.requested_by

    def set_rows(self, rows: list[RequestView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def request_at(self, row: int) -> RequestView:
        return self._rows[row]
