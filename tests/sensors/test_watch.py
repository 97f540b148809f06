"""Readings heard over the radio, through the real ingest into SQLite (and PostgreSQL where
the engine matters), evaluated where they are stored: each bad input of the issue gets its
alert, an emergency raises the radio's must-acknowledge alarm, nothing heard is lost."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from helpers.posts import open_signed_on
from helpers.sensors import RIVER, T0, sensor_frame
from ops_console import alerts
from ops_console.db.radio_models import RawFrame, SensorReading
from ops_console.db.sensor_models import SensorAlertRow
from ops_console.hardware.lora.types import RawFrame as Frame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.said import english
from ops_console.sensors.kinds import AlertRule, Level
from ops_console.topics import Topic


def stored(post, model, *where) -> int:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def rules_raised(post) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return [(r.rule, r.level) for r in s.scalars(select(SensorAlertRow).order_by(SensorAlertRow.id))]


@pytest.fixture
def river(post):  # type: ignore[no-untyped-def]
    post.sensors.save(RIVER)
    return post


def test_levels_up_and_down_each_raise_one_alert_with_value_rule_and_time(river, feed) -> None:
    river.sensors.save(replace(RIVER, rise_amount=None, rise_window_s=None))  # levels alone
    feed([(2.0, 0), (2.6, 1), (3.1, 2), (3.05, 3), (2.95, 4), (2.85, 5), (1.0, 6)])
    assert rules_raised(river) == [("level_up", 1), ("level_up", 2), ("level_down", 1), ("level_down", 0)]
    first = river.sensors.recent_alerts()[-1]
    assert (
        first.value == 2.6
        and first.rule is AlertRule.LEVEL_UP
        and english(first.detail) == "advisory ≥ 2.5 m"
    )
    assert first.at == T0 + timedelta(minutes=1) and "06:01" in first.words and "2.6 m" in first.words
    assert stored(river, SensorReading) == 7  # every reading kept


def test_noise_at_the_line_does_not_flap(river, feed) -> None:
    feed([(v, i) for i, v in enumerate([2.96, 3.01, 2.97, 3.03, 2.95, 3.0, 2.99, 2.92, 3.02])])
    assert rules_raised(river) == [("level_up", 1), ("level_up", 2)]


def test_emergency_raises_the_radio_alarm_and_the_alert_list_says_it(river, feed) -> None:
    feed([(2.0, 0), (3.7, 1)])
    [alarm] = river.radio.unacknowledged_alerts()
    assert alarm.precedence == "EMERGENCY" and alarm.kind == "sensor"
    assert (
        "3.7 m" in english(alarm.body)
        and "emergency ≥ 3.5 m" in english(alarm.body)
        and "06:01" in english(alarm.body)
    )
    found = alerts.collect(river)
    radio = [a for a in found if a.source == "radio"]
    level = [a for a in found if a.source == "sensors"]
    assert radio and radio[0].severity == alerts.Severity.CRITICAL and radio[0].needs_ack
    assert level and level[0].title.startswith("Emergency") and "3.7 m" in english(level[0].detail)
    river.radio.acknowledge_alert(alarm.id)  # the supervisor on shift may
    assert not river.radio.unacknowledged_alerts()
    structured = river.sensors.alert(level[0].target[1])  # the record a warning is drafted from
    assert (structured.sensor_id, structured.level, structured.value, structured.unit) == (
        "RG1-level",
        Level.EMERGENCY,
        3.7,
        "m",
    )
    assert (
        structured.location == "Old bridge"
        and structured.lat == 22.54
        and structured.alarm_message_id == alarm.id
    )


def test_rate_of_rise(river, feed) -> None:
    feed([(1.0 + 0.03 * m, m) for m in range(10)])  # 3 cm a minute, below every line
    raised = river.sensors.recent_alerts()
    assert [a.rule for a in raised] == [AlertRule.RISE]
    assert "up 0.21 m within 15 min" in english(raised[0].detail) and "rule: up 0.2 m in 15 min" in english(
        raised[0].detail
    )


def test_impossible_values_are_kept_flagged_and_not_levels(river, feed) -> None:
    feed([(250.0, 0), (-9.0, 1), (2.0, 2)])
    raised = river.sensors.recent_alerts()
    assert [a.rule for a in raised] == [AlertRule.IMPOSSIBLE]  # once per ten minutes, not per reading
    assert "above the physical range (30)" in english(raised[0].detail)
    assert stored(river, SensorReading) == 3
    assert river.sensors.rows()[0].level == Level.NORMAL  # 250 m was no emergency


def test_a_nan_frame_is_kept_raw_and_flagged_never_a_reading(river) -> None:
    body = f"S1|RG1|9|{RIVER.sensor_id}|water_level|nan|m|{int(T0.timestamp())}"
    data = fp._seal(body)  # a correct CRC around a value no honest node sends
    river.radio.ingest.ingest([Frame(rcv_line(21, data, -60, 5).rstrip(), T0, "lora-test", 21, data, -60, 5)])
    with river.db.read() as s:
        [row] = s.scalars(select(RawFrame)).all()
    assert row.status == "invalid" and "bad sensor id, kind or value" in row.error
    assert stored(river, SensorReading) == 0 and not rules_raised(river)


def test_unknown_sensor_is_kept_flagged_once_and_offered_for_registration(river, feed) -> None:
    feed([(12.0, 0), (13.0, 1), (14.0, 2)], sensor_id="XX9-temp", kind="temp", unit="°C", sender="XX9")
    assert rules_raised(river) == [("unknown", 0)]
    assert stored(river, SensorReading, SensorReading.sensor_id == "XX9-temp") == 3
    [row] = [r for r in river.sensors.rows() if r.sensor_id == "XX9-temp"]
    assert not row.registered and row.value == 14.0 and row.kind_word == "temp" and row.unit == "°C"
    [shown] = [a for a in alerts.collect(river) if a.key == "sensor:XX9-temp:unknown"]
    assert "register it" in english(shown.detail)
    river.sensors.save(RIVER.__class__("XX9-temp", "Shed thermometer", RIVER.kind.CUSTOM, "°C"))
    assert not [a for a in alerts.collect(river) if a.key == "sensor:XX9-temp:unknown"]


def test_clocks_far_in_the_future_and_the_past(river, feed) -> None:
    feed([(2.0, 0)], sensor_time=T0 + timedelta(days=400))
    feed([(2.0, 1)], sensor_time=T0 - timedelta(days=3650))  # quiet for an hour after the first
    feed([(2.0, 70)], sensor_time=T0 - timedelta(days=3650))
    raised = river.sensors.recent_alerts()
    assert [a.rule for a in raised] == [AlertRule.CLOCK, AlertRule.CLOCK]
    assert "ahead" in english(raised[1].detail) and "behind" in english(raised[0].detail)
    assert stored(river, SensorReading) == 3


def test_a_burst_of_ten_thousand_readings_in_a_minute(river) -> None:
    frames = [
        sensor_frame(RIVER.sensor_id, 2.0 + (i % 7) * 0.001, T0 + timedelta(seconds=i * 0.006))
        for i in range(10_000)
    ]
    started = time.perf_counter()
    for chunk in range(0, len(frames), 2_000):
        river.radio.ingest.ingest(frames[chunk : chunk + 2_000])
    took = time.perf_counter() - started
    assert stored(river, SensorReading) == 10_000
    raised = river.sensors.recent_alerts()
    assert [a.rule for a in raised] == [AlertRule.BURST]  # one alert, not ten thousand
    assert "more than 120 readings in one minute" in english(raised[0].detail)
    assert took < 20, took  # generous on a loaded 2-core machine; the bench measures the rate


def test_silence_is_computed_on_reading(river, feed) -> None:
    feed([(2.0, 0)])
    now = T0 + timedelta(minutes=2)
    assert not [a for a in river.sensors.open_alerts(now) if a.rule is AlertRule.SILENT]
    later = T0 + timedelta(minutes=3, seconds=1)  # 3 × 60 s interval
    [silent] = [a for a in river.sensors.open_alerts(later) if a.rule is AlertRule.SILENT]
    assert silent.value == 2.0 and silent.at == T0 and "3× its interval" in english(silent.detail)
    feed([(2.0, 3)])
    assert not [a for a in river.sensors.open_alerts(later) if a.rule is AlertRule.SILENT]


def test_a_restart_resumes_the_levels_without_raising_them_again(river, feed, db_url) -> None:
    feed([(3.2, 0)])
    again = open_signed_on(db_url)
    try:
        again.radio.ingest.ingest([sensor_frame(RIVER.sensor_id, 3.1, T0 + timedelta(minutes=5))])
        assert rules_raised(again) == [("level_up", 2)]
    finally:
        again.close()


def test_a_batch_that_fails_is_evaluated_again_from_the_same_state(river, monkeypatch) -> None:
    """The derived rows fail once (a constraint, a bug): the batch is stored in parts and
    the emergency it held is raised exactly once."""
    writer = river.radio.ingest.derived
    real, calls = writer._update_nodes, []

    def fail_first(conn, batch):  # type: ignore[no-untyped-def]
        calls.append(len(batch.statuses))
        if len(calls) == 1:
            raise RuntimeError("a bug in storing what the frames mean")
        return real(conn, batch)

    monkeypatch.setattr(writer, "_update_nodes", fail_first)  # the failure is what is simulated
    river.radio.ingest.ingest(
        [sensor_frame(RIVER.sensor_id, v, T0 + timedelta(minutes=m)) for m, v in enumerate([2.0, 3.8])]
    )
    assert rules_raised(river) == [("level_up", 3), ("rise", 3)]  # once each, not twice
    assert len(river.radio.unacknowledged_alerts()) == 1


@pytest.mark.pg
def test_on_postgresql_too(any_post) -> None:
    any_post.sensors.save(RIVER)
    any_post.radio.ingest.ingest(
        [
            sensor_frame(RIVER.sensor_id, v, T0 + timedelta(minutes=m))
            for m, v in enumerate([2.0, 2.7, 3.6, 250.0])
        ]
    )
    assert [a.rule for a in any_post.sensors.recent_alerts()][::-1] == [
        AlertRule.LEVEL_UP, AlertRule.RISE, AlertRule.LEVEL_UP, AlertRule.IMPOSSIBLE,
    ]  # fmt: skip
    assert len(any_post.radio.unacknowledged_alerts()) == 1
    month = any_post.sensors.series(RIVER.sensor_id, T0 - timedelta(days=15), T0 + timedelta(days=15))
    assert month.raw_count == 4 and month.maxs == (250.0,)  # the hourly rollup, upserted on this engine
    any_post.sensors.rebuild_rollups()
    assert any_post.sensors.series(RIVER.sensor_id, T0 - timedelta(days=15), T0 + timedelta(days=15)) == month


_fuzz_readings = st.lists(
    st.tuples(
        st.floats(allow_nan=True, allow_infinity=True),  # the value (NaN only reaches here through a bug)
        st.floats(0, 600),  # seconds since the previous reading was heard
        st.sampled_from([0.0, 0.0, 0.0, 5e3, -5e3, 4e7, -4e8]),  # the sensor's clock against the time heard
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(points=_fuzz_readings)
@example(points=[(float("-inf"), 1.0, 0.0), (float("inf"), 1.0, 0.0)])  # -inf + inf: a NaN sum in the rollup
def test_fuzz_the_watch_on_any_readings(river, points) -> None:  # type: ignore[no-untyped-def]
    """Any values and times through the watch, in a transaction rolled back after: it never
    raises, every level alert is a real change of level, and the levels it reaches are
    those the pure rules reach on the readings that are physically possible."""
    from ops_console.sensors import rules
    from ops_console.sensors.watch import SensorWatch

    watch = SensorWatch()
    heard, readings, when = [], [], T0
    for value, gap, skew in points:
        when = when + timedelta(seconds=gap)
        heard.append(when)
        readings.append(("RG1", 1, RIVER.sensor_id, "water_level", value, "m", int(when.timestamp() + skew)))
    with river.db.engine.connect() as conn, conn.begin() as tx:
        events = watch.evaluate(conn, readings, heard, [False] * len(readings), [21] * len(readings))
        rows = conn.execute(
            select(SensorAlertRow.rule, SensorAlertRow.level).order_by(SensorAlertRow.id)
        ).all()
        tx.rollback()
    expected, level = [], 0
    for value, *_ in points:
        if rules.impossible(value, RIVER.min_valid, RIVER.max_valid):
            continue
        new = rules.level_after(value, RIVER.lines, level)
        if new != level:
            expected.append(new)
        level = new
    assert [lvl for rule, lvl in rows if rule in ("level_up", "level_down")] == expected
    assert len([e for e in events if e.topic == Topic.SENSOR_ALERT]) == len(rows)
