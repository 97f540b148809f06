"""RadioService: the one door to radio traffic for the UI, the gateway and the tests.

It owns the ingest (frames → rows), the outbox (operator actions), the queries the
panel pages through, and the operator actions on received messages: acknowledge an
alert, turn a message into an incident / task / log line / resource request linked back
to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, func, select, text
from sqlalchemy.orm import Session

from ops_console.config import call_sign_problem
from ops_console.db.engine import Database
from ops_console.db.radio_models import Position, RadioMessage, RadioNode, RawFrame
from ops_console.domain import IncidentKind, Permission, Role
from ops_console.errors import NotFound, PermissionDenied, ValidationError
from ops_console.events import Event, EventBus
from ops_console.exercise_view import in_view
from ops_console.hardware.lora.airtime import DutyCycleBudget, Modulation
from ops_console.labels import translate
from ops_console.precedence import ALERTING, Precedence, precedence_label
from ops_console.radio import ack_rights, failed_sends
from ops_console.radio.ingest import RadioIngest
from ops_console.radio.links import LinkBoard, LinkStatus
from ops_console.radio.mesh_names import MeshNames
from ops_console.radio.outbox import Outbox
from ops_console.radio.search import MessageSearch
from ops_console.radio.views import MessageFilter, MessageView, NodeView, message_view, node_view
from ops_console.said import N_, label, said, tr
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

if TYPE_CHECKING:
    from ops_console.radio.devices import DeviceSpec
    from ops_console.services.activity import ActivityService
    from ops_console.services.incidents import IncidentService
    from ops_console.services.tasks import TaskService

LINK_TARGETS = ("incident", "task", "log", "request")
_TARGET_WORDS = {
    "incident": N_("incident"),
    "task": N_("task"),
    "log": N_("log entry"),
    "request": N_("resource request"),
}
"""What a message was filed as, in words for a sentence a person reads."""
"""Live traffic that the comms log and the alert list keep showing during an exercise."""
SIGNAL_WINDOW = 200_000
"""The signal plot looks at the most recent raw frames only (bounded scan, no extra index)."""


@dataclass
class RadioSettings:
    """Radio configuration: our call sign, the devices to open, the outbox policy."""

    console_call: str = "OPS"
    tactical: dict[str, int] = field(default_factory=dict)  # tactical call → node address
    problems: list[str] = field(default_factory=list)  # what was wrong in [radio] (the panel shows it)
    devices: list[DeviceSpec] = field(default_factory=list)
    demo: bool = False
    demo_drill: bool = False  # the demo's simulated modem is a drill device: what it hears is exercise
    duty_cycle: float = 0.01
    max_attempts: int = 3
    ack_timeout: float = 30.0
    operators_may_acknowledge: bool = True  # [alerts] operators_may_acknowledge (config.py, ack_rights.py)


def _checked_call(value: object, key: str) -> str:
    problem = call_sign_problem(value, key)
    if problem:
        raise ValidationError({key: problem})
    return str(value).strip().upper()


def _checked_address(call: str, addr: object) -> int:
    if not isinstance(addr, int) or isinstance(addr, bool) or not 1 <= addr <= 65535:
        raise ValidationError(
            {
                "tactical": said(
                    N_("{call} = {address}: a node address is a whole number 1-65535"),
                    call=call,
                    address=repr(addr),
                )
            }
        )
    return addr


class RadioService:
    """Use cases for the radio; Qt-free, safe to call from any thread."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        shift: Shift,
        *,
        incidents: IncidentService,
        tasks: TaskService,
        activity: ActivityService,
        settings: RadioSettings | None = None,
        inventory: Any = None,
        links: LinkBoard | None = None,
    ) -> None:
        self.db, self.bus, self.shift = db, bus, shift
        self._inventory = inventory  # InventoryService: a message can become a resource request
        self.settings = settings or RadioSettings()
        self._incidents, self._tasks, self._activity = incidents, tasks, activity
        self.links = links or LinkBoard()
        self.outbox = Outbox(
            db,
            bus,
            shift,
            console_call=self.settings.console_call,
            modulation=Modulation(),
            budget=DutyCycleBudget(self.settings.duty_cycle),
            max_attempts=self.settings.max_attempts,
            ack_timeout=self.settings.ack_timeout,
            sender_waker=self.links.sender_waker,
        )
        self.ingest = RadioIngest(db, bus, console_call=self.settings.console_call)
        self.search = MessageSearch(db)
        self.mesh_names = MeshNames(db)  # what Meshtastic nodes call themselves

    def link_status(self) -> list[LinkStatus]:
        """Each running radio's state and counters ([] when no radio runs in this process)."""
        return self.links.status()

    @property
    def radios_running(self) -> bool:
        return self.links.running

    def wake_sender(self) -> None:
        """Look at the outbox again now (compose, cancel and resend already do)."""
        self.links.wake_sender()

    def configure(self, *, call_sign: str | None = None, tactical: Mapping[str, int] | None = None) -> None:
        """Apply the ``[radio]`` settings. Call before the runtime starts: the call sign is
        on every frame we send and decides which received messages and acks are ours."""
        if call_sign is not None:
            call = _checked_call(call_sign, "call_sign")
            self.settings.console_call = self.outbox.console_call = self.ingest.console_call = call
        if tactical is not None:
            table = {
                _checked_call(call, "tactical"): _checked_address(call, addr)
                for call, addr in tactical.items()
            }
            self.settings.tactical = table
            self.outbox.tactical = dict(table)

    # -- queries (the comms log pages through these) --------------------------------

    def _query(self, flt: MessageFilter) -> Select:  # type: ignore[type-arg]
        # exercise mode is a view: live EMERGENCY/PRIORITY traffic heard stays in sight (LIVE)
        query = select(RadioMessage).where(
            in_view(
                RadioMessage.exercise,
                self.shift.exercise,
                and_(RadioMessage.direction == "in", RadioMessage.precedence.in_(sorted(ALERTING))),
            )
        )
        if flt.direction:
            query = query.where(RadioMessage.direction == flt.direction)
        if flt.precedences:
            query = query.where(RadioMessage.precedence.in_(sorted(flt.precedences)))
        if flt.alerts_only:
            query = query.where(
                RadioMessage.direction == "in",
                RadioMessage.acknowledged_by == "",
                RadioMessage.precedence.in_(sorted(ALERTING)),
            )
        if flt.text.strip():
            query = query.where(self.search.condition(flt.text))
        return query

    def page(
        self, flt: MessageFilter = MessageFilter(), *, before_id: int | None = None, limit: int = 200
    ) -> list[MessageView]:
        """Up to ``limit`` messages older than ``before_id``, newest first (keyset paging)."""
        query = self._query(flt)
        if before_id is not None:
            query = query.where(RadioMessage.id < before_id)
        with self.db.read() as s:
            views = [message_view(r) for r in s.scalars(query.order_by(RadioMessage.id.desc()).limit(limit))]
        return self._named(views)

    def newer_than(
        self, after_id: int, flt: MessageFilter = MessageFilter(), limit: int = 5000
    ) -> list[MessageView]:
        query = (
            self._query(flt).where(RadioMessage.id > after_id).order_by(RadioMessage.id.desc()).limit(limit)
        )
        with self.db.read() as s:
            views = [message_view(r) for r in s.scalars(query)]
        return self._named(views)

    def _named(self, views: list[MessageView]) -> list[MessageView]:
        """Messages from or to a Meshtastic node whose name is known carry it beside the call."""
        names = self.mesh_names.names()
        if not names:
            return views
        label = self.mesh_names.label_of
        out = []
        for v in views:
            station, recipient = label(v.station, names), label(v.recipient, names)
            if station != v.station or recipient != v.recipient:
                v = replace(
                    v,
                    station_label=station if station != v.station else "",
                    recipient_label=recipient if recipient != v.recipient else "",
                )
            out.append(v)
        return out

    def count_newer(self, after_id: int, flt: MessageFilter = MessageFilter(), limit: int = 10_000) -> int:
        """How many messages newer than ``after_id`` the filter shows (the comms log's "N new"), up to ``limit``."""
        ids = (
            self._query(flt).where(RadioMessage.id > after_id).with_only_columns(RadioMessage.id).limit(limit)
        )
        with self.db.read() as s:
            return s.scalar(select(func.count()).select_from(ids.subquery())) or 0

    def get(self, message_id: int) -> MessageView:
        with self.db.read() as s:
            row = s.get(RadioMessage, message_id)
            if row is None:
                raise NotFound(said(N_("Radio message {id} no longer exists."), id=message_id))
            view = message_view(row)
        return self._named([view])[0]

    def outbox_list(self, limit: int = 500) -> list[MessageView]:
        """Outbound messages, those still in play first, then the most recent."""
        with self.db.read() as s:
            # "+id": sort the (few) outbound rows found through ix_radio_messages_origin instead
            # of walking the primary key backwards through every received message
            rows = s.scalars(
                select(RadioMessage)
                .where(RadioMessage.direction == "out", RadioMessage.exercise == self.shift.exercise)
                .order_by(text("+radio_messages.id DESC"))
                .limit(limit)
            )
            views = [message_view(r) for r in rows]
        return self._named(views)

    def unacknowledged_alerts(self) -> list[MessageView]:
        """Newest first. No ORDER BY in SQL on purpose: SQLite would then walk the primary
        key backwards through every message instead of using ix_radio_messages_alerts."""
        with self.db.read() as s:
            rows = s.scalars(self._query(MessageFilter(alerts_only=True)).limit(500)).all()
            views = sorted((message_view(r) for r in rows), key=lambda m: -m.id)[:50]
        return self._named(views)

    def nodes(self) -> list[NodeView]:
        """Radios heard; a Meshtastic node with the name it gives itself."""
        with self.db.read() as s:
            views = [
                node_view(r)
                for r in s.scalars(select(RadioNode).order_by(RadioNode.callsign, RadioNode.addr))
            ]
        names = self.mesh_names.names()
        if not names:
            return views
        return [replace(v, name=n[0] or n[1]) if (n := names.get(v.addr)) else v for v in views]

    def node_track(self, addr: int, limit: int = 500) -> list[tuple[datetime, float, float, float | None]]:
        """Recent positions of a node (time, lat, lon, battery), oldest first."""
        with self.db.read() as s:
            rows = s.execute(
                select(Position.at, Position.lat, Position.lon, Position.battery)
                .where(Position.node_addr == addr)
                .order_by(Position.id.desc())
                .limit(limit)
            ).all()
        return [tuple(r) for r in reversed(rows)]  # type: ignore[misc]

    def last_heard_link(self, addr: int) -> str | None:
        """The link that most recently heard ``addr`` (recent raw frames only, like the plot);
        the router asks once per address it has not heard itself since it started."""
        with self.db.read() as s:
            top = s.scalar(select(func.max(RawFrame.id))) or 0
            return s.scalar(
                select(RawFrame.link)
                .where(
                    RawFrame.id > top - SIGNAL_WINDOW, RawFrame.node_addr == addr, RawFrame.direction == "in"
                )
                .order_by(RawFrame.id.desc())
                .limit(1)
            )

    def signal_history(self, addr: int, limit: int = 500) -> list[tuple[datetime, int | None, float | None]]:
        """RSSI/SNR of the frames heard from a node, oldest first (for the plot)."""
        with self.db.read() as s:
            top = s.scalar(select(func.max(RawFrame.id))) or 0
            rows = s.execute(
                select(RawFrame.received_at, RawFrame.rssi, RawFrame.snr)
                .where(
                    RawFrame.id > top - SIGNAL_WINDOW, RawFrame.node_addr == addr, RawFrame.rssi.is_not(None)
                )
                .order_by(RawFrame.id.desc())
                .limit(limit)
            ).all()
        return [tuple(r) for r in reversed(rows)]  # type: ignore[misc]

    def message_count(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.count()).select_from(RadioMessage)) or 0

    # -- operator actions on received messages --------------------------------------

    def may_acknowledge(self) -> bool:
        """May the operator on shift acknowledge EMERGENCY/PRIORITY traffic (ack_rights.py)?"""
        return ack_rights.may_acknowledge(self.shift.role, self.settings.operators_may_acknowledge)

    def who_may_acknowledge(self) -> str:
        """Who may, in words, for tooltips and the standing warning."""
        return ack_rights.who_may_acknowledge(self.settings.operators_may_acknowledge)

    def acknowledge_refusal(self) -> str:
        """Why the operator on shift may not acknowledge ('' when they may): asked before the click."""
        if self.may_acknowledge():
            return ""
        who = self.who_may_acknowledge()
        if self.shift.actor is None:
            return translate("Refusals", "Sign on to acknowledge: {who} may.").format(who=who)
        return translate(
            "Refusals", "Only {who} may acknowledge radio alerts; {name} is signed on as {role}."
        ).format(who=who, name=self.shift.actor.name, role=Role(self.shift.actor.role).label.lower())

    def acknowledge_alert(self, message_id: int) -> MessageView:
        """The operator has seen an EMERGENCY/PRIORITY message (audited, stops the alarm).

        Its unacknowledged repeats go with it: a team calls the same EMERGENCY again until
        it is answered, and each call is a message of its own. Acknowledged one by one, the
        same words came back to the alarm bar after every click, and their pile hid a
        different call behind "(+18 more)". A repeat is the same station, precedence and
        words, heard before this acknowledgement; each is audited as a repeat."""
        refusal = self.acknowledge_refusal()
        if refusal:
            raise PermissionDenied(refusal)
        actor = self.shift.actor
        assert actor is not None
        with self.db.write() as s:
            row = s.get(RadioMessage, message_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Radio message {id} no longer exists."), id=message_id))
            if not row.acknowledged_by:
                row.acknowledged_by = actor.name
                audit.append(
                    s,
                    actor,
                    "radio.alert_ack",
                    "radio_message",
                    row.id,
                    said(
                        N_("{precedence} message #{number} from {station} acknowledged"),
                        precedence=label(Precedence(row.precedence)),  # 紧急 when read in Chinese
                        number=row.number,
                        station=row.station,
                    ),
                    exercise=row.exercise,
                )
            for repeat in self._unacknowledged_repeats(s, row):
                repeat.acknowledged_by = actor.name
                audit.append(
                    s,
                    actor,
                    "radio.alert_ack",
                    "radio_message",
                    repeat.id,
                    said(
                        N_(
                            "{precedence} message #{number} from {station} acknowledged as a repeat of #{first}"
                        ),
                        precedence=label(Precedence(repeat.precedence)),
                        number=repeat.number,
                        station=repeat.station,
                        first=row.number,
                    ),
                    exercise=repeat.exercise,
                )
            view = message_view(row)
        self.bus.publish(Event(Topic.RADIO_MESSAGE, view.id, {"acknowledged": True}))
        return view

    def undelivered(self) -> list[MessageView]:
        """Messages sent from here that failed and nobody has acknowledged yet, newest first
        (ops_console/radio/failed_sends.py: why they are on the alert list)."""
        with self.db.read() as s:
            views = [message_view(r) for r in failed_sends.undelivered(s, self.shift.exercise)]
        return self._named(views)

    def acknowledge_failure(self, message_id: int) -> MessageView:
        """The operator has seen that a message sent from here was not delivered (audited);
        the same rule as for an alert heard says who may."""
        refusal = self.acknowledge_refusal()
        if refusal:
            raise PermissionDenied(refusal)
        assert self.shift.actor is not None
        with self.db.write() as s:
            view = message_view(failed_sends.acknowledge(s, self.shift.actor, message_id))
        self.bus.publish(Event(Topic.RADIO_OUTBOX, view.id, {"acknowledged": True}))
        return view

    @staticmethod
    def _unacknowledged_repeats(s: Session, row: RadioMessage) -> list[RadioMessage]:
        """The alerting messages still waiting that say what ``row`` says, from its station."""
        return list(
            s.scalars(
                select(RadioMessage)
                .where(
                    RadioMessage.direction == "in",
                    RadioMessage.acknowledged_by == "",
                    RadioMessage.precedence == row.precedence,
                    RadioMessage.station == row.station,
                    RadioMessage.sender == row.sender,
                    RadioMessage.body == row.body,
                    RadioMessage.exercise == row.exercise,
                    RadioMessage.id != row.id,
                )
                .order_by(RadioMessage.id)
                .limit(500)
                .with_for_update()
            )
        )

    def create_from_message(self, message_id: int, target: str) -> tuple[str, int]:
        """Turn a received message into an incident, a task or a log line, linked both ways."""
        if target not in LINK_TARGETS:
            raise ValidationError({"target": said(N_("Unknown target {target}."), target=repr(target))})
        self.shift.require(Permission.RADIO, N_("file radio messages"))
        msg = self.get(message_id)
        if msg.linked_entity:
            raise ValidationError(
                {
                    "target": said(
                        N_("Message #{number} is already filed as {entity} #{id}."),
                        number=msg.number,
                        entity=said(_TARGET_WORDS.get(msg.linked_entity, msg.linked_entity)),
                        id=msg.linked_id,
                    )
                }
            )
        title = _filed_title(msg)
        note = tr(
            N_("Radio {precedence} from {station}: {text}")
            if msg.kind == "plain"
            else N_("Radio {precedence} from {station} #{number}: {text}"),
            precedence=precedence_label(msg.precedence),
            station=msg.station,
            number=msg.number,
            text=msg.body,
        )
        if target == "incident":
            entity_id = self._incidents.create(self.incident_draft(msg)).id
        elif target == "task":
            from ops_console.services.tasks import TaskDraft

            entity_id = self._tasks.create(TaskDraft(title=title, details=note)).id
        elif target == "request":
            if self._inventory is None:
                raise ValidationError({"target": said(N_("The inventory is not available on this console."))})
            entity_id = self._inventory.request_from_message(msg.body, msg.station, message_id=msg.id).id
        else:
            entity_id = self._activity.add_note(note, "radio_message", msg.id).id
        self._link(message_id, target, entity_id)
        return target, entity_id

    def incident_draft(self, msg: MessageView):  # type: ignore[no-untyped-def]
        """What an incident made from ``msg`` says: its precedence as severity, the sender's
        last known position as the location, the time heard as the report time, the text,
        and the message it came from (radio message id, station, number)."""
        from ops_console.domain import Severity
        from ops_console.services.incidents import IncidentDraft

        severities: dict[str, Severity] = {
            Precedence.EMERGENCY: Severity.CRITICAL,
            Precedence.PRIORITY: Severity.SERIOUS,
        }
        severity = severities.get(msg.precedence, Severity.MODERATE)
        title = _filed_title(msg)
        notes = tr(
            N_(
                "Radio {precedence} from {station} (plain text, unverified), heard {at} UTC [radio message {id}]:"
            )
            if msg.kind == "plain"
            else N_("Radio {precedence} from {station} #{number}, heard {at} UTC [radio message {id}]:"),
            precedence=precedence_label(msg.precedence),
            station=msg.station,
            number=msg.number,
            at=f"{msg.at:%Y-%m-%d %H:%M:%S}",
            id=msg.id,
        )
        notes = f"{notes}\n{msg.body}"
        place = self.last_position(msg)
        lat = lon = None
        where = ""
        if place is not None:
            lat, lon, at = place
            where = tr(
                N_("Last position of {station}, {time} UTC ({lat}, {lon})"),
                station=msg.station,
                time=f"{at:%H:%M}",
                lat=f"{lat:.5f}",
                lon=f"{lon:.5f}",
            )
        return IncidentDraft(
            title=title,
            kind=IncidentKind.OTHER,
            severity=severity,
            lat=lat,
            lon=lon,
            location_text=where,
            reported_at=msg.at,
            reported_by=msg.station,
            notes=notes,
        )

    def last_position(self, msg: MessageView) -> tuple[float, float, datetime] | None:
        """The sender's last known position (lat, lon, when):
        by its radio address, else by its call; None if it never sent one."""
        with self.db.read() as s:
            query = select(Position.lat, Position.lon, Position.at).order_by(Position.id.desc()).limit(1)
            for where in ((Position.node_addr == msg.node_addr,) if msg.node_addr is not None else ()) + (
                Position.callsign == msg.station,
            ):
                row = s.execute(query.where(where)).first()
                if row is not None:
                    return float(row.lat), float(row.lon), row.at
        return None

    def _link(self, message_id: int, entity: str, entity_id: int) -> None:
        actor = self.shift.require(Permission.RADIO, N_("file radio messages"))
        with self.db.write() as s:
            row = s.get(RadioMessage, message_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Radio message {id} no longer exists."), id=message_id))
            row.linked_entity, row.linked_id = entity, entity_id
            audit.append(
                s,
                actor,
                "radio.file",  # not the radio.link event topic (a link's state), which it once reused
                "radio_message",
                row.id,
                said(
                    N_("Radio message #{number} from {station} filed as incident #{id}")
                    if entity == "incident"
                    else N_("Radio message #{number} from {station} filed as task #{id}")
                    if entity == "task"
                    else N_("Radio message #{number} from {station} filed as {entity} #{id}"),
                    number=row.number,
                    station=row.station,
                    entity=entity,
                    id=entity_id,
                ),
                after={"entity": entity, "id": entity_id},
                exercise=row.exercise,
            )
        self.bus.publish(Event(Topic.RADIO_MESSAGE, message_id, {"linked": entity}))


def _filed_title(msg: MessageView) -> str:
    """The first line of the text, or which message it was when the text is empty."""
    first = (msg.body.splitlines() or [""])[0][:120]
    return first or tr(N_("Radio message {station}/{number}"), station=msg.station, number=msg.number)
