"""A small publish/subscribe bus that lets services announce what they committed.

Qt-free on purpose: services and the headless gateway use it directly; the UI bridge
subscribes once and re-emits each event as a Qt signal on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ops_console.topics import Topic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """Something that has been committed: its topic (declared in ops_console/topics.py), the
    id of the record, and optional details for listeners that want more than a refresh hint."""

    topic: Topic
    entity_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[Event], None]


class EventBus:
    """Delivers events synchronously to every subscriber, on the publisher's thread.

    A subscriber that raises is logged and skipped so one broken listener cannot stop
    the others (or the service that published).
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, event: Event) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("event listener %r failed on %s", listener, event.topic)
