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


def local_short(at: datetime | None) -> str:
    """Month-day and time for narrow table columns (ISO order: never day/month confusion)."""
    return "" if at is None else local(at).strftime("%m-%d %H:%M")


def local_short_seconds(at: datetime | None) -> str:
    return "" if at is None else local(at).strftime("%m-%d %H:%M:%S")


def local_seconds(at: datetime | None) -> str:
    return "" if at is None else local(at).strftime("%Y-%m-%d %H:%M:%S")


def local_midnight_utc(now: datetime | None = None) -> datetime:
    """Today's start in local time, as UTC: the 'today' filter of the activity log."""
    now_local = (now or datetime.now(timezone.utc)).astimezone()
    return now_local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)
