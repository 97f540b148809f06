"""ICS 211 Incident Check-In List: everyone who was checked in at the post during the period
(the people register's stays, ops_console/people/checkins.py), one row per stay."""

from __future__ import annotations

from sqlalchemy import and_, or_, select

from ops_console.db.models import Team
from ops_console.db.people_models import Volunteer, VolunteerCheckin, VolunteerSkill
from ops_console.labels import translate
from ops_console.post import Post
from ops_console.printing import PrintDocument, Table
from ops_console.reports.forms import Form, FormContext, local_time

TITLE = "INCIDENT CHECK-IN LIST (ICS 211)"
COLUMNS = (
    "#",
    "Name",
    "Badge",
    "Skills / qualifications",
    "Team (assignment)",
    "Contact",
    "Checked in",
    "Checked in by",
    "Checked out",
)


def ics211(post: Post, ctx: FormContext) -> Form:
    period = ctx.period
    overlaps = and_(
        VolunteerCheckin.checked_in_at < period.end,
        or_(VolunteerCheckin.checked_out_at.is_(None), VolunteerCheckin.checked_out_at >= period.start),
    )
    with post.db.read() as s:
        skills: dict[int, list[str]] = {}
        for volunteer_id, skill in s.execute(select(VolunteerSkill.volunteer_id, VolunteerSkill.skill)):
            skills.setdefault(volunteer_id, []).append(skill)
        found = s.execute(
            select(
                Volunteer.id,
                Volunteer.name,
                Volunteer.badge,
                Team.name,
                Volunteer.phone,
                VolunteerCheckin.checked_in_at,
                VolunteerCheckin.checked_in_by,
                VolunteerCheckin.checked_out_at,
            )
            .join(Volunteer, Volunteer.id == VolunteerCheckin.volunteer_id)
            .outerjoin(Team, Team.id == Volunteer.team_id)
            .where(overlaps)
            .order_by(VolunteerCheckin.checked_in_at, VolunteerCheckin.id)
        ).all()
    on_site = translate("Reports", "on site")  # a word of the form, not of the record
    rows = [
        (
            str(number),
            name,
            badge or "",
            ", ".join(sorted(skills.get(vid, []))),
            team or "",
            phone,
            local_time(at_in),
            by,
            local_time(at_out) if at_out else on_site,
        )
        for number, (vid, name, badge, team, phone, at_in, by, at_out) in enumerate(found, 1)
    ]
    doc = PrintDocument(
        TITLE,
        header=ctx.header(("3. Check-in location", ctx.incident)),
        footer=f"ICS 211 · {ctx.period.words()}",
        author=ctx.prepared_by,
    )
    doc.add(Table(COLUMNS, rows, (0.4, 1.6, 0.9, 1.8, 1.3, 1.2, 1.3, 1.2, 1.3)))
    return Form("ics211", doc, COLUMNS, rows)
