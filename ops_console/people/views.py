"""Plain read-only copies of people records for Qt models and exports (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels


class TeamStatus(Labelled, str, Enum):
    """Where a team is in its shift; the task board assigns only AVAILABLE teams."""

    AVAILABLE = "available"
    ASSIGNED = "assigned"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    RESTING = "resting"
    OUT_OF_SERVICE = "out_of_service"


labels(
    TeamStatus,
    AVAILABLE=QT_TRANSLATE_NOOP("Labels", "Available"),
    ASSIGNED=QT_TRANSLATE_NOOP("Labels", "Assigned"),
    EN_ROUTE=QT_TRANSLATE_NOOP("Labels", "En route"),
    ON_SCENE=QT_TRANSLATE_NOOP("Labels", "On scene"),
    RESTING=QT_TRANSLATE_NOOP("Labels", "Resting"),
    OUT_OF_SERVICE=QT_TRANSLATE_NOOP("Labels", "Out of service"),
)

# a team in one of these is "in the field": its accountability timer runs
FIELD_STATUSES = frozenset({TeamStatus.ASSIGNED, TeamStatus.EN_ROUTE, TeamStatus.ON_SCENE})


@dataclass(frozen=True)
class Skill:
    name: str
    expires_on: date | None = None

    def valid_on(self, day: date) -> bool:
        return self.expires_on is None or self.expires_on >= day


@dataclass(frozen=True)
class VolunteerView:
    id: int
    name: str
    phone: str
    badge: str
    team_id: int | None
    team_name: str
    skills: tuple[Skill, ...]
    languages: str
    availability: str
    emergency_contact: str
    active: bool
    version: int
    on_site_since: datetime | None = None  # checked in now (None: not on site)


@dataclass(frozen=True)
class VolunteerDraft:
    """What a person fills in on the roster form."""

    name: str
    phone: str = ""
    badge: str = ""
    team_id: int | None = None
    skills: tuple[Skill, ...] = ()
    languages: str = ""
    availability: str = ""
    emergency_contact: str = ""


@dataclass(frozen=True)
class Stay:
    """One check-in (ICS-211 line): who, in, out (None: still on site)."""

    id: int
    volunteer_id: int
    name: str
    checked_in_at: datetime
    checked_out_at: datetime | None

    def hours(self, now: datetime) -> float:
        return ((self.checked_out_at or now) - self.checked_in_at).total_seconds() / 3600
