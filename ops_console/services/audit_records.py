"""The state of a record as an audit entry remembers it, and the check of today's rows.

Each audited change of an incident, task, radio message or siren command carries the
SHA-256 of the record's new state (the columns below, read back from the database
inside the same transaction, so the check later reads exactly the same values).
``check_records`` compares every current row with the state its last audit entry
remembers and names each row that differs: it was edited outside the program.

Only what people decide and what the record says happened is covered. Radio bookkeeping
that the outbox changes without an audit entry (retries, which radio link, signal
strength) is left out, as is a siren command's retry count. Rows with no audit entry at
all are named for incidents and tasks (every one is created through an audited
service); radio messages heard and siren commands not yet sent have no entry yet, by
design, and are counted, not named.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ops_console.db.models import Incident, Task
from ops_console.db.radio_models import RadioMessage
from ops_console.db.siren_models import SirenCommand
from ops_console.db.warning_models import PublicWarning

BATCH = 5000


@dataclass(frozen=True)
class Covered:
    table: Table
    columns: tuple[str, ...]
    entity: str | None  # the audit entity that names this table's rows, if any
    always_audited: bool  # every row is created through an audited service


def _all(model: Any, *, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(c.name for c in model.__table__.columns if c.name not in leave_out)


COVERED: dict[str, Covered] = {
    "incidents": Covered(Incident.__table__, _all(Incident), "incident", True),
    "tasks": Covered(Task.__table__, _all(Task), "task", True),
    "radio_messages": Covered(
        RadioMessage.__table__,
        _all(
            RadioMessage,
            leave_out=(
                "status",
                "attempts",
                "next_attempt_at",
                "last_error",
                "acked_at",
                "link",
                "rssi",
                "snr",
                "raw_frame_id",
                "node_addr",
            ),
        ),
        "radio_message",
        False,
    ),
    "siren_commands": Covered(
        SirenCommand.__table__, _all(SirenCommand, leave_out=("attempts",)), None, False
    ),
    # a warning's words changed in the database after its approval (a false alert) is named
    "public_warnings": Covered(PublicWarning.__table__, _all(PublicWarning), "warning", True),
}
BY_ENTITY = {c.entity: name for name, c in COVERED.items() if c.entity}


def _canonical(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def state_hash(row: Any, columns: tuple[str, ...]) -> str:
    """SHA-256 of the covered columns of one row (a Core row mapping)."""
    data = {c: _canonical(row[c]) for c in columns}
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False).encode(
            "utf-8"
        )
    ).hexdigest()


def record_state(
    session: Session, entity: str, entity_id: int | None, record: Any = None
) -> tuple[str, int, str] | None:
    """(table, id, state hash) of the record an audit entry is about, or None."""
    if record is not None:
        name, row_id = record.__table__.name, record.id
    elif entity in BY_ENTITY and entity_id is not None:
        name, row_id = BY_ENTITY[entity], entity_id
    else:
        return None
    covered = COVERED.get(name)
    if covered is None:
        return None
    session.flush()
    row = session.execute(select(covered.table).where(covered.table.c.id == row_id)).mappings().one_or_none()
    if row is None:
        return None
    return name, row_id, state_hash(row, covered.columns)


@dataclass
class RecordCheck:
    """What the comparison of today's rows with their last audited state found."""

    checked: int = 0
    edited: list[str] = field(default_factory=list)  # "incidents #4", ...
    unaudited: dict[str, int] = field(default_factory=dict)  # table -> rows with no entry (not named)

    @property
    def ok(self) -> bool:
        return not self.edited


def _rows(session: Session, table: Table) -> Iterator[Any]:
    last = 0
    while True:
        batch = (
            session.execute(select(table).where(table.c.id > last).order_by(table.c.id).limit(BATCH))
            .mappings()
            .all()
        )
        if not batch:
            return
        yield from batch
        last = batch[-1]["id"]


def check_records(
    session: Session,
    last_states: dict[tuple[str, int], str],
    mentioned: set[tuple[str, int]],
    *,
    limit: int = 50,
) -> RecordCheck:
    """Compare every covered row with ``last_states`` ((table, id) -> hash from the newest
    audit entry about it, gathered while the chain was walked). ``mentioned`` holds rows
    that entries name without a state hash (written by older releases): not named."""
    result = RecordCheck()
    for name, covered in COVERED.items():
        for row in _rows(session, covered.table):
            expected = last_states.get((name, row["id"]))
            if expected is None:
                if (
                    covered.always_audited
                    and (name, row["id"]) not in mentioned
                    and len(result.edited) < limit
                ):
                    result.edited.append(f"{name} #{row['id']} (no audit entry made it)")
                else:
                    result.unaudited[name] = result.unaudited.get(name, 0) + 1
                continue
            result.checked += 1
            if state_hash(row, covered.columns) != expected and len(result.edited) < limit:
                result.edited.append(f"{name} #{row['id']}")
    return result
