"""What the siren runtime writes: claimed commands, outcomes, polls, alarms, test runs.

Each method is one short transaction with its audit entry, called from a bus thread;
events are published after commit. The actor is the runtime itself (``RUNTIME``), and
the audit summary names the operator who asked for the command.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from ops_console.events import Event, EventBus
from ops_console.hardware.protocols.siren_profile import FaultBit, SirenStatus, fault_words
from ops_console.hardware.sirens import CommandOutcome, Confirmation, SirenFault
from ops_console.said import N_, english, listed, said
from ops_console.services import audit
from ops_console.siren_patterns import PatternLibrary
from ops_console.sirens import schedule as rules
from ops_console.sirens.interlock import busy_commands, lock_sirens
from ops_console.sirens.views import (
    COMMS_FAULT,
    COMMS_FAULT_AFTER,
    CONFIRMED,
    FAULT_BITS,
    NO_CONFIRMATION,
    NOT_STARTED,
    REFUSED,
    REQUESTED,
    SENT,
    STALE_AFTER,
    TIMEOUT,
    UNCOMMANDED,
    UNCONFIRMED,
    command_said,
)
from ops_console.topics import Topic

log = logging.getLogger(__name__)
RUNTIME = audit.SIREN_RUNTIME
COVER_SLACK = timedelta(seconds=30)
RESULT_STATES = {
    Confirmation.CONFIRMED: CONFIRMED,
    Confirmation.NOT_STARTED: NOT_STARTED,
    Confirmation.REFUSED: REFUSED,
    Confirmation.UNCONFIRMED: UNCONFIRMED,
    Confirmation.NOT_ACCEPTED: TIMEOUT,
}


@dataclass(frozen=True)
class Claimed:
    """A command the runtime took to send: what, to which unit, from which last sequence number."""

    id: int
    request_id: str
    siren_id: int
    siren_name: str
    unit: int
    command: str
    pattern_id: int
    duration_s: int
    last_seq: int
    requested_by: str
    schedule_id: int | None


class SirenRecords:
    def __init__(self, db: Database, bus: EventBus, patterns: PatternLibrary) -> None:
        self._db, self._bus, self._patterns = db, bus, patterns

    # -- commands ---------------------------------------------------------------------------

    def claim(self, bus_name: str) -> list[Claimed]:
        """Take every requested command of this bus (cancels first): requested → sent."""
        claimed: list[Claimed] = []
        stale: list[int] = []
        with self._db.write() as s:
            rows = s.execute(
                select(SirenCommand, Siren)
                .join(Siren, Siren.id == SirenCommand.siren_id)
                .where(SirenCommand.state == REQUESTED, Siren.bus_name == bus_name)
                .order_by(SirenCommand.id)
                .with_for_update(of=SirenCommand)
            ).all()
            rows.sort(key=lambda r: (r[0].command != "cancel", r[0].id))
            now = utc_now()
            for cmd, siren in rows:
                if cmd.command != "cancel" and cmd.requested_at + STALE_AFTER < now:
                    stale.append(self._drop_stale(s, cmd, siren, now))
                    continue
                cmd.state, cmd.sent_at = SENT, utc_now()
                audit.append(
                    s,
                    RUNTIME,
                    "siren.command.sent",
                    "siren",
                    siren.id,
                    said(
                        N_("{command} sent to {siren} (unit {unit}) for {who} (request {request})"),
                        command=command_said(cmd.command),
                        siren=siren.name,
                        unit=siren.unit_id,
                        who=cmd.requested_by,
                        request=cmd.request_id,
                    ),
                    after={"command": cmd.id, "request": cmd.request_id},
                    record=cmd,
                )
                claimed.append(
                    Claimed(
                        cmd.id,
                        cmd.request_id,
                        siren.id,
                        siren.name,
                        siren.unit_id,
                        cmd.command,
                        cmd.pattern_id,
                        cmd.duration_s,
                        siren.last_seq,
                        cmd.requested_by,
                        cmd.schedule_id,
                    )
                )
        for c in claimed:
            self._bus.publish(Event(Topic.SIREN_COMMAND, c.id, {"state": SENT, "siren": c.siren_id}))
        for alarm_id in stale:
            self._bus.publish(Event(Topic.SIREN_ALARM, alarm_id, {"kind": NO_CONFIRMATION}))
        return claimed

    def _drop_stale(self, s: Session, cmd: SirenCommand, siren: Siren, now: datetime) -> int:
        """A sound request nobody sent in time (no runtime was running) is never sent late."""
        age = int((now - cmd.requested_at).total_seconds())
        cmd.state, cmd.finished_at = TIMEOUT, now
        cmd.detail = said(
            N_("not sent: requested {age} s ago, too old to send safely — request it again if still needed"),
            age=age,
        )
        audit.append(
            s,
            RUNTIME,
            "siren.command.timeout",
            "siren",
            siren.id,
            said(N_("{siren}: {words}"), siren=siren.name, words=cmd.detail),
            after={"command": cmd.id, "request": cmd.request_id},
            record=cmd,
        )
        return self._alarm(
            s,
            siren,
            NO_CONFIRMATION,
            said(
                N_("{siren} (unit {unit}): {command} {words}"),
                siren=siren.name,
                unit=siren.unit_id,
                command=command_said(cmd.command),
                words=cmd.detail,
            ),
        )

    def abandon_in_flight(self, bus_name: str) -> int:
        """At start: commands left 'sent' by a console that stopped mid-command are unknown."""
        with self._db.write() as s:
            rows = s.execute(
                select(SirenCommand, Siren)
                .join(Siren, Siren.id == SirenCommand.siren_id)
                .where(SirenCommand.state == SENT, Siren.bus_name == bus_name)
            ).all()
            for cmd, siren in rows:
                cmd.state, cmd.finished_at = UNCONFIRMED, utc_now()
                cmd.detail = said(
                    N_(
                        "the console stopped before the outcome was known — treat the siren's state as unknown"
                    )
                )
                audit.append(
                    s,
                    RUNTIME,
                    "siren.command.unconfirmed",
                    "siren",
                    siren.id,
                    said(N_("{siren}: {words}"), siren=siren.name, words=cmd.detail),
                    after={"command": cmd.id},
                    record=cmd,
                )
        return len(rows)

    def finish(
        self,
        c: Claimed,
        outcome: CommandOutcome | None,
        attempts: int,
        *,
        state: str | None = None,
        words: str = "",
    ) -> str:
        """Store how a command ended, with its audit entry; an alarm when it was not confirmed."""
        if state is None:
            assert outcome is not None, "a command ends with an outcome or a state"
            state = RESULT_STATES[outcome.result]
        words = words or (outcome.words if outcome else "")
        alarm_id = None
        with self._db.write() as s:
            cmd = s.get(SirenCommand, c.id)
            siren = s.get(Siren, c.siren_id)
            cmd.state, cmd.detail, cmd.attempts, cmd.finished_at = state, words, attempts, utc_now()
            if outcome is not None:
                cmd.seq = outcome.seq
                if outcome.result in (Confirmation.CONFIRMED, Confirmation.NOT_STARTED):
                    siren.last_seq = outcome.seq
                if outcome.status is not None:
                    self._apply_status(siren, outcome.status)
                elif outcome.result is Confirmation.UNCONFIRMED:
                    siren.state = "unknown"
            audit.append(
                s,
                RUNTIME,
                f"siren.command.{state}",
                "siren",
                siren.id,
                said(N_("{siren}: {words}"), siren=siren.name, words=words),
                after={"command": cmd.id, "request": cmd.request_id, "state": state, "attempts": attempts},
                record=cmd,
            )
            if state != CONFIRMED:
                alarm_id = self._alarm(
                    s,
                    siren,
                    NO_CONFIRMATION,
                    said(
                        N_("{siren} (unit {unit}): {command} not confirmed — {words}"),
                        siren=siren.name,
                        unit=siren.unit_id,
                        command=command_said(c.command),
                        words=words,
                    ),
                )
            if c.command in ("silent_test", "growl_test"):
                st = outcome.status if outcome else None
                s.add(
                    SirenTestResult(
                        schedule_id=c.schedule_id,
                        siren_id=siren.id,
                        command_id=cmd.id,
                        kind="silent" if c.command == "silent_test" else "growl",
                        run_at=utc_now(),
                        passed=state == CONFIRMED and not (st and st.faults & ~FaultBit.LOW_BATTERY),
                        outcome=words,
                        battery_v=st.battery_v if st else None,
                        faults=", ".join(st.fault_words) if st else "",  # English codes of the record
                    )
                )
        self._bus.publish(Event(Topic.SIREN_COMMAND, c.id, {"state": state, "siren": c.siren_id}))
        self._bus.publish(Event(Topic.SIREN_STATUS, c.siren_id, {}))
        if alarm_id is not None:
            self._bus.publish(
                Event(Topic.SIREN_ALARM, alarm_id, {"kind": NO_CONFIRMATION, "siren": c.siren_id})
            )
        return state

    # -- polls ------------------------------------------------------------------------------

    def sirens_on(self, bus_name: str) -> list[tuple[int, int]]:
        with self._db.read() as s:
            rows = s.execute(
                select(Siren.id, Siren.unit_id)
                .where(Siren.bus_name == bus_name, Siren.enabled)
                .order_by(Siren.unit_id)
            )
            return [(sid, unit) for sid, unit in rows]

    def record_poll(self, results: dict[int, SirenStatus | SirenFault], ids: dict[int, int]) -> bool:
        """Store one poll round of a bus (unit → status or fault); True when any siren sounds."""
        alarms: list[tuple[int, str, int]] = []
        sounding = False
        now = utc_now()
        with self._db.write() as s:
            for unit, result in results.items():
                siren = s.get(Siren, ids[unit])
                if siren is None:
                    continue
                if isinstance(result, SirenFault):
                    siren.missed_polls += 1
                    siren.comms_detail = result.words
                    if siren.missed_polls == COMMS_FAULT_AFTER:
                        siren.state = "unknown"
                        alarms.append(
                            (
                                siren.id,
                                COMMS_FAULT,
                                self._alarm(
                                    s,
                                    siren,
                                    COMMS_FAULT,
                                    said(
                                        N_(
                                            "{siren} (unit {unit}): no usable answer to {polls} polls "
                                            "in a row — {fault}"
                                        ),
                                        siren=siren.name,
                                        unit=siren.unit_id,
                                        polls=COMMS_FAULT_AFTER,
                                        fault=result.words,
                                    ),
                                ),
                            )
                        )
                    continue
                if siren.missed_polls >= COMMS_FAULT_AFTER:
                    audit.append(
                        s,
                        RUNTIME,
                        "siren.comms.restored",
                        "siren",
                        siren.id,
                        said(
                            N_("{siren} answers again after {polls} missed polls"),
                            siren=siren.name,
                            polls=siren.missed_polls,
                        ),
                    )
                old_faults = FaultBit(siren.faults & 0xFF)
                self._apply_status(siren, result)
                siren.last_heard_at, siren.missed_polls, siren.comms_detail = now, 0, ""
                siren.last_seq = result.last_seq
                s.add(
                    SirenStatusSample(
                        siren_id=siren.id,
                        at=now,
                        state=result.state_words,
                        battery_v=result.battery_v,
                        mains_present=result.mains_present,
                        temperature_c=result.temperature_c,
                        faults=int(result.faults),
                    )
                )
                sounding = sounding or result.state.name in ("SOUNDING", "TESTING")
                new_bits = result.faults & ~old_faults & ~FaultBit.LOCAL_ACTIVATION
                if new_bits:
                    alarms.append(
                        (
                            siren.id,
                            FAULT_BITS,
                            self._alarm(
                                s,
                                siren,
                                FAULT_BITS,
                                said(
                                    N_("{siren} (unit {unit}) reports: {faults}"),
                                    siren=siren.name,
                                    unit=siren.unit_id,
                                    faults=listed(said(w) for w in fault_words(FaultBit(new_bits))),
                                ),
                            ),
                        )
                    )
                local = bool(result.faults & FaultBit.LOCAL_ACTIVATION)
                if (
                    local or result.sounding and not self._commanded(s, siren.id, now)
                ) and not self._open_alarm(s, siren.id, UNCOMMANDED):
                    why = said(
                        N_("its local-activation bit is set") if local else N_("no console commanded it")
                    )
                    alarms.append(
                        (
                            siren.id,
                            UNCOMMANDED,
                            self._alarm(
                                s,
                                siren,
                                UNCOMMANDED,
                                said(
                                    N_(
                                        "{siren} (unit {unit}) is SOUNDING without a command from any "
                                        "console ({why}) — cancel it or send someone to the cabinet"
                                    ),
                                    siren=siren.name,
                                    unit=siren.unit_id,
                                    why=why,
                                ),
                            ),
                        )
                    )
        for unit in results:
            self._bus.publish(Event(Topic.SIREN_STATUS, ids[unit], {}))
        for siren_id, kind, alarm_id in alarms:
            self._bus.publish(Event(Topic.SIREN_ALARM, alarm_id, {"kind": kind, "siren": siren_id}))
        return sounding

    @staticmethod
    def _apply_status(siren: Siren, st: SirenStatus) -> None:
        siren.state, siren.pattern_id, siren.seconds_remaining = (
            st.state_words,
            st.pattern_id,
            st.seconds_remaining,
        )
        siren.battery_v, siren.mains_present, siren.faults = st.battery_v, st.mains_present, int(st.faults)
        siren.temperature_c = st.temperature_c

    @staticmethod
    def _commanded(s: Session, siren_id: int, now: datetime) -> bool:
        """An activation by a console that may be what the siren is playing now."""
        rows = s.scalars(
            select(SirenCommand)
            .where(
                SirenCommand.siren_id == siren_id,
                SirenCommand.exercise.is_(False),
                SirenCommand.requested_at >= now - timedelta(hours=1),
            )
            .order_by(SirenCommand.id.desc())
        ).all()
        for c in rows:
            if c.command == "cancel":
                if c.state == CONFIRMED:
                    return False  # a confirmed cancel stops everything before it
                continue  # a cancel still on its way (or failed) stops nothing yet
            if c.command == "activate" and c.state != REFUSED:
                return c.requested_at + timedelta(seconds=c.duration_s) + COVER_SLACK > now
        return False

    @staticmethod
    def _open_alarm(s: Session, siren_id: int, kind: str) -> bool:
        return (
            s.scalar(
                select(SirenAlarm.id)
                .where(
                    SirenAlarm.siren_id == siren_id,
                    SirenAlarm.kind == kind,
                    SirenAlarm.acknowledged_at.is_(None),
                )
                .limit(1)
            )
            is not None
        )

    @staticmethod
    def _alarm(s: Session, siren: Siren, kind: str, words: str) -> int:
        alarm = SirenAlarm(siren_id=siren.id, kind=kind, words=words, raised_at=utc_now(), exercise=False)
        s.add(alarm)
        s.flush()
        audit.append(s, RUNTIME, f"siren.alarm.{kind}", "siren", siren.id, words, after={"alarm": alarm.id})
        log.warning("siren alarm: %s", english(words))
        return alarm.id

    def refuse_in_exercise(self, c: Claimed) -> None:
        self.finish(
            c,
            None,
            0,
            state=REFUSED,
            words=said(N_("not sent: this console is in EXERCISE mode and never sends a live sound command")),
        )

    # -- scheduled tests --------------------------------------------------------------------

    def run_due_tests(self, *, exercise: bool, now: datetime | None = None) -> list[int]:
        """Turn every due schedule into test commands (once, even with several consoles)."""
        now = now or utc_now()
        started: list[int] = []
        with self._db.write() as s:
            due = s.scalars(
                select(SirenTestSchedule)
                .where(SirenTestSchedule.enabled, SirenTestSchedule.next_due_at <= now)
                .with_for_update()
            ).all()
            for sched in due:
                sched.last_run_at = now
                sched.next_due_at = rules.next_occurrence(
                    sched.nth, sched.weekday, sched.time_local, sched.tz, now
                )
                pattern = next(
                    (
                        p
                        for p in sorted(self._patterns.patterns.values(), key=lambda p: p.id)
                        if p.test and p.silent == (sched.kind == "silent")
                    ),
                    None,
                )
                if pattern is None or (exercise and sched.kind == "growl"):
                    why = said(
                        N_("no test pattern in the library")
                        if pattern is None
                        else N_("EXERCISE mode (a growl is audible)")
                    )
                    audit.append(
                        s,
                        RUNTIME,
                        "siren.test.skipped",
                        "siren_test_schedule",
                        sched.id,
                        said(N_("Scheduled test “{name}” skipped: {why}"), name=sched.name, why=why),
                    )
                    continue
                wanted = [int(x) for x in sched.siren_ids.split(",") if x]
                request_id = f"test-{sched.id}-{now:%Y%m%d%H%M}"
                sirens = lock_sirens(s, wanted or None, enabled_only=True)  # the same door as an activation
                busy = {b.siren_id: b for b in busy_commands(s, [x.id for x in sirens], now)}
                for siren in sirens:
                    if siren.id in busy:
                        b = busy[siren.id]
                        audit.append(
                            s,
                            RUNTIME,
                            "siren.test.skipped",
                            "siren",
                            siren.id,
                            said(
                                N_(
                                    "Scheduled test “{name}” skipped on {siren}: it is being "
                                    "activated by {who} (request {request}, {state})"
                                ),
                                name=sched.name,
                                siren=siren.name,
                                who=b.requested_by,
                                request=b.request_id,
                                state=b.state,
                            ),
                        )
                        continue
                    siren.version += 1  # the per-siren lock's visible trace
                    s.add(
                        SirenCommand(
                            request_id=request_id,
                            siren_id=siren.id,
                            pattern_id=pattern.id,
                            command="silent_test" if sched.kind == "silent" else "growl_test",
                            duration_s=pattern.total_s,
                            live=True,
                            exercise=False,
                            requested_by=rules.requester(sched.name),
                            state=REQUESTED,
                            detail="",
                            attempts=0,
                            schedule_id=sched.id,
                            requested_at=now,
                        )
                    )
                audit.append(
                    s,
                    RUNTIME,
                    "siren.test.run",
                    "siren_test_schedule",
                    sched.id,
                    said(
                        N_("Scheduled silent test “{name}” started (request {request}); next {next} UTC")
                        if sched.kind == "silent"
                        else N_("Scheduled growl test “{name}” started (request {request}); next {next} UTC"),
                        name=sched.name,
                        request=request_id,
                        next=f"{sched.next_due_at:%Y-%m-%d %H:%M}",
                    ),
                )
                started.append(sched.id)
        for sid in started:
            self._bus.publish(Event(Topic.SIREN_TEST, sid, {"started": True}))
        return started
