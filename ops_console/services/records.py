"""Helpers shared by the services that edit versioned records (incidents, tasks).

A record opened in a dialog carries the version it was read at; saving checks that
version first, so the later of two writers gets a ConflictError with both versions
instead of overwriting silently. SQLAlchemy's ``version_id_col`` guards the remaining
window between that check and the UPDATE.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any

from ops_console.errors import ConflictError
from ops_console.said import N_, said


def plain(value: Any) -> Any:
    """A JSON-friendly copy of a column value (enums by value, times as ISO text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def snapshot(record: object, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of a record as plain values, for audit before/after and conflicts."""
    return {name: plain(getattr(record, name)) for name in fields}


def check_version(
    record: Any, entity: str, expected: int, mine: dict[str, Any], fields: Iterable[str]
) -> None:
    """Raise ConflictError when the stored version is not the one the editor started from."""
    if record.version != expected:
        theirs = snapshot(record, [*fields, "version"])
        raise ConflictError(entity, record.id, {k: plain(v) for k, v in mine.items()}, theirs)


def apply_changes(record: object, changes: dict[str, Any]) -> dict[str, Any]:
    """Set the changed fields and return only those that really differ (for the audit)."""
    changed = {}
    for name, value in changes.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed[name] = value
    return changed


def check_title(title: str, problems: dict[str, str], limit: int = 200) -> None:
    """A title is required and fits the column."""
    if not title.strip():
        problems["title"] = said(N_("A title is required."))
    elif len(title) > limit:
        problems["title"] = said(N_("Keep the title under {limit} characters."), limit=limit)


def check_coordinates(lat: float | None, lon: float | None, problems: dict[str, str]) -> None:
    """Both or neither, each within the globe."""
    if (lat is None) != (lon is None):
        problems["location"] = said(N_("Give both latitude and longitude, or neither."))
    if lat is not None and not -90 <= lat <= 90:
        problems["lat"] = said(N_("Latitude must be between -90 and 90 degrees."))
    if lon is not None and not -180 <= lon <= 180:
        problems["lon"] = said(N_("Longitude must be between -180 and 180 degrees."))


# One rule for every time a person types (report time, due time, inspection time): a
# slip of the year (1850, 1999, 2062) is far more likely than a record that old or that
# far ahead, so both directions are refused with the date written out to check.
FUTURE_SLACK = timedelta(minutes=5)  # clocks of two workstations disagree a little
FAR_BACK = timedelta(days=366)  # older than a year: a record of another emergency, or a typo
FAR_AHEAD = timedelta(days=366)  # a due time may lie ahead, but not years ahead


def check_time(
    at: datetime | None,
    problems: dict[str, str],
    name: str,
    what: str,
    *,
    ahead: timedelta = FUTURE_SLACK,
    now: datetime | None = None,
) -> None:
    """Refuse ``at`` (``what`` names it: "The report time") when it lies further back than
    FAR_BACK or further ahead than ``ahead`` (a few minutes for things that happened,
    FAR_AHEAD for things still to come)."""
    if at is None:
        return
    now = now or datetime.now(timezone.utc)
    shown = at.astimezone().strftime("%Y-%m-%d %H:%M")
    if at > now + ahead:
        problems[name] = said(
            N_("{what} is in the future ({when}).")
            if ahead <= FUTURE_SLACK
            else N_("{what} is more than a year ahead ({when}): check the year."),
            what=said(what),
            when=shown,
        )
    elif at < now - FAR_BACK:
        problems[name] = said(
            N_("{what} is more than a year ago ({when}): check the year."), what=said(what), when=shown
        )
