"""The append-only audit log: a hash chain keyed with the post's audit key.

Each entry's hash is an HMAC-SHA256, under a key the database does not hold
(services/audit_anchor), of its own fields and the previous entry's hash, so changing or
deleting any row breaks the chain at that row, and nobody without the key file can
recompute it; the head row and the checkpoints kept outside the database catch a deleted
tail or a wiped log. Entries written before the post had a key (older releases) are
plain SHA-256 and are checked as such.

An entry about a record (incident, task, radio message, siren command) also carries the
hash of the record's new state, so ``verify`` finds a record edited in the database
after its last audited change (records.py). Entries are written inside the caller's
transaction, so a state change and its audit entry are committed together or not at all.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database, sqlite_path
from ops_console.db.models import AuditEntry, AuditHead
from ops_console.db.own_writes import note_audit_id
from ops_console.errors import OpsError
from ops_console.private_files import write_private
from ops_console.said import N_, english, said, searchable, shown, tr
from ops_console.services import audit_anchor
from ops_console.services.audit_anchor import PostKey
from ops_console.services.audit_records import record_state

log = logging.getLogger(__name__)

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
SIREN_RUNTIME = Actor(None, "siren runtime", "admin")
_COMPONENT_WORDS = {SYSTEM.name: N_("system"), SIREN_RUNTIME.name: N_("siren runtime")}
"""The console's own components, written into ``operator_name`` under a fixed English
name (that column is matched and filtered on), read in the reader's language."""


def actor_words(name: str) -> str:
    """Who made an entry, as a person reads it: a component's name translated, a person's
    name as written."""
    template = _COMPONENT_WORDS.get(name)
    return tr(template) if template is not None else name


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces, so the same data always hashes the same."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def entry_hash(entry: AuditEntry, key: bytes | None = None) -> str:
    """The hash of an entry's fields chained to the previous hash: HMAC-SHA256 under the
    post's key (which also covers the record fields), or plain SHA-256 without a key (the
    entries older releases wrote)."""
    parts = [
        entry.prev_hash,
        str(entry.id),
        entry.at.isoformat(),
        str(entry.operator_id),
        entry.operator_name,
        entry.action,
        entry.entity,
        str(entry.entity_id),
        entry.summary,
        entry.before_json,
        entry.after_json,
        "1" if entry.exercise else "0",
    ]
    if key is None:
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    parts += [entry.record_table or "", str(entry.record_id), entry.record_hash or ""]
    return hmac.new(key, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()


def database_name(db_or_url: Database | str) -> str:
    """How a key file names the database it was made for: the SQLite file's absolute path,
    or user@host:port/database for a server (never a password)."""
    url = db_or_url if isinstance(db_or_url, str) else db_or_url.url
    path = sqlite_path(url)
    if path is not None:
        return str(path.expanduser().resolve())
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or ''}/{parsed.database or ''}"


class AuditKeyProblem(OpsError):
    """The post's audit key cannot be used here; the words say what to do."""


_warned_without_key: set[str] = set()


