"""Shared by the benchmarks: demo posts grown to the sizes a long incident reaches."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry, AuditHead, Task
from ops_console.demo import build_demo_post
from ops_console.post import Post, open_post
from ops_console.services.audit import canonical_json, entry_hash

BATCH = 20_000


def grown_demo_post(path: Path, audit_entries: int, tasks: int, seed: int = 3) -> Post:
    """A demo post on ``path`` with at least ``audit_entries`` log entries and ``tasks`` tasks."""
    post = open_post(f"sqlite:///{path}")
    build_demo_post(post)
    rng = random.Random(seed)
    _add_tasks(post, tasks, rng)
    _add_audit_entries(post, audit_entries)
    return post


def _add_tasks(post: Post, total: int, rng: random.Random) -> None:
    now = utc_now()
    with post.db.write() as s:
        have = len(s.scalars(select(Task.id)).all())
        rows = [
            {
                "title": f"Welfare check, house {i}",
                "details": "",
                "priority": rng.randint(1, 4),
                "status": rng.choice(["new", "assigned", "in_progress", "done", "cancelled"]),
                "location_text": f"Lane {i % 40}",
                "exercise": False,
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "due_at": now + timedelta(minutes=rng.randint(-60, 600)),
            }
            for i in range(have, total)
        ]
        if rows:
            s.execute(insert(Task), rows)


def _add_audit_entries(post: Post, total: int) -> None:
    """Append chained entries in bulk (the same hashing as the service, without its per-row cost)."""
    with post.db.write() as s:
        head = s.get(AuditHead, 1)
        start_time = utc_now() - timedelta(days=3)
        next_id, prev = head.last_id + 1, head.last_hash
        while next_id <= total:
            rows = []
            for i in range(next_id, min(total, next_id + BATCH - 1) + 1):
                entry = AuditEntry(
                    id=i,
                    at=start_time + timedelta(seconds=i),
                    operator_id=None,
                    operator_name="Wang Fang",
                    action="log.note",
                    entity="log",
                    entity_id=None,
                    summary=f"Routine radio check {i}",
                    before_json=canonical_json(None),
                    after_json=canonical_json(None),
                    exercise=False,
                    prev_hash=prev,
                )
                entry.hash = prev = entry_hash(entry)
                rows.append({c.key: getattr(entry, c.key) for c in AuditEntry.__table__.columns})
            s.execute(insert(AuditEntry), rows)
            next_id = rows[-1]["id"] + 1
            head.last_id, head.last_hash = rows[-1]["id"], prev
