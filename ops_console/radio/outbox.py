"""The outbox: operator actions (compose, cancel, resend) and the worker's state changes.

All state lives in ``radio_messages`` (status, attempts, next_attempt_at), so a restart
loses nothing: the worker simply picks up what is still queued or awaiting an ack.
Operator actions are audited in the same transaction; the worker's own transitions
(sent, acked, failed) are system events, published but not audited.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.radio_models import MeshPacket, RadioMessage, RadioNode
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.hardware.lora.airtime import DutyCycleBudget, Modulation
from ops_console.hardware.lora.at_modem import frame_airtime
from ops_console.hardware.mesh import parts as mesh_parts
from ops_console.hardware.mesh.types import DATA_PAYLOAD_LEN, is_mesh_recipient, mesh_address, parse_mesh_call
from ops_console.hardware.protocols import field_payload as fp
from ops_console.precedence import Precedence, rank_sql
from ops_console.radio.ics213 import Ics213
from ops_console.radio.views import ComposeCheck, MessageView, message_view
from ops_console.said import N_, fitted, label, said, word
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

BROADCAST = "ALL"
STATE_CONTEXT = "CommsLogModel"  # an outbox state's word: ui/radio/model.py STATE_LABELS
MAX_FRAMES = 8
"""Longest message the outbox accepts: 8 frames is minutes of airtime at SF12 already."""

_RANK = rank_sql(RadioMessage.precedence)


RESENDABLE = ("failed", "cancelled", "sent", "relayed")
"""The states an operator may send a message again from (sent/relayed: no ack yet)."""


class Outbox:
    """Compose/cancel/resend for operators; ``next_due``/``mark_*`` for the worker."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        shift: Shift,
        *,
        console_call: str = "OPS",
        modulation: Modulation = Modulation(),
        budget: DutyCycleBudget | None = None,
        max_attempts: int = 3,
        ack_timeout: float = 30.0,
        sender_waker: threading.Event | None = None,
    ) -> None:
        self.db, self.bus, self.shift = db, bus, shift
        self._sender_waker = sender_waker or threading.Event()  # compose, cancel and resend wake the sender
        self.console_call, self.modulation = console_call, modulation
        self.tactical: dict[str, int] = {}  # tactical call → node address, from [radio.tactical]
        # the policy (fraction, window) and the size check; a running radio counts airtime in
        # a copy per link (LinkRouter), since the duty cycle binds each transmitter
        self.budget = budget or DutyCycleBudget()
        self.max_attempts, self.ack_timeout = max_attempts, ack_timeout

    # -- operator actions ------------------------------------------------------------

    def check(
        self, recipient: str, text: str, precedence: fp.Precedence = fp.Precedence.ROUTINE
    ) -> ComposeCheck:
        """Size, frames and airtime of a draft, and why it cannot be sent if it cannot."""
        call = recipient.strip().upper() or BROADCAST
        body = text.strip()
        if is_mesh_recipient(call):
            return _mesh_check(body)
        try:
            frames = fp.encode_text(self.console_call, call, 65535, precedence, body or " ")
        except ValueError as exc:
            return ComposeCheck(
                len(body.encode()), 0, 0.0, MAX_FRAMES, getattr(exc, "stored", None) or str(exc)
            )
        airtime = sum(frame_airtime(len(f), self.modulation) for f in frames)
        size, problem = sum(len(f) for f in frames), ""
        if not body:
            problem = said(N_("Type a message first."))
        elif len(frames) > MAX_FRAMES:
            problem = said(
                N_("Too long: it needs {frames} frames, at most {most} are allowed. Shorten it."),
                frames=len(frames),
                most=MAX_FRAMES,
            )
        elif airtime > self.budget.budget:
            problem = said(
                N_("It needs {seconds} s on air, more than the {budget} s budget per hour."),
                seconds=f"{airtime:.0f}",
                budget=f"{self.budget.budget:.0f}",
            )
        return ComposeCheck(size, len(frames), airtime, MAX_FRAMES, problem)

    def compose(
        self,
        recipient: str,
        text: str,
        precedence: fp.Precedence = fp.Precedence.ROUTINE,
        subject: str = "",
        kind: str = "text",
        link: str = "",
    ) -> MessageView:
        """Store a message as ``queued`` (audited); the worker sends it when it may, on
        ``link`` when that names a READY radio with budget left, else on another."""
        actor = self.shift.require(Permission.RADIO, N_("send radio messages"))
        call = recipient.strip().upper() or BROADCAST
        if not fp.CALL.match(call):
            raise ValidationError({"recipient": said(N_("A call sign is 1-9 of A-Z, 0-9, / and -."))})
        if len(link) > 60:
            raise ValidationError({"link": said(N_("A link name is at most 60 characters."))})
        check = self.check(call, text, precedence)
        if not check.ok:
            raise ValidationError({"text": check.problem})
        with self.db.write() as s:
            last = s.scalar(
                select(RadioMessage.number)
                .where(RadioMessage.direction == "out", RadioMessage.station == self.console_call)
                .order_by(RadioMessage.id.desc())
                .limit(1)
            )
            addr = self.tactical.get(call)  # the config file's word beats whatever a node said it was
            num = parse_mesh_call(call)
            if addr is None and num is not None:  # a Meshtastic node's call holds its number
                addr = mesh_address(num)
            if addr is None:
                addr = s.scalar(select(RadioNode.addr).where(RadioNode.callsign == call).limit(1))
            row = RadioMessage(
                direction="out",
                kind=kind,
                station=self.console_call,
                number=((last or 0) + 1) % 65536,
                sender=actor.name,
                recipient=call,
                node_addr=addr if addr is not None else 0,
                precedence=fp.Precedence(precedence).name,
                subject=subject,
                body=text.strip(),
                at=utc_now(),
                status="queued",
                attempts=0,
                last_error="",
                link=link.strip(),
                acknowledged_by="",
                linked_entity="",
                exercise=self.shift.exercise,
            )
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "radio.compose",
                "radio_message",
                row.id,
                said(
                    N_("Radio message #{number} to {call} queued ({precedence}): {text}"),
                    number=row.number,
                    call=call,
                    precedence=label(Precedence(row.precedence)),  # in the reader's words
                    text=row.body[:80],
                ),
                after={
                    "recipient": call,
                    "precedence": row.precedence,
                    "frames": check.frames,
                    "link": row.link,
                },
                exercise=row.exercise,
            )
            view = message_view(row)
        self.bus.publish(Event(Topic.RADIO_OUTBOX, view.id, {"status": "queued"}))
        self._sender_waker.set()
        return view

    def compose_ics213(
        self, recipient: str, form: Ics213, precedence: fp.Precedence = fp.Precedence.ROUTINE, link: str = ""
    ) -> MessageView:
        """Queue an ICS-213 General Message (split across as many frames as it needs)."""
        problems = form.problems()
        if problems:
            raise ValidationError(problems)
        return self.compose(
            recipient, form.to_text(), precedence, subject=form.subject[:200], kind="ics213", link=link
        )

    def cancel(self, message_id: int) -> MessageView:
        """Stop trying to deliver a message that is queued or awaiting its ack."""
        return self._operator_change(
            message_id, ("queued", "sent"), "cancelled", "radio.cancel", N_("cancelled")
        )

    def resend(self, message_id: int) -> MessageView:
        """Queue a failed or cancelled message again with fresh attempts and a fresh choice
        of link (the one that failed it is in the audit entry)."""
        return self._operator_change(
            message_id,
            RESENDABLE,
            "queued",
            "radio.resend",
            N_("queued again"),
        )

    def _operator_change(
        self, message_id: int, allowed: tuple[str, ...], status: str, action: str, verb: str
    ) -> MessageView:
        actor = self.shift.require(
            Permission.RADIO, said(N_("change the outbox ({action})"), action=said(verb))
        )
        with self.db.write() as s:
            row = s.get(RadioMessage, message_id, with_for_update=True)
            if row is None or row.direction != "out":
                raise NotFound(said(N_("Outbound message {id} no longer exists."), id=message_id))
            if row.status not in allowed:
                raise ValidationError(
                    {
                        "status": said(
                            N_("Message #{number} is {status}; it cannot be {verb}."),
                            number=row.number,
                            status=word(STATE_CONTEXT, row.status),
                            verb=said(verb),
                        )
                    }
                )
            before = {"status": row.status, "link": row.link}
            row.status, row.next_attempt_at, row.last_error = status, None, ""
            if status == "queued":  # a resend that fails again is on the alert list again
                row.attempts, row.link, row.acknowledged_by = 0, "", ""
            s.flush()
            audit.append(
                s,
                actor,
                action,
                "radio_message",
                row.id,
                said(
                    N_("Radio message #{number} to {recipient} {verb}"),
                    number=row.number,
                    recipient=row.recipient,
                    verb=said(verb),
                ),
                before=before,
                after={"status": status},
                exercise=row.exercise,
            )
            view = message_view(row)
        self.bus.publish(Event(Topic.RADIO_OUTBOX, view.id, {"status": status}))
        self._sender_waker.set()
        return view

    # -- worker side -----------------------------------------------------------------

    def next_due(self, now: datetime) -> MessageView | None:
        """The next message to transmit: EMERGENCY first … ROUTINE, oldest first within each."""
        due = or_(RadioMessage.next_attempt_at.is_(None), RadioMessage.next_attempt_at <= now)
        query = (
            select(RadioMessage)
            .where(
                RadioMessage.direction == "out",
                due,
                or_(
                    RadioMessage.status == "queued",
                    (RadioMessage.status == "sent") & RadioMessage.next_attempt_at.is_not(None),
                ),
            )
            .order_by(_RANK, RadioMessage.at, RadioMessage.id)
            .limit(1)
        )
        with self.db.read() as s:
            row = s.scalar(query)
            return message_view(row) if row is not None else None

    def next_wakeup(self) -> datetime | None:
        """When the earliest waiting message becomes due (retry or ack timeout)."""
        with self.db.read() as s:
            return s.scalar(
                select(RadioMessage.next_attempt_at)
                .where(
                    RadioMessage.direction == "out",
                    RadioMessage.status.in_(("queued", "sent")),
                    RadioMessage.next_attempt_at.is_not(None),
                )
                .order_by(RadioMessage.next_attempt_at)
                .limit(1)
            )

    def frames_for(self, msg: MessageView) -> list[bytes]:
        return fp.encode_text(
            self.console_call, msg.recipient, msg.number, fp.Precedence[msg.precedence], msg.body
        )

    def mark_sent(self, msg: MessageView, link: str) -> None:
        """Transmitted on ``link``: wait for the ack (backoff doubles per attempt), or done for
        broadcasts. The team's ack can beat this call (the modem prints it right after +OK);
        then the message stays ``acked`` and only the attempt and the link are recorded."""
        attempts = msg.attempts + 1
        wait = None if msg.recipient == BROADCAST else utc_now() + self._backoff(attempts)
        with self.db.write() as s:
            row = s.get(RadioMessage, msg.id, with_for_update=True)
            if row is None or row.status not in ("queued", "sent", "acked"):
                return  # cancelled meanwhile
            row.attempts, row.link, row.last_error = attempts, link, ""
            if row.status != "acked":
                row.status, row.next_attempt_at = "sent", wait
            status = row.status
        self.bus.publish(Event(Topic.RADIO_OUTBOX, msg.id, {"status": status}))

    def mark_mesh_sent(self, msg: MessageView, link: str, packet_ids: Sequence[int] = ()) -> None:
        """A Meshtastic node took the text (all its parts) into its queue: it is ``sent`` and
        not tried again by the outbox (the mesh retransmits by itself). The packet ids are
        stored with it, in the same transaction, so what the mesh says of them later
        (``mark_delivery``) finds the message, also after a restart of the console."""
        with self.db.write() as s:
            row = s.get(RadioMessage, msg.id, with_for_update=True)
            if row is None or row.status not in ("queued", "sent"):
                return  # cancelled meanwhile
            row.attempts, row.link, row.last_error = msg.attempts + 1, link, ""
            row.status, row.next_attempt_at = "sent", None
            now, parts = utc_now(), len(packet_ids)
            # an earlier attempt's packets (the text was resent) no longer say how this one went
            s.execute(delete(MeshPacket).where(MeshPacket.message_id == row.id))
            s.add_all(
                MeshPacket(
                    message_id=row.id, packet_id=pid, part=i, parts=parts, state="sent", words="", at=now
                )
                for i, pid in enumerate(packet_ids, 1)
            )
        self.bus.publish(Event(Topic.RADIO_OUTBOX, msg.id, {"status": "sent"}))

    def mark_delivery(self, packet_id: int, status: str, words: str) -> int | None:
        """What the mesh said of packet ``packet_id``: ``relayed`` (only heard rebroadcast),
        ``acked`` (the recipient confirmed) or ``failed`` (a routing error, in ``words``).
        The message follows all its parts (``whole_state``); a later, weaker word never
        overwrites a stronger one (relayed after acked). Returns the message's id, None for
        a packet the outbox never sent."""
        with self.db.write() as s:
            packet = s.scalar(
                select(MeshPacket)
                .where(MeshPacket.packet_id == packet_id & 0xFFFFFFFF)
                .order_by(MeshPacket.id.desc())
                .limit(1)
            )
            if packet is None:
                return None
            if packet.state in _WEAKER[status]:
                packet.state, packet.words = status, fitted(words, 300)
            parts = s.execute(
                select(MeshPacket.part, MeshPacket.parts, MeshPacket.state, MeshPacket.words)
                .where(MeshPacket.message_id == packet.message_id)
                .order_by(MeshPacket.id)
            ).all()
            whole, why = whole_state([(p.part, p.parts, p.state, p.words) for p in parts])
            message_id = packet.message_id
            if whole == "sent":
                return message_id
            values: dict[str, object] = {"status": whole, "next_attempt_at": None}
            if whole == "acked":
                values["acked_at"] = utc_now()
            if whole == "failed":
                values["last_error"] = fitted(why, 300)
            done = s.execute(
                update(RadioMessage)
                .where(RadioMessage.id == message_id, RadioMessage.status.in_(_WEAKER[whole]))
                .values(**values)
            ).rowcount
        if done:
            self.bus.publish(Event(Topic.RADIO_OUTBOX, message_id, {"status": whole}))
        return message_id

    def mark_attempt_failed(
        self, msg: MessageView, reason: str, *, count: bool = True, final: bool = False
    ) -> None:
        """A transmission (or its ack) did not happen: retry later, or give up after N attempts
        (at once with ``final``: a text no retry can help, e.g. too long for the radio)."""
        attempts = msg.attempts + (1 if count else 0)
        if attempts >= self.max_attempts or final:
            self._set(
                msg.id,
                status="failed",
                attempts=attempts,
                next_attempt_at=None,
                last_error=fitted(reason, 300),
            )
        else:
            self._set(
                msg.id,
                status="queued",
                attempts=attempts,
                last_error=fitted(reason, 300),
                next_attempt_at=utc_now() + self._backoff(attempts),
            )

    def _backoff(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.ack_timeout * 2 ** max(attempts - 1, 0), 3600))

    def _set(self, message_id: int, **values: object) -> None:
        with self.db.write() as s:
            s.execute(
                update(RadioMessage)
                .where(RadioMessage.id == message_id, RadioMessage.status.in_(("queued", "sent")))
                .values(**values)
            )
        self.bus.publish(Event(Topic.RADIO_OUTBOX, message_id, {"status": values.get("status")}))


