"""SITREP: the situation report a post sends up the chain for an operational period.

``gather`` reads the post's records for the period (counts with GROUP BY, short lists
capped: a post with 5,000 incidents gets their counts and the worst fifty, not a phone
book) into plain data; ``sitrep_document`` lays it out, once, for PDF, HTML and Markdown.
Records are those of the mode in force (live, or the exercise's own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, func, select

from ops_console.db.models import AuditEntry, Incident, Task, Team, TeamMember
from ops_console.db.radio_models import RadioMessage, RadioNode, SensorReading
from ops_console.domain import IncidentKind, IncidentStatus, Severity, TaskStatus
from ops_console.early_warning.templates import Hazard
from ops_console.labels import QT_TRANSLATE_NOOP, translate
from ops_console.language import speaking
from ops_console.locale_format import local_datetime, number
from ops_console.post import Post
from ops_console.printing import Fields, Heading, Image, Paragraph, PrintDocument, Table
from ops_console.printing.progress import CancelToken
from ops_console.radio.local_alarm import message_words
from ops_console.reports.map_snapshot import MapPoint, basemap_features, snapshot_png
from ops_console.reports.period import Period
from ops_console.sensors.kinds import reading_words

LIST_CAP = 50  # rows of a list in the report; the rest are counted
_DONE = (TaskStatus.DONE.value, TaskStatus.CANCELLED.value)
_FIELD = (TaskStatus.ASSIGNED.value, TaskStatus.IN_PROGRESS.value)


@dataclass
class SitrepInput:
    """What a person adds to the records: who prepares it and the supervisor's words."""

    post_name: str
    prepared_by: str
    position: str = ""
    summary: str = ""
    priorities: str = ""
    with_map: bool = True
    basemaps: Sequence[Path] = ()  # GeoJSON basemaps drawn under the map snapshot


@dataclass
class SitrepData:
    """Everything the report shows, as plain values (no ORM rows, no Qt)."""

    period: Period
    given: SitrepInput
    exercise: bool
    prepared_at: datetime
    by_severity_kind: dict[tuple[int, str], int] = field(default_factory=dict)
    worst_open: list[tuple[str, ...]] = field(default_factory=list)
    open_total: int = 0
    new_in_period: int = 0
    closed_in_period: int = 0
    tasks_by_status: dict[str, int] = field(default_factory=dict)
    overdue: list[tuple[str, ...]] = field(default_factory=list)
    overdue_total: int = 0
    teams: list[tuple[str, ...]] = field(default_factory=list)
    stock: list[tuple[str, ...]] = field(default_factory=list)
    requests: list[tuple[str, ...]] = field(default_factory=list)
    sirens: list[tuple[str, ...]] = field(default_factory=list)
    sensors: list[tuple[str, ...]] = field(default_factory=list)
    radio: list[tuple[str, ...]] = field(default_factory=list)
    emergencies: list[tuple[str, ...]] = field(default_factory=list)
    log_lines: int = 0
    notes: list[tuple[str, ...]] = field(default_factory=list)
    accountability: list[tuple[str, ...]] = field(default_factory=list)
    warnings: list[tuple[str, ...]] = field(default_factory=list)
    map_png: bytes | None = None


