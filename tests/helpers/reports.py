"""Posts with long records for the report tests, made in bulk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select

from ops_console.db.models import AuditEntry
from ops_console.post import Post


def add_log_lines(
    post: Post, count: int, start: datetime, text: Callable[[int], str] = lambda i: f"Routine radio check {i}"
) -> None:
    """``count`` activity-log lines one second apart from ``start``, inserted in bulk. Their
    hashes are not chained (these tests read the log, they never verify it)."""
    with post.db.write() as s:
        first = (s.scalar(select(func.max(AuditEntry.id))) or 0) + 1
        for base in range(0, count, 20_000):
            s.execute(
                insert(AuditEntry),
                [
                    {
                        "id": first + i,
                        "at": start + timedelta(seconds=i),
                        "operator_name": f"Operator {i % 5}",
                        "action": "log.note",
                        "entity": "log",
                        "summary": text(i),
                        "exercise": False,
                        "prev_hash": "0" * 64,
                        "hash": "0" * 64,
                    }
                    for i in range(base, min(count, base + 20_000))
                ],
            )
