"""The per-siren lock: one door for every sound, whoever asks (an operator or a schedule).

Both an activation (SirenService.activate) and a scheduled audible test
(SirenRecords.run_due_tests) lock the siren rows they command (SELECT … FOR UPDATE, the
version bumped as a visible trace) and refuse a siren that another sound or test is
still commanding or still playing, so two consoles, or a console and a schedule, never
start two sounds on one siren.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ops_console.db.siren_models import Siren, SirenCommand
from ops_console.sirens.views import CONFIRMED, PENDING_STATES, STALE_AFTER

RUNNING_SLACK = timedelta(seconds=5)


def lock_sirens(s: Session, siren_ids: Iterable[int] | None, *, enabled_only: bool = False) -> list[Siren]:
    """The siren rows, locked for this transaction (all sirens when ``siren_ids`` is None)."""
    q = select(Siren).order_by(Siren.id).with_for_update()
    if siren_ids is not None:
        q = q.where(Siren.id.in_(list(siren_ids)))
    if enabled_only:
        q = q.where(Siren.enabled)
    return list(s.scalars(q).all())


def busy_commands(s: Session, siren_ids: Iterable[int], now: datetime) -> list[SirenCommand]:
    """Sound/test commands that are still in flight or still running on these sirens."""
    ids = list(siren_ids)
    rows = s.scalars(
        select(SirenCommand).where(
            SirenCommand.siren_id.in_(ids),
            SirenCommand.command != "cancel",
            SirenCommand.exercise.is_(False),
            SirenCommand.state.in_((*PENDING_STATES, CONFIRMED)),
        )
    ).all()
    busy = []
    for c in rows:
        if c.state in PENDING_STATES:
            if c.requested_at + STALE_AFTER > now:  # older ones are never sent (see SirenRecords.claim)
                busy.append(c)
        elif (
            c.finished_at is not None
            and c.finished_at + timedelta(seconds=c.duration_s) + RUNNING_SLACK > now
        ):
            cancelled = s.scalar(
                select(func.count())
                .select_from(SirenCommand)
                .where(
                    SirenCommand.siren_id == c.siren_id,
                    SirenCommand.command == "cancel",
                    SirenCommand.requested_at >= c.requested_at,
                )
            )
            if not cancelled:
                busy.append(c)
    return busy
