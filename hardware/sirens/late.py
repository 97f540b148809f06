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

import time
from collections import Counter
from collections.abc import Callable

from ops_console.hardware.sirens import rtu


class LateReplies:
    """IOUs of replies not yet heard, and how often each unit was heard late. Not thread-safe:
    the bus uses it under its own lock."""

    def __init__(self, keep_s: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.keep_s, self.clock = keep_s, clock
        self.slow: Counter[int] = Counter()  # unit -> late replies heard from it
        self._owed: dict[int, list[float]] = {}

    def owe(self, unit: int) -> None:
        """A request to ``unit`` got no reply in time: its reply may still come."""
        self._owed.setdefault(unit, []).append(self.clock())

    def claim(self, data: bytes) -> tuple[list[int], bytes]:
        """Take the late replies off the front of ``data``: (units they came from, the rest)."""
        units: list[int] = []
        while data:
            size = rtu.frame_length(data)
            if not size or not self._settle(data[0]):
                break
            units.append(data[0])
            self.slow[data[0]] += 1
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
