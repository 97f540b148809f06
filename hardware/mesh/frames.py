"""What a Meshtastic packet means to the post, as the RawFrames the radio ingest stores.

The ingest already turns field payload frames into texts, positions and sensor readings,
keeps repeats out and updates the node list; a packet from the mesh is given to it in
those words. ``raw`` is the frame exactly as read from the port (header and protobuf), so
the raw row keeps what was heard; ``data`` is the field payload saying the same thing:
- a text (``TEXT_MESSAGE_APP``) → one ``T1`` fragment from the node's call to our node's
  call (a direct message) or to the channel's (``CH0``), whole (the reassembler takes a
  1/1 fragment as it is); never a call the console acks: the mesh acks for itself;
- a position (``POSITION_APP``) → ``P1`` with the battery the node last reported;
- telemetry (``TELEMETRY_APP``) → one ``S1`` reading per metric: environment metrics are
  the sensor readings the post stores for any sensor node (temperature, humidity, ...);
  device metrics (every node sends them) only give the node its battery level, which its
  next position carries to the Nodes table: as sensor readings they would make every
  handset an unknown sensor on the alert list.
The report number is the second the packet was heard (``rx_time``) modulo 65536, so a
node's numbers go forwards as the repeat filter expects (Meshtastic's own packet ids are
random) and stay the same across a restart of the console. The firmware passes each
packet to the serial API once (it drops rebroadcasts it already heard), and the driver
also drops a (sender, id) it has just seen.
Pure functions: no I/O, no threads; bad packets come back as flagged RawFrames.
"""

from __future__ import annotations

import math
from binascii import crc_hqx
from datetime import UTC, datetime
from typing import Any

from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.mesh.types import (
    BROADCAST_NUM,
    NodeEntry,
    channel_call,
    mesh_address,
    mesh_call,
)
from ops_console.hardware.protocols import field_payload as fp
from ops_console.said import N_, fitted, said

TEXT_APP, POSITION_APP, NODEINFO_APP, ROUTING_APP, TELEMETRY_APP = 1, 3, 4, 5, 67
"""portnums_pb2.PortNum values used here (checked against the package in the tests)."""
TEXT_LIMIT = 4096
"""A T1 frame made here holds a whole mesh text (at most 233 bytes, 699 escaped)."""
ENVIRONMENT = {
    "temperature": ("temperature", "C"),
    "relative_humidity": ("humidity", "%"),
    "barometric_pressure": ("pressure", "hPa"),
    "gas_resistance": ("gas_resistance", "MOhm"),
    "iaq": ("iaq", ""),
    "distance": ("distance", "mm"),
    "lux": ("illuminance", "lx"),
    "wind_direction": ("wind_direction", "deg"),
    "wind_speed": ("wind_speed", "m/s"),
    "wind_gust": ("wind_gust", "m/s"),
    "rainfall_1h": ("rain_1h", "mm"),  # the sensor register's word for a rain gauge (sensors/kinds.py)
    "rainfall_24h": ("rain_24h", "mm"),
    "soil_moisture": ("soil_moisture", "%"),
    "soil_temperature": ("soil_temperature", "C"),
    "radiation": ("radiation", "uR/h"),
    "weight": ("weight", "kg"),
}
"""EnvironmentMetrics field → (sensor kind, unit) as the post's sensor readings name them."""
_PROTOS: Any = None


_PARSERS: Any = None  # Position.FromString, Telemetry.FromString, once imported


def protos() -> Any:
    """The package's mesh and telemetry protobuf modules, imported on first use (importing
    ``meshtastic`` takes ~0.1 s: only a post with a Meshtastic node pays it)."""
    global _PROTOS, _PARSERS
    if _PROTOS is None:
        from google.protobuf.message import DecodeError
        from meshtastic.protobuf import mesh_pb2, telemetry_pb2

        _PARSERS = (mesh_pb2.Position.FromString, telemetry_pb2.Telemetry.FromString)
        _PROTOS = (mesh_pb2, telemetry_pb2, DecodeError)
    return _PROTOS


def number_of(packet: Any, now: datetime) -> int:
    """The report number of a packet: the second it was heard, modulo 65536."""
    return int(packet.rx_time or now.timestamp()) % 65536


def heard_at(seconds: int, now: datetime) -> datetime:
    """A node's time stamp (epoch seconds), or ``now`` when it has none."""
    return datetime.fromtimestamp(seconds, UTC) if seconds > 0 else now


def recipient_call(to: int, channel: int, own: int) -> str:
    """Who a text was for, in the comms log's words."""
    if to == BROADCAST_NUM:
        return channel_call(channel)
    return mesh_call(to if to else own)


