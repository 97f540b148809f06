"""Incidents: report, edit, close — each change audited in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from dataclasses import fields as dc_fields
from datetime import datetime

from sqlalchemy import or_, select

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.models import Incident
from ops_console.domain import IncidentKind, IncidentStatus, Permission, Severity
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.exercise_view import in_view
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.services.records import (
    apply_changes,
    check_coordinates,
    check_time,
    check_title,
    check_version,
    snapshot,
)
from ops_console.shift import Shift
from ops_console.topics import Topic

EDITABLE = (
    "title",
    "kind",
    "severity",
    "status",
    "lat",
    "lon",
    "location_text",
    "reported_at",
    "reported_by",
    "notes",
)


@dataclass(frozen=True)
class IncidentDraft:
    """What a person fills in on the incident form."""

    title: str
    kind: IncidentKind = IncidentKind.OTHER
    severity: Severity = Severity.MODERATE
    status: IncidentStatus = IncidentStatus.OPEN
    lat: float | None = None
    lon: float | None = None
    location_text: str = ""
    reported_at: datetime | None = None
    reported_by: str = ""
    notes: str = ""

    def validate(self) -> None:
        problems: dict[str, str] = {}
        check_title(self.title, problems)
        check_coordinates(self.lat, self.lon, problems)
        check_time(self.reported_at, problems, "reported_at", N_("The report time"))
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class IncidentView:
    """A read-only copy of an incident for tables and dialogs."""

    id: int
    title: str
    kind: IncidentKind
    severity: Severity
    status: IncidentStatus
    lat: float | None
    lon: float | None
    location_text: str
    reported_at: datetime
    reported_by: str
    notes: str
    resolution: str
    closed_at: datetime | None
    exercise: bool
    updated_at: datetime
    version: int

    def draft(self) -> IncidentDraft:
        return IncidentDraft(**{f.name: getattr(self, f.name) for f in dc_fields(IncidentDraft)})


@dataclass(frozen=True)
class IncidentFilter:
    statuses: frozenset[IncidentStatus] = field(default_factory=frozenset)  # empty: all
    min_severity: int = 1
    text: str = ""


def _view(row: Incident) -> IncidentView:
    return IncidentView(
        row.id,
        row.title,
        IncidentKind(row.kind),
        Severity(row.severity),
        IncidentStatus(row.status),
        row.lat,
        row.lon,
        row.location_text,
        row.reported_at,
        row.reported_by,
        row.notes,
        row.resolution,
        row.closed_at,
        row.exercise,
        row.updated_at,
        row.version,
    )


def _columns(draft: IncidentDraft) -> dict[str, object]:
    values = {name: getattr(draft, name) for name in EDITABLE}
    if values["reported_at"] is None:  # an edit without a report time keeps the stored one
        del values["reported_at"]
    values["kind"], values["status"] = draft.kind.value, draft.status.value
    values["severity"], values["title"] = int(draft.severity), draft.title.strip()
    return values


class IncidentService:
    """Use cases for incidents; the UI and the radio service both come through here."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def list(self, flt: IncidentFilter = IncidentFilter()) -> list[IncidentView]:
        # exercise mode is a view: open live incidents stay in sight, on top of the drill's
        query = select(Incident).where(
            in_view(Incident.exercise, self._shift.exercise, Incident.status != IncidentStatus.CLOSED.value)
        )
        if flt.statuses:
            query = query.where(Incident.status.in_([s.value for s in flt.statuses]))
        if flt.min_severity > 1:
            query = query.where(Incident.severity >= flt.min_severity)
        if flt.text.strip():
            like = f"%{flt.text.strip()}%"
            query = query.where(
                or_(
                    Incident.title.ilike(like), Incident.notes.ilike(like), Incident.location_text.ilike(like)
                )
            )
        with self._db.read() as s:
            return [_view(r) for r in s.scalars(query.order_by(Incident.reported_at.desc()))]

    def get(self, incident_id: int) -> IncidentView:
        with self._db.read() as s:
            row = s.get(Incident, incident_id)
            if row is None:
                raise NotFound(said(N_("Incident {id} no longer exists."), id=incident_id))
            return _view(row)

    def create(self, draft: IncidentDraft) -> IncidentView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("report incidents"))
        draft.validate()
        if draft.reported_at is None:
            draft = replace(draft, reported_at=utc_now())
        if not draft.reported_by:
            draft = replace(draft, reported_by=actor.name)
        with self._db.write() as s:
            row = Incident(**_columns(draft), exercise=self._shift.exercise)
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "incident.create",
                "incident",
                row.id,
                said(N_("Incident #{id} reported: {title}"), id=row.id, title=row.title),
                after=snapshot(row, EDITABLE),
                exercise=row.exercise,
            )
            view = _view(row)
        self._bus.publish(Event(Topic.INCIDENT_CHANGED, view.id))
        return view

    def update(self, incident_id: int, expected_version: int, draft: IncidentDraft) -> IncidentView:
        """Save an edit made from ``expected_version``; a newer stored version is a conflict."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("edit incidents"))
        draft.validate()
        return self._change(
            incident_id, expected_version, _columns(draft), actor, "incident.update", "edited"
        )

    def close(self, incident_id: int, expected_version: int, resolution: str) -> IncidentView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("close incidents"))
        if not resolution.strip():
            raise ValidationError(
                {"resolution": said(N_("Say how the incident was resolved before closing it."))}
            )
        changes = {
            "status": IncidentStatus.CLOSED.value,
            "resolution": resolution.strip(),
            "closed_at": utc_now(),
        }
        return self._change(incident_id, expected_version, changes, actor, "incident.close", "closed")

    def _change(
        self, incident_id: int, expected: int, changes: dict, actor: audit.Actor, action: str, verb: str
    ) -> IncidentView:  # type: ignore[type-arg]
        with self._db.write() as s:
            row = s.get(Incident, incident_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Incident {id} no longer exists."), id=incident_id))
            check_version(row, "incident", expected, changes, EDITABLE)
            before = snapshot(row, [*EDITABLE, "resolution"])
            changed = apply_changes(row, changes)
            if changed:
                row.updated_at = utc_now()
                s.flush()
                audit.append(
                    s,
                    actor,
                    action,
                    "incident",
                    row.id,
                    said(
                        N_("Incident #{id} closed: {title}")
                        if verb == "closed"
                        else N_("Incident #{id} edited: {title}"),
                        id=row.id,
                        title=row.title,
                    ),
                    before={k: before.get(k) for k in changed},
                    after=snapshot(row, changed),
                    exercise=row.exercise,
                )
            view = _view(row)
        self._bus.publish(Event(Topic.INCIDENT_CHANGED, view.id))
        return view
