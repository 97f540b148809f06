"""Pure clock-driven helpers: Reassembler, time on air, duty-cycle budget."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.lora.airtime import DutyCycleBudget, Modulation, time_on_air
from ops_console.hardware.lora.reassembly import Incomplete, Reassembler
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols.field_payload import Precedence


def fragments(text: str, number: int = 5, sender: str = "RESCUE1") -> list[fp.TextFragment]:
    frames = fp.encode_text(sender, "OPS", number, Precedence.WELFARE, text, limit=80)
    return [fp.decode(f) for f in frames]


def test_reassembles_out_of_order_and_ignores_duplicates() -> None:
    parts = fragments("x" * 200)
    r = Reassembler()
    assert len(parts) > 2
    order = [parts[-1], parts[0], parts[0]] + parts[1:-1]
    results = [r.add(p, now=1.0) for p in order]
    assert results[:-1] == [None] * (len(order) - 1)
    assert results[-1] == fp.TextMessage("RESCUE1", "OPS", 5, Precedence.WELFARE, "x" * 200)
    assert r.duplicates == 1
    assert r.add(parts[0], now=2.0) is None  # late repeat of a finished message
    assert r.duplicates == 2 and len(r) == 0


def test_evicts_incomplete_messages_after_timeout() -> None:
    parts = fragments("y" * 200)
    r = Reassembler(timeout=60.0)
    r.add(parts[0], now=0.0)
    assert r.evict(now=59.0) == []
    assert r.evict(now=60.0) == [Incomplete("RESCUE1", 5, len(parts), tuple(range(2, len(parts) + 1)))]
    assert len(r) == 0


def test_conflicting_total_is_counted_and_dropped() -> None:
    r = Reassembler()
    first = fragments("z" * 200)[0]
    other = fragments("z")[0]
    assert r.add(first, 0.0) is None
    assert r.add(other, 0.0) is None
    assert r.conflicts == 1


@given(st.text(max_size=600), st.randoms(use_true_random=False), st.integers(0, 3))
def test_fuzz_shuffled_fragments_with_repeats_reassemble(text: str, rnd: random.Random, repeats: int) -> None:
    parts = fragments(text)
    stream = parts + [rnd.choice(parts) for _ in range(repeats)]
    rnd.shuffle(stream)
    r = Reassembler()
    done = [m for m in (r.add(p, 0.0) for p in stream) if m is not None]
    assert [m.text for m in done] == [text]
    assert len(r) == 0


@pytest.mark.parametrize(
    ("payload", "mod", "ms"),
    [
        (10, Modulation(7, 125_000, 1, 8), 41.216),
        (10, Modulation(12, 125_000, 1, 8), 991.232),  # low data rate optimise switched on
        (0, Modulation(7, 125_000, 1, 8), 25.856),
        (51, Modulation(9, 125_000, 1, 8), 328.704),
    ],
)
def test_time_on_air_matches_semtech_calculator(payload: int, mod: Modulation, ms: float) -> None:
    assert time_on_air(payload, mod) * 1000 == pytest.approx(ms, abs=1e-3)


def test_duty_cycle_budget_rolls() -> None:
    b = DutyCycleBudget(fraction=0.01, window=3600.0)  # 36 s per hour
    assert b.may_send(20.0, now=0.0)
    b.record(20.0, now=0.0)
    b.record(10.0, now=100.0)
    assert b.used(100.0) == pytest.approx(30.0)
    assert not b.may_send(10.0, now=200.0)
    assert b.next_slot(10.0, now=200.0) == 3600.0  # when the first 20 s drop out
    assert b.next_slot(5.0, now=200.0) == 200.0
    assert b.may_send(10.0, now=3600.0)
    assert b.next_slot(37.0, now=0.0) == math.inf


@given(st.lists(st.tuples(st.floats(0, 5), st.floats(0, 100)), max_size=30), st.floats(0.1, 5))
def test_fuzz_next_slot_is_really_free(events, airtime) -> None:
    b = DutyCycleBudget(fraction=0.01, window=600.0)  # 6 s per 10 minutes
    now = 0.0
    for length, gap in events:
        now += gap
        if b.may_send(length, now):
            b.record(length, now)
    slot = b.next_slot(airtime, now)
    assert slot >= now
    assert b.may_send(airtime, slot)
