"""The one clock of the core: times are stored in UTC and shown in local time.

It lives in the core, below services, the db layer and the UI alike, so that a service
or a widget asking "what time is it" never imports the database package for it. Times
for machines (exports for the city's GIS and the paper backup) are written here too, as
ISO 8601: whole and unambiguous in any language, unlike the screen's "6月15日 14:30".
"""

from __future__ import annotations

from datetime import date, datetime, timezone


def utc_now() -> datetime:
    """The current time in UTC, at microsecond precision both engines can store."""
    return datetime.now(timezone.utc)


def iso_local(at: datetime) -> str:
    """A stored UTC time in this workstation's time zone, ISO 8601 with its offset, to the
    second ("2026-06-15T14:30:00+08:00"): the local clock an operator saw, and the instant."""
    if at.tzinfo is None:  # defensive: the database hands back aware values
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone().isoformat(timespec="seconds")


def iso_day(day: date) -> str:
    """A calendar date (an expiry) as ISO 8601: 2026-06-15."""
    return day.isoformat()