def packet_frames(
    packet: Any,
    raw: bytes,
    now: datetime,
    link: str,
    own: int,
    node: NodeEntry,
    names: Any = None,
    decoded: Any = None,
) -> list[RawFrame]:
    """The RawFrames a decoded MeshPacket (mesh_pb2) becomes; [] for packets with no record
    (node info, routing, admin, other apps, packets encrypted for a channel we lack).
    ``node`` is the sender's entry in the node database: a position gives it its battery,
    and what the packet says (position, battery, names) is written back into it (a name
    through ``names``, the NodeDatabase, when given, so it notes the change). ``decoded``:
    ``packet.decoded`` when the caller has it already (each access costs)."""
    if _PARSERS is None:
        protos()
    if decoded is None:
        decoded = packet.decoded  # an encrypted packet's is empty: port 0, no record
    port = decoded.portnum
    try:
        if port == POSITION_APP:
            data = _position(packet, decoded.payload, node, now)
        elif port == TELEMETRY_APP:
            data = _telemetry(packet, decoded.payload, node, now)
        elif port == TEXT_APP:
            data = _text(packet, decoded.payload, node.num, own, now)
        elif port == NODEINFO_APP:
            user = protos()[0].User.FromString(decoded.payload)
            if names is None:
                node.long_name, node.short_name = user.long_name, user.short_name
            else:
                names.name(node, user.long_name, user.short_name)
            return []
        else:
            return []
    except (
        protos()[2],
        ValueError,
        OverflowError,
    ) as exc:  # a payload that does not decode, or says nonsense
        return [
            RawFrame(
                raw,
                now,
                link,
                mesh_address(node.num),
                error=fitted(
                    said(
                        N_("meshtastic port {port}: {error}"),
                        port=port,
                        error=getattr(exc, "stored", None) or str(exc),
                    ),
                    300,
                ),
            )
        ]
    address, rssi, snr = mesh_address(node.num), packet.rx_rssi or None, packet.rx_snr or None
    if len(data) == 1:
        return [RawFrame(raw, now, link, address, data[0], rssi, snr)]
    return [RawFrame(raw, now, link, address, d, rssi, snr) for d in data]


def _text(packet: Any, payload: bytes, sender: int, own: int, now: datetime) -> list[bytes]:
    if not payload.decode("utf-8", "replace").strip():
        return []
    recipient = recipient_call(packet.to, packet.channel, own)
    return [fragment(mesh_call(sender), recipient, number_of(packet, now), 1, 1, payload)]


def fragment(sender: str, recipient: str, number: int, index: int, total: int, body: bytes) -> bytes:
    """A ``T1`` fragment ``index``/``total`` of message ``number`` (a text heard in parts),
    as ``fp.encode_text`` frames one (a test compares the two)."""
    head = f"T{fp.VERSION}|{sender}|{recipient}|{number}|{fp.Precedence.ROUTINE.value}|{index}/{total}|"
    return _seal(head + fp.escape(body))


def _position(packet: Any, payload: bytes, node: NodeEntry, now: datetime) -> list[bytes]:
    pos = _PARSERS[0](payload)
    lat_i, lon_i = pos.latitude_i, pos.longitude_i
    if not lat_i and not lon_i:
        return []  # the node has no fix yet
    lat, lon = lat_i * 1e-7, lon_i * 1e-7
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"position {lat}, {lon} is not on Earth")
    node.lat, node.lon = lat, lon
    heard = packet.rx_time or int(now.timestamp())  # number_of and epoch_of, without the calls
    battery = node.battery
    batt = "" if battery is None else str(battery)
    # fp.encode_position's frame, built without its checks (a test compares the two)
    return [
        _seal(
            f"P{fp.VERSION}|{_call(node.num)}|{heard % 65536}|{lat:.5f}|{lon:.5f}|{pos.time or heard}|{batt}"
        )
    ]


def battery_level(level: int) -> int | None:
    """A DeviceMetrics battery level as a percentage; 101 means powered (no battery reading)."""
    return level if 0 <= level <= 100 else None


def _telemetry(packet: Any, payload: bytes, node: NodeEntry, now: datetime) -> list[bytes]:
    tel = _PARSERS[1](payload)
    variant = tel.WhichOneof("variant")
    if variant == "device_metrics":
        dm = tel.device_metrics
        if dm.HasField("battery_level") and battery_level(dm.battery_level) is not None:
            node.battery = dm.battery_level
        return []
    if variant != "environment_metrics":
        return []
    call, heard = _call(node.num), packet.rx_time or int(now.timestamp())
    head, tail = f"S{fp.VERSION}|{call}|{heard % 65536}|{call}|", f"|{tel.time or heard}"
    out = []
    for fd, value in tel.environment_metrics.ListFields():
        named = _ENVIRONMENT_FIELDS.get(fd.name)
        if named is not None and type(value) in _NUMBERS and math.isfinite(value):
            out.append(_seal(f"{head}{named[0]}|{float(value)!r}|{named[1]}{tail}"))
    return out


_NUMBERS = frozenset({int, float})
_ENVIRONMENT_FIELDS = {name: (kind, fp.escape(unit.encode())) for name, (kind, unit) in ENVIRONMENT.items()}
"""ENVIRONMENT with each unit as the payload carries it (``%`` is ``%25``), worked out once."""
_CALLS: dict[int, str] = {}


def _call(num: int) -> str:
    """``mesh_call``, remembered per node (a few hundred at most; forgotten past 4,096)."""
    call = _CALLS.get(num)
    if call is None:
        if len(_CALLS) >= 4096:
            _CALLS.clear()
        call = _CALLS[num] = mesh_call(num)
    return call


def _seal(body: str) -> bytes:
    """A field payload frame from a body built here (fp.encode_sensor's output, without its
    checks: the call, kinds and units are ours and valid by construction; a test compares)."""
    raw = body.encode("ascii")
    return raw + b"*%04X" % crc_hqx(raw, 0xFFFF)
