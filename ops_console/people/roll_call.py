"""The post-wide PAR roll call: ask every team in the field, see who answered, log the result.

Starting one sends each field team that has a radio node a PAR request through the radio
outbox (the same queue, retries and airtime budget as any message). A team counts as
answered only on evidence: its node heard after the roll call began (any message,
position or ack: ``radio_nodes.last_heard``, written by the ingest) or a radio operator's
"PAR confirmed by voice" during it. A team without a node can only answer by voice.
Closing writes the result into the activity log: complete, or incomplete with the
missing teams named. Nothing ever marks a team answered because time passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.models import Team
from ops_console.db.people_models import ParRollCall, ParRollCallTeam
from ops_console.db.radio_models import RadioNode
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio.outbox import Outbox
from ops_console.said import N_, listed, said
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

from .views import FIELD_STATUSES

PAR_REQUEST = "PAR CHECK: report your personnel accountability now"


@dataclass(frozen=True)
class RollCallLine:
    team_id: int
    team: str
    callsign: str
    asked_by_radio: bool
    answered_at: datetime | None
    answered_how: str  # "radio", "voice" or "" (not answered)


@dataclass(frozen=True)
class RollCall:
    id: int
    started_at: datetime
    started_by: str
    closed_at: datetime | None
    lines: tuple[RollCallLine, ...]
    result: str

    @property
    def missing(self) -> list[str]:
        return [
            f"{ln.team} ({ln.callsign})" if ln.callsign else ln.team
            for ln in self.lines
            if ln.answered_at is None
        ]

    @property
    def complete(self) -> bool:
        return not self.missing


class RollCallService:
    """Start, follow and close PAR roll calls."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift, outbox: Outbox) -> None:
        self._db, self._bus, self._shift, self._outbox = db, bus, shift, outbox

    def start(self) -> RollCall:
        actor = self._shift.require(Permission.RADIO, N_("start a PAR roll call"))
        with self._db.write() as s:
            teams = s.execute(
                select(Team.id, Team.callsign, Team.radio_node)
                .where(Team.active.is_(True), Team.status.in_([st.value for st in FIELD_STATUSES]))
                .order_by(Team.name)
            ).all()
            if not teams:
                raise ValidationError(
                    {"teams": said(N_("No team is in the field: there is nobody to account for."))}
                )
            call = ParRollCall(started_at=utc_now(), started_by=actor.name)
            s.add(call)
            s.flush()
            for team_id, _callsign, _node in teams:
                s.add(ParRollCallTeam(roll_call_id=call.id, team_id=team_id))
            audit.append(
                s,
                actor,
                "par.roll_call",
                "par_roll_call",
                call.id,
                said(N_("PAR roll call started: {n} team(s) in the field"), n=len(teams)),
            )
            call_id = call.id
        # the requests go out after the roll call is stored: an answer is never earlier than its question
        for team_id, callsign, node in teams:
            if node is None or not callsign or not fp.CALL.match(callsign):
                continue
            msg = self._outbox.compose(callsign, PAR_REQUEST, fp.Precedence.PRIORITY, subject="PAR")
            with self._db.write() as s:
                line = s.scalar(
                    select(ParRollCallTeam).where(
                        ParRollCallTeam.roll_call_id == call_id, ParRollCallTeam.team_id == team_id
                    )
                )
                if line is not None:
                    line.outbox_id = msg.id
        self._bus.publish(Event(Topic.TEAM_CHANGED, None, {"what": "roll_call", "roll_call": call_id}))
        return self.get(call_id)

    def get(self, roll_call_id: int) -> RollCall:
        with self._db.read() as s:
            call = s.get(ParRollCall, roll_call_id)
            if call is None:
                raise NotFound(said(N_("Roll call {id} does not exist."), id=roll_call_id))
            rows = s.execute(
                select(
                    ParRollCallTeam,
                    Team.name,
                    Team.callsign,
                    Team.par_reset_at,
                    Team.par_reset_by,
                    RadioNode.last_heard,
                )
                .join(Team, Team.id == ParRollCallTeam.team_id)
                .outerjoin(RadioNode, RadioNode.addr == Team.radio_node)
                .where(ParRollCallTeam.roll_call_id == roll_call_id)
                .order_by(Team.name)
            ).all()
            lines = []
            for line, name, callsign, reset_at, reset_by, heard in rows:
                at, how = line.answered_at, line.answered_how
                if at is None and call.closed_at is None:
                    if heard is not None and heard > call.started_at:
                        at, how = heard, "radio"
                    elif reset_at is not None and reset_at > call.started_at and reset_by:
                        at, how = reset_at, "voice"  # "PAR confirmed by voice" during the roll call
                lines.append(RollCallLine(line.team_id, name, callsign, line.outbox_id is not None, at, how))
            return RollCall(
                call.id, call.started_at, call.started_by, call.closed_at, tuple(lines), call.result
            )

    def latest(self) -> RollCall | None:
        with self._db.read() as s:
            last = s.scalar(select(ParRollCall.id).order_by(ParRollCall.id.desc()).limit(1))
        return None if last is None else self.get(last)

    def close(self, roll_call_id: int) -> RollCall:
        """Freeze who answered and write the result into the activity log."""
        actor = self._shift.require(Permission.RADIO, N_("close a PAR roll call"))
        seen = self.get(roll_call_id)
        if seen.closed_at is not None:
            return seen
        with self._db.write() as s:
            call = s.get(ParRollCall, roll_call_id, with_for_update=True)
            assert call is not None
            for ln in seen.lines:
                row = s.scalar(
                    select(ParRollCallTeam).where(
                        ParRollCallTeam.roll_call_id == roll_call_id, ParRollCallTeam.team_id == ln.team_id
                    )
                )
                if row is not None and ln.answered_at is not None:
                    row.answered_at, row.answered_how = ln.answered_at, ln.answered_how
            answered = sum(1 for ln in seen.lines if ln.answered_at is not None)
            if seen.complete:
                result = said(N_("PAR complete: all {n} team(s) in the field accounted for"), n=answered)
            else:
                result = said(
                    N_("PAR INCOMPLETE: {answered} of {asked} team(s) answered; missing: {missing}"),
                    answered=answered,
                    asked=len(seen.lines),
                    missing=listed(seen.missing),
                )
            call.closed_at, call.result = utc_now(), result
            audit.append(s, actor, "par.result", "par_roll_call", call.id, result)
        self._bus.publish(Event(Topic.TEAM_CHANGED, None, {"what": "roll_call", "roll_call": roll_call_id}))
        return self.get(roll_call_id)
