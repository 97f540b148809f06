"""SirenBus: one RS-485 line of siren controllers, one request at a time.

The bus owns one pymodbus serial client and a lock; every public method is thread-safe and
holds the line for its whole exchange (a command and its read-back are never interleaved
with another caller's polls). The library never retries: reads are retried here (they are
harmless), and a command is written once, read back, and resent with the same sequence
number only when the controller still reports an older one.

Qt-free and database-free: the service layer above adds cadence, alarms and audit.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable

from pymodbus.exceptions import ConnectionException, ModbusException, ModbusIOException
from pymodbus.pdu import ModbusPDU

from ops_console.hardware.protocols.siren_profile import (
    COMMAND_ADDRESS,
    COMMAND_COUNT,
    DEFAULT_BAUDRATE,
    DEFAULT_PARITY,
    STATUS_ADDRESS,
    STATUS_COUNT,
    Command,
    ExceptionCode,
    ProfileError,
    SirenStatus,
    check_unit,
    decode_status,
    encode_command,
    frame_gap,
    next_seq,
)
from ops_console.hardware.sirens import rtu
from ops_console.hardware.sirens.client import HearingSerialClient
from ops_console.hardware.sirens.errors import (
    BadRegisters,
    CrcError,
    ExceptionReply,
    GarbledReply,
    NoAnswer,
    Overlapped,
    PortUnplugged,
    SirenFault,
    SlowReply,
    TruncatedReply,
    WrongUnit,
)
from ops_console.hardware.sirens.late import LateReplies
from ops_console.hardware.sirens.outcome import CommandOutcome, Confirmation, describe, took_effect
from ops_console.hardware.transport.serial_link import port_problem
from ops_console.said import N_, english, said

log = logging.getLogger(__name__)

_RETRYABLE = (NoAnswer, CrcError, TruncatedReply, WrongUnit, GarbledReply, SlowReply, Overlapped)
_REFUSAL_CONTEXT = {
    (
        Command.ACTIVATE,
        ExceptionCode.ILLEGAL_VALUE,
    ): N_(
        "activation refused: the siren was not armed (or arming expired), or the pattern or "
        "duration is not one it knows"
    ),
    (Command.ACTIVATE, ExceptionCode.DEVICE_FAILURE): N_("activation refused: the siren cannot sound"),
}


class SirenBus:
    """Siren controllers on one serial port (a device path or a pyserial URL like socket://)."""

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUDRATE,
        parity: str = DEFAULT_PARITY,
        timeout: float = 0.25,
        *,
        read_attempts: int = 2,
        max_sends: int = 3,
        confirm_reads: int = 2,
        name: str = "sirens",
    ) -> None:
        self.port = port
        self.timeout = timeout
        self.read_attempts = max(1, read_attempts)
        self.max_sends = max(1, max_sends)
        self.confirm_reads = max(0, confirm_reads)
        self.counters: Counter[str] = Counter()
        self.late = LateReplies(timeout, self.counters)  # replies owed by units that timed out
        self._quiet = frame_gap(baudrate)  # 3.5 characters of silence end a frame
        self._client = HearingSerialClient(port, baudrate=baudrate, parity=parity, timeout=timeout, name=name)
        self._lock = threading.RLock()

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the port; a later call opens it again."""
        with self._lock:
            self._client.close()

    def __enter__(self) -> SirenBus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------

    def read_status(self, unit: int) -> SirenStatus:
        """Input registers 0-8 of ``unit``, decoded; raises a ``SirenFault`` with words."""
        check_unit(unit)
        with self._lock:
            return self._read_status(unit)

    def poll_all(self, units: Iterable[int]) -> dict[int, SirenStatus | SirenFault]:
        """One status per unit, or the fault that stood in its way; never raises for a unit."""
        results: dict[int, SirenStatus | SirenFault] = {}
        for unit in units:
            try:
                results[unit] = self.read_status(unit)
            except SirenFault as fault:
                results[unit] = fault
        return results

    def _read_status(self, unit: int) -> SirenStatus:
        """Read with bounded retries: reading twice never harms a controller."""
        for attempt in range(1, self.read_attempts + 1):
            try:
                reply = self._exchange(
                    unit,
                    rtu.READ_INPUT,
                    STATUS_COUNT,
                    lambda: self._client.read_input_registers(
                        STATUS_ADDRESS, count=STATUS_COUNT, device_id=unit
                    ),
                )
                return self._decode(unit, reply)
            except _RETRYABLE:
                if attempt == self.read_attempts:
                    raise
        raise AssertionError("unreachable")

    def _decode(self, unit: int, reply: ModbusPDU) -> SirenStatus:
        try:
            return decode_status(unit, list(reply.registers))
        except ProfileError as exc:
            self.counters[BadRegisters.kind] += 1
            raise BadRegisters(unit, exc.words) from None

    # -- commanding -------------------------------------------------------------------------

    def issue_command(
        self, unit: int, command: Command, pattern_id: int = 0, duration_s: int = 0, *, seq: int
    ) -> CommandOutcome:
        """Write one command once, read it back, resend the SAME ``seq`` only if not accepted.

        ``seq`` must differ from the controller's last accepted one (``next_seq(status.last_seq)``);
        a controller ignores a repeat, which is what makes the resend safe.
        """
        check_unit(unit)
        registers = encode_command(command, pattern_id, duration_s, seq)
        command = Command(command)
        with self._lock:
            status: SirenStatus | None = None
            for sends in range(1, self.max_sends + 1):
                try:
                    self._write_command(unit, registers)
                except ExceptionReply as refused:
                    context = _REFUSAL_CONTEXT.get((command, refused.code), "")
                    fault = ExceptionReply(unit, refused.code, said(context)) if context else refused
                    return self._outcome(unit, command, seq, Confirmation.REFUSED, sends, None, fault)
                except PortUnplugged as lost:
                    return self._outcome(unit, command, seq, Confirmation.UNCONFIRMED, sends, None, lost)
                except SirenFault as unheard:  # the command may or may not have landed: read back
                    log.info("siren %s: no usable reply to %s: %s", unit, command.name, unheard.english)
                try:
                    status = self._read_status(unit)
                except SirenFault as fault:
                    return self._outcome(unit, command, seq, Confirmation.UNCONFIRMED, sends, None, fault)
                if status.last_seq == seq:
                    return self._confirm(unit, command, pattern_id, seq, sends, status)
                log.warning(
                    "siren %s: %s (seq %s) not accepted (last %s), sending again",
                    unit,
                    command.name,
                    seq,
                    status.last_seq,
                )
            return self._outcome(unit, command, seq, Confirmation.NOT_ACCEPTED, self.max_sends, status, None)

    def arm_and_activate(self, unit: int, pattern_id: int, duration_s: int, *, seq: int) -> CommandOutcome:
        """Arm with ``seq`` then activate with ``next_seq(seq)``; the first outcome that is not
        confirmed is returned as is, so a failed arming never turns into an activation."""
        armed = self.issue_command(unit, Command.ARM, seq=seq)
        if not armed.confirmed:
            return armed
        return self.issue_command(unit, Command.ACTIVATE, pattern_id, duration_s, seq=next_seq(seq))

    def _confirm(
        self, unit: int, command: Command, pattern_id: int, seq: int, sends: int, status: SirenStatus
    ) -> CommandOutcome:
        """Accepted: does the state show it? A few more reads give a slow controller time."""
        for _ in range(self.confirm_reads):
            if took_effect(status, command, pattern_id):
                break
            try:
                status = self._read_status(unit)
            except SirenFault as fault:
                return self._outcome(unit, command, seq, Confirmation.UNCONFIRMED, sends, None, fault)
        result = (
            Confirmation.CONFIRMED if took_effect(status, command, pattern_id) else Confirmation.NOT_STARTED
        )
        return self._outcome(unit, command, seq, result, sends, status, None)

    def _write_command(self, unit: int, registers: list[int]) -> None:
        reply = self._exchange(
            unit,
            rtu.WRITE_MULTIPLE,
            COMMAND_COUNT,
            lambda: self._client.write_registers(COMMAND_ADDRESS, registers, device_id=unit),
        )
        if (getattr(reply, "address", COMMAND_ADDRESS), getattr(reply, "count", COMMAND_COUNT)) != (
            COMMAND_ADDRESS,
            COMMAND_COUNT,
        ):
            raise self._count(
                GarbledReply(unit, said(N_("the write was echoed with another address or quantity")))
            )

    def _outcome(
        self,
        unit: int,
        command: Command,
        seq: int,
        result: Confirmation,
        sends: int,
        status: SirenStatus | None,
        fault: SirenFault | None,
    ) -> CommandOutcome:
        self.counters[f"command_{result.name.lower()}"] += 1
        words = describe(unit, command, seq, result, status, fault)
        (log.info if result is Confirmation.CONFIRMED else log.warning)("%s", english(words))
        return CommandOutcome(unit, command, seq, result, sends, status, fault, words)

    # -- one request on the wire ------------------------------------------------------------

    def _exchange(self, unit: int, function: int, count: int, call: Callable[[], ModbusPDU]) -> ModbusPDU:
        """Run one pymodbus request and turn every way it can fail into a typed fault."""
        self.late.drain(self._client.socket, self._quiet, self.port)  # a slow unit's reply, named
        self._client.heard.clear()
        try:
            reply = call()
        except ConnectionException:
            self._client.close()
            detail = self._client.connect_error or said(N_("the line failed during the request"))
            raise self._count(PortUnplugged(unit, self.port, detail)) from None
        except ModbusIOException:
            raise self._count(self._diagnose(unit, function, count)) from None
        except ModbusException as exc:
            raise self._count(GarbledReply(unit, str(exc))) from None
        except OSError as exc:  # pyserial errors pymodbus did not wrap
            self._client.close()
            raise self._count(PortUnplugged(unit, self.port, port_problem(exc))) from None
        if reply.isError():
            raise self._count(ExceptionReply(unit, getattr(reply, "exception_code", 0)))
        self.counters["ok"] += 1
        return reply

    def _diagnose(self, unit: int, function: int, count: int) -> SirenFault:
        late, heard = self.late.claim(bytes(self._client.heard))
        if late:  # a slow unit's reply came first; ours may still be on its way
            if not rtu.frame_length(heard):
                self.late.owe(unit)
            others = [u for u in late if u != unit]
            if not others:  # its own earlier reply, late: slow, not garbled
                return SlowReply(unit, self.timeout, self.late.slow[unit])
            return Overlapped(unit, others[-1])
        problem, replied = rtu.diagnose_reply(heard, unit, function, count)
        if problem is rtu.ReplyProblem.NO_ANSWER:
            self.late.owe(unit)
            if self.late.slow[unit]:
                return SlowReply(unit, self.timeout, self.late.slow[unit])
            return NoAnswer(unit, self.timeout)
        if problem is rtu.ReplyProblem.CRC:
            return CrcError(unit)
        if problem is rtu.ReplyProblem.TRUNCATED:
            return TruncatedReply(unit, len(heard))
        if problem is rtu.ReplyProblem.WRONG_UNIT and replied is not None:
            return WrongUnit(unit, replied)
        return GarbledReply(unit, heard[:16].hex(" "))

    def _count(self, fault: SirenFault) -> SirenFault:
        self.counters[fault.kind] += 1
        log.debug("%s", fault.english)
        return fault
