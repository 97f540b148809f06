"""Carries service events onto the GUI thread as Qt signals, one typed signal per feature.

Services publish on whatever thread committed (a serial thread, a worker, the GUI);
a queued connection through this QObject delivers them on the GUI thread, where item
models can update their rows safely. Topics are declared in ops_console/topics.py; a
panel connects to its feature's signal instead of matching topic strings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ops_console.events import Event, EventBus
from ops_console.topics import Feature, Topic, topic_of


class PostBridge(QObject):
    """One per main window; widgets connect to the specific signals they care about."""

    # every event, for listeners that want them all (the alert list): carries the Event
    event_received = Signal(object)
    # an incident was created or changed: carries its id
    incident_changed = Signal(int)
    # a task was created, moved, assigned or edited: carries its id
    task_changed = Signal(int)
    # a new activity-log entry (audit or note) was committed: carries its id
    activity_added = Signal(int)
    # the operator on shift changed (sign-on, sign-off)
    shift_changed = Signal()
    # exercise mode switched: carries the new state
    exercise_changed = Signal(bool)
    # exercise records were purged: lists must reload
    records_purged = Signal()
    # radio traffic, outbox, nodes, links or stored frames: carries the Event (Feature.RADIO)
    radio_event = Signal(object)
    # siren status, alarms, commands and tests: carries the Event (Feature.SIRENS)
    siren_event = Signal(object)
    # stock movements, requests and the catalogue: carries the Event (Feature.INVENTORY)
    inventory_event = Signal(object)
    # sensor alerts and register changes: carries the Event (Feature.SENSORS)
    sensor_event = Signal(object)
    # risk points, shelters and zones: carries the Event (Feature.MAP)
    map_event = Signal(object)
    # public warnings (state, deliveries) and CAP alerts received: carries the Event (Feature.WARNINGS)
    warning_event = Signal(object)
    # volunteers, check-ins and teams (status, PAR, MAYDAY): carries the Event (Feature.PEOPLE)
    people_event = Signal(object)
    # the database became reachable or not: carries (online, words)
    database_status = Signal(bool, str)
    # a background failure or notice in words: carries (level, text)
    notice = Signal(str, str)

    _incoming = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._incoming.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._by_feature = {
            Feature.RADIO: self.radio_event,
            Feature.SIRENS: self.siren_event,
            Feature.INVENTORY: self.inventory_event,
            Feature.MAP: self.map_event,
            Feature.SENSORS: self.sensor_event,
            Feature.WARNINGS: self.warning_event,
            Feature.PEOPLE: self.people_event,
        }
        bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        self._incoming.emit(event)  # any thread → queued to the GUI thread

    @Slot(object)
    def _dispatch(self, event: Event) -> None:
        self.event_received.emit(event)
        topic, entity_id = topic_of(event.topic), event.entity_id
        if topic is None:
            return  # not a declared topic: only listeners of every event hear it
        feature_signal = self._by_feature.get(topic.feature)
        if feature_signal is not None:
            feature_signal.emit(event)
        elif topic is Topic.INCIDENT_CHANGED and entity_id is not None:
            self.incident_changed.emit(entity_id)
        elif topic is Topic.TASK_CHANGED and entity_id is not None:
            self.task_changed.emit(entity_id)
        elif topic is Topic.ACTIVITY_ADDED and entity_id is not None:
            self.activity_added.emit(entity_id)
        elif topic is Topic.SHIFT_CHANGED:
            self.shift_changed.emit()
        elif topic is Topic.EXERCISE_CHANGED:
            self.exercise_changed.emit(bool(event.data.get("exercise")))
        elif topic is Topic.EXERCISE_PURGED:
            self.records_purged.emit()
        elif topic is Topic.DATABASE_STATUS:
            self.database_status.emit(bool(event.data.get("online")), str(event.data.get("words", "")))
        elif topic is Topic.NOTICE:
            self.notice.emit(str(event.data.get("level", "warning")), str(event.data.get("text", "")))

    def detach(self) -> None:
        """Stop listening (before the window closes), the pair of subscribe in __init__."""
        self._bus.unsubscribe(self._on_event)
