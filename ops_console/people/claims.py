"""A team is given one task at a time: the claim is one conditional UPDATE.

``UPDATE teams SET status='assigned', current_task_id=:task WHERE id=:team AND
status='available' AND active`` changes one row for the first of two stations assigning
the same team at the same moment and none for the second: PostgreSQL re-reads the row
after the first commits (READ COMMITTED re-checks the WHERE), SQLite runs writers one at
a time. The second is told who has the team now (TeamUnavailable), never overwritten.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.models import Task, Team
from ops_console.errors import OpsError
from ops_console.said import N_, label, said

from .views import TeamStatus


class TeamUnavailable(OpsError):
    """The team is not available (someone assigned it first, or it is resting, out …)."""


def claim(s: Session, team_id: int, task_id: int) -> None:
    """Take an available team for a task in the caller's transaction, or raise TeamUnavailable."""
    done = s.execute(
        update(Team)
        .where(Team.id == team_id, Team.status == TeamStatus.AVAILABLE.value, Team.active.is_(True))
        .values(
            status=TeamStatus.ASSIGNED.value, current_task_id=task_id, par_reset_at=utc_now(), par_reset_by=""
        )
        .execution_options(synchronize_session=False)
    )
    if done.rowcount == 1:  # type: ignore[attr-defined]
        return
    row = s.execute(
        select(Team.name, Team.status, Team.current_task_id, Team.active).where(Team.id == team_id)
    ).first()
    if row is None:
        raise TeamUnavailable(said(N_("That team no longer exists.")))
    name, status, current, active = row
    if not active:
        raise TeamUnavailable(said(N_("{team} has been disbanded."), team=name))
    if current is not None:
        title = s.scalar(select(Task.title).where(Task.id == current)) or said(N_("task #{id}"), id=current)
        raise TeamUnavailable(
            said(
                N_("{team} was just assigned to “{task}” by another station; choose another team."),
                team=name,
                task=title,
            )
        )
    raise TeamUnavailable(
        said(
            N_("{team} is {status}, not available."), team=name, status=label(TeamStatus(status), lower=True)
        )
    )


def release(s: Session, team_id: int | None, task_id: int) -> None:
    """The team's task ended or went to another team: the team is available again."""
    if team_id is None:
        return
    s.execute(
        update(Team)
        .where(Team.id == team_id, Team.current_task_id == task_id)
        .values(status=TeamStatus.AVAILABLE.value, current_task_id=None, par_reset_at=None)
        .execution_options(synchronize_session=False)
    )
