"""The simulated bus on its own: the profile's rules, real RTU bytes, and wire timing."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
import serial

from ops_console.hardware.protocols.siren_profile import (
    Command,
    ExceptionCode,
    FaultBit,
    SirenState,
    char_time,
    decode_status,
    frame_gap,
)
from ops_console.hardware.simulators.siren_controller import SimulatedSiren
from ops_console.hardware.sirens import SirenBus, rtu

CHAR = char_time(19_200)


@pytest.fixture
def raw(sim):
    """A bare pyserial port on the simulator's pty (8E1, opened once)."""
    port = serial.Serial(sim.port_url, 19_200, parity="E", timeout=0.3)
    yield port
    port.close()


def exchange(port: serial.Serial, frame: bytes, size: int) -> bytes:
    port.reset_input_buffer()
    port.write(frame)
    return port.read(size)


def test_a_reply_is_real_rtu_and_never_faster_than_the_wire(raw):
    started = time.perf_counter()
    reply = exchange(raw, rtu.read_request(2, rtu.READ_INPUT, 0, 9), 23)
    elapsed = time.perf_counter() - started
    assert len(reply) == 23 and rtu.crc_ok(reply) and reply[:3] == bytes((2, 4, 18))
    regs = [int.from_bytes(reply[3 + 2 * i : 5 + 2 * i], "big") for i in range(9)]
    assert decode_status(2, regs).state is SirenState.IDLE
    assert elapsed >= (8 + 23) * CHAR + frame_gap(19_200)


@pytest.mark.parametrize(
    "frame, code",
    [
        (rtu.with_crc(bytes((1, 0x06, 0, 0, 0, 1))), ExceptionCode.ILLEGAL_FUNCTION),
        (rtu.read_request(1, rtu.READ_INPUT, 5, 9), ExceptionCode.ILLEGAL_ADDRESS),
        (rtu.write_request(1, 1, [1, 2, 3]), ExceptionCode.ILLEGAL_ADDRESS),
        (rtu.write_request(1, 0, [9, 0, 0, 1]), ExceptionCode.ILLEGAL_VALUE),
        # quantity and byte count come before the address (Modbus application protocol 6.3/6.4/6.12)
        (rtu.read_request(1, rtu.READ_INPUT, 0, 0), ExceptionCode.ILLEGAL_VALUE),
        (rtu.read_request(1, rtu.READ_INPUT, 0, 126), ExceptionCode.ILLEGAL_VALUE),
        (rtu.read_request(1, rtu.READ_HOLDING, 50, 125), ExceptionCode.ILLEGAL_ADDRESS),
        (rtu.write_request(1, 0, []), ExceptionCode.ILLEGAL_VALUE),
        (  # quantity 4, but a byte count of 6 (three registers of data)
            rtu.with_crc(bytes((1, 0x10, 0, 0, 0, 4, 6)) + bytes(6)),
            ExceptionCode.ILLEGAL_VALUE,
        ),
    ],
)
def test_requests_outside_the_profile_get_exception_replies(raw, frame, code):
    assert exchange(raw, frame, 5) == rtu.exception_reply(1, frame[1], code)


def test_bad_crc_broadcast_and_absent_units_get_silence(raw, sim):
    bad = bytearray(rtu.read_request(1, rtu.READ_INPUT, 0, 9))
    bad[-1] ^= 0xFF
    assert exchange(raw, bytes(bad), 5) == b""
    assert exchange(raw, rtu.write_request(0, 0, [5, 0, 0, 1]), 8) == b""
    assert exchange(raw, rtu.read_request(99, rtu.READ_INPUT, 0, 9), 23) == b""
    assert sim.counters["bad_requests"] == 1 and not sim.siren(1).armed


def test_holding_registers_read_back_the_last_command(raw):
    assert len(exchange(raw, rtu.write_request(3, 0, [5, 0, 0, 9]), 8)) == 8
    assert exchange(raw, rtu.read_request(3, rtu.READ_HOLDING, 0, 4), 13) == rtu.read_reply(
        3, rtu.READ_HOLDING, [5, 0, 0, 9]
    )


def test_sounding_counts_down_drains_the_battery_and_ends(clock):
    siren = SimulatedSiren(7, clock)
    assert siren.command([Command.ARM, 0, 0, 1]) is None
    assert siren.command([Command.ACTIVATE, 102, 180, 2]) is None
    clock.advance(100.4)
    state, pattern, remaining, seq, battery, *_ = siren.input_registers()
    assert (state, pattern, remaining, seq) == (SirenState.SOUNDING, 102, 80, 2)
    assert battery == 2720 - 50
    clock.advance(80)
    assert siren.input_registers()[:3] == [SirenState.IDLE, 0, 0]
    assert siren.input_registers()[4] == 2720 - 90  # no drain once it stopped


def test_a_long_signal_on_battery_sets_the_low_battery_bit(clock):
    siren = SimulatedSiren(7, clock)
    siren.battery_cv = 2310
    siren.command([Command.ARM, 0, 0, 1])
    siren.command([Command.ACTIVATE, 102, 180, 2])
    clock.advance(60)
    assert siren.input_registers()[6] & FaultBit.LOW_BATTERY


def test_one_arming_allows_one_activation(clock):
    siren = SimulatedSiren(7, clock)
    siren.command([Command.ARM, 0, 0, 1])
    assert siren.command([Command.ACTIVATE, 101, 10, 2]) is None
    assert siren.command([Command.ACTIVATE, 101, 10, 3]) is ExceptionCode.ILLEGAL_VALUE
    assert siren.command([Command.ACTIVATE, 101, 10, 2]) is None  # a resend is still harmless
    assert siren.started == [(Command.ACTIVATE, 101, 2)]


def test_main_prints_the_port_and_stops_on_ctrl_c():
    proc = subprocess.Popen(
        [sys.executable, "-m", "ops_console.hardware.simulators.siren_bus"], stdout=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()
        assert "6 controllers" in line and "ttyRS485-sirens" in line
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        proc.kill()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_it_stops_even_when_started_with_ctrl_c_ignored(stop):
    """A background job of a non-interactive shell inherits SIGINT ignored; Ctrl+C still stops it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "ops_console.hardware.simulators.siren_bus"],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        assert "6 controllers" in proc.stdout.readline()
        proc.send_signal(stop)
        assert proc.wait(10) == 0
    finally:
        proc.kill()


def test_a_console_restarted_while_the_simulator_runs_reconnects_at_8e1():
    """Opening a pty at 8E1 a second time failed with EINVAL (a pty keeps no parity bit and
    this kernel refuses a tcsetattr that changes nothing else): a restarted console never
    got its sirens back. Here a simulator process keeps running while consoles come and go."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "ops_console.hardware.simulators.siren_bus"], stdout=subprocess.PIPE, text=True
    )
    try:
        port_url = proc.stdout.readline().rsplit(" on ", 1)[1].strip()
        for life in range(3):
            bus = SirenBus(port_url, timeout=0.3)
            try:
                assert bus.read_status(2).state is SirenState.IDLE, f"console life {life + 1}"
            finally:
                bus.close()
            port = serial.Serial(port_url, 19_200, parity="E", timeout=0.3)  # a bare client too
            assert exchange(port, rtu.read_request(2, rtu.READ_INPUT, 0, 9), 23)[:2] == bytes((2, 4))
            port.close()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)
        proc.kill()
