"""The risk register: known hazards in the ward, their inspections and mitigation.

A risk point is due for inspection ``inspect_every_days`` after its last one (or after
it was reported, if never inspected); overdue points are what the panel highlights,
because an unchecked old wall is exactly what fails in the next storm.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import select, true

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.map_models import RiskInspection, RiskPoint
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.exercise_view import in_view
from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.services.records import apply_changes, check_coordinates, check_time, check_version, snapshot
from ops_console.shift import Shift
from ops_console.topics import Topic

CHANGED = Topic.RISK_CHANGED
EDITABLE = ("name", "kind", "level", "lat", "lon", "notes", "inspect_every_days", "mitigation")


class RiskKind(Labelled, str, Enum):
    FLOOD_PRONE_LANE = "flood_prone_lane"
    OLD_BUILDING = "old_building"
    SLOPE = "slope"
    CHEMICAL_STORE = "chemical_store"
    POWER_LINE = "power_line"
    BLOCKED_DRAIN = "blocked_drain"
    TREE = "tree"
    OTHER = "other"


labels(
    RiskKind,
    FLOOD_PRONE_LANE=QT_TRANSLATE_NOOP("Labels", "Flood prone lane"),
    OLD_BUILDING=QT_TRANSLATE_NOOP("Labels", "Old building"),
    SLOPE=QT_TRANSLATE_NOOP("Labels", "Slope"),
    CHEMICAL_STORE=QT_TRANSLATE_NOOP("Labels", "Chemical store"),
    POWER_LINE=QT_TRANSLATE_NOOP("Labels", "Power line"),
    BLOCKED_DRAIN=QT_TRANSLATE_NOOP("Labels", "Blocked drain"),
    TREE=QT_TRANSLATE_NOOP("Labels", "Tree"),
    OTHER=QT_TRANSLATE_NOOP("Labels", "Other"),
)


class RiskLevel(Labelled, int, Enum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    VERY_HIGH = 4


labels(
    RiskLevel,
    LOW=QT_TRANSLATE_NOOP("Labels", "Low"),
    MEDIUM=QT_TRANSLATE_NOOP("Labels", "Medium"),
    HIGH=QT_TRANSLATE_NOOP("Labels", "High"),
    VERY_HIGH=QT_TRANSLATE_NOOP("Labels", "Very high"),
)


class Mitigation(Labelled, str, Enum):
    NONE = "none"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


labels(
    Mitigation,
    NONE=QT_TRANSLATE_NOOP("Labels", "None"),
    PLANNED=QT_TRANSLATE_NOOP("Labels", "Planned"),
    IN_PROGRESS=QT_TRANSLATE_NOOP("Labels", "In progress"),
    DONE=QT_TRANSLATE_NOOP("Labels", "Done"),
)


@dataclass(frozen=True)
class RiskDraft:
    """What a person fills in for a risk point."""

    name: str
    kind: RiskKind
    level: RiskLevel
    lat: float
    lon: float
    notes: str = ""
    inspect_every_days: int = 30
    mitigation: Mitigation = Mitigation.NONE

    def validate(self) -> None:
        problems: dict[str, str] = {}
        if not self.name.strip():
            problems["name"] = said(N_("Give the risk point a name."))
        elif len(self.name) > 200:
            problems["name"] = said(N_("Keep the name under {limit} characters."), limit=200)
        check_coordinates(self.lat, self.lon, problems)
        if self.lat is None:
            problems["location"] = said(N_("A risk point needs a location."))
        if not 1 <= self.inspect_every_days <= 3650:
            problems["inspect_every_days"] = said(N_("Inspect between every day and every ten years."))
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class RiskView:
    """A read-only risk point for the map, the register panel and exports."""

    id: int
    name: str
    kind: RiskKind
    level: RiskLevel
    lat: float
    lon: float
    notes: str
    reported_by: str
    reported_at: datetime
    inspect_every_days: int
    last_inspected_at: datetime | None
    mitigation: Mitigation
    version: int
    exercise: bool = False  # made in an exercise (in exercise mode the live ones are shown too, marked LIVE)

    @property
    def inspection_due(self) -> datetime:
        return (self.last_inspected_at or self.reported_at) + timedelta(days=self.inspect_every_days)

    def is_overdue(self, now: datetime | None = None) -> bool:
        return self.mitigation != Mitigation.DONE and self.inspection_due < (now or utc_now())

    def draft(self) -> RiskDraft:
        return RiskDraft(**{f.name: getattr(self, f.name) for f in dc_fields(RiskDraft)})


@dataclass(frozen=True)
class InspectionView:
    id: int
    risk_id: int
    at: datetime
    inspector: str
    finding: str
    level: RiskLevel


def _view(row: RiskPoint) -> RiskView:
    return RiskView(
        row.id,
        row.name,
        RiskKind(row.kind),
        RiskLevel(row.level),
        row.lat,
        row.lon,
        row.notes,
        row.reported_by,
        row.reported_at,
        row.inspect_every_days,
        row.last_inspected_at,
        Mitigation(row.mitigation),
        row.version,
        row.exercise,
    )


def _columns(draft: RiskDraft) -> dict[str, object]:
    return {
        "name": draft.name.strip(),
        "kind": draft.kind.value,
        "level": int(draft.level),
        "lat": draft.lat,
        "lon": draft.lon,
        "notes": draft.notes,
        "inspect_every_days": draft.inspect_every_days,
        "mitigation": draft.mitigation.value,
    }


class RiskService:
    """Use cases of the risk register; every change audited in its own transaction."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    @property
    def exercise_mode(self) -> bool:
        return self._shift.exercise

    @property
    def may_edit(self) -> bool:
        """Whether the one on shift may change these records (the panel disables its buttons
        with the reason before the click; the methods below refuse the others anyway)."""
        return self._shift.can(Permission.EDIT_RECORDS)

    def list(self) -> list[RiskView]:
        """In exercise mode the drill's risk points and the real ones (exercise_view.py)."""
        query = select(RiskPoint).where(in_view(RiskPoint.exercise, self._shift.exercise, true()))
        with self._db.read() as s:
            return [_view(r) for r in s.scalars(query.order_by(RiskPoint.level.desc(), RiskPoint.name))]

    def get(self, risk_id: int) -> RiskView:
        with self._db.read() as s:
            row = s.get(RiskPoint, risk_id)
            if row is None:
                raise NotFound(said(N_("Risk point {id} no longer exists."), id=risk_id))
            return _view(row)

    def inspections(self, risk_id: int) -> builtins.list[InspectionView]:
        query = (
            select(RiskInspection).where(RiskInspection.risk_id == risk_id).order_by(RiskInspection.at.desc())
        )
        with self._db.read() as s:
            return [
                InspectionView(r.id, r.risk_id, r.at, r.inspector, r.finding, RiskLevel(r.level))
                for r in s.scalars(query)
            ]

    def create(self, draft: RiskDraft, *, reported_at: datetime | None = None) -> RiskView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("add risk points"))
        draft.validate()
        with self._db.write() as s:
            row = RiskPoint(
                **_columns(draft),
                reported_by=actor.name,
                reported_at=reported_at or utc_now(),
                exercise=self._shift.exercise,
            )
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "risk.create",
                "risk",
                row.id,
                said(N_("Risk point #{id} added: {name}"), id=row.id, name=row.name),
                after=snapshot(row, EDITABLE),
                exercise=row.exercise,
            )
            view = _view(row)
        self._bus.publish(Event(CHANGED, view.id))
        return view

    def update(self, risk_id: int, expected_version: int, draft: RiskDraft) -> RiskView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("edit risk points"))
        draft.validate()
        with self._db.write() as s:
            row = self._locked(s, risk_id)
            changes = _columns(draft)
            check_version(row, "risk point", expected_version, changes, EDITABLE)
            before = snapshot(row, EDITABLE)
            changed = apply_changes(row, changes)
            if changed:
                row.updated_at = utc_now()
                s.flush()
                audit.append(
                    s,
                    actor,
                    "risk.update",
                    "risk",
                    row.id,
                    said(N_("Risk point #{id} edited: {name}"), id=row.id, name=row.name),
                    before={k: before[k] for k in changed},
                    after=snapshot(row, changed),
                    exercise=row.exercise,
                )
            view = _view(row)
        self._bus.publish(Event(CHANGED, view.id))
        return view

    def log_inspection(
        self,
        risk_id: int,
        finding: str,
        level: RiskLevel,
        mitigation: Mitigation | None = None,
        *,
        at: datetime | None = None,
    ) -> RiskView:
        """Record a visit: the finding, the level found, optionally the mitigation's new state."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("log inspections"))
        if not finding.strip():
            raise ValidationError({"finding": said(N_("Say what the inspection found."))})
        at = at or utc_now()
        problems: dict[str, str] = {}
        check_time(at, problems, "at", N_("The inspection time"))
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            row = self._locked(s, risk_id)
            before = snapshot(row, ("level", "mitigation", "last_inspected_at"))
            s.add(
                RiskInspection(
                    risk_id=row.id, at=at, inspector=actor.name, finding=finding.strip(), level=int(level)
                )
            )
            row.level, row.last_inspected_at, row.updated_at = int(level), at, utc_now()
            if mitigation is not None:
                row.mitigation = mitigation.value
            s.flush()
            audit.append(
                s,
                actor,
                "risk.inspect",
                "risk",
                row.id,
                said(N_("Risk point #{id} inspected: {finding}"), id=row.id, finding=finding.strip()[:80]),
                before=before,
                after=snapshot(row, ("level", "mitigation", "last_inspected_at")),
                exercise=row.exercise,
            )
            view = _view(row)
        self._bus.publish(Event(CHANGED, view.id))
        return view

    @staticmethod
    def _locked(s, risk_id: int) -> RiskPoint:  # type: ignore[no-untyped-def]
        row = s.get(RiskPoint, risk_id, with_for_update=True)
        if row is None:
            raise NotFound(said(N_("Risk point {id} no longer exists."), id=risk_id))
        return row
