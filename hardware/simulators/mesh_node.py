"""A simulated Meshtastic node on a pseudo-terminal or a loopback TCP port.

Built from the ``meshtastic`` package's protobufs and speaking the real stream framing
(``0x94 0xC3`` and a 16-bit big-endian length), it answers the configuration exchange
(my_info, node infos, channels, configs, ``config_complete_id``), takes texts into a queue
it reports with ``QueueStatus``, acknowledges them as the firmware does (an implicit ACK
when a neighbour relays, then the destination's ACK, or a routing error for a node it has
no route to), and "hears" a handful of neighbours moving around the neighbourhood: their
positions, device and environment telemetry, and now and then a text. Between frames it
prints debug log lines, as a node with its serial log on does, some of them holding the
magic bytes; ``reboot_every`` makes it reboot now and then (``rebooted``, then silence on
the API until the console asks for the configuration again).

Tests drive it deterministically: a seeded RNG, ``emit_*``, ``inject_bytes``,
``stall_config``, ``queue_full``, ``reboot``, ``unplug``/``replug``; benchmarks use
``stream``.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from meshtastic.protobuf import channel_pb2, config_pb2, mesh_pb2, portnums_pb2, telemetry_pb2

from ops_console.hardware.mesh import parts
from ops_console.hardware.protocols import meshtastic_stream as stream
from ops_console.hardware.simulators.device import SimulatedDevice, arguments, centre_of, serve
from ops_console.hardware.simulators.endpoints import PtyEndpoint, TcpEndpoint

log = logging.getLogger(__name__)

BROADCAST = 0xFFFFFFFF
QUEUE_SLOTS = 16
QUEUE_FULL_ERRNO = 32
"""The firmware's ERRNO_UNKNOWN: what its QueueStatus.res says when a packet is not queued."""


@dataclass
class Neighbour:
    """A simulated node of the mesh: its number, names, where it is and its battery."""

    num: int
    long_name: str
    short_name: str
    lat: float = 0.0
    lon: float = 0.0
    battery: int = 90
    reachable: bool = True  # False: texts to it end in a routing error (no route)
    sensors: bool = False  # it carries environment sensors (most handsets do not)


DEFAULT_NEIGHBOURS = (
    Neighbour(0x1A2B3C01, "Search team Alpha", "ALFA"),
    Neighbour(0x1A2B3C02, "Shelter school", "SHEL", sensors=True),
    Neighbour(0x9A2B3C03, "River watch", "RIVR", sensors=True),  # above 2**31: the signed-address case
    Neighbour(0x1A2B3C04, "Medic bike", "MEDB"),
    Neighbour(0x1A2B3C05, "Hill relay", "HILL", reachable=False),
)
OWN = Neighbour(0xC0FFEE01, "Command post", "CP")
DEBUG_LINES = (
    b"DEBUG | 12:00:01 [Router] Rx: received packet from 0x1a2b3c01\r\n",
    b"INFO  | 12:00:02 [Power] Battery: usbPower=1, isCharging=0, batMv=4150\r\n",
    b"DEBUG | 12:00:03 [RadioIf] Lora RX (id=0x5f2 fr=0x01 to=0xff, WantAck=0, HopLim=3)\r\n",
)
MAGIC_LINE = b"DEBUG | 12:00:04 [Serial] stray bytes \x94\xc3\x00\x10 in the log\r\n"
"""A log line that holds the magic and a small length: the reader must not lose frames to it."""


