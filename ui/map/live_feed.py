"""Keeps the live map layers (sirens, radio teams, sensors) in step with the database.

``LiveFeed`` loads them on a worker thread; the worker only puts results on a queue,
and a GUI-thread timer drains it into the layers (workers never touch Qt objects or
emit signals). Bridge events ask for a reload: one siren if the event names it, the
radio layers at most once per ``debounce_ms``.
"""
from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from ops_console.db.types import utc_now
from ops_console.events import Event
from ops_console.mapping import live

from .live_layers import LiveTeamLayer, SensorLayer, SirenLayer

log = logging.getLogger(__name__)

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="map-live")


class LiveFeed(QObject):
    """Keeps the live layers in step; all database reads run on a worker thread."""

    RADIO_TOPICS = ("radio.node", "radio.frames")
    SIREN_TOPICS = ("siren.status", "siren.alarm")

    def __init__(self, post, bridge, sirens: SirenLayer, teams: LiveTeamLayer, sensors: SensorLayer,  # type: ignore[no-untyped-def]
                 parent: QObject | None = None, debounce_ms: int = 2000) -> None:
        super().__init__(parent)
        self.post, self.bridge = post, bridge
        self.sirens, self.teams, self.sensors = sirens, teams, sensors
        self._results: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._pending = 0
        self._poll = QTimer(self)
        self._poll.setInterval(40)
        self._poll.timeout.connect(self._drain)
        self._radio_timer = QTimer(self)
        self._radio_timer.setSingleShot(True)
        self._radio_timer.setInterval(debounce_ms)
        self._radio_timer.timeout.connect(self.reload_radio)
        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(60_000)
        self._stale_timer.timeout.connect(self._restale)
        self._stale_timer.start()
        if bridge is not None:
            bridge.event_received.connect(self._event)
            bridge.records_purged.connect(self.reload)
            bridge.exercise_changed.connect(self.reload)

    def detach(self) -> None:
        self._poll.stop()
        self._radio_timer.stop()
        self._stale_timer.stop()
        if self.bridge is not None:
            self.bridge.event_received.disconnect(self._event)
            self.bridge.records_purged.disconnect(self.reload)
            self.bridge.exercise_changed.disconnect(self.reload)

    def busy(self) -> bool:
        return self._pending > 0

    # requests (GUI thread) --------------------------------------------------------------
    def _submit(self, what: str, fn: Callable[[], Any]) -> None:
        results = self._results

        def work() -> None:  # worker thread: database only, then the queue
            try:
                results.put((what, fn()))
            except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
                results.put(("error", f"{what}: {exc}"))
        self._pending += 1
        _WORKER.submit(work)
        if not self._poll.isActive():
            self._poll.start()

    @Slot()
    def reload(self, *_args: object) -> None:
        self._submit("sirens", lambda: live.load_sirens(self.post))
        self.reload_radio()

    @Slot()
    def reload_radio(self) -> None:
        self._submit("tracks", lambda: live.load_tracks(self.post))
        self._submit("sensors", lambda: live.load_sensors(self.post))

    def reload_siren(self, siren_id: int) -> None:
        self._submit("siren", lambda: (siren_id, live.load_siren(self.post, siren_id)))

    @Slot(object)
    def _event(self, event: Event) -> None:
        if event.topic in self.SIREN_TOPICS:
            siren_id = event.entity_id if event.topic == "siren.status" else event.data.get("siren")
            if isinstance(siren_id, int):
                self.reload_siren(siren_id)
            else:
                self._submit("sirens", lambda: live.load_sirens(self.post))
        elif event.topic in self.RADIO_TOPICS and not self._radio_timer.isActive():
            self._radio_timer.start()  # at most one reload per debounce interval

    # results (GUI thread) ---------------------------------------------------------------
    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                what, result = self._results.get_nowait()
            except queue.Empty:
                break
            self._pending -= 1
            if what == "error":
                log.warning("live map layer load failed: %s", result)
            elif what == "sirens":
                self.sirens.set_sirens(result)
            elif what == "siren":
                siren_id, point = result
                if point is None:
                    self.sirens.remove_siren(siren_id)
                else:
                    self.sirens.put_siren(point)
            elif what == "tracks":
                self.teams.set_tracks(result)
            elif what == "sensors":
                self.sensors.set_sensors(result)
        if self._pending <= 0:
            self._pending = 0
            self._poll.stop()

    @Slot()
    def _restale(self) -> None:
        now = utc_now()
        self.sensors.refresh_staleness(now)
        self.teams.refresh_staleness(now)
