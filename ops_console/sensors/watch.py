"""The sensor evaluation that runs inside the radio ingest's transaction, Qt-free.

The ingest stores a batch's sensor readings and hands the same rows here (derived.py);
the alerts they raise go into ``sensor_alerts`` in that transaction, so a reading and its
alert are stored together or not at all. An emergency level also stores an EMERGENCY
alarm message, the row the post-wide alarm (bar, sound, alert list, acknowledgement with
its rights) already watches for radio traffic: one alarm path, not a second one.

Per-sensor state (level, rate-of-rise window, throttles) is changed on a staged copy and
kept only when the ingest says the transaction committed (``commit``); a batch that is
rolled back and stored again in parts is evaluated again from the same state, so no
alert is lost and none is raised twice. Timing uses the time a reading was heard, not the
sensor's own clock (which may be wrong: that raises its own alert).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from ops_console.db.sensor_models import Sensor, SensorAlertRow
from ops_console.events import Event
from ops_console.said import N_, fitted, label, said
from ops_console.topics import Topic

from . import rules
from .kinds import AlertRule, Level, SensorKind
from .views import SensorSpec

log = logging.getLogger(__name__)

REGISTER_REFRESH_S = 30.0  # another workstation's register edits are seen within this
IMPOSSIBLE_QUIET_S = 600.0  # one impossible-value alert per sensor per ten minutes
CLOCK_QUIET_S = 3600.0  # one clock alert per sensor per hour
LEVEL_RULES = (AlertRule.LEVEL_UP.value, AlertRule.LEVEL_DOWN.value)

_ALERTS = SensorAlertRow.__table__

Reading = Sequence[Any]
"""A sensor report as the classifier decodes it: (sender, number, sensor id, kind, value,
unit, epoch seconds of the sensor's clock)."""


def spec_of(row: Any) -> SensorSpec:
    """A register row (ORM object or Core row) as a frozen spec."""
    try:
        kind = SensorKind(row.kind)
    except ValueError:
        kind = SensorKind.CUSTOM
    return SensorSpec(
        row.sensor_id,
        row.name,
        kind,
        row.unit or "",
        row.location or "",
        row.lat,
        row.lon,
        row.node_call or "",
        row.interval_s or 0,
        row.advisory,
        row.warning,
        row.emergency,
        row.hysteresis or 0.0,
        row.rise_amount,
        row.rise_window_s,
        row.min_valid,
        row.max_valid,
        bool(row.enabled),
        row.notes or "",
    )


@dataclass
class _State:
    level: int = 0
    rise: rules.RiseTracker | None = None
    minute: int = -1
    in_minute: int = 0
    impossible_quiet: float = float("-inf")
    clock_quiet: float = float("-inf")
    low: float = float("-inf")  # the spec's physical range and lowest line, for the hot path
    high: float = float("inf")
    lowest: float = float("inf")

    def copy(self) -> _State:
        return _State(
            self.level,
            self.rise.copy() if self.rise is not None else None,
            self.minute,
            self.in_minute,
            self.impossible_quiet,
            self.clock_quiet,
            self.low,
            self.high,
            self.lowest,
        )

    def follow(self, spec: SensorSpec) -> _State:
        """Take the spec's bounds (a new entry, or the register changed)."""
        self.low = spec.min_valid if spec.min_valid is not None else float("-inf")
        self.high = spec.max_valid if spec.max_valid is not None else float("inf")
        self.lowest = spec.lines.lowest
        return self


@dataclass
class _Raised:
    """An alert about to be stored."""

    sensor_id: str
    rule: AlertRule
    level: int
    value: float | None
    unit: str
    heard: datetime
    detail: str
    exercise: bool
    node_addr: int | None = None
    alarm: bool = False  # also store an EMERGENCY alarm message


@dataclass
class SensorWatch:
    """Per-sensor state between batches, the register as last read, and counts."""

    console_call: str = "OPS"
    counts: Counter[str] = field(default_factory=Counter)
    _register: dict[str, SensorSpec] | None = None
    _loaded_at: float = 0.0
    _states: dict[str, _State] = field(default_factory=dict)
    _staged: dict[str, _State] = field(default_factory=dict)
    _unknown: set[str] = field(default_factory=set)  # unknown ids already flagged
    _staged_unknown: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def invalidate(self) -> None:
        """The register changed here: read it again before the next batch."""
        with self._lock:
            self._register = None

    # -- in the ingest's transaction ------------------------------------------------

    def evaluate(
        self,
        conn: Connection,
        readings: Sequence[Reading],
        heard: Sequence[datetime],
        exercise: Sequence[bool],
        node_addrs: Sequence[int | None],
    ) -> list[Event]:
        """Evaluate a batch's stored readings; store what they raise; return the events to
        publish after the commit."""
        register = self._load(conn)
        raised: list[_Raised] = []
        staged, states = self._staged, self._states
        unknown = self._unknown
        last_when: datetime | None = None
        at = 0.0
        for reading, when, drill, addr in zip(readings, heard, exercise, node_addrs):
            sid = reading[2]
            spec = register.get(sid)
            if spec is None:
                if sid not in unknown and sid not in self._staged_unknown:
                    self._staged_unknown.add(sid)
                    raised.append(_unknown(reading, when, drill, addr))
                continue
            if not spec.enabled:
                continue
            state = staged.get(sid)
            if state is None:
                base = states.get(sid)
                state = staged[sid] = (
                    base.copy() if base is not None else _State(rise=_tracker(spec)).follow(spec)
                )
            if when is not last_when:  # a chunk's frames share their time heard
                last_when, at = when, when.timestamp()
            try:
                self._one(spec, state, reading, when, at, drill, addr, raised)
            except Exception:  # noqa: BLE001 - a bug here must not cost the readings their storage
                self.counts["evaluation_errors"] += 1
                log.exception("sensors: evaluating a reading of %s failed; it is stored unevaluated", sid)
        self.counts["evaluated"] += len(readings)
        roll_up(conn, readings)
        return self._store(conn, raised, register) if raised else []

    def _one(
        self,
        spec: SensorSpec,
        state: _State,
        reading: Reading,
        when: datetime,
        at: float,
        drill: bool,
        addr: int | None,
        raised: list[_Raised],
    ) -> None:
        """One reading: the common case (in range, below every line, no rule) is a few
        comparisons; whatever is not common leaves the fast path early."""
        value = reading[4]
        minute = int(at // 60)
        if minute != state.minute:
            state.minute, state.in_minute = minute, 0
        state.in_minute += 1
        if state.in_minute == rules.BURST_PER_MINUTE + 1:
            detail = said(
                N_("more than {n} readings in one minute (expected one every {seconds} s)"),
                n=rules.BURST_PER_MINUTE,
                seconds=spec.interval_s,
            )
            raised.append(
                _Raised(
                    spec.sensor_id, AlertRule.BURST, state.level, value, spec.unit, when, detail, drill, addr
                )
            )
        offset = reading[6] - at
        if (
            offset > rules.CLOCK_TOLERANCE_S or offset < -rules.CLOCK_TOLERANCE_S
        ) and at >= state.clock_quiet:
            state.clock_quiet = at + CLOCK_QUIET_S
            detail = said(
                N_("the sensor's clock is {span} ahead; timed by when it was heard")
                if offset > 0
                else N_("the sensor's clock is {span} behind; timed by when it was heard"),
                span=_span(offset),
            )
            raised.append(
                _Raised(
                    spec.sensor_id, AlertRule.CLOCK, state.level, value, spec.unit, when, detail, drill, addr
                )
            )
        why = (
            ""
            if state.low <= value <= state.high
            else rules.impossible(value, spec.min_valid, spec.max_valid)
        )
        if why:
            self.counts["impossible"] += 1
            if at >= state.impossible_quiet:
                state.impossible_quiet = at + IMPOSSIBLE_QUIET_S
                raised.append(
                    _Raised(
                        spec.sensor_id,
                        AlertRule.IMPOSSIBLE,
                        state.level,
                        None if value != value else value,
                        spec.unit,
                        when,
                        said(N_("{why}; not used for levels"), why=why),
                        drill,
                        addr,
                    )
                )
            return
        level = (
            rules.level_after(value, spec.lines, state.level) if state.level or value >= state.lowest else 0
        )
        if level != state.level:
            before, state.level = state.level, level
            if level > before:
                detail = spec.rule_said(level)
                rule = AlertRule.LEVEL_UP
            else:
                line = spec.line_of(before)
                detail = said(
                    N_("back to {level}: below {line} − {hysteresis} {unit}"),
                    level=label(Level(level), lower=True),
                    line=f"{line:g}",
                    hysteresis=f"{spec.hysteresis:g}",
                    unit=spec.unit,
                )
                rule = AlertRule.LEVEL_DOWN
            alarm = level == Level.EMERGENCY and level > before
            raised.append(
                _Raised(spec.sensor_id, rule, level, value, spec.unit, when, detail, drill, addr, alarm)
            )
        if state.rise is not None:
            rise = state.rise.add(at, value)
            if rise is not None:
                detail = said(
                    N_("up {rise} {unit} within {span} (rule: {rule})"),
                    rise=f"{rise:.2f}",
                    unit=spec.unit,
                    span=_span(spec.rise_window_s or 0),
                    rule=spec.rise_said(),
                )
                raised.append(
                    _Raised(
                        spec.sensor_id,
                        AlertRule.RISE,
                        state.level,
                        value,
                        spec.unit,
                        when,
                        detail,
                        drill,
                        addr,
                    )
                )

    def _store(self, conn: Connection, raised: list[_Raised], register: dict[str, SensorSpec]) -> list[Event]:
        """The batch's alerts in one statement (ids taken as the messages' are), then an
        alarm message for each emergency crossing."""
        ids = _new_alert_ids(conn, len(raised))
        now = datetime.now(UTC)
        conn.execute(
            insert(_ALERTS),
            [
                {
                    "id": alert_id,
                    "sensor_id": alert.sensor_id,
                    "rule": alert.rule.value,
                    "level": alert.level,
                    "value": alert.value,
                    "unit": alert.unit[:16],
                    "at": alert.heard,
                    "detail": fitted(alert.detail, 300),
                    "raised_at": now,
                    "alarm_message_id": None,
                    "exercise": alert.exercise,
                }
                for alert_id, alert in zip(ids, raised)
            ],
        )
        events: list[Event] = []
        for alert_id, alert in zip(ids, raised):
            self.counts[alert.rule.value] += 1
            events.append(
                Event(
                    Topic.SENSOR_ALERT,
                    alert_id,
                    {"sensor_id": alert.sensor_id, "rule": alert.rule.value, "level": alert.level},
                )
            )
            if alert.alarm:
                message_id = self._alarm(conn, alert, alert_id, register.get(alert.sensor_id))
                conn.execute(
                    _ALERTS.update().where(_ALERTS.c.id == alert_id).values(alarm_message_id=message_id)
                )
                events.append(Event(Topic.RADIO_MESSAGE, message_id, {"direction": "in", "alert": True}))
        return events

    def _alarm(self, conn: Connection, alert: _Raised, alert_id: int, spec: SensorSpec | None) -> int:
        """The EMERGENCY alarm: a received message of kind ``sensor``, which the post-wide
        alarm raises and a person with the right to acknowledge EMERGENCY traffic acknowledges."""
        from ops_console.radio.local_alarm import LocalAlarm, store_local_alarm

        name = spec.name if spec else alert.sensor_id
        where = (
            said(N_("{name} at {place}"), name=name, place=spec.location) if spec and spec.location else name
        )
        body = said(
            N_("EMERGENCY level: {where} reads {value} {unit} ({detail}), heard {time} UTC"),
            where=where,
            value=f"{alert.value:g}",
            unit=alert.unit,
            detail=alert.detail,
            time=f"{alert.heard:%H:%M:%S}",
        )
        alarm = LocalAlarm(
            kind="sensor",
            station=alert.sensor_id,
            subject=said(N_("Sensor {name}: EMERGENCY level"), name=name),
            body=body,
            at=alert.heard,
            recipient=self.console_call,
            linked_entity="sensor_alert",
            linked_id=alert_id,
            exercise=alert.exercise,
            node_addr=alert.node_addr,
        )
        message_id = store_local_alarm(conn, alarm)
        self.counts["alarms"] += 1
        return message_id

    # -- after the transaction --------------------------------------------------------

    def commit(self) -> None:
        """The batch committed: keep the staged state."""
        self._states.update(self._staged)
        self._unknown |= self._staged_unknown
        self._staged = {}
        self._staged_unknown = set()

    def rollback(self) -> None:
        """The batch did not commit: it comes again, evaluated from the state before it."""
        self._staged = {}
        self._staged_unknown = set()

    # -- the register and the state it starts from -----------------------------------

    def _load(self, conn: Connection) -> dict[str, SensorSpec]:
        with self._lock:
            register = self._register
            fresh = time.monotonic() - self._loaded_at < REGISTER_REFRESH_S
        if register is not None and fresh:
            return register
        first = register is None and not self._states
        register = {row.sensor_id: spec_of(row) for row in conn.execute(select(Sensor.__table__)).all()}
        if first or register.keys() != (self._register or {}).keys():
            self._resume(conn, register)
        for sid, spec in register.items():  # a changed rule starts a fresh window; the level stays
            state = self._states.get(sid)
            if state is not None:
                state.follow(spec)
                wanted = _tracker(spec)
                if (wanted is None) != (state.rise is None) or (
                    wanted is not None
                    and state.rise is not None
                    and (wanted.amount, wanted.window_s) != (state.rise.amount, state.rise.window_s)
                ):
                    state.rise = wanted
        with self._lock:
            self._register, self._loaded_at = register, time.monotonic()
        return register

    def _resume(self, conn: Connection, register: dict[str, SensorSpec]) -> None:
        """Levels as the stored alerts left them (a restart must not raise them again), and
        the unknown sensors already flagged."""
        newest = (
            select(func.max(_ALERTS.c.id))
            .where(_ALERTS.c.rule.in_(LEVEL_RULES))
            .group_by(_ALERTS.c.sensor_id)
            .scalar_subquery()
        )
        for sid, level in conn.execute(
            select(_ALERTS.c.sensor_id, _ALERTS.c.level).where(_ALERTS.c.id.in_(newest))
        ):
            spec = register.get(sid)
            if spec is not None and sid not in self._states:
                self._states[sid] = _State(level=int(level), rise=_tracker(spec)).follow(spec)
        flagged = conn.execute(
            select(_ALERTS.c.sensor_id).where(_ALERTS.c.rule == AlertRule.UNKNOWN.value).distinct()
        ).scalars()
        self._unknown = {sid for sid in flagged if sid not in register}


_ROLLUP_SQL = {
    "sqlite": "INSERT INTO sensor_rollups (sensor_id, hour, vmin, vmax, vsum, n) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (sensor_id, hour) DO UPDATE SET vmin = min(vmin, excluded.vmin), "
    "vmax = max(vmax, excluded.vmax), vsum = vsum + excluded.vsum, n = n + excluded.n",
    "postgresql": "INSERT INTO sensor_rollups (sensor_id, hour, vmin, vmax, vsum, n) VALUES (%s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (sensor_id, hour) DO UPDATE SET vmin = LEAST(sensor_rollups.vmin, excluded.vmin), "
    "vmax = GREATEST(sensor_rollups.vmax, excluded.vmax), vsum = sensor_rollups.vsum + excluded.vsum, "
    "n = sensor_rollups.n + excluded.n",
}


def roll_up(conn: Connection, readings: Sequence[Reading]) -> None:
    """Add ``readings`` to their sensors' hourly rollups (one upsert per sensor and hour
    touched, in one executemany): what the chart reads for spans of weeks and more."""
    hours: dict[tuple[str, int], list[Any]] = {}
    for reading in readings:
        value = reading[4]
        if not math.isfinite(value):  # the decoder refuses NaN and ±inf; never poison a sum (-inf + inf)
            continue
        key = (reading[2], int(reading[6]) // 3600)
        acc = hours.get(key)
        if acc is None:
            hours[key] = [value, value, value, 1]
        else:
            if value < acc[0]:
                acc[0] = value
            if value > acc[1]:
                acc[1] = value
            acc[2] += value
            acc[3] += 1
    if hours:
        conn.exec_driver_sql(
            _ROLLUP_SQL[conn.dialect.name], [(sid, hour, *acc) for (sid, hour), acc in hours.items()]
        )


def _new_alert_ids(conn: Connection, count: int) -> list[int]:
    """Ids for ``count`` alerts about to be inserted in this transaction (the ingest holds
    the write lock: SQLite's BEGIN IMMEDIATE; on PostgreSQL the sequence hands them out)."""
    if conn.dialect.name == "postgresql":
        return list(
            conn.exec_driver_sql(
                "SELECT nextval(pg_get_serial_sequence('sensor_alerts', 'id')) FROM generate_series(1, %s)",
                (count,),
            ).scalars()
        )
    first = (conn.exec_driver_sql("SELECT max(id) FROM sensor_alerts").scalar() or 0) + 1
    return list(range(first, first + count))


def _tracker(spec: SensorSpec) -> rules.RiseTracker | None:
    if spec.rise_amount is None or not spec.rise_window_s:
        return None
    return rules.RiseTracker(spec.rise_amount, float(spec.rise_window_s))


def _unknown(reading: Reading, when: datetime, drill: bool, addr: int | None) -> _Raised:
    value = reading[4]
    detail = said(
        N_(
            "not in the register: kind {kind}, unit {unit}, node {node}; "
            "its readings are kept — register it in the Sensors panel"
        ),
        kind=str(reading[3]),
        unit=str(reading[5] or "—"),
        node=str(reading[0]),
    )
    return _Raised(
        reading[2],
        AlertRule.UNKNOWN,
        0,
        value if value == value else None,
        str(reading[5])[:16],
        when,
        detail,
        drill,
        addr,
    )


def _span(seconds: float) -> str:
    """A span in the unit a person reads it in, as a stored sentence (ops_console/said.py)."""
    seconds = abs(seconds)
    if seconds < 120:
        return said(N_("{n} s"), n=f"{seconds:.0f}")
    if seconds < 7200:
        return said(N_("{n} min"), n=f"{seconds / 60:.0f}")
    if seconds < 172800:
        return said(N_("{n} h"), n=f"{seconds / 3600:.0f}")
    return said(N_("{n} days"), n=f"{seconds / 86400:.0f}")
