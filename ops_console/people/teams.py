"""Teams in the field: forming them from checked-in volunteers, their status, their task,
their accountability (PAR) timer and MAYDAY.

The board is one read (teams ⟕ their radio node ⟕ their task, then the members), so it
is cheap enough to refresh every second with hundreds of teams. The timer's state is
computed at read time from stored times (ops_console/people/par.py), so every
workstation shows the same colour and a restart loses nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.models import Task, Team, TeamMember
from ops_console.db.people_models import Volunteer, VolunteerCheckin, VolunteerSkill
from ops_console.db.radio_models import RadioNode
from ops_console.domain import Permission, TaskStatus
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.radio.local_alarm import LocalAlarm, acknowledge_linked, store_local_alarm
from ops_console.said import N_, label, listed, said
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

from .par import DEFAULT_MINUTES, ParLevel, ParState, last_contact, par_state
from .views import FIELD_STATUSES, TeamStatus


@dataclass(frozen=True)
class TeamRow:
    """One line of the team status board."""

    id: int
    name: str
    callsign: str
    status: TeamStatus
    task_id: int | None
    task_title: str
    members: tuple[str, ...]
    leader: str
    radio_node: int | None
    contact_at: datetime | None
    contact_kind: str  # "radio", "position", "check" (logged at the post) or ""
    par: ParState
    par_minutes: int
    mayday_at: datetime | None
    lat: float | None = None  # the node's last position
    lon: float | None = None

    @property
    def in_field(self) -> bool:
        return self.status in FIELD_STATUSES


def board_query():  # type: ignore[no-untyped-def]
    """The board's one statement: teams with their node's last frame and position, and task
    (built once: the board is read every second, and building a select costs as much as
    running it on 200 teams)."""
    global _BOARD
    if _BOARD is None:
        _BOARD = _board_query()
    return _BOARD


_BOARD = None
_MEMBERS = (
    select(TeamMember.team_id, TeamMember.name, TeamMember.volunteer_id)
    .join(Team, Team.id == TeamMember.team_id)
    .where(Team.active.is_(True))
    .order_by(TeamMember.team_id, TeamMember.name)
)


def _board_query():  # type: ignore[no-untyped-def]
    return (
        select(
            Team.id,
            Team.name,
            Team.callsign,
            Team.status,
            Team.current_task_id,
            Task.title,
            Team.leader_volunteer_id,
            Team.radio_node,
            Team.par_reset_at,
            Team.par_reset_by,
            Team.par_minutes,
            Team.mayday_at,
            RadioNode.last_heard,
            RadioNode.position_at,
            RadioNode.lat,
            RadioNode.lon,
        )  # fmt: skip
        .outerjoin(RadioNode, RadioNode.addr == Team.radio_node)
        .outerjoin(Task, Task.id == Team.current_task_id)
        .where(Team.active.is_(True))
        .order_by(Team.name)
    )


def row_of(r, members: dict[int, list[tuple[str, int | None]]], now: datetime) -> TeamRow:  # type: ignore[no-untyped-def]
    (
        tid,
        name,
        call,
        status,
        task_id,
        title,
        leader_id,
        node,
        reset_at,
        _by,
        minutes,
        mayday,
        heard,
        pos_at,
        lat,
        lon,
    ) = r
    contact = last_contact(reset_at, heard)
    if contact is None:
        kind = ""
    elif heard is not None and contact == heard:
        # a position report's time is the device's clock (whole seconds): near enough is the same frame
        kind = "position" if pos_at is not None and abs((heard - pos_at).total_seconds()) < 5 else "radio"
    else:
        kind = "check"
    st = TeamStatus(status)
    people = members.get(tid, [])
    leader = next((n for n, v in people if v is not None and v == leader_id), "")
    return TeamRow(
        tid, name, call, st, task_id, title or "", tuple(n for n, _ in people), leader, node,
        contact, kind, par_state(st in FIELD_STATUSES, contact, minutes, now), minutes, mayday, lat, lon,
    )  # fmt: skip


def team_skills(s: Session, team_id: int, on: datetime | None = None) -> set[str]:
    """Skills of the team's members with a certificate valid today (or no expiry): an
    expired boat licence does not count for a task that asks for a boat."""
    day = (on or utc_now()).date()
    rows = s.execute(
        select(VolunteerSkill.skill, VolunteerSkill.expires_on)
        .join(TeamMember, TeamMember.volunteer_id == VolunteerSkill.volunteer_id)
        .where(TeamMember.team_id == team_id)
    )
    return {skill for skill, expires in rows if expires is None or expires >= day}


class TeamService:
    """Use cases of teams: form, status, disband, PAR resets, MAYDAY."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    # reading -------------------------------------------------------------------------------
    def board(self, now: datetime | None = None) -> list[TeamRow]:
        now = now or utc_now()
        with self._db.read() as s:
            conn = s.connection()  # plain rows: no ORM loading for a read made every second
            rows = conn.execute(board_query()).all()
            members: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
            for team_id, name, vid in conn.execute(_MEMBERS):
                members[team_id].append((name, vid))
        return [row_of(r, members, now) for r in rows]

    def row(self, team_id: int, now: datetime | None = None) -> TeamRow:
        found = [r for r in self.board(now) if r.id == team_id]
        if not found:
            raise NotFound(said(N_("Team {id} no longer exists."), id=team_id))
        return found[0]

    def overdue(self, now: datetime | None = None) -> list[TeamRow]:
        """Field teams whose timer has run out (red): the alert list shows each."""
        return [r for r in self.board(now) if r.par.level == ParLevel.OVERDUE]

    # forming and status ----------------------------------------------------------------------
    def form(
        self,
        name: str,
        callsign: str,
        member_ids: Sequence[int],
        *,
        leader_id: int | None = None,
        radio_node: int | None = None,
        par_minutes: int = DEFAULT_MINUTES,
    ) -> TeamRow:
        """A team for this shift from volunteers checked in now (an existing team of that
        name that was disbanded is formed again with the new members)."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("form teams"))
        problems: dict[str, str] = {}
        if not name.strip():
            problems["name"] = said(N_("A team needs a name."))
        if not member_ids:
            problems["members"] = said(N_("A team needs at least one member."))
        if leader_id is not None and leader_id not in member_ids:
            problems["leader"] = said(N_("The leader must be one of the members."))
        if not 1 <= par_minutes <= 180:
            problems["par_minutes"] = said(N_("The accountability timer is 1 to 180 minutes."))
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            people = dict(
                s.execute(
                    select(Volunteer.id, Volunteer.name)
                    .join(VolunteerCheckin, VolunteerCheckin.volunteer_id == Volunteer.id)
                    .where(Volunteer.id.in_(list(member_ids)), VolunteerCheckin.checked_out_at.is_(None))
                ).all()
            )
            absent = [i for i in member_ids if i not in people]
            if absent:
                names = s.scalars(select(Volunteer.name).where(Volunteer.id.in_(absent))).all()
                raise ValidationError(
                    {
                        "members": said(
                            N_("Not checked in: {names}. Check them in first."),
                            names=listed(names or [str(i) for i in absent]),
                        )
                    }
                )
            busy = s.execute(
                select(Volunteer.name, Team.name)
                .join(TeamMember, TeamMember.volunteer_id == Volunteer.id)
                .join(Team, Team.id == TeamMember.team_id)
                .where(Volunteer.id.in_(list(member_ids)), Team.active.is_(True), Team.name != name.strip())
            ).all()
            if busy:
                raise ValidationError(
                    {
                        "members": said(
                            N_("Already on a team: {people}."),
                            people=listed(said(N_("{person} ({team})"), person=p, team=t) for p, t in busy),
                        )
                    }
                )
            team = s.scalar(select(Team).where(Team.name == name.strip()))
            if team is None:
                team = Team(name=name.strip(), callsign=callsign.strip().upper())
                s.add(team)
            elif team.active and team.current_task_id is not None:
                raise ValidationError(
                    {
                        "name": said(
                            N_("{team} is on a task; disband it or finish the task first."), team=team.name
                        )
                    }
                )
            team.callsign, team.radio_node, team.par_minutes = (
                callsign.strip().upper(),
                radio_node,
                par_minutes,
            )
            team.active, team.status, team.leader_volunteer_id = True, TeamStatus.AVAILABLE.value, leader_id
            team.current_task_id, team.mayday_at, team.par_reset_at = None, None, None
            s.flush()
            team.members.clear()
            s.flush()
            for vid in member_ids:
                s.add(
                    TeamMember(
                        team_id=team.id, name=people[vid], volunteer_id=vid, is_leader=vid == leader_id
                    )
                )
            audit.append(
                s, actor, "team.form", "team", team.id,
                said(
                    N_("Team formed: {team} ({callsign}) with {n} member(s)"),
                    team=team.name,
                    callsign=team.callsign,
                    n=len(member_ids),
                ),
                after={"members": sorted(people.values()), "radio_node": radio_node, "par_minutes": par_minutes},
            )  # fmt: skip
            team_id = team.id
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "formed"}))
        return self.row(team_id)

    def set_status(self, team_id: int, status: TeamStatus) -> TeamRow:
        """Change a team's status; going into the field (or moving in it) restarts its timer."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("change a team's status"))
        status = TeamStatus(status)
        with self._db.write() as s:
            team = self._locked(s, team_id)
            if status == TeamStatus.AVAILABLE and team.current_task_id is not None:
                raise ValidationError(
                    {
                        "status": said(
                            N_("{team} still has a task; finish or reassign it first."), team=team.name
                        )
                    }
                )
            before = team.status
            team.status = status.value
            team.par_reset_at = utc_now() if status in FIELD_STATUSES else None
            team.par_reset_by = actor.name if status in FIELD_STATUSES else ""
            audit.append(
                s, actor, "team.status", "team", team.id,
                said(
                    N_("Team {team}: {before} → {after}"),
                    team=team.name,
                    before=label(TeamStatus(before)),
                    after=label(status),
                ),
                before={"status": before}, after={"status": status.value},
            )  # fmt: skip
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "status"}))
        return self.row(team_id)

    def set_par_minutes(self, team_id: int, minutes: int) -> TeamRow:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("change a team's accountability timer"))
        if not 1 <= minutes <= 180:
            raise ValidationError({"par_minutes": said(N_("The accountability timer is 1 to 180 minutes."))})
        with self._db.write() as s:
            team = self._locked(s, team_id)
            before, team.par_minutes = team.par_minutes, minutes
            audit.append(
                s, actor, "team.par_minutes", "team", team.id,
                said(
                    N_("Team {team}: accountability timer {before} → {minutes} min"),
                    team=team.name,
                    before=before,
                    minutes=minutes,
                ),
                before={"par_minutes": before}, after={"par_minutes": minutes},
            )  # fmt: skip
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "par"}))
        return self.row(team_id)

    def confirm_par(self, team_id: int, how: str = "voice") -> TeamRow:
        """ "PAR confirmed by voice": a radio operator restarts the timer; logged with who."""
        actor = self._shift.require(Permission.RADIO, N_("confirm a team's PAR"))
        with self._db.write() as s:
            team = self._locked(s, team_id)
            team.par_reset_at, team.par_reset_by = utc_now(), actor.name
            audit.append(
                s, actor, "team.par_confirmed", "team", team.id,
                said(
                    N_("PAR confirmed by voice for {team} ({callsign}) by {who}")
                    if how == "voice"
                    else N_("PAR confirmed by {how} for {team} ({callsign}) by {who}"),
                    how=how, team=team.name, callsign=team.callsign, who=actor.name,
                ),
                after={"how": how},
            )  # fmt: skip
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "par"}))
        return self.row(team_id)

    def disband(self, team_id: int) -> TeamRow:
        """End a team. A task it was on goes back to New without a team, said in the log,
        so nobody thinks the work is still being done."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("disband teams"))
        with self._db.write() as s:
            team = self._locked(s, team_id)
            orphaned = None
            if team.current_task_id is not None:
                task = s.get(Task, team.current_task_id, with_for_update=True)
                if task is not None and task.status in (
                    TaskStatus.ASSIGNED.value,
                    TaskStatus.IN_PROGRESS.value,
                ):
                    task.status, task.team_id, task.updated_at = TaskStatus.NEW.value, None, utc_now()
                    orphaned = task
            summary = (
                said(
                    N_(
                        "Team disbanded: {team} ({callsign}); its task #{id} “{title}” went back to New without a team"
                    ),
                    team=team.name,
                    callsign=team.callsign,
                    id=orphaned.id,
                    title=orphaned.title,
                )
                if orphaned is not None
                else said(N_("Team disbanded: {team} ({callsign})"), team=team.name, callsign=team.callsign)
            )
            team.active, team.status, team.current_task_id = False, TeamStatus.OUT_OF_SERVICE.value, None
            team.par_reset_at, team.mayday_at = None, None
            team.members.clear()
            s.flush()
            audit.append(s, actor, "team.disband", "team", team.id, summary)
            if orphaned is not None:
                audit.append(
                    s, actor, "task.unassigned", "task", orphaned.id,
                    said(
                        N_("Task #{id} lost its team ({team} disbanded): {title}"),
                        id=orphaned.id, team=team.name, title=orphaned.title,
                    ),
                    after={"status": TaskStatus.NEW.value, "team_id": None}, exercise=orphaned.exercise,
                )  # fmt: skip
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "disbanded"}))
        if orphaned is not None:
            self._bus.publish(Event(Topic.TASK_CHANGED, orphaned.id))
        return TeamRow(
            team_id, team.name, team.callsign, TeamStatus.OUT_OF_SERVICE, None, "", (), "", team.radio_node,
            None, "", par_state(False, None, team.par_minutes, utc_now()), team.par_minutes, None,
        )  # fmt: skip

    # MAYDAY ---------------------------------------------------------------------------------
    def raise_mayday(
        self, team_id: int, *, source: str = "operator", message_id: int | None = None
    ) -> TeamRow:
        """MAYDAY for a team (the operator's button, or an EMERGENCY text from its node)."""
        actor = (
            self._shift.require(Permission.EDIT_RECORDS, N_("raise MAYDAY"))
            if source == "operator"
            else audit.SYSTEM
        )
        with self._db.write() as s:
            team = self._locked(s, team_id)
            alarm_id = None
            if team.mayday_at is None:
                team.mayday_at = utc_now()
                how = (
                    said(N_("radio message #{id}"), id=message_id)
                    if message_id
                    else said(N_("{who} at the post"), who=actor.name)
                )
                audit.append(
                    s,
                    actor,
                    "team.mayday",
                    "team",
                    team.id,
                    said(
                        N_("MAYDAY from {team} ({callsign}), raised by {how}"),
                        team=team.name,
                        callsign=team.callsign,
                        how=how,
                    ),
                )
                if message_id is None:  # heard on the air, the message itself already sounds the alarm
                    alarm_id = store_local_alarm(s.connection(), self._mayday_alarm(team, actor.name))
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "mayday"}))
        if alarm_id is not None:
            self._bus.publish(Event(Topic.RADIO_MESSAGE, alarm_id, {"direction": "in", "alert": True}))
        return self.row(team_id)

    def _mayday_alarm(self, team: Team, raised_by: str) -> LocalAlarm:
        """The EMERGENCY alarm of a MAYDAY pressed at the post (a phone call, a runner, voice)."""
        return LocalAlarm(
            kind="mayday",
            station=team.callsign or team.name,
            subject=f"MAYDAY {team.name}",
            body=said(
                N_("MAYDAY from {team} ({callsign}), raised at the post by {who}"),
                team=team.name,
                callsign=team.callsign or "—",
                who=raised_by,
            ),
            at=utc_now(),
            recipient="",
            linked_entity="team",
            linked_id=team.id,
            exercise=self._shift.exercise,
        )

    def acknowledge_mayday(self, team_id: int) -> TeamRow:
        actor = self._shift.require(Permission.RADIO, N_("acknowledge a MAYDAY"))
        with self._db.write() as s:
            team = self._locked(s, team_id)
            if team.mayday_at is not None:
                audit.append(
                    s,
                    actor,
                    "team.mayday_ack",
                    "team",
                    team.id,
                    said(N_("MAYDAY of {team} acknowledged by {who}"), team=team.name, who=actor.name),
                )
                team.mayday_at = None
            silenced = acknowledge_linked(s.connection(), "mayday", "team", team.id, actor.name)
        self._bus.publish(Event(Topic.TEAM_CHANGED, team_id, {"what": "mayday"}))
        for message_id in silenced:
            self._bus.publish(Event(Topic.RADIO_MESSAGE, message_id, {"acknowledged": True}))
        return self.row(team_id)

    def team_nodes(self) -> frozenset[int]:
        """The radio nodes of the active teams (the MAYDAY listener's filter)."""
        with self._db.read() as s:
            nodes = s.scalars(
                select(Team.radio_node).where(Team.active.is_(True), Team.radio_node.is_not(None))
            )
            return frozenset(int(n) for n in nodes)

    def team_of_node(self, node_addr: int) -> int | None:
        with self._db.read() as s:
            return s.scalar(
                select(Team.id).where(Team.radio_node == node_addr, Team.active.is_(True)).limit(1)
            )

    @staticmethod
    def _locked(s: Session, team_id: int) -> Team:
        team = s.get(Team, team_id, with_for_update=True)
        if team is None or not team.active:
            raise NotFound(said(N_("Team {id} no longer exists (or was disbanded)."), id=team_id))
        return team
