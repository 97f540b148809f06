"""Which radio sends what when a post has several: a duty-cycle budget per link, and
the choice of a READY link for each transmission.

Why a budget per link: the legal duty cycle binds each transmitter (each sub-band), so a
second modem brings airtime of its own; one shared budget would waste it, and spending a
dead modem's budget would be wrong. Why a preferred link: a team on another network id
or band only hears the modem it was heard on, so an answer (or an ack) goes back the way
the team came in, and an operator may name the link for a message. When that link is
down or its budget is spent, another READY link takes the message rather than letting
it wait (teams in range of both hear it; the delivery state shows if one did not).
Among the others, the order of the devices in the configuration decides: the first is
the post's main radio.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from ops_console.hardware.lora.airtime import DutyCycleBudget, Modulation
from ops_console.hardware.lora.at_modem import frame_airtime
from ops_console.hardware.lora.types import RawFrame

if TYPE_CHECKING:
    from ops_console.radio.airtime_log import Sent


class _Named(Protocol):
    name: str


class Transmitter(Protocol):
    """What the router needs of a modem (AtModem satisfies it): its link's name, its modulation."""

    @property
    def link(self) -> _Named: ...

    @property
    def modulation(self) -> Modulation: ...


@dataclass(frozen=True)
class Pick:
    """The router's answer: a modem and the airtime it will spend, or how long to wait."""

    modem: Transmitter | None
    airtime: float = 0.0
    wait: float = 0.0  # when there is no modem: seconds until some READY link has room (inf: never)


class LinkRouter:
    """Per-link budgets and "which link heard this address last"; thread-safe.

    ``template`` gives the budget policy (fraction and window) when a link is first used,
    so a change made before the runtime starts (the demo's generous budget) applies.
    ``lookup`` answers "last heard on which link?" from the database for an address not
    heard since this router started (e.g. after a restart); its answer is remembered.
    """

    def __init__(
        self, template: Callable[[], DutyCycleBudget], lookup: Callable[[int], str | None] | None = None
    ) -> None:
        self._template, self._lookup = template, lookup
        self._budgets: dict[str, DutyCycleBudget] = {}
        self._heard: dict[int | None, str | None] = {}
        self._lock = threading.RLock()

    # -- where nodes were heard ------------------------------------------------------

    def note_heard(self, frames: Iterable[RawFrame]) -> None:
        """Called on each link's reader thread per chunk: one dict update, no I/O."""
        self._heard.update({f.address: f.link for f in frames})

    def heard_on(self, address: int | None) -> str | None:
        """The link that last heard ``address`` (None: never heard, or a broadcast)."""
        if not address:
            return None
        if address not in self._heard:
            found = self._lookup(address) if self._lookup is not None else None
            self._heard.setdefault(address, found)
        return self._heard.get(address)

    # -- budgets ---------------------------------------------------------------------

    def budget(self, link: str) -> DutyCycleBudget:
        """The link's own budget, made from the template on first use."""
        with self._lock:
            if link not in self._budgets:
                policy = self._template()
                self._budgets[link] = DutyCycleBudget(policy.fraction, policy.window)
            return self._budgets[link]

    def record(self, link: str, airtime: float, now: float) -> None:
        with self._lock:
            self.budget(link).record(airtime, now)

    def restore(
        self, sent: Iterable[Sent], modulation_of: Callable[[str], Modulation], now: float, wall_now: datetime
    ) -> float:
        """Count transmissions of an earlier life (oldest first, UTC times) into the budgets,
        at their age before ``now`` on this router's clock; returns the seconds of airtime."""
        total = 0.0
        with self._lock:
            for item in sent:
                airtime = frame_airtime(item.size, modulation_of(item.link))
                self.budget(item.link).record(airtime, now - max(0.0, (wall_now - item.at).total_seconds()))
                total += airtime
        return total

    def usage(self, link: str, now: float) -> tuple[float, float]:
        """(seconds used in the window, seconds allowed) for the panel and the gateway log."""
        with self._lock:
            budget = self.budget(link)
            return budget.used(now), budget.budget

    # -- the choice ------------------------------------------------------------------

    def choose(
        self, ready: Sequence[Transmitter], sizes: Sequence[int], preferred: str | None, now: float
    ) -> Pick:
        """The preferred link if it is READY and has room, else the first READY link (in
        configuration order) that has room for frames of ``sizes`` bytes; else no modem
        and the shortest wait until one has."""
        ordered = sorted(ready, key=lambda m: m.link.name != preferred)  # stable: keeps the config order
        waits = []
        with self._lock:
            for modem in ordered:
                airtime = sum(frame_airtime(size, modem.modulation) for size in sizes)
                budget = self.budget(modem.link.name)
                if budget.may_send(airtime, now):
                    return Pick(modem, airtime)
                waits.append(budget.next_slot(airtime, now) - now)
        return Pick(None, wait=max(0.0, min(waits, default=math.inf)))