def _post_key(session: Session, head: AuditHead) -> PostKey | None:
    """The key this post's entries are written with; set the post up on its first entry.

    A post whose head names no post id gets one now, with a new key file; the entries it
    already has (an older release's) stay plain SHA-256. A workstation without the key
    file of an existing post writes plain entries, logs why once, and ``verify`` on a
    workstation with the key names those entries.
    """
    if head.post_id is None:
        database = database_name(str(session.get_bind().engine.url.render_as_string(hide_password=True)))
        earlier = audit_anchor.keys_for_database(database)
        if earlier and head.last_id > 0:
            raise AuditKeyProblem(
                said(
                    N_(
                        "This database was set up as post {post} on this workstation, but its audit "
                        "head no longer says so (edited outside the program?). Run `ops-console audit verify`."
                    ),
                    post=earlier[-1].post_id,
                )
            )
        post_id = audit_anchor.new_post_id()
        head.post_id = post_id
        return audit_anchor.create_key(post_id, head.last_id, database)
    key = audit_anchor.load_key(head.post_id)
    if key is None and head.post_id not in _warned_without_key:
        _warned_without_key.add(head.post_id)
        log.warning(
            "this workstation does not have the audit key of post %s (%s): entries are written unkeyed "
            "until the key file is copied here",
            head.post_id,
            audit_anchor.key_path(head.post_id),
        )
    return key


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
    record: Any = None,
) -> AuditEntry:
    """Add one audit entry to the caller's open transaction and advance the head.

    ``record`` is the ORM row the change left behind when it is not the one ``entity``
    and ``entity_id`` name (a siren command under entity "siren"); incidents, tasks and
    radio messages are found from ``entity``. Its state is hashed after a flush, so
    call this after changing the row.

    The head row is locked first (FOR UPDATE on PostgreSQL; SQLite's write lock is
    already held by BEGIN IMMEDIATE), so concurrent workstations append in turn.
    """
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    key = _post_key(session, head)
    state = record_state(session, entity, entity_id, record)
    entry = AuditEntry(
        id=head.last_id + 1,
        at=at or utc_now(),
        operator_id=actor.operator_id,
        operator_name=actor.name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=searchable(summary),  # a stored sentence (said.py) keeps its English for the log's search
        before_json=canonical_json(before),
        after_json=canonical_json(after),
        exercise=exercise,
        prev_hash=head.last_hash,
        record_table=state[0] if state else None,
        record_id=state[1] if state else None,
        record_hash=state[2] if state else None,
    )
    entry.hash = entry_hash(entry, key.key if key else None)
    session.add(entry)
    head.last_id, head.last_hash = entry.id, entry.hash
    note_audit_id(session, entry.id)
    if session.get_bind().dialect.name == "postgresql":
        # delivered at commit, so other workstations wake only for committed changes
        session.execute(
            text("SELECT pg_notify(:channel, :id)"), {"channel": NOTIFY_CHANNEL, "id": str(entry.id)}
        )
    return entry


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a check: ok, how many entries were read, the first break, and what the
    record and checkpoint checks found (``said_notes`` are facts, not failures).

    ``why`` and ``said_notes`` are stored sentences (ops_console/said.py): ``str()`` reads
    the whole result in the reader's language (``ops-console audit verify`` on a Chinese
    workstation), ``reason`` and ``notes`` give them in English (logs)."""

    ok: bool
    checked: int
    broken_id: int | None = None
    why: str = ""
    edited_records: tuple[str, ...] = ()
    said_notes: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        return english(self.why)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(english(n) for n in self.said_notes)

    def __str__(self) -> str:
        if self.ok:
            head = said(N_("OK: {n} audit entries, hash chain intact"), n=self.checked)
        elif self.broken_id is not None:
            head = said(N_("BROKEN at entry {id}: {why}"), id=self.broken_id, why=self.why)
        else:
            head = said(N_("BROKEN: {why}"), why=self.why)
        lines = [shown(head)]
        if self.edited_records:
            lines.append(
                shown(
                    said(
                        N_("records changed outside the program since their last audited change: {records}"),
                        records=", ".join(self.edited_records),
                    )
                )
            )
        return "\n".join([*lines, *(shown(n) for n in self.said_notes)])


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


@dataclass
class _Walk:
    """What walking the chain gathers for the checks after it."""

    prev_hash: str = GENESIS_HASH
    checked: int = 0
    hashes_at: dict[int, str] | None = None  # entry id -> hash, for the checkpoints' ids
    states: dict[tuple[str, int], str] | None = None
    mentioned: set[tuple[str, int]] | None = None


def _walk(
    session: Session, key: PostKey | None, checkpoint_ids: set[int], *, key_missing: bool
) -> tuple[_Walk, VerifyResult | None]:
    from ops_console.services.audit_records import BY_ENTITY

    walk = _Walk(hashes_at={}, states={}, mentioned=set())
    expected_id = 1
    for entry in _entries(session):
        if entry.id != expected_id:
            return walk, VerifyResult(
                False, walk.checked, expected_id, said(N_("entry {id} is missing"), id=expected_id)
            )
        if entry.prev_hash != walk.prev_hash:
            return walk, VerifyResult(
                False,
                walk.checked,
                entry.id,
                said(N_("does not follow the previous entry (an entry before it was changed or removed)")),
            )
        keyed = key is not None and entry.id > key.legacy_until
        if entry_hash(entry, key.key if keyed else None) != entry.hash:  # type: ignore[union-attr]
            if keyed and entry_hash(entry) == entry.hash:
                reason = said(
                    N_(
                        "it was written without the post's audit key (by a workstation without the key file, "
                        "or recomputed by someone without it)"
                    )
                )
            elif key_missing:
                reason = said(
                    N_(
                        "it is keyed and this workstation does not have the post's audit key to check it "
                        "(copy the key file here)"
                    )
                )
            else:
                reason = said(
                    N_(
                        "its contents were changed after it was written (or its hash recomputed without the key)"
                    )
                )
            return walk, VerifyResult(False, walk.checked, entry.id, reason)
        if entry.id in checkpoint_ids:
            walk.hashes_at[entry.id] = entry.hash  # type: ignore[index]
        if entry.record_table and entry.record_id is not None and entry.record_hash:
            walk.states[(entry.record_table, entry.record_id)] = entry.record_hash  # type: ignore[index]
        elif entry.entity in BY_ENTITY and entry.entity_id is not None:
            walk.mentioned.add((BY_ENTITY[entry.entity], entry.entity_id))  # type: ignore[union-attr]
        walk.prev_hash, expected_id, walk.checked = entry.hash, entry.id + 1, walk.checked + 1
    return walk, None


def verify(db: Database, *, records: bool = True) -> VerifyResult:
    """Walk the whole chain in id order and report the first entry that does not fit; then
    compare it with this workstation's checkpoints and today's records with their last
    audited state."""
    from ops_console.services.audit_records import check_records

    with db.read() as session:
        head = session.get(AuditHead, 1)
        if head is None:
            return VerifyResult(False, 0, None, said(N_("the audit head row is missing")))
        post_id = head.post_id
        notes: list[str] = []
        if post_id is None:
            earlier = audit_anchor.keys_for_database(database_name(db))
            if earlier:
                return VerifyResult(
                    False,
                    0,
                    None,
                    said(
                        N_(
                            "this database was set up as post {post} (key file {path}), "
                            "but its audit head names no post: the log was wiped or replaced"
                        ),
                        post=earlier[-1].post_id,
                        path=str(earlier[-1].path),
                    ),
                )
            key, points = None, list[Any]()
        else:
            key = audit_anchor.load_key(post_id)
            if key is None:
                notes.append(
                    said(
                        N_(
                            "note: this workstation does not have the audit key of post {post} "
                            "({path}); keyed entries cannot be checked here"
                        ),
                        post=post_id,
                        path=str(audit_anchor.key_path(post_id)),
                    )
                )
            points, problems = audit_anchor.read_checkpoints(post_id)
            notes += [said(N_("note: {what}"), what=p) for p in problems]
        walk, broken = _walk(
            session, key, {p.count for p in points}, key_missing=post_id is not None and key is None
        )
        if broken is not None:
            return VerifyResult(False, broken.checked, broken.broken_id, broken.why, said_notes=tuple(notes))
        if head.last_id != walk.checked or head.last_hash != walk.prev_hash:
            return VerifyResult(
                False,
                walk.checked,
                head.last_id,
                said(N_("entries at the end of the log were removed")),
                said_notes=tuple(notes),
            )
        for point in points:
            if point.count > walk.checked:
                return VerifyResult(
                    False,
                    walk.checked,
                    None,
                    said(
                        N_(
                            "the log has {n} entries but the checkpoint of {at} counted {count}: "
                            "entries were removed (the tail dropped or the log wiped), or an older backup was restored"
                        ),
                        n=walk.checked,
                        at=point.at,
                        count=point.count,
                    ),
                    said_notes=tuple(notes),
                )
            if point.count and walk.hashes_at.get(point.count) != point.head_hash:  # type: ignore[union-attr]
                return VerifyResult(
                    False,
                    walk.checked,
                    point.count,
                    said(
                        N_("it differs from the checkpoint of {at}: the log was rewritten up to here"),
                        at=point.at,
                    ),
                    said_notes=tuple(notes),
                )
        if points:
            notes.append(
                said(
                    N_("checked against {n} checkpoint(s), the last at entry {count}"),
                    n=len(points),
                    count=points[-1].count,
                )
            )
        edited: tuple[str, ...] = ()
        if records:
            found = check_records(session, walk.states or {}, walk.mentioned or set())
            edited = tuple(found.edited)
            notes.append(said(N_("{n} records match their last audited state"), n=found.checked))
    if edited:
        return VerifyResult(
            False,
            walk.checked,
            None,
            said(N_("records were changed outside the program")),
            edited_records=edited,
            said_notes=tuple(notes),
        )
    return VerifyResult(True, walk.checked, said_notes=tuple(notes))


def checkpoint(db: Database) -> tuple[str, audit_anchor.Checkpoint]:
    """Append the chain's current length and head hash to this workstation's checkpoint
    file for the post; returns the post id and the checkpoint (``.code()`` for paper)."""
    with db.read() as session:
        head = session.get(AuditHead, 1)
        if head is None:
            raise AuditKeyProblem(said(N_("The audit head row is missing: this is not an Ops Console post.")))
        if head.post_id is None:
            raise AuditKeyProblem(
                said(N_("This post has no audit key yet (nothing has been audited since the upgrade)."))
            )
        post_id, count, last_hash = head.post_id, head.last_id, head.last_hash
    return post_id, audit_anchor.append_checkpoint(post_id, count, last_hash)


def backup_key(db: Database, backup: Path) -> Path | None:
    """Copy the post's audit key next to a backup (``<backup>.audit-key``, 0600), so the
    backup can be verified and written to after a restore; None when this post has no key
    here. To restore it, copy the file into the audit folder as ``<post id>.key``."""
    with db.read() as session:
        head = session.get(AuditHead, 1)
        post_id = head.post_id if head is not None else None
    if post_id is None or not audit_anchor.key_path(post_id).exists():
        return None
    target = backup.with_name(backup.name + ".audit-key")
    write_private(target, audit_anchor.key_path(post_id).read_text(encoding="utf-8"))
    return target
