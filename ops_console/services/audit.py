"""The append-only audit log with a SHA-256 hash chain.

Each entry's hash covers its own fields and the previous entry's hash, so changing or
deleting any row breaks the chain at that row; the head row catches a deleted tail.
Entries are written inside the caller's transaction, so a state change and its audit
entry are committed together or not at all.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ops_console.db.engine import Database
from ops_console.db.models import AuditEntry, AuditHead
from ops_console.db.own_writes import note_audit_id
from ops_console.db.types import utc_now

GENESIS_HASH = "0" * 64
NOTIFY_CHANNEL = "ops_console_changes"
VERIFY_BATCH = 5000


@dataclass(frozen=True)
class Actor:
    """Who does something: the operator on shift (or a named system component)."""

    operator_id: int | None
    name: str
    role: str


SYSTEM = Actor(None, "system", "admin")


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces, so the same data always hashes the same."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def entry_hash(entry: AuditEntry) -> str:
    """The SHA-256 of an entry's fields chained to the previous hash."""
    parts = [
        entry.prev_hash, str(entry.id), entry.at.isoformat(), str(entry.operator_id),
        entry.operator_name, entry.action, entry.entity, str(entry.entity_id),
        entry.summary, entry.before_json, entry.after_json, "1" if entry.exercise else "0",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def append(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    *,
    before: Any = None,
    after: Any = None,
    exercise: bool = False,
    at: datetime | None = None,
) -> AuditEntry:
    """Add one audit entry to the caller's open transaction and advance the head.

    The head row is locked first (FOR UPDATE on PostgreSQL; SQLite's write lock is
    already held by BEGIN IMMEDIATE), so concurrent workstations append in turn.
    """
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    entry = AuditEntry(
        id=head.last_id + 1,
        at=at or utc_now(),
        operator_id=actor.operator_id,
        operator_name=actor.name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        before_json=canonical_json(before),
        after_json=canonical_json(after),
        exercise=exercise,
        prev_hash=head.last_hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    head.last_id, head.last_hash = entry.id, entry.hash
    note_audit_id(session, entry.id)
    if session.get_bind().dialect.name == "postgresql":
        # delivered at commit, so other workstations wake only for committed changes
        session.execute(text("SELECT pg_notify(:channel, :id)"), {"channel": NOTIFY_CHANNEL, "id": str(entry.id)})
    return entry


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain check: ok, how many entries were read, and the first break."""

    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"OK: {self.checked} audit entries, hash chain intact"
        return f"BROKEN at entry {self.broken_id}: {self.reason}"


def _entries(session: Session) -> Iterator[AuditEntry]:
    last = 0
    while True:
        batch = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id).limit(VERIFY_BATCH)
        ).all()
        if not batch:
            return
        yield from batch
        last = batch[-1].id
        session.expunge_all()


def verify(db: Database) -> VerifyResult:
    """Walk the whole chain in id order and report the first entry that does not fit."""
    prev_hash, expected_id, checked = GENESIS_HASH, 1, 0
    with db.read() as session:
        for entry in _entries(session):
            if entry.id != expected_id:
                return VerifyResult(False, checked, expected_id, f"entry {expected_id} is missing")
            if entry.prev_hash != prev_hash:
                return VerifyResult(False, checked, entry.id, "does not follow the previous entry (an entry before it was changed or removed)")
            if entry_hash(entry) != entry.hash:
                return VerifyResult(False, checked, entry.id, "its contents were changed after it was written")
            prev_hash, expected_id, checked = entry.hash, entry.id + 1, checked + 1
        head = session.get(AuditHead, 1)
    if head is None:
        return VerifyResult(False, checked, None, "the audit head row is missing")
    if head.last_id != checked or head.last_hash != prev_hash:
        return VerifyResult(False, checked, head.last_id, "entries at the end of the log were removed")
    return VerifyResult(True, checked)
