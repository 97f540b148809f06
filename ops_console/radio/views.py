"""Read-only views of radio records for tables, the compose box and the gateway log.

Plain frozen dataclasses, never live ORM rows, so Qt models can hold them on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ops_console.db.radio_models import RadioMessage, RadioNode
from ops_console.hardware.mesh.types import parse_channel_call, shown_address
from ops_console.precedence import raises_alert
from ops_console.radio.local_alarm import message_words

OUTBOX_STATES = ("queued", "sent", "relayed", "acked", "failed", "cancelled")
"""``relayed``: a Meshtastic text our node heard a neighbour rebroadcast (an implicit ACK):
it left, but the recipient has not confirmed it (docs/protocols/meshtastic.md)."""


@dataclass(frozen=True)
class MessageView:
    """One line of the comms log (ICS-309 spirit): in or out, with delivery state."""

    id: int
    at: datetime
    direction: str
    kind: str
    station: str
    number: int
    sender: str
    recipient: str
    precedence: str
    subject: str
    body: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    acked_at: datetime | None
    rssi: int | None
    snr: float | None
    acknowledged_by: str
    linked_entity: str
    linked_id: int | None
    exercise: bool
    node_addr: int | None = None
    link: str = ""  # the radio it was heard on; outbound: the one named for it, then the one that sent it
    station_label: str = ""  # a Meshtastic node's name with its call (mesh_names.py), '' for others
    recipient_label: str = ""

    @property
    def shown_station(self) -> str:
        """Who sent it, as the log shows it: a mesh node by its name and call."""
        return self.station_label or self.station

    @property
    def shown_recipient(self) -> str:
        return self.recipient_label or self.recipient

    @property
    def reply_call(self) -> str:
        """Whom an answer goes to: the station that sent a message heard, or its channel
        when it was said on a mesh channel (the mesh answers where it was asked); for one
        sent from here, the same recipient again (a follow-up)."""
        if self.direction == "out" or parse_channel_call(self.recipient) is not None:
            return self.recipient
        return self.station

    @property
    def needs_attention(self) -> bool:
        """An inbound EMERGENCY or PRIORITY message no operator has acknowledged yet."""
        return self.direction == "in" and raises_alert(self.precedence) and not self.acknowledged_by


@dataclass(frozen=True)
class NodeView:
    """A radio heard on the air."""

    addr: int
    callsign: str
    last_heard: datetime | None
    rssi: int | None
    snr: float | None
    battery: float | None
    lat: float | None
    lon: float | None
    name: str = ""  # what a Meshtastic node calls itself (its long name), '' when unknown

    @property
    def shown_addr(self) -> str:
        return shown_address(self.addr)

    @property
    def shown(self) -> str:
        """The call, with the node's own name before it when it has one."""
        if not self.callsign:
            return self.name or "?"
        return f"{self.name} ({self.callsign})" if self.name and self.name != self.callsign else self.callsign


@dataclass(frozen=True)
class ComposeCheck:
    """The live answer for the compose box: how big, how many frames, how long on air."""

    payload_bytes: int
    frames: int
    airtime: float
    limit_frames: int
    problem: str = ""
    mesh: bool = False  # for a Meshtastic node or channel: frames are packets, the node keeps the airtime

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class MessageFilter:
    """What the comms log shows: a direction, precedences, a text to find, alerts only."""

    text: str = ""
    direction: str = ""  # "", "in" or "out"
    precedences: frozenset[str] = frozenset()
    alerts_only: bool = False


def message_view(row: RadioMessage) -> MessageView:
    return MessageView(
        row.id,
        row.at,
        row.direction,
        row.kind,
        row.station,
        row.number,
        row.sender,
        row.recipient,
        row.precedence,
        message_words(row.kind, row.subject),  # a console-made alarm's words in the reader's language
        message_words(row.kind, row.body),
        row.status,
        row.attempts,
        row.next_attempt_at,
        row.last_error,
        row.acked_at,
        row.rssi,
        row.snr,
        row.acknowledged_by,
        row.linked_entity,
        row.linked_id,
        row.exercise,
        row.node_addr,
        row.link or "",
    )


def node_view(row: RadioNode) -> NodeView:
    return NodeView(row.addr, row.callsign, row.last_heard, row.rssi, row.snr, row.battery, row.lat, row.lon)
