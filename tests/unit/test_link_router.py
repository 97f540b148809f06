"""The LinkRouter's choice on its own: preferred link, fallback, configuration order, a
budget per link, and "last heard on" from frames or (once) from the database lookup."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ops_console.hardware.lora.airtime import DutyCycleBudget, Modulation
from ops_console.hardware.lora.at_modem import frame_airtime
from ops_console.hardware.lora.types import RawFrame
from ops_console.radio.routing import LinkRouter


@dataclass
class Link:
    name: str


@dataclass
class Radio:
    """Stands in for an AtModem: the router only reads the link's name and the modulation."""

    name: str
    modulation: Modulation = field(default_factory=Modulation)

    @property
    def link(self) -> Link:
        return Link(self.name)


A, B, C = Radio("a"), Radio("b"), Radio("c")
ONE = frame_airtime(40, Modulation())  # with the 8 bytes the REYAX firmware adds


def router(room_for: float = 10, lookup=None) -> LinkRouter:
    """Budgets with room for ``room_for`` 40-byte frames per link."""
    return LinkRouter(lambda: DutyCycleBudget(room_for * ONE / 3600 + 1e-9, 3600.0), lookup)


def test_the_preferred_link_wins_else_the_configuration_order() -> None:
    r = router()
    assert r.choose([A, B, C], [40], None, 0.0).modem is A
    assert r.choose([A, B, C], [40], "b", 0.0).modem is B
    assert r.choose([A, C], [40], "b", 0.0).modem is A  # b is not READY: the first that is
    assert r.choose([A, B], [40], "nonexistent", 0.0).modem is A


def test_a_spent_link_hands_over_and_budgets_stay_per_link() -> None:
    r = router(room_for=1.5)
    first = r.choose([A, B], [40], "a", 0.0)
    assert first.modem is A and math.isclose(first.airtime, ONE)
    r.record("a", first.airtime, 0.0)
    assert r.choose([A, B], [40], "a", 1.0).modem is B
    r.record("b", ONE, 1.0)
    assert r.usage("a", 2.0)[0] == ONE and r.usage("b", 2.0)[0] == ONE
    spent = r.choose([A, B], [40], "a", 2.0)
    assert spent.modem is None and math.isclose(spent.wait, 3600.0 - 2.0)  # a's slot opens first


def test_a_message_too_long_for_any_budget_waits_for_ever() -> None:
    r = router(room_for=1)
    pick = r.choose([A, B], [40, 40], None, 0.0)
    assert pick.modem is None and math.isinf(pick.wait)


def test_airtime_is_reckoned_with_each_links_own_modulation() -> None:
    slow, fast = Radio("slow", Modulation(spreading_factor=12)), Radio("fast", Modulation(spreading_factor=7))
    r = router(room_for=1.2)  # room for one SF12 frame: the SF7 link has room for many
    r.record("slow", ONE, 0.0)
    pick = r.choose([slow, fast], [40], "slow", 1.0)
    assert pick.modem is fast and pick.airtime < ONE / 10


def test_the_budget_policy_is_read_when_a_link_is_first_used() -> None:
    policy = DutyCycleBudget(0.01)
    r = LinkRouter(lambda: policy)
    policy = DutyCycleBudget(0.5)  # e.g. the demo's generous budget, set before the runtime starts
    assert r.usage("a", 0.0) == (0.0, 1800.0)


def test_heard_on_remembers_frames_and_asks_the_database_once() -> None:
    asked: list[int] = []
    r = router(lookup=lambda addr: asked.append(addr) or ("b" if addr == 12 else None))
    now = datetime.now(UTC)
    r.note_heard([RawFrame(b"x", now, "a", 11, b"", -60, 5), RawFrame(b"noise", now, "a", error="noise")])
    assert r.heard_on(11) == "a" and asked == []
    assert r.heard_on(12) == "b" and r.heard_on(12) == "b" and asked == [12]
    assert r.heard_on(13) is None and r.heard_on(13) is None and asked == [12, 13]
    r.note_heard([RawFrame(b"y", now, "c", 13, b"", -60, 5)])
    assert r.heard_on(13) == "c"
    assert r.heard_on(0) is None and r.heard_on(None) is None  # broadcasts have no link
