"""The register profile: commands encode, status blocks decode, bad blocks never read as sounding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.protocols.siren_profile import (
    STATUS_COUNT,
    Command,
    FaultBit,
    ProfileError,
    SirenState,
    decode_status,
    encode_command,
    encode_status,
    exception_words,
    fault_words,
    frame_gap,
    next_seq,
)

REGS = st.integers(min_value=0, max_value=0xFFFF)


def test_encode_command_is_registers_0_to_3():
    assert encode_command(Command.ACTIVATE, 101, 180, 7) == [1, 101, 180, 7]
    assert encode_command(6, 0, 0, 65535) == [6, 0, 0, 65535]


@pytest.mark.parametrize(
    "args, words",
    [
        ((9, 1, 1, 1), "no known command"),
        ((Command.ACTIVATE, 70000, 1, 1), "pattern id"),
        ((Command.ACTIVATE, 1, -1, 1), "duration"),
        ((Command.ACTIVATE, 1, 1, 0), "reserved"),
    ],
)
def test_encode_command_refuses_what_does_not_fit(args, words):
    with pytest.raises(ProfileError, match=words):
        encode_command(*args)


def test_decode_status_in_units_a_person_reads():
    status = decode_status(4, [1, 102, 95, 12, 2653, 0, 0b1000_1001, 0xFF9C, 0])
    assert status.sounding and status.state is SirenState.SOUNDING
    assert (status.pattern_id, status.seconds_remaining, status.last_seq) == (102, 95, 12)
    assert status.battery_v == pytest.approx(26.53)
    assert status.temperature_c == pytest.approx(-10.0)
    assert not status.mains_present
    assert status.fault_words == (
        "amplifier fault",
        "cabinet door open",
        "sounded without a command from the console (local activation)",
    )
    assert "unit 4 sounding" in status.summary() and "on battery" in status.summary()


@pytest.mark.parametrize(
    "registers, words",
    [
        ([7, 0, 0, 0, 2700, 1, 0, 200, 230], "state register"),
        ([0, 0, 0, 0, 2700, 2, 0, 200, 230], "mains-present"),
        ([0, 0, 0, 0, 2700, 1, 0x100, 200, 230], "above bit 7"),
        ([0] * 8, "expected 9"),
        ([0, 0, 0, 0, 70000, 1, 0, 0, 0], "outside 0..65535"),
    ],
)
def test_decode_status_rejects_blocks_outside_the_profile(registers, words):
    with pytest.raises(ProfileError, match=words):
        decode_status(1, registers)


def test_words_for_exceptions_and_faults():
    assert "busy" in exception_words(6)
    assert "illegal data value" in exception_words(3)
    assert "unknown exception code 42" in exception_words(42)
    assert fault_words(FaultBit.LOW_BATTERY | FaultBit.INTRUSION) == ("battery low", "intrusion alarm")


def test_sequence_numbers_skip_zero_when_they_wrap():
    assert next_seq(0) == 1 and next_seq(41) == 42 and next_seq(65535) == 1


def test_frame_gap_is_three_and_a_half_characters_up_to_19200():
    assert frame_gap(19_200) == pytest.approx(3.5 * 11 / 19_200)
    assert frame_gap(115_200) == pytest.approx(0.00175)


@given(st.lists(REGS, min_size=STATUS_COUNT, max_size=STATUS_COUNT), st.integers(1, 247))
def test_any_register_block_decodes_or_is_refused_with_words(registers, unit):
    try:
        status = decode_status(unit, registers)
    except ProfileError as exc:
        assert str(exc)
        return
    assert encode_status(status) == registers
    assert status.sounding == (registers[0] == SirenState.SOUNDING)


@given(st.lists(st.integers(-70000, 140000), max_size=12))
def test_any_list_of_numbers_never_crashes_the_decoder(registers):
    try:
        decode_status(1, registers)
    except ProfileError:
        pass


@given(st.sampled_from(Command), REGS, REGS, st.integers(1, 0xFFFF))
def test_every_valid_command_round_trips(command, pattern, duration, seq):
    assert encode_command(command, pattern, duration, seq) == [int(command), pattern, duration, seq]
