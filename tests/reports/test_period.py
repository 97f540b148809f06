"""The operational period parser (pure): fuzzed, and the words it answers with."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ops_console.reports.forms import _LocalClock
from ops_console.reports.period import Period, PeriodError, parse_time, period_from

NOW = datetime(2026, 12, 6, 9, 30, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", datetime(2026, 12, 6, 1, 30, tzinfo=timezone.utc)),
        ("-12h", datetime(2026, 12, 5, 13, 30, tzinfo=timezone.utc)),
        ("12h", datetime(2026, 12, 5, 13, 30, tzinfo=timezone.utc)),
        ("90m ago", datetime(2026, 12, 6, 0, 0, tzinfo=timezone.utc)),
        ("2d", datetime(2026, 12, 4, 1, 30, tzinfo=timezone.utc)),
        ("06:00", datetime(2026, 12, 5, 22, 0, tzinfo=timezone.utc)),
        ("2026-12-06 06:00", datetime(2026, 12, 5, 22, 0, tzinfo=timezone.utc)),
        ("2026-12-06T05:00Z", datetime(2026, 12, 6, 5, 0, tzinfo=timezone.utc)),
        ("2026-12-06T05:00+01:00", datetime(2026, 12, 6, 4, 0, tzinfo=timezone.utc)),
    ],
)
def test_times_a_person_types(text: str, expected: datetime) -> None:
    assert parse_time(text, NOW) == expected


@pytest.mark.parametrize(
    "text", ["", "  ", "yesterday", "25:00", "12:75", "2026-13-01", "-h", "99999999999h"]
)
def test_bad_times_are_refused_in_words(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_time(text, NOW)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_text_is_a_time_or_a_period_error(text: str) -> None:
    try:
        at = parse_time(text, NOW)
    except PeriodError as exc:
        assert str(exc)
    else:
        assert at.tzinfo is not None and at.utcoffset() == timedelta(0)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)), st.integers(1, 10_000))
def test_a_period_is_ordered_or_refused(start: datetime, minutes: int) -> None:
    a = start.replace(tzinfo=timezone.utc)
    assert Period(a, a + timedelta(minutes=minutes)).contains(a)
    with pytest.raises(PeriodError, match="before it starts"):
        Period(a + timedelta(minutes=minutes), a)


@pytest.fixture
def berlin():
    """A zone with summer time, so the quarter-hour offset cache meets a change of offset."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = old
    time.tzset()


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])  # the zone stays put
@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)))
def test_the_fast_local_clock_agrees_with_strftime(berlin, at: datetime) -> None:
    aware = at.replace(tzinfo=timezone.utc)
    clock = _LocalClock()
    for moment in (aware, aware + timedelta(minutes=7), aware - timedelta(hours=1)):
        assert clock(moment) == moment.astimezone().strftime("%Y-%m-%d %H:%M")


def test_the_default_period_is_the_last_twelve_hours() -> None:
    period = period_from(None, None, now=NOW)
    assert period.end - period.start == timedelta(hours=12)


def test_the_local_clock_across_a_change_to_summer_time(berlin) -> None:
    """One clock (one cache) walked minute by minute over the night the clocks go forward."""
    clock = _LocalClock()
    at = datetime(2026, 3, 29, 0, 0, tzinfo=timezone.utc)  # 02:00 local becomes 03:00 at 01:00 UTC
    for _ in range(240):
        assert clock(at) == at.astimezone().strftime("%Y-%m-%d %H:%M")
        at += timedelta(minutes=1)
