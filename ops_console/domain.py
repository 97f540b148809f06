"""The post's vocabulary: roles, incident kinds, severities, statuses and priorities.

Plain enums, shared by services, exports and the UI, so that a word means the same
everywhere and the database stores stable string values.
"""
from __future__ import annotations

from enum import Enum, IntEnum


class Role(str, Enum):
    """What an operator may do; each role includes what the ones before it may do,
    except that radio and logistics are side by side above operator."""

    VIEWER = "viewer"
    OPERATOR = "operator"
    RADIO = "radio"
    LOGISTICS = "logistics"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Permission(str, Enum):
    """Actions that are checked in the services, never only in the UI."""

    EDIT_RECORDS = "edit_records"  # incidents, tasks, activity-log lines
    RADIO = "radio"
    LOGISTICS = "logistics"
    TOGGLE_EXERCISE = "toggle_exercise"
    PURGE_EXERCISE = "purge_exercise"
    ACTIVATE_SIRENS = "activate_sirens"
    MANAGE_OPERATORS = "manage_operators"


_EDIT = {Permission.EDIT_RECORDS}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset(),
    Role.OPERATOR: frozenset(_EDIT),
    Role.RADIO: frozenset(_EDIT | {Permission.RADIO}),
    Role.LOGISTICS: frozenset(_EDIT | {Permission.LOGISTICS}),
    Role.SUPERVISOR: frozenset(
        _EDIT
        | {Permission.RADIO, Permission.LOGISTICS, Permission.TOGGLE_EXERCISE,
           Permission.PURGE_EXERCISE, Permission.ACTIVATE_SIRENS}
    ),
    Role.ADMIN: frozenset(Permission),
}


class IncidentKind(str, Enum):
    FLOODING = "flooding"
    FIRE = "fire"
    MEDICAL = "medical"
    POWER_OUTAGE = "power_outage"
    ROAD_BLOCKED = "road_blocked"
    STRUCTURAL = "structural"
    HAZMAT = "hazmat"
    MISSING_PERSON = "missing_person"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Severity(IntEnum):
    MINOR = 1
    MODERATE = 2
    SERIOUS = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


class IncidentStatus(str, Enum):
    OPEN = "open"
    ACTIVE = "active"
    MONITORING = "monitoring"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class TaskStatus(str, Enum):
    """Task board columns, in board order."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()
