"""WarningService: draft, approve (four eyes, PIN), issue on every ticked channel, update,
cancel, all clear — the one door for a public warning.

Transitions are conditional UPDATEs (``... WHERE id = :id AND state = :expected``), so when
two supervisors approve or issue the same warning at the same moment from two
workstations, exactly one row changes and the other is told who won; this holds on SQLite
and PostgreSQL alike without locks held across the PIN check. Every step is audited in the
same transaction (the warning's timeline is read from the audit log). Channels are sent
after the transition commits, each on its own: a siren refusing never holds up the radio.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select, update

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.models import AuditEntry, PostSetting
from ops_console.db.siren_models import Siren
from ops_console.db.warning_models import PublicWarning, WarningDelivery, WarningMessage
from ops_console.domain import Permission, Role
from ops_console.early_warning import cap, channels
from ops_console.early_warning.channels import ChannelFailed, Outcome
from ops_console.early_warning.inbox import CapInbox
from ops_console.early_warning.templates import LANGUAGES, TEMPLATES, Hazard, fill
from ops_console.early_warning.views import (
    ALL_CLEAR,
    APPROVED,
    CANCELLED,
    CHANNEL_NAMES,
    CHANNELS,
    DELIVERED,
    DRAFT,
    FAILED,
    ISSUED,
    LIVE_STATES,
    PENDING,
    SENDING,
    UPDATED,
    DeliveryView,
    MessageSummary,
    TimelineEntry,
    WarningArea,
    WarningView,
)
from ops_console.errors import NotFound, OpsError, SignOnError, ValidationError
from ops_console.events import Event, EventBus
from ops_console.hardware.protocols import field_payload as fp
from ops_console.mapping.geo import haversine_m
from ops_console.mapping.zones import ZoneService
from ops_console.radio.outbox import Outbox
from ops_console.said import N_, english, label, listed, said, shown, tr, word
from ops_console.services import audit
from ops_console.services.audit import Actor
from ops_console.services.operators import OperatorService
from ops_console.shift import Shift
from ops_console.sirens.service import SirenService
from ops_console.topics import Topic

if TYPE_CHECKING:  # the printing package imports Qt: only when a notice is drawn
    from ops_console.printing.blocks import PrintDocument

log = logging.getLogger(__name__)
FOUR_EYES_KEY = "warnings.four_eyes"
# which template a sensor's kind calls for (sensors/kinds.SensorKind values)
SENSOR_HAZARD = {
    "water_level": Hazard.FLOOD,
    "rain_gauge": Hazard.FLOOD,
    "soil_moisture": Hazard.FLOOD,
    "wind": Hazard.TYPHOON,
    "smoke_air": Hazard.FIRE,
}


class SensorAlertLike(Protocol):
    """What a sensor alert record (ops_console.sensors.views.SensorAlert) offers a draft."""

    id: int | None
    name: str
    kind: object
    value: float | None
    unit: str
    detail: str
    at: datetime
    location: str
    lat: float | None
    lon: float | None

    @property
    def words(self) -> str: ...


ENTITY = "warning"
STEP_WORDS = {  # a warning's step as its audit entry names it (ops_console/said.py)
    "approved": N_("approved"),
    "issued": N_("issued"),
    "updated": N_("updated"),
    "cancelled": N_("cancelled"),
    "all clear": N_("all clear"),
}


def _channel(channel: str) -> str:
    """A channel's name as an argument of a stored sentence, in the Warnings panel's words."""
    return word("Warnings", CHANNEL_NAMES[channel]) if channel in CHANNEL_NAMES else channel


class WarningRefused(OpsError):
    """A step the rules refused (four eyes, wrong PIN, exercise/live); audited, words for a person."""


STATE_WORDS = {  # a warning's or a delivery's state, in the words of the panel (context "Warnings")
    DRAFT: "Draft",
    APPROVED: "Approved",
    ISSUED: "Issued",
    UPDATED: "Updated",
    CANCELLED: "Cancelled",
    ALL_CLEAR: "All clear",
    PENDING: "Pending",
    SENDING: "Sending",
    DELIVERED: "Delivered",
    FAILED: "Failed",
}
VERBS = {"approved": N_("approved"), "issued": N_("issued"), "cancelled": N_("cancelled")}


class WarningConflict(OpsError):
    """Somebody else moved the warning first (another workstation approved or issued it)."""


@dataclass
class WarningSettings:
    """Post-level settings the composition root hands in (from [warnings] in the config file)."""

    sender: str = "ops-console@post.local"
    sender_name: str = "Community command post"
    cap_folder: Path | None = None
    notice_folder: Path | None = None
    cap_inbox: Path | None = None  # a folder looked at for CAP files from the city (None: not watched)


def _area_json(area: WarningArea) -> str:
    return json.dumps(
        {
            "polygons": [[list(p) for p in ring] for ring in area.polygons],
            "circles": [list(c) for c in area.circles],
        }
    )


def _delivery_view(message: WarningMessage, delivery: WarningDelivery) -> DeliveryView:
    """One channel's delivery of one message, its detail in the reader's language."""
    d = delivery
    return DeliveryView(
        d.id,
        message.id,
        message.msg_type,
        d.channel,
        d.state,
        shown(d.detail),
        d.ref,
        d.attempts,
        d.changed_at,
    )


def _view(row: PublicWarning) -> WarningView:
    geo = json.loads(row.area_json)
    area = WarningArea(
        row.area_kind,
        row.area_desc,
        tuple(tuple((float(a), float(b)) for a, b in ring) for ring in geo.get("polygons", [])),
        tuple((float(a), float(b), float(c)) for a, b, c in geo.get("circles", [])),
        row.zone_id,
        tuple(int(x) for x in row.siren_ids.split(",") if x),
    )
    return WarningView(
        row.id,
        row.identifier,
        row.hazard,
        row.state,
        json.loads(row.texts_json),
        row.place,
        area,
        row.exercise,
        row.expires_at,
        row.drafted_by,
        row.approved_by,
        row.issued_by,
        row.created_at,
        row.changed_at,
        row.version,
    )


def _draw_notice(notice: PrintDocument) -> bytes:
    """The notice drawn by the shared A4 writer; imported here, since it imports Qt, which a
    headless gateway never loads unless a notice is printed."""
    from ops_console.early_warning.notice_pdf import render_pdf

    return render_pdf(notice)


class WarningService:
    """Public warnings for one workstation."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        shift: Shift,
        operators: OperatorService,
        sirens: SirenService,
        outbox: Outbox,
        zones: ZoneService,
        settings: WarningSettings | None = None,
        *,
        render_pdf: Callable[[PrintDocument], bytes] | None = None,
    ) -> None:
        self._db, self._bus, self._shift = db, bus, shift
        self._operators, self._sirens, self._outbox, self._zones = operators, sirens, outbox, zones
        self.settings = settings or WarningSettings()
        self._render_pdf = render_pdf or _draw_notice
        self.inbox = CapInbox(db, bus, shift)  # CAP alerts received from the city

    @property
    def db(self) -> Database:
        return self._db

    # -- areas ------------------------------------------------------------------------------

    def area_from_zone(self, zone_id: int) -> WarningArea:
        z = self._zones.get(zone_id)
        if z.centre is not None and z.radius_m is not None:
            return WarningArea(
                "zone", z.name, (), ((z.centre[0], z.centre[1], z.radius_m / 1000.0),), zone_id
            )
        return WarningArea("zone", z.name, (z.ring,), (), zone_id)

    def area_from_sirens(self, siren_ids: Iterable[int]) -> WarningArea:
        ids = sorted(set(siren_ids))
        with self._db.read() as s:
            rows = list(s.scalars(select(Siren).where(Siren.id.in_(ids)).order_by(Siren.name)))
        if not rows:
            raise ValidationError({"area": said(N_("Choose at least one siren."))})
        return WarningArea(
            "sirens",
            # the area's description is the warning's words (CAP areaDesc): the writing console's language
            tr(N_("Coverage of sirens {names}"), names=listed(r.name for r in rows)),
            (),
            tuple((r.lat, r.lon, r.audible_radius_m / 1000.0) for r in rows),
            None,
            tuple(r.id for r in rows),
        )

    def sirens_for(self, area: WarningArea) -> tuple[int, ...]:
        """The sirens a warning sounds: the chosen ones, or those standing in (or heard in) the zone."""
        if area.siren_ids:
            return area.siren_ids
        with self._db.read() as s:
            rows = list(s.scalars(select(Siren).where(Siren.enabled)))
        return tuple(r.id for r in rows if _covers(area, r.lat, r.lon, r.audible_radius_m))

    # -- settings ---------------------------------------------------------------------------

    def four_eyes(self) -> bool:
        with self._db.read() as s:
            row = s.get(PostSetting, FOUR_EYES_KEY)
            return row is None or row.value != "off"

    def set_four_eyes(self, on: bool, pin: str) -> None:
        """Switch the four-eyes rule (off for a single-supervisor shift); audited."""
        actor = self._require_supervisor(N_("change the four-eyes rule"), pin)
        with self._db.write() as s:
            row = s.get(PostSetting, FOUR_EYES_KEY)
            before = row is None or row.value != "off"
            if row is None:
                row = PostSetting(key=FOUR_EYES_KEY, value="on")
                s.add(row)
            row.value = "on" if on else "off"
            audit.append(
                s,
                actor,
                "warning.four_eyes",
                ENTITY,
                None,
                said(
                    N_("Four-eyes rule for warnings switched ON by {who}")
                    if on
                    else N_("Four-eyes rule for warnings switched OFF (single-supervisor shift) by {who}"),
                    who=actor.name,
                ),
                before={"four_eyes": before},
                after={"four_eyes": on},
                exercise=self._shift.exercise,
            )
        self._publish(None)

    # -- the lifecycle ----------------------------------------------------------------------

    def draft(
        self,
        hazard: Hazard,
        area: WarningArea,
        *,
        place: str,
        time_text: str,
        instructions: dict[str, str] | None = None,
        expires_in: timedelta = timedelta(hours=6),
        texts: dict[str, dict[str, str]] | None = None,
    ) -> WarningView:
        """A new draft from the hazard's template (``texts`` replaces the filled-in words)."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("draft warnings"))
        problems: dict[str, str] = {}
        if not place.strip():
            problems["place"] = said(N_("Name the place residents will recognise."))
        if not area.polygons and not area.circles:
            problems["area"] = said(N_("Choose a zone or sirens for the warning's area."))
        filled = {
            lang: {"headline": t.headline, "description": t.description, "instruction": t.instruction}
            for lang, t in fill(
                hazard, place=place.strip(), time=time_text, instructions=instructions
            ).items()
        }
        if texts:
            for lang in LANGUAGES:
                filled[lang].update({k: v for k, v in texts.get(lang, {}).items() if v.strip()})
        if problems:
            raise ValidationError(problems)
        now = utc_now()
        with self._db.write() as s:
            row = PublicWarning(
                identifier=f"{now:%Y%m%d}-{uuid.uuid4().hex[:10]}",
                hazard=hazard.value,
                state=DRAFT,
                texts_json=json.dumps(filled, ensure_ascii=False),
                place=place.strip(),
                area_kind=area.kind,
                area_desc=area.desc[:200],
                area_json=_area_json(area),
                zone_id=area.zone_id,
                siren_ids=",".join(str(i) for i in area.siren_ids),
                exercise=self._shift.exercise,
                expires_at=now + expires_in,
                drafted_by=actor.name,
                created_at=now,
                changed_at=now,
                version=1,
            )
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "warning.draft",
                ENTITY,
                row.id,
                said(
                    N_("EXERCISE {hazard} warning #{id} drafted by {who}: {headline}")
                    if row.exercise
                    else N_("{hazard} warning #{id} drafted by {who}: {headline}"),
                    hazard=label(hazard),
                    id=row.id,
                    who=actor.name,
                    headline=filled["en-US"]["headline"],
                ),
                after={"hazard": row.hazard, "area": row.area_desc},
                exercise=row.exercise,
            )
            view = _view(row)
        self._publish(view.id)
        return view

    def draft_from_sensor_alert(self, alert: SensorAlertLike) -> WarningView:
        """One click from a sensor alert: the hazard from the sensor's kind, the place, the time
        of the reading and the reading itself in the description; the area is the active zone
        the sensor stands in, else the sirens that can be heard there (else every siren)."""
        kind = getattr(alert.kind, "value", alert.kind) or ""
        hazard = SENSOR_HAZARD.get(str(kind), Hazard.FLOOD)
        place = alert.location or alert.name
        at = alert.at.astimezone().strftime("%H:%M")
        area = self._area_at(alert.lat, alert.lon)
        w = self.draft(hazard, area, place=place, time_text=at)
        reading = f"{alert.value:g} {alert.unit}".strip() if alert.value is not None else ""
        texts = {
            "en-US": {
                "description": f"{w.texts['en-US']['description']} Reading: {alert.name} {reading} ({english(alert.detail)})."
            },
            "zh-CN": {
                "description": f"{w.texts['zh-CN']['description']}读数：{alert.name} {reading}（{shown(alert.detail)}）。"
            },
        }
        merged = {lang: {**w.texts[lang], **texts[lang]} for lang in LANGUAGES}
        with self._db.write() as s:
            row = s.get(PublicWarning, w.id)
            assert row is not None
            row.texts_json = json.dumps(merged, ensure_ascii=False)
            actor = self._shift.actor or audit.SYSTEM
            audit.append(
                s,
                actor,
                "warning.from_sensor",
                ENTITY,
                w.id,
                said(
                    N_("Warning #{id} drafted from sensor alert {alert}: {words}"),
                    id=w.id,
                    alert=alert.id,
                    words=alert.words,
                ),
                exercise=row.exercise,
            )
            view = _view(row)
        self._publish(w.id)
        return view

    def _area_at(self, lat: float | None, lon: float | None) -> WarningArea:
        if lat is not None and lon is not None:
            for z in self._zones.list():
                zone_area = self.area_from_zone(z.id)
                if _covers(zone_area, lat, lon, 0.0):
                    return zone_area
            with self._db.read() as s:
                heard = [
                    r.id
                    for r in s.scalars(select(Siren).where(Siren.enabled))
                    if haversine_m(lat, lon, r.lat, r.lon) <= r.audible_radius_m
                ]
            if heard:
                return self.area_from_sirens(heard)
        with self._db.read() as s:
            every = list(s.scalars(select(Siren.id).where(Siren.enabled)))
        if not every:
            raise ValidationError(
                {
                    "area": said(
                        N_(
                            "The sensor has no position, no zone covers it and there are no sirens: draw a zone first."
                        )
                    )
                }
            )
        return self.area_from_sirens(every)

    def approve(self, warning_id: int, pin: str) -> WarningView:
        """draft → approved, by a supervisor other than the drafter (unless the rule is off)."""
        actor = self._require_supervisor(N_("approve warnings"), pin, warning_id)
        current = self.get(warning_id)
        if self.four_eyes() and current.drafted_by == actor.name:
            raise self._refuse(
                actor,
                warning_id,
                said(
                    N_("{name} drafted this warning; another supervisor must approve it (four-eyes rule)"),
                    name=actor.name,
                ),
            )
        return self._move(
            warning_id, DRAFT, APPROVED, actor, "warning.approve", "approved", approved_by=actor.name
        )

    def issue(self, warning_id: int, pin: str, chosen: Iterable[str]) -> MessageSummary:
        """approved → issued, then the Alert goes out on every ``chosen`` channel."""
        picked = self._channels(chosen)
        actor = self._require_supervisor(N_("issue warnings"), pin, warning_id)
        self._check_mode(actor, warning_id)
        self._move(warning_id, APPROVED, ISSUED, actor, "warning.issue", "issued", issued_by=actor.name)
        return self._send(warning_id, "Alert", picked, actor, pin)

    def update(
        self, warning_id: int, pin: str, chosen: Iterable[str], texts: dict[str, dict[str, str]]
    ) -> MessageSummary:
        """issued/updated → updated with new words; an Update message referencing the earlier ones."""
        picked = self._channels(chosen)
        actor = self._require_supervisor(N_("update warnings"), pin, warning_id)
        self._check_mode(actor, warning_id)
        current = self.get(warning_id)
        merged = {lang: dict(current.texts.get(lang, {})) for lang in LANGUAGES}
        for lang in LANGUAGES:
            merged[lang].update({k: v for k, v in texts.get(lang, {}).items() if v.strip()})
        self._move(
            warning_id,
            LIVE_STATES,
            UPDATED,
            actor,
            "warning.update",
            "updated",
            texts_json=json.dumps(merged, ensure_ascii=False),
        )
        return self._send(warning_id, "Update", picked, actor, pin)

    def cancel(
        self, warning_id: int, pin: str, chosen: Iterable[str] = ("sirens", "radio", "cap", "pdf")
    ) -> MessageSummary:
        """issued/updated → cancelled: a Cancel message; the sirens channel stops the area's sirens."""
        picked = self._channels(chosen)
        actor = self._require_supervisor(N_("cancel warnings"), pin, warning_id)
        self._move(warning_id, LIVE_STATES, CANCELLED, actor, "warning.cancel", "cancelled")
        return self._send(warning_id, "Cancel", picked, actor, pin)

    def all_clear(self, warning_id: int, pin: str, chosen: Iterable[str]) -> MessageSummary:
        """issued/updated → all clear: an Update with the all-clear words and signal."""
        picked = self._channels(chosen)
        actor = self._require_supervisor(N_("give the all clear"), pin, warning_id)
        self._check_mode(actor, warning_id)
        current = self.get(warning_id)
        words = fill(Hazard.ALL_CLEAR, place=current.place, time=utc_now().astimezone().strftime("%H:%M"))
        texts = {
            lang: {"headline": t.headline, "description": t.description, "instruction": t.instruction}
            for lang, t in words.items()
        }
        self._move(
            warning_id,
            LIVE_STATES,
            ALL_CLEAR,
            actor,
            "warning.all_clear",
            "all clear",
            texts_json=json.dumps(texts, ensure_ascii=False),
        )
        return self._send(warning_id, "Update", picked, actor, pin, all_clear=True)

    def retry(self, delivery_id: int, pin: str = "") -> DeliveryView:
        """Send one failed channel again (the others are left as they are)."""
        actor = self._shift.require(Permission.ACTIVATE_SIRENS, N_("retry warning channels"))
        with self._db.read() as s:
            d = s.get(WarningDelivery, delivery_id)
            if d is None:
                raise NotFound(said(N_("Delivery {id} no longer exists."), id=delivery_id))
            msg = s.get(WarningMessage, d.message_id)
            assert msg is not None
            warning_id, channel, msg_type, state = msg.warning_id, d.channel, msg.msg_type, d.state
        if state != FAILED:
            raise ValidationError(
                {
                    "retry": said(
                        N_("The {channel} channel is {state}; only a failed channel is retried."),
                        channel=word("Warnings", CHANNEL_NAMES.get(channel, channel)),
                        state=word("Warnings", STATE_WORDS.get(state, state), lower=True),
                    )
                }
            )
        if channel == "sirens" and not pin:
            raise ValidationError({"pin": said(N_("Type your PIN to sound the sirens again."))})
        self._run_channel(delivery_id, warning_id, channel, msg_type, actor, pin, retry=True)
        return self._delivery(delivery_id)

    # -- reading ----------------------------------------------------------------------------

    def list_warnings(self, *, limit: int = 200) -> list[WarningView]:
        with self._db.read() as s:
            return [
                _view(r)
                for r in s.scalars(select(PublicWarning).order_by(PublicWarning.id.desc()).limit(limit))
            ]

    def get(self, warning_id: int) -> WarningView:
        with self._db.read() as s:
            row = s.get(PublicWarning, warning_id)
            if row is None:
                raise NotFound(said(N_("Warning {id} does not exist."), id=warning_id))
            return _view(row)

    def messages(self, warning_id: int, *, refresh: bool = True) -> list[MessageSummary]:
        """Every message of the warning with its channels side by side (states read back first)."""
        if refresh:
            self.refresh(warning_id)
        with self._db.read() as s:
            msgs = list(
                s.scalars(
                    select(WarningMessage)
                    .where(WarningMessage.warning_id == warning_id)
                    .order_by(WarningMessage.seq)
                )
            )
            out = []
            for m in msgs:
                ds = s.scalars(select(WarningDelivery).where(WarningDelivery.message_id == m.id)).all()
                order = {c: i for i, c in enumerate(CHANNELS)}
                views = tuple(_delivery_view(m, d) for d in sorted(ds, key=lambda d: order.get(d.channel, 9)))
                out.append(MessageSummary(m.id, m.seq, m.msg_type, m.identifier, m.sent_at, views))
            return out

    def failed_deliveries(self, *, limit: int = 50) -> list[tuple[WarningView, DeliveryView]]:
        """Channels that failed on the latest message of a warning (for the alert list)."""
        with self._db.read() as s:
            rows = s.execute(
                select(PublicWarning, WarningMessage, WarningDelivery)
                .join(WarningMessage, WarningMessage.warning_id == PublicWarning.id)
                .join(WarningDelivery, WarningDelivery.message_id == WarningMessage.id)
                .where(WarningDelivery.state == FAILED, PublicWarning.exercise == self._shift.exercise)
                .order_by(WarningDelivery.id.desc())
                .limit(limit)
            ).all()
            return [
                (
                    _view(w),
                    _delivery_view(m, d),
                )
                for w, m, d in rows
            ]

    def cap_documents(self, warning_id: int, *, all_messages: bool = False) -> list[tuple[str, bytes]]:
        """(msgType, document) of the Alert, and with ``all_messages`` its Updates and Cancel."""
        with self._db.read() as s:
            rows = s.scalars(
                select(WarningMessage)
                .where(WarningMessage.warning_id == warning_id)
                .order_by(WarningMessage.seq)
            ).all()
            docs = [(m.msg_type, m.cap_xml.encode("utf-8")) for m in rows]
        if not docs:
            raise NotFound(
                said(N_("Warning {id} has not been issued: there is no CAP message yet."), id=warning_id)
            )
        return docs if all_messages else docs[:1]

    def timeline(self, warning_id: int) -> list[TimelineEntry]:
        with self._db.read() as s:
            rows = s.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == ENTITY, AuditEntry.entity_id == warning_id)
                .order_by(AuditEntry.id)
            ).all()
            return [TimelineEntry(r.at, r.operator_name, r.action, shown(r.summary)) for r in rows]

    def refresh(self, warning_id: int) -> None:
        """Read the siren and radio channels' states back from their own records."""
        with self._db.read() as s:
            pending = s.execute(
                select(
                    WarningDelivery.id, WarningDelivery.channel, WarningDelivery.ref, WarningDelivery.state
                )
                .join(WarningMessage, WarningMessage.id == WarningDelivery.message_id)
                .where(WarningMessage.warning_id == warning_id, WarningDelivery.state == SENDING)
            ).all()
        for did, channel, ref, state in pending:
            if channel == "sirens":
                new, detail = channels.siren_state(self._db, ref)
            elif channel == "radio":
                new, detail = channels.radio_state(self._db, int(ref))
            else:
                continue
            if new != state:
                self._set_delivery(did, new, detail)

    # -- inside -----------------------------------------------------------------------------

    def _publish(self, warning_id: int | None) -> None:
        self._bus.publish(Event(Topic.WARNING_CHANGED, warning_id, {}))

    def _channels(self, chosen: Iterable[str]) -> tuple[str, ...]:
        picked = tuple(c for c in CHANNELS if c in set(chosen))
        unknown = set(chosen) - set(CHANNELS)
        if unknown or not picked:
            raise ValidationError(
                {
                    "channels": said(
                        N_("Tick at least one of {channels}."),
                        channels=listed(word("Warnings", CHANNEL_NAMES[c]) for c in CHANNELS),
                    )
                }
            )
        return picked

    def _require_supervisor(self, doing: str, pin: str, warning_id: int | None = None) -> Actor:
        actor = self._shift.require(Permission.ACTIVATE_SIRENS, doing)
        if actor.role not in (Role.SUPERVISOR.value, Role.ADMIN.value):
            raise self._refuse(
                actor, warning_id, said(N_("only a supervisor may {doing}"), doing=said(doing))
            )
        try:
            self._operators.check_pin_again(pin)
        except SignOnError as wrong:
            raise self._refuse(
                actor, warning_id, said(N_("the PIN was not accepted — {why}"), why=wrong.stored)
            ) from None
        return actor

    def _check_mode(self, actor: Actor, warning_id: int) -> None:
        w = self.get(warning_id)
        if not w.exercise and self._shift.exercise:
            raise self._refuse(
                actor,
                warning_id,
                said(N_("the post is in EXERCISE mode: a live warning cannot be sent from an exercise")),
            )

    def _refuse(self, actor: Actor, warning_id: int | None, words: str) -> WarningRefused:
        with self._db.write() as s:
            audit.append(
                s,
                actor,
                "warning.refused",
                ENTITY,
                warning_id,
                said(N_("Warning step refused: {why}"), why=words),
                exercise=self._shift.exercise,
            )
        return WarningRefused(words)

    def _move(
        self,
        warning_id: int,
        expected: str | tuple[str, ...],
        new: str,
        actor: Actor,
        action: str,
        verb: str,
        **values: object,
    ) -> WarningView:
        allowed = (expected,) if isinstance(expected, str) else expected
        now = utc_now()
        with self._db.write() as s:
            changed = s.execute(
                update(PublicWarning)
                .where(PublicWarning.id == warning_id, PublicWarning.state.in_(allowed))
                .values(state=new, changed_at=now, version=PublicWarning.version + 1, **values)
                .execution_options(synchronize_session=False)
            ).rowcount
            row = s.get(PublicWarning, warning_id, populate_existing=True)
            if row is None:
                raise NotFound(said(N_("Warning {id} does not exist."), id=warning_id))
            if changed != 1:
                by = row.approved_by if row.state == APPROVED else row.issued_by
                state = word("Warnings", STATE_WORDS.get(row.state, row.state), lower=True)
                raise WarningConflict(
                    said(
                        N_("Warning #{id} is already {state} by {who}; it was not {verb} again.")
                        if by
                        else N_("Warning #{id} is already {state}; it was not {verb} again."),
                        id=warning_id,
                        state=state,
                        who=by,
                        verb=said(VERBS.get(verb, verb)),
                    )
                )
            audit.append(
                s,
                actor,
                action,
                ENTITY,
                warning_id,
                said(
                    N_("EXERCISE warning #{id} {step} by {who}")
                    if row.exercise
                    else N_("Warning #{id} {step} by {who}"),
                    id=warning_id,
                    step=said(STEP_WORDS[verb]) if verb in STEP_WORDS else verb,
                    who=actor.name,
                ),
                before={"state": allowed[0]},
                after={"state": new},
                exercise=row.exercise,
            )
            view = _view(row)
        self._publish(warning_id)
        return view

    def _cap_message(
        self, s, row: PublicWarning, msg_type: str, seq: int, sent: datetime, *, all_clear: bool
    ) -> cap.CapMessage:  # type: ignore[no-untyped-def]
        w = _view(row)
        template = TEMPLATES[Hazard.ALL_CLEAR if all_clear else Hazard(w.hazard)]
        earlier = s.execute(
            select(WarningMessage.identifier, WarningMessage.sent_at)
            .where(WarningMessage.warning_id == row.id)
            .order_by(WarningMessage.seq)
        ).all()
        infos = tuple(
            cap.CapInfo(
                language=lang,
                category=template.category,
                event=template.event[lang],
                urgency=template.urgency,
                severity=template.severity,
                certainty=template.certainty,
                headline=w.texts[lang]["headline"],
                description=w.texts[lang]["description"],
                instruction=w.texts[lang]["instruction"],
                expires=w.expires_at,
                sender_name=self.settings.sender_name,
                response_type="AllClear" if all_clear else "",
            )
            for lang in LANGUAGES
        )
        return cap.CapMessage(
            identifier=f"{w.identifier}-{seq}",
            sender=self.settings.sender,
            sent=sent.astimezone(),
            status="Exercise" if w.exercise else "Actual",
            msg_type=msg_type,
            infos=infos,
            area=cap.CapArea(w.area.desc, w.area.polygons, w.area.circles),
            references=tuple((self.settings.sender, ident, at) for ident, at in earlier),
            note="EXERCISE — not a real warning" if w.exercise else "",
        )

    def _send(
        self,
        warning_id: int,
        msg_type: str,
        picked: tuple[str, ...],
        actor: Actor,
        pin: str,
        *,
        all_clear: bool = False,
    ) -> MessageSummary:
        sent = utc_now()
        with self._db.write() as s:
            row = s.get(PublicWarning, warning_id)
            assert row is not None
            seq = 1 + len(
                s.scalars(select(WarningMessage.id).where(WarningMessage.warning_id == warning_id)).all()
            )
            message = self._cap_message(s, row, msg_type, seq, sent, all_clear=all_clear)
            document = cap.build(message)
            cap.validate(document)  # never let a document out that the schema rejects
            m = WarningMessage(
                warning_id=warning_id,
                seq=seq,
                msg_type=msg_type,
                identifier=message.identifier,
                sent_at=sent,
                cap_xml=document.decode("utf-8"),
            )
            s.add(m)
            s.flush()
            delivery_ids = []
            for channel in picked:
                d = WarningDelivery(
                    message_id=m.id,
                    channel=channel,
                    state=PENDING,
                    detail="",
                    ref="",
                    attempts=0,
                    changed_at=sent,
                )
                s.add(d)
                s.flush()
                delivery_ids.append((d.id, channel))
            audit.append(
                s,
                actor,
                "warning.send",
                ENTITY,
                warning_id,
                said(
                    N_("{type} {identifier} ({status}) sent on {channels} by {who}"),
                    type=msg_type,
                    identifier=message.identifier,
                    status=message.status,
                    channels=listed(_channel(c) for c in picked),
                    who=actor.name,
                ),
                after={"message": message.identifier, "channels": list(picked)},
                exercise=row.exercise,
            )
        for did, channel in delivery_ids:  # each on its own: one failing never holds up the next
            self._run_channel(did, warning_id, channel, msg_type, actor, pin, all_clear=all_clear)
        return next(m for m in self.messages(warning_id, refresh=False) if m.seq == seq)

    def _run_channel(
        self,
        delivery_id: int,
        warning_id: int,
        channel: str,
        msg_type: str,
        actor: Actor,
        pin: str,
        *,
        retry: bool = False,
        all_clear: bool = False,
    ) -> None:
        w = self.get(warning_id)
        with self._db.read() as s:
            d = s.get(WarningDelivery, delivery_id)
            assert d is not None
            msg = s.get(WarningMessage, d.message_id)
            assert msg is not None
            identifier, document, sent_at = msg.identifier, msg.cap_xml.encode("utf-8"), msg.sent_at
        try:
            outcome = self._deliver(
                channel,
                w,
                msg_type,
                identifier,
                document,
                sent_at,
                pin,
                all_clear=all_clear or w.state == ALL_CLEAR,
            )
        except ChannelFailed as exc:
            outcome = Outcome(FAILED, exc.stored)  # kept in no language: read in the reader's
        except Exception as exc:  # a bug in one channel must not stop the others; logged in full
            log.exception("warning channel %s failed", channel)
            outcome = Outcome(FAILED, said(N_("unexpected error: {why}"), why=str(exc)))
        self._set_delivery(delivery_id, outcome.state, outcome.detail, outcome.ref, attempt=True)
        if retry:
            with self._db.write() as s:
                audit.append(
                    s,
                    actor,
                    "warning.retry",
                    ENTITY,
                    warning_id,
                    said(
                        N_("{channel} channel of {identifier} retried by {who}: {state} — {detail}"),
                        channel=_channel(channel),
                        identifier=identifier,
                        who=actor.name,
                        state=outcome.state,
                        detail=outcome.detail,
                    ),
                    exercise=w.exercise,
                )

    def _deliver(
        self,
        channel: str,
        w: WarningView,
        msg_type: str,
        identifier: str,
        document: bytes,
        sent_at: datetime,
        pin: str,
        *,
        all_clear: bool,
    ) -> Outcome:
        if channel == "sirens":
            if msg_type == "Cancel":  # a cancelled warning stops its sirens, through the siren door's cancel
                return channels.stop_sirens(self._sirens, self.sirens_for(w.area), identifier)
            hazard = Hazard.ALL_CLEAR if all_clear else Hazard(w.hazard)
            return channels.send_sirens(
                self._sirens, self.sirens_for(w.area), hazard, exercise=w.exercise, pin=pin
            )
        if channel == "radio":
            en = w.texts["en-US"]
            head = {"Update": "UPDATE: ", "Cancel": "CANCELLED: "}.get(msg_type, "") if not all_clear else ""
            text = channels.radio_text(
                head + en["headline"], en["instruction"] if msg_type != "Cancel" else "", exercise=w.exercise
            )
            precedence = (
                fp.Precedence.PRIORITY if all_clear or msg_type == "Cancel" else fp.Precedence.EMERGENCY
            )
            return channels.send_radio(self._outbox, text.rstrip(". "), precedence, en["headline"])
        if channel == "cap":
            return channels.write_file(self.settings.cap_folder, f"{identifier}.xml", document)
        if channel == "pdf":
            from ops_console.early_warning.notice_pdf import notice_document

            notice = notice_document(
                w.texts, area=w.area.desc, issued=sent_at, exercise=w.exercise, msg_type=msg_type
            )
            return channels.write_file(
                self.settings.notice_folder, f"{identifier}.pdf", self._render_pdf(notice)
            )
        raise ChannelFailed(said(N_("unknown channel {channel}"), channel=channel))

    def _set_delivery(
        self, delivery_id: int, state: str, detail: str, ref: str | None = None, *, attempt: bool = False
    ) -> None:
        with self._db.write() as s:
            d = s.get(WarningDelivery, delivery_id)
            if d is None:
                return
            d.state, d.detail, d.changed_at = state, detail, utc_now()
            if ref is not None and ref:
                d.ref = ref
            if attempt:
                d.attempts += 1
            msg = s.get(WarningMessage, d.message_id)
            wid = msg.warning_id if msg else None
        self._publish(wid)

    def _delivery(self, delivery_id: int) -> DeliveryView:
        with self._db.read() as s:
            d = s.get(WarningDelivery, delivery_id)
            if d is None:
                raise NotFound(said(N_("Delivery {id} no longer exists."), id=delivery_id))
            m = s.get(WarningMessage, d.message_id)
            assert m is not None
            return DeliveryView(
                d.id, m.id, m.msg_type, d.channel, d.state, shown(d.detail), d.ref, d.attempts, d.changed_at
            )


def draft_from_sensor(warnings: WarningService, sensors, alert_id: int) -> WarningView:  # type: ignore[no-untyped-def]
    """The alert list's one click: the stored sensor alert ``alert_id`` as a draft warning."""
    return warnings.draft_from_sensor_alert(sensors.alert(alert_id))


def _covers(area: WarningArea, lat: float, lon: float, radius_m: float) -> bool:
    for clat, clon, km in area.circles:
        if haversine_m(lat, lon, clat, clon) <= km * 1000.0:
            return True
    return any(_inside(ring, lat, lon) for ring in area.polygons)


def _inside(ring: tuple[tuple[float, float], ...], lat: float, lon: float) -> bool:
    """Ray casting on (lat, lon) pairs: fine for a neighbourhood-sized polygon."""
    inside = False
    n = len(ring)
    for i in range(n):
        (y1, x1), (y2, x2) = ring[i], ring[(i + 1) % n]
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


__all__ = [
    "DELIVERED",
    "WarningConflict",
    "WarningRefused",
    "WarningService",
    "WarningSettings",
]
