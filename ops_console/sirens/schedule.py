"""Recurring test rules: "the first Monday of every month at 10:00 local time". Pure."""

from __future__ import annotations

import calendar
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {0: "every", 1: "first", 2: "second", 3: "third", 4: "fourth", 5: "last"}


def describe_rule(nth: int, weekday: int, time_local: str, tz: str) -> str:
    """'first Monday of the month at 10:00 (Asia/Shanghai)'."""
    if nth == 0:
        return f"every {WEEKDAYS[weekday]} at {time_local} ({tz})"
    return f"{ORDINALS[nth]} {WEEKDAYS[weekday]} of the month at {time_local} ({tz})"


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
