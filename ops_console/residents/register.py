"""The register of residents who need help: kept, opened and exported under privacy rules.

Personal data stays on the post and with the people who need it: operators and
supervisors (Permission.VIEW_RESIDENTS) read names, addresses and needs; a viewer gets
counts only (``counts``), refused in the service, not only greyed out in the UI. Every
opening of a record (contacts, notes) is an audit entry, and the export needs
Permission.EXPORT_RESIDENTS (supervisors) and is audited with its row count.

The audit entries of the register name residents by number and list which fields
changed, never the values: the activity log is read by every role, and a chain that
cannot be edited would keep a mistyped phone number of a person for ever.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ops_console import csv_cells
from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.map_models import Shelter
from ops_console.db.resident_models import Resident, ResidentAccount
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.private_files import open_private
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.services.records import check_coordinates, check_version
from ops_console.shift import Shift
from ops_console.topics import Topic

from .needs import Need, Whereabouts, parse_needs, store_needs, urgency
from .streets import street_of
from .views import ResidentCounts, ResidentDetails, ResidentDraft, ResidentRow

CHANGED = Topic.RESIDENT_CHANGED
FIELDS = ("name", "address", "lat", "lon", "needs", "contact", "neighbour_contact", "checker", "notes")
LIMITS = {"name": 120, "address": 200, "contact": 120, "neighbour_contact": 200, "checker": 120}
EXPORT_COLUMNS = (
    "id",
    "name",
    "address",
    "street",
    "lat",
    "lon",
    "needs",
    "contact",
    "neighbour_contact",
    "checker",
    "notes",
)
SEE = N_("see residents' details")


def validate(draft: ResidentDraft) -> None:
    problems: dict[str, str] = {}
    if not draft.name.strip():
        problems["name"] = said(N_("A name is required."))
    for name, limit in LIMITS.items():
        if len(getattr(draft, name)) > limit:
            problems[name] = said(N_("Keep it under {limit} characters."), limit=limit)
    check_coordinates(draft.lat, draft.lon, problems)
    if problems:
        raise ValidationError(problems)


def _columns(draft: ResidentDraft) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(draft, name) for name in FIELDS}
    values["name"], values["address"] = draft.name.strip(), draft.address.strip()
    values["needs"] = store_needs(draft.needs)
    values["street"] = street_of(values["address"])
    values["urgency"] = urgency(draft.needs)
    return values


def row_view(r: Resident, status: str | None = None, shelter: str | None = None) -> ResidentRow:
    return ResidentRow(
        r.id,
        r.name,
        r.address,
        r.street,
        r.lat,
        r.lon,
        parse_needs(r.needs),
        r.urgency,
        Whereabouts(status) if status else Whereabouts.UNACCOUNTED,
        shelter or "",
    )


def rows_query(exercise: bool) -> Any:
    """Residents with their whereabouts in the mode in force (an outer join: no row = unaccounted)."""
    return (
        select(Resident, ResidentAccount.status, Shelter.name)
        .outerjoin(
            ResidentAccount,
            (ResidentAccount.resident_id == Resident.id) & (ResidentAccount.exercise == exercise),
        )
        .outerjoin(Shelter, Shelter.id == ResidentAccount.shelter_id)
    )


def order_by_urgency(query: Any) -> Any:
    return query.order_by(
        Resident.urgency.desc(), Resident.street, Resident.address, Resident.name, Resident.id
    )


class ResidentService:
    """Use cases of the register; the zone and accounting services build on its views."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    @property
    def may_see_details(self) -> bool:
        return self._shift.can(Permission.VIEW_RESIDENTS)

    @property
    def may_edit(self) -> bool:
        return self._shift.can(Permission.EDIT_RECORDS)

    @property
    def may_export(self) -> bool:
        return self._shift.can(Permission.EXPORT_RESIDENTS)

    def counts(self) -> ResidentCounts:
        """Totals every role may see (a viewer's whole view of the register)."""
        with self._db.read() as s:
            total, on_map = s.execute(select(func.count(Resident.id), func.count(Resident.lat))).one()
            by_need = dict.fromkeys(Need, 0)
            for (text,) in s.execute(select(Resident.needs).where(Resident.needs != "")):
                for need in parse_needs(text):
                    by_need[need] += 1
        return ResidentCounts(int(total), int(on_map), by_need)

    def rows(self, text: str = "") -> list[ResidentRow]:
        """Everyone registered, most urgent first; those with no position are listed too."""
        self._shift.require(Permission.VIEW_RESIDENTS, SEE)
        query = rows_query(self._shift.exercise)
        for word in text.split():
            like = f"%{word}%"
            query = query.where(or_(Resident.name.ilike(like), Resident.address.ilike(like)))
        with self._db.read() as s:
            return [row_view(r, st, sh) for r, st, sh in s.execute(order_by_urgency(query))]

    def map_points(self) -> list[ResidentRow]:
        """The residents the map can place (a position given); where they live is personal
        data too, so the map shows them only to those who may see details."""
        self._shift.require(Permission.VIEW_RESIDENTS, SEE)
        query = rows_query(self._shift.exercise).where(Resident.lat.is_not(None), Resident.lon.is_not(None))
        with self._db.read() as s:
            return [row_view(r, st, sh) for r, st, sh in s.execute(order_by_urgency(query))]

    def open(self, resident_id: int) -> ResidentDetails:
        """A resident's whole record; the opening itself is audited (who read whose data)."""
        actor = self._shift.require(Permission.VIEW_RESIDENTS, SEE)
        with self._db.write() as s:
            details = self._details(s, resident_id)
            audit.append(
                s,
                actor,
                "resident.open",
                "resident",
                resident_id,
                said(N_("Resident record R-{id} opened"), id=resident_id),
                exercise=self._shift.exercise,
            )
        return details

    def create(self, draft: ResidentDraft) -> ResidentDetails:
        actor = self._require_edit(N_("register residents"))
        validate(draft)
        with self._db.write() as s:
            row = Resident(**_columns(draft))
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "resident.create",
                "resident",
                row.id,
                said(N_("Resident R-{id} registered"), id=row.id),
                after={"fields": [f for f in FIELDS if getattr(row, f) not in ("", None)]},
                exercise=self._shift.exercise,
            )
            details = self._details(s, row.id)
        self._bus.publish(Event(CHANGED, details.row.id))
        return details

    def update(self, resident_id: int, expected_version: int, draft: ResidentDraft) -> ResidentDetails:
        actor = self._require_edit(N_("edit residents"))
        validate(draft)
        changes = _columns(draft)
        with self._db.write() as s:
            row = s.get(Resident, resident_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Resident R-{id} is no longer registered."), id=resident_id))
            check_version(row, "resident", expected_version, {}, ())
            changed = [name for name, value in changes.items() if getattr(row, name) != value]
            for name in changed:
                setattr(row, name, changes[name])
            if changed:
                row.updated_at = utc_now()
                s.flush()
                audit.append(
                    s,
                    actor,
                    "resident.update",
                    "resident",
                    row.id,
                    said(
                        N_("Resident R-{id} edited ({fields})"),
                        id=row.id,
                        fields=", ".join(c for c in changed if c in FIELDS),
                    ),
                    after={"fields": [c for c in changed if c in FIELDS]},
                    exercise=self._shift.exercise,
                )
            details = self._details(s, row.id)
        self._bus.publish(Event(CHANGED, resident_id))
        return details

    def export_csv(self, out: IO[str]) -> int:
        """The whole register as CSV (cells escaped against formulas); supervisors only, audited."""
        actor = self._shift.require(Permission.EXPORT_RESIDENTS, N_("export the residents register"))
        writer = csv_cells.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        count = 0
        with self._db.write() as s:
            for r in s.scalars(select(Resident).order_by(Resident.id)):
                writer.writerow(
                    [getattr(r, c) if c != "needs" else r.needs.replace(",", " ") for c in EXPORT_COLUMNS]
                )
                count += 1
            audit.append(
                s,
                actor,
                "resident.export",
                "resident",
                None,
                said(N_("Residents register exported ({n} residents)"), n=count),
                after={"count": count},
                exercise=self._shift.exercise,
            )
        return count

    def export_csv_file(self, path: Path) -> int:
        """The export to a file only its owner can read (it holds people's contacts)."""
        self._shift.require(Permission.EXPORT_RESIDENTS, N_("export the residents register"))
        with open_private(path, "w", newline="", encoding="utf-8-sig") as out:
            return self.export_csv(out)

    def _require_edit(self, doing: str) -> audit.Actor:
        self._shift.require(Permission.VIEW_RESIDENTS, doing)
        return self._shift.require(Permission.EDIT_RECORDS, doing)

    def _details(self, s: Session, resident_id: int) -> ResidentDetails:
        found = s.execute(rows_query(self._shift.exercise).where(Resident.id == resident_id)).first()
        if found is None:
            raise NotFound(said(N_("Resident R-{id} is no longer registered."), id=resident_id))
        r, status, shelter = found
        return ResidentDetails(
            row_view(r, status, shelter),
            r.contact,
            r.neighbour_contact,
            r.checker,
            r.notes,
            r.updated_at,
            r.version,
        )
