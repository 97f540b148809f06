"""SirenService: the ONE way to make a siren sound, with interlocks the UI cannot bypass.

``activate`` checks, in order: the role (supervisors), the PIN asked again, the typed
confirmation (the pattern's name), the duration (bounded by the pattern), exercise mode
(no live sound leaves the console), and a per-siren lock so two consoles cannot start two
activations of one siren. Every refusal is audited before it is raised. An accepted live
request becomes ``requested`` command rows; the runtime sends them. ``cancel_all`` is
always allowed for operators and above, in every mode.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.siren_models import (
    Siren,
    SirenAlarm,
    SirenCommand,
    SirenStatusSample,
    SirenTestResult,
    SirenTestSchedule,
)
from ops_console.domain import ROLE_PERMISSIONS, Permission, Role
from ops_console.errors import NotFound, OpsError, SignOnError, ValidationError
from ops_console.events import Event, EventBus
from ops_console.said import N_, is_said, label, listed, said, shown, tr
from ops_console.services import audit
from ops_console.services.audit import Actor
from ops_console.services.operators import OperatorService
from ops_console.shift import Shift
from ops_console.siren_patterns import PatternLibrary, SirenPattern, load_library
from ops_console.sirens import confirmation
from ops_console.sirens import schedule as rules
from ops_console.sirens.interlock import busy_commands, lock_sirens
from ops_console.sirens.sounding import SoundingSiren, sounding_now
from ops_console.sirens.views import (
    EXERCISE_ONLY,
    REQUESTED,
    ActivationResult,
    AlarmView,
    CommandView,
    HistoryPoint,
    ScheduleView,
    SirenView,
    TestResultView,
)
from ops_console.topics import Topic

log = logging.getLogger(__name__)
SOUND_COMMANDS = ("activate", "growl_test")
CANCEL_PERMISSION = Permission.EDIT_RECORDS  # every role but viewer may stop the sirens


def roles_that_may_cancel() -> tuple[Role, ...]:
    """The roles allowed to cancel sirens, for a disabled control's "who can" words."""
    return tuple(r for r in Role if CANCEL_PERMISSION in ROLE_PERMISSIONS[r])


CANCEL_WORDS = {  # why sirens were stopped, as the activity log names it (ops_console/said.py)
    "cancel": N_("Cancel"),
    "cancel all": N_("Cancel all"),
    "cancel uncommanded activation": N_("Cancel uncommanded activation"),
}


class SirenRefused(OpsError):
    """An activation the interlocks refused; the words say why (and it is audited)."""


def siren_view(s: Siren) -> SirenView:
    return SirenView(
        s.id,
        s.name,
        s.unit_id,
        s.bus_name,
        s.lat,
        s.lon,
        s.audible_radius_m,
        s.enabled,
        s.state,
        s.pattern_id,
        s.seconds_remaining,
        s.battery_v,
        s.mains_present,
        s.faults,
        s.temperature_c,
        s.last_heard_at,
        s.missed_polls,
        shown(s.comms_detail),  # a SirenFault's words, stored in no language
        s.last_seq,
        s.version,
    )


def command_view(c: SirenCommand) -> CommandView:
    return CommandView(
        c.id,
        c.request_id,
        c.siren_id,
        c.command,
        c.pattern_id,
        c.duration_s,
        c.seq,
        c.live,
        c.exercise,
        shown(c.requested_by),  # a person's name, or a schedule's (a stored sentence)
        c.state,
        shown(c.detail),
        c.attempts,
        c.requested_at,
        c.sent_at,
        c.finished_at,
    )


def command_for(pattern: SirenPattern) -> str:
    """Which controller command plays ``pattern``: tests have their own commands."""
    if pattern.silent:
        return "silent_test"
    if pattern.test:
        return "growl_test"
    return "activate"


