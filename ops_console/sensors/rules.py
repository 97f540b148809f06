"""The evaluation rules as pure functions and one small tracker: no database, no Qt, no clock.

Everything here takes the values and times it needs as arguments, so a test (or hypothesis)
can drive it with any sequence of readings. ``watch.py`` keeps the per-sensor state and
calls these for each reading the radio stored.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property

SILENT_FACTOR = 3  # a sensor is silent after 3× its expected interval without a reading
CLOCK_TOLERANCE_S = 600.0  # a sensor's own time further than this from when it was heard
BURST_PER_MINUTE = 120  # readings from one sensor in one minute beyond this: a flood


@dataclass(frozen=True)
class Lines:
    """The three level lines (any may be missing) and the hysteresis below each."""

    advisory: float | None = None
    warning: float | None = None
    emergency: float | None = None
    hysteresis: float = 0.0

    @cached_property
    def values(self) -> tuple[float | None, float | None, float | None]:
        return (self.advisory, self.warning, self.emergency)

    @cached_property
    def lowest(self) -> float:
        """The lowest line (infinity without any): below it, from normal, nothing changes."""
        return min((v for v in self.values if v is not None), default=math.inf)


def level_after(value: float, lines: Lines, current: int) -> int:
    """The level after ``value``, from ``current``: up to the highest line reached at once;
    down one line at a time, and only when the value is below that line minus the
    hysteresis, so a noisy reading at a line does not flap between two levels."""
    up = 0
    for index, line in enumerate(lines.values, start=1):
        if line is not None and value >= line:
            up = index
    if up >= current:
        return up
    level = current
    while level > up:
        line = lines.values[level - 1]
        if line is None or value < line - lines.hysteresis:
            level -= 1
        else:
            break
    return level


def impossible(value: float, low: float | None, high: float | None) -> str:
    """Why ``value`` cannot be a real reading ('' when it can)."""
    if not math.isfinite(value):
        return "not a number" if math.isnan(value) else "infinite"
    if low is not None and value < low:
        return f"below the physical range ({low:g})"
    if high is not None and value > high:
        return f"above the physical range ({high:g})"
    return ""


def clock_offset(sensor_epoch: float, heard_epoch: float) -> float:
    """Seconds the sensor's clock is ahead (+) or behind (−) the time it was heard, when
    that is beyond CLOCK_TOLERANCE_S; else 0."""
    offset = sensor_epoch - heard_epoch
    return offset if abs(offset) > CLOCK_TOLERANCE_S else 0.0


def is_silent(last_heard_epoch: float | None, interval_s: float, now_epoch: float) -> bool:
    """No reading for longer than SILENT_FACTOR × the interval (never heard counts as silent)."""
    if interval_s <= 0:
        return False
    return last_heard_epoch is None or now_epoch - last_heard_epoch > SILENT_FACTOR * interval_s


@dataclass
class RiseTracker:
    """A rate-of-rise rule: the value up ``amount`` or more within ``window_s`` seconds.

    Keeps the readings of the last window in a deque whose values increase from the front
    (the front is the window's minimum), so each reading costs O(1) amortised, also in a
    flood. After it fires it stays quiet for one window: a steady rise is one alert per
    window, not one per reading."""

    amount: float
    window_s: float
    quiet_until: float = -math.inf
    _low: deque[tuple[float, float]] = field(default_factory=deque)

    def add(self, at: float, value: float) -> float | None:
        """The rise within the window if the rule fires on this reading, else None."""
        low = self._low
        while low and low[-1][1] >= value:
            low.pop()
        low.append((at, value))
        start = at - self.window_s
        while low[0][0] < start:
            low.popleft()
        rise = value - low[0][1]
        if rise >= self.amount and at >= self.quiet_until:
            self.quiet_until = at + self.window_s
            return rise
        return None

    def copy(self) -> RiseTracker:
        return RiseTracker(self.amount, self.window_s, self.quiet_until, deque(self._low))
