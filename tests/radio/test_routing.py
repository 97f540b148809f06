"""A post with two radios: two simulated modems on real ptys, each reached through its own
SerialLink and AtModem. Which radio sends what: the main one by default, the other when
the main one is unplugged or its budget is spent, the one a team was last heard on, the
one that heard a message for its ack — also after a restart — and the one a message names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from helpers.waiting import wait
from ops_console import alerts
from ops_console.alerts import Severity
from ops_console.hardware.lora.airtime import DutyCycleBudget, Modulation
from ops_console.hardware.lora.at_modem import frame_airtime
from ops_console.hardware.lora.types import ModemState
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime


@pytest.fixture
def two_radios(radio_sim: SimulatedModem, sim_b: SimulatedModem) -> Iterator[Callable[[Post], RadioRuntime]]:
    """``two_radios(post)``: a started runtime with radio "lora-a" (listed first) and "lora-b"."""
    made: list[RadioRuntime] = []

    def make(post: Post) -> RadioRuntime:
        specs = [
            DeviceSpec("lora", radio_sim.port_url, 115200, "lora-a"),
            DeviceSpec("lora", sim_b.port_url, 115200, "lora-b"),
        ]
        runtime = RadioRuntime(post.radio, specs)
        made.append(runtime)
        runtime.start()
        assert runtime.wait_ready(10.0), runtime.status()
        return runtime

    yield make
    for runtime in made:
        runtime.stop()


def hear(sim: SimulatedModem, address: int = 11, call: str = "RESCUE1", number: int = 1) -> None:
    """A team's position report, heard by this modem only."""
    frame = fp.encode_position(call, number, 47.0, 8.0, datetime.now(UTC))[0]
    sim.inject_bytes(rcv_line(address, frame, -80, 3))


def sent(post: Post, message_id: int) -> tuple[str, str]:
    view = post.radio.get(message_id)
    return view.status, view.link


def test_the_first_radio_sends_when_nothing_says_otherwise(post, radio_sim, sim_b, two_radios) -> None:
    two_radios(post)
    msg = post.radio.outbox.compose("ALL", "from the main radio")
    assert radio_sim.wait_for_transmissions(1, 15.0)
    assert wait(lambda: sent(post, msg.id) == ("sent", "lora-a"))
    assert sim_b.transmissions == []


def test_an_unplugged_radio_leaves_the_sending_to_the_other(post, radio_sim, sim_b, two_radios) -> None:
    runtime = two_radios(post)
    radio_sim.unplug()
    assert wait(lambda: runtime.modems[0].state is not ModemState.READY)
    msgs = [post.radio.outbox.compose("ALL", f"main radio down {i}") for i in range(2)]
    assert sim_b.wait_for_transmissions(2, 15.0)
    assert wait(lambda: all(sent(post, m.id) == ("sent", "lora-b") for m in msgs))
    assert radio_sim.transmissions == []
    assert wait(lambda: runtime.worker.waiting_for == "")
    # on the alert list as a warning, not critical: the post still hears through the other
    (down,) = [a for a in alerts.collect(post) if a.key.startswith("link:")]
    assert down.severity == Severity.WARNING and "lora-a" in down.title
    assert "through the other radios" in down.detail


def test_a_spent_budget_hands_over_and_each_radio_keeps_its_own(post, radio_sim, sim_b, two_radios) -> None:
    airtime = post.radio.outbox.check("ALL", "a" * 40).airtime
    post.radio.outbox.budget = DutyCycleBudget(fraction=1.5 * airtime / 3600, window=3600.0)  # one each
    runtime = two_radios(post)
    first, second, third = (post.radio.outbox.compose("ALL", c * 40, link="lora-a") for c in "abc")
    assert wait(lambda: sent(post, first.id) == ("sent", "lora-a"))
    assert wait(lambda: sent(post, second.id) == ("sent", "lora-b"))  # a has no airtime left
    assert wait(lambda: runtime.worker.waiting_for == "budget")
    assert post.radio.get(third.id).status == "queued" and 3000 < runtime.worker.next_slot_in <= 3600
    [(_, on_a)], [(_, on_b)] = radio_sim.transmissions, sim_b.transmissions
    a, b = runtime.status()
    assert (a.name, b.name) == ("lora-a", "lora-b")
    assert a.airtime_used == pytest.approx(
        frame_airtime(len(on_a), Modulation())
    ) and a.airtime_budget == pytest.approx(1.5 * airtime)
    assert b.airtime_used == pytest.approx(frame_airtime(len(on_b), Modulation()))


def test_a_team_last_heard_on_the_second_radio_is_answered_on_it(post, radio_sim, sim_b, two_radios) -> None:
    two_radios(post)
    hear(sim_b)
    assert wait(lambda: [n.callsign for n in post.radio.nodes()] == ["RESCUE1"])
    msg = post.radio.outbox.compose("RESCUE1", "Pump on its way", fp.Precedence.PRIORITY)
    assert wait(lambda: sent(post, msg.id) == ("acked", "lora-b"))  # the team acks on b too
    assert [addr for addr, _ in sim_b.transmissions] == [11] and radio_sim.transmissions == []


def test_the_ack_goes_back_on_the_radio_that_heard_the_message(post, radio_sim, sim_b, two_radios) -> None:
    two_radios(post)
    [frame] = fp.encode_text("MEDIC2", "OPS", 7, fp.Precedence.ROUTINE, "Shelter B open")
    sim_b.inject_bytes(rcv_line(12, frame, -90, 1))
    assert sim_b.wait_for_transmissions(1, 15.0)
    [(addr, ack)] = sim_b.transmissions
    decoded = fp.decode(ack)
    assert addr == 12 and isinstance(decoded, fp.Ack) and decoded.number == 7
    assert radio_sim.transmissions == []


def test_after_a_restart_the_database_says_where_a_team_was_heard(post, radio_sim, sim_b, two_radios) -> None:
    first = two_radios(post)
    hear(sim_b)
    assert wait(lambda: len(post.radio.nodes()) == 1)
    first.stop()
    again = two_radios(post)  # a new router: it has heard nobody yet
    msg = post.radio.outbox.compose("RESCUE1", "Still at the bridge?")
    # failed once in a 12-minute local run, not in eight reruns: the message says where it went
    assert wait(lambda: sent(post, msg.id)[1] == "lora-b"), (
        sent(post, msg.id),
        post.radio.last_heard_link(11),
        again.status(),
    )
    assert radio_sim.transmissions == []


def test_a_message_names_its_radio_and_an_unknown_name_falls_back(post, radio_sim, sim_b, two_radios) -> None:
    runtime = two_radios(post)  # failed once in a loaded CI run: the status says if lora-b left READY
    named = post.radio.outbox.compose("ALL", "on b please", link="lora-b")
    assert wait(lambda: sent(post, named.id) == ("sent", "lora-b")), (sent(post, named.id), runtime.status())
    unknown = post.radio.outbox.compose("ALL", "on a radio we do not have", link="lora-z")
    assert wait(lambda: sent(post, unknown.id) == ("sent", "lora-a"))
    assert len(radio_sim.transmissions) == len(sim_b.transmissions) == 1
