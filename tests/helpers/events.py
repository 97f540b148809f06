"""The one event recorder for tests: subscribe it to a bus, then wait on what arrived."""

from __future__ import annotations

import threading
from collections.abc import Callable

from ops_console.events import Event, EventBus


class EventRecorder:
    """Records bus events (from any thread); tests wait on them instead of sleeping."""

    def __init__(self, bus: EventBus | None = None) -> None:
        self.items: list[Event] = []
        self._cond = threading.Condition()
        if bus is not None:
            bus.subscribe(self)

    def __call__(self, event: Event) -> None:
        with self._cond:
            self.items.append(event)
            self._cond.notify_all()

    @property
    def topics(self) -> list[str]:
        with self._cond:
            return [e.topic for e in self.items]

    def wait_for(self, predicate: Callable[[list[Event]], bool], timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self.items), timeout)
