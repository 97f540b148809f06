"""Every topic the event bus carries, declared once, with what its event holds.

Services publish ``Event(Topic.X, entity_id, data)``; the UI bridge turns each topic into
a typed signal of its feature (ui/bridge.py), so no module outside this one spells a topic
string or matches a prefix. The string values are stable: the change feed builds
``<entity>.changed`` from the audit table's entity names, and other workstations of the
same post rely on them.
"""

from __future__ import annotations

from enum import StrEnum


class Feature(StrEnum):
    """Which part of the console a topic belongs to: the bridge has one signal per feature."""

    RECORDS = "records"  # incidents, tasks, the activity log
    SHIFT = "shift"  # who is signed on, exercise mode
    RADIO = "radio"
    SIRENS = "sirens"
    INVENTORY = "inventory"
    MAP = "map"  # risks, shelters, zones, residents who need help
    SENSORS = "sensors"  # the sensor register and the alerts of its readings
    WARNINGS = "warnings"  # public warnings and CAP alerts received
    PEOPLE = "people"  # volunteers, check-ins, teams and their accountability
    SYSTEM = "system"  # the database's health, notices


class Topic(StrEnum):
    """A committed change (or a notice); the comment says what ``entity_id`` and ``data`` hold."""

    INCIDENT_CHANGED = "incident.changed"  # entity: incident id; data: remote, audit_id (change feed)
    TASK_CHANGED = "task.changed"  # entity: task id
    ACTIVITY_ADDED = "activity.added"  # entity: activity-log entry id
    SHIFT_CHANGED = "shift.changed"  # the operator on shift changed (sign-on, sign-off, lock)
    EXERCISE_CHANGED = "exercise.changed"  # data: exercise (bool)
    EXERCISE_PURGED = "exercise.purged"  # exercise records were deleted: lists reload

    RADIO_MESSAGE = "radio.message"  # entity: message id; data: precedence, direction, …
    RADIO_OUTBOX = "radio.outbox"  # entity: outgoing message id; data: state
    RADIO_NODE = "radio.node"  # entity: node address; a node was heard or its position changed
    RADIO_LINK = "radio.link"  # data: link name and state (open, lost, ready …)
    RADIO_FRAMES = "radio.frames"  # data: count: a batch of raw frames was stored

    SIREN_STATUS = "siren.status"  # entity: siren id: a poll changed what it reports
    SIREN_ALARM = "siren.alarm"  # entity: alarm id; data: siren
    SIREN_COMMAND = "siren.command"  # data: request, state, sirens (or refused: words)
    SIREN_TEST = "siren.test"  # entity: schedule id; data: started

    INVENTORY_CHANGED = "inventory.changed"  # entity: item id; data: location_ids, movement_ids
    INVENTORY_REQUEST = "inventory.request"  # entity: request id
    INVENTORY_CATALOGUE = "inventory.catalogue"  # entity: item/location id; data: kind

    SENSOR_ALERT = "sensor.alert"  # entity: sensor alert id; data: sensor_id, rule, level
    SENSOR_REGISTER = "sensor.register"  # entity: register row id; data: sensor_id (added, edited, removed)

    RISK_CHANGED = "risk.changed"  # entity: risk point id
    SHELTER_CHANGED = "shelter.changed"  # entity: shelter id
    ZONE_CHANGED = "zone.changed"  # entity: zone id
    RESIDENT_CHANGED = "resident.changed"  # entity: resident id (None: many, e.g. an import)

    WARNING_CHANGED = "warning.changed"  # entity: warning id (None: a post setting): state or delivery moved
    CAP_ALERT_CHANGED = "cap_alert.changed"  # entity: received CAP alert id (imported, acknowledged)

    VOLUNTEER_CHANGED = "volunteer.changed"  # entity: volunteer id (None: many, e.g. an import)
    TEAM_CHANGED = "team.changed"  # entity: team id; data: what changed (status, par, mayday …)

    DATABASE_STATUS = "database.status"  # data: ok (bool), words
    NOTICE = (
        "notice"  # data: level ("info" | "warning" | "problem"), text, source: a background failure in words
    )

    @property
    def feature(self) -> Feature:
        return _FEATURES[self]


_FEATURES: dict[Topic, Feature] = {
    **dict.fromkeys((Topic.INCIDENT_CHANGED, Topic.TASK_CHANGED, Topic.ACTIVITY_ADDED), Feature.RECORDS),
    **dict.fromkeys((Topic.SHIFT_CHANGED, Topic.EXERCISE_CHANGED, Topic.EXERCISE_PURGED), Feature.SHIFT),
    **dict.fromkeys(
        (Topic.RADIO_MESSAGE, Topic.RADIO_OUTBOX, Topic.RADIO_NODE, Topic.RADIO_LINK, Topic.RADIO_FRAMES),
        Feature.RADIO,
    ),
    **dict.fromkeys(
        (Topic.SIREN_STATUS, Topic.SIREN_ALARM, Topic.SIREN_COMMAND, Topic.SIREN_TEST), Feature.SIRENS
    ),
    **dict.fromkeys(
        (Topic.INVENTORY_CHANGED, Topic.INVENTORY_REQUEST, Topic.INVENTORY_CATALOGUE), Feature.INVENTORY
    ),
    **dict.fromkeys(
        (Topic.RISK_CHANGED, Topic.SHELTER_CHANGED, Topic.ZONE_CHANGED, Topic.RESIDENT_CHANGED),
        Feature.MAP,
    ),
    **dict.fromkeys((Topic.SENSOR_ALERT, Topic.SENSOR_REGISTER), Feature.SENSORS),
    **dict.fromkeys((Topic.WARNING_CHANGED, Topic.CAP_ALERT_CHANGED), Feature.WARNINGS),
    **dict.fromkeys((Topic.VOLUNTEER_CHANGED, Topic.TEAM_CHANGED), Feature.PEOPLE),
    **dict.fromkeys((Topic.DATABASE_STATUS, Topic.NOTICE), Feature.SYSTEM),
}

# Topics that change what the post-wide alert list shows.
ALERT_TOPICS: frozenset[Topic] = frozenset(
    {
        Topic.RADIO_MESSAGE,
        Topic.RADIO_LINK,
        Topic.RADIO_OUTBOX,  # a message sent from here failed, or was sent again
        Topic.SIREN_ALARM,
        Topic.SENSOR_ALERT,
        Topic.SENSOR_REGISTER,
        Topic.INVENTORY_CHANGED,
        Topic.INVENTORY_REQUEST,
        Topic.INVENTORY_CATALOGUE,
        Topic.RISK_CHANGED,
        Topic.SHELTER_CHANGED,
        Topic.WARNING_CHANGED,
        Topic.CAP_ALERT_CHANGED,
        Topic.EXERCISE_CHANGED,
        Topic.EXERCISE_PURGED,
        Topic.SHIFT_CHANGED,
        Topic.TEAM_CHANGED,
        Topic.NOTICE,
    }
)


def changed_topic(entity: str) -> Topic | None:
    """``<entity>.changed`` for an audit table's entity name, if such a topic exists."""
    try:
        return Topic(f"{entity}.changed")
    except ValueError:
        return None


def topic_of(value: str) -> Topic | None:
    """The declared topic for a string (events from older code or another workstation), else None."""
    try:
        return Topic(value)
    except ValueError:
        return None
