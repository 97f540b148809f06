"""The level chart opens on the recent weeks, keeps its legend off the plot, and says how to
show everything (pyqtgraph's hidden "A" button is not the way)."""

from datetime import UTC, datetime, timedelta

from ops_console.inventory import LevelSeries
from ops_console.ui.inventory.chart import LevelChart


def _year_of_levels() -> LevelSeries:
    now = datetime.now(UTC)
    times = tuple(now - timedelta(days=d) for d in range(365, 0, -7))
    return LevelSeries(1, None, times, tuple(100 + i for i in range(len(times))), 40, 80)


def test_the_newest_weeks_are_in_view_and_show_all_shows_the_year(qtbot):
    chart = LevelChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_series(_year_of_levels(), "Sandbags at the depot", "bag")
    (x_min, x_max), _ = chart.plot.viewRange()
    now = datetime.now(UTC).timestamp()
    assert now - x_min < 35 * 86400 and x_max >= now - 86400  # about four weeks, ending now
    assert chart.plot.getPlotItem().legend is None  # no legend over the plot…
    assert "Minimum 40" in chart.legend.text() and "Target 80" in chart.legend.text()  # …it is above it
    assert chart.show_all_button.isEnabled() and chart.show_all_button.isVisible()
    chart.show_all_button.click()
    qtbot.waitUntil(lambda: now - chart.plot.viewRange()[0][0] > 300 * 86400, timeout=3000)
