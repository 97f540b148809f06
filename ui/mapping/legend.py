"""The legend: every layer with a switch, and under it every symbol that layer draws."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from .layers import MapLayer


class LegendPanel(QWidget):
    """Check a layer to show it; expand it to read its symbols."""

    # a layer was switched on or off: carries its key and the new state
    layer_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setIconSize(QSize(22, 22))
        self.tree.setIndentation(14)
        self.tree.setRootIsDecorated(True)
        # words are never cut: the column takes their width and the tree scrolls sideways instead
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}

    def set_layers(self, layers: list[MapLayer]) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        for layer in reversed(layers):  # top of the drawing order first, like a GIS
            item = QTreeWidgetItem([layer.title])
            item.setToolTip(0, layer.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            item.setData(0, Qt.ItemDataRole.UserRole, layer.key)
            self.tree.addTopLevelItem(item)
            for pixmap, text in layer.legend():
                child = QTreeWidgetItem([text])
                child.setToolTip(0, text)
                child.setIcon(0, QIcon(pixmap))
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(child)
            item.setExpanded(
                layer.key in ("incidents", "shelters", "risks", "zones", "sirens", "teams", "sensors")
                and layer.visible
            )
            self._items[layer.key] = item
        self.tree.blockSignals(False)

    def set_checked(self, key: str, on: bool) -> None:
        if key in self._items:
            self._items[key].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def is_checked(self, key: str) -> bool:
        return key in self._items and self._items[key].checkState(0) == Qt.CheckState.Checked

    def _changed(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key:
            self.layer_toggled.emit(key, item.checkState(0) == Qt.CheckState.Checked)


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)
