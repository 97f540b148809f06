"""Every way a siren bus goes wrong gives a typed fault with words: no crash, no false "sounding"."""

from __future__ import annotations

import pytest

from ops_console.hardware.protocols.siren_profile import Command, ExceptionCode, SirenState
from ops_console.hardware.simulators.siren_bus import Failure
from ops_console.hardware.sirens import (
    Confirmation,
    CrcError,
    ExceptionReply,
    NoAnswer,
    PortUnplugged,
    SirenFault,
    TruncatedReply,
    WrongUnit,
)


def arm(bus, unit: int, seq: int = 1) -> None:
    assert bus.issue_command(unit, Command.ARM, seq=seq).confirmed


@pytest.mark.parametrize(
    "failure, fault_type, words",
    [
        (Failure.CORRUPT_CRC, CrcError, "CRC error"),
        (Failure.TRUNCATE, TruncatedReply, "incomplete reply (19 bytes)"),
        (Failure.WRONG_UNIT, WrongUnit, "asked siren 2 but unit 3 answered"),
        (Failure.SILENT, NoAnswer, "siren 2 did not answer within 100 ms"),
    ],
)
def test_a_bad_reply_is_a_typed_fault_with_words(bus, sim, failure, fault_type, words):
    sim.fail(2, failure)
    with pytest.raises(fault_type) as caught:
        bus.read_status(2)
    assert words in caught.value.english and caught.value.unit == 2
    assert bus.counters[fault_type.kind] == 2  # read twice (reads are retried), counted twice
    sim.heal(2)
    assert bus.read_status(2).state is SirenState.IDLE  # and the line is fine afterwards


@pytest.mark.parametrize(
    "failure", [Failure.CORRUPT_CRC, Failure.TRUNCATE, Failure.WRONG_UNIT, Failure.SILENT]
)
def test_a_command_into_a_bad_line_is_never_reported_as_sounding(bus, sim, failure):
    arm(bus, 2)
    sim.fail(2, failure)
    outcome = bus.issue_command(2, Command.ACTIVATE, 101, 180, seq=2)
    assert outcome.result is Confirmation.UNCONFIRMED and not outcome.sounding
    assert isinstance(outcome.fault, SirenFault) and "unknown" in outcome.english
    assert len([w for w in sim.writes if w[0] == 2 and w[1][0] == Command.ACTIVATE]) == 1  # written once


def test_poll_all_reports_a_silent_controller_and_carries_on(bus, sim):
    sim.fail(4, Failure.SILENT)
    results = bus.poll_all([3, 4, 5])
    assert isinstance(results[4], NoAnswer) and "check its power" in results[4].english
    assert results[3].unit == 3 and results[5].unit == 5


def test_activation_without_arming_is_refused_with_words(bus, sim):
    outcome = bus.issue_command(1, Command.ACTIVATE, 101, 180, seq=1)
    assert outcome.result is Confirmation.REFUSED and not outcome.sounding
    assert isinstance(outcome.fault, ExceptionReply) and outcome.fault.code == ExceptionCode.ILLEGAL_VALUE
    assert "not armed" in outcome.english and outcome.sends == 1
    assert sim.siren(1).started == []


def test_arming_expires_after_sixty_seconds(bus, sim, clock):
    arm(bus, 1)
    clock.advance(61)
    outcome = bus.issue_command(1, Command.ACTIVATE, 101, 180, seq=2)
    assert outcome.result is Confirmation.REFUSED and "not armed" in outcome.english


def test_a_refusing_controller_answers_busy(bus, sim):
    sim.fail(3, Failure.REFUSE)
    outcome = bus.arm_and_activate(3, 101, 180, seq=1)
    assert outcome.result is Confirmation.REFUSED and outcome.command is Command.ARM
    assert outcome.fault.code == ExceptionCode.BUSY and "busy" in outcome.english


def test_an_amplifier_fault_shows_and_refuses_activation(bus, sim):
    sim.fail(5, Failure.AMPLIFIER)
    status = bus.read_status(5)
    assert status.state is SirenState.FAULT and "amplifier fault" in status.fault_words
    outcome = bus.arm_and_activate(5, 101, 180, seq=1)
    assert outcome.result is Confirmation.REFUSED and outcome.fault.code == ExceptionCode.DEVICE_FAILURE
    assert "cannot sound" in outcome.english and not outcome.sounding


def test_a_door_open_is_a_warning_not_a_stop(bus, sim):
    sim.fail(6, Failure.DOOR_OPEN)
    assert bus.read_status(6).fault_words == ("cabinet door open",)
    assert bus.arm_and_activate(6, 101, 180, seq=1).confirmed


def test_accepted_but_never_started_is_not_sounding(bus, sim):
    sim.fail(2, Failure.NEVER_START)
    outcome = bus.arm_and_activate(2, 101, 180, seq=1)
    assert outcome.result is Confirmation.NOT_STARTED and not outcome.sounding
    assert outcome.status.last_seq == 2 and outcome.status.state is SirenState.IDLE
    assert "accepted but did not take effect" in outcome.english


def test_a_local_activation_is_reported_as_such(bus, sim):
    sim.fail(4, Failure.LOCAL_ACTIVATION)
    status = bus.read_status(4)
    assert status.sounding and status.last_seq == 0
    assert "local activation" in " ".join(status.fault_words)


def test_a_lost_write_is_resent_with_the_same_sequence_number(bus, sim):
    arm(bus, 3)
    sim.fail(3, Failure.LOSE_WRITE_ONCE)
    outcome = bus.issue_command(3, Command.ACTIVATE, 102, 180, seq=2)
    assert outcome.confirmed and outcome.sends == 2 and outcome.sounding
    assert [w for w in sim.writes if w[0] == 3][1:] == [(3, (1, 102, 180, 2))] * 2  # same seq twice
    assert sim.siren(3).started == [(Command.ACTIVATE, 102, 2)]


def test_a_lost_reply_is_not_resent_when_the_read_back_shows_it_landed(bus, sim):
    arm(bus, 3)
    sim.fail(3, Failure.LOSE_REPLY_ONCE)
    outcome = bus.issue_command(3, Command.ACTIVATE, 102, 180, seq=2)
    assert outcome.confirmed and outcome.sends == 1
    assert [w for w in sim.writes if w[0] == 3] == [(3, (5, 0, 0, 1)), (3, (1, 102, 180, 2))]


def test_unplugged_mid_activation_is_unconfirmed_then_reconnects(bus, sim):
    arm(bus, 1)
    sim.fail(1, Failure.UNPLUG_AFTER_WRITE)
    outcome = bus.issue_command(1, Command.ACTIVATE, 101, 180, seq=2)
    assert outcome.result is Confirmation.UNCONFIRMED and not outcome.sounding
    assert isinstance(outcome.fault, PortUnplugged) and "unplugged" in outcome.english
    with pytest.raises(PortUnplugged, match="not there"):  # ENOENT, in words
        bus.read_status(1)  # still gone: a typed fault, not a crash
    sim.replug()
    status = bus.read_status(1)  # the bus reopened the port by itself
    assert status.sounding and status.last_seq == 2  # the truth, now that it can be read
    assert len([w for w in sim.writes if w[1][0] == Command.ACTIVATE]) == 1


def test_a_port_that_does_not_exist_is_a_typed_fault(make_bus, tmp_path):
    bus = make_bus(str(tmp_path / "ttyUSB9"))
    with pytest.raises(PortUnplugged) as caught:
        bus.read_status(1)
    assert "not available" in caught.value.english
    assert bus.poll_all([1, 2]).keys() == {1, 2}
