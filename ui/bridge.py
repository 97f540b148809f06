"""Carries service events onto the GUI thread as Qt signals.

Services publish on whatever thread committed (a serial thread, a worker, the GUI);
a queued connection through this QObject delivers them on the GUI thread, where item
models can update their rows safely.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ops_console.events import Event, EventBus


class PostBridge(QObject):
    """One per main window; widgets connect to the specific signals they care about."""

    # every event, for listeners that want them all: carries the Event
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

    _incoming = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._incoming.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        self._incoming.emit(event)  # any thread → queued to the GUI thread

    @Slot(object)
    def _dispatch(self, event: Event) -> None:
        self.event_received.emit(event)
        topic, entity_id = event.topic, event.entity_id
        if topic == "incident.changed" and entity_id is not None:
            self.incident_changed.emit(entity_id)
        elif topic == "task.changed" and entity_id is not None:
            self.task_changed.emit(entity_id)
        elif topic == "shift.changed":
            self.shift_changed.emit()
        elif topic == "exercise.changed":
            self.exercise_changed.emit(bool(event.data.get("exercise")))
        elif topic == "exercise.purged":
            self.records_purged.emit()
        elif topic == "activity.added" and entity_id is not None:
            self.activity_added.emit(entity_id)

    def detach(self) -> None:
        """Stop listening (before the window closes), the pair of subscribe in __init__."""
        self._bus.unsubscribe(self._on_event)