_WEAKER = {"relayed": ("sent",), "acked": ("sent", "relayed"), "failed": ("sent", "relayed")}
"""Delivery states a new word may replace (a packet's, and a message's)."""


def whole_state(parts: Sequence[tuple[int, int, str, str]]) -> tuple[str, str]:
    """A message's delivery state from its packets' (part, parts, state, words): failed
    when any part failed (the words say which), acked when every part was, relayed when
    every part at least left our node, else still sent."""
    states = [state for _part, _parts, state, _words in parts]
    for part, total, state, words in parts:
        if state == "failed":
            return "failed", words if total <= 1 else said(
                N_("part {part} of {total}: {words}"), part=part, total=total, words=words
            )
    if states and all(state == "acked" for state in states):
        return "acked", ""
    if states and all(state in ("relayed", "acked") for state in states):
        return "relayed", ""
    return "sent", ""


def _mesh_check(body: str) -> ComposeCheck:
    """A text for a Meshtastic node or channel: one packet of at most 233 bytes, or up to
    MAX_FRAMES parts of at most 233 bytes each (hardware/mesh/parts.py); the mesh keeps its
    own duty cycle, so no airtime is counted here."""
    size, problem = len(body.encode("utf-8")), ""
    count = mesh_parts.parts_needed(body, DATA_PAYLOAD_LEN)
    if not body:
        problem = said(N_("Type a message first."))
    elif count > MAX_FRAMES:
        problem = said(
            N_(
                "Too long for Meshtastic: {size} bytes would take {count} packets of at most "
                "{limit} bytes; at most {most} are sent for one text. Shorten it."
            ),
            size=size,
            count=count,
            limit=DATA_PAYLOAD_LEN,
            most=MAX_FRAMES,
        )
    return ComposeCheck(size, count, 0.0, MAX_FRAMES, problem, mesh=True)
