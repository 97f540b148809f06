"""Two supervisors at two workstations approve (or issue) the same warning at the same moment:
exactly one wins, the other is told who did — on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from helpers.posts import PIN, open_signed_on
from helpers.public_warnings import SECOND, draft_flood, ready
from ops_console.db.warning_models import WarningMessage
from ops_console.domain import Role
from ops_console.early_warning.service import WarningConflict
from ops_console.post import Post
from ops_console.services.audit import SYSTEM

THIRD = "Third Supervisor"


def race(posts: list[Post], step: Callable[[Post], object]) -> tuple[list[object], list[Exception]]:
    """Run ``step`` on every workstation at once (released together by a barrier)."""
    barrier = threading.Barrier(len(posts))
    wins: list[object] = []
    losses: list[Exception] = []

    def run(p: Post) -> None:
        barrier.wait()
        try:
            wins.append(step(p))
        except Exception as exc:  # collected and asserted on below
            losses.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in posts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return wins, losses


def test_two_supervisors_approving_and_issuing_at_once_exactly_one_wins(
    any_db_url: str, tmp_path: Path, qapp
):
    first = ready(open_signed_on(any_db_url), tmp_path)
    first.operators.create(THIRD, Role.SUPERVISOR, PIN, by=SYSTEM)
    second = ready(open_signed_on(any_db_url, create_operators=False), tmp_path)
    try:
        for _round in range(3):  # a race lost once by luck proves little: three warnings
            w = draft_flood(first)
            first.operators.sign_on(SECOND, PIN)
            second.operators.sign_on(THIRD, PIN)
            wins, losses = race([first, second], lambda p, wid=w.id: p.warnings.approve(wid, PIN))
            assert len(wins) == 1 and len(losses) == 1, (wins, losses)
            assert isinstance(losses[0], WarningConflict)
            assert "already approved by" in str(losses[0])
            wins, losses = race([first, second], lambda p, wid=w.id: p.warnings.issue(wid, PIN, ["cap"]))
            assert len(wins) == 1 and len(losses) == 1, (wins, losses)
            assert isinstance(losses[0], WarningConflict) and "already issued by" in str(losses[0])
            with first.db.read() as s:  # exactly one Alert went out
                assert s.scalar(select(func.count()).where(WarningMessage.warning_id == w.id)) == 1
            first.operators.sign_on("Supervisor Test", PIN)
    finally:
        second.close()
        first.close()
