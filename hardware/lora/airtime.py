"""LoRa time on air (Semtech AN1200.13 / SX1276 datasheet 4.1.1.7) and a duty-cycle budget.

Both are pure: the budget takes clock values, so the outbox can ask "may this frame go
now, and if not, when?" without a timer, and tests need no waiting. In the EU 868 MHz
sub-bands the legal limit is typically 1 % per hour; that is the default.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Modulation:
    """Radio settings that decide airtime. ``coding_rate`` 1..4 means 4/5..4/8."""

    spreading_factor: int = 12
    bandwidth_hz: int = 125_000
    coding_rate: int = 1
    preamble: int = 4
    explicit_header: bool = True
    crc: bool = True
    low_data_rate: bool | None = None

    @property
    def symbol_time(self) -> float:
        """Seconds per LoRa symbol: 2^SF / BW."""
        return (2**self.spreading_factor) / self.bandwidth_hz


def low_data_rate_needed(mod: Modulation) -> bool:
    """Semtech: optimise for low data rate when a symbol lasts 16 ms or more (SF11/12 at 125 kHz)."""
    if mod.low_data_rate is not None:
        return mod.low_data_rate
    return mod.symbol_time >= 0.016


def time_on_air(payload_bytes: int, mod: Modulation = Modulation()) -> float:
    """Seconds a LoRa packet with ``payload_bytes`` of payload occupies the channel."""
    if payload_bytes < 0:
        raise ValueError("payload length cannot be negative")
    sf, t_sym = mod.spreading_factor, mod.symbol_time
    de = 1 if low_data_rate_needed(mod) else 0
    ih = 0 if mod.explicit_header else 1
    crc = 1 if mod.crc else 0
    numerator = 8 * payload_bytes - 4 * sf + 28 + 16 * crc - 20 * ih
    n_payload = 8 + max(math.ceil(numerator / (4 * (sf - 2 * de))) * (mod.coding_rate + 4), 0)
    t_preamble = (mod.preamble + 4.25) * t_sym
    return t_preamble + n_payload * t_sym


class DutyCycleBudget:
    """Rolling-window transmit budget: at most ``fraction`` of ``window`` seconds on air.

    Callers ``record`` each transmission when it starts; ``may_send`` and ``next_slot``
    answer from those records and the clock value given.
    """

    def __init__(self, fraction: float = 0.01, window: float = 3600.0) -> None:
        if not 0 < fraction <= 1 or window <= 0:
            raise ValueError("fraction must be in (0, 1] and window positive")
        self.fraction = fraction
        self.window = window
        self._sent: deque[tuple[float, float]] = deque()
        self._used = 0.0

    @property
    def budget(self) -> float:
        """Seconds on air allowed per window."""
        return self.fraction * self.window

    def used(self, now: float) -> float:
        """Seconds on air within the window ending at ``now``."""
        self._expire(now)
        return self._used

    def may_send(self, airtime: float, now: float) -> bool:
        """True when a frame of ``airtime`` seconds fits in the budget at ``now``."""
        return self.used(now) + airtime <= self.budget + 1e-9

    def next_slot(self, airtime: float, now: float) -> float:
        """Earliest clock value >= now at which ``airtime`` fits; ``math.inf`` if it never can."""
        if airtime > self.budget + 1e-9:
            return math.inf
        used = self.used(now)
        if used + airtime <= self.budget + 1e-9:
            return now
        for start, length in self._sent:
            used -= length
            if used + airtime <= self.budget + 1e-9:
                return start + self.window
        return now  # unreachable: an empty window always fits

    def record(self, airtime: float, now: float) -> None:
        """Note a transmission of ``airtime`` seconds starting at ``now``."""
        self._expire(now)
        self._sent.append((now, airtime))
        self._used += airtime

    def _expire(self, now: float) -> None:
        while self._sent and self._sent[0][0] + self.window <= now:  # same sum as next_slot
            self._used -= self._sent.popleft()[1]
        if not self._sent:
            self._used = 0.0
