"""The demo: four registered sensors with a quiet week behind them, whose nodes then report
rising readings over the simulated radio — the chain can be watched end to end (reading →
level → alert list → EMERGENCY alarm). The demo's own traffic generator, run on a simulated
clock (40 minutes in a few seconds), through the real line parser and the real ingest."""

from __future__ import annotations

import random
from datetime import timedelta

from ops_console import alerts
from ops_console.clock import utc_now
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.demo.radio import DEMO_TEAMS
from ops_console.hardware.lora.inbound import Inbound
from ops_console.hardware.simulators.lora_teams import FieldTraffic
from ops_console.sensors.kinds import Level


def test_the_demo_registers_a_river_gauge_two_rain_gauges_and_a_wind_mast(full_demo_post) -> None:
    register = {s.sensor_id: s for s in full_demo_post.sensors.register()}
    assert sorted(register) == ["RG1-level", "RN1-rain", "RN2-rain", "WD1-wind"]
    rows = {r.sensor_id: r for r in full_demo_post.sensors.rows()}
    assert all(r.value is not None and r.level == Level.NORMAL for r in rows.values())
    week = full_demo_post.sensors.series("RG1-level", utc_now() - timedelta(days=7), utc_now())
    assert week.raw_count >= 7 * 144 - 1


def test_the_demo_readings_rise_through_every_level_to_the_alarm(full_demo_post) -> None:
    post = full_demo_post
    traffic = FieldTraffic(
        random.Random(11), DEMO_TEAMS, (CENTRE_LAT, CENTRE_LON), garbage_rate=0.0, error_rate=0.0
    )
    inbound = Inbound("demo-radio", lambda kind, words: None)
    start = utc_now()
    for step in range(40 * 20):  # forty minutes, an event every 3 s as the demo's simulator
        at = start + timedelta(seconds=3 * step)
        frames = inbound.feed(b"".join(traffic.next_lines(at)), at, lambda *_: None)
        post.radio.ingest.ingest(frames)
    rows = {r.sensor_id: r for r in post.sensors.rows(start + timedelta(minutes=40))}
    assert rows["RG1-level"].level == Level.EMERGENCY and rows["RG1-level"].trend == 1
    assert rows["RN1-rain"].level >= Level.WARNING and rows["WD1-wind"].level >= Level.ADVISORY
    alarms = [m for m in post.radio.unacknowledged_alerts() if m.kind == "sensor"]
    assert [m.station for m in alarms] == ["RG1-level"]  # one alarm, however many readings above the line
    shown = [a for a in alerts.collect(post, start + timedelta(minutes=40)) if a.source == "sensors"]
    assert any(a.title == "Emergency: River gauge, Willow Creek bridge" for a in shown)
    assert any(a.title.startswith("Rate of rise: River gauge") for a in shown)


def test_a_fresh_demo_post_has_no_silent_sensor(full_demo_post) -> None:
    """The quiet week ends at first start: the four sensors were listed "Silent" for the first
    minute of every new demo (until their simulated radios reported), noise on the alert list."""
    silent = [a.title for a in alerts.collect(full_demo_post, utc_now()) if a.key.endswith(":silent")]
    assert silent == []
