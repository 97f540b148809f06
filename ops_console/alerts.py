"""The post's alert list: one place that says what needs someone's attention now.

Each feature already knows its own alarms (radio EMERGENCY/PRIORITY traffic, siren
faults, low or expiring stock, overdue risk inspections, full shelters). Staff should
not have to visit five panels to find them, so this module gathers them into one
ranked list. It is Qt-free: the alert dock and the headless gateway's log can both use
it. A source that cannot be read (a locked database, a bug) becomes an alert of its
own instead of hiding the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import IntEnum
from typing import TYPE_CHECKING

from ops_console.early_warning.views import CHANNEL_NAMES
from ops_console.exercise_view import live_words, marked_live
from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels, translate
from ops_console.precedence import Precedence
from ops_console.radio.links import NOT_HEARING, link_state_words
from ops_console.said import shown
from ops_console.sirens.views import ALARM_WORDS

if TYPE_CHECKING:
    from ops_console.post import Post

log = logging.getLogger(__name__)


class Severity(Labelled, IntEnum):
    """Lower sorts first: what could cost lives before what costs time."""

    CRITICAL = 0
    WARNING = 1
    NOTICE = 2


labels(
    Severity,
    CRITICAL=QT_TRANSLATE_NOOP("Labels", "Critical"),
    WARNING=QT_TRANSLATE_NOOP("Labels", "Warning"),
    NOTICE=QT_TRANSLATE_NOOP("Labels", "Notice"),
)


@dataclass(frozen=True)
class PostAlert:
    """One line of the alert list.

    ``key`` is stable while the condition lasts, so a view can keep its selection and
    tell new alerts from old ones. ``target`` names the record to jump to, as
    (kind, id) with kind one of radio_message, radio_sent, radio_link, siren, siren_alarm, stock, risk, shelter.
    ``ack`` says which service acknowledges it (radio, sirens) — the others clear
    themselves when the condition ends (stock received, inspection logged).
    """

    key: str
    source: str
    severity: Severity
    title: str
    detail: str
    since: datetime | None
    target: tuple[str, int] | None = None
    ack: str = ""
    live: bool = False  # a live alert shown during an exercise: marked LIVE, ranked above the drill's alike
    place_id: int | None = None  # a stock alert's location: with target's item, the cell to show

    @property
    def needs_ack(self) -> bool:
        return bool(self.ack)


Source = Callable[["Post", datetime], Iterable[PostAlert]]


def radio_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    for m in post.radio.unacknowledged_alerts():
        severity = Severity.CRITICAL if m.precedence == Precedence.EMERGENCY else Severity.WARNING
        text = (m.subject or m.body).strip().replace("\n", " ")
        live = marked_live(m.exercise, post.shift.exercise)
        unverified = translate("Alerts", " (plain text, unverified)") if m.kind == "plain" else ""
        yield PostAlert(
            f"radio:{m.id}",
            "radio",
            severity,
            _live(live)
            + translate("Alerts", "{precedence} from {station}{unverified}").format(
                precedence=_precedence_words(m.precedence),
                station=m.sender or m.station,
                unverified=unverified,
            ),
            text[:200],
            m.at,
            ("radio_message", m.id),
            ack="radio",
            live=live,
        )


def undelivered_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """A message sent from here that the outbox gave up on (ops_console/radio/failed_sends.py):
    critical for an EMERGENCY, until someone acknowledges it."""
    for m in post.radio.undelivered():
        live = marked_live(m.exercise, post.shift.exercise)
        why = shown(m.last_error)
        text = (m.subject or m.body).strip().replace("\n", " ")[:160]
        yield PostAlert(
            f"undelivered:{m.id}",
            "radio",
            Severity.CRITICAL if m.precedence == Precedence.EMERGENCY else Severity.WARNING,
            _live(live)
            # who it was for first: the list elides the end of a title at 1280×720
            + translate("Alerts", "To {recipient}: {precedence} message #{number} not delivered").format(
                precedence=_precedence_words(m.precedence), number=m.number, recipient=m.recipient
            ),
            f"{why} — {text}" if why else text,
            m.at,
            ("radio_sent", m.id),
            ack="radio_failure",
            live=live,
        )


def link_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """A radio of this workstation that is down, unplugged or silent.

    Its state was shown only in the Radio panel's link strip, a tab away for most roles;
    while it lasts the field's messages through it are not heard. Critical when no radio
    is left ready. Clears itself when the link is back."""
    links = post.radio.link_status()
    none_ready = not any(link.state == "ready" for link in links)
    for link in links:
        if link.state not in NOT_HEARING:  # a refused key still hears: a problem notice of its own
            continue
        consequence = (
            translate("Alerts", "No radio is working: field messages are not heard or sent.")
            if none_ready
            else translate("Alerts", "Messages go through the other radios; this one hears nothing.")
        )
        yield PostAlert(
            f"link:{link.name or link.port}:{link.state}",
            "radio",
            Severity.CRITICAL if none_ready else Severity.WARNING,
            translate("Alerts", "Radio {radio}: {state}").format(
                radio=link.label, state=link_state_words(link.state)
            ),
            " ".join(part for part in (shown(link.detail), consequence) if part),
            None,
            ("radio_link", 0),  # Go to record: the Radio panel, whose link strip says more
        )


_SIREN_SEVERITY = {"uncommanded": Severity.CRITICAL, "no_confirmation": Severity.CRITICAL}


def siren_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    for a in post.sirens.list_alarms(open_only=True):
        words = translate("SirenAlarms", ALARM_WORDS[a.kind]) if a.kind in ALARM_WORDS else a.kind
        kind = words[:1].upper() + words[1:] + (translate("Alerts", " (exercise)") if a.exercise else "")
        live = marked_live(a.exercise, post.shift.exercise)
        yield PostAlert(
            f"siren_alarm:{a.id}",
            "sirens",
            _SIREN_SEVERITY.get(a.kind, Severity.WARNING),
            _live(live) + a.words,
            kind,
            a.raised_at,
            ("siren_alarm", a.id),
            ack="sirens",
            live=live,
        )


def stock_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    for a in post.inventory.alerts(now=now):
        serious = a.kind in ("out_of_stock", "expired") or (a.critical and a.kind == "low_stock")
        title = translate("Alerts", "{item} at {place}").format(item=a.item_name, place=a.location_name)
        yield PostAlert(
            f"stock:{a.kind}:{a.item_id}:{a.location_id}",
            "inventory",
            Severity.CRITICAL if serious else Severity.WARNING,
            title,
            a.message,
            a.since,  # low or empty: since the cell fell short (migration 0016); a lot's expiry has none
            ("stock", a.item_id),
            place_id=a.location_id,
        )


def risk_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    for r in post.map.risks.list():
        if r.is_overdue(now):
            days = (now - r.inspection_due).days
            live = marked_live(r.exercise, post.shift.exercise)
            yield PostAlert(
                f"risk:{r.id}",
                "risks",
                Severity.NOTICE,
                _live(live) + translate("Alerts", "Inspection overdue: {name}").format(name=r.name),
                translate("Alerts", "{kind}, level {level}; due {days} day(s) ago").format(
                    kind=r.kind.label, level=r.level.label, days=days
                ),
                r.inspection_due,
                ("risk", r.id),
                live=live,
            )


def shelter_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    for sh in post.map.shelters.list():
        if sh.status.value == "full" or (sh.capacity and sh.occupancy >= sh.capacity):
            live = marked_live(sh.exercise, post.shift.exercise)
            over = sh.occupancy - sh.capacity
            yield PostAlert(
                f"shelter:{sh.id}",
                "shelters",
                Severity.WARNING if over > 0 else Severity.NOTICE,
                _live(live)
                + (
                    translate("Alerts", "Shelter over capacity: {name}")
                    if over > 0
                    else translate("Alerts", "Shelter full: {name}")
                ).format(name=sh.name),
                translate("Alerts", "{n} of {capacity} places taken").format(
                    n=sh.occupancy, capacity=sh.capacity
                )
                + (translate("Alerts", " ({over} over capacity)").format(over=over) if over > 0 else ""),
                sh.updated_at,
                ("shelter", sh.id),
                live=live,
            )


_SENSOR_SEVERITY = {0: Severity.NOTICE, 1: Severity.NOTICE, 2: Severity.WARNING, 3: Severity.CRITICAL}


def sensor_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """What the sensors' readings raised and what still stands (ops_console/sensors): a
    level above normal, a rate of rise, silence, an impossible value, an unknown sensor.
    An emergency level's must-acknowledge alarm is the radio's (radio_alerts)."""
    for a in post.sensors.open_alerts(now):
        live = marked_live(a.exercise, post.shift.exercise)
        rule = a.rule.value
        if rule in ("level_up", "level_down"):
            key, severity = f"sensor:{a.sensor_id}:level", _SENSOR_SEVERITY[int(a.level)]
            title = translate("Alerts", "{what}: {name}").format(what=a.level.label, name=a.name)
        elif rule == "silent" or rule == "unknown":
            key, severity = (
                f"sensor:{a.sensor_id}:{rule}",
                Severity.WARNING if rule == "silent" else Severity.NOTICE,
            )
            title = translate("Alerts", "{what}: {name}").format(what=a.rule.label, name=a.name)
        else:
            key = f"sensor_alert:{a.id}"
            severity = Severity.WARNING if rule == "rise" else Severity.NOTICE
            title = translate("Alerts", "{what}: {name}").format(what=a.rule.label, name=a.name)
        yield PostAlert(
            key,
            "sensors",
            severity,
            _live(live) + title,
            a.words,
            a.at,
            ("sensor_alert", a.id) if a.id is not None else None,
            live=live,
        )


def notice_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """Background failures said on the notice board (ops_console/notices.py) in the last half hour."""
    for n in post.notices.recent(now):
        severity = Severity.WARNING if n.level == "problem" else Severity.NOTICE
        title = (
            translate("Alerts", "{source}: problem").format(source=_source_words(n.source))
            if n.source
            else translate("Alerts", "Problem")
        )
        yield PostAlert(
            f"notice:{n.at.timestamp()}:{n.source}", "notice", severity, title, shown(n.text), n.at
        )


_CAP_SEVERITY = {"Extreme": Severity.CRITICAL, "Severe": Severity.CRITICAL, "Moderate": Severity.WARNING}


def _cap_status(status: str) -> str:
    """A CAP alert's status other than Actual, as the alert list marks it."""
    if status == "Exercise":
        return translate("Alerts", " (exercise)")
    if status == "Test":
        return translate("Alerts", " (test)")
    if status == "System":
        return translate("Alerts", " (system message)")
    if status == "Draft":
        return translate("Alerts", " (draft)")
    return f" ({status.lower()})"


