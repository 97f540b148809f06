"""RSSI and SNR of one node over time — the only module of the panel that imports pyqtgraph.

Imported when the operator first picks a node, so the console's start-up does not pay
pyqtgraph's ~0.9 s import.
"""

from __future__ import annotations

from datetime import datetime

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ops_console.ui.common.date_axis import LocaleDateAxis


class SignalPlot(QWidget):
    """Two lines on one time axis: RSSI (dBm, left) and SNR (dB, right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioSignalPlot")
        self.view = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis(orientation="bottom")}, background="w")
        self.view.showGrid(x=True, y=True, alpha=0.25)
        self.view.setLabel("left", self.tr("RSSI"), units="dBm")
        self.view.setLabel("right", self.tr("SNR"), units="dB")
        self.view.addLegend(offset=(8, 8))
        self.rssi = self.view.plot(
            [],
            [],
            pen=pg.mkPen("#0b5394", width=1.5),
            symbol="o",
            symbolSize=5,
            symbolBrush="#0b5394",
            symbolPen=None,
            name=self.tr("RSSI"),
        )
        self.snr_view = pg.ViewBox()
        self.view.scene().addItem(self.snr_view)
        self.view.getAxis("right").linkToView(self.snr_view)
        self.snr_view.setXLink(self.view.getPlotItem())
        self.snr = pg.PlotDataItem(
            [],
            [],
            pen=pg.mkPen("#b25e00", width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
            symbol="t",
            symbolSize=5,
            symbolBrush="#b25e00",
            symbolPen=None,
            name=self.tr("SNR"),
        )
        self.snr_view.addItem(self.snr)
        self.view.getPlotItem().legend.addItem(self.snr, self.tr("SNR"))
        self.view.getPlotItem().vb.sigResized.connect(self._sync)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _sync(self) -> None:
        self.snr_view.setGeometry(self.view.getPlotItem().vb.sceneBoundingRect())

    def show_history(self, addr: int, rows: list[tuple[datetime, int | None, float | None]]) -> None:
        xs = [r[0].timestamp() for r in rows]
        self.rssi.setData(xs, [r[1] for r in rows])
        self.snr.setData(xs, [r[2] if r[2] is not None else 0.0 for r in rows])
        self.view.setTitle(
            self.tr("Node {addr}: last {n} frames")
            .replace("{addr}", str(addr))
            .replace("{n}", str(len(rows)))
        )
        self._sync()