class SirenService:
    """Sirens for one workstation: lists, activation with interlocks, cancel, alarms, tests."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        shift: Shift,
        operators: OperatorService,
        *,
        patterns: PatternLibrary | None = None,
        waker: threading.Event | None = None,
    ) -> None:
        self._db, self._bus, self._shift, self._operators = db, bus, shift, operators
        self.patterns = patterns if patterns is not None else load_library()
        # set after every request: the siren runtime (which waits on this same event) sends at once
        self.waker = waker or threading.Event()
        self.country: str | None = None  # the signal set chosen in settings; None offers every set

    @property
    def db(self) -> Database:
        return self._db

    @property
    def bus(self) -> EventBus:
        return self._bus

    @property
    def shift(self) -> Shift:
        return self._shift

    # -- the roster of sirens ---------------------------------------------------------------

    def add_siren(
        self,
        name: str,
        unit_id: int,
        lat: float,
        lon: float,
        *,
        audible_radius_m: float = 800.0,
        bus_name: str = "sirens",
        by: Actor | None = None,
    ) -> int:
        actor = by or self._shift.require(Permission.ACTIVATE_SIRENS, N_("add sirens"))
        if not name.strip() or not 1 <= unit_id <= 247:
            raise ValidationError({"siren": said(N_("A siren needs a name and a unit id 1..247."))})
        with self._db.write() as s:
            siren = Siren(
                name=name.strip(),
                unit_id=unit_id,
                bus_name=bus_name,
                lat=lat,
                lon=lon,
                audible_radius_m=audible_radius_m,
                enabled=True,
                state="unknown",
                version=1,
            )
            s.add(siren)
            s.flush()
            audit.append(
                s,
                actor,
                "siren.add",
                "siren",
                siren.id,
                said(
                    N_("Siren {name} added (unit {unit} on {bus})"),
                    name=siren.name,
                    unit=unit_id,
                    bus=bus_name,
                ),
                after={"name": siren.name, "unit": unit_id, "bus": bus_name},
            )
            sid = siren.id
        self._bus.publish(Event(Topic.SIREN_STATUS, sid, {}))
        return sid

    def list_sirens(self) -> list[SirenView]:
        with self._db.read() as s:
            return [siren_view(x) for x in s.scalars(select(Siren).order_by(Siren.name))]

    def get(self, siren_id: int) -> SirenView:
        with self._db.read() as s:
            siren = s.get(Siren, siren_id)
            if siren is None:
                raise NotFound(said(N_("Siren {id} no longer exists."), id=siren_id))
            return siren_view(siren)

    def choosable_patterns(self, country: str | None = None) -> list[SirenPattern]:
        """The post's signal set (``country`` or the configured one) plus the common tests."""
        country = country or self.country
        pats = self.patterns.for_country(country) if country else list(self.patterns.patterns.values())
        return sorted(pats, key=lambda p: (p.test, p.id))

    def sounding_now(self) -> list[SoundingSiren]:
        """Sirens sounding, testing or armed now (the siren strip's read; off the GUI thread)."""
        return sounding_now(self._db, self.patterns)

    # -- activation -------------------------------------------------------------------------

    def _refuse(
        self, actor: Actor | None, siren_ids: list[int], words: str, **details: object
    ) -> SirenRefused:
        with self._db.write() as s:
            audit.append(
                s,
                actor or audit.SYSTEM,
                "siren.refused",
                "siren",
                siren_ids[0] if len(siren_ids) == 1 else None,
                said(N_("Siren activation refused: {why}"), why=words),
                after={"sirens": siren_ids, **details},
                exercise=self._shift.exercise,
            )
        self._bus.publish(Event(Topic.SIREN_COMMAND, None, {"refused": words}))
        return SirenRefused(words)

    def activate(
        self,
        siren_ids: Iterable[int],
        pattern_id: int,
        duration_s: int,
        *,
        live: bool,
        pin: str,
        typed_confirmation: str,
    ) -> ActivationResult:
        """The only way to start a siren sound (or test). Raises PermissionDenied, SirenRefused or
        ValidationError with words; every refusal is in the audit log. ``typed_confirmation`` is the
        pattern's name, one language part of it, or its short code (see ``confirmation``)."""
        ids = sorted(set(int(i) for i in siren_ids))
        actor = self._shift.actor
        try:
            actor = self._shift.require(Permission.ACTIVATE_SIRENS, N_("activate sirens"))
        except OpsError as denied:
            raise self._refuse(actor, ids or [0], denied.stored, pattern=pattern_id) from None
        if not ids:
            raise ValidationError({"sirens": said(N_("Choose at least one siren."))})
        pattern = self.patterns.get(pattern_id)
        if pattern is None:
            raise self._refuse(
                actor, ids, said(N_("pattern {id} is not in the library"), id=pattern_id), pattern=pattern_id
            )
        try:  # wrong PINs count toward the sign-on lockout: the PIN cannot be guessed here instead
            self._operators.check_pin_again(pin)
        except SignOnError as wrong:
            raise self._refuse(
                actor, ids, said(N_("the PIN was not accepted — {why}"), why=wrong.stored), pattern=pattern_id
            ) from None
        if not confirmation.matches(pattern, typed_confirmation):
            raise self._refuse(
                actor,
                ids,
                said(
                    N_(
                        "the confirmation typed does not match the pattern name “{name}” (or its short code {key})"
                    ),
                    name=pattern.name,
                    key=pattern.key,
                ),
                pattern=pattern_id,
            )
        if not 1 <= duration_s <= pattern.total_s:
            raise self._refuse(
                actor,
                ids,
                said(
                    N_("duration {seconds} s is outside 1..{most} s for {name}"),
                    seconds=duration_s,
                    most=pattern.total_s,
                    name=pattern.name,
                ),
                pattern=pattern_id,
            )
        command = command_for(pattern)
        if live and command in SOUND_COMMANDS and actor.role != Role.SUPERVISOR.value:
            raise self._refuse(
                actor,
                ids,
                said(
                    N_("only a supervisor may sound sirens live; {name} is {role}"),
                    name=actor.name,
                    role=label(Role(actor.role), lower=True),
                ),
                pattern=pattern_id,
            )
        sends = command == "silent_test" or (live and not self._shift.exercise)
        if live and self._shift.exercise and command in SOUND_COMMANDS:
            raise self._refuse(
                actor,
                ids,
                said(
                    N_(
                        "the post is in EXERCISE mode: no live sound command leaves the "
                        "console; run it as an exercise activation"
                    )
                ),
                pattern=pattern_id,
            )
        return self._record_activation(actor, ids, pattern, command, duration_s, live=live, sends=sends)

    def _record_activation(
        self,
        actor: Actor,
        ids: list[int],
        pattern: SirenPattern,
        command: str,
        duration_s: int,
        *,
        live: bool,
        sends: bool,
    ) -> ActivationResult:
        request_id = uuid.uuid4().hex[:12]
        exercise = not sends and command != "silent_test"
        refusal: str | None = None
        with self._db.write() as s:
            sirens = lock_sirens(s, ids)
            missing = set(ids) - {x.id for x in sirens}
            disabled = [x.name for x in sirens if not x.enabled]
            names = {x.id: x.name for x in sirens}
            if missing or disabled:
                refusal = (
                    said(N_("siren(s) {ids} do not exist"), ids=str(sorted(missing)))
                    if missing
                    else said(N_("{sirens} is out of service"), sirens=listed(disabled))
                )
            elif sends:
                busy = busy_commands(s, ids, utc_now())
                if busy:
                    b = busy[0]
                    refusal = said(
                        N_("{siren} is already being activated by {who} (request {request}, {state})"),
                        siren=names[b.siren_id],
                        who=b.requested_by,
                        request=b.request_id,
                        state=b.state,
                    )
            if refusal is None:
                rows = []
                for siren in sirens:
                    siren.version += 1  # the per-siren lock's visible trace
                    row = SirenCommand(
                        request_id=request_id,
                        siren_id=siren.id,
                        command=command,
                        pattern_id=pattern.id,
                        duration_s=duration_s,
                        live=live and sends,
                        exercise=exercise,
                        requested_by=actor.name,
                        state=REQUESTED if sends else EXERCISE_ONLY,
                        detail="",
                        attempts=0,
                        requested_at=utc_now(),
                    )
                    s.add(row)
                    rows.append(row)
                s.flush()
                mode = said(
                    N_("LIVE")
                    if sends and command != "silent_test"
                    else (N_("TEST") if sends else N_("EXERCISE (not sent)"))
                )
                audit.append(
                    s,
                    actor,
                    "siren.activate.request",
                    "siren_request",
                    None,
                    said(
                        N_(
                            "{mode}: {signal} for {seconds} s on {sirens} requested by {who} (request {request})"
                        ),
                        mode=mode,
                        signal=pattern.name,
                        seconds=duration_s,
                        sirens=listed(names[i] for i in ids),
                        who=actor.name,
                        request=request_id,
                    ),
                    after={
                        "request": request_id,
                        "sirens": ids,
                        "pattern": pattern.id,
                        "duration_s": duration_s,
                        "command": command,
                        "sent": sends,
                    },
                    exercise=exercise or self._shift.exercise,
                )
                command_ids = tuple(r.id for r in rows)
        if refusal is not None:
            raise self._refuse(actor, ids, refusal, pattern=pattern.id)
        self._bus.publish(
            Event(
                Topic.SIREN_COMMAND,
                None,
                {"request": request_id, "state": REQUESTED if sends else EXERCISE_ONLY, "sirens": ids},
            )
        )
        self.waker.set()
        return ActivationResult(request_id, command_ids, live and sends, sends)

    # -- cancel -----------------------------------------------------------------------------

    def cancel_all(self) -> str:
        """Cancel every siren (one click + one confirm in the UI): operators and above, any mode."""
        with self._db.read() as s:
            ids = list(s.scalars(select(Siren.id).where(Siren.enabled)))
        return self.cancel(ids, reason="cancel all")

    def cancel(self, siren_ids: Iterable[int], *, reason: str = "cancel") -> str:
        actor = self._shift.require(CANCEL_PERMISSION, N_("cancel sirens"))
        ids = sorted(set(siren_ids))
        request_id = uuid.uuid4().hex[:12]
        with self._db.write() as s:
            names = []
            for siren in s.scalars(select(Siren).where(Siren.id.in_(ids)).order_by(Siren.id)):
                s.add(
                    SirenCommand(
                        request_id=request_id,
                        siren_id=siren.id,
                        command="cancel",
                        live=True,
                        exercise=False,
                        requested_by=actor.name,
                        state=REQUESTED,
                        detail=reason,
                        requested_at=utc_now(),
                    )
                )
                names.append(siren.name)
            # exercise activations are "stopped" at once: they never sounded
            for c in s.scalars(
                select(SirenCommand).where(
                    SirenCommand.siren_id.in_(ids),
                    SirenCommand.state == EXERCISE_ONLY,
                    SirenCommand.finished_at.is_(None),
                )
            ):
                c.finished_at, c.detail = utc_now(), said(N_("exercise activation cancelled"))
            audit.append(
                s,
                actor,
                "siren.cancel.request",
                "siren_request",
                None,
                said(
                    N_("{reason}: {sirens} by {who} (request {request})"),
                    reason=said(CANCEL_WORDS[reason])
                    if reason in CANCEL_WORDS
                    else reason
                    if is_said(reason)  # a caller's stored sentence (a warning's cancel)
                    else reason.capitalize(),
                    sirens=listed(names) if names else said(N_("no sirens")),
                    who=actor.name,
                    request=request_id,
                ),
                after={"request": request_id, "sirens": ids},
                exercise=self._shift.exercise,
            )
        self._bus.publish(
            Event(Topic.SIREN_COMMAND, None, {"request": request_id, "state": REQUESTED, "sirens": ids})
        )
        self.waker.set()
        return request_id

    # -- alarms -----------------------------------------------------------------------------

    def list_alarms(self, *, open_only: bool = False, limit: int = 200) -> list[AlarmView]:
        with self._db.read() as s:
            q = select(SirenAlarm, Siren.name).outerjoin(Siren, Siren.id == SirenAlarm.siren_id)
            if open_only:
                q = q.where(SirenAlarm.acknowledged_at.is_(None))
            rows = s.execute(q.order_by(SirenAlarm.id.desc()).limit(limit)).all()
            return [
                AlarmView(
                    a.id,
                    a.siren_id,
                    name or "—",
                    a.kind,
                    shown(a.words),  # stored in no language (ops_console/said.py)
                    a.raised_at,
                    a.exercise,
                    a.acknowledged_by,
                    a.acknowledged_at,
                )
                for a, name in rows
            ]

    def acknowledge(self, alarm_id: int) -> None:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("acknowledge siren alarms"))
        with self._db.write() as s:
            alarm = s.get(SirenAlarm, alarm_id)
            if alarm is None:
                raise NotFound(said(N_("Siren alarm {id} no longer exists."), id=alarm_id))
            if alarm.acknowledged_at is not None:
                return
            alarm.acknowledged_by, alarm.acknowledged_at = actor.name, utc_now()
            audit.append(
                s,
                actor,
                "siren.alarm.ack",
                "siren_alarm",
                alarm.id,
                said(N_("{who} acknowledged: {words}"), who=actor.name, words=alarm.words),
                exercise=alarm.exercise,
            )
        self._bus.publish(Event(Topic.SIREN_ALARM, alarm_id, {"acknowledged": True}))

    # -- records ----------------------------------------------------------------------------

    def list_commands(self, *, limit: int = 200, request_id: str | None = None) -> list[CommandView]:
        with self._db.read() as s:
            q = select(SirenCommand)
            if request_id:
                q = q.where(SirenCommand.request_id == request_id)
            return [command_view(c) for c in s.scalars(q.order_by(SirenCommand.id.desc()).limit(limit))]

    def history(self, siren_id: int, *, limit: int = 500) -> list[HistoryPoint]:
        with self._db.read() as s:
            rows = s.scalars(
                select(SirenStatusSample)
                .where(SirenStatusSample.siren_id == siren_id)
                .order_by(SirenStatusSample.at.desc())
                .limit(limit)
            ).all()
            return [
                HistoryPoint(r.at, r.battery_v, r.mains_present, r.temperature_c, r.state)
                for r in reversed(rows)
            ]

    # -- scheduled tests --------------------------------------------------------------------

    def schedule_test(
        self,
        name: str,
        *,
        kind: str = "silent",
        nth: int = 1,
        weekday: int = 0,
        time_local: str = "10:00",
        tz: str = "UTC",
        siren_ids: Iterable[int] = (),
        now: datetime | None = None,
    ) -> int:
        """A recurring test, e.g. the first Monday of the month at 10:00 local: supervisors."""
        actor = self._shift.require(Permission.ACTIVATE_SIRENS, N_("schedule siren tests"))
        problems = {}
        if kind not in ("silent", "growl"):
            problems["kind"] = said(N_("A test is silent or growl."))
        if not 0 <= nth <= 5 or not 0 <= weekday <= 6:
            problems["rule"] = said(N_("Choose every/first..last and a weekday."))
        try:
            due = rules.next_occurrence(nth, weekday, time_local, tz, now or utc_now())
        except Exception as exc:  # bad time or zone name
            problems["time"] = said(N_("Time or time zone not understood: {why}"), why=str(exc))
            due = None
        if problems:
            raise ValidationError(problems)
        ids = ",".join(str(i) for i in sorted(set(siren_ids)))
        with self._db.write() as s:
            row = SirenTestSchedule(
                name=name.strip() or tr(N_("Siren test")),  # a record's name: this console's words
                kind=kind,
                nth=nth,
                weekday=weekday,
                time_local=time_local,
                tz=tz,
                siren_ids=ids,
                enabled=True,
                next_due_at=due,
                created_by=actor.name,
            )
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "siren.test.schedule",
                "siren_test_schedule",
                row.id,
                said(
                    N_("Silent test “{name}” scheduled: {rule}")
                    if kind == "silent"
                    else N_("Growl test “{name}” scheduled: {rule}"),
                    name=row.name,
                    rule=rules.describe_rule(nth, weekday, time_local, tz),
                ),
                exercise=self._shift.exercise,
            )
            sid = row.id
        self._bus.publish(Event(Topic.SIREN_TEST, sid, {}))
        return sid

    def list_schedules(self) -> list[ScheduleView]:
        with self._db.read() as s:
            return [
                ScheduleView(
                    r.id,
                    r.name,
                    r.kind,
                    r.nth,
                    r.weekday,
                    r.time_local,
                    r.tz,
                    tuple(int(x) for x in r.siren_ids.split(",") if x),
                    r.enabled,
                    r.next_due_at,
                    r.last_run_at,
                    r.created_by,
                )
                for r in s.scalars(select(SirenTestSchedule).order_by(SirenTestSchedule.next_due_at))
            ]

    def test_report(self, *, limit: int = 500) -> list[TestResultView]:
        """Rows of the test report, newest first."""
        with self._db.read() as s:
            q = (
                select(SirenTestResult, Siren.name, SirenTestSchedule.name)
                .join(Siren, Siren.id == SirenTestResult.siren_id)
                .outerjoin(SirenTestSchedule, SirenTestSchedule.id == SirenTestResult.schedule_id)
                .order_by(SirenTestResult.id.desc())
                .limit(limit)
            )
            return [
                TestResultView(
                    r.id,
                    r.schedule_id,
                    sched or "manual",
                    r.siren_id,
                    name,
                    r.kind,
                    r.run_at,
                    r.passed,
                    shown(r.outcome),
                    r.battery_v,
                    r.faults,
                )
                for r, name, sched in s.execute(q)
            ]

    def prune_history(self, keep_per_siren: int = 2000) -> int:
        """Keep the newest ``keep_per_siren`` samples of each siren (the chart's window)."""
        removed = 0
        with self._db.write() as s:
            for sid in s.scalars(select(Siren.id)).all():
                cutoff = s.scalar(
                    select(SirenStatusSample.id)
                    .where(SirenStatusSample.siren_id == sid)
                    .order_by(SirenStatusSample.id.desc())
                    .offset(keep_per_siren)
                    .limit(1)
                )
                if cutoff is not None:
                    removed += (
                        s.execute(
                            delete(SirenStatusSample).where(
                                SirenStatusSample.siren_id == sid, SirenStatusSample.id <= cutoff
                            )
                        ).rowcount
                        or 0
                    )
        return removed


__all__ = [
    "CANCEL_PERMISSION",
    "SirenRefused",
    "SirenService",
    "busy_commands",
    "command_for",
    "roles_that_may_cancel",
]
