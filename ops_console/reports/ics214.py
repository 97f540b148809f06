"""ICS 214 Activity Log, per operator, per unit (a team) or for the whole post: one place for its layout.

The log is the post's audit trail (every change and every line typed, ops_console/services/
activity.py) for the period, oldest first. Read as plain tuples of three columns, so the
100,000 lines of a long operation are read in well under a second.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select

from ops_console.db.models import AuditEntry, Task, Team, TeamMember
from ops_console.errors import NotFound
from ops_console.labels import translate
from ops_console.post import Post
from ops_console.printing import Heading, PrintDocument, Table
from ops_console.reports.forms import Form, FormContext, local_time
from ops_console.said import N_, said, shown
from ops_console.services.audit import actor_words

TITLE = "ACTIVITY LOG (ICS 214)"
COLUMNS = ("Date/Time", "Name", "Notable activities")


def ics214(post: Post, ctx: FormContext, *, operator: str = "", unit: str = "") -> Form:
    """The activity log of ``operator`` (a name as signed on), of ``unit`` (a team's name:
    what was done about the team and its tasks), or of the post when neither is given."""
    period = ctx.period
    where = and_(
        AuditEntry.exercise.is_(post.shift.exercise),
        AuditEntry.at >= period.start,
        AuditEntry.at < period.end,
    )
    resources: list[tuple[str, str, str]] = []
    with post.db.read() as s:
        if operator:
            where = and_(where, AuditEntry.operator_name == operator)
        if unit:
            team = s.execute(select(Team.id, Team.callsign).where(Team.name == unit)).first()
            if team is None:
                raise NotFound(said(N_("There is no team called '{unit}'."), unit=unit))
            tasks = select(Task.id).where(Task.team_id == team.id)
            where = and_(
                where,
                or_(
                    and_(AuditEntry.entity == "team", AuditEntry.entity_id == team.id),
                    and_(AuditEntry.entity == "task", AuditEntry.entity_id.in_(tasks)),
                ),
            )
            resources = [
                (
                    name,
                    translate("Reports", "Team leader") if leader else translate("Reports", "Member"),
                    unit,
                )
                for name, leader in s.execute(
                    select(TeamMember.name, TeamMember.is_leader)
                    .where(TeamMember.team_id == team.id)
                    .order_by(TeamMember.is_leader.desc(), TeamMember.name)
                )
            ]
        rows = [
            # who and a service's sentence in the reader's language
            (local_time(at), actor_words(who), shown(summary))
            for at, who, summary in s.execute(
                select(AuditEntry.at, AuditEntry.operator_name, AuditEntry.summary)
                .where(where)
                .order_by(AuditEntry.id)
            )
        ]
    name = operator or unit or translate("Reports", "all operators")
    doc = PrintDocument(
        TITLE,
        header=ctx.header(
            ("3. Name", name),
            (
                "4. ICS position",
                ctx.position
                if operator
                else (translate("Reports", "Unit") if unit else translate("Reports", "Command post")),
            ),
            ("5. Home agency (and unit)", unit or ctx.incident),
        ),
        footer=f"ICS 214 · {name} · {ctx.period.words()}",
        author=ctx.prepared_by,
    )
    if resources:
        doc.add(
            Heading("6. Resources assigned"),
            Table(("Name", "ICS position", "Home agency (and unit)"), resources),
        )
    doc.add(Heading("7. Activity log"))
    doc.add(Table(COLUMNS, rows, (1.6, 1.4, 5.0)))
    return Form("ics214", doc, COLUMNS, rows)