def cap_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """CAP alerts received from the city that are in force and not yet acknowledged."""
    for a in post.warnings.inbox.list_received(current_only=True):
        if a.acknowledged_by:
            continue
        kind = "" if a.status == "Actual" else _cap_status(a.status)
        update = translate("Alerts", " — updated") if a.msg_type == "Update" else ""
        yield PostAlert(
            f"cap:{a.id}",
            "cap",
            _CAP_SEVERITY.get(a.severity, Severity.NOTICE),
            translate("Alerts", "CAP from {sender}{kind}{update}: {headline}").format(
                sender=a.sender, kind=kind, update=update, headline=a.headline
            )[:200],
            translate("Alerts", "{event}; area: {area}").format(event=a.event, area=a.area.desc)[:200],
            a.sent_at,
            ("cap_alert", a.id),
            ack="cap",
        )


def warning_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """A public warning whose channel failed: red until retried (the others went on)."""
    for w, d in post.warnings.failed_deliveries():
        yield PostAlert(
            f"warning:{d.id}:{d.attempts}",
            "warnings",
            Severity.CRITICAL,
            translate("Alerts", "Warning #{id} not delivered on {channel}").format(
                id=w.id, channel=translate("Warnings", CHANNEL_NAMES.get(d.channel, d.channel))
            ),
            d.detail[:200],
            d.changed_at,
            ("warning", w.id),
        )


