"""An audit log that cannot be rewritten quietly: a key outside the database, checkpoints
outside it, records checked against their last audited state, and on PostgreSQL a
trigger that refuses the application's own UPDATE, DELETE and TRUNCATE."""

from __future__ import annotations

import json
import os
import stat

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from helpers.pg import scratch_database
from helpers.posts import open_signed_on, pg_url
from helpers.tamper import tampering
from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry, AuditHead, Incident, Task
from ops_console.db.radio_models import RadioMessage
from ops_console.db.siren_models import Siren, SirenCommand
from ops_console.services import audit, audit_anchor
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft


def _fill(post, n=5):
    for i in range(n):
        post.incidents.create(IncidentDraft(f"Incident {i}"))


def _post_id(post) -> str:
    with post.db.read() as s:
        return s.get(AuditHead, 1).post_id


def _recompute_without_key(s, first_id: int) -> None:
    """What a forger without the key file can do: recompute every hash from ``first_id``."""
    prev = s.get(AuditEntry, first_id - 1).hash if first_id > 1 else audit.GENESIS_HASH
    for entry in s.scalars(select(AuditEntry).where(AuditEntry.id >= first_id).order_by(AuditEntry.id)):
        entry.prev_hash = prev
        entry.hash = prev = audit.entry_hash(entry)
    head = s.get(AuditHead, 1)
    head.last_hash = prev


def test_the_key_lives_outside_the_database_and_is_private(any_post):
    post_id = _post_id(any_post)
    key = audit_anchor.load_key(post_id)
    assert key is not None and len(key.key) == 32 and key.legacy_until == 0
    assert stat.S_IMODE(os.stat(key.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(key.path.parent).st_mode) == 0o700
    with any_post.db.read() as s:
        dumped = " ".join(str(v) for e in s.scalars(select(AuditEntry)) for v in vars(e).values())
    assert key.key.hex() not in dumped


def test_a_chain_recomputed_without_the_key_is_caught(any_post):
    _fill(any_post)
    with tampering(any_post.db) as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == 9).values(summary="nothing happened"))
        _recompute_without_key(s, 9)
    result = audit.verify(any_post.db)
    assert not result.ok and result.broken_id == 9 and "without the post's audit key" in result.reason


def test_a_dropped_tail_with_a_fixed_head_is_caught_by_the_checkpoint(any_post):
    _fill(any_post)
    post_id, point = audit.checkpoint(any_post.db)
    assert point.code(post_id).startswith(f"{point.count}-")
    with tampering(any_post.db) as s:
        s.execute(delete(AuditEntry).where(AuditEntry.id > point.count - 3))
        last = s.get(AuditEntry, point.count - 3)
        head = s.get(AuditHead, 1)
        head.last_id, head.last_hash = last.id, last.hash
    result = audit.verify(any_post.db, records=False)
    assert not result.ok and f"counted {point.count}" in result.reason


def test_a_wiped_log_is_caught_even_with_its_post_id_gone(any_post):
    _fill(any_post)
    audit.checkpoint(any_post.db)
    with tampering(any_post.db) as s:
        s.execute(delete(AuditEntry))
        s.execute(update(AuditHead).values(last_id=0, last_hash=audit.GENESIS_HASH, post_id=None))
    result = audit.verify(any_post.db, records=False)
    assert not result.ok and "wiped or replaced" in result.reason


def test_a_log_rewritten_up_to_a_checkpoint_is_caught_there(any_post):
    _fill(any_post)
    _, point = audit.checkpoint(any_post.db)
    key = audit_anchor.load_key(_post_id(any_post))
    with tampering(any_post.db) as s:  # even someone WITH the key cannot hide it from the checkpoint
        s.execute(update(AuditEntry).where(AuditEntry.id == 3).values(summary="forged"))
        prev = s.get(AuditEntry, 2).hash
        for entry in s.scalars(select(AuditEntry).where(AuditEntry.id >= 3).order_by(AuditEntry.id)):
            entry.prev_hash = prev
            entry.hash = prev = audit.entry_hash(entry, key.key)
        s.get(AuditHead, 1).last_hash = prev
    result = audit.verify(any_post.db, records=False)
    assert not result.ok and result.broken_id == point.count and "checkpoint" in result.reason


def test_checkpoints_are_appended_and_closing_a_post_writes_one(db_url):
    post = open_signed_on(db_url)
    post_id = _post_id(post)
    audit.checkpoint(post.db)
    post.close()
    points, problems = audit_anchor.read_checkpoints(post_id)
    assert len(points) == 2 and not problems and points[0].count <= points[1].count
    path = audit_anchor.checkpoint_path(post_id)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert all(set(json.loads(line)) == {"count", "hash", "at"} for line in path.read_text().splitlines())


