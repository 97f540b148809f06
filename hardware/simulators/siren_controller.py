"""One simulated siren controller: the register profile as a state machine on a clock.

It follows docs/protocols/siren-controller-profile.md exactly: commands arrive as holding
registers 0-3 in one 0x10 write; a repeated sequence number is ignored (and answered as if
accepted); activate needs arming (60 s, consumed by the activation) and is otherwise refused
with exception 0x03 ILLEGAL DATA VALUE; sounding counts down and drains the battery on the
injected clock, so tests move time instead of waiting for it.

Behavioural failures (amplifier, door open, refusing, accepting but never starting, local
activation) live here; failures of the wire (silence, CRC, truncation, wrong unit) live in
the bus (siren_bus.py), which is where they happen on a real line.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum

from ops_console.hardware.protocols.siren_profile import (
    ARMING_WINDOW_S,
    COMMAND_COUNT,
    LOW_BATTERY_CV,
    STATUS_COUNT,
    Command,
    ExceptionCode,
    FaultBit,
    SirenState,
)
from ops_console.hardware.sirens import rtu

DRAIN_CV_PER_S = 0.5  # 5 mV per second of sounding: a 3-minute signal costs 0.9 V
MAX_DURATION_S = 3600
LOCAL_PATTERN, LOCAL_DURATION_S = 1, 180


MAX_READ, MAX_WRITE = 125, 123
"""Largest quantities of registers a 0x03/0x04 read and a 0x10 write may ask for (spec)."""


class Failure(str, Enum):
    """What a test (or the demo) can make one controller do wrong."""

    SILENT = "silent"  # no answer at all (dead, wrong address, cut cable)
    AMPLIFIER = "amplifier"  # amplifier fault: state FAULT, activation refused (0x04)
    DOOR_OPEN = "door_open"  # cabinet door open: a warning bit, works otherwise
    REFUSE = "refuse"  # every command refused with 0x06 BUSY (under local control)
    NEVER_START = "never_start"  # accepts activate/tests (sequence number moves) but stays idle
    CORRUPT_CRC = "corrupt_crc"  # every reply with a wrong CRC
    TRUNCATE = "truncate"  # every reply cut short by four bytes
    WRONG_UNIT = "wrong_unit"  # every reply carries unit id + 1 (with a good CRC)
    SLOW = "slow"  # every reply comes late (the bus's ``slow_s``), after a driver's timeout
    LOCAL_ACTIVATION = "local_activation"  # starts sounding now without a command (bit 7)
    LOSE_WRITE_ONCE = "lose_write_once"  # the next command never reaches the controller
    LOSE_REPLY_ONCE = "lose_reply_once"  # the next command is applied but its reply is lost
    UNPLUG_AFTER_WRITE = "unplug_after_write"  # the next command is applied, then the port vanishes


ONE_SHOT = frozenset({Failure.LOSE_WRITE_ONCE, Failure.LOSE_REPLY_ONCE, Failure.UNPLUG_AFTER_WRITE})


class SimulatedSiren:
    """A controller's registers and behaviour; not thread-safe (the bus holds a lock)."""

    def __init__(self, unit: int, clock: Callable[[], float]) -> None:
        self.unit, self.clock = unit, clock
        self.failures: set[Failure] = set()
        self.holding = [0] * COMMAND_COUNT
        self.last_seq = 0
        self.state = SirenState.IDLE
        self.pattern_id = 0
        self.ends_at = 0.0
        self.armed_until: float | None = None
        self.battery_cv = 2720.0
        self.mains_present, self.mains_v, self.temperature_dc = True, 231, 215
        self.extra_faults = FaultBit(0)
        self.local_activation = False
        self.started: list[tuple[Command, int, int]] = []  # (command, pattern, seq) that began a signal
        self._advanced_to = clock()

    # -- time -------------------------------------------------------------------------------

    def advance(self) -> float:
        """Bring the signal and the battery up to the clock's now; returns now."""
        now = self.clock()
        if self.state is SirenState.SOUNDING:
            self.battery_cv -= DRAIN_CV_PER_S * max(0.0, min(now, self.ends_at) - self._advanced_to)
        if self.state in (SirenState.SOUNDING, SirenState.TESTING) and now >= self.ends_at:
            self.state, self.pattern_id = SirenState.IDLE, 0
        if self.armed_until is not None and now >= self.armed_until:
            self.armed_until = None
        self._advanced_to = now
        return now

    @property
    def armed(self) -> bool:
        self.advance()
        return self.armed_until is not None

    # -- registers --------------------------------------------------------------------------

    def faults(self) -> FaultBit:
        bits = self.extra_faults
        if Failure.AMPLIFIER in self.failures:
            bits |= FaultBit.AMPLIFIER
        if Failure.DOOR_OPEN in self.failures:
            bits |= FaultBit.DOOR_OPEN
        if self.battery_cv < LOW_BATTERY_CV:
            bits |= FaultBit.LOW_BATTERY
        if self.local_activation:
            bits |= FaultBit.LOCAL_ACTIVATION
        return bits

    def input_registers(self) -> list[int]:
        now = self.advance()
        state = self.state
        if state is SirenState.IDLE and self.faults() & (FaultBit.AMPLIFIER | FaultBit.DRIVER):
            state = SirenState.FAULT
        running = state in (SirenState.SOUNDING, SirenState.TESTING)
        remaining = math.ceil(self.ends_at - now) if running else 0
        return [
            int(state),
            self.pattern_id if running else 0,
            remaining,
            self.last_seq,
            max(0, round(self.battery_cv)),
            int(self.mains_present),
            int(self.faults()),
            self.temperature_dc & 0xFFFF,
            self.mains_v if self.mains_present else 0,
        ]

    def sound_locally(self, pattern_id: int = LOCAL_PATTERN, duration_s: int = LOCAL_DURATION_S) -> None:
        """Start sounding as if someone pressed the button in the cabinet (or a fault did)."""
        self.local_activation = True
        self._start(SirenState.SOUNDING, pattern_id, duration_s)

    # -- requests ---------------------------------------------------------------------------

    def handle(self, request: rtu.Request) -> bytes:
        """The reply frame to one request addressed to this unit."""
        fn = request.function
        if fn == rtu.READ_INPUT:
            return self._read(request, self.input_registers(), STATUS_COUNT)
        if fn == rtu.READ_HOLDING:
            return self._read(request, self.holding, COMMAND_COUNT)
        if fn == rtu.WRITE_MULTIPLE:
            # Modbus application protocol 1.1b3, 6.12: the quantity and byte count are checked
            # first (0x03), then the address range (0x02)
            if not 1 <= request.count <= MAX_WRITE or len(request.values) != request.count:
                return rtu.exception_reply(self.unit, fn, ExceptionCode.ILLEGAL_VALUE)
            if request.address != 0 or request.count != COMMAND_COUNT:
                return rtu.exception_reply(self.unit, fn, ExceptionCode.ILLEGAL_ADDRESS)
            code = self.command(list(request.values))
            if code is not None:
                return rtu.exception_reply(self.unit, fn, code)
            return rtu.write_reply(self.unit, 0, COMMAND_COUNT)
        return rtu.exception_reply(self.unit, fn, ExceptionCode.ILLEGAL_FUNCTION)

    def _read(self, request: rtu.Request, registers: list[int], size: int) -> bytes:
        if not 1 <= request.count <= MAX_READ:  # spec 6.3/6.4: a bad quantity is 0x03
            return rtu.exception_reply(self.unit, request.function, ExceptionCode.ILLEGAL_VALUE)
        if request.address + request.count > size:
            return rtu.exception_reply(self.unit, request.function, ExceptionCode.ILLEGAL_ADDRESS)
        return rtu.read_reply(
            self.unit, request.function, registers[request.address : request.address + request.count]
        )

    def command(self, values: list[int]) -> ExceptionCode | None:
        """Apply holding registers 0-3; an exception code when refused, else None."""
        now = self.advance()
        if Failure.REFUSE in self.failures:
            return ExceptionCode.BUSY
        code, pattern, duration, seq = values
        if seq == self.last_seq:
            return None  # a resend of what we already did: harmless by design
        refusal = self._refusal(code, pattern, duration)
        if refusal is not None:
            return refusal
        command = Command(code)
        self.holding, self.last_seq = list(values), seq
        if command is Command.ARM:
            self.armed_until = now + ARMING_WINDOW_S
        elif command in (Command.DISARM, Command.CANCEL):
            self.armed_until = None
            if command is Command.CANCEL:
                self.state, self.pattern_id, self.local_activation = SirenState.IDLE, 0, False
        elif command is Command.ACTIVATE:
            self.armed_until = None  # one arming, one activation
            self._start_commanded(SirenState.SOUNDING, command, pattern, duration, seq)
        elif command in (Command.SILENT_TEST, Command.GROWL_TEST):
            self._start_commanded(SirenState.TESTING, command, pattern, duration, seq)
        return None

    def _refusal(self, code: int, pattern: int, duration: int) -> ExceptionCode | None:
        if code not in Command._value2member_map_:
            return ExceptionCode.ILLEGAL_VALUE
        command = Command(code)
        if command in (Command.ACTIVATE, Command.SILENT_TEST, Command.GROWL_TEST):
            if not 1 <= duration <= MAX_DURATION_S or pattern == 0:
                return ExceptionCode.ILLEGAL_VALUE
        if command is Command.ACTIVATE:
            if self.armed_until is None:
                return ExceptionCode.ILLEGAL_VALUE  # not armed: never "busy", which invites a retry
            if Failure.AMPLIFIER in self.failures:
                return ExceptionCode.DEVICE_FAILURE
        if command in (Command.SILENT_TEST, Command.GROWL_TEST) and self.state is SirenState.SOUNDING:
            return ExceptionCode.BUSY
        return None

    def _start_commanded(
        self, state: SirenState, command: Command, pattern: int, duration: int, seq: int
    ) -> None:
        if Failure.NEVER_START in self.failures:
            return
        self.started.append((command, pattern, seq))
        self._start(state, pattern, duration)

    def _start(self, state: SirenState, pattern: int, duration: int) -> None:
        now = self.advance()
        self.state, self.pattern_id, self.ends_at = state, pattern, now + duration
