"""The sensors' use cases: the register (edited by admins and supervisors, audited), the
panel's rows, the chart's series (decimated in SQL), and the open sensor alerts.

Qt-free. Reads return frozen values (views.py); every register change checks the
operator's permission, writes its audit entry in the same transaction, tells the
evaluation (watch.py) to read the register again and publishes an event after the commit.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import Float, Integer, and_, cast, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.csv_import import sentence
from ops_console.db.engine import Database
from ops_console.db.radio_models import SensorReading
from ops_console.db.sensor_models import Sensor, SensorAlertRow, SensorRollup
from ops_console.domain import Permission, Role
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.labels import translate
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

from . import rules
from .kinds import AlertRule, Level, SensorKind
from .register_io import ParsedRegister, check, parse_register, with_defaults
from .views import SensorAlert, SensorRow, SensorSpec, Series
from .watch import LEVEL_RULES, SensorWatch, spec_of

SHOWN_FOR = timedelta(minutes=30)  # a rise, clock or impossible-value alert stays on the alert list this long
MAX_POINTS = 1_000  # buckets a chart asks for: about one per pixel column
RAW_SPAN_S = 7 * 86400  # up to a week the readings are grouped; beyond, the hourly rollups
TREND_READINGS = 4


def _alert(row: SensorAlertRow, spec: SensorSpec | None) -> SensorAlert:
    return SensorAlert(
        id=row.id,
        sensor_id=row.sensor_id,
        name=spec.name if spec else row.sensor_id,
        kind=spec.kind if spec else None,
        value=row.value,
        unit=row.unit or (spec.unit if spec else ""),
        level=Level(max(0, min(3, row.level))),
        rule=AlertRule(row.rule),
        detail=row.detail,
        at=row.at,
        location=spec.location if spec else "",
        lat=spec.lat if spec else None,
        lon=spec.lon if spec else None,
        exercise=bool(row.exercise),
        alarm_message_id=row.alarm_message_id,
    )


class SensorService:
    """The sensor register, its readings' picture, and the alerts they raised."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self.db, self.bus, self.shift = db, bus, shift
        self.watch = SensorWatch()  # the radio ingest evaluates its readings with this

    # --- who may edit -------------------------------------------------------------
    def edit_refusal(self) -> str:
        """Why the operator on shift may not edit the register ('' when they may): asked before the click."""
        if self.shift.actor is None:
            return translate("Refusals", "Sign on as an admin or supervisor to edit the sensor register.")
        if not self.shift.can(Permission.MANAGE_SENSORS):
            return translate(
                "Refusals",
                "Only admins and supervisors edit the sensor register; {name} is signed on as {role}.",
            ).format(name=self.shift.actor.name, role=Role(self.shift.actor.role).label.lower())
        return ""

    # --- the register ---------------------------------------------------------------
    def register(self) -> list[SensorSpec]:
        with self.db.read() as s:
            return [spec_of(r) for r in s.scalars(select(Sensor).order_by(Sensor.name, Sensor.sensor_id))]

    def get(self, sensor_id: str) -> SensorSpec | None:
        with self.db.read() as s:
            row = s.scalars(select(Sensor).where(Sensor.sensor_id == sensor_id)).first()
            return spec_of(row) if row is not None else None

    def save(self, spec: SensorSpec) -> SensorSpec:
        """Add or change the entry with ``spec.sensor_id`` (audited, before → after)."""
        actor = self.shift.require(Permission.MANAGE_SENSORS, N_("edit the sensor register"))
        spec = with_defaults(spec)
        problems = check(spec)
        if problems:
            raise ValidationError({spec.sensor_id or "sensor": sentence(problems)})
        with self.db.write() as s:
            row_id = self._save(s, actor, spec)
        self._changed(row_id, spec.sensor_id)
        return spec

    def _save(self, s: Session, actor: audit.Actor, spec: SensorSpec) -> int:
        row = s.scalars(select(Sensor).where(Sensor.sensor_id == spec.sensor_id).with_for_update()).first()
        before = _audited(spec_of(row)) if row is not None else None
        if row is None:
            row = Sensor(sensor_id=spec.sensor_id)
            s.add(row)
            action, verb = "sensor.add", "registered"
        else:
            row.version = (row.version or 1) + 1
            action, verb = "sensor.update", "changed"
        for key, value in asdict(spec).items():
            if key != "sensor_id":
                setattr(row, key, value.value if isinstance(value, SensorKind) else value)
        row.updated_at = utc_now()
        s.flush()
        audit.append(
            s,
            actor,
            action,
            "sensor",
            row.id,
            said(
                N_("Sensor {id} ({name}) registered")
                if verb == "registered"
                else N_("Sensor {id} ({name}) changed"),
                id=spec.sensor_id,
                name=spec.name,
            ),
            before=before,
            after=_audited(spec),
            exercise=self.shift.exercise,
            record=row,
        )
        return row.id

    def remove(self, sensor_id: str) -> None:
        """Take a sensor out of the register (its readings and alerts stay)."""
        actor = self.shift.require(Permission.MANAGE_SENSORS, N_("edit the sensor register"))
        with self.db.write() as s:
            row = s.scalars(select(Sensor).where(Sensor.sensor_id == sensor_id).with_for_update()).first()
            if row is None:
                raise NotFound(said(N_("Sensor {id} is not in the register."), id=sensor_id))
            row_id, before = row.id, _audited(spec_of(row))
            s.delete(row)
            s.flush()
            audit.append(
                s, actor, "sensor.remove", "sensor", row_id, said(N_("Sensor {id} removed from the register"), id=sensor_id),
                before=before, exercise=self.shift.exercise,
            )  # fmt: skip
        self._changed(row_id, sensor_id)

    def preview_import(self, data: bytes, filename: str = "") -> ParsedRegister:
        """What a register file holds (entries and per-row problems); changes nothing."""
        return parse_register(data, filename)

    def apply_import(self, parsed: ParsedRegister) -> int:
        """Add or change every readable entry in one transaction (one audit entry each)."""
        actor = self.shift.require(Permission.MANAGE_SENSORS, N_("import a sensor register"))
        if not parsed.specs:
            return 0
        with self.db.write() as s:
            for spec in parsed.specs:
                self._save(s, actor, spec)
        self._changed(None, "")
        return len(parsed.specs)

    def _changed(self, row_id: int | None, sensor_id: str) -> None:
        self.watch.invalidate()
        self.bus.publish(Event(Topic.SENSOR_REGISTER, row_id, {"sensor_id": sensor_id}))

    # --- the panel's rows -------------------------------------------------------------
    def rows(self, now: datetime | None = None) -> list[SensorRow]:
        """Every registered sensor and every unknown one heard, with its latest reading, level
        (as the evaluation left it), trend and silence. Reads a few rows per sensor through
        the (sensor_id, at) index, never a scan of the readings."""
        now = now or utc_now()
        with self.db.read() as s:
            specs = {r.sensor_id: (spec_of(r), r.version) for r in s.scalars(select(Sensor))}
            unknown = [
                sid
                for sid in s.scalars(
                    select(SensorAlertRow.sensor_id)
                    .where(SensorAlertRow.rule == AlertRule.UNKNOWN.value)
                    .distinct()
                )
                if sid not in specs
            ]
            levels = self._levels(s)
            out = []
            for sid in [*specs, *unknown]:
                recent = s.execute(
                    select(SensorReading.value, SensorReading.at, SensorReading.unit, SensorReading.kind)
                    .where(SensorReading.sensor_id == sid)
                    .order_by(SensorReading.at.desc())
                    .limit(TREND_READINGS)
                ).all()
                spec, version = specs.get(sid, (None, 0))
                value = recent[0][0] if recent else None
                at = recent[0][1] if recent else None
                unit = (spec.unit if spec else "") or (recent[0][2] if recent else "")
                silent = (
                    spec is not None
                    and spec.enabled
                    and rules.is_silent(at.timestamp() if at else None, spec.interval_s, now.timestamp())
                )
                out.append(
                    SensorRow(
                        sid,
                        spec,
                        recent[0][3] if recent else "",
                        value,
                        unit,
                        at,
                        Level(levels.get(sid, 0)) if spec else Level.NORMAL,
                        _trend([r[0] for r in recent], spec.hysteresis if spec else 0.0),
                        silent,
                        version,
                    )
                )
        return sorted(out, key=lambda r: (-int(r.level), not r.registered, r.name.casefold()))

    @staticmethod
    def _levels(s: Session) -> dict[str, int]:
        newest = (
            select(func.max(SensorAlertRow.id))
            .where(SensorAlertRow.rule.in_(LEVEL_RULES))
            .group_by(SensorAlertRow.sensor_id)
            .scalar_subquery()
        )
        return dict(
            s.execute(
                select(SensorAlertRow.sensor_id, SensorAlertRow.level).where(SensorAlertRow.id.in_(newest))
            ).all()
        )  # type: ignore[arg-type]

    # --- the chart ------------------------------------------------------------------------
    def series(self, sensor_id: str, start: datetime, end: datetime, max_points: int = MAX_POINTS) -> Series:
        """Readings from ``start`` to ``end`` as at most ``max_points`` time buckets (min, max,
        mean each): up to a week grouped from the readings by the database, beyond that from
        the hourly rollups the ingest keeps — a year of one-minute readings arrives as a
        thousand points read from 8,760 hours, never as half a million readings."""
        span = max(1.0, (end - start).total_seconds())
        bucket = max(1.0, span / max_points)
        with self.db.read() as s:
            entry = s.execute(  # the columns the chart needs, not the whole entry (a pan asks again)
                select(
                    Sensor.advisory, Sensor.warning, Sensor.emergency, Sensor.hysteresis, Sensor.unit
                ).where(Sensor.sensor_id == sensor_id)
            ).first()
            if span > RAW_SPAN_S:
                bucket = max(3600.0, bucket)
                rows = _from_rollups(s, sensor_id, start.timestamp(), end.timestamp(), bucket)
            else:
                rows = _from_readings(s, sensor_id, start, end, bucket)
        t0 = start.timestamp()
        return Series(
            sensor_id,
            t0,
            end.timestamp(),
            tuple(t0 + (b + 0.5) * bucket for b, *_ in rows),
            tuple(r[3] for r in rows),
            tuple(r[1] for r in rows),
            tuple(r[2] for r in rows),
            bucket,
            int(sum(r[4] for r in rows)),
            rules.Lines(entry[0], entry[1], entry[2], entry[3] or 0.0) if entry else rules.Lines(),
            (entry[4] or "") if entry else "",
        )

    def rebuild_rollups(self, sensor_id: str | None = None) -> None:
        """Roll up readings written outside the ingest (the demo's history, an import) again."""
        with self.db.write() as s:
            hour = func.floor(_epoch(s, SensorReading.at) / 3600)
            where = [] if sensor_id is None else [SensorReading.sensor_id == sensor_id]
            s.execute(
                delete(SensorRollup).where(
                    *([] if sensor_id is None else [SensorRollup.sensor_id == sensor_id])
                )
            )
            s.execute(
                insert(SensorRollup).from_select(
                    ["sensor_id", "hour", "vmin", "vmax", "vsum", "n"],
                    select(
                        SensorReading.sensor_id,
                        cast(hour, Integer),
                        func.min(SensorReading.value),
                        func.max(SensorReading.value),
                        func.sum(SensorReading.value),
                        func.count(),
                    )
                    .where(*where)
                    .group_by(SensorReading.sensor_id, cast(hour, Integer)),
                )
            )

    def first_reading_at(self, sensor_id: str) -> datetime | None:
        with self.db.read() as s:
            return s.scalar(select(func.min(SensorReading.at)).where(SensorReading.sensor_id == sensor_id))

    # --- alerts ------------------------------------------------------------------------
    def alert(self, alert_id: int) -> SensorAlert:
        """One stored sensor alert as a structured record (for drafting a warning from it)."""
        with self.db.read() as s:
            row = s.get(SensorAlertRow, alert_id)
            if row is None:
                raise NotFound(said(N_("Sensor alert {id} no longer exists."), id=alert_id))
            spec_row = s.scalars(select(Sensor).where(Sensor.sensor_id == row.sensor_id)).first()
            return _alert(row, spec_of(spec_row) if spec_row is not None else None)

    def recent_alerts(self, limit: int = 200, sensor_id: str | None = None) -> list[SensorAlert]:
        """Stored alerts, newest first."""
        with self.db.read() as s:
            specs = {r.sensor_id: spec_of(r) for r in s.scalars(select(Sensor))}
            query = select(SensorAlertRow).order_by(SensorAlertRow.id.desc()).limit(limit)
            if sensor_id is not None:
                query = query.where(SensorAlertRow.sensor_id == sensor_id)
            return [_alert(r, specs.get(r.sensor_id)) for r in s.scalars(query)]

    def open_alerts(self, now: datetime | None = None) -> list[SensorAlert]:
        """What stands now: each sensor above normal (its latest level alert), rises, clock,
        flood and impossible-value alerts of the last half hour, unknown sensors not yet
        registered, and registered sensors silent for more than 3× their interval."""
        now = now or utc_now()
        with self.db.read() as s:
            specs = {r.sensor_id: spec_of(r) for r in s.scalars(select(Sensor))}
            newest_level = (
                select(func.max(SensorAlertRow.id))
                .where(SensorAlertRow.rule.in_(LEVEL_RULES))
                .group_by(SensorAlertRow.sensor_id)
                .scalar_subquery()
            )
            found = [
                _alert(r, specs.get(r.sensor_id))
                for r in s.scalars(
                    select(SensorAlertRow).where(
                        SensorAlertRow.id.in_(newest_level), SensorAlertRow.level > 0
                    )
                )
                if r.sensor_id in specs
            ]
            found += [
                _alert(r, specs.get(r.sensor_id))
                for r in s.scalars(
                    select(SensorAlertRow)
                    .where(
                        SensorAlertRow.rule.in_(("rise", "clock", "burst", "impossible")),
                        SensorAlertRow.at >= now - SHOWN_FOR,  # heard within the half hour
                    )
                    .order_by(SensorAlertRow.id.desc())
                    .limit(200)
                )
            ]
            unknown_first = (
                select(func.min(SensorAlertRow.id))
                .where(SensorAlertRow.rule == AlertRule.UNKNOWN.value)
                .group_by(SensorAlertRow.sensor_id)
                .scalar_subquery()
            )
            found += [
                _alert(r, None)
                for r in s.scalars(select(SensorAlertRow).where(SensorAlertRow.id.in_(unknown_first)))
                if r.sensor_id not in specs
            ]
            for sid, spec in specs.items():
                if not spec.enabled:
                    continue
                last = s.execute(
                    select(SensorReading.value, SensorReading.at)
                    .where(SensorReading.sensor_id == sid)
                    .order_by(SensorReading.at.desc())
                    .limit(1)
                ).first()
                if rules.is_silent(last[1].timestamp() if last else None, spec.interval_s, now.timestamp()):
                    found.append(
                        SensorAlert(
                            None,
                            sid,
                            spec.name,
                            spec.kind,
                            last[0] if last else None,
                            spec.unit,
                            Level.NORMAL,
                            AlertRule.SILENT,
                            translate(
                                "Alerts", "no reading for more than {factor}× its interval of {minutes} min"
                            ).format(factor=rules.SILENT_FACTOR, minutes=spec.interval_s // 60 or 1)
                            + ("" if last else translate("Alerts", " (never heard)")),
                            last[1] if last else now,
                            spec.location,
                            spec.lat,
                            spec.lon,
                        )  # fmt: skip
                    )
        return found


def _audited(spec: SensorSpec) -> dict[str, object]:
    return {k: (v.value if isinstance(v, SensorKind) else v) for k, v in asdict(spec).items()}


def _trend(values: list[float], hysteresis: float) -> int:
    """+1 rising, −1 falling, 0 steady: the newest reading against the oldest of the last few."""
    if len(values) < 2:
        return 0
    change = values[0] - values[-1]
    steady = max(hysteresis / 2, 1e-9, abs(values[-1]) * 0.005)
    return 0 if abs(change) <= steady else (1 if change > 0 else -1)


Bucket = tuple[int, float, float, float, int]
"""(bucket index from the start, min, max, mean, readings)"""


def _from_readings(s: Session, sensor_id: str, start: datetime, end: datetime, bucket: float) -> list[Bucket]:
    epoch = _epoch(s, SensorReading.at)
    index = func.floor((epoch - literal(start.timestamp())) / literal(bucket)).label("b")
    rows = s.execute(
        select(
            index,
            func.min(SensorReading.value),
            func.max(SensorReading.value),
            func.avg(SensorReading.value),
            func.count(),
        )
        .where(and_(SensorReading.sensor_id == sensor_id, SensorReading.at >= start, SensorReading.at <= end))
        .group_by(index)
        .order_by(index)
    ).all()
    return [(int(b), float(lo), float(hi), float(mean), int(n)) for b, lo, hi, mean, n in rows]


def _from_rollups(s: Session, sensor_id: str, start: float, end: float, bucket: float) -> list[Bucket]:
    """Hours from the rollups (through the primary key), merged into buckets of ``bucket``
    seconds by the database: a year is 8,760 hours in, a thousand rows out."""
    index = func.floor((SensorRollup.hour * 3600 + 1800 - literal(start)) / literal(bucket)).label("b")
    rows = s.execute(
        select(
            index,
            func.min(SensorRollup.vmin),
            func.max(SensorRollup.vmax),
            func.sum(SensorRollup.vsum),
            func.sum(SensorRollup.n),
        )
        .where(
            SensorRollup.sensor_id == sensor_id,
            SensorRollup.hour >= int(start // 3600),
            SensorRollup.hour <= int(end // 3600),
        )
        .group_by(index)
        .order_by(index)
    ).all()
    return [(int(i), float(lo), float(hi), float(total) / n, int(n)) for i, lo, hi, total, n in rows if n]


def _epoch(s: Session, column):  # type: ignore[no-untyped-def]
    """Seconds since 1970 of a stored (naive UTC) time, in the engine's own SQL."""
    if s.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", column)
    return cast((func.julianday(column) - 2440587.5) * 86400.0, Float)
