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
import time
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
from ops_console.hardware.transport.link_state import LinkState, link_words
from ops_console.hardware.transport.serial_link import SerialLink
from ops_console.said import N_, said

log = logging.getLogger(__name__)

RETRYABLE_ERRORS = at.BUSY_ERRORS
"""+ERR codes worth another try (radio busy or TX timing); the rest are our own mistakes."""
MIN_BUSY_WAIT = 0.05
"""Shortest pause before retrying a busy answer (seconds), when no transmission is known."""


def frame_airtime(payload_bytes: int, modulation: Modulation) -> float:
    """Seconds one AT+SEND of ``payload_bytes`` occupies the channel: the REYAX firmware
    sends ``at.ON_AIR_OVERHEAD`` bytes more than the data, so budgets count them too."""
    return time_on_air(payload_bytes + at.ON_AIR_OVERHEAD, modulation)


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
        busy_retries: int = 4,
        probe_interval: float = 2.0,
        max_line: int = at.DEFAULT_MAX_LINE,
    ) -> None:
        self.link, self.config = link, config or ModemConfig()
        self.on_frame, self.on_frames = on_frame, on_frames
        self.command_timeout, self.retries, self.max_reboots = command_timeout, retries, max_reboots
        self.probe_interval, self.busy_retries = probe_interval, busy_retries
        self._tx_end = 0.0  # monotonic time the last frame sent should have left the antenna
        self._key_refused = ""  # why AT+CPIN was refused, a stored sentence ('' when it was not)
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
            why = said(N_("send refused: {why}"), why=exc.stored)
            self.status.note_error("rejected", why)
            future.set_exception(ModemError(why, "rejected"))
            return future
        airtime = frame_airtime(len(data), self.modulation)
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
            cmd.future.set_exception(
                ModemError(said(N_("driver closed before the command was sent")), "closed")
            )
        self.link.close()
        self.status.set(ModemState.CLOSED, said(N_("closed")))

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
            self.status.note_error(
                "reboot", said(N_("+READY: the modem rebooted; configuration will be re-applied"))
            )
            return
        what = (
            said(N_("unsolicited +ERR={code} ({words})"), code=resp.code, words=at.error_said(resp.code))
            if isinstance(resp, at.Error)
            else said(N_("unsolicited response"))
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
            self.status.set(
                ModemState.LINK_DOWN,
                said(N_("link {state}: {detail}"), state=link_words(state), detail=detail),
            )

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
        if cmd.length and self._key_refused:
            error = ModemError(
                said(N_("not sent, it would go out unencrypted: {why}"), why=self._key_refused), "key_refused"
            )
            self.status.count("send_failures")
            cmd.future.set_exception(error)
            return
        try:
            resp, attempts = self._run_command(cmd.data, cmd.timeout, airtime=cmd.airtime)
        except ModemError as exc:
            self.status.note_error(exc.kind, exc.stored)
            self.status.count("send_failures" if cmd.length else "command_failures")
            cmd.future.set_exception(exc)
            return
        if cmd.length:
            self._tx_end = time.monotonic() + cmd.airtime  # +OK comes as the transmission starts
            self.status.count("sent")
            cmd.future.set_result(SendResult(cmd.address, cmd.length, attempts, cmd.airtime))
        else:
            cmd.future.set_result(resp)

    def _run_command(
        self, data: bytes, timeout: float, configuring: bool = False, airtime: float = 0.0
    ) -> tuple[at.AtResponse, int]:
        """Run one command to a final answer; returns (response, attempts) or raises ModemError.

        A busy answer (+ERR=17 "last TX was not completed", and 10/15 from older firmware)
        is retried after the previous frame's remaining airtime, at most ``busy_retries``
        times: the modem answers +OK as a transmission starts, so the next AT+SEND of a
        multi-frame message arrives while it is still on the air."""
        name, attempts, reboots, busy, silent = _name(data), 0, 0, 0, 0
        while True:
            if self._stop.is_set():
                raise ModemError(said(N_("{command} not completed: driver closed"), command=name), "closed")
            if self._needs_config and not configuring:
                self._configure()
            resp = self._attempt(data, timeout)
            if isinstance(resp, at.Ready):
                reboots += 1
                self.status.note_error(
                    "reboot", said(N_("+READY during {command}: the modem rebooted"), command=name)
                )
                if reboots > self.max_reboots:
                    raise ModemError(
                        said(N_("{command}: modem rebooted {times} times"), command=name, times=reboots),
                        "reboot",
                    )
                if configuring:
                    raise _Rebooted()
                continue
            attempts += 1
            if resp is None:
                self.status.note_error(
                    "timeout",
                    said(
                        N_("no answer to {command} within {seconds} s (attempt {attempt})"),
                        command=name,
                        seconds=f"{timeout:.1f}",
                        attempt=attempts,
                    ),
                )
                silent += 1
                if silent > self.retries:
                    return self._no_answer(name, attempts, configuring)
                continue
            if isinstance(resp, at.Error):
                if resp.code in RETRYABLE_ERRORS and busy < self.busy_retries:
                    busy += 1  # bounded apart from timeouts: a busy modem is alive
                    wait = self._busy_wait(airtime)
                    self.status.note_error(
                        "modem_busy",
                        said(
                            N_("{command}: +ERR={code} {words}; retrying in {seconds} s ({busy}/{most})"),
                            command=name,
                            code=resp.code,
                            words=at.error_said(resp.code),
                            seconds=f"{wait:.2f}",
                            busy=busy,
                            most=self.busy_retries,
                        ),
                    )
                    if self._stop.wait(wait):
                        raise ModemError(
                            said(N_("{command} not completed: driver closed"), command=name), "closed"
                        )
                    continue
                raise ModemError(
                    said(
                        N_("{command} failed: +ERR={code} {words}"),
                        command=name,
                        code=resp.code,
                        words=at.error_said(resp.code),
                    ),
                    "modem_error",
                    resp.code,
                )
            if self.status.state is not ModemState.READY and not configuring and not self._key_refused:
                self.status.set(ModemState.READY, said(N_("answering again")))
            return resp, attempts

    def _busy_wait(self, airtime: float) -> float:
        """How long a busy modem still needs: what is left of the last frame's airtime; when
        none is known to be on the air, about this frame's own (or a short pause)."""
        left = self._tx_end - time.monotonic()
        if left > 0:
            return left + MIN_BUSY_WAIT
        return max(MIN_BUSY_WAIT, airtime)

    def _no_answer(self, name: str, attempts: int, configuring: bool) -> tuple[at.AtResponse, int]:
        error = ModemError(
            said(
                N_("modem did not answer {command} after {attempts} attempts"),
                command=name,
                attempts=attempts,
            ),
            "timeout",
        )
        if not configuring:
            with self._cond:
                self._needs_config = True
            self.status.set(ModemState.NOT_RESPONDING, error.stored)
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
            log.debug("modem %s: still not configured: %s", self.link.name, exc.english)  # already counted

    def _configure(self) -> None:
        """Apply ModemConfig; raise ModemError when the modem does not answer at all."""
        for _ in range(self.max_reboots + 1):
            with self._cond:
                self._needs_config = False
            self.status.set(ModemState.CONFIGURING, said(N_("applying configuration")))
            try:
                rejected = self._apply_config()
            except _Rebooted:
                continue
            except ModemError as exc:
                with self._cond:
                    self._needs_config = True
                self.status.set(ModemState.NOT_RESPONDING, exc.stored)
                raise
            if not self._needs_config:
                self._settle(rejected)
                return
        raise ModemError(said(N_("modem keeps rebooting during configuration")), "reboot")

    def _settle(self, rejected: list[tuple[str, int]]) -> None:
        """After configuring: READY, unless the network key was refused. Then the modem would
        transmit in clear what the post means to encrypt, so it is not used to send (state
        KEY_REFUSED, said loudly) until a reboot or reconnect configures it again."""
        key = next((code for name, code in rejected if name.startswith("AT+CPIN")), None)
        self._key_refused = (
            said(
                N_(
                    "the modem refused the network key (+ERR={code} {words}); check that model = "
                    '"{model}" is right and the key has {digits} hex digits'
                ),
                code=key,
                words=at.error_said(key),
                model=self.config.model,
                digits=at.CPIN_DIGITS[self.config.model],
            )
            if key is not None
            else ""
        )
        if self._key_refused:
            self.status.note_error("key_refused", self._key_refused)
            self.status.set(ModemState.KEY_REFUSED, said(N_("not sending: {why}"), why=self._key_refused))
        else:
            names = str([name for name, _ in rejected])
            self.status.set(
                ModemState.READY,
                said(N_("configured; rejected: {commands}"), commands=names)
                if rejected
                else said(N_("configured")),
            )

    def _apply_config(self) -> list[tuple[str, int]]:
        """Send the configuration; returns (command name, +ERR code) for each one refused."""
        rejected = []
        for line in self.config.commands():
            try:
                self._run_command(line, self.command_timeout, configuring=True)
            except ModemError as exc:
                if exc.kind != "modem_error":
                    raise
                self.status.note_error("config_rejected", exc.stored)
                rejected.append((_name(line), exc.code or 0))
        return rejected

    # -- helpers -------------------------------------------------------------------------

    def _enqueue(self, cmd: _Command) -> Future:
        with self._cond:
            if self._stop.is_set():
                cmd.future.set_exception(ModemError(said(N_("driver closed")), "closed"))
            else:
                self._commands.append(cmd)
                self._cond.notify_all()
        return cmd.future

    def _note_bad_line(self, kind: str, message: str) -> None:
        self.status.note_error(kind, message)
        self.link.add_error()


def _name(line: bytes) -> str:
    """Short printable command name for messages: ``AT+SEND``, ``AT+ADDRESS=5``; an
    AT+CPIN key never appears (``at.redact``)."""
    text = at.redact(line)
    return text.split(",", 1)[0] if text.startswith("AT+SEND") else text
