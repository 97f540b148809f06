"""The outbox worker: one thread that transmits what the outbox holds, when it may.

It sends only while a modem is READY and the duty-cycle budget has room; field acks for
messages we received go first (they are short and stop the team repeating itself),
then the outbox in precedence order. When the budget is spent it records when the
next slot opens (``next_slot_in``) so the panel can say so, and sleeps until then.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout

from ops_console.db.types import utc_now
from ops_console.hardware.lora.airtime import time_on_air
from ops_console.hardware.lora.at_modem import AtModem
from ops_console.hardware.lora.types import ModemError, ModemState
from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio.outbox import Outbox

log = logging.getLogger(__name__)
IDLE_POLL = 1.0  # seconds: other workstations may queue messages too (shared PostgreSQL)


class OutboxWorker:
    """Drains acks and the outbox through the first READY modem ``modems()`` returns."""

    def __init__(self, outbox: Outbox, modems: Callable[[], list[AtModem]], *,
                 clock: Callable[[], float] = time.monotonic, send_timeout: float = 30.0) -> None:
        self.outbox, self.modems, self.clock = outbox, modems, clock
        self.send_timeout = send_timeout
        self.next_slot_in: float | None = None  # seconds until the budget allows the next message
        self.waiting_for = ""  # why nothing goes out right now ("", "link", "budget")
        self._acks: deque[tuple[int, bytes]] = deque(maxlen=256)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="radio-outbox", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(5.0)

    def wake(self) -> None:
        """Something changed (new message, link READY, ack): look again now."""
        self._wake.set()

    def queue_ack(self, address: int, team: str, number: int) -> None:
        """Acknowledge a received message to the team (called from the ingest thread)."""
        for frame in fp.encode_ack(self.outbox.console_call, team, number):
            self._acks.append((address, frame))
        self._wake.set()

    # -- the thread ------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                delay = self._step()
            except Exception:  # noqa: BLE001 - the database may be away; try again shortly
                log.exception("radio outbox: step failed")
                delay = 2.0
            self._wake.wait(delay)
            self._wake.clear()

    def _step(self) -> float:
        """Do one thing; return how long to sleep when nothing more can be done now."""
        modem = next((m for m in self.modems() if m.state is ModemState.READY), None)
        if modem is None:
            self.waiting_for = "link"
            return IDLE_POLL
        if self._acks:
            address, frame = self._acks[0]
            if self._fits(time_on_air(len(frame), modem.modulation)):
                self._acks.popleft()
                self._transmit(modem, [(address, frame)])
                return 0.0
            return self._budget_wait(time_on_air(len(frame), modem.modulation))
        msg = self.outbox.next_due(utc_now())
        if msg is None:
            self.waiting_for, self.next_slot_in = "", None
            wakeup = self.outbox.next_wakeup()
            return IDLE_POLL if wakeup is None else max(0.05, min(IDLE_POLL, (wakeup - utc_now()).total_seconds()))
        if msg.status == "sent" and msg.attempts >= self.outbox.max_attempts:
            self.outbox.mark_attempt_failed(msg, f"no acknowledgement after {msg.attempts} attempts", count=False)
            return 0.0
        frames = self.outbox.frames_for(msg)
        airtime = sum(time_on_air(len(f), modem.modulation) for f in frames)
        if not self._fits(airtime):
            return self._budget_wait(airtime)
        address = msg.node_addr or 0
        error = self._transmit(modem, [(address, f) for f in frames])
        if error:
            self.outbox.mark_attempt_failed(msg, error)
        else:
            self.outbox.mark_sent(msg, modem.link.name)
        return 0.0

    def _fits(self, airtime: float) -> bool:
        return self.outbox.budget.may_send(airtime, self.clock())

    def _budget_wait(self, airtime: float) -> float:
        now = self.clock()
        slot = self.outbox.budget.next_slot(airtime, now)
        self.waiting_for = "budget"
        self.next_slot_in = math.inf if math.isinf(slot) else max(0.0, slot - now)
        return min(IDLE_POLL * 5, max(0.05, self.next_slot_in))

    def _transmit(self, modem: AtModem, frames: list[tuple[int, bytes]]) -> str:
        """Send frames in order; '' when all went, else the reason (the rest are not sent)."""
        self.waiting_for = ""
        for address, frame in frames:
            self.outbox.budget.record(time_on_air(len(frame), modem.modulation), self.clock())
            try:
                modem.send(address, frame).result(self.send_timeout)
            except ModemError as exc:
                return str(exc)
            except FutureTimeout:
                return f"no answer from the modem within {self.send_timeout:.0f} s"
        return ""
