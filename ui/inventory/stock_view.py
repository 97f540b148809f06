"""The stock table with its filters and the selected cell's level chart.

Split from the panel so the part that shows the picture (filter, sort, chart) is apart
from the parts that change it (movements, files, requests). Filtering and sorting are
the model's own (whole columns at once), so "what runs out first" over 100,000 cells
takes milliseconds; the selected cell stays selected across a reload.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.inventory import InventoryService, LocationView, StockLevel
from ops_console.inventory.table import LevelTable
from ops_console.ui.common.column_widths import fit_width
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.formatting import samples
from ops_console.ui.common.responsive_splitter import ResponsiveSplitter
from ops_console.ui.inventory.chart import LevelChart
from ops_console.ui.inventory.model import STOCK_COLUMNS, StockTableModel

# item, level, on hand and location fit a 1280-pixel screen's dock (~620 px) side by side
COLUMN_WIDTHS = {
    "item": 175,
    "category": 105,
    "location": 185,
    "level": 115,
    "quantity": 100,
    "minimum": 60,
    "target": 60,
    "cover": 100,
}


def plain_table(model, name: str) -> QTableView:  # type: ignore[no-untyped-def]
    """A read-only, row-selecting table, as both of the panel's tables are."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StockView(QWidget):
    """Filters over the stock table, the table, and the chart of the selected row."""

    def __init__(self, inventory: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inventory = inventory
        self.model = StockTableModel(self)
        self.category_box, self.location_box = QComboBox(), QComboBox()
        self.category_box.setObjectName("categoryFilter")
        self.location_box.setObjectName("locationFilter")
        self.critical_box = QCheckBox(self.tr("Critical items only"))
        self.runs_out_button = QPushButton(self.tr("What runs out first"))
        self.runs_out_button.setToolTip(self.tr("Sort by days of cover at the last 7 days' use"))
        for box in (self.category_box, self.location_box):
            box.currentIndexChanged.connect(self._apply_filter)
        self.critical_box.toggled.connect(self._apply_filter)
        self.runs_out_button.clicked.connect(self.sort_runs_out_first)
        self.table = plain_table(self.model, "stockTable")
        # worst first: sorted by the header's default (the item, Z to A), the items below
        # their minimum sat under a screenful of sufficient ones
        self.table.sortByColumn(STOCK_COLUMNS.index("level"), Qt.SortOrder.AscendingOrder)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(STOCK_COLUMNS.index(column), width)
        fit_width(self.table, STOCK_COLUMNS.index("expiry"), 90, samples("date"))
        level_words = tuple(StockTableModel.level_words())  # as shown, the worst states in bold
        fit_width(self.table, STOCK_COLUMNS.index("level"), COLUMN_WIDTHS["level"], level_words, bold=True)
        self.table.selectionModel().currentRowChanged.connect(self.show_chart)
        self.chart = LevelChart()
        self.chart_scope = QComboBox()
        self.chart_scope.addItem(self.tr("This location"), "location")
        self.chart_scope.addItem(self.tr("All locations"), "total")
        self.chart_scope.currentIndexChanged.connect(self.show_chart)
        self._lay_out()

    def _lay_out(self) -> None:
        filters = FlowLayout()  # wraps on a narrow dock; a label stays with its box
        for label, box in (
            (self.tr("Category"), self.category_box),
            (self.tr("Location"), self.location_box),
        ):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(label))
            row.addWidget(box)
            filters.addWidget(pair)
        filters.addWidget(self.critical_box)
        filters.addStretch(1)
        filters.addWidget(self.runs_out_button)
        chart_box = self.chart_box = QWidget(objectName="stockChartBox")
        chart_box.hide()  # until a row is chosen: an empty chart would take the table's room
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_scope)
        chart_layout.addWidget(self.chart, 1)
        # beside the chart only while the columns a person acts on (item to location) fit;
        # in a narrower dock the chart goes below the table, never over those columns
        split = self.split = ResponsiveSplitter(objectName="stockSplit", stacked_share=0.62)
        split.addWidget(self.table)
        split.addWidget(chart_box)
        split.want_width(self.table, self._acting_columns_width())
        split.setSizes([960, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    def _acting_columns_width(self) -> int:
        """The table's width with the item, its level, what is on hand and where it is."""
        last = STOCK_COLUMNS.index("location")
        frame = self.table.frameWidth() * 2 + self.table.verticalScrollBar().sizeHint().width()
        return sum(self.table.columnWidth(c) for c in range(last + 1)) + frame

    def fill_filters(self, categories: list[str], locations: list[LocationView]) -> None:
        """Offer the catalogue's categories and locations, keeping what was chosen."""
        for box, first, values in (
            (self.category_box, self.tr("All categories"), [(c, c) for c in categories]),
            (self.location_box, self.tr("All locations"), [(v.name, v.id) for v in locations]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for text, data in values:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def show_table(self, table: LevelTable) -> None:
        """Show a new reading; the cell that was selected is selected again if still shown."""
        kept = self.selected_level()
        self.model.set_table(table)
        row = self.model.row_of(kept.item_id, kept.location_id) if kept else -1
        if row >= 0:
            self.table.selectRow(row)

    def show_cell(self, item_id: int, location_id: int) -> bool:
        """Select one item at one place and bring it into sight (an alert's *Go to record*);
        filters that hide it are cleared first. False when the cell is not in the table."""
        row = self.model.row_of(item_id, location_id)
        if row < 0:
            for box in (self.category_box, self.location_box):
                box.setCurrentIndex(0)  # "All …": the filters apply at once
            self.critical_box.setChecked(False)
            row = self.model.row_of(item_id, location_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    @Slot()
    def _apply_filter(self) -> None:
        self.model.set_filter(
            self.category_box.currentData(), self.location_box.currentData(), self.critical_box.isChecked()
        )

    @Slot()
    def sort_runs_out_first(self) -> None:
        self.table.sortByColumn(STOCK_COLUMNS.index("cover"), Qt.SortOrder.AscendingOrder)

    def selected_level(self) -> StockLevel | None:
        index = self.table.currentIndex()
        return self.model.level_at(index.row()) if index.isValid() else None

    @Slot()
    def show_chart(self) -> None:
        lv = self.selected_level()
        if lv is None:
            self._show_chart_box(False)
            return
        self._show_chart_box(True)
        total = self.chart_scope.currentData() == "total"
        series = self.inventory.series(lv.item_id, None if total else lv.location_id)
        where = self.tr("all locations") if total else lv.location_name
        self.chart.show_series(series, f"{lv.item_name} — {where}", lv.unit)

    def _show_chart_box(self, shown: bool) -> None:
        if shown != self.chart_box.isVisibleTo(self):
            self.chart_box.setVisible(shown)
            self.split.relayout()
            if shown:  # once the split has laid out again, the chosen row is put back in sight
                QTimer.singleShot(0, lambda: self.table.scrollTo(self.table.currentIndex()))
