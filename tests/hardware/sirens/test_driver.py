"""SirenBus against the simulated bus over a real pty: polling and commands that go right."""

from __future__ import annotations

from ops_console.hardware.protocols.siren_profile import Command, SirenState, next_seq
from ops_console.hardware.sirens import Confirmation, SirenStatus


def test_poll_all_reads_every_controller(bus):
    results = bus.poll_all(range(1, 7))
    assert sorted(results) == [1, 2, 3, 4, 5, 6]
    for unit, status in results.items():
        assert isinstance(status, SirenStatus)
        assert (status.unit, status.state, status.last_seq) == (unit, SirenState.IDLE, 0)
        assert status.battery_v == 27.2 and status.mains_present and status.fault_words == ()


def test_arm_and_activate_is_confirmed_by_read_back(bus, sim, clock):
    outcome = bus.arm_and_activate(3, 101, 180, seq=1)
    assert outcome.result is Confirmation.CONFIRMED, outcome.english
    assert outcome.command is Command.ACTIVATE and outcome.seq == 2 and outcome.sends == 1
    assert outcome.sounding and outcome.status.pattern_id == 101
    assert "sounding, pattern 101, 180 s left" in outcome.english
    clock.advance(30)
    later = bus.read_status(3)
    assert later.sounding and later.seconds_remaining == 150 and later.battery_v < 27.2
    assert sim.siren(3).started == [(Command.ACTIVATE, 101, 2)]


def test_a_repeated_sequence_number_is_harmless(bus, sim):
    first = bus.arm_and_activate(2, 102, 180, seq=10)
    again = bus.issue_command(2, Command.ACTIVATE, 102, 180, seq=first.seq)
    assert first.confirmed and again.confirmed and again.sends == 1
    assert sim.siren(2).started == [(Command.ACTIVATE, 102, 11)]  # sounded once, not twice


def test_cancel_stops_the_signal(bus, sim):
    bus.arm_and_activate(1, 201, 180, seq=1)
    outcome = bus.issue_command(1, Command.CANCEL, seq=3)
    assert outcome.confirmed and not outcome.sounding
    assert outcome.status.state is SirenState.IDLE and outcome.status.last_seq == 3


def test_silent_test_runs_without_arming(bus, sim, clock):
    seq = next_seq(bus.read_status(5).last_seq)
    outcome = bus.issue_command(5, Command.SILENT_TEST, 1, 60, seq=seq)
    assert outcome.confirmed and not outcome.sounding
    assert outcome.status.state is SirenState.TESTING and outcome.status.pattern_id == 1
    clock.advance(61)
    assert bus.read_status(5).state is SirenState.IDLE


def test_disarm_is_confirmed_by_its_sequence_number(bus, sim):
    assert bus.issue_command(4, Command.ARM, seq=1).confirmed
    assert sim.siren(4).armed
    assert bus.issue_command(4, Command.DISARM, seq=2).confirmed
    assert not sim.siren(4).armed


def test_the_driver_works_over_socket_url(tcp_sim, make_bus):
    bus = make_bus(tcp_sim.port_url)
    assert tcp_sim.port_url.startswith("socket://127.0.0.1:")
    assert bus.read_status(6).state is SirenState.IDLE
    assert bus.arm_and_activate(6, 301, 60, seq=1).confirmed


def test_one_bus_serves_threads_one_request_at_a_time(bus, sim):
    import threading

    results: dict[int, object] = {}

    def poll(unit: int) -> None:
        results[unit] = [bus.read_status(unit).unit for _ in range(3)]

    threads = [threading.Thread(target=poll, args=(u,)) for u in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == {1: [1, 1, 1], 2: [2, 2, 2], 3: [3, 3, 3]}
    assert sim.counters["bad_requests"] == 0
