"""Export of the post's records as CSV or JSON, streamed in batches.

CSV cells that a spreadsheet would run as a formula are escaped (ops_console.csv_cells);
JSON is written as stored, since no spreadsheet evaluates it.

Times are written in UTC (ISO 8601) so exports from workstations in different time
zones agree; only records of the mode in force (live or exercise) are exported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from sqlalchemy import select

from ops_console import csv_cells
from ops_console.db.engine import Database
from ops_console.db.models import AuditEntry, Incident, Task, Team
from ops_console.export_kinds import KINDS

BATCH = 2000

_COLUMNS: dict[str, tuple[type, tuple[str, ...]]] = {
    "incidents": (
        Incident,
        (
            "id",
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
            "resolution",
            "closed_at",
            "exercise",
            "created_at",
            "updated_at",
            "version",
        ),
    ),
    "tasks": (
        Task,
        (
            "id",
            "title",
            "details",
            "priority",
            "status",
            "team_id",
            "incident_id",
            "due_at",
            "lat",
            "lon",
            "location_text",
            "exercise",
            "created_at",
            "updated_at",
            "version",
        ),
    ),
    "audit": (
        AuditEntry,
        (
            "id",
            "at",
            "operator_name",
            "action",
            "entity",
            "entity_id",
            "summary",
            "before_json",
            "after_json",
            "exercise",
            "prev_hash",
            "hash",
        ),
    ),
    "teams": (Team, ("id", "name", "callsign", "specialty")),
}
VOLUNTEER_COLUMNS = (
    "id",
    "name",
    "phone",
    "badge",
    "team",
    "skills",
    "languages",
    "availability",
    "emergency_contact",
    "active",
    "on_site_since",
)
SPECIAL = ("volunteers",)  # kinds with rows of their own (_volunteer_rows), not one table's columns
if (*_COLUMNS, *SPECIAL) != KINDS:  # one list of kinds: the CLI names them without importing this module
    raise RuntimeError(f"export kinds {(*_COLUMNS, *SPECIAL)} differ from ops_console.export_kinds {KINDS}")


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value


def _volunteer_rows(db: Database) -> Iterator[dict[str, Any]]:
    """The roster with skills as the import reads them (``first aid 2027-05-01; boat``)."""
    from ops_console.events import EventBus
    from ops_console.people.roster import RosterService
    from ops_console.people.roster_csv import skills_cell
    from ops_console.shift import Shift

    for v in sorted(RosterService(db, EventBus(), Shift()).list(active_only=False), key=lambda v: v.id):
        yield {
            "id": v.id,
            "name": v.name,
            "phone": v.phone,
            "badge": v.badge,
            "team": v.team_name,
            "skills": skills_cell((k.name, k.expires_on) for k in v.skills),
            "languages": v.languages,
            "availability": v.availability,
            "emergency_contact": v.emergency_contact,
            "active": v.active,
            "on_site_since": _value(v.on_site_since),
        }


def _columns_of(kind: str) -> tuple[str, ...]:
    return VOLUNTEER_COLUMNS if kind == "volunteers" else _COLUMNS[kind][1]


def rows(db: Database, kind: str, *, exercise: bool = False) -> Iterator[dict[str, Any]]:
    """The records of ``kind`` in id order as plain dicts, read a batch at a time."""
    if kind == "volunteers":  # people are not exercise records: the roster is the roster
        yield from _volunteer_rows(db)
        return
    model, columns = _COLUMNS[kind]
    last = 0
    with db.read() as s:
        while True:
            query: Any = select(model).where(model.id > last).order_by(model.id).limit(BATCH)  # type: ignore[attr-defined]
            if hasattr(model, "exercise"):
                query = query.where(model.exercise == exercise)  # type: ignore[attr-defined]
            batch = s.scalars(query).all()
            if not batch:
                return
            for record in batch:
                yield {c: _value(getattr(record, c)) for c in columns}
            last = batch[-1].id
            s.expunge_all()


def write(db: Database, kind: str, fmt: str, out: IO[str], *, exercise: bool = False) -> int:
    """Write every record of ``kind`` to ``out``; returns how many were written."""
    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}; choose one of {', '.join(KINDS)}")
    if fmt == "csv":
        writer = csv_cells.dict_writer(out, _columns_of(kind))
        writer.writeheader()
        count = 0
        for row in rows(db, kind, exercise=exercise):
            writer.writerow(row)
            count += 1
        return count
    if fmt == "json":
        out.write("[")
        count = 0
        for count, row in enumerate(rows(db, kind, exercise=exercise), start=1):
            out.write(("\n" if count == 1 else ",\n") + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n")
        return count
    raise ValueError(f"unknown format {fmt!r}; choose csv or json")
