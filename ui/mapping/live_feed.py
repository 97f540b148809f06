"""Keeps the live map layers (sirens, radio teams, sensors) in step with the database.

``LiveFeed`` loads them as jobs (ui/common/jobs.py): the worker reads the database with
the post's services only, and the result is put into the layers on the GUI thread. Bridge events ask for a reload: one siren if the event names it, the
radio layers at most once per ``debounce_ms``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from ops_console.clock import utc_now
from ops_console.events import Event
from ops_console.mapping import live
from ops_console.notices import say
from ops_console.said import N_, said
from ops_console.topics import Topic
from ops_console.ui.common.jobs import JobLane, start_job

from .layers.live_layers import LiveTeamLayer, SensorLayer, SirenLayer

log = logging.getLogger(__name__)

LAYER_WORDS = {  # the live layers, as a notice names them (ops_console/said.py)
    "sirens": N_("sirens"),
    "siren": N_("siren"),
    "tracks": N_("team tracks"),
    "sensors": N_("sensors"),
}


class LiveFeed(QObject):
    """Keeps the live layers in step; all database reads run on a worker thread."""

    RADIO_TOPICS = (Topic.RADIO_NODE, Topic.RADIO_FRAMES)
    SIREN_TOPICS = (Topic.SIREN_STATUS, Topic.SIREN_ALARM)

    def __init__(
        self,
        post,
        bridge,
        sirens: SirenLayer,
        teams: LiveTeamLayer,
        sensors: SensorLayer,  # type: ignore[no-untyped-def]
        parent: QObject | None = None,
        debounce_ms: int = 2000,
    ) -> None:
        super().__init__(parent)
        self.post, self.bridge = post, bridge
        self.sirens, self.teams, self.sensors = sirens, teams, sensors
        self._lane = JobLane("map-live", parent=self)
        self._pending = 0
        self._radio_timer = QTimer(self)
        self._radio_timer.setSingleShot(True)
        self._radio_timer.setInterval(debounce_ms)
        self._radio_timer.timeout.connect(self.reload_radio)
        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(60_000)
        self._stale_timer.timeout.connect(self._restale)
        self._stale_timer.start()
        if bridge is not None:
            bridge.radio_event.connect(self._event)
            bridge.siren_event.connect(self._event)
            bridge.records_purged.connect(self.reload)
            bridge.exercise_changed.connect(self.reload)

    def detach(self) -> None:
        self._radio_timer.stop()
        self._stale_timer.stop()
        if self.bridge is not None:
            self.bridge.radio_event.disconnect(self._event)
            self.bridge.siren_event.disconnect(self._event)
            self.bridge.records_purged.disconnect(self.reload)
            self.bridge.exercise_changed.disconnect(self.reload)

    def busy(self) -> bool:
        return self._pending > 0

    # requests (GUI thread) --------------------------------------------------------------
    def _submit(self, what: str, work: Callable[[], Any]) -> None:
        """``work`` reads with the post's services only (never this object or a layer)."""
        self._pending += 1
        start_job(
            self._lane, work, partial(self._arrived, what), partial(self._load_failed, what), owner=self
        )

    @Slot()
    def reload(self, *_args: object) -> None:
        self._submit("sirens", partial(live.load_sirens, self.post))
        self.reload_radio()

    @Slot()
    def reload_radio(self) -> None:
        self._submit("tracks", partial(live.load_tracks, self.post))
        self._submit("sensors", partial(live.load_sensors, self.post))

    def reload_siren(self, siren_id: int) -> None:
        self._submit("siren", partial(_load_one_siren, self.post, siren_id))

    @Slot(object)
    def _event(self, event: Event) -> None:
        if event.topic in self.SIREN_TOPICS:
            siren_id = event.entity_id if event.topic == Topic.SIREN_STATUS else event.data.get("siren")
            if isinstance(siren_id, int):
                self.reload_siren(siren_id)
            else:
                self._submit("sirens", partial(live.load_sirens, self.post))
        elif event.topic in self.RADIO_TOPICS and not self._radio_timer.isActive():
            self._radio_timer.start()  # at most one reload per debounce interval

    # results (GUI thread) ---------------------------------------------------------------
    def _load_failed(self, what: str, exc: Exception) -> None:
        self._pending = max(0, self._pending - 1)
        say(
            self.post.bus,
            "problem",
            said(
                N_("The map's live {layer} layer could not be read: {why}"),
                layer=said(LAYER_WORDS[what]) if what in LAYER_WORDS else what,
                why=str(exc),
            ),
            source="map",
        )

    def _arrived(self, what: str, result: Any) -> None:  # what: a key of LAYER_WORDS
        self._pending = max(0, self._pending - 1)
        if what == "sirens":
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

    @Slot()
    def _restale(self) -> None:
        now = utc_now()
        self.sensors.refresh_staleness(now)
        self.teams.refresh_staleness(now)


def _load_one_siren(post: Any, siren_id: int) -> tuple[int, Any]:
    return siren_id, live.load_siren(post, siren_id)
