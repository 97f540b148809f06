"""Shelters: where residents can go, how full each one is, and whether it is open.

Occupancy arrives from two directions: the operator types a head count in the panel
(with the version they saw, so two stations do not overwrite each other silently), and
the radio feature relays a shelter warden's count (``report_occupancy``: the newest
report wins, because a count from the door is fresher than anything on screen). Either
way the status follows the numbers: an open shelter at capacity becomes full, a full
one with room again reopens; a closed shelter stays closed until a person opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.map_models import Shelter
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.exercise_view import in_view
from ops_console.labels import QT_TRANSLATE_NOOP, QT_TRANSLATE_NOOP3, Labelled, labels
from ops_console.said import N_, label, said
from ops_console.services import audit
from ops_console.services.records import apply_changes, check_coordinates, check_version, snapshot
from ops_console.shift import Shift
from ops_console.topics import Topic

CHANGED = Topic.SHELTER_CHANGED
EDITABLE = ("name", "lat", "lon", "capacity", "occupancy", "status", "facilities", "contact")
MAX_PEOPLE = 100_000


class ShelterStatus(Labelled, str, Enum):
    OPEN = "open"
    FULL = "full"
    CLOSED = "closed"


labels(
    ShelterStatus,
    OPEN=QT_TRANSLATE_NOOP3("Labels", "Open", "shelter status"),
    FULL=QT_TRANSLATE_NOOP("Labels", "Full"),
    CLOSED=QT_TRANSLATE_NOOP("Labels", "Closed"),
)


@dataclass(frozen=True)
class ShelterDraft:
    name: str
    lat: float
    lon: float
    capacity: int
    occupancy: int = 0
    status: ShelterStatus = ShelterStatus.OPEN
    facilities: tuple[str, ...] = ()
    contact: str = ""

    def validate(self) -> None:
        problems: dict[str, str] = {}
        if not self.name.strip():
            problems["name"] = said(N_("Give the shelter a name."))
        check_coordinates(self.lat, self.lon, problems)
        if not 1 <= self.capacity <= MAX_PEOPLE:
            problems["capacity"] = said(N_("Capacity must be between 1 and {limit}."), limit=MAX_PEOPLE)
        _check_occupancy(self.occupancy, problems)
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class ShelterView:
    id: int
    name: str
    lat: float
    lon: float
    capacity: int
    occupancy: int
    status: ShelterStatus
    facilities: tuple[str, ...]
    contact: str
    updated_at: datetime
    version: int
    exercise: bool = False  # made in an exercise (in exercise mode the live ones are shown too, marked LIVE)

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.occupancy)

    @property
    def fill_ratio(self) -> float:
        return self.occupancy / self.capacity if self.capacity else 1.0


def _check_occupancy(occupancy: int, problems: dict[str, str]) -> None:
    if not 0 <= occupancy <= MAX_PEOPLE:
        problems["occupancy"] = said(N_("Occupancy must be between 0 and {limit}."), limit=MAX_PEOPLE)


def _view(row: Shelter) -> ShelterView:
    facilities = tuple(f.strip() for f in row.facilities.split(",") if f.strip())
    return ShelterView(
        row.id,
        row.name,
        row.lat,
        row.lon,
        row.capacity,
        row.occupancy,
        ShelterStatus(row.status),
        facilities,
        row.contact,
        row.updated_at,
        row.version,
        row.exercise,
    )


def _status_for(status: str, occupancy: int, capacity: int) -> str:
    if status == ShelterStatus.OPEN.value and occupancy >= capacity:
        return ShelterStatus.FULL.value
    if status == ShelterStatus.FULL.value and occupancy < capacity:
        return ShelterStatus.OPEN.value
    return status


class ShelterService:
    """Use cases for shelters; the panel and the radio feature both come through here."""

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

    def list(self) -> list[ShelterView]:
        """In exercise mode the drill's shelters and the real ones (exercise_view.py)."""
        query = (
            select(Shelter)
            .where(in_view(Shelter.exercise, self._shift.exercise, true()))
            .order_by(Shelter.name)
        )
        with self._db.read() as s:
            return [_view(r) for r in s.scalars(query)]

    def get(self, shelter_id: int) -> ShelterView:
        with self._db.read() as s:
            row = s.get(Shelter, shelter_id)
            if row is None:
                raise NotFound(said(N_("Shelter {id} no longer exists."), id=shelter_id))
            return _view(row)

    def create(self, draft: ShelterDraft) -> ShelterView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("add shelters"))
        draft.validate()
        with self._db.write() as s:
            row = Shelter(
                name=draft.name.strip(),
                lat=draft.lat,
                lon=draft.lon,
                capacity=draft.capacity,
                occupancy=draft.occupancy,
                facilities=", ".join(draft.facilities),
                contact=draft.contact,
                status=_status_for(draft.status.value, draft.occupancy, draft.capacity),
                exercise=self._shift.exercise,
            )
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "shelter.create",
                "shelter",
                row.id,
                said(N_("Shelter #{id} added: {name}"), id=row.id, name=row.name),
                after=snapshot(row, EDITABLE),
                exercise=row.exercise,
            )
            view = _view(row)
        self._bus.publish(Event(CHANGED, view.id))
        return view

    def update(self, shelter_id: int, expected_version: int, draft: ShelterDraft) -> ShelterView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("edit shelters"))
        draft.validate()
        changes = {
            "name": draft.name.strip(),
            "lat": draft.lat,
            "lon": draft.lon,
            "capacity": draft.capacity,
            "occupancy": draft.occupancy,
            "facilities": ", ".join(draft.facilities),
            "contact": draft.contact,
            "status": _status_for(draft.status.value, draft.occupancy, draft.capacity),
        }
        return self._change(
            shelter_id, expected_version, changes, actor, "shelter.update", said(N_("edited"))
        )

    def set_occupancy(
        self, shelter_id: int, occupancy: int, expected_version: int | None = None
    ) -> ShelterView:
        """The head count typed in the panel: one action, audited, status following the count."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("update shelter occupancy"))
        problems: dict[str, str] = {}
        _check_occupancy(occupancy, problems)
        if problems:
            raise ValidationError(problems)
        return self._change(
            shelter_id,
            expected_version,
            {"occupancy": occupancy},
            actor,
            "shelter.occupancy",
            said(N_("now holds {n}"), n=occupancy),
        )

    def report_occupancy(self, shelter_id: int, occupancy: int) -> ShelterView:
        """A count relayed by radio from the shelter itself; newest report wins (no version check)."""
        return self.set_occupancy(shelter_id, occupancy, None)

    def set_status(
        self, shelter_id: int, status: ShelterStatus, expected_version: int | None = None
    ) -> ShelterView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("open or close shelters"))
        return self._change(
            shelter_id,
            expected_version,
            {"status": status.value},
            actor,
            "shelter.status",
            said(N_("set {status}"), status=label(status, lower=True)),
            follow=False,
        )

    def _change(
        self,
        shelter_id: int,
        expected: int | None,
        changes: dict,
        actor: audit.Actor,  # type: ignore[type-arg]
        action: str,
        verb: str,
        *,
        follow: bool = True,
    ) -> ShelterView:
        with self._db.write() as s:
            row = s.get(Shelter, shelter_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Shelter {id} no longer exists."), id=shelter_id))
            if expected is not None:
                check_version(row, "shelter", expected, changes, EDITABLE)
            before = snapshot(row, EDITABLE)
            changed = apply_changes(row, changes)
            if follow:
                changed.update(
                    apply_changes(row, {"status": _status_for(row.status, row.occupancy, row.capacity)})
                )
            if changed:
                row.updated_at = utc_now()
                s.flush()
                audit.append(
                    s,
                    actor,
                    action,
                    "shelter",
                    row.id,
                    said(N_("Shelter #{id} {name} {what}"), id=row.id, name=row.name, what=verb),
                    before={k: before[k] for k in changed},
                    after=snapshot(row, changed),
                    exercise=row.exercise,
                )
            view = _view(row)
        self._bus.publish(Event(CHANGED, view.id))
        return view


def count_people(session: Session, shelter_id: int, delta: int, actor: audit.Actor, why: str) -> Shelter:
    """Add ``delta`` people to a shelter's head count inside the caller's transaction (a
    resident checked in or moved on, residents/accounting.py): the count never goes below
    zero, the status follows it as for a typed count, and the change is audited. The caller
    publishes ``CHANGED`` after its commit."""
    row = session.get(Shelter, shelter_id, with_for_update=True)
    if row is None:
        raise NotFound(said(N_("Shelter {id} no longer exists."), id=shelter_id))
    before = snapshot(row, ("occupancy", "status"))
    row.occupancy = max(0, min(MAX_PEOPLE, row.occupancy + delta))
    row.status = _status_for(row.status, row.occupancy, row.capacity)
    row.updated_at = utc_now()
    session.flush()
    audit.append(
        session,
        actor,
        "shelter.occupancy",
        "shelter",
        row.id,
        said(
            N_("Shelter #{id} {name} now holds {n} ({why})"),
            id=row.id,
            name=row.name,
            n=row.occupancy,
            why=why,
        ),
        before=before,
        after=snapshot(row, ("occupancy", "status")),
        exercise=row.exercise,
    )
    return row