def test_records_edited_in_the_database_are_named(any_post):
    _fill(any_post, 3)
    task = any_post.tasks.create(TaskDraft("Fill sandbags"))
    assert audit.verify(any_post.db).ok
    with any_post.db.write() as s:  # record tables are not protected by a trigger: only checked
        s.execute(update(Incident).where(Incident.id == 2).values(title="Nothing to see"))
        s.execute(update(Task).where(Task.id == task.id).values(status="done"))
        s.add(
            Incident(
                title="Invented",
                kind="other",
                severity=2,
                status="open",
                reported_at=utc_now(),
                exercise=False,
                version=1,
            )
        )
    result = audit.verify(any_post.db)
    assert not result.ok and result.checked > 0
    assert "incidents #2" in result.edited_records and f"tasks #{task.id}" in result.edited_records
    assert any(r.startswith("incidents #4 (no audit entry") for r in result.edited_records)
    assert "incidents #1" not in result.edited_records


def test_a_record_changed_through_the_services_stays_ok(any_post):
    view = any_post.incidents.create(IncidentDraft("Flooded cellar"))
    any_post.incidents.close(view.id, view.version, "Pumped out")
    assert audit.verify(any_post.db).ok


def test_radio_messages_and_siren_commands_are_covered(full_demo_post):
    post = full_demo_post
    message = post.radio.outbox.compose("CANAL-1", "Sandbags needed at the north gate")
    with post.db.write() as s:
        siren = s.scalars(select(Siren)).first()
        cmd = SirenCommand(
            request_id="r-1",
            siren_id=siren.id,
            command="activate",
            pattern_id=1,
            duration_s=60,
            live=True,
            exercise=False,
            requested_by="Chen Jing",
            state="sent",
        )
        s.add(cmd)
        s.flush()
        audit.append(s, audit.SYSTEM, "siren.command.sent", "siren", siren.id, "sent", record=cmd)
        cmd_id = cmd.id
    with post.db.write() as s:  # bookkeeping the outbox changes without an entry is not flagged
        s.execute(update(RadioMessage).where(RadioMessage.id == message.id).values(attempts=2, link="lora-2"))
    assert audit.verify(post.db).ok, audit.verify(post.db)
    with post.db.write() as s:
        s.execute(update(RadioMessage).where(RadioMessage.id == message.id).values(body="Nothing needed"))
        s.execute(update(SirenCommand).where(SirenCommand.id == cmd_id).values(state="confirmed"))
    result = audit.verify(post.db)
    assert f"radio_messages #{message.id}" in result.edited_records
    assert f"siren_commands #{cmd_id}" in result.edited_records


def test_an_older_post_keeps_its_plain_entries_and_continues_keyed(db_url, tmp_path, monkeypatch):
    post = open_signed_on(db_url)
    _fill(post, 2)
    with post.db.write() as s:  # make it look like an older release wrote it: plain SHA-256, no post id
        for entry in s.scalars(select(AuditEntry)):
            entry.record_table = entry.record_id = entry.record_hash = None
        _recompute_without_key(s, 1)
        s.get(AuditHead, 1).post_id = None
        old_count = s.get(AuditHead, 1).last_id
    post.close()
    monkeypatch.setenv(audit_anchor.KEY_ENV, str(tmp_path / "another-workstation"))
    post = open_signed_on(db_url, create_operators=False)  # its sign-on is the first keyed entry
    _fill(post, 1)
    key = audit_anchor.load_key(_post_id(post))
    assert key.legacy_until == old_count
    result = audit.verify(post.db)
    assert result.ok, result
    with post.db.write() as s:  # the old entries are still checked (as SHA-256)
        s.execute(update(AuditEntry).where(AuditEntry.id == 2).values(summary="forged"))
    assert audit.verify(post.db).broken_id == 2
    post.close()


def test_a_workstation_without_the_key_says_so(any_post, tmp_path, monkeypatch):
    _fill(any_post, 2)
    monkeypatch.setenv(audit_anchor.KEY_ENV, str(tmp_path / "no-keys-here"))
    audit_anchor._cache.clear()
    result = audit.verify(any_post.db)
    assert not result.ok and "does not have the post's audit key" in result.reason
    assert any("does not have the audit key" in n for n in result.notes)


@pytest.fixture
def pg_post():
    """A post on the real PostgreSQL server (these checks exist only there)."""
    server = pg_url()
    if server is None:
        pytest.skip(
            "PostgreSQL tests need OPS_CONSOLE_TEST_PG (e.g. postgresql+psycopg://postgres@127.0.0.1/test)"
        )
    with scratch_database(server) as url:
        post = open_signed_on(url)
        yield post
        post.close()


@pytest.mark.pg
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entries SET summary = 'forged' WHERE id = 2",
        "DELETE FROM audit_entries WHERE id = (SELECT max(id) FROM audit_entries)",
        "TRUNCATE audit_entries",
    ],
)
def test_on_postgresql_the_application_cannot_rewrite_history(pg_post, statement):
    _fill(pg_post, 2)
    with pytest.raises(DBAPIError, match="append-only"):
        with pg_post.db.write() as s:
            s.execute(text(statement))
    assert audit.verify(pg_post.db).ok