class SimulatedMeshNode(SimulatedDevice):
    """One simulated node; ``start()`` it, point a SerialLink at ``port_url``, ``stop()`` it."""

    thread_name = "sim-mesh-traffic"

    def __init__(
        self,
        *,
        transport: str = "pty",
        tcp_port: int = 0,
        seed: int = 0,
        neighbours: Sequence[Neighbour] = DEFAULT_NEIGHBOURS,
        centre: tuple[float, float] = (47.3769, 8.5417),
        interval: float | None = None,
        debug_rate: float = 0.3,
        reboot_every: float | None = None,
        ack_delay: float = 0.05,
        endpoint: PtyEndpoint | TcpEndpoint | None = None,
    ) -> None:
        super().__init__(transport=transport, tcp_port=tcp_port, interval=interval, endpoint=endpoint)
        self.rng = random.Random(seed)
        self.own = OWN
        self.centre = centre
        self.neighbours = [Neighbour(**vars(n)) for n in neighbours]
        for n in self.neighbours:
            n.lat = centre[0] + self.rng.uniform(-0.01, 0.01)
            n.lon = centre[1] + self.rng.uniform(-0.015, 0.015)
        self.debug_rate, self.reboot_every, self.ack_delay = debug_rate, reboot_every, ack_delay
        self._booted_at = time.monotonic()  # for ``reboot_every``
        self.stall_config = False  # True: never send config_complete_id (a node stuck in start-up)
        self.queue_full = False  # True: the transmit queue has no room and takes nothing
        self.auto_ack = True  # False: texts are acknowledged only when a test calls ``acknowledge``
        self.lost = 0
        self.lose_packets = 0  # this many next packets from the console vanish (the port closed)
        self.api_on = False  # the console asked for the configuration since the last reboot
        self.received: list[mesh_pb2.MeshPacket] = []  # texts the console sent, in order
        self.want_configs = 0
        self._framer = stream.StreamFramer()
        self._next_id = self.rng.getrandbits(31)

    def unplug(self) -> None:
        super().unplug()
        self.api_on = False

    # -- test and benchmark hooks --------------------------------------------------------

    def send_from_radio(self, msg: mesh_pb2.FromRadio) -> bool:
        """Write one FromRadio frame."""
        return self.inject_bytes(stream.encode(msg.SerializeToString()))

    def reboot(self) -> None:
        """The node restarts: it says so, then speaks no API until asked for its configuration."""
        self.send_from_radio(mesh_pb2.FromRadio(rebooted=True))
        self.inject_bytes(b"INFO  | 00:00:00 [Main] Booting Meshtastic firmware (simulated)\r\n")
        self.api_on = False

    def wait_for_texts(self, count: int, timeout: float) -> bool:
        return self._wait(lambda: len(self.received) >= count, timeout)

    def wait_for_lost(self, count: int, timeout: float) -> bool:
        return self._wait(lambda: self.lost >= count, timeout)

    def wait_for_configs(self, count: int, timeout: float) -> bool:
        return self._wait(lambda: self.want_configs >= count, timeout)

    def packet(self, sender: Neighbour, port: int, payload: bytes, to: int = BROADCAST) -> mesh_pb2.FromRadio:
        """A FromRadio holding a packet ``sender`` sent (as our node heard it)."""
        self._next_id = (self._next_id + 1) & 0xFFFFFFFF or 1
        pkt = mesh_pb2.MeshPacket(
            to=to, id=self._next_id, rx_time=int(time.time()), rx_snr=6.5, rx_rssi=-70, hop_limit=3
        )
        setattr(pkt, "from", sender.num)
        pkt.decoded.portnum = port  # type: ignore[assignment]
        pkt.decoded.payload = payload
        return mesh_pb2.FromRadio(packet=pkt)

    def position_of(self, n: Neighbour) -> mesh_pb2.FromRadio:
        pos = mesh_pb2.Position(
            latitude_i=round(n.lat * 1e7), longitude_i=round(n.lon * 1e7), altitude=420, time=int(time.time())
        )
        return self.packet(n, portnums_pb2.POSITION_APP, pos.SerializeToString())

    def device_telemetry_of(self, n: Neighbour) -> mesh_pb2.FromRadio:
        tel = telemetry_pb2.Telemetry(time=int(time.time()))
        tel.device_metrics.battery_level = n.battery
        tel.device_metrics.voltage = 3.3 + n.battery / 100
        return self.packet(n, portnums_pb2.TELEMETRY_APP, tel.SerializeToString())

    def environment_of(self, n: Neighbour) -> mesh_pb2.FromRadio:
        tel = telemetry_pb2.Telemetry(time=int(time.time()))
        env = tel.environment_metrics
        env.temperature = round(self.rng.uniform(4.0, 14.0), 1)
        env.relative_humidity = round(self.rng.uniform(60, 95), 1)
        env.barometric_pressure = round(self.rng.uniform(990, 1020), 1)
        return self.packet(n, portnums_pb2.TELEMETRY_APP, tel.SerializeToString())

    def text_from(self, n: Neighbour, text: str, to: int = BROADCAST) -> mesh_pb2.FromRadio:
        return self.packet(n, portnums_pb2.TEXT_MESSAGE_APP, text.encode(), to)

    def texts_from(self, n: Neighbour, text: str, to: int = BROADCAST) -> list[mesh_pb2.FromRadio]:
        """A text as a Meshtastic app that splits long texts sends it: one packet per part,
        each ``(i/n) `` and a piece of at most 233 bytes (hardware/mesh/parts.py)."""
        return [self.packet(n, portnums_pb2.TEXT_MESSAGE_APP, p, to) for p in parts.split(text)]

    def emit_traffic(self, events: int = 1) -> None:
        """The next ``events`` things heard on the mesh (neighbours move a little each time)."""
        for _ in range(events):
            n = self.rng.choice(self.neighbours)
            n.lat += self.rng.uniform(-0.0004, 0.0004)
            n.lon += self.rng.uniform(-0.0006, 0.0006)
            n.battery = max(5, n.battery - (1 if self.rng.random() < 0.1 else 0))
            roll = self.rng.random()
            if roll < 0.45:
                msg = self.position_of(n)
            elif roll < 0.65:
                msg = self.device_telemetry_of(n)
            elif roll < 0.85:
                msg = self.environment_of(n) if n.sensors else self.device_telemetry_of(n)
            else:
                msg = self.text_from(n, self.rng.choice(TEXTS))
            if self.rng.random() < self.debug_rate:
                self.inject_bytes(self.rng.choice(DEBUG_LINES if self.rng.random() < 0.9 else (MAGIC_LINE,)))
            if self.api_on:
                self.send_from_radio(msg)

    def stream(self, count: int, batch: int = 200) -> int:
        """Write ``count`` packets (positions and telemetry) as fast as the port takes them."""
        sent = 0
        while sent < count and not self._stop.is_set():
            size = min(batch, count - sent)
            blob = b"".join(
                stream.encode(self._bulk(i).SerializeToString()) for i in range(sent, sent + size)
            )
            if not self.inject_bytes(blob):
                break
            sent += size
        return sent

    def _bulk(self, i: int) -> mesh_pb2.FromRadio:
        n = self.neighbours[i % len(self.neighbours)]
        n.lat += 1e-5
        return self.position_of(n) if i % 3 else self.environment_of(n)

    # -- the node ------------------------------------------------------------------------

    def tick(self) -> None:
        """One scheduled event: the next thing heard on the mesh, and now and then a reboot."""
        self.emit_traffic(1)
        if self.reboot_every and time.monotonic() - self._booted_at >= self.reboot_every:
            self._booted_at = time.monotonic()
            self.reboot()

    def _on_bytes(self, data: bytes) -> None:
        for item in self._framer.feed(data):
            if isinstance(item, stream.Frame):
                try:
                    msg = mesh_pb2.ToRadio.FromString(item.payload)
                except Exception:  # noqa: BLE001 - the firmware ignores what it cannot decode
                    continue
                self._to_radio(msg)

    def _to_radio(self, msg: mesh_pb2.ToRadio) -> None:
        variant = msg.WhichOneof("payload_variant")
        if variant == "want_config_id":
            with self._cond:
                self.want_configs += 1
                self._cond.notify_all()
            self._send_config(msg.want_config_id)
        elif variant == "packet":
            if self.lose_packets > 0:
                with self._cond:
                    self.lose_packets -= 1
                    self.lost += 1
                    self._cond.notify_all()
                return
            self._take(msg.packet)

    def _send_config(self, config_id: int) -> None:
        out = [mesh_pb2.FromRadio(my_info=mesh_pb2.MyNodeInfo(my_node_num=self.own.num, reboot_count=1))]
        for n in (self.own, *self.neighbours):
            info = mesh_pb2.NodeInfo(num=n.num, last_heard=int(time.time()), snr=5.0)
            info.user.id = f"!{n.num:08x}"
            info.user.long_name, info.user.short_name = n.long_name, n.short_name
            if n is not self.own:
                info.position.latitude_i, info.position.longitude_i = round(n.lat * 1e7), round(n.lon * 1e7)
                info.device_metrics.battery_level = n.battery
            out.append(mesh_pb2.FromRadio(node_info=info))
        out.append(
            mesh_pb2.FromRadio(
                channel=channel_pb2.Channel(
                    index=0, role=channel_pb2.Channel.PRIMARY, settings=channel_pb2.ChannelSettings(name="")
                )
            )
        )
        lora = config_pb2.Config(
            lora=config_pb2.Config.LoRaConfig(region=config_pb2.Config.LoRaConfig.EU_868)
        )
        out.append(mesh_pb2.FromRadio(config=lora))
        if not self.stall_config:
            out.append(mesh_pb2.FromRadio(config_complete_id=config_id))
            self.api_on = True
        frames = [stream.encode(m.SerializeToString()) for m in out]
        half = len(frames) // 2  # a log line between two frames, as a node with its log on writes
        self.inject_bytes(b"".join(frames[:half]) + DEBUG_LINES[0] + b"".join(frames[half:]))

    def _take(self, pkt: mesh_pb2.MeshPacket) -> None:
        """A packet from the console: into the queue (QueueStatus), then acked or failed."""
        if self.queue_full:  # refused: an error code and no room
            qs = mesh_pb2.QueueStatus(res=QUEUE_FULL_ERRNO, free=0, maxlen=QUEUE_SLOTS, mesh_packet_id=pkt.id)
            self.send_from_radio(mesh_pb2.FromRadio(queueStatus=qs))
            return
        qs = mesh_pb2.QueueStatus(res=0, free=QUEUE_SLOTS - 1, maxlen=QUEUE_SLOTS, mesh_packet_id=pkt.id)
        self.send_from_radio(mesh_pb2.FromRadio(queueStatus=qs))
        with self._cond:
            self.received.append(pkt)
            self._cond.notify_all()
        if pkt.want_ack and self.auto_ack:
            t = threading.Timer(self.ack_delay, self.acknowledge, (pkt,))
            t.daemon = True
            t.start()

    def acknowledge(self, pkt: mesh_pb2.MeshPacket) -> None:
        """What the mesh says of a text the console sent: the implicit ACK and the
        destination's ACK, or a routing error for a node it has no route to."""
        if self._stop.is_set():
            return
        dest = next((n for n in self.neighbours if n.num == pkt.to), None)
        if pkt.to != BROADCAST and (dest is None or not dest.reachable):
            self.send_from_radio(self._routing(self.own, pkt.id, mesh_pb2.Routing.MAX_RETRANSMIT))
            return
        self.send_from_radio(self._routing(self.own, pkt.id, mesh_pb2.Routing.NONE))  # implicit ACK
        if dest is not None:
            self.send_from_radio(self._routing(dest, pkt.id, mesh_pb2.Routing.NONE))

    def _routing(self, sender: Neighbour, request_id: int, error: int) -> mesh_pb2.FromRadio:
        msg = self.packet(
            sender,
            portnums_pb2.ROUTING_APP,
            mesh_pb2.Routing(error_reason=error).SerializeToString(),
            self.own.num,
        )
        msg.packet.decoded.request_id = request_id
        return msg


TEXTS = (
    "Road blocked at the bridge, turning back",
    "Two people at the school need a ride",
    "Water is rising at the footbridge",
    "All good at the shelter",
    "Need more sandbags at the river",
)


def main(argv: Sequence[str] | None = None) -> int:
    """``ops-console simulate meshtastic``: serve a simulated Meshtastic node until Ctrl+C."""
    parser = arguments(
        "ops-console simulate meshtastic",
        __doc__.split("\n")[0],
        "seconds between packets heard",
        "LAT,LON the neighbours move around",
    )
    parser.add_argument("--reboot-every", type=float, default=None, help="reboot every this many seconds")
    args = parser.parse_args(argv)

    def make() -> SimulatedMeshNode:
        return SimulatedMeshNode(
            transport="tcp" if args.tcp is not None else "pty",
            tcp_port=args.tcp or 0,
            seed=args.seed,
            centre=centre_of(args.centre),
            interval=args.interval,
            reboot_every=args.reboot_every,
        )

    return serve(make, "Meshtastic node simulator on {url}  (Ctrl+C to stop)")


if __name__ == "__main__":
    raise SystemExit(main())