# the words of the report's cells, in the "Reports" context with the form's other fixed words
_WORDS = {
    "in_field": QT_TRANSLATE_NOOP("Reports", "in the field"),
    "at_post": QT_TRANSLATE_NOOP("Reports", "at the post"),
    "in": QT_TRANSLATE_NOOP("Reports", "received"),
    "out": QT_TRANSLATE_NOOP("Reports", "sent"),
    "not_acked": QT_TRANSLATE_NOOP("Reports", "not acknowledged"),
    "yes": QT_TRANSLATE_NOOP("Reports", "yes"),
    "no": QT_TRANSLATE_NOOP("Reports", "NO"),
    "unknown": QT_TRANSLATE_NOOP("Reports", "unknown"),
    "ok": QT_TRANSLATE_NOOP("Reports", "ok"),
    "no_contact": QT_TRANSLATE_NOOP("Reports", "NO CONTACT"),
}
_PRECEDENCE = {
    "EMERGENCY": QT_TRANSLATE_NOOP("Reports", "Emergency"),
    "PRIORITY": QT_TRANSLATE_NOOP("Reports", "Priority"),
    "WELFARE": QT_TRANSLATE_NOOP("Reports", "Welfare"),
    "ROUTINE": QT_TRANSLATE_NOOP("Reports", "Routine"),
}
_SIREN_STATES = {
    "idle": QT_TRANSLATE_NOOP("Reports", "idle"),
    "sounding": QT_TRANSLATE_NOOP("Reports", "sounding"),
    "testing": QT_TRANSLATE_NOOP("Reports", "testing"),
    "fault": QT_TRANSLATE_NOOP("Reports", "fault"),
    "unknown": QT_TRANSLATE_NOOP("Reports", "unknown"),
}
_WARNING_STATES = {
    "approved": QT_TRANSLATE_NOOP("Reports", "approved"),
    "issued": QT_TRANSLATE_NOOP("Reports", "issued"),
    "updated": QT_TRANSLATE_NOOP("Reports", "updated"),
    "cancelled": QT_TRANSLATE_NOOP("Reports", "cancelled"),
    "all_clear": QT_TRANSLATE_NOOP("Reports", "all clear"),
}


def _w(key: str) -> str:
    return translate("Reports", _WORDS[key])


def _word(table: dict[str, str], code: str) -> str:
    """A stored code (a state, a precedence) in the reader's words; an unknown one as it is."""
    return translate("Reports", table[code]) if code in table else code.replace("_", " ")


def _hazard(code: str) -> str:
    try:
        return Hazard(code).label
    except ValueError:
        return code


def _t(at: datetime | None) -> str:
    return local_datetime(at)


def _kind(value: str) -> str:
    try:
        return IncidentKind(value).label
    except ValueError:
        return value


def _severity(value: int) -> str:
    try:
        return f"{value} {Severity(value).label}"
    except ValueError:
        return str(value)


