"""The composition root: one post's database, event bus, shift and services, wired once.

The GUI, the headless gateway, the CLI and the tests all open a post through here, so
every entry point gets the same checks (schema upgraded, not too new) and services.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ops_console.db.integrity import check_at_open
from ops_console.db import migrate
from ops_console.db.engine import Database
from ops_console.events import EventBus
from ops_console.inventory import InventoryService
from ops_console.mapping.services import MapServices
from ops_console.notices import Notices
from ops_console.radio.service import RadioService
from ops_console.services.activity import ActivityService
from ops_console.services.change_feed import ChangeFeed
from ops_console.services.exercise import ExerciseService
from ops_console.services.incidents import IncidentService
from ops_console.services.operators import OperatorService
from ops_console.services.tasks import TaskService
from ops_console.sirens.service import SirenService
from ops_console.shift import Shift

log = logging.getLogger(__name__)


@dataclass
class Post:
    """Everything a front end needs to run one post."""

    db: Database
    bus: EventBus
    shift: Shift
    operators: OperatorService
    incidents: IncidentService
    tasks: TaskService
    activity: ActivityService
    exercise: ExerciseService
    feed: ChangeFeed
    radio: RadioService
    inventory: InventoryService
    map: MapServices
    sirens: SirenService
    notices: Notices  # background failures in words: status bar and alert list

    def close(self) -> None:
        if self.radio.runtime is not None:
            self.radio.runtime.stop()
        if self.sirens.runtime is not None:
            self.sirens.runtime.stop()
        self.feed.stop()
        self._checkpoint()
        self.db.dispose()

    def _checkpoint(self) -> None:
        """Leave the audit chain's length and head in this workstation's checkpoint file, so
        a log rewritten or cut while the console was closed is found by ``audit verify``."""
        from ops_console.services import audit

        try:
            audit.checkpoint(self.db)
        except audit.AuditKeyProblem as exc:  # nothing audited yet since the upgrade: nothing to note
            log.debug("no audit checkpoint at close: %s", exc)
        except Exception as exc:  # closing must finish: a full disk or a lost server is only logged
            log.warning("no audit checkpoint written at close: %s", exc)


def open_post(url: str, *, must_exist: bool = False, exercise: bool = False, upgrade: bool = True,
              connect: bool = True) -> Post:
    """Open (and by default upgrade) the database at ``url`` and build the services.

    ``connect=False`` builds everything without talking to the database (a gateway that
    starts while the server is away); the caller checks the schema when it answers.

    Raises DatabaseUnavailable (and its subclasses) with words for a person when the
    database is missing, locked, damaged, unreachable or newer than this program.
    """
    db = Database(url, must_exist=must_exist)
    try:
        if connect:
            check_at_open(db)  # a damaged file or another program's database: words, no writes
            if upgrade:
                migrate.upgrade(db)
            else:
                migrate.check_not_newer(db)
    except Exception:
        db.dispose()
        raise
    log.info("post opened on %s", db.display_name)
    bus, shift = EventBus(), Shift(exercise=exercise)
    incidents, tasks, activity = IncidentService(db, bus, shift), TaskService(db, bus, shift), ActivityService(db, bus, shift)
    operators = OperatorService(db, bus, shift)
    inventory = InventoryService(db, bus, shift)
    return Post(
        db=db, bus=bus, shift=shift,
        operators=operators,
        incidents=incidents,
        tasks=tasks,
        activity=activity,
        exercise=ExerciseService(db, bus, shift),
        feed=ChangeFeed(db, bus),
        radio=RadioService(db, bus, shift, incidents=incidents, tasks=tasks, activity=activity, inventory=inventory),
        inventory=inventory,
        map=MapServices.create(db, bus, shift),
        sirens=SirenService(db, bus, shift, operators),
        notices=Notices(bus),
    )
