"""One sensor's readings over 1 h … 1 year, with its levels as coloured bands (pyqtgraph).

The database groups the readings into about a thousand time buckets (min, max and mean
each: SensorService.series), so a year of one-minute readings reaches the plot as a
thousand points, and a peak inside a bucket still shows in the min–max envelope. A pan
or zoom asks for the new span off the GUI thread (ui/common/jobs.py), after the mouse
rests for a moment; the curve also clips to the view and downsamples (pyqtgraph) in case
a short span holds many raw readings. pyqtgraph is imported when the chart is first drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QVBoxLayout, QWidget

from ops_console.sensors.kinds import Level
from ops_console.sensors.service import SensorService
from ops_console.sensors.views import Series
from ops_console.ui.common.date_axis import LocaleDateAxis
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.formatting import measure, number
from ops_console.ui.common.jobs import JobLane, start_job

from .look import BAND_ALPHA, LEVEL_COLOURS

SPANS: tuple[timedelta, ...] = (
    timedelta(hours=1),
    timedelta(hours=24),
    timedelta(days=7),
    timedelta(days=30),
    timedelta(days=365),
)
PAN_SETTLE_MS = 120  # a pan asks for its data once the mouse rests this long


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensorChart", text)


class SensorChart(QWidget):
    """The chart of the selected sensor; ``show_sensor`` picks one, the buttons the span."""

    # a series was drawn (tests and the benchmark wait on it): carries the Series
    drawn = Signal(object)

    def __init__(
        self,
        service: SensorService,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sensorChart")
        self.service = service
        self.now = now or (lambda: datetime.now(UTC))
        self.sensor_id: str | None = None
        self.span = SPANS[1]
        self.series: Series | None = None
        self.plot: Any = None
        self._curves: dict[str, Any] = {}
        self._bands: list[Any] = []
        self._band_words: list[str] = []
        self._band_key: tuple[Any, ...] | None = None
        self._loading = None
        self._wanted: tuple[str, float, float] | None = None
        self._drawing = False  # our own setXRange must not count as a pan
        self.reader = JobLane("sensor-chart", 1, self)
        self.title = QLabel(_tr("Select a sensor to see its readings"), objectName="chartTitle")
        self.title.setStyleSheet("font-weight: 600; padding: 2px 4px;")
        self.legend = QLabel(objectName="chartLegend")
        self.legend.setWordWrap(True)  # a long legend (or larger text, Ctrl+=) wraps, never widens the window
        self.buttons = QButtonGroup(self)
        header = FlowLayout()  # the span buttons wrap on a narrow dock
        header.addWidget(self.title)
        words = (_tr("1 h"), _tr("24 h"), _tr("7 d"), _tr("30 d"), _tr("1 year"))  # SPANS, in words
        for i, span in enumerate(SPANS):
            button = QPushButton(words[i], objectName=f"span_{i}")
            button.setCheckable(True)
            button.setChecked(span == self.span)
            button.clicked.connect(partial(self.set_span, span))
            self.buttons.addButton(button, i)
            header.addWidget(button)
        self._settle = QTimer(self, singleShot=True, interval=PAN_SETTLE_MS, timeout=self._load_view)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(header)
        self._layout.addWidget(self.legend)
        self._layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        """The empty plot is made when the chart first shows, while its data is read off the
        GUI thread: the first series then only has to be drawn."""
        super().showEvent(event)
        if self.plot is None:
            self.plot = self._make_plot()

    # --- what to show ---------------------------------------------------------------
    def show_sensor(self, sensor_id: str | None, title: str = "") -> None:
        self.sensor_id = sensor_id
        if sensor_id is None:
            return
        self.title.setText(title or sensor_id)
        self.load_span()

    def set_span(self, span: timedelta) -> None:
        self.span = span
        for i, s in enumerate(SPANS):
            self.buttons.button(i).setChecked(s == span)
        self.load_span()

    def load_span(self) -> None:
        """The span ending now."""
        end = self.now()
        self.load(end - self.span, end)

    def load(self, start: datetime, end: datetime) -> None:
        """Read ``start``…``end`` off the GUI thread (a request while one runs replaces the next)."""
        if self.sensor_id is None:
            return
        self._wanted = (self.sensor_id, start.timestamp(), end.timestamp())
        if self._loading is not None and not self._loading.finished:
            return
        sid, a, b = self._wanted
        self._wanted = None
        work = partial(
            self.service.series, sid, datetime.fromtimestamp(a, UTC), datetime.fromtimestamp(b, UTC)
        )
        self._loading = start_job(self.reader, work, self._loaded, self._failed, owner=self)

    @Slot(object)
    def _loaded(self, series: Series) -> None:
        self.draw(series)
        if self._wanted is not None:
            sid, a, b = self._wanted
            self._wanted = None
            self.sensor_id = sid
            self.load(datetime.fromtimestamp(a, UTC), datetime.fromtimestamp(b, UTC))

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self.legend.setText(_tr("Readings could not be read: {why}").replace("{why}", str(exc)))

    # --- drawing ------------------------------------------------------------------------
    def _make_plot(self) -> Any:
        import pyqtgraph as pg

        plot = pg.PlotWidget(background="w", axisItems={"bottom": LocaleDateAxis(orientation="bottom")})
        plot.showGrid(
            x=False, y=True, alpha=0.25
        )  # the level bands and a y grid: enough to read; an x grid doubled the axes' paint time
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()
        item = plot.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self._curves = {  # min–max of each bucket as one vertical stroke (one path), the mean as a line
            "range": plot.plot(pen=pg.mkPen(0, 114, 178, 140, width=1), connect="pairs"),
            "mean": plot.plot(pen=pg.mkPen("#0072b2", width=2)),
        }
        plot.getViewBox().sigXRangeChanged.connect(self._panned)
        self._layout.takeAt(2)  # the stretch that held the place
        self._layout.addWidget(plot, 1)
        plot.show()
        return plot

    def draw(self, series: Series) -> None:
        """Replace what is drawn by ``series`` (its bands, envelope and mean line)."""
        if self.plot is None:
            self.plot = self._make_plot()
        self.series = series
        self._drawing = True
        try:
            pairs_x = [t for t in series.times for _ in (0, 1)]
            pairs_y = [v for pair in zip(series.mins, series.maxs) for v in pair]
            self._curves["range"].setData(pairs_x, pairs_y)
            self._curves["mean"].setData(series.times, series.values)
            lines = list(series.lines.values)
            given = [v for v in lines if v is not None]
            top = max(given) + max(abs(max(given)) * 0.25, max(given) - min(given)) if given else 0.0
            if self._band_key != (tuple(lines), series.unit):  # the same sensor panned: the bands stay
                self._band_key = (tuple(lines), series.unit)
                self._draw_bands(lines, top, series.unit)
            self.plot.setLabel("left", series.unit)
            self.plot.setXRange(series.start, series.end, padding=0)
            self.plot.enableAutoRange(axis="y")
            bucket = (
                _tr("raw readings")
                if series.bucket_s <= 1
                else _tr("{n} readings in {b} buckets")
                .replace("{n}", number(series.raw_count))
                .replace("{b}", number(len(series.times)))
            )
            self.legend.setText("\u2003".join([*self._band_words, bucket]))  # an em space between entries
        finally:
            self._drawing = False
        self.drawn.emit(series)

    def _draw_bands(self, lines: list[float | None], top: float, unit: str) -> None:
        """A translucent band from each level's line up to the next (the last up to the top)."""
        import pyqtgraph as pg

        for band in self._bands:
            self.plot.removeItem(band)
        self._bands, self._band_words = [], []
        for level, line in enumerate(lines, start=1):
            if line is None:
                continue
            upper = next((v for v in lines[level:] if v is not None), top)
            colour = pg.mkColor(LEVEL_COLOURS[Level(level)][1])
            band = pg.LinearRegionItem(
                (line, max(upper, line)),
                orientation="horizontal",
                movable=False,
                brush=pg.mkBrush(colour.red(), colour.green(), colour.blue(), BAND_ALPHA),
                pen=pg.mkPen(colour, width=1),
            )
            band.setZValue(-10)
            self.plot.addItem(band)
            self._bands.append(band)
            self._band_words.append(
                f'<span style="color:{colour.name()}">■</span> {Level(level).label} ≥ {measure(line)} {unit}'
            )

    @Slot(object, object)
    def _panned(self, _view: Any, _range: Any) -> None:
        if not self._drawing and self.series is not None:
            self._settle.start()

    @Slot()
    def _load_view(self) -> None:
        (a, b) = self.plot.getViewBox().viewRange()[0]
        self.load(datetime.fromtimestamp(max(a, 0), UTC), datetime.fromtimestamp(max(b, a + 1), UTC))

    def wait_idle(self, msecs: int = 5000) -> bool:
        return self.reader.waitForDone(msecs)
