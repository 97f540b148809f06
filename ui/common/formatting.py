"""How times and domain values read on screen: stored in UTC, shown in local time, 24 h."""

from __future__ import annotations

from datetime import datetime, timezone


def local(at: datetime) -> datetime:
    """An aware UTC time from the database, in this workstation's time zone."""
    if at.tzinfo is None:  # defensive: the database hands back aware values
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone()


def local_datetime(at: datetime | None) -> str:
    return "" if at is None else local(at).strftime("%Y-%m-%d %H:%M")


def _short(at: datetime | None, clock: str, now: datetime | None) -> str:
    """Month-day and ``clock`` for narrow columns; the year in front when it is not this
    year's, so a record from last December (or a mistyped 1999) never reads as this year's."""
    if at is None:
        return ""
    shown = local(at)
    this_year = local(now or datetime.now(timezone.utc)).year
    return shown.strftime(("%m-%d " if shown.year == this_year else "%Y-%m-%d ") + clock)


def local_short(at: datetime | None, now: datetime | None = None) -> str:
    """Month-day and time for narrow table columns (ISO order: never day/month confusion)."""
    return _short(at, "%H:%M", now)


def local_short_seconds(at: datetime | None, now: datetime | None = None) -> str:
    return _short(at, "%H:%M:%S", now)


def local_clock(at: datetime | None, now: datetime | None = None) -> str:
    """The clock time for today's rows (a radio log); the day too for another day, and the
    year for another year, so traffic from before midnight never reads as tonight's."""
    if at is None:
        return ""
    shown, today = local(at), local(now or datetime.now(timezone.utc))
    if shown.date() == today.date():
        return shown.strftime("%H:%M:%S")
    return _short(at, "%H:%M:%S", now)


def local_seconds(at: datetime | None) -> str:
    return "" if at is None else local(at).strftime("%Y-%m-%d %H:%M:%S")


def local_midnight_utc(now: datetime | None = None) -> datetime:
    """Today's start in local time, as UTC: the 'today' filter of the activity log."""
    now_local = (now or datetime.now(timezone.utc)).astimezone()
    return now_local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)
