"""What is exercise is decided by the source, never by the console's mode.

Real bytes from simulated modems on ptys, through the real driver and ingest: a real
radio's EMERGENCY heard during a drill is live, stays in sight (marked LIVE) and survives
the purge; a text marked EXERCISE and everything a drill device hears are the drill's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from helpers.waiting import wait
from ops_console import alerts
from ops_console.db.radio_models import Position, RadioMessage, RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime
from ops_console.said import english
from ops_console.services.incidents import IncidentDraft


def hear_text(
    sim: SimulatedModem, address: int, sender: str, number: int, precedence: fp.Precedence, text: str
) -> None:
    frames = fp.encode_text(sender, "OPS", number, precedence, text)
    sim.inject_bytes(b"".join(rcv_line(address, f, -70, 5) for f in frames))


def rows(post: Post, model, *where) -> list:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return list(s.scalars(select(model).where(*where).order_by(model.id)))


def count(post: Post, model, *where) -> int:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_a_live_emergency_heard_during_a_drill_is_live_and_survives_the_purge(
    post, radio_sim, start_runtime
) -> None:
    start_runtime(post, radio_sim)
    post.exercise.set_exercise(True)  # a drill is running on this console
    drill = post.incidents.create(IncidentDraft("Drill: chemical spill at the depot"))
    hear_text(
        radio_sim, 11, "RESCUE1", 40, fp.Precedence.EMERGENCY, "Person trapped at the ford, water rising"
    )
    hear_text(
        radio_sim, 12, "MEDIC2", 41, fp.Precedence.EMERGENCY, "EXERCISE EXERCISE EXERCISE casualty at school"
    )
    assert wait(lambda: count(post, RadioMessage, RadioMessage.direction == "in") == 2)

    live, marked = rows(post, RadioMessage, RadioMessage.direction == "in")
    assert live.station == "RESCUE1" and not live.exercise  # a real radio: live, whatever the mode
    assert marked.station == "MEDIC2" and marked.exercise  # its sender said EXERCISE
    assert drill.exercise
    # what the radio heard; our acks (raw rows "out") may still be going out meanwhile
    heard = count(post, RawFrame, RawFrame.direction == "in")
    assert heard >= 2 and count(post, RawFrame, RawFrame.exercise.is_(True)) == 0  # raw: never a drill's

    # exercise mode is a view: the live EMERGENCY is in the comms log and first in the alert list, marked LIVE
    assert {m.station for m in post.radio.page()} == {"RESCUE1", "MEDIC2"}
    first, second = alerts.collect(post)[:2]
    assert (
        first.target == ("radio_message", live.id)
        and first.live
        and first.title.startswith("LIVE — EMERGENCY")
    )
    assert second.target == ("radio_message", marked.id) and not second.live and "LIVE" not in second.title

    counts = post.exercise.purge()
    assert counts == {"incidents": 1, "radio_messages": 1}  # the drill's; nothing a real radio heard
    assert count(post, RawFrame, RawFrame.direction == "in") == heard
    assert [m.id for m in rows(post, RadioMessage)] == [live.id]
    assert [m.id for m in post.radio.unacknowledged_alerts()] == [live.id]
    assert count(post, RawFrame, RawFrame.message_id == marked.id) == 0  # kept frames point at nothing purged
    post.exercise.set_exercise(False)
    assert [a.target for a in alerts.collect(post) if a.source == "radio"] == [("radio_message", live.id)]


@pytest.fixture
def real_and_drill(
    radio_sim: SimulatedModem, sim_b: SimulatedModem
) -> Iterator[Callable[[Post], RadioRuntime]]:
    """A post with a real radio ("field") and a drill's simulated device ("drill-sim")."""
    made: list[RadioRuntime] = []

    def make(post: Post) -> RadioRuntime:
        specs = [
            DeviceSpec("lora", radio_sim.port_url, 115200, "field"),
            DeviceSpec("lora", sim_b.port_url, 115200, "drill-sim", drill=True),
        ]
        runtime = RadioRuntime(post.radio, specs)
        made.append(runtime)
        runtime.start()
        assert runtime.wait_ready(10.0), runtime.status()
        return runtime

    yield make
    for runtime in made:
        runtime.stop()


