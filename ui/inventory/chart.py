"""An item's level over time (pyqtgraph), with its minimum and target as lines.

Drawn as steps, because a level does not slope between movements: it jumps when stock
is received or issued. Times on the axis are local, as everywhere on screen.

pyqtgraph costs about 0.9 s to import, so it is imported when the chart is first shown,
not when the console starts (the inventory dock usually starts hidden behind a tab).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ops_console.inventory import LevelSeries
from ops_console.ui.common.date_axis import LocaleDateAxis
from ops_console.ui.common.formatting import number


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
        self.plot: Any = None  # the pyqtgraph PlotWidget, made on first show
        self.series: LevelSeries | None = None
        self._pending: tuple[LevelSeries, str, str] | None = None
        self._full: tuple[float, float] = (0.0, 0.0)  # the whole history's time span
        # the legend sits above the plot, never over the newest data (pyqtgraph's is inside it)
        self.legend = QLabel()
        self.legend.setObjectName("chartLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.show_all_button = QPushButton(_tr("Show all"), objectName="chartShowAll")
        self.show_all_button.setToolTip(
            _tr("Show the whole history (the chart opens on the last four weeks)")
        )
        self.show_all_button.clicked.connect(self.show_all)
        self.show_all_button.setEnabled(False)
        header = QHBoxLayout()
        header.addWidget(self.legend, 1)
        header.addWidget(self.show_all_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.title)
        self._layout.addLayout(header)
        self._layout.addStretch(1)

    def _make_plot(self) -> Any:
        import pyqtgraph as pg

        plot = pg.PlotWidget(background="w", axisItems={"bottom": LocaleDateAxis(orientation="bottom")})
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setLabel("left", _tr("On hand"))
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()  # pyqtgraph's hidden "A": the Show all button says what it does
        plot.setMinimumHeight(70)  # below the table in a low dock: the table keeps its rows
        self._layout.takeAt(2)  # the stretch that held the place
        self._layout.addWidget(plot, 1)
        plot.show()  # a child added to a widget already on screen is hidden until shown
        return plot

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._pending is not None:
            self._draw(*self._pending)

    def show_series(self, series: LevelSeries, title: str, unit: str) -> None:
        """Draw now if the chart is on screen, else when it is first shown."""
        self.series = series
        self.title.setText(title)
        self._pending = (series, title, unit)
        if self.isVisible():
            self._draw(series, title, unit)

    def _draw(self, series: LevelSeries, title: str, unit: str) -> None:
        import pyqtgraph as pg

        self._pending = None
        if self.plot is None:
            self.plot = self._make_plot()
        self.plot.clear()
        self.plot.setLabel("left", _tr("On hand") + f" ({unit})")
        if not series.times:
            return
        xs = [t.timestamp() for t in series.times]
        xs.append(max(xs[-1] + 1, pg.QtCore.QDateTime.currentSecsSinceEpoch()))
        ys = list(series.levels)
        shown = [f'<span style="color:#0072b2">━</span> {_tr("Level")}']
        self.plot.plot(
            xs,
            ys,
            stepMode="center",
            pen=pg.mkPen("#0072b2", width=2),
            name=_tr("Level"),
            fillLevel=0,
            brush=pg.mkBrush(0, 114, 178, 40),
        )
        for value, colour, label in (
            (series.minimum, "#d55e00", _tr("Minimum")),
            (series.target, "#009e73", _tr("Target")),
        ):
            if value > 0:
                self.plot.plot(
                    [xs[0], xs[-1]],
                    [value, value],
                    pen=pg.mkPen(colour, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                    name=f"{label} {number(value)}",
                )
                shown.append(f'<span style="color:{colour}">╌</span> {label} {number(value)}')
        self.legend.setText("&nbsp;&nbsp;".join(shown))
        self._full = (xs[0], xs[-1])
        self.show_recent()

    RECENT_S = 28 * 86400  # the chart opens on the last four weeks: the newest data readable

    def show_recent(self) -> None:
        first, last = self._full
        self.plot.enableAutoRange(axis="y")
        self.plot.setXRange(max(first, last - self.RECENT_S), last, padding=0.02)
        self.show_all_button.setEnabled(last - first > self.RECENT_S)

    @Slot()
    def show_all(self) -> None:
        if self.plot is not None:
            self.plot.enableAutoRange()
