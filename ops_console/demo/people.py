"""The demo post's volunteers on the roster (issue 17): skills and certificates, badges,
most of them checked in since the shift began, and the four teams with radios in the
field on their tasks with running accountability timers (one about to run out, one
already red), so the team board shows every colour on first start."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.db.models import Task, Team
from ops_console.db.people_models import Volunteer, VolunteerCheckin, VolunteerSkill
from ops_console.domain import TaskStatus
from ops_console.people.skills import canonical_skill
from ops_console.people.views import TeamStatus
from ops_console.said import N_, label, said

from .radio import DEMO_TEAMS

EXTRA_SKILLS = ("driver", "swimmer", "boat", "chainsaw", "interpreter")
LANGUAGES = ("普通话", "普通话, 粤语", "普通话, English", "吴语, 普通话")
# callsign: (status, minutes since last contact at the post): FIRE-3 red, CARE-5 nearly so
FIELD = {
    "CANAL-1": (TeamStatus.ON_SCENE, 6),
    "MED-2": (TeamStatus.EN_ROUTE, 12),
    "FIRE-3": (TeamStatus.ON_SCENE, 24),
    "CARE-5": (TeamStatus.ON_SCENE, 19.4),
}
Note = Callable[[datetime, str, str, int | None, str, dict[str, object]], None]


def build_people(s: Session, rng: random.Random, teams: list[Team], now: datetime, note: Note) -> None:
    """Roster entries for every demo team member; check-ins; field state of radio teams."""
    nodes = {t.call: t.address for t in DEMO_TEAMS}
    shift_start = now - timedelta(hours=3, minutes=10)
    badge = 0
    for team in teams:
        in_field = team.callsign in FIELD
        for member in team.members:
            badge += 1
            skills = [canonical_skill(w) for w in member.skills.split(",") if w.strip()]
            if rng.random() < 0.5:
                skills.append(EXTRA_SKILLS[badge % len(EXTRA_SKILLS)])
            person = Volunteer(
                name=member.name,
                phone=member.phone,
                badge=f"VOL{badge:04d}",
                team_id=team.id,
                languages=LANGUAGES[badge % len(LANGUAGES)],
                availability="days" if badge % 3 else "nights",
                emergency_contact=f"family 139{rng.randrange(10**8):08d}",
                created_at=now - timedelta(days=7),
                updated_at=now - timedelta(days=7),
            )
            s.add(person)
            s.flush()
            member.volunteer_id = person.id
            for n, skill in enumerate(dict.fromkeys(k for k in skills if k)):
                expires = (
                    date(now.year + 1, 1 + badge % 12, 1)
                    if n == 0 and skill in ("first aid", "boat")
                    else None
                )
                s.add(VolunteerSkill(volunteer_id=person.id, skill=skill, expires_on=expires))
            if member.is_leader:
                team.leader_volunteer_id = person.id
            if in_field or badge % 4:  # the field teams, and most of the rest, came in at shift start
                at = shift_start + timedelta(minutes=rng.randint(0, 40))
                s.add(VolunteerCheckin(volunteer_id=person.id, checked_in_at=at, checked_in_by="Wang Fang"))
        if in_field:
            status, minutes = FIELD[team.callsign]
            task = s.scalar(
                select(Task)
                .where(Task.team_id == team.id, Task.status == TaskStatus.IN_PROGRESS.value)
                .order_by(Task.priority.desc(), Task.id)
                .limit(1)
            )
            team.status, team.radio_node = status.value, nodes.get(team.callsign)
            team.current_task_id = task.id if task is not None else None
            team.par_reset_at, team.par_reset_by = now - timedelta(minutes=minutes), "Zhang Min"
            note(
                now - timedelta(minutes=minutes),
                "team.status",
                "team",
                team.id,
                said(
                    N_("Team {team}: {status} on task #{task}"),
                    team=team.name,
                    status=label(status),
                    task=task.id,
                )
                if task
                else said(N_("Team {team}: {status}"), team=team.name, status=label(status)),
                {"status": status.value},
            )
