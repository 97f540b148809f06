"""SirenRuntime: one thread per siren bus that sends commands, polls and raises alarms.

Each thread owns its ``SirenBus`` (the driver is thread-safe, but one owner keeps the line's
order obvious). A loop turn: send every requested command of this bus (cancels first),
poll every controller when due (10 s by default, 1 s while any sounds), and run scheduled
tests that are due. It waits on an event, never sleeps blind: ``wake()`` (called by the
service after a request) cuts the wait short; requests from other consoles are seen within
``pickup_s``. Database work is done through ``SirenRecords``; nothing here touches Qt.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

from ops_console.errors import DatabaseUnavailable
from ops_console.hardware.protocols.siren_profile import Command, next_seq
from ops_console.hardware.sirens import CommandOutcome, Confirmation, SirenBus, SirenFault
from ops_console.notices import say
from ops_console.said import N_, said
from ops_console.sirens.records import Claimed, SirenRecords
from ops_console.sirens.service import SOUND_COMMANDS, SirenService
from ops_console.sirens.views import CONFIRMED, TIMEOUT

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 600.0
COMMANDS = {"cancel": Command.CANCEL, "silent_test": Command.SILENT_TEST, "growl_test": Command.GROWL_TEST}


class SirenRuntime:
    """Starts and stops the siren buses of one post.

    ``ports`` maps a bus name (``Siren.bus_name``) to a serial port or pyserial URL.
    """

    def __init__(
        self,
        service: SirenService,
        ports: Mapping[str, str],
        *,
        poll_interval_s: float = 10.0,
        sounding_interval_s: float = 1.0,
        confirm_timeout_s: float = 5.0,
        max_attempts: int = 2,
        pickup_s: float = 0.25,
        bus_options: Mapping[str, object] | None = None,
        bus_factory: Callable[..., SirenBus] = SirenBus,
    ) -> None:
        self.service = service
        self.records = SirenRecords(service.db, service.bus, service.patterns)
        self.poll_interval_s, self.sounding_interval_s = poll_interval_s, sounding_interval_s
        self.confirm_timeout_s, self.max_attempts, self.pickup_s = (
            confirm_timeout_s,
            max(1, max_attempts),
            pickup_s,
        )
        options = dict(bus_options or {})
        self.buses = {name: bus_factory(port, name=name, **options) for name, port in ports.items()}
        self.polls = 0  # completed poll rounds, over all buses (tests wait on it)
        self._wake = service.waker  # the service sets it after every request: send at once
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._tests_lock = threading.Lock()
        self._next_prune = 0.0

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for name in self.buses:
            self.records.abandon_in_flight(name)
        for name, bus in self.buses.items():
            t = threading.Thread(target=self._run, args=(name, bus), name=f"sirens-{name}", daemon=True)
            t.start()
            self._threads.append(t)
        log.info("siren runtime started on %s", ", ".join(f"{n}={b.port}" for n, b in self.buses.items()))

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._threads:
            t.join(10.0)
        self._threads.clear()
        for bus in self.buses.values():
            bus.close()
        log.info("siren runtime stopped")

    @property
    def running(self) -> bool:
        return bool(self._threads) and not self._stop.is_set()

    def wake(self) -> None:
        """Look for new requests now (the service calls this after recording one)."""
        self._wake.set()

    def poll_now(self) -> None:
        """Poll every bus at the next turn instead of waiting for the interval."""
        self._poll_asap = True
        self._wake.set()

    _poll_asap = False

    # -- the loop ---------------------------------------------------------------------------

    def _run(self, name: str, bus: SirenBus) -> None:
        next_poll = 0.0
        while not self._stop.is_set():
            try:
                self._send_pending(name, bus)
                if time.monotonic() >= next_poll or self._poll_asap:
                    self._poll_asap = False
                    sounding = self._poll(name, bus)
                    next_poll = time.monotonic() + (
                        self.sounding_interval_s if sounding else self.poll_interval_s
                    )
                if self._tests_lock.acquire(blocking=False):  # one bus thread does the post-wide chores
                    try:
                        self.records.run_due_tests(exercise=self.service.shift.exercise)
                        if time.monotonic() >= self._next_prune:
                            self._next_prune = time.monotonic() + PRUNE_EVERY_S
                            self.service.prune_history()
                    finally:
                        self._tests_lock.release()
            except DatabaseUnavailable as exc:
                log.error("sirens: database unavailable, retrying: %s", exc)
            except Exception as exc:  # a bug must not stop the sirens' cancel path for good
                log.exception("siren runtime turn failed on bus %s", name)
                say(
                    self.service.bus,
                    "problem",
                    said(
                        N_("Siren bus {bus}: polling failed and is retried ({why})"), bus=name, why=str(exc)
                    ),
                    source="sirens",
                )
            self._wake.wait(max(0.0, min(self.pickup_s, next_poll - time.monotonic())))
            self._wake.clear()

    def _poll(self, name: str, bus: SirenBus) -> bool:
        sirens = self.records.sirens_on(name)
        if not sirens:
            return False
        ids = {unit: sid for sid, unit in sirens}
        results = bus.poll_all(ids)
        sounding = self.records.record_poll(results, ids)
        self.polls += 1
        return sounding

    def _send_pending(self, name: str, bus: SirenBus) -> None:
        for c in self.records.claim(name):
            if self._stop.is_set() and c.command != "cancel":
                break
            if c.command in SOUND_COMMANDS and self.service.shift.exercise:
                self.records.refuse_in_exercise(c)
                continue
            self._send(bus, c)

    def _send(self, bus: SirenBus, c: Claimed) -> None:
        """Send one command; retry within ``max_attempts`` and ``confirm_timeout_s``."""
        deadline = time.monotonic() + self.confirm_timeout_s
        outcome: CommandOutcome | None = None
        attempts = 0
        while True:
            attempts += 1
            seq = next_seq(self._last_seq(bus, c))
            if c.command == "activate":
                outcome = bus.arm_and_activate(c.unit, c.pattern_id, c.duration_s, seq=seq)
            else:
                outcome = bus.issue_command(
                    c.unit,
                    COMMANDS[c.command],
                    c.pattern_id if c.command != "cancel" else 0,
                    c.duration_s if c.command != "cancel" else 0,
                    seq=seq,
                )
            if outcome.result in (Confirmation.CONFIRMED, Confirmation.REFUSED):
                break
            if attempts >= self.max_attempts or time.monotonic() >= deadline:
                break
            log.warning(
                "siren %s: %s not confirmed (%s), trying again",
                c.siren_name,
                c.command,
                outcome.english,
            )
        state = None
        if outcome.result is not Confirmation.CONFIRMED and time.monotonic() >= deadline:
            state = TIMEOUT if outcome.result is Confirmation.NOT_ACCEPTED else None
        final = self.records.finish(c, outcome, attempts, state=state)
        if final == CONFIRMED:
            self.poll_now()

    @staticmethod
    def _last_seq(bus: SirenBus, c: Claimed) -> int:
        """The controller's own last accepted sequence number; the stored one if it cannot be read."""
        try:
            return bus.read_status(c.unit).last_seq
        except SirenFault:
            return c.last_seq
