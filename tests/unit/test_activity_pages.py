"""The activity log's pages stay cheap at any depth: a keyset range of the primary key that
reads only the columns a row shows (issue 14: the worst page while scrolling 200k entries)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, text

from ops_console.clock import utc_now
from ops_console.services.activity import ActivityFilter


def _plan(post, flt: ActivityFilter, before_id: int | None) -> str:
    query = post.activity.page_query(flt, before_id, 200)
    sql = str(query.compile(post.db.engine, compile_kwargs={"literal_binds": True}))
    with post.db.read() as s:
        return " | ".join(row[-1] for row in s.execute(text(f"EXPLAIN QUERY PLAN {sql}")))


@pytest.mark.parametrize(
    "flt",
    [
        ActivityFilter(),
        ActivityFilter(notes_only=True),
        ActivityFilter(since=utc_now() - timedelta(hours=1)),
    ],
    ids=["everything", "log-lines", "last-hour"],
)
@pytest.mark.parametrize("before_id", [None, 150], ids=["first", "deeper"])
def test_a_page_is_a_range_of_an_index_never_a_scan_or_a_sort(post, flt, before_id):
    for i in range(30):
        post.activity.add_note(f"Radio check {i}")
    plan = _plan(post, flt, before_id)
    assert "TEMP B-TREE" not in plan, plan  # a sort of every match before LIMIT: no keyset at all
    assert "OFFSET" not in str(post.activity.page_query(flt, before_id, 200)).upper()
    if before_id is None:  # the newest page walks the primary key backwards and stops at LIMIT
        assert plan.startswith(("SCAN audit_entries", "SEARCH audit_entries")), plan
        assert "INDEX" not in plan or "USING INDEX" in plan, plan
    else:  # a deeper page starts where the last one ended: a range, never a scan from the top
        assert "SCAN" not in plan, plan
        assert "USING INTEGER PRIMARY KEY" in plan or "USING INDEX" in plan, plan


def test_a_page_reads_only_the_columns_a_row_shows(any_post):
    """The audit chain's JSON and hashes stay in the database: a page is 200 short rows."""
    for i in range(5):
        any_post.activity.add_note(f"Radio check {i}")
    seen: list[str] = []

    def remember(_conn, _cursor, statement, _params, _context, _many):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(any_post.db.engine, "before_cursor_execute", remember)
    try:
        first = any_post.activity.page(limit=3)
        newer = any_post.activity.newer_than(first[-1].id)
    finally:
        event.remove(any_post.db.engine, "before_cursor_execute", remember)
    assert [e.summary for e in first] == ["Radio check 4", "Radio check 3", "Radio check 2"]
    assert [e.summary for e in newer] == ["Radio check 4", "Radio check 3"]
    reads = [sql for sql in seen if "audit_entries" in sql]
    assert len(reads) == 2, seen
    for sql in reads:
        for heavy in ("before_json", "after_json", "prev_hash", "record_hash"):
            assert heavy not in sql, sql


def test_an_exercise_page_in_a_live_log_is_a_range_of_the_mode_index(post):
    """In exercise mode, a page of exercise entries never walks the live ones (the usual log
    is mostly live): the mode index (exercise, id) bounds it, deeper pages included."""
    post.exercise.set_exercise(True)
    for i in range(5):
        post.activity.add_note(f"Drill check {i}")
    for before_id in (None, 10):
        plan = _plan(post, ActivityFilter(), before_id)
        assert "ix_audit_entries_mode" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
    assert [e.summary for e in post.activity.page(limit=2)] == ["Drill check 4", "Drill check 3"]
