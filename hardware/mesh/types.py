"""Value types of the Meshtastic driver: addresses, calls, delivery states and their words.

A Meshtastic node is named by a 32-bit unsigned number (``!a1b2c3d4`` in the apps). The
post's tables keep node addresses in signed 32-bit integer columns (REYAX addresses are
0..65535), so a node number is stored as its two's-complement view (``mesh_address``) and
turned back with ``node_num``: one number each way, no collision with another node. Its
call in the comms log is ``M`` and the eight hex digits (``MA1B2C3D4``, nine characters,
a valid field call), so the outbox can address it like a team; a channel is ``CH0``..``CH7``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from ops_console.known_error import OpsError
from ops_console.said import N_, said

BROADCAST_NUM = 0xFFFFFFFF
DATA_PAYLOAD_LEN = 233
"""Bytes one Meshtastic data packet carries (mesh_pb2.Constants.DATA_PAYLOAD_LEN)."""
CHANNELS = 8
_MESH_CALL = re.compile(r"M([0-9A-F]{8})\Z")
_CHANNEL_CALL = re.compile(r"CH([0-7])\Z")


def mesh_address(num: int) -> int:
    """The signed 32-bit view of a node number, as the tables store it."""
    num &= 0xFFFFFFFF
    return num - (1 << 32) if num >= 1 << 31 else num


def node_num(address: int) -> int:
    """The node number of a stored address (the inverse of ``mesh_address``)."""
    return address & 0xFFFFFFFF


def shown_address(address: int) -> str:
    """A stored node address as the radio's own tools show it: a REYAX address (0..65535) as
    its number, a Meshtastic node as its apps do (``!9a2b3c03``), never the signed view the
    tables keep (``-1708442621``)."""
    return str(address) if 0 <= address <= 0xFFFF else node_id(node_num(address))


def mesh_call(num: int) -> str:
    """How a node is named in the comms log and the outbox: ``M`` + 8 hex digits."""
    return f"M{num & 0xFFFFFFFF:08X}"


def node_id(num: int) -> str:
    """How the Meshtastic apps show a node: ``!a1b2c3d4``."""
    return f"!{num & 0xFFFFFFFF:08x}"


def parse_mesh_call(call: str) -> int | None:
    """The node number a ``M…`` call names, else None."""
    m = _MESH_CALL.match(call.strip().upper())
    return int(m[1], 16) if m else None


def channel_call(index: int) -> str:
    """A channel's name as a recipient: ``CH0`` (the primary) .. ``CH7``."""
    return f"CH{index}"


def parse_channel_call(call: str) -> int | None:
    """The channel index a ``CHn`` call names, else None."""
    m = _CHANNEL_CALL.match(call.strip().upper())
    return int(m[1]) if m else None


def is_mesh_recipient(call: str) -> bool:
    """Does the outbox send to this call through a Meshtastic node?"""
    return parse_mesh_call(call) is not None or parse_channel_call(call) is not None


class Delivery(str, Enum):
    """Where a text sent with want-ack is; the value is the outbox status it becomes.

    ``relayed`` is an implicit ACK: our own node heard another node rebroadcast the packet.
    That proves it left, not that it arrived, so it is never shown as delivered."""

    RELAYED = "relayed"
    DELIVERED = "acked"
    FAILED = "failed"


ROUTING_WORDS = {
    1: N_("no route to the node"),
    2: N_("the node refused it (NAK)"),
    3: N_("timed out waiting for an acknowledgement"),
    4: N_("the node has no radio interface for it"),
    5: N_("not acknowledged after the last retransmission"),
    6: N_("no such channel on the node"),
    7: N_("too large for one packet"),
    8: N_("the node did not answer"),
    9: N_("held back: the legal duty-cycle limit is reached"),
    32: N_("the node refused the request as malformed"),
    33: N_("not authorised"),
    34: N_("encryption with the node's public key failed"),
    35: N_("the destination's public key is unknown"),
    36: N_("admin session key is wrong"),
    37: N_("admin public key is not authorised"),
    38: N_("rate limit exceeded"),
    39: N_("sending failed: no public key for the destination"),
}
"""mesh_pb2.Routing.Error in words (the firmware's routing errors)."""


def routing_words(code: int) -> str:
    """A routing error code in words for the operator, as a stored sentence
    (ops_console/said.py): read in the language of the console that shows it."""
    if code in ROUTING_WORDS:
        return said(ROUTING_WORDS[code])
    return said(N_("routing error {code}"), code=code)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """What became of packet ``packet_id``: the state, words for an operator (a stored
    sentence, ops_console/said.py), who answered."""

    packet_id: int
    state: Delivery
    words: str
    by: int | None = None


@dataclass(frozen=True, slots=True)
class MeshNodeInfo:
    """One entry of the node database the node keeps and the driver mirrors."""

    num: int
    long_name: str = ""
    short_name: str = ""
    lat: float | None = None
    lon: float | None = None
    battery: int | None = None
    last_heard: datetime | None = None
    snr: float | None = None

    @property
    def call(self) -> str:
        return mesh_call(self.num)

    @property
    def label(self) -> str:
        """What a person calls it: its long name, else its app id."""
        return self.long_name or node_id(self.num)


class NodeEntry:
    """The driver's own, mutable record of one node (updated in place per packet heard, on
    the link's thread; ``freeze`` gives the MeshNodeInfo others see)."""

    __slots__ = ("num", "long_name", "short_name", "lat", "lon", "battery", "last_heard", "snr")

    def __init__(self, num: int, battery: int | None = None) -> None:
        self.num, self.long_name, self.short_name = num, "", ""
        self.lat: float | None = None
        self.lon: float | None = None
        self.battery = battery
        self.last_heard: datetime | None = None
        self.snr: float | None = None

    def freeze(self) -> MeshNodeInfo:
        return MeshNodeInfo(
            self.num,
            self.long_name,
            self.short_name,
            self.lat,
            self.lon,
            self.battery,
            self.last_heard,
            self.snr,
        )


class MeshSendError(OpsError):
    """A text the driver did not hand to the node; ``str()`` is a sentence for the operator
    (``reason`` is a stored sentence, ops_console/said.py: ``.english`` for a log line).

    ``kind``: ``too_large``, ``queue_full`` (the node's queue stayed full), ``refused``
    (the node answered an error), ``not_ready`` or ``closed``."""

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.reason, self.kind = reason, kind


@dataclass(frozen=True, slots=True)
class MeshSent:
    """What a successful ``send_text`` resolves to: the node took the packet (every part of
    a text sent in parts, ``packet_ids`` in order) into its queue."""

    packet_id: int
    to: int
    channel: int
    length: int
    packet_ids: tuple[int, ...] = ()
