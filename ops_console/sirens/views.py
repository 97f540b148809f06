"""Frozen views of siren records, handed to the UI instead of live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ops_console.hardware.protocols.siren_profile import FaultBit, fault_words
from ops_console.labels import QT_TRANSLATE_NOOP
from ops_console.said import N_, said, tr

# command states
REQUESTED, SENT, CONFIRMED = "requested", "sent", "confirmed"
NOT_STARTED, REFUSED, UNCONFIRMED, TIMEOUT = "not_started", "refused", "unconfirmed", "timeout"
EXERCISE_ONLY = "exercise"  # recorded in exercise mode, never sent
PENDING_STATES = (REQUESTED, SENT)
FINAL_STATES = (CONFIRMED, NOT_STARTED, REFUSED, UNCONFIRMED, TIMEOUT, EXERCISE_ONLY)

# alarm kinds
COMMS_FAULT, NO_CONFIRMATION, UNCOMMANDED, FAULT_BITS = (
    "comms_fault",
    "no_confirmation",
    "uncommanded",
    "fault_bits",
)
ALARM_WORDS = {  # translated where shown, in the "SirenAlarms" context (ops_console/labels.py)
    COMMS_FAULT: QT_TRANSLATE_NOOP("SirenAlarms", "no answer from the controller"),
    NO_CONFIRMATION: QT_TRANSLATE_NOOP("SirenAlarms", "command not confirmed"),
    UNCOMMANDED: QT_TRANSLATE_NOOP("SirenAlarms", "sounding without a command"),
    FAULT_BITS: QT_TRANSLATE_NOOP("SirenAlarms", "controller fault"),
}

COMMAND_WORDS = {  # a command as a stored sentence names it (ops_console/said.py)
    "activate": N_("activate"),
    "cancel": N_("cancel"),
    "silent_test": N_("silent test"),
    "growl_test": N_("growl test"),
}


def command_said(command: str) -> str:
    """A siren command's name as an argument of a stored sentence (unknown ones as they are)."""
    return said(COMMAND_WORDS[command]) if command in COMMAND_WORDS else command.replace("_", " ")


COMMS_FAULT_AFTER = 3  # missed polls in a row
STALE_AFTER = timedelta(seconds=30)  # a sound request not sent by then is dropped, never sent late


@dataclass(frozen=True)
class SirenView:
    id: int
    name: str
    unit_id: int
    bus_name: str
    lat: float
    lon: float
    audible_radius_m: float
    enabled: bool
    state: str  # idle sounding testing fault unknown
    pattern_id: int
    seconds_remaining: int
    battery_v: float | None
    mains_present: bool | None
    faults: int
    temperature_c: float | None
    last_heard_at: datetime | None
    missed_polls: int
    comms_detail: str
    last_seq: int
    version: int

    @property
    def comms_ok(self) -> bool:
        return self.last_heard_at is not None and self.missed_polls < COMMS_FAULT_AFTER

    @property
    def fault_words(self) -> tuple[str, ...]:
        """In the reader's language (the hardware's words are marked for the "Stored" context)."""
        return tuple(tr(w) for w in fault_words(FaultBit(self.faults & 0xFF)))

    @property
    def sounding(self) -> bool:
        return self.state == "sounding"


@dataclass(frozen=True)
class CommandView:
    id: int
    request_id: str
    siren_id: int
    command: str
    pattern_id: int
    duration_s: int
    seq: int | None
    live: bool
    exercise: bool
    requested_by: str
    state: str
    detail: str
    attempts: int
    requested_at: datetime
    sent_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True)
class AlarmView:
    id: int
    siren_id: int | None
    siren_name: str
    kind: str
    words: str
    raised_at: datetime
    exercise: bool
    acknowledged_by: str | None
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class ActivationResult:
    """What ``activate`` accepted: one request, one command per siren."""

    request_id: str
    command_ids: tuple[int, ...]
    live: bool
    sent: bool  # False for exercise activations: recorded, never sent


@dataclass(frozen=True)
class HistoryPoint:
    at: datetime
    battery_v: float
    mains_present: bool
    temperature_c: float
    state: str


@dataclass(frozen=True)
class ScheduleView:
    id: int
    name: str
    kind: str
    nth: int
    weekday: int
    time_local: str
    tz: str
    siren_ids: tuple[int, ...]
    enabled: bool
    next_due_at: datetime
    last_run_at: datetime | None
    created_by: str


@dataclass(frozen=True)
class TestResultView:
    id: int
    schedule_id: int | None
    schedule_name: str
    siren_id: int
    siren_name: str
    kind: str
    run_at: datetime
    passed: bool
    outcome: str
    battery_v: float | None
    faults: str