def team_alerts(post: Post, now: datetime) -> Iterable[PostAlert]:
    """MAYDAY (above everything) and field teams whose accountability timer ran out."""
    for t in post.people.teams.board(now):
        call = f" ({t.callsign})" if t.callsign else ""
        if t.mayday_at is not None:
            yield PostAlert(
                f"mayday:{t.id}",
                "mayday",
                Severity.CRITICAL,
                translate("Alerts", "MAYDAY: {team}").format(team=t.name + call),
                translate("Alerts", "{status}; task: {task}; members: {members}").format(
                    status=t.status.label,
                    task=t.task_title or "—",
                    members=", ".join(t.members) or "—",
                ),
                t.mayday_at,
                ("team", t.id),
                ack="people",
            )
        if t.par.level.value == "overdue":
            over = -int(t.par.remaining.total_seconds()) // 60 if t.par.remaining is not None else 0
            # a warning: a call for help on the air (and a MAYDAY, the escalation) must stay above it
            yield PostAlert(
                f"par:{t.id}",
                "teams",
                Severity.WARNING,
                translate("Alerts", "PAR overdue: {team}").format(team=t.name + call),
                translate(
                    "Alerts",
                    "Not heard from for {minutes} min (timer {timer} min); confirm by voice or start a roll call",
                ).format(minutes=t.par_minutes + over, timer=t.par_minutes),
                t.par.contact_at,
                ("team", t.id),
            )


SOURCES: dict[str, Source] = {
    "radio": radio_alerts,
    "radio links": link_alerts,
    "radio sent": undelivered_alerts,
    "teams": team_alerts,
    "sirens": siren_alerts,
    "sensors": sensor_alerts,
    "inventory": stock_alerts,
    "risks": risk_alerts,
    "shelters": shelter_alerts,
    "notices": notice_alerts,
    "cap": cap_alerts,
    "warnings": warning_alerts,
}


