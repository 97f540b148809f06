"""Replies that come after their timeout: recognised, attributed, and never blamed on another unit.

A controller that answers after the driver's timeout leaves its reply on the line; without
this bookkeeping it is read as the reply to the *next* request, to another siren, and shown
as "unit 3 answered when siren 4 was asked" — a wiring fault that does not exist, while the
slow controller goes unnamed. So every request that timed out leaves an IOU for its unit; a
whole, CRC-correct frame from a unit that owes one is that late reply (an IOU expires after
``keep_s``, so a genuinely misaddressed controller is still reported as such). A unit heard
late is remembered as slow, and its next timeout is reported as slowness, not silence.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from ops_console.hardware.sirens import rtu

log = logging.getLogger(__name__)
DRAIN_LIMIT = 4096  # bytes read off a line before a request at most (a babbling line is not read forever)


def read_leftovers(port: Any, quiet: float) -> bytes:
    """What is still on the line before a request, read until ``quiet`` seconds pass with
    nothing new (3.5 characters: a master may only speak after that much silence anyway).
    ``port`` is the client's open pyserial port (None: not open, nothing to read)."""
    if port is None:
        return b""
    stray = bytearray()
    try:
        while len(stray) < DRAIN_LIMIT and (waiting := port.in_waiting):
            stray += port.read(min(waiting, DRAIN_LIMIT - len(stray)))
            time.sleep(quiet)  # the line's own timing: is the frame over?
    except (OSError, ValueError, TypeError) as exc:  # the request will meet the dead port
        log.debug("could not drain the siren line: %s", exc)
    return bytes(stray)


class LateReplies:
    """IOUs of replies not yet heard, and how often each unit was heard late. Not thread-safe:
    the bus uses it under its own lock."""

    def __init__(
        self,
        timeout: float = 0.25,
        counters: Counter[str] | None = None,
        *,
        keep_s: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout, self.keep_s, self.clock = timeout, keep_s, clock
        self.counters: Counter[str] = counters if counters is not None else Counter()  # the bus's
        self.slow: Counter[int] = Counter()  # unit -> late replies heard from it
        self._owed: dict[int, list[float]] = {}

    def drain(self, port: Any, quiet: float, where: str) -> None:
        """Before a request: read what is still on the line and say whose it is: a slow
        controller's late reply, or bytes nobody asked for (counted ``stray_bytes``).
        pymodbus would otherwise drop them unseen, or read them as the next reply."""
        _, rest = self.claim(read_leftovers(port, quiet))
        if rest:
            self.counters["stray_bytes"] += len(rest)
            log.warning(
                "siren bus %s: %d bytes nobody asked for were on the line and were dropped: %s",
                where,
                len(rest),
                rest[:16].hex(" "),
            )

    def owe(self, unit: int) -> None:
        """A request to ``unit`` got no reply in time: its reply may still come."""
        self._owed.setdefault(unit, []).append(self.clock())

    def claim(self, data: bytes) -> tuple[list[int], bytes]:
        """Take the late replies off the front of ``data`` (counted and logged, naming the slow
        unit): (units they came from, the rest)."""
        units: list[int] = []
        while data:
            size = rtu.frame_length(data)
            if not size or not self._settle(data[0]):
                break
            unit = data[0]
            units.append(unit)
            self.slow[unit] += 1
            self.counters["late_reply"] += 1
            log.warning(
                "siren %s answered after the %.0f ms timeout (late replies so far: %d): a slow "
                "controller, not a wiring fault",
                unit,
                self.timeout * 1000,
                self.slow[unit],
            )
            data = data[size:]
        return units, data

    def _settle(self, unit: int) -> bool:
        """Strike one unexpired IOU of ``unit``; False when it owes nothing."""
        cutoff = self.clock() - self.keep_s
        owed = [t for t in self._owed.get(unit, []) if t >= cutoff]
        if not owed:
            self._owed.pop(unit, None)
            return False
        self._owed[unit] = owed[1:]
        return True
