"""Recurring test rules: "the first Monday of every month at 10:00 local time". Pure."""

from __future__ import annotations

import calendar
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ops_console.said import N_, fitted, said, tr

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
ORDINALS = {0: N_("every"), 1: N_("first"), 2: N_("second"), 3: N_("third"), 4: N_("fourth"), 5: N_("last")}
RULES = {  # a whole phrase per ordinal, so a language can place the weekday and the month itself
    0: N_("every {weekday} at {time} ({tz})"),
    1: N_("first {weekday} of the month at {time} ({tz})"),
    2: N_("second {weekday} of the month at {time} ({tz})"),
    3: N_("third {weekday} of the month at {time} ({tz})"),
    4: N_("fourth {weekday} of the month at {time} ({tz})"),
    5: N_("last {weekday} of the month at {time} ({tz})"),
}


def describe_rule(nth: int, weekday: int, time_local: str, tz: str) -> str:
    """'first Monday of the month at 10:00 (Asia/Shanghai)', as a stored sentence
    (ops_console/said.py): the schedule table and the activity log read it in the reader's
    language (``said.shown``)."""
    return said(RULES[nth], weekday=said(WEEKDAYS[weekday]), time=time_local, tz=tz)


TEST_KINDS = {"silent": N_("silent test"), "growl": N_("growl test")}


def test_kind_words(kind: str) -> str:
    """A test's kind ("silent", "growl": the stored code) in the reader's language."""
    return tr(TEST_KINDS[kind]) if kind in TEST_KINDS else kind


REQUESTER_LIMIT = 120  # siren_commands.requested_by


def requester(name: str) -> str:
    """Who asked for a scheduled test's commands — 'schedule “Monthly test”' — as a stored
    sentence (ops_console/said.py), so the siren strip, the command list and the activity
    log read it in the reader's language; a name too long for the column keeps its English."""
    return fitted(said(N_("schedule “{name}”"), name=name), REQUESTER_LIMIT)


def parse_time(text: str) -> time:
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def _nth_weekday(year: int, month: int, nth: int, weekday: int) -> int | None:
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if calendar.weekday(year, month, d) == weekday
    ]
    if nth == 5:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def next_occurrence(nth: int, weekday: int, time_local: str, tz: str, after: datetime) -> datetime:
    """The first moment strictly after ``after`` (aware) that fits the rule, in UTC."""
    zone, at = ZoneInfo(tz), parse_time(time_local)
    local = after.astimezone(zone)
    if nth == 0:
        day = local.date()
        for _ in range(8):
            if day.weekday() == weekday:
                moment = datetime.combine(day, at, zone)
                if moment > after:
                    return moment.astimezone(timezone.utc)
            day += timedelta(days=1)
        raise AssertionError("unreachable")
    year, month = local.year, local.month
    for _ in range(14):
        d = _nth_weekday(year, month, nth, weekday)
        if d is not None:
            moment = datetime(year, month, d, at.hour, at.minute, tzinfo=zone)
            if moment > after:
                return moment.astimezone(timezone.utc)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise AssertionError("unreachable")
