"""The evaluation rules on their own: levels with hysteresis, rate of rise, silence, clocks,
impossible values — and hypothesis throwing any sequence of readings at them."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from ops_console.sensors import rules
from ops_console.sensors.rules import Lines, RiseTracker, level_after

LINES = Lines(2.5, 3.0, 3.5, hysteresis=0.1)


def walk(values: list[float], lines: Lines = LINES) -> list[int]:
    level, out = 0, []
    for v in values:
        level = level_after(v, lines, level)
        out.append(level)
    return out


def test_levels_cross_up_at_once_and_down_one_line_at_a_time() -> None:
    assert walk([2.0, 2.5, 3.2, 3.6, 3.45, 3.39, 2.0, 1.0]) == [0, 1, 2, 3, 3, 2, 0, 0]
    assert walk([4.0]) == [3]  # straight past every line: emergency at once


def test_a_noisy_reading_at_the_line_does_not_flap() -> None:
    noisy = [2.96, 3.01, 2.97, 3.03, 2.95, 3.0, 2.99, 2.92]  # ±0.05 around the warning line
    levels = walk(noisy)
    changes = sum(1 for a, b in zip([0, *levels], levels) if a != b)
    assert levels[-1] == 2 and changes == 2  # up to advisory, up to warning, never back


def test_a_missing_line_is_skipped() -> None:
    assert walk([3.6, 1.0], Lines(None, 3.0, 3.5, 0.1)) == [3, 0]


def test_rate_of_rise_fires_once_per_window() -> None:
    rise = RiseTracker(0.2, 900)
    fired = [rise.add(t * 60.0, 2.0 + 0.02 * t) for t in range(40)]  # 2 cm a minute for 40 min
    hits = [t for t, r in enumerate(fired) if r is not None]
    assert hits == [10, 25]  # up 0.2 after 10 min; quiet for the window; again
    assert fired[10] is not None and math.isclose(fired[10], 0.2, abs_tol=1e-9)


def test_a_slow_rise_never_fires() -> None:
    rise = RiseTracker(0.2, 900)
    assert all(rise.add(t * 60.0, 2.0 + 0.01 * t) is None for t in range(19))  # 0.18 in 15 min


def test_silence_is_three_intervals() -> None:
    assert not rules.is_silent(1000.0, 600, 1000.0 + 1800)
    assert rules.is_silent(1000.0, 600, 1000.0 + 1801)
    assert rules.is_silent(None, 600, 0.0)


def test_impossible_values_say_why() -> None:
    assert rules.impossible(float("nan"), 0, 10) == "not a number"
    assert rules.impossible(float("inf"), None, None) == "infinite"
    assert "below" in rules.impossible(-1.0, 0.0, 10.0)
    assert "above" in rules.impossible(300.0, -5.0, 30.0)
    assert rules.impossible(5.0, 0.0, 10.0) == ""


def test_clock_far_off() -> None:
    assert rules.clock_offset(1000.0, 1000.0 + 500) == 0.0
    assert rules.clock_offset(1000.0 + 86400 * 365, 1000.0) > 0
    assert rules.clock_offset(0.0, 1_800_000_000.0) < 0


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=200))
def test_fuzz_levels_stay_in_range_and_follow_the_lines(values: list[float]) -> None:
    level = 0
    for v in values:
        if rules.impossible(v, None, None):
            continue  # what the watch does: never used for levels
        new = level_after(v, LINES, level)
        assert 0 <= new <= 3
        if new > level:  # raised only by a reading at or above the new line
            assert v >= LINES.values[new - 1]  # type: ignore[operator]
        if new < level:  # lowered only below the old line minus the hysteresis
            assert v < LINES.values[level - 1] - LINES.hysteresis  # type: ignore[operator]
        level = new


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1e5), finite), max_size=300), st.floats(0.01, 100), st.floats(1, 1e4))
def test_fuzz_rise_never_fires_without_the_rise(points, amount: float, window: float) -> None:
    rise = RiseTracker(amount, window)
    seen: list[tuple[float, float]] = []
    t = 0.0
    for dt, v in points:
        t += dt  # heard times only move forward
        seen.append((t, v))
        fired = rise.add(t, v)
        lowest = min(val for when, val in seen if when >= t - window)
        if fired is not None:
            assert math.isclose(fired, v - lowest, rel_tol=1e-9, abs_tol=1e-9) and fired >= amount
