"""The composition root: one post's database, event bus, shift, services and devices, wired once.

The GUI, the headless gateway, the CLI and the tests all open a post through here, so
every entry point gets the same checks (schema upgraded, not too new) and services. The
settings are read once, here (or handed in by the CLI, which read them once): services get
what they need at construction, the radio and siren runtimes are planned from them
(``Post.devices``), and the window and the gateway only start and stop those.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ops_console.config import Settings, data_dir, load_settings
from ops_console.db import migrate
from ops_console.db.engine import Database
from ops_console.db.integrity import check_at_open
from ops_console.early_warning.service import WarningService, WarningSettings
from ops_console.errors import OpsError
from ops_console.events import EventBus
from ops_console.inventory import InventoryService
from ops_console.mapping.basemap_config import BasemapSpec, configured_basemaps
from ops_console.mapping.services import MapServices
from ops_console.notices import Notices, say
from ops_console.people.services import PeopleServices
from ops_console.post_devices import PostDevices, SirenPlan
from ops_console.radio.devices import devices_from_config, parse_device
from ops_console.radio.service import RadioService
from ops_console.residents import ResidentServices
from ops_console.said import N_, english, said
from ops_console.sensors.service import SensorService
from ops_console.services.activity import ActivityService
from ops_console.services.change_feed import ChangeFeed
from ops_console.services.exercise import ExerciseService
from ops_console.services.incidents import IncidentService
from ops_console.services.operators import OperatorService
from ops_console.services.tasks import TaskService
from ops_console.shift import Shift
from ops_console.sirens.service import SirenService

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
    residents: ResidentServices  # residents who need help: register, zones, evacuation accounting
    sirens: SirenService
    warnings: WarningService  # public warnings: four eyes, every channel, CAP 1.2
    sensors: SensorService  # the register, and the evaluation the radio ingest runs on readings
    people: PeopleServices  # roster, check-ins, teams and their accountability (issue 17)
    notices: Notices  # background failures in words: status bar and alert list
    devices: PostDevices  # the radios and siren controllers the settings name (started by the window/gateway)
    settings: Settings = field(default_factory=Settings)  # as read once by the composition root

    def basemaps(self, demo: bool) -> list[Path | BasemapSpec]:
        """The map's basemaps: the [[basemap]] tables, or the demo ward with ``demo`` and none."""
        return configured_basemaps(self.settings, demo)

    def close(self) -> None:
        self.devices.stop()
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


def open_post(
    url: str,
    *,
    must_exist: bool = False,
    exercise: bool = False,
    upgrade: bool = True,
    connect: bool = True,
    settings: Settings | None = None,
    demo: bool = False,
    devices: Sequence[str] = (),
) -> Post:
    """Open (and by default upgrade) the database at ``url`` and build the services and devices.

    ``connect=False`` builds everything without talking to the database (a gateway that
    starts while the server is away); the caller checks the schema when it answers.
    ``settings`` are read from the config file when not given; ``devices`` are extra
    ``--device`` texts; ``demo`` plans the demo's simulated radio and sirens.

    Raises DatabaseUnavailable (and its subclasses) with words for a person when the
    database is missing, locked, damaged, unreachable or newer than this program, and
    OpsError for a bad ``--device``.
    """
    settings = settings if settings is not None else load_settings()
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
    incidents, tasks, activity = (
        IncidentService(db, bus, shift),
        TaskService(db, bus, shift),
        ActivityService(db, bus, shift),
    )
    operators = OperatorService(db, bus, shift)
    inventory = InventoryService(db, bus, shift)
    radio = RadioService(
        db, bus, shift, incidents=incidents, tasks=tasks, activity=activity, inventory=inventory
    )
    sirens = SirenService(db, bus, shift, operators)
    map_services = MapServices.create(db, bus, shift)
    notices = Notices(bus)  # before the radio is configured: a device refused is said, not only logged
    _configure_radio(radio, settings, devices, demo)
    _configure_sirens(sirens, settings, demo)
    warnings = WarningService(
        db,
        bus,
        shift,
        operators,
        sirens,
        radio.outbox,
        map_services.zones,
        WarningSettings(
            sender=settings.warning_sender,
            cap_folder=settings.warning_cap_folder or _made(data_dir() / "warnings" / "cap"),
            notice_folder=settings.warning_notice_folder or _made(data_dir() / "warnings" / "notices"),
            cap_inbox=settings.warning_cap_inbox,
        ),
    )
    sensors = SensorService(db, bus, shift)
    sensors.watch.console_call = radio.settings.console_call
    radio.ingest.derived.watch = sensors.watch  # readings are evaluated where they are stored
    return Post(
        db=db,
        bus=bus,
        shift=shift,
        operators=operators,
        incidents=incidents,
        tasks=tasks,
        activity=activity,
        exercise=ExerciseService(db, bus, shift),
        feed=ChangeFeed(db, bus),
        radio=radio,
        inventory=inventory,
        map=map_services,
        residents=ResidentServices.create(db, bus, shift, tasks, map_services.zones),
        sirens=sirens,
        warnings=warnings,
        sensors=sensors,
        people=PeopleServices.create(db, bus, shift, radio),
        notices=notices,
        devices=PostDevices(
            radio,
            sirens,
            SirenPlan(dict(settings.siren_buses), settings.siren_poll_s),
            demo=demo,
            spool=settings.spool,
        ),
        settings=settings,
    )


def _made(folder: Path) -> Path | None:
    """The default output folder, created on first use; None (the channel says why) if it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("cannot create %s: %s", folder, exc)
        return None
    return folder


def _configure_radio(
    radio: RadioService, settings: Settings, extra_devices: Sequence[str], demo: bool
) -> None:
    """The radio's call sign, tactical calls ([radio]) and devices: the config file's, then ``--device``."""
    specs, problems = devices_from_config(settings.devices)
    radio_problems = [p for p in settings.problems if english(p).startswith("[radio")]
    for problem in problems:  # a radio left out must never go unnoticed (e.g. a key of the wrong length)
        say(
            radio.bus,
            "problem",
            said(N_("{problem}; this radio is not opened"), problem=problem),
            source="radio",
        )
    for problem in radio_problems:
        log.warning("%s", english(problem))
    radio.configure(call_sign=settings.call_sign, tactical=settings.tactical)
    radio.settings.problems = radio_problems
    for text in extra_devices:
        try:
            specs.append(parse_device(text))
        except ValueError as exc:
            raise OpsError(said(N_("--device {why}"), why=getattr(exc, "stored", None) or str(exc))) from exc
    radio.settings.devices = specs
    radio.settings.demo = demo
    radio.settings.demo_drill = settings.demo_drill
    radio.settings.operators_may_acknowledge = settings.operators_may_acknowledge


def _configure_sirens(sirens: SirenService, settings: Settings, demo: bool) -> None:
    """The post's siren signal set: [sirens] country, else the demo's China, else the locale's."""
    from ops_console.sirens.signal_set import post_country

    sirens.country = post_country(settings.siren_country, sirens.patterns, demo=demo)
