"""The post's vocabulary: roles, incident kinds, severities, statuses and priorities.

Plain enums, shared by services, exports and the UI, so that a word means the same
everywhere and the database stores stable string values.
"""

from __future__ import annotations

from enum import Enum, IntEnum

from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels


class Role(Labelled, str, Enum):
    """What an operator may do; each role includes what the ones before it may do,
    except that radio and logistics are side by side above operator."""

    VIEWER = "viewer"
    OPERATOR = "operator"
    RADIO = "radio"
    LOGISTICS = "logistics"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


labels(
    Role,
    VIEWER=QT_TRANSLATE_NOOP("Labels", "Viewer"),
    OPERATOR=QT_TRANSLATE_NOOP("Labels", "Operator"),
    RADIO=QT_TRANSLATE_NOOP("Labels", "Radio"),
    LOGISTICS=QT_TRANSLATE_NOOP("Labels", "Logistics"),
    SUPERVISOR=QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    ADMIN=QT_TRANSLATE_NOOP("Labels", "Admin"),
)


class Permission(str, Enum):
    """Actions that are checked in the services, never only in the UI."""

    EDIT_RECORDS = "edit_records"  # incidents, tasks, activity-log lines
    RADIO = "radio"
    LOGISTICS = "logistics"
    TOGGLE_EXERCISE = "toggle_exercise"
    PURGE_EXERCISE = "purge_exercise"
    ACTIVATE_SIRENS = "activate_sirens"
    MANAGE_OPERATORS = "manage_operators"
    VIEW_RESIDENTS = "view_residents"  # names, addresses, needs and contacts of residents who need help
    EXPORT_RESIDENTS = "export_residents"  # the register leaves the post: supervisors only
    MANAGE_SENSORS = "manage_sensors"  # the sensor register: levels that raise alarms
    MANAGE_ROSTER = "manage_roster"  # the volunteer roster: add, edit, import


_EDIT = {Permission.EDIT_RECORDS, Permission.VIEW_RESIDENTS}  # a viewer sees counts of residents only
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset(),
    Role.OPERATOR: frozenset(_EDIT),
    Role.RADIO: frozenset(_EDIT | {Permission.RADIO}),
    Role.LOGISTICS: frozenset(_EDIT | {Permission.LOGISTICS}),
    Role.SUPERVISOR: frozenset(
        _EDIT
        | {
            Permission.RADIO,
            Permission.LOGISTICS,
            Permission.TOGGLE_EXERCISE,
            Permission.PURGE_EXERCISE,
            Permission.ACTIVATE_SIRENS,
            Permission.EXPORT_RESIDENTS,
            Permission.MANAGE_SENSORS,
            Permission.MANAGE_ROSTER,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}


class IncidentKind(Labelled, str, Enum):
    FLOODING = "flooding"
    FIRE = "fire"
    MEDICAL = "medical"
    POWER_OUTAGE = "power_outage"
    ROAD_BLOCKED = "road_blocked"
    STRUCTURAL = "structural"
    HAZMAT = "hazmat"
    MISSING_PERSON = "missing_person"
    OTHER = "other"


labels(
    IncidentKind,
    FLOODING=QT_TRANSLATE_NOOP("Labels", "Flooding"),
    FIRE=QT_TRANSLATE_NOOP("Labels", "Fire"),
    MEDICAL=QT_TRANSLATE_NOOP("Labels", "Medical"),
    POWER_OUTAGE=QT_TRANSLATE_NOOP("Labels", "Power outage"),
    ROAD_BLOCKED=QT_TRANSLATE_NOOP("Labels", "Road blocked"),
    STRUCTURAL=QT_TRANSLATE_NOOP("Labels", "Structural"),
    HAZMAT=QT_TRANSLATE_NOOP("Labels", "Hazmat"),
    MISSING_PERSON=QT_TRANSLATE_NOOP("Labels", "Missing person"),
    OTHER=QT_TRANSLATE_NOOP("Labels", "Other"),
)


class Severity(Labelled, IntEnum):
    MINOR = 1
    MODERATE = 2
    SERIOUS = 3
    CRITICAL = 4


labels(
    Severity,
    MINOR=QT_TRANSLATE_NOOP("Labels", "Minor"),
    MODERATE=QT_TRANSLATE_NOOP("Labels", "Moderate"),
    SERIOUS=QT_TRANSLATE_NOOP("Labels", "Serious"),
    CRITICAL=QT_TRANSLATE_NOOP("Labels", "Critical"),
)


class IncidentStatus(Labelled, str, Enum):
    OPEN = "open"
    ACTIVE = "active"
    MONITORING = "monitoring"
    CLOSED = "closed"


labels(
    IncidentStatus,
    OPEN=QT_TRANSLATE_NOOP("Labels", "Open"),
    ACTIVE=QT_TRANSLATE_NOOP("Labels", "Active"),
    MONITORING=QT_TRANSLATE_NOOP("Labels", "Monitoring"),
    CLOSED=QT_TRANSLATE_NOOP("Labels", "Closed"),
)


class TaskStatus(Labelled, str, Enum):
    """Task board columns, in board order."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


labels(
    TaskStatus,
    NEW=QT_TRANSLATE_NOOP("Labels", "New"),
    ASSIGNED=QT_TRANSLATE_NOOP("Labels", "Assigned"),
    IN_PROGRESS=QT_TRANSLATE_NOOP("Labels", "In progress"),
    DONE=QT_TRANSLATE_NOOP("Labels", "Done"),
    CANCELLED=QT_TRANSLATE_NOOP("Labels", "Cancelled"),
)


class Priority(Labelled, IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4


labels(
    Priority,
    LOW=QT_TRANSLATE_NOOP("Labels", "Low"),
    NORMAL=QT_TRANSLATE_NOOP("Labels", "Normal"),
    HIGH=QT_TRANSLATE_NOOP("Labels", "High"),
    URGENT=QT_TRANSLATE_NOOP("Labels", "Urgent"),
)
