"""The operational period a report covers, from what a person types (a pure parser).

``--from``/``--to`` accept ``2026-12-06 06:00`` (local time), ISO 8601 with a zone
(``2026-12-06T05:00Z``), a clock time alone (``06:00``, today), ``now`` and an offset back
from now (``-12h`` or ``12h``, ``90m``, ``2d ago``). A period that ends before (or when) it starts is
refused in words, never silently swapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ops_console.errors import OpsError
from ops_console.labels import translate
from ops_console.locale_format import local_datetime
from ops_console.said import N_, said

DEFAULT_HOURS = 12  # a post's usual operational period
_OFFSET = re.compile(r"-?\s*(\d{1,5})\s*([mhd])(?:\s+ago)?\Z", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})\Z")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


class PeriodError(OpsError):
    """A time or a period a report cannot cover."""


def parse_time(text: str, now: datetime) -> datetime:
    """``text`` as an aware UTC time; ``now`` is aware (local times are read in ``now``'s zone)."""
    raw = text.strip()
    if not raw:
        raise PeriodError(said(N_("A time is empty: give a date and time such as 2026-12-06 06:00.")))
    zone = now.tzinfo or timezone.utc
    if raw.lower() == "now":
        return now.astimezone(timezone.utc)
    if (offset := _OFFSET.match(raw)) is not None:
        amount, unit = int(offset.group(1)), offset.group(2).lower()
        return (now - timedelta(**{_UNITS[unit]: amount})).astimezone(timezone.utc)
    if (clock := _CLOCK.match(raw)) is not None:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise PeriodError(said(N_("'{raw}' is not a time of day (00:00 to 23:59)."), raw=raw))
        local = now.astimezone(zone).replace(hour=hour, minute=minute, second=0, microsecond=0)
        return local.astimezone(timezone.utc)
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise PeriodError(
            said(N_("'{raw}' is not a time: use 2026-12-06 06:00, 06:00, now or -12h."), raw=raw)
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    try:
        return parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise PeriodError(said(N_("'{raw}' is out of range."), raw=raw)) from None


@dataclass(frozen=True)
class Period:
    """An operational period in UTC: ``start`` included, ``end`` excluded."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise PeriodError(
                said(
                    N_(
                        "The operational period ends ({end}) before it starts ({start}): give --from earlier than --to."
                    ),
                    end=_shown(self.end),
                    start=_shown(self.start),
                )
            )

    def words(self) -> str:
        """'2026-12-06 06:00 to 2026-12-06 18:00' in local time."""
        return translate("Reports", "{start} to {end}").format(start=_shown(self.start), end=_shown(self.end))

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end


def _shown(at: datetime) -> str:
    """A period's end for people, in the reader's language (6月6日 06:00 / 6 Dec 2026 06:00)."""
    return local_datetime(at)


def period_from(start: str | None, end: str | None, now: datetime | None = None) -> Period:
    """The period ``--from``/``--to`` name; missing ends default to the last 12 hours up to now."""
    now = (now or datetime.now(timezone.utc)).astimezone()
    until = parse_time(end, now) if end else now.astimezone(timezone.utc)
    since = parse_time(start, now) if start else until - timedelta(hours=DEFAULT_HOURS)
    return Period(since, until)
