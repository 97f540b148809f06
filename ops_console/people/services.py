"""The people feature's services, built together by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from ops_console.db.engine import Database
from ops_console.events import EventBus
from ops_console.radio.service import RadioService
from ops_console.shift import Shift

from .checkins import CheckinService
from .mayday import MaydayListener
from .roll_call import RollCallService
from .roster import RosterService
from .teams import TeamService


@dataclass
class PeopleServices:
    roster: RosterService
    checkins: CheckinService
    teams: TeamService
    roll_calls: RollCallService

    @classmethod
    def create(cls, db: Database, bus: EventBus, shift: Shift, radio: RadioService) -> PeopleServices:
        teams = TeamService(db, bus, shift)
        bus.subscribe(MaydayListener(radio, teams))
        return cls(
            RosterService(db, bus, shift),
            CheckinService(db, bus, shift),
            teams,
            RollCallService(db, bus, shift, radio.outbox),
        )
