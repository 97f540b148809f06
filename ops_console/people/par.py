"""The personnel accountability (PAR) timer of a field team, as a pure function.

A team's timer restarts at its last contact: the later of a reset at the post (voice
check, status change, assignment: ``teams.par_reset_at``) and the last frame heard from
its radio node (``radio_nodes.last_heard``, written by the radio ingest). It is yellow in
its last minute and red when it has run out. Teams not in the field have no timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels

DEFAULT_MINUTES = 20
WARN_BEFORE = timedelta(minutes=1)


class ParLevel(Labelled, str, Enum):
    NONE = "none"  # not in the field
    OK = "ok"
    DUE = "due"  # yellow: less than a minute left
    OVERDUE = "overdue"  # red: not heard from within the timer


labels(
    ParLevel,
    NONE=QT_TRANSLATE_NOOP("Labels", "—"),
    OK=QT_TRANSLATE_NOOP("Labels", "OK"),
    DUE=QT_TRANSLATE_NOOP("Labels", "Due"),
    OVERDUE=QT_TRANSLATE_NOOP("Labels", "Overdue"),
)


@dataclass(frozen=True)
class ParState:
    level: ParLevel
    remaining: timedelta | None  # negative when overdue; None out of the field
    contact_at: datetime | None


def last_contact(reset_at: datetime | None, heard_at: datetime | None) -> datetime | None:
    """The later of the post's reset and the node last heard."""
    if reset_at is None:
        return heard_at
    if heard_at is None:
        return reset_at
    return max(reset_at, heard_at)


def par_state(in_field: bool, contact_at: datetime | None, minutes: int, now: datetime) -> ParState:
    """The timer's colour and time left at ``now``."""
    if not in_field:
        return ParState(ParLevel.NONE, None, contact_at)
    if contact_at is None:  # in the field with no contact on record: nothing vouches for them
        return ParState(ParLevel.OVERDUE, timedelta(0), None)
    remaining = contact_at + timedelta(minutes=minutes) - now
    if remaining <= timedelta(0):
        level = ParLevel.OVERDUE
    elif remaining <= WARN_BEFORE:
        level = ParLevel.DUE
    else:
        level = ParLevel.OK
    return ParState(level, remaining, contact_at)


def format_remaining(remaining: timedelta | None) -> str:
    """``12:05`` left, ``-3:10`` over (minutes:seconds), ``—`` without a timer."""
    if remaining is None:
        return "—"
    seconds = int(remaining.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