def test_a_drill_device_makes_exercise_traffic_whatever_the_mode(
    post, radio_sim, sim_b, real_and_drill
) -> None:
    runtime = real_and_drill(post)
    assert post.radio.ingest.drill_links == {"drill-sim"} and not post.shift.exercise
    now = datetime.now(UTC)
    for sim, number in ((radio_sim, 1), (sim_b, 2)):
        hear_text(
            sim, 20 + number, f"TEAM{number}", number, fp.Precedence.EMERGENCY, f"Smoke seen, team {number}"
        )
        sim.inject_bytes(
            rcv_line(20 + number, fp.encode_position(f"TEAM{number}", 10 + number, 47.3, 8.5, now)[0], -70, 5)
        )
    assert wait(lambda: count(post, RadioMessage) == 2 and count(post, Position) == 2)
    by_link = {m.link: m.exercise for m in rows(post, RadioMessage)}
    assert by_link == {"field": False, "drill-sim": True}
    assert {(r.link, r.exercise) for r in rows(post, RawFrame)} == {("field", False), ("drill-sim", True)}
    assert sorted(p.exercise for p in rows(post, Position)) == [False, True]
    # live mode sees only the live world; the drill device's EMERGENCY is not a live alert
    assert [m.link for m in post.radio.page()] == ["field"]
    assert [a.title for a in alerts.collect(post) if a.source == "radio"] == ["EMERGENCY from TEAM1"]

    # each text was acked on the link that heard it; what was sent is a raw row too (the
    # airtime budget is rebuilt from them), exercise when sent on the drill device
    assert wait(lambda: count(post, RawFrame, RawFrame.direction == "out") == 2)
    counts = post.exercise.purge()
    assert counts == {"radio_messages": 1, "radio_positions": 1, "radio_raw_frames": 3}
    assert {r.link for r in rows(post, RawFrame)} == {"field"}
    runtime.stop()
    assert post.radio.ingest.drill_links == frozenset()  # a later runtime starts with none


def test_drill_is_read_from_device_config() -> None:
    from ops_console.radio.devices import devices_from_config

    specs, problems = devices_from_config(
        [
            {"kind": "lora", "port": "socket://127.0.0.1:7001", "name": "drill-sim", "drill": True},
            {"kind": "lora", "port": "/dev/ttyUSB0"},
            {"kind": "lora", "port": "/dev/ttyUSB1", "drill": "yes"},
        ]
    )
    assert [(s.port, s.drill) for s in specs] == [("socket://127.0.0.1:7001", True), ("/dev/ttyUSB0", False)]
    assert [english(p) for p in problems] == ["[[device]] #3: drill must be true or false"]


def test_the_demo_modem_marked_as_a_drill_device_makes_exercise_traffic(
    post, radio_sim, start_runtime
) -> None:
    post.radio.settings.demo_drill = True  # [radio] demo_drill = true
    start_runtime(post, radio_sim, demo=True, demo_interval=0.2)
    assert post.radio.ingest.drill_links == {"demo-lora", "demo-mesh"}  # the demo's REYAX modem and mesh node
    hear_text(radio_sim, 11, "RESCUE1", 60, fp.Precedence.ROUTINE, "Radio check from the real radio")
    assert wait(
        lambda: (
            count(post, RawFrame, RawFrame.link == "demo-lora") >= 3
            and count(post, RawFrame, RawFrame.link == "lora-test") >= 1
        )
    )
    heard = {(r.link, r.exercise) for r in rows(post, RawFrame)}
    assert {("demo-lora", True), ("lora-test", False)} <= heard
    assert heard <= {("demo-lora", True), ("demo-mesh", True), ("lora-test", False)}
