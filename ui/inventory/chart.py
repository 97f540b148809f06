"""An item's level over time (pyqtgraph), with its minimum and target as lines.

Drawn as steps, because a level does not slope between movements: it jumps when stock
is received or issued. Times on the axis are local, as everywhere on screen.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ops_console.inventory import LevelSeries


def _tr(text: str) -> str:
    return QCoreApplication.translate("LevelChart", text)


class LevelChart(QWidget):
    """The level line plus dashed threshold lines; ``show_series`` replaces what is drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelChart")
        self.title = QLabel(_tr("Select a row to see its level over time"))
        self.title.setObjectName("chartTitle")
        self.title.setStyleSheet("font-weight: 600; padding: 2px 4px;")
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("left", _tr("On hand"))
        self.plot.addLegend(offset=(10, 10))
        self.plot.setMouseEnabled(x=True, y=False)
        self.series: LevelSeries | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)

    def show_series(self, series: LevelSeries, title: str, unit: str) -> None:
        self.series = series
        self.title.setText(title)
        self.plot.clear()
        self.plot.setLabel("left", _tr("On hand") + f" ({unit})")
        if not series.times:
            return
        xs = [t.timestamp() for t in series.times]
        xs.append(max(xs[-1] + 1, pg.QtCore.QDateTime.currentSecsSinceEpoch()))
        ys = list(series.levels)
        self.plot.plot(xs, ys, stepMode="center", pen=pg.mkPen("#0072b2", width=2), name=_tr("Level"),
                       fillLevel=0, brush=pg.mkBrush(0, 114, 178, 40))
        for value, colour, label in ((series.minimum, "#d55e00", _tr("Minimum")), (series.target, "#009e73", _tr("Target"))):
            if value > 0:
                self.plot.plot([xs[0], xs[-1]], [value, value], pen=pg.mkPen(colour, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                               name=f"{label} {value:,}")
        self.plot.enableAutoRange()