def gather(post: Post, period: Period, given: SitrepInput, cancel: CancelToken | None = None) -> SitrepData:
    """Read the records the report needs; ``cancel`` is asked between sections."""
    exercise = post.shift.exercise
    data = SitrepData(period, given, exercise, datetime.now().astimezone())
    check = cancel.check if cancel is not None else (lambda: None)
    still_open = and_(Incident.exercise.is_(exercise), Incident.status != IncidentStatus.CLOSED.value)
    with post.db.read() as s:
        for severity, kind, count in s.execute(
            select(Incident.severity, Incident.kind, func.count())
            .where(still_open)
            .group_by(Incident.severity, Incident.kind)
        ):
            data.by_severity_kind[(severity, kind)] = count
        data.open_total = sum(data.by_severity_kind.values())
        data.new_in_period = (
            s.scalar(
                select(func.count()).where(
                    Incident.exercise.is_(exercise),
                    Incident.reported_at >= period.start,
                    Incident.reported_at < period.end,
                )
            )
            or 0
        )
        data.closed_in_period = (
            s.scalar(
                select(func.count()).where(
                    Incident.exercise.is_(exercise),
                    Incident.closed_at >= period.start,
                    Incident.closed_at < period.end,
                )
            )
            or 0
        )
        rows = s.execute(
            select(
                Incident.id,
                Incident.severity,
                Incident.kind,
                Incident.title,
                Incident.location_text,
                Incident.reported_at,
                Incident.status,
            )
            .where(still_open)
            .order_by(Incident.severity.desc(), Incident.reported_at.desc())
            .limit(LIST_CAP)
        )
        data.worst_open = [
            (f"#{i}", _severity(sev), _kind(kind), title, place, _t(at), IncidentStatus(status).label)
            for i, sev, kind, title, place, at, status in rows
        ]
        check()
        tasks = Task.exercise.is_(exercise)
        data.tasks_by_status = dict(
            s.execute(select(Task.status, func.count()).where(tasks).group_by(Task.status)).all()
        )  # type: ignore[arg-type]
        late = and_(tasks, Task.due_at < period.end, Task.status.not_in(_DONE))
        data.overdue_total = s.scalar(select(func.count()).where(late)) or 0
        data.overdue = [
            (f"#{i}", title, team or "", _t(due), TaskStatus(status).label)
            for i, title, team, due, status in s.execute(
                select(Task.id, Task.title, Team.name, Task.due_at, Task.status)
                .outerjoin(Team, Team.id == Task.team_id)
                .where(late)
                .order_by(Task.due_at)
                .limit(LIST_CAP)
            )
        ]
        check()
        active = dict(
            s.execute(
                select(Task.team_id, func.count())
                .where(tasks, Task.status.in_(_FIELD))
                .group_by(Task.team_id)
            ).all()  # type: ignore[arg-type]
        )
        members = dict(s.execute(select(TeamMember.team_id, func.count()).group_by(TeamMember.team_id)).all())  # type: ignore[arg-type]
        heard = {
            call.upper(): at
            for call, at in s.execute(select(RadioNode.callsign, RadioNode.last_heard))
            if call
        }
        for team_id, name, call in s.execute(select(Team.id, Team.name, Team.callsign).order_by(Team.name)):
            in_field = active.get(team_id, 0)
            data.teams.append(
                (
                    name,
                    call,
                    str(members.get(team_id, 0)),
                    _w("in_field") if in_field else _w("at_post"),
                    str(in_field),
                    _t(heard.get((call or "").upper())),
                )
            )
        check()
        in_period = and_(
            RadioMessage.exercise.is_(exercise), RadioMessage.at >= period.start, RadioMessage.at < period.end
        )
        for direction, precedence, count in s.execute(
            select(RadioMessage.direction, RadioMessage.precedence, func.count())
            .where(in_period)
            .group_by(RadioMessage.direction, RadioMessage.precedence)
            .order_by(RadioMessage.direction, RadioMessage.precedence)
        ):
            data.radio.append(
                (_w("in") if direction == "in" else _w("out"), _word(_PRECEDENCE, precedence), str(count))
            )
        data.emergencies = [
            (
                _t(at),
                station,
                message_words(kind, subject) or message_words(kind, body)[:120],
                acked or _w("not_acked"),
            )
            for at, station, kind, subject, body, acked in s.execute(
                select(
                    RadioMessage.at,
                    RadioMessage.station,
                    RadioMessage.kind,
                    RadioMessage.subject,
                    RadioMessage.body,
                    RadioMessage.acknowledged_by,
                )
                .where(in_period, RadioMessage.precedence == "EMERGENCY")
                .order_by(RadioMessage.at)
                .limit(LIST_CAP)
            )
        ]
        check()
        log = and_(
            AuditEntry.exercise.is_(exercise), AuditEntry.at >= period.start, AuditEntry.at < period.end
        )
        data.log_lines = s.scalar(select(func.count()).where(log)) or 0
        data.notes = [
            (_t(at), who, text)
            for at, who, text in s.execute(
                select(AuditEntry.at, AuditEntry.operator_name, AuditEntry.summary)
                .where(log, AuditEntry.action == "log.note")
                .order_by(AuditEntry.id.desc())
                .limit(20)
            )
        ]
        latest = select(func.max(SensorReading.id)).group_by(SensorReading.sensor_id)
        data.sensors = [
            (sensor, reading_words(kind), f"{value:g} {unit}".strip(), _t(at))
            for sensor, kind, value, unit, at in s.execute(
                select(
                    SensorReading.sensor_id,
                    SensorReading.kind,
                    SensorReading.value,
                    SensorReading.unit,
                    SensorReading.at,
                )
                .where(SensorReading.id.in_(latest))
                .order_by(SensorReading.sensor_id)
            )
        ]
        points = [
            MapPoint(lat, lon, sev)
            for lat, lon, sev in s.execute(
                select(Incident.lat, Incident.lon, Incident.severity).where(
                    still_open, Incident.lat.is_not(None)
                )
            )
        ]
    check()
    for alert in post.inventory.alerts():
        if alert.kind in ("low_stock", "out_of_stock") and alert.critical:
            data.stock.append(
                (
                    alert.item_name,
                    alert.location_name,
                    f"{number(alert.quantity)} {alert.unit}",
                    number(alert.minimum),
                )
            )
    data.requests = [
        (
            f"#{r.id}",
            r.item_name,
            f"{number(r.outstanding)} {r.unit}",
            r.priority.label,
            r.status.label,
            r.requested_by,
            r.deliver_to,
        )
        for r in post.inventory.requests(open_only=True)[:LIST_CAP]
    ]
    sirens = post.sirens.list_sirens()
    data.sirens = [
        (
            v.name,
            _word(_SIREN_STATES, v.state),
            "" if v.battery_v is None else f"{v.battery_v:.1f} V",
            _w({True: "yes", False: "no", None: "unknown"}[v.mains_present]),
            _w("ok") if v.comms_ok else _w("no_contact"),
            _t(v.last_heard_at),
        )
        for v in sirens
    ]
    check()
    zones = post.map.zones.list()
    for zone in zones:  # residents' accountability, zone by zone (those with residents on record)
        progress = post.residents.evacuation.progress(zone.id)
        if progress.total:
            counts = ", ".join(f"{w.label} {number(n)}" for w, n in progress.by_status.items() if n)
            data.accountability.append(
                (
                    zone.name,
                    number(progress.total),
                    number(progress.accounted),
                    number(progress.total - progress.accounted),
                    counts,
                )
            )
    for w in post.warnings.list_warnings(limit=500):
        if w.state != "draft" and period.start <= w.changed_at < period.end:
            data.warnings.append(
                (
                    _t(w.changed_at),
                    _hazard(w.hazard),
                    w.headline_for(speaking()),  # the report's language, as its headings
                    w.place,
                    _word(_WARNING_STATES, w.state),
                    w.issued_by or "",
                )
            )
    data.warnings.sort()
    check()
    if given.with_map:
        rings = [z.ring for z in zones if z.ring]
        circles = [(*z.centre, z.radius_m) for z in zones if not z.ring and z.centre and z.radius_m]
        data.map_png = snapshot_png(
            points,
            [MapPoint(v.lat, v.lon) for v in sirens],
            rings,
            basemap=basemap_features(given.basemaps),
            circles=circles,
        )
    return data


