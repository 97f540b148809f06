"""The Sensors panel on real widgets: every sensor with value, level (word, colour, marks),
trend and age; unknown sensors offered for registration; the register's buttons disabled
with the reason for roles that may not edit; the chart over a year of one-minute readings
drawn from at most a thousand buckets, with threshold bands. Screenshot: sensors.png."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from helpers.posts import PIN, ROLE_NAMES
from helpers.sensors import RIVER, sensor_frame
from ops_console.db.radio_models import SensorReading
from ops_console.domain import Role
from ops_console.sensors.kinds import Level, SensorKind
from ops_console.sensors.views import SensorSpec
from ops_console.ui.bridge import PostBridge
from ops_console.ui.sensors import SensorPanel
from ops_console.ui.sensors.chart import SPANS

RAIN = SensorSpec("RN1-rain", "Rain gauge, school roof", SensorKind.RAIN_GAUGE, "mm", "School roof", interval_s=300,
                  advisory=10, warning=20, emergency=40, hysteresis=1)  # fmt: skip


def fill(post, now: datetime) -> None:  # type: ignore[no-untyped-def]
    post.sensors.save(RIVER)
    post.sensors.save(RAIN)
    history = [
        SensorReading(sensor_id=RIVER.sensor_id, kind="water_level", value=2.0 + 0.2 * ((i % 1440) / 1440), unit="m",
                      at=now - timedelta(minutes=10 * (7 * 144 - i)), node_addr=21)
        for i in range(7 * 144)
    ]  # fmt: skip
    with post.db.write() as s:
        s.add_all(history)
    frames = [
        sensor_frame(RIVER.sensor_id, v, now - timedelta(minutes=5 - i))
        for i, v in enumerate([2.4, 2.6, 2.9, 3.1])
    ]
    frames.append(sensor_frame("XX9-temp", 12.5, now, kind="temp", unit="°C", sender="XX9", address=40))
    frames.append(
        sensor_frame(
            RAIN.sensor_id, 4.0, now - timedelta(hours=2), kind="rain_1h", unit="mm", sender="RN1", address=22
        )
    )
    post.radio.ingest.ingest(frames)


@pytest.fixture
def panel(post, qtbot, themed):  # type: ignore[no-untyped-def]
    fill(post, datetime.now(UTC))
    bridge = PostBridge(post.bus)
    widget = SensorPanel(post.sensors, bridge)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.reloaded, timeout=5000):
        pass
    yield widget
    widget.wait_idle()
    widget.detach()
    bridge.detach()


def cell(panel, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return panel.model.data(panel.model.index(row, column))


def test_every_sensor_with_value_level_trend_and_age(panel, qtbot, screenshot_dir) -> None:
    rows = panel.model.rows
    assert [r.sensor_id for r in rows] == ["RG1-level", "RN1-rain", "XX9-temp"]  # the highest level first
    assert cell(panel, 0, 2) == "3.1 m" and cell(panel, 0, 3) == "■■□ Warning" and cell(panel, 0, 4) == "↑"
    assert "min ago" in cell(panel, 0, 5) or "s ago" in cell(panel, 0, 5)
    assert "SILENT" in cell(panel, 1, 5)  # 2 h without a reading, interval 5 min
    assert cell(panel, 2, 0) == "XX9-temp (not registered)" and cell(panel, 2, 3) == "—"
    assert "WARNING: River gauge, old bridge" in panel.summary.text() and "1 silent" in panel.summary.text()
    panel.chart.set_span(SPANS[2])  # 7 days
    week = SPANS[2].total_seconds()
    qtbot.waitUntil(
        lambda: panel.chart.series is not None and panel.chart.series.end - panel.chart.series.start == week
    )
    series = panel.chart.series
    assert len(series.times) <= 1000 and series.raw_count >= 7 * 144 + 3  # the oldest may fall just outside
    assert len(panel.chart._bands) == 3 and "Emergency ≥ 3.5 m" in panel.chart.legend.text()
    panel.grab().save(str(screenshot_dir / "sensors.png"))


def test_an_unknown_sensor_is_offered_for_registration(panel, post, qtbot) -> None:
    panel.select_sensor("XX9-temp")
    assert panel.register_button.text() == "Register XX9-temp…" and not panel.edit_button.isEnabled()


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.VIEWER])
def test_other_roles_see_the_register_disabled_with_the_reason(panel, post, qtbot, role) -> None:
    post.operators.sign_on(ROLE_NAMES[role], PIN)
    qtbot.waitUntil(lambda: not panel.register_button.isEnabled())
    assert "Only admins and supervisors" in panel.register_button.toolTip()
    assert not panel.import_button.isEnabled() and "Only admins" in panel.import_button.toolTip()


def test_the_panel_follows_new_readings(panel, post, qtbot) -> None:
    post.sensors.save(replace(RIVER, emergency=3.3))
    post.radio.ingest.ingest([sensor_frame(RIVER.sensor_id, 3.6, datetime.now(UTC))])
    qtbot.waitUntil(lambda: panel.model.rows and panel.model.rows[0].level == Level.EMERGENCY, timeout=5000)
    assert cell(panel, 0, 3) == "■■■ Emergency"


def test_a_year_of_minute_readings_is_decimated_in_the_database(post, qtbot) -> None:
    post.sensors.save(RIVER)
    end = datetime(2026, 12, 1, tzinfo=UTC)
    start = end - timedelta(days=365)
    with post.db.write() as s:
        s.execute(
            SensorReading.__table__.insert(),
            [{"sensor_id": RIVER.sensor_id, "kind": "water_level", "value": (i % 600) / 100, "unit": "m",
              "at": start + timedelta(minutes=i), "node_addr": 21, "exercise": False} for i in range(525_600)],
        )  # fmt: skip
    post.sensors.rebuild_rollups()  # written here, not by the ingest: rolled up as an import is
    series = post.sensors.series(RIVER.sensor_id, start, end)
    assert series.raw_count == 525_600 and len(series.times) <= 1000
    assert min(series.mins) == 0.0 and max(series.maxs) == 5.99  # every peak kept in the envelope
    month = post.sensors.series(RIVER.sensor_id, end - timedelta(days=30), end)
    assert month.raw_count == 30 * 1440 and len(month.times) <= 1000
    day = post.sensors.series(RIVER.sensor_id, end - timedelta(hours=24), end)  # a day: from the readings
    assert day.raw_count == 1440 and day.bucket_s < 3600


def test_the_ingest_keeps_the_hourly_rollups(post) -> None:
    """Readings heard over the radio reach the month view without a rebuild; min and max per
    hour are kept exactly (sums and counts too), also across batches."""
    post.sensors.save(RIVER)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    values = [1.0 + (i % 17) / 10 for i in range(600)]  # ten hours, one a minute
    frames = [sensor_frame(RIVER.sensor_id, v, start + timedelta(minutes=i)) for i, v in enumerate(values)]
    for chunk in range(0, 600, 250):  # batches that split hours
        post.radio.ingest.ingest(frames[chunk : chunk + 250])
    month = post.sensors.series(RIVER.sensor_id, start, start + timedelta(days=30))
    assert month.raw_count == 600 and len(month.times) == 10
    assert month.mins[0] == min(values[:60]) and month.maxs[0] == max(values[:60])
    assert abs(month.values[3] - sum(values[180:240]) / 60) < 1e-9
