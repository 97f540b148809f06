"""The audit log's hash chain detects changed, removed and truncated entries.

On PostgreSQL the application cannot change audit rows (a trigger refuses); these tests
play someone who can (the table's owner dropping the trigger for the session).
"""

from sqlalchemy import delete, select, update

from helpers.tamper import tampering
from ops_console.db.models import AuditEntry, Incident
from ops_console.services import audit
from ops_console.services.incidents import IncidentDraft


def _fill(post, n=5):
    for i in range(n):
        post.incidents.create(IncidentDraft(f"Incident {i}"))


def test_intact_chain_verifies(any_post):
    _fill(any_post)
    result = audit.verify(any_post.db)
    assert result.ok, result
    assert result.checked >= 5 + 6  # incidents + the operators created by the fixture


def test_state_change_and_audit_entry_are_one_transaction(any_post):
    view = any_post.incidents.create(IncidentDraft("Flooded cellar"))
    with any_post.db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "incident", AuditEntry.entity_id == view.id)
        ).one()
    assert entry.action == "incident.create"
    assert entry.operator_name == any_post.shift.actor.name
    assert "Flooded cellar" in entry.after_json


def test_changed_entry_is_detected(any_post):
    _fill(any_post)
    with tampering(any_post.db) as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == 8).values(summary="nothing happened"))
    result = audit.verify(any_post.db)
    assert not result.ok and result.broken_id == 8
    assert "changed" in result.reason


def test_deleted_entry_is_detected(any_post):
    _fill(any_post)
    with tampering(any_post.db) as s:
        s.execute(delete(AuditEntry).where(AuditEntry.id == 4))
    result = audit.verify(any_post.db)
    assert not result.ok and result.broken_id == 4


def test_deleted_tail_is_detected(any_post):
    _fill(any_post)
    with tampering(any_post.db) as s:
        last = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        s.execute(delete(AuditEntry).where(AuditEntry.id == last))
    assert not audit.verify(any_post.db).ok


def test_rewritten_entry_with_a_hash_recomputed_without_the_key_is_caught_at_that_entry(any_post):
    _fill(any_post)
    with tampering(any_post.db) as s:
        entry = s.get(AuditEntry, 8)
        entry.summary = "forged"
        entry.hash = audit.entry_hash(entry)  # plain SHA-256: the forger has no key file
    result = audit.verify(any_post.db)
    assert not result.ok and result.broken_id == 8 and "without the post's audit key" in result.reason


def test_failed_write_leaves_neither_record_nor_audit(any_post):
    before = audit.verify(any_post.db).checked
    try:
        with any_post.db.write() as s:
            s.add(
                Incident(title="half", kind="other", severity=2, status="open", reported_at=audit.utc_now())
            )
            s.flush()
            audit.append(s, any_post.shift.actor, "incident.create", "incident", 1, "half")
            raise RuntimeError("power cut mid-transaction")
    except RuntimeError:
        pass
    assert audit.verify(any_post.db).checked == before
    assert any_post.incidents.list() == []