def sitrep_document(data: SitrepData) -> PrintDocument:
    """The SITREP laid out (one place for it): header boxes, then the sections in the order
    a reader up the chain asks for them."""
    g = data.given
    who = ", ".join(x for x in (g.prepared_by, g.position) if x)
    mode = " (EXERCISE)" if data.exercise else ""
    doc = PrintDocument(
        "SITUATION REPORT (SITREP) (EXERCISE)" if data.exercise else "SITUATION REPORT (SITREP)",
        header=[
            ("1. Post", g.post_name),
            ("2. Operational period", data.period.words()),
            ("3. Prepared by (name, position, date/time)", f"{who} · {_t(data.prepared_at)}"),
        ],
        footer=f"SITREP {g.post_name} · {data.period.words()}{mode}",
        author=g.prepared_by,
    )
    doc.add(Heading("Summary (supervisor)"), Paragraph(g.summary or "(no summary given)"))
    doc.add(Heading("Priorities for the next period"), Paragraph(g.priorities or "(none given)"))
    doc.add(Heading("Map: open incidents"))
    if data.map_png is not None:
        doc.add(
            Image(
                data.map_png,
                "Open incidents by severity: critical a square, serious a diamond, moderate and minor circles (with the number when few); sirens as triangles, zones dashed.",
            )
        )
    else:
        doc.add(Paragraph("No open incident or siren has a position: no map."))
    doc.add(
        Heading("Open incidents by severity and kind"),
        Fields(
            [
                ("Open now", number(data.open_total)),
                ("Reported in the period", number(data.new_in_period)),
                ("Closed in the period", number(data.closed_in_period)),
            ],
            columns=3,
        ),
    )
    kinds = sorted({k for _, k in data.by_severity_kind}, key=_kind)
    if kinds:
        rows = []
        for sev in sorted({s for s, _ in data.by_severity_kind}, reverse=True):
            counts = [data.by_severity_kind.get((sev, k), 0) for k in kinds]
            rows.append([_severity(sev), *(str(c) if c else "" for c in counts), str(sum(counts))])
        doc.add(Table(["Severity", *(_kind(k) for k in kinds), "Total"], rows, [2] + [1] * (len(kinds) + 1)))
    if data.worst_open:
        more = data.open_total - len(data.worst_open)
        title = translate("Reports", "Most severe open incidents") + (
            translate("Reports", " (first {n}; {more} more)").format(
                n=len(data.worst_open), more=number(more)
            )
            if more > 0
            else ""
        )
        doc.add(
            Heading(title),
            Table(
                ["#", "Severity", "Kind", "Title", "Where", "Reported", "Status"],
                data.worst_open,
                [0.6, 1.2, 1.2, 3, 2, 1.5, 1],
            ),
        )
    board = [
        (TaskStatus(s).label if s in TaskStatus._value2member_map_ else s, number(n))
        for s, n in sorted(data.tasks_by_status.items())
    ]
    doc.add(Heading("Task board"), Fields(board + [("Overdue", number(data.overdue_total))], columns=3))
    if data.overdue:
        doc.add(Table(["#", "Overdue task", "Team", "Due", "Status"], data.overdue, [0.6, 4, 2, 1.5, 1.2]))
    doc.add(
        Heading("Teams and accountability"),
        Paragraph(
            "Teams the console knows, their members on record and their open tasks (responders' check-in lists are not kept yet)."
        ),
    )
    if data.teams:
        doc.add(
            Table(
                ["Team", "Call sign", "Members", "Where", "Open tasks", "Last heard"],
                data.teams,
                [2.5, 1.3, 1, 1.4, 1, 1.6],
            )
        )
    if data.accountability:
        doc.add(
            Paragraph(
                "Residents in evacuation zones: accounted for means evacuated or deliberately staying."
            ),
            Table(
                ["Zone", "Residents", "Accounted for", "Not yet", "By whereabouts"],
                data.accountability,
                [2, 1, 1.2, 1, 4],
            ),
        )
    doc.add(Heading("Critical stock and open requests"))
    if data.stock:
        doc.add(Table(["Critical item", "Where", "Now", "Minimum"], data.stock, [3, 3, 1.5, 1]))
    else:
        doc.add(Paragraph("No critical item is below its minimum."))
    if data.requests:
        doc.add(
            Table(
                ["#", "Requested", "Outstanding", "Priority", "Status", "By", "Deliver to"],
                data.requests,
                [0.6, 2.4, 1.3, 1, 1.3, 1.6, 2],
            )
        )
    else:
        doc.add(Paragraph("No open resource request."))
    doc.add(Heading("Sirens and sensors"))
    if data.sirens:
        doc.add(
            Table(
                ["Siren", "State", "Battery", "Mains", "Contact", "Last heard"],
                data.sirens,
                [2.5, 1.2, 1, 0.8, 1.4, 1.6],
            )
        )
    if data.sensors:
        doc.add(Table(["Sensor", "Kind", "Last value", "At"], data.sensors, [2, 2, 1.5, 1.6]))
    if not data.sirens and not data.sensors:
        doc.add(Paragraph("No siren or sensor on record."))
    doc.add(Heading("Warnings issued"))
    if data.warnings:
        doc.add(
            Table(
                ["Time", "Hazard", "Headline", "Area", "State", "Issued by"],
                data.warnings,
                [1.4, 1.2, 3.2, 1.6, 1, 1.4],
            )
        )
    else:
        doc.add(Paragraph("No public warning was issued, updated or cancelled in the period."))
    doc.add(Heading("Radio traffic in the period"))
    if data.radio:
        doc.add(Table(["Direction", "Precedence", "Messages"], data.radio, [1, 1, 1]))
    else:
        doc.add(Paragraph("No radio traffic in the period."))
    if data.emergencies:
        doc.add(
            Table(["Time", "Station", "EMERGENCY", "Acknowledged by"], data.emergencies, [1.4, 1.2, 4, 1.6])
        )
    doc.add(
        Heading("Activity log"),
        Paragraph(translate("Reports", "{n} log lines in the period.").format(n=number(data.log_lines))),
    )
    if data.notes:
        doc.add(Table(["Time", "Operator", "Note (newest first)"], data.notes, [1.4, 1.6, 5]))
    return doc
