"""A siren's battery voltage over time (pyqtgraph, imported on first draw: it is slow)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ops_console.sirens.views import HistoryPoint

LOW_BATTERY_V = 23.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("BatteryChart", text)


class BatteryChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(_tr("Select a siren to see its battery history"))
        self.title.setStyleSheet("font-weight: 600; padding: 2px 4px;")
        self.plot: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.title)
        self._layout.addStretch(1)

    def show_history(self, name: str, points: list[HistoryPoint]) -> None:
        import pyqtgraph as pg  # here, not at the top: the sirens panel is built at start-up

        from ops_console.ui.common.date_axis import LocaleDateAxis  # pyqtgraph too

        if self.plot is None:
            self.plot = pg.PlotWidget(
                background="w", axisItems={"bottom": LocaleDateAxis(orientation="bottom")}
            )
            self.plot.showGrid(x=True, y=True, alpha=0.25)
            self.plot.setLabel("left", _tr("Battery (V)"))
            self.plot.setMouseEnabled(x=True, y=False)
            self._layout.takeAt(1)
            self._layout.addWidget(self.plot, 1)
            self.plot.show()
        self.title.setText(_tr("Battery voltage — ") + name)
        self.plot.clear()
        line = pg.InfiniteLine(
            pos=LOW_BATTERY_V,
            angle=0,
            pen=pg.mkPen("#d55e00", width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
            label=_tr("low battery 23.0 V"),
            labelOpts={"position": 0.08, "color": "#d55e00"},
        )
        self.plot.addItem(line)
        if not points:
            return
        xs = [p.at.timestamp() for p in points]
        ys = [p.battery_v for p in points]
        self.plot.plot(xs, ys, pen=pg.mkPen("#0072b2", width=2))
        low = min(min(ys), LOW_BATTERY_V) - 0.3
        self.plot.setYRange(low, max(ys) + 0.3)
