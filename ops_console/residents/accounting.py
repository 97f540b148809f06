"""A zone's residents: who is inside, welfare checks by street, and evacuation accounting.

Each resident's whereabouts (evacuated — to which shelter —, staying, not found, needs
transport) lives in one row per mode (db/resident_models.py); the shelter's head count
follows in the same transaction, so a check-in at the shelter door and a mark in a
zone's list are the same record. Counts (a zone's progress bar) are for every role; the
names (the list, the unaccounted report) need Permission.VIEW_RESIDENTS.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.map_models import Shelter
from ops_console.db.resident_models import Resident, ResidentAccount
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.mapping import shelters
from ops_console.mapping.zones import ZoneService
from ops_console.said import N_, label, said, tr
from ops_console.services import audit
from ops_console.services.tasks import TaskDraft, TaskService, TaskView
from ops_console.shift import Shift
from ops_console.topics import Topic

from .needs import Whereabouts, task_priority
from .register import SEE, order_by_urgency, row_view, rows_query
from .views import ResidentRow, ZoneProgress
from .zone_query import ids_in_zone

CHUNK = 2000  # ids per IN list: well inside every engine's parameter limit


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def walk_lists(rows: Sequence[ResidentRow]) -> list[tuple[str, list[ResidentRow]]]:
    """Residents grouped by street, each street's most urgent first; the streets with the
    most urgent resident first, then the longer list (one team, one walk)."""
    ordered = sorted(rows, key=lambda r: (r.street.casefold(), -r.urgency, r.address, r.id))
    groups = [(street, list(group)) for street, group in groupby(ordered, key=lambda r: r.street)]
    groups.sort(key=lambda g: (-max(r.urgency for r in g[1]), -len(g[1]), g[0].casefold()))
    return groups


def _task_line(r: ResidentRow) -> str:
    """A resident's line in a welfare task, in the language of the console that makes the task:
    a task is a record people go on editing, so it holds words, not a stored sentence."""
    needs = ", ".join(n.label for n in r.needs) or tr(N_("no listed need"))
    return f"R-{r.id} · {r.address or tr(N_('address not given'))} · {needs}"


class EvacuationService:
    """Zone → residents → welfare tasks, and the accounting of each resident."""

    def __init__(
        self, db: Database, bus: EventBus, shift: Shift, tasks: TaskService, zones: ZoneService
    ) -> None:
        self._db, self._bus, self._shift, self._tasks, self._zones = db, bus, shift, tasks, zones

    def resident_ids(self, zone_id: int) -> list[int]:
        zone = self._zones.get(zone_id)
        with self._db.read() as s:
            return ids_in_zone(s, zone)

    def residents_in(self, zone_id: int) -> list[ResidentRow]:
        """Registered residents inside the zone, most urgent first (a zone of 5,000 takes
        long enough that the UI runs this as a job)."""
        self._shift.require(Permission.VIEW_RESIDENTS, SEE)
        ids = self.resident_ids(zone_id)
        with self._db.read() as s:
            return self._rows(s, ids)

    def progress(self, zone_id: int) -> ZoneProgress:
        """How many residents inside the zone are in each state: counts, for every role."""
        ids = self.resident_ids(zone_id)
        by_status = dict.fromkeys(Whereabouts, 0)
        with self._db.read() as s:
            for chunk in _chunks(ids):
                query = (
                    select(ResidentAccount.status, func.count())
                    .where(
                        ResidentAccount.exercise == self._shift.exercise,
                        ResidentAccount.resident_id.in_(chunk),
                    )
                    .group_by(ResidentAccount.status)
                )
                for status, n in s.execute(query):
                    by_status[Whereabouts(status)] += int(n)
        by_status[Whereabouts.UNACCOUNTED] = len(ids) - sum(by_status.values())
        return ZoneProgress(zone_id, len(ids), by_status)

    def unaccounted(self, zone_id: int) -> list[ResidentRow]:
        """The report: everyone inside the zone the post cannot yet say is safe, most urgent first."""
        return [r for r in self.residents_in(zone_id) if not r.whereabouts.accounted]

    def welfare_tasks(self, zone_id: int) -> list[TaskView]:
        """One welfare-check task per street for the residents not yet accounted for, most
        urgent street first, on the task board. The task names residents by number, address
        and need only: the board is read by every role, the names by opening the record."""
        self._shift.require(Permission.EDIT_RECORDS, N_("create welfare-check tasks"))
        zone = self._zones.get(zone_id)
        created = []
        for street, group in walk_lists(self.unaccounted(zone_id)):
            first = group[0]
            draft = TaskDraft(
                title=tr(
                    N_("Welfare check: {street} ({n}) — {zone}"),
                    street=street,
                    n=len(group),
                    zone=zone.name,
                )[:200],
                details="\n".join(_task_line(r) for r in group),
                priority=task_priority(first.urgency),
                lat=first.lat,
                lon=first.lon,
                location_text=street[:200],
            )
            created.append(self._tasks.create(draft))
        return created

    def mark(self, resident_id: int, whereabouts: Whereabouts, shelter_id: int | None = None) -> ResidentRow:
        """Record where a resident is; the shelter they leave and the one they reach follow."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("account for residents"))
        if whereabouts is Whereabouts.EVACUATED and shelter_id is None:
            raise ValidationError({"shelter": said(N_("Say which shelter the resident went to."))})
        if whereabouts is not Whereabouts.EVACUATED:
            shelter_id = None
        exercise = self._shift.exercise
        touched: list[int] = []
        with self._db.write() as s:
            if s.get(Resident, resident_id) is None:
                raise NotFound(said(N_("Resident R-{id} is no longer registered."), id=resident_id))
            account = s.scalars(
                select(ResidentAccount)
                .where(ResidentAccount.resident_id == resident_id, ResidentAccount.exercise == exercise)
                .with_for_update()
            ).first()
            before = Whereabouts(account.status) if account else Whereabouts.UNACCOUNTED
            left = account.shelter_id if account else None
            if shelter_id is not None and shelter_id != left:
                self._check_shelter(s, shelter_id)
            if account is None:
                account = ResidentAccount(
                    resident_id=resident_id, exercise=exercise, status=whereabouts.value
                )
                s.add(account)
            account.status, account.shelter_id = whereabouts.value, shelter_id
            account.at, account.by = utc_now(), actor.name
            if left != shelter_id:
                if left is not None and self._counts_here(s, left, exercise):
                    touched.append(
                        shelters.count_people(s, left, -1, actor, said(N_("R-{id} left"), id=resident_id)).id
                    )
                if shelter_id is not None and self._counts_here(s, shelter_id, exercise):
                    touched.append(
                        shelters.count_people(
                            s, shelter_id, 1, actor, said(N_("R-{id} checked in"), id=resident_id)
                        ).id
                    )
            s.flush()
            audit.append(
                s,
                actor,
                "resident.whereabouts",
                "resident",
                resident_id,
                said(
                    N_("Resident R-{id}: {before} → {after}"),
                    id=resident_id,
                    before=label(before),
                    after=label(whereabouts),
                ),
                before={"status": before.value, "shelter_id": left},
                after={"status": whereabouts.value, "shelter_id": shelter_id},
                exercise=exercise,
            )
            view = self._rows(s, [resident_id])[0]
        for sid in touched:
            self._bus.publish(Event(Topic.SHELTER_CHANGED, sid))
        self._bus.publish(Event(Topic.RESIDENT_CHANGED, resident_id))
        return view

    def check_in_at_shelter(self, resident_id: int, shelter_id: int) -> ResidentRow:
        """A resident arriving at a shelter's door: the same record a zone's list marks."""
        return self.mark(resident_id, Whereabouts.EVACUATED, shelter_id)

    def _rows(self, s: Session, ids: Sequence[int]) -> list[ResidentRow]:
        rows: list[ResidentRow] = []
        for chunk in _chunks(ids):
            query = rows_query(self._shift.exercise).where(Resident.id.in_(chunk))
            rows.extend(row_view(r, st, sh) for r, st, sh in s.execute(order_by_urgency(query)))
        rows.sort(key=lambda r: (-r.urgency, r.street, r.address, r.name, r.id))
        return rows

    @staticmethod
    def _counts_here(s: Session, shelter_id: int, exercise: bool) -> bool:
        """A drill's check-in never changes a real shelter's head count (the purge could not
        take it back); it counts at the drill's own shelters, and a live one at live ones."""
        row = s.get(Shelter, shelter_id)
        return row is not None and row.exercise == exercise

    @staticmethod
    def _check_shelter(s: Session, shelter_id: int) -> None:
        row = s.get(Shelter, shelter_id)
        if row is None:
            raise ValidationError({"shelter": said(N_("That shelter no longer exists."))})
        if row.status == shelters.ShelterStatus.CLOSED.value:
            raise ValidationError(
                {"shelter": said(N_("{shelter} is closed; choose an open shelter."), shelter=row.name)}
            )
