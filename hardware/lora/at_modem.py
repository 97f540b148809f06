"""AtModem: drives a REYAX RYLR896/RYLR998 over a SerialLink (the transaction layer).

The link's reader thread frames and parses lines and hands every heard line on as a
``RawFrame`` (parsed or not: nothing heard is lost). Commands run on the driver's own
thread, strictly one outstanding at a time, each with a timeout and bounded retries.
A ``+READY`` (the modem rebooted) re-applies the configuration and retries the command
it interrupted; a modem that stops answering is shown as such and probed until it is back.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime

from ops_console.hardware.lora.airtime import Modulation, time_on_air
from ops_console.hardware.lora.inbound import Inbound, Response
from ops_console.hardware.lora.status import ModemStatus
from ops_console.hardware.lora.types import (
    ModemConfig,
    ModemError,
    ModemState,
    ModemStats,
    RawFrame,
    SendResult,
)
from ops_console.hardware.protocols import reyax_at as at
from ops_console.hardware.transport.link_state import LinkState
from ops_console.hardware.transport.serial_link import SerialLink

log = logging.getLogger(__name__)

RETRYABLE_ERRORS = frozenset({10, 15, 17})
"""+ERR codes worth another try (radio busy or TX timing); the rest are our own mistakes."""


class _Rebooted(Exception):
    """+READY arrived while configuring: start the configuration again."""


@dataclass
class _Command:
    data: bytes
    timeout: float
    future: Future
    address: int = 0
    length: int = 0
    airtime: float = 0.0


class AtModem:
    """The driver. ``on_frame(RawFrame)`` and ``on_frames(list[RawFrame])`` (one call per
    read chunk, so storage can insert a chunk in one transaction) are called on the link's
    reader thread; ``on_state(ModemState, detail)`` on the driver or the link thread.
    Callback exceptions are logged and counted, never propagated.
    """

    def __init__(
        self,
        link: SerialLink,
        config: ModemConfig | None = None,
        *,
        on_frame: Callable[[RawFrame], None] | None = None,
        on_frames: Callable[[list[RawFrame]], None] | None = None,
        on_state: Callable[[ModemState, str], None] | None = None,
        command_timeout: float = 1.0,
        retries: int = 2,
        max_reboots: int = 3,
        probe_interval: float = 2.0,
        max_line: int = at.DEFAULT_MAX_LINE,
    ) -> None:
        self.link, self.config = link, config or ModemConfig()
        self.on_frame, self.on_frames = on_frame, on_frames
        self.command_timeout, self.retries, self.max_reboots = command_timeout, retries, max_reboots
        self.probe_interval = probe_interval
        self.modulation = self.config.modulation or Modulation()
        self._inbound = Inbound(link.name, self._note_bad_line, max_line)
        self._cond = threading.Condition()
        self._commands: deque[_Command] = deque()
        self._responses: deque[at.AtResponse] = deque()
        self._awaiting = False
        self._needs_config = True
        self._wake = False
        self._stop = threading.Event()
        self.status = ModemStatus(link.name, on_state)
        self._thread = threading.Thread(target=self._run, name=f"modem-{link.name}", daemon=True)
        link.on_data, link.on_state = self._on_data, self._on_link_state

    # -- public API ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the link and the command thread; configuration follows automatically."""
        self.link.start()
        self._thread.start()

    def send(self, address: int, data: bytes) -> Future:
        """Queue one frame for ``AT+SEND``; the Future gives a SendResult or a ModemError."""
        future: Future = Future()
        try:
            line = at.encode_send(address, data)
        except at.CommandError as exc:
            self.status.note_error("rejected", f"send refused: {exc}")
            future.set_exception(ModemError(f"send refused: {exc}", "rejected"))
            return future
        airtime = time_on_air(len(data), self.modulation)
        cmd = _Command(line, self.command_timeout + airtime, future, address, len(data), airtime)
        return self._enqueue(cmd)

    def command(self, line: bytes, timeout: float | None = None) -> Future:
        """Queue any AT command (e.g. ``b"AT+VER?\\r\\n"``); the Future gives the AtResponse."""
        return self._enqueue(_Command(line, timeout or self.command_timeout, Future()))

    @property
    def state(self) -> ModemState:
        """The current state (``stats()`` has the detail and counters)."""
        return self.status.state

    def stats(self) -> ModemStats:
        """A snapshot for the UI: state, counters by kind and the link's snapshot."""
        return self.status.snapshot(self.link.stats())

    def wait_for_state(self, state: ModemState, timeout: float) -> bool:
        """Block until the driver is in ``state``; for tests and start-up code."""
        return self.status.wait_for(state, timeout)

    def close(self) -> None:
        """Stop the command thread, fail what is still queued, close the link."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(5.0)
        with self._cond:
            left, self._commands = list(self._commands), deque()
        for cmd in left:
            cmd.future.set_exception(ModemError("driver closed before the command was sent", "closed"))
        self.link.close()
        self.status.set(ModemState.CLOSED, "closed")

    # -- link thread: bytes in -----------------------------------------------------------

    def _on_data(self, chunk: bytes) -> None:
        flagged = self._inbound.flagged
        frames = self._inbound.feed(chunk, datetime.now(UTC), self._route)
        if frames:
            self._deliver(frames, len(frames) - (self._inbound.flagged - flagged))

    def _route(self, item: Response, now: datetime, frames: list[RawFrame]) -> None:
        """Give a command response to the waiting command, or hand it on as unsolicited."""
        resp = item.response
        with self._cond:
            if isinstance(resp, at.Ready):
                self._needs_config = self._wake = True
                self._cond.notify_all()
            if self._awaiting and not self._responses:
                self._responses.append(resp)
                self._cond.notify_all()
                return
        if isinstance(resp, at.Ready):
            self.status.note_error("reboot", "+READY: the modem rebooted; configuration will be re-applied")
            return
        what = (
            f"unsolicited +ERR={resp.code} ({resp.words})"
            if isinstance(resp, at.Error)
            else "unsolicited response"
        )
        frames.append(self._inbound.bad(item.raw, what, "unsolicited", now))

    def _deliver(self, frames: list[RawFrame], good: int) -> None:
        self.status.count("frames", good)
        self.link.add_frames(good)
        if self.on_frames is not None:
            self.status.guard(self.on_frames, frames)
        if self.on_frame is not None:
            for frame in frames:
                self.status.guard(self.on_frame, frame)

    def _on_link_state(self, state: LinkState, detail: str) -> None:
        if state is LinkState.CONNECTED:
            with self._cond:
                self._needs_config = self._wake = True
                self._cond.notify_all()
        elif state is not LinkState.CLOSED:
            self.status.set(ModemState.LINK_DOWN, f"link {state.value}: {detail}")

    # -- driver thread: commands out -----------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self.link.wait_for_state(LinkState.CONNECTED, 0.25):
                continue
            cmd = self._next_command()
            if cmd is not None:
                self._execute(cmd)
            elif self._needs_config:
                self._try_configure()

    def _next_command(self) -> _Command | None:
        silent = self.status.state is ModemState.NOT_RESPONDING
        with self._cond:
            if not self._needs_config or silent:
                self._cond.wait_for(
                    lambda: self._commands or self._wake or self._stop.is_set(),
                    self.probe_interval if silent else 0.25,
                )
            self._wake = False
            return self._commands.popleft() if self._commands else None

    def _execute(self, cmd: _Command) -> None:
        if not cmd.future.set_running_or_notify_cancel():
            return
        try:
            resp, attempts = self._run_command(cmd.data, cmd.timeout)
        except ModemError as exc:
            self.status.note_error(exc.kind, str(exc))
            self.status.count("send_failures" if cmd.length else "command_failures")
            cmd.future.set_exception(exc)
            return
        if cmd.length:
            self.status.count("sent")
            cmd.future.set_result(SendResult(cmd.address, cmd.length, attempts, cmd.airtime))
        else:
            cmd.future.set_result(resp)

    def _run_command(
        self, data: bytes, timeout: float, configuring: bool = False
    ) -> tuple[at.AtResponse, int]:
        """Run one command to a final answer; returns (response, attempts) or raises ModemError."""
        name, attempts, reboots = _name(data), 0, 0
        while True:
            if self._stop.is_set():
                raise ModemError(f"{name} not completed: driver closed", "closed")
            if self._needs_config and not configuring:
                self._configure()
            resp = self._attempt(data, timeout)
            if isinstance(resp, at.Ready):
                reboots += 1
                self.status.note_error("reboot", f"+READY during {name}: the modem rebooted")
                if reboots > self.max_reboots:
                    raise ModemError(f"{name}: modem rebooted {reboots} times", "reboot")
                if configuring:
                    raise _Rebooted()
                continue
            attempts += 1
            if resp is None:
                self.status.note_error(
                    "timeout", f"no answer to {name} within {timeout:.1f} s (attempt {attempts})"
                )
                if attempts > self.retries:
                    return self._no_answer(name, attempts, configuring)
                continue
            if isinstance(resp, at.Error):
                if resp.code in RETRYABLE_ERRORS and attempts <= self.retries:
                    self.status.note_error("modem_error", f"{name}: +ERR={resp.code} {resp.words}; retrying")
                    continue
                raise ModemError(f"{name} failed: +ERR={resp.code} {resp.words}", "modem_error", resp.code)
            if self.status.state is not ModemState.READY and not configuring:
                self.status.set(ModemState.READY, "answering again")
            return resp, attempts

    def _no_answer(self, name: str, attempts: int, configuring: bool) -> tuple[at.AtResponse, int]:
        error = ModemError(f"modem did not answer {name} after {attempts} attempts", "timeout")
        if not configuring:
            with self._cond:
                self._needs_config = True
            self.status.set(ModemState.NOT_RESPONDING, str(error))
        raise error

    def _attempt(self, data: bytes, timeout: float) -> at.AtResponse | None:
        """Write once and wait for one response; None on timeout. Time starts once written."""
        with self._cond:
            self._responses.clear()
            self._awaiting = True
        try:
            ticket = self.link.send(data)
            while not ticket.wait(0.25):
                if self._stop.is_set():
                    return None
            with self._cond:
                self._cond.wait_for(lambda: self._responses or self._stop.is_set(), timeout)
                return self._responses.popleft() if self._responses else None
        finally:
            with self._cond:
                self._awaiting = False

    def _try_configure(self) -> None:
        try:
            self._configure()
        except ModemError as exc:
            log.debug("modem %s: still not configured: %s", self.link.name, exc)  # already counted

    def _configure(self) -> None:
        """Apply ModemConfig; raise ModemError when the modem does not answer at all."""
        for _ in range(self.max_reboots + 1):
            with self._cond:
                self._needs_config = False
            self.status.set(ModemState.CONFIGURING, "applying configuration")
            try:
                rejected = self._apply_config()
            except _Rebooted:
                continue
            except ModemError as exc:
                with self._cond:
                    self._needs_config = True
                self.status.set(ModemState.NOT_RESPONDING, str(exc))
                raise
            if not self._needs_config:
                self.status.set(
                    ModemState.READY, f"configured; rejected: {rejected}" if rejected else "configured"
                )
                return
        raise ModemError("modem keeps rebooting during configuration", "reboot")

    def _apply_config(self) -> list[str]:
        rejected = []
        for line in self.config.commands():
            try:
                self._run_command(line, self.command_timeout, configuring=True)
            except ModemError as exc:
                if exc.kind != "modem_error":
                    raise
                self.status.note_error("config_rejected", str(exc))
                rejected.append(_name(line))
        return rejected

    # -- helpers -------------------------------------------------------------------------

    def _enqueue(self, cmd: _Command) -> Future:
        with self._cond:
            if self._stop.is_set():
                cmd.future.set_exception(ModemError("driver closed", "closed"))
            else:
                self._commands.append(cmd)
                self._cond.notify_all()
        return cmd.future

    def _note_bad_line(self, kind: str, message: str) -> None:
        self.status.note_error(kind, message)
        self.link.add_error()


def _name(line: bytes) -> str:
    """Short printable command name for messages: ``AT+SEND``, ``AT+ADDRESS=5``."""
    text = line.strip().decode("ascii", "replace")
    return text.split(",", 1)[0] if text.startswith("AT+SEND") else text
