"""Named evacuation and warning zones, drawn on the map as a polygon or a circle.

Zones are stored as GeoJSON-like text (no spatial extension needed on either engine)
and never edited in place: a changed boundary is a new zone and the old one is
withdrawn, both audited, so the record shows exactly which area residents were told
to leave and when.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import select

from ops_console.db.engine import Database
from ops_console.db.map_models import Zone
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels
from ops_console.said import N_, label, said
from ops_console.services import audit
from ops_console.services.records import check_coordinates
from ops_console.shift import Shift
from ops_console.topics import Topic

CHANGED = Topic.ZONE_CHANGED
MAX_VERTICES = 2000
MAX_RADIUS_M = 50_000.0


class ZoneKind(Labelled, str, Enum):
    EVACUATION = "evacuation"
    WARNING = "warning"


labels(
    ZoneKind,
    EVACUATION=QT_TRANSLATE_NOOP("Labels", "Evacuation"),
    WARNING=QT_TRANSLATE_NOOP("Labels", "Warning"),
)


@dataclass(frozen=True)
class ZoneDraft:
    """A polygon (``ring`` of (lat, lon) corners) or a circle (``centre`` and ``radius_m``)."""

    name: str
    kind: ZoneKind
    ring: tuple[tuple[float, float], ...] = ()
    centre: tuple[float, float] | None = None
    radius_m: float | None = None
    notes: str = ""

    @property
    def shape(self) -> str:
        return "circle" if self.centre is not None else "polygon"

    def validate(self) -> None:
        problems: dict[str, str] = {}
        if not self.name.strip():
            problems["name"] = said(N_("Give the zone a name residents will recognise."))
        if self.centre is not None:
            check_coordinates(self.centre[0], self.centre[1], problems)
            if self.radius_m is None or not 1 <= self.radius_m <= MAX_RADIUS_M:
                problems["radius_m"] = said(
                    N_("The radius must be between 1 m and {km} km."), km=f"{MAX_RADIUS_M / 1000:.0f}"
                )
        else:
            corners = set(self.ring)
            if len(corners) < 3:
                problems["ring"] = said(N_("Draw at least three corners."))
            elif len(self.ring) > MAX_VERTICES:
                problems["ring"] = said(N_("A zone may have at most {limit} corners."), limit=MAX_VERTICES)
            for lat, lon in self.ring:
                check_coordinates(lat, lon, problems)
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class ZoneView:
    id: int
    name: str
    kind: ZoneKind
    ring: tuple[tuple[float, float], ...]  # (lat, lon), closed; empty for a circle
    centre: tuple[float, float] | None
    radius_m: float | None
    notes: str
    created_by: str
    created_at: datetime


def _view(row: Zone) -> ZoneView:
    geometry = json.loads(row.geometry)
    if row.shape == "circle":
        return ZoneView(
            row.id,
            row.name,
            ZoneKind(row.kind),
            (),
            (geometry[1], geometry[0]),
            row.radius_m,
            row.notes,
            row.created_by,
            row.created_at,
        )
    ring = tuple((lat, lon) for lon, lat in geometry)
    return ZoneView(
        row.id, row.name, ZoneKind(row.kind), ring, None, None, row.notes, row.created_by, row.created_at
    )


def _geometry(draft: ZoneDraft) -> str:
    if draft.centre is not None:
        return json.dumps([draft.centre[1], draft.centre[0]])
    ring = [[lon, lat] for lat, lon in draft.ring]
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return json.dumps(ring)


class ZoneService:
    """Use cases for zones: list the active ones, draw one, withdraw one."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def list(self) -> list[ZoneView]:
        query = (
            select(Zone).where(Zone.exercise == self._shift.exercise, Zone.active.is_(True)).order_by(Zone.id)
        )
        with self._db.read() as s:
            return [_view(r) for r in s.scalars(query)]

    def get(self, zone_id: int) -> ZoneView:
        with self._db.read() as s:
            row = s.get(Zone, zone_id)
            if row is None:
                raise NotFound(said(N_("Zone {id} no longer exists."), id=zone_id))
            return _view(row)

    def create(self, draft: ZoneDraft) -> ZoneView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("draw zones"))
        draft.validate()
        with self._db.write() as s:
            row = Zone(
                name=draft.name.strip(),
                kind=draft.kind.value,
                shape=draft.shape,
                geometry=_geometry(draft),
                radius_m=draft.radius_m,
                notes=draft.notes,
                created_by=actor.name,
                exercise=self._shift.exercise,
            )
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "zone.create",
                "zone",
                row.id,
                said(N_("{kind} zone #{id} drawn: {name}"), kind=label(draft.kind), id=row.id, name=row.name),
                after={
                    "name": row.name,
                    "kind": row.kind,
                    "shape": row.shape,
                    "geometry": row.geometry,
                    "radius_m": row.radius_m,
                },
                exercise=row.exercise,
            )
            view = _view(row)
        self._bus.publish(Event(CHANGED, view.id))
        return view

    def withdraw(self, zone_id: int) -> None:
        """Take a zone off the map (kept in the record, audited)."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("withdraw zones"))
        with self._db.write() as s:
            row = s.get(Zone, zone_id, with_for_update=True)
            if row is None or not row.active:
                raise NotFound(said(N_("Zone {id} is not on the map."), id=zone_id))
            row.active = False
            audit.append(
                s,
                actor,
                "zone.withdraw",
                "zone",
                row.id,
                said(N_("Zone #{id} withdrawn: {name}"), id=row.id, name=row.name),
                before={"active": True},
                after={"active": False},
                exercise=row.exercise,
            )
        self._bus.publish(Event(CHANGED, zone_id))