def collect(
    post: Post, now: datetime | None = None, sources: dict[str, Source] | None = None
) -> list[PostAlert]:
    """Every open alert of the post, most serious first, then as ``_rank`` says."""
    now = now or datetime.now(timezone.utc)
    found: list[PostAlert] = []
    for name, source in (sources or SOURCES).items():
        try:
            found.extend(source(post, now))
        except Exception as exc:  # one broken source must not hide the others
            log.warning("alert source %s failed: %s", name, exc, exc_info=not _known(exc))
            found.append(
                PostAlert(
                    f"unavailable:{name}",
                    name,
                    Severity.WARNING,
                    translate("Alerts", "{source} alerts could not be read").format(
                        source=_source_words(name)
                    ),
                    _words(exc),
                    now,
                )
            )
    return sorted(found, key=_rank)


def acknowledge(post: Post, alert: PostAlert) -> None:
    """Acknowledge through the owning service (which checks the operator's rights)."""
    if alert.target is None or not alert.ack:
        raise ValueError(f"{alert.title!r} clears itself when its cause is dealt with")
    if alert.ack == "radio":
        post.radio.acknowledge_alert(alert.target[1])
    elif alert.ack == "radio_failure":
        post.radio.acknowledge_failure(alert.target[1])
    elif alert.ack == "sirens":
        post.sirens.acknowledge(alert.target[1])
    elif alert.ack == "cap":
        post.warnings.inbox.acknowledge(alert.target[1])
    elif alert.ack == "people":
        post.people.teams.acknowledge_mayday(alert.target[1])


def _live(live: bool) -> str:
    """ "LIVE — " before a live alert while the post is in exercise mode (exercise_view.py)."""
    return f"{live_words()} — " if live else ""


SOURCE_WORDS = {
    "radio": QT_TRANSLATE_NOOP("Alerts", "Radio"),
    "sirens": QT_TRANSLATE_NOOP("Alerts", "Sirens"),
    "inventory": QT_TRANSLATE_NOOP("Alerts", "Stock"),
    "risks": QT_TRANSLATE_NOOP("Alerts", "Risks"),
    "shelters": QT_TRANSLATE_NOOP("Alerts", "Shelters"),
    "notices": QT_TRANSLATE_NOOP("Alerts", "Notices"),
    "teams": QT_TRANSLATE_NOOP("Alerts", "Teams"),
    "mayday": QT_TRANSLATE_NOOP("Alerts", "MAYDAY"),
    "sensors": QT_TRANSLATE_NOOP("Alerts", "Sensors"),
    "radio storage": QT_TRANSLATE_NOOP("Alerts", "Radio storage"),
    "radio links": QT_TRANSLATE_NOOP("Alerts", "Radio links"),
    "radio sent": QT_TRANSLATE_NOOP("Alerts", "Radio messages sent"),
    "database": QT_TRANSLATE_NOOP("Alerts", "Database"),
    "cap": QT_TRANSLATE_NOOP("Alerts", "CAP inbox"),
    "map": QT_TRANSLATE_NOOP("Alerts", "Map"),
    "warnings": QT_TRANSLATE_NOOP("Alerts", "Warnings"),
}


def _source_words(source: str) -> str:
    """An alert source's name in the installed language ("radio" → "Radio")."""
    return translate("Alerts", SOURCE_WORDS[source]) if source in SOURCE_WORDS else source.capitalize()


def _precedence_words(precedence: object) -> str:
    """EMERGENCY / PRIORITY as the operator's language says it (the wire letter stays)."""
    text = str(getattr(precedence, "value", precedence))
    return translate("Alerts", PRECEDENCE_WORDS.get(text, text))


PRECEDENCE_WORDS = {
    "EMERGENCY": QT_TRANSLATE_NOOP("Alerts", "EMERGENCY"),
    "PRIORITY": QT_TRANSLATE_NOOP("Alerts", "PRIORITY"),
    "WELFARE": QT_TRANSLATE_NOOP("Alerts", "WELFARE"),
    "ROUTINE": QT_TRANSLATE_NOOP("Alerts", "ROUTINE"),
}


def _rank(alert: PostAlert) -> tuple[int, int, int, int, float]:
    """A team's MAYDAY first; then the most serious. At one severity, what a person must
    acknowledge (a call for help on the air, a siren alarm, the city's alert) comes before a
    standing condition that clears itself (a store short for hours, a silent sensor). Then
    what is real comes before the drill's, then the oldest. Timed by when it fell short, an
    empty store would otherwise sit above an EMERGENCY heard a second ago."""
    since = alert.since.timestamp() if alert.since is not None else float("inf")
    return (
        0 if alert.source == "mayday" else 1,
        int(alert.severity),
        0 if alert.needs_ack else 1,
        0 if alert.live else 1,
        since,
    )


def _known(exc: Exception) -> bool:
    from ops_console.known_error import OpsError

    return isinstance(exc, OpsError)


def _words(exc: Exception) -> str:
    return str(exc) if _known(exc) else f"{type(exc).__name__}: {exc}"
