"""The map's live layers on the real MapWidget: sirens, radio teams with tracks, sensors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.models import Team
from ops_console.db.radio_models import Position, RadioNode, SensorReading
from ops_console.db.siren_models import Siren
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.events import Event
from ops_console.ui.bridge import PostBridge
from ops_console.ui.mapping.layers.live_layers import RADIO_ID_BASE, SIREN_COLOURS
from ops_console.ui.mapping.widget import MapWidget


def add_siren(post, name: str, unit: int, state: str, dlat: float = 0.0, heard: bool = True) -> int:
    with post.db.write() as s:
        siren = Siren(
            name=name,
            unit_id=unit,
            lat=CENTRE_LAT + dlat,
            lon=CENTRE_LON + dlat,
            audible_radius_m=600.0,
            state=state,
            last_heard_at=utc_now() if heard else None,
        )
        s.add(siren)
        s.flush()
        return siren.id


def add_node(
    post, addr: int, callsign: str, minutes_ago: float, points: int = 4, dlat: float = 0.0, dlon: float = 0.0
) -> None:
    now = utc_now()
    with post.db.write() as s:
        last = None
        for i in range(points):
            at = now - timedelta(minutes=minutes_ago + (points - 1 - i) * 2)
            last = (CENTRE_LAT + dlat + i * 0.0006, CENTRE_LON + dlon + i * 0.0009, at)
            s.add(Position(node_addr=addr, callsign=callsign, lat=last[0], lon=last[1], at=at))
        s.add(
            RadioNode(
                addr=addr,
                callsign=callsign,
                last_heard=last[2],
                lat=last[0],
                lon=last[1],
                position_at=last[2],
            )
        )


def add_reading(
    post, sensor_id: str, kind: str, value: float, unit: str, addr: int, minutes_ago: float
) -> None:
    with post.db.write() as s:
        s.add(
            SensorReading(
                sensor_id=sensor_id,
                kind=kind,
                value=value,
                unit=unit,
                node_addr=addr,
                at=utc_now() - timedelta(minutes=minutes_ago),
            )
        )


@pytest.fixture
def bridge(post):
    b = PostBridge(post.bus)
    yield b
    b.detach()


@pytest.fixture
def make_map(qtbot, post, bridge, map_settings):
    def make() -> MapWidget:
        widget = MapWidget(post, bridge, settings=map_settings)
        widget.live._radio_timer.setInterval(200)  # the debounce, shortened for the test
        qtbot.addWidget(widget)
        widget.resize(1100, 700)
        qtbot.waitUntil(lambda: not widget.live.busy(), timeout=5000)
        return widget

    yield make


def test_sirens_show_their_state_colour_and_follow_status_events(qtbot, post, make_map):
    sounding = add_siren(post, "Mill Street siren", 1, "sounding")
    idle = add_siren(post, "School siren", 2, "idle", 0.004)
    lost = add_siren(post, "Ridge siren", 3, "idle", -0.004, heard=False)
    widget = make_map()
    layer = widget.layers["sirens"]
    assert {m.label for m in layer.markers.values()} == {"Mill Street siren", "School siren", "Ridge siren"}
    assert layer.colour_of(sounding) == SIREN_COLOURS["sounding"]
    assert layer.colour_of(idle) == SIREN_COLOURS["idle"]
    assert layer.markers[lost].style == "comms"
    legend_words = [r[1] for r in layer.legend()]
    assert "Siren sounding" in legend_words and "Siren comms lost or state unknown" in legend_words

    with post.db.write() as s:
        s.get(Siren, idle).state = "testing"
    post.bus.publish(Event("siren.status", idle, {}))
    qtbot.waitUntil(lambda: layer.markers[idle].style == "testing", timeout=3000)

    with post.db.write() as s:
        s.get(Siren, sounding).state = "idle"
    post.bus.publish(Event("siren.alarm", 99, {"kind": "comms"}))  # names no siren: the whole layer reloads
    qtbot.waitUntil(lambda: layer.markers[sounding].style == "idle", timeout=3000)


def test_teams_are_grey_when_stale_match_a_team_and_keep_a_short_track(qtbot, post, make_map):
    with post.db.write() as s:
        s.add(Team(name="Rescue Two", callsign="R2"))
    add_node(post, 11, "R2", minutes_ago=1, points=14)
    add_node(post, 12, "WALKER", minutes_ago=40, dlat=0.003)
    widget = make_map()
    layer = widget.layers["teams"]
    with post.db.read() as s:
        team_id = s.scalars(select(Team.id).where(Team.callsign == "R2")).one()
    assert layer.markers[team_id].label == "Rescue Two (R2)"
    assert layer.stale(team_id) is False
    assert layer.markers[RADIO_ID_BASE + 12].label == "WALKER"
    assert layer.stale(RADIO_ID_BASE + 12) is True
    assert len(layer.tracks[team_id].track) == 10
    assert "Track: last 10 reported positions" in [r[1] for r in layer.legend()]

    add_node(post, 13, "NEWCOMER", minutes_ago=0, points=1, dlat=-0.003)
    post.bus.publish(Event("radio.node", None, {"nodes": [13]}))
    qtbot.waitUntil(lambda: RADIO_ID_BASE + 13 in layer.markers, timeout=3000)


def test_sensors_show_latest_value_and_turn_grey(qtbot, post, make_map):
    add_node(post, 21, "GAUGE1", minutes_ago=1, points=1)
    add_node(post, 22, "RAIN1", minutes_ago=1, points=1, dlat=0.002)
    add_reading(post, "river-1", "river level", 2.10, "m", 21, minutes_ago=10)
    add_reading(post, "river-1", "river level", 2.35, "m", 21, minutes_ago=2)
    add_reading(post, "rain-1", "rain_rate", 4.5, "mm/h", 22, minutes_ago=45)
    add_reading(post, "lost-1", "temperature", 9.0, "°C", 99, minutes_ago=1)  # node without a position
    widget = make_map()
    layer = widget.layers["sensors"]
    assert layer.marker_for("river-1").label == "river level 2.35 m"
    assert layer.marker_for("river-1").style is False
    assert layer.marker_for("rain-1").label == "rain rate 4.5 mm/h"
    assert layer.marker_for("rain-1").style is True
    assert layer.marker_for("lost-1") is None

    add_reading(post, "river-1", "river level", 2.61, "m", 21, minutes_ago=0)
    post.bus.publish(Event("radio.frames", None, {"frames": 1}))
    qtbot.waitUntil(lambda: layer.marker_for("river-1").label == "river level 2.61 m", timeout=3000)


def test_live_layers_toggle_and_sit_in_the_legend(qtbot, post, make_map):
    add_siren(post, "Mill Street siren", 1, "sounding")
    widget = make_map()
    keys = {
        widget.legend.tree.topLevelItem(i).data(0, 256) for i in range(widget.legend.tree.topLevelItemCount())
    }
    assert {"sirens", "teams", "sensors"} <= keys
    layer = widget.layers["sirens"]
    assert layer.visible
    widget.legend.set_checked("sirens", False)
    assert not layer.visible
    widget.legend.set_checked("sirens", True)
    assert layer.visible


def test_screenshot_of_live_layers(qtbot, post, make_map, screenshot_dir, themed):
    from ops_console.demo import build_full_demo

    build_full_demo(post)
    with post.db.write() as s:
        teams = s.scalars(select(Team)).all()[:2]
        for i, t in enumerate(teams):
            if not t.callsign:
                t.callsign = f"T{i + 1}"
        calls = [t.callsign for t in teams]
    add_node(post, 31, calls[0] if calls else "R1", minutes_ago=1, points=8, dlat=-0.002)
    add_node(
        post, 32, calls[1] if len(calls) > 1 else "R2", minutes_ago=25, points=6, dlat=-0.0035, dlon=-0.008
    )
    add_node(post, 33, "GAUGE1", minutes_ago=1, points=1, dlat=0.001)
    add_reading(post, "river-1", "river level", 2.35, "m", 33, minutes_ago=3)
    add_node(post, 34, "RAIN1", minutes_ago=1, points=1, dlat=-0.004)
    add_reading(post, "rain-1", "rain", 4.5, "mm/h", 34, minutes_ago=50)
    with post.db.write() as s:
        first = s.scalars(select(Siren).order_by(Siren.id)).first()
        if first is not None:
            first.state, first.last_heard_at = "sounding", utc_now()
    widget = make_map()
    widget.set_layer_visible("teams", True)
    widget.legend.set_layers(widget.canvas.layers)
    widget.show()
    qtbot.waitExposed(widget)
    widget.canvas.centre_on(CENTRE_LAT, CENTRE_LON, 2.2)
    assert (
        widget.layers["sirens"].count()
        and widget.layers["teams"].count()
        and widget.layers["sensors"].count()
    )
    widget.grab().save(str(screenshot_dir / "map_live_layers.png"))


def test_a_sensor_station_is_not_shown_as_a_team(qtbot, post, make_map):
    add_node(post, 41, "GAUGE1", minutes_ago=1, points=1)
    add_reading(post, "river-1", "river level", 2.35, "m", 41, minutes_ago=2)
    widget = make_map()
    assert RADIO_ID_BASE + 41 not in widget.layers["teams"].markers
    assert widget.layers["sensors"].marker_for("river-1") is not None
