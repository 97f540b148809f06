"""Keeps the record layers in step with the database: a full load at start, then one
record at a time as the bridge reports changes (from this or another workstation)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Slot

from ops_console.early_warning.inbox import cap_area_zones
from ops_console.errors import NotFound, OpsError
from ops_console.events import Event
from ops_console.mapping import risks, shelters, zones
from ops_console.mapping.services import MapServices
from ops_console.topics import Topic
from ops_console.ui.bridge import PostBridge

from .layers.record_layers import IncidentLayer, RiskLayer, ShelterLayer, TaskLayer, TeamLayer, ZoneLayer
from .layers.resident_layer import ResidentLayer

log = logging.getLogger(__name__)


class RecordFeed(QObject):
    """Loads incidents, tasks, shelters, risk points and zones into their layers, live."""

    def __init__(
        self,
        post,
        services: MapServices,
        bridge: PostBridge | None,
        layers: dict,
        parent: QObject | None = None,
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.post, self.services, self.bridge = post, services, bridge
        self.incidents: IncidentLayer = layers["incidents"]
        self.tasks: TaskLayer = layers["tasks"]
        self.teams: TeamLayer = layers["teams"]
        self.shelters: ShelterLayer = layers["shelters"]
        self.risks: RiskLayer = layers["risks"]
        self.zones: ZoneLayer = layers["zones"]
        self.residents: ResidentLayer | None = layers.get("residents")
        self._cap_shapes: list[int] = []  # received CAP areas drawn on the zones layer
        if bridge is not None:
            bridge.incident_changed.connect(self.incident_changed)
            bridge.task_changed.connect(self.task_changed)
            bridge.map_event.connect(self._event)
            bridge.warning_event.connect(self._warning_event)
            bridge.records_purged.connect(self.reload)
            bridge.exercise_changed.connect(self.reload)
            bridge.shift_changed.connect(self.put_residents)  # who may see them changed
        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(60_000)  # teams turn grey 15 min after their last report
        self._stale_timer.timeout.connect(self.teams.refresh_staleness)
        self._stale_timer.start()

    def detach(self) -> None:
        """The pair of the connections made in __init__."""
        self._stale_timer.stop()
        if self.bridge is not None:
            self.bridge.incident_changed.disconnect(self.incident_changed)
            self.bridge.task_changed.disconnect(self.task_changed)
            self.bridge.map_event.disconnect(self._event)
            self.bridge.warning_event.disconnect(self._warning_event)
            self.bridge.records_purged.disconnect(self.reload)
            self.bridge.exercise_changed.disconnect(self.reload)
            self.bridge.shift_changed.disconnect(self.put_residents)

    @Slot()
    def reload(self, *_args: object) -> None:
        try:
            self.incidents.set_markers([])
            for v in self.post.incidents.list():
                self.incidents.put_incident(v)
            self.tasks.set_markers([])
            for t in self.post.tasks.list():
                self.tasks.put_task(t)
            self.shelters.set_markers([])
            for s in self.services.shelters.list():
                self.shelters.put_shelter(s)
            self.risks.set_markers([])
            for r in self.services.risks.list():
                self.risks.put_risk(r)
            self.zones.set_shapes([])
            for z in self.services.zones.list():
                self.zones.put_zone(z)
            self._put_cap_areas()
            self.put_residents()
        except OpsError as exc:  # database gone: the status bar says so; the map keeps what it has
            log.warning("map reload failed: %s", exc)

    @Slot()
    def put_residents(self) -> None:
        """Residents with a position, for a role that may see the register (else none)."""
        register = getattr(getattr(self.post, "residents", None), "register", None)
        if self.residents is None or register is None:
            return
        try:
            self.residents.set_residents(register.map_points() if register.may_see_details else [])
        except OpsError as exc:
            log.warning("map update for residents failed: %s", exc)

    def _put_cap_areas(self) -> None:
        """CAP alerts received and in force, drawn as warning zones (negative ids: never a zone's)."""
        for shape_id in self._cap_shapes:
            self.zones.remove(shape_id)
        self._cap_shapes = []
        inbox = getattr(getattr(self.post, "warnings", None), "inbox", None)
        if inbox is None:
            return
        for a in inbox.list_received(current_only=True, limit=100):
            for view in cap_area_zones(a):
                self.zones.put_zone(view)
                self._cap_shapes.append(view.id)

    @Slot(object)
    def _warning_event(self, event: Event) -> None:
        if event.topic == Topic.CAP_ALERT_CHANGED:  # here or on another workstation (change feed)
            try:
                self._put_cap_areas()
            except OpsError as exc:
                log.warning("map update for received CAP alerts failed: %s", exc)

    @Slot(int)
    def incident_changed(self, incident_id: int) -> None:
        try:
            self.incidents.put_incident(self.post.incidents.get(incident_id))
        except NotFound:
            self.incidents.remove(incident_id)

    @Slot(int)
    def task_changed(self, task_id: int) -> None:
        try:
            self.tasks.put_task(self.post.tasks.get(task_id))
        except NotFound:
            self.tasks.remove(task_id)

    @Slot(object)
    def _event(self, event: Event) -> None:
        if event.topic == Topic.RESIDENT_CHANGED:
            self.put_residents()  # whereabouts or position changed: one layer read again
            return
        if event.entity_id is None:
            return
        try:
            if event.topic == risks.CHANGED:
                self.risks.put_risk(self.services.risks.get(event.entity_id))
            elif event.topic == shelters.CHANGED:
                self.shelters.put_shelter(self.services.shelters.get(event.entity_id))
            elif event.topic == zones.CHANGED:
                zone_ids = {z.id for z in self.services.zones.list()}
                if event.entity_id in zone_ids:
                    self.zones.put_zone(self.services.zones.get(event.entity_id))
                else:
                    self.zones.remove(event.entity_id)
        except NotFound:
            layer = {risks.CHANGED: self.risks, shelters.CHANGED: self.shelters}.get(event.topic)
            if layer is not None:
                layer.remove(event.entity_id)
        except OpsError as exc:
            log.warning("map update for %s failed: %s", event.topic, exc)
