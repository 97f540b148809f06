"""MeshNode: drives a Meshtastic node over our SerialLink (the transaction layer).

The ``meshtastic`` package's own SerialInterface reads the port on a thread of its own and
does not reconnect (its users ask for it in its tracker); ours must, and the post's link
layer already does, with its counters and state. So this driver takes only the package's
protobufs and speaks the stream API itself over a SerialLink:
- on every connect, and after the node says it rebooted, the configuration exchange:
  ``ToRadio.want_config_id`` → my_info, node infos, channels, configs → ``config_complete_id``
  with our id; a node that never finishes it is retried, then shown as not responding and
  asked again every ``probe_interval`` (the texts wait);
- the node database is mirrored (``nodes()``) from the node infos and from what is heard;
- packets become the RawFrames the ingest stores (frames.py); bytes that are no frame
  (the debug log) are counted and their lines kept (``debug_lines()``) for the Devices
  dialog; a header or protobuf that does not decode is counted and skipped, never fatal;
- texts go out when the node's queue has room (``QueueStatus.free``): the queue is waited
  for on the driver's thread with a timeout, never by blocking the caller, whose Future
  fails with words when the queue stays full for ``queue_timeout`` seconds; a text the
  node has not confirmed taking (``QueueStatus`` with its id) is written again after a
  reconnect or reboot, so a port that closes right after the write loses nothing;
- delivery of texts sent with want-ack is reported honestly (``on_delivery``): an ACK
  from the destination is "delivered", one our own node makes on hearing a neighbour
  rebroadcast it (implicit ACK) only "relayed", a routing error is said in words.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ops_console.hardware.lora.airtime import Modulation
from ops_console.hardware.lora.status import ModemStatus
from ops_console.hardware.lora.types import ModemState, ModemStats, RawFrame
from ops_console.hardware.mesh import frames as mf
from ops_console.hardware.mesh import parts
from ops_console.hardware.mesh.nodedb import NodeDatabase
from ops_console.hardware.mesh.types import (
    BROADCAST_NUM,
    DATA_PAYLOAD_LEN,
    Delivery,
    DeliveryReport,
    MeshNodeInfo,
    MeshSendError,
    MeshSent,
    mesh_address,
    mesh_call,
    node_id,
    routing_words,
)
from ops_console.hardware.protocols import meshtastic_stream as stream
from ops_console.hardware.transport.link_state import LinkState, link_words
from ops_console.hardware.transport.serial_link import SerialLink
from ops_console.said import N_, said

log = logging.getLogger(__name__)

WAKE = bytes([stream.START2]) * 32
"""What the package's StreamInterface sends first: wakes a sleeping node's serial API."""
HEARTBEAT_S = 300.0
"""The package sends a heartbeat this often so the node keeps the API (not the log) on."""
QUEUE_PROBE_S = 1.0
"""With the node's queue full, the next text is offered again this often: the node answers
each packet with its queue status, and says nothing when room frees up."""
_RECENT = 512
"""(sender, packet id) pairs remembered to drop a packet heard twice."""


@dataclass(eq=False)
class _Outgoing:
    packet_id: int
    to: int
    channel: int
    frame: bytes
    length: int
    want_ack: bool
    future: Future
    queued_at: float
    written_at: float | None = None
    tickets: list[Any] = field(default_factory=list)


class MeshNode:
    """The driver. ``on_frames(list[RawFrame])`` is called on the link's reader thread once
    per read chunk with what it heard; ``on_state(ModemState, detail)`` and
    ``on_delivery(DeliveryReport)`` on the link's or the driver's thread. Callback
    exceptions are logged and counted, never propagated."""

    def __init__(
        self,
        link: SerialLink,
        *,
        on_frames: Callable[[list[RawFrame]], None] | None = None,
        on_state: Callable[[ModemState, str], None] | None = None,
        on_delivery: Callable[[DeliveryReport], None] | None = None,
        on_names: Callable[[list[MeshNodeInfo]], None] | None = None,
        config_timeout: float = 10.0,
        config_retries: int = 2,
        probe_interval: float = 5.0,
        queue_timeout: float = 20.0,
        accept_timeout: float = 5.0,
        debug_lines: int = 200,
        part_timeout: float = parts.PART_TIMEOUT_S,
    ) -> None:
        self.link = link
        self.on_frames, self.on_delivery, self.on_names = on_frames, on_delivery, on_names
        self._names_told, self._names_retry_at = 0, 0.0
        self.config_timeout, self.config_retries = config_timeout, config_retries
        self.probe_interval, self.queue_timeout, self.accept_timeout = (
            probe_interval,
            queue_timeout,
            accept_timeout,
        )
        self.modulation = Modulation()  # the router's Transmitter protocol; the node keeps its own duty cycle
        self.status = ModemStatus(link.name, on_state, log, "meshtastic node")
        self._framer = stream.StreamFramer(self._decode)
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._needs_config = True
        self._config_id = 0
        self._configured = False
        self._config_items = 0
        self.db = NodeDatabase(debug_lines)  # the mesh as the node told it and as heard since
        self._nodes_get = self.db.lookup  # the reader's quick way to a node it has seen
        self.channels: dict[int, str] = {}
        self._outgoing: deque[_Outgoing] = deque()
        self._unconfirmed: OrderedDict[int, _Outgoing] = OrderedDict()  # written, not yet taken by the node
        self._awaiting: dict[int, int] = {}  # packet id → destination, until its delivery is known
        self._free: int | None = None  # the node's free queue slots (None: not told yet)
        self._full_since: float | None = None
        self._free_at = 0.0  # when the node last told its queue status
        self._recent: OrderedDict[tuple[int, int], None] = OrderedDict()
        self.text_parts = parts.PartCollector(part_timeout)  # texts heard in parts (link thread adds)
        self._parts_lock = threading.Lock()
        self._parts_checked = 0.0
        self._last_write = 0.0
        self._thread = threading.Thread(target=self._run, name=f"mesh-{link.name}", daemon=True)
        link.on_data, link.on_state = self._on_data, self._on_link_state

    # -- public API ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the link and the driver thread; the configuration exchange follows."""
        self.link.start()
        self._thread.start()

    def send_text(self, text: str, to: int | None = None, channel: int = 0, want_ack: bool = True) -> Future:
        """Queue a text for a node (``to``) or the channel (``to=None``); one longer than a
        packet carries goes as parts (parts.py), each its own packet. The Future gives a
        MeshSent once the node took every part into its queue, or a MeshSendError with the
        reason; what became of each packet later comes through ``on_delivery``."""
        data = text.encode("utf-8")
        try:
            payloads = parts.split(text, DATA_PAYLOAD_LEN)
        except ValueError as exc:
            why = said(N_("{why}; shorten it"), why=getattr(exc, "stored", None) or str(exc))
            self.status.note_error("too_large", why)
            future: Future = Future()
            future.set_exception(MeshSendError(why, "too_large"))
            return future
        dest = BROADCAST_NUM if to is None else to & 0xFFFFFFFF
        outs = [self._outgoing_for(p, dest, channel, want_ack) for p in payloads]
        future = outs[0].future if len(outs) == 1 else self._all_taken(outs, dest, channel, len(data))
        with self._cond:
            if self._stop.is_set():
                for out in outs:
                    out.future.set_exception(MeshSendError(said(N_("driver closed")), "closed"))
                return future
            self._outgoing.extend(outs)
            self._cond.notify_all()
        return future

    @staticmethod
    def _outgoing_for(payload: bytes, dest: int, channel: int, want_ack: bool) -> _Outgoing:
        from meshtastic.protobuf import mesh_pb2

        packet_id = random.getrandbits(32) or 1
        packet = mesh_pb2.MeshPacket(to=dest, channel=channel, id=packet_id, want_ack=want_ack)
        packet.decoded.portnum = mf.TEXT_APP
        packet.decoded.payload = payload
        frame = stream.encode(mesh_pb2.ToRadio(packet=packet).SerializeToString())
        return _Outgoing(packet_id, dest, channel, frame, len(payload), want_ack, Future(), time.monotonic())

    def _all_taken(self, outs: list[_Outgoing], dest: int, channel: int, length: int) -> Future:
        """One Future for the parts of a text: a MeshSent when the node took them all; the
        first part's failure fails it, and the parts not yet written are not sent."""
        whole: Future = Future()
        lock, left = threading.Lock(), [len(outs)]

        def taken(part: Future) -> None:
            exc = part.exception()
            with lock:
                if whole.done():
                    return
                if exc is None:
                    left[0] -= 1
                    if left[0]:
                        return
                    ids = tuple(o.packet_id for o in outs)
                    whole.set_result(MeshSent(ids[0], dest, channel, length, ids))
                    return
                whole.set_exception(exc)
            self._drop_parts(outs, exc)

        for out in outs:
            out.future.add_done_callback(taken)
        return whole

    def _drop_parts(self, outs: list[_Outgoing], exc: BaseException) -> None:
        """The other parts of a text one part of which failed: those still waiting are not sent."""
        with self._cond:
            waiting = [o for o in outs if o in self._outgoing]
            for o in waiting:
                self._outgoing.remove(o)
                self._awaiting.pop(o.packet_id, None)
        for o in waiting:
            if not o.future.done():
                o.future.set_exception(
                    MeshSendError(
                        said(
                            N_("another part of the text was not sent: {why}"),
                            why=getattr(exc, "stored", None) or str(exc),
                        ),
                        "refused",
                    )
                )

    @property
    def state(self) -> ModemState:
        return self.status.state

    def stats(self) -> ModemStats:
        """A snapshot for the UI: state, counters by kind and the link's snapshot."""
        return self.status.snapshot(self.link.stats())

    def wait_for_state(self, state: ModemState, timeout: float) -> bool:
        return self.status.wait_for(state, timeout)

    @property
    def own(self) -> int:
        """Our node's number (from my_info)."""
        return self.db.own

    def nodes(self) -> list[MeshNodeInfo]:
        """The node database as the node told it and as heard since, our own node first."""
        return self.db.nodes()

    def debug_lines(self) -> list[str]:
        """The node's latest debug log lines (bytes between frames), oldest first."""
        return self.db.debug_lines()

    def close(self) -> None:
        """Stop the driver thread, fail what was not handed over, close the link."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(5.0)
        with self._cond:
            left = [*self._outgoing, *self._unconfirmed.values()]
            self._outgoing.clear()
            self._unconfirmed.clear()
        for out in left:
            if not out.future.done():
                out.future.set_exception(
                    MeshSendError(said(N_("driver closed before the node took the text")), "closed")
                )
        self.link.close()
        self.status.set(ModemState.CLOSED, said(N_("closed")))

    # -- link thread: bytes in -----------------------------------------------------------

    def _decode(self, payload: bytes) -> Any:
        """A candidate frame's (variant, FromRadio), or None when it holds none (the framer
        asks); the variant travels with it, so it is asked for once per frame."""
        pb = mf.protos()  # imported on the link's thread the first time
        try:
            msg = pb[0].FromRadio.FromString(payload)
        except (pb[2], ValueError, RuntimeError):
            return None
        variant = msg.WhichOneof("payload_variant")
        return None if variant is None else (variant, msg)

    def _on_data(self, chunk: bytes) -> None:
        now = datetime.now(UTC)
        heard: list[RawFrame] = []
        for item in self._framer.feed(chunk):
            kind = type(item)
            if kind is stream.Frame:
                variant, msg = item.message  # type: ignore[union-attr]
                if variant == "packet":  # nearly every frame
                    self._packet(msg.packet, item.raw, now, heard)  # type: ignore[union-attr]
                else:
                    self._from_radio(variant, msg)
            elif kind is stream.Noise:
                self.status.count("debug_bytes", len(item.data))  # type: ignore[union-attr]
                self.db.noise(item.data)  # type: ignore[union-attr]
            else:
                self.status.note_error(
                    "bad_frame",
                    said(N_("{why}: {bytes}"), why=item.reason, bytes=item.raw[:24].hex()),  # type: ignore[union-attr]
                )
                self.link.add_error()
        if heard:
            good = sum(1 for f in heard if f.error is None)
            self.status.count("frames", good)
            self.link.add_frames(good)
            if self.on_frames is not None:
                self.status.guard(self.on_frames, heard)

    def _from_radio(self, variant: str, msg: Any) -> None:
        """A FromRadio that is not a packet: the configuration exchange, queue, reboot, log."""
        if variant == "queueStatus":
            self._queue_status(msg.queueStatus)
        elif variant == "my_info":
            self.db.own = msg.my_info.my_node_num
            self._config_items += 1
        elif variant == "node_info":
            self.db.node_info(msg.node_info)
            self._config_items += 1
        elif variant == "channel":
            ch = msg.channel
            self.channels[ch.index] = ch.settings.name
            self._config_items += 1
        elif variant == "config_complete_id":
            self._config_complete(msg.config_complete_id)
        elif variant == "rebooted":
            self.status.note_error(
                "reboot", said(N_("the node rebooted; asking for its configuration again"))
            )
            with self._cond:
                self._needs_config, self._configured = True, False
                self._cond.notify_all()
        elif variant == "log_record":
            self.db.log_record(msg.log_record.source, msg.log_record.message)
        else:
            self._config_items += 1  # config, moduleConfig, metadata, ...: the node's settings

    def _config_complete(self, config_id: int) -> None:
        with self._cond:
            if config_id != self._config_id or self._configured:
                return  # an answer to an earlier request
            self._configured = True
            count = len(self.db)
            self._cond.notify_all()
        self.status.set(
            ModemState.READY,
            said(
                N_("configured: node {node}, {count} nodes known"), node=self.db.label(self.own), count=count
            ),
        )

    def _packet(self, packet: Any, raw: bytes, now: datetime, heard: list[RawFrame]) -> None:
        sender, packet_id = getattr(packet, "from"), packet.id
        recent = self._recent
        if packet_id:
            key = (sender, packet_id)
            if key in recent:
                self.status.count("duplicates")
                return
            recent[key] = None
            if len(recent) > _RECENT:
                recent.popitem(last=False)
        entry = self._nodes_get(sender) or self.db.entry(sender)
        entry.last_heard = now
        snr = packet.rx_snr
        if snr:
            entry.snr = snr
        decoded = packet.decoded
        port = decoded.portnum  # 0 (UNKNOWN_APP) for a packet encrypted for a channel we lack
        if port == mf.ROUTING_APP:
            self._routing(packet)
            return
        if port == mf.TEXT_APP:
            part = parts.parse(decoded.payload)
            if part is not None:
                heard.append(self._text_part(packet, raw, now, part))
                return
        heard += mf.packet_frames(packet, raw, now, self.link.name, self.own, entry, self.db, decoded)

    def _text_part(self, packet: Any, raw: bytes, now: datetime, part: tuple[int, int, bytes]) -> RawFrame:
        """One part of a text sent in parts: a fragment of the message its sender's other
        parts belong to (one number for all), which the ingest puts back together."""
        index, total, body = part
        sender = getattr(packet, "from")
        key = (sender, packet.to, packet.channel)
        with self._parts_lock:
            number = self.text_parts.add(key, index, total, body, mf.number_of(packet, now), time.monotonic())
        recipient = mf.recipient_call(packet.to, packet.channel, self.own)
        data = mf.fragment(mesh_call(sender), recipient, number, index, total, body)
        return RawFrame(
            raw,
            now,
            self.link.name,
            mesh_address(sender),
            data,
            packet.rx_rssi or None,
            packet.rx_snr or None,
        )

    def _expire_parts(self, now: float) -> None:
        """Texts whose parts stopped coming: each missing part is handed on as a fragment
        saying it did not arrive, so the message is stored with what did, marked
        incomplete, never dropped. Its raw row is this note, not bytes heard."""
        with self._parts_lock:
            if now - self._parts_checked < 1.0:
                return
            self._parts_checked = now
            gone = self.text_parts.expire(now)
        if not gone:
            return
        heard, at = [], datetime.now(UTC)
        for had in gone:
            sender, to, channel = had.key
            recipient = mf.recipient_call(to, channel, self.own)
            for index in had.missing:
                note = (
                    f"meshtastic: part {index} of {had.total} of a text from {node_id(sender)} "
                    f"not received within {self.text_parts.timeout:.0f} s"
                ).encode()
                data = mf.fragment(mesh_call(sender), recipient, had.number, index, had.total, had.gap(index))
                heard.append(RawFrame(note, at, self.link.name, mesh_address(sender), data))
            self.status.note_error(
                "incomplete_text",
                said(
                    N_(
                        "a text in {total} parts from {sender}: part {missing} not received; stored as incomplete"
                    ),
                    total=had.total,
                    sender=self.db.label(sender),
                    missing=", ".join(map(str, had.missing)),
                ),
            )
        if self.on_frames is not None:
            self.status.guard(self.on_frames, heard)

    def _routing(self, packet: Any) -> None:
        request = packet.decoded.request_id
        try:
            routing = mf.protos()[0].Routing.FromString(packet.decoded.payload)
        except Exception as exc:  # noqa: BLE001 - protobuf's DecodeError
            self.status.note_error(
                "bad_payload", said(N_("routing packet does not decode: {error}"), error=str(exc))
            )
            return
        sender = getattr(packet, "from")
        with self._cond:
            dest = self._awaiting.get(request)
            error = routing.error_reason if routing.WhichOneof("variant") == "error_reason" else 0
            if dest is None and not request:
                return
            if error:
                state, words = Delivery.FAILED, routing_words(error)
            elif sender == dest or (dest is None and sender != self.own):
                # a packet sent before a restart of the console (its pairing is in the
                # outbox's table): an ACK from another node than ours is the recipient's
                state, words = (
                    Delivery.DELIVERED,
                    said(N_("acknowledged by {node}"), node=self.db.label(sender)),
                )
            else:
                state = Delivery.RELAYED
                words = said(N_("a neighbour was heard relaying it; the recipient has not confirmed it"))
                if dest == BROADCAST_NUM:
                    words = said(N_("a neighbour was heard relaying it to the channel"))
            if dest is not None and (state is not Delivery.RELAYED or dest == BROADCAST_NUM):
                del self._awaiting[request]
        if state is Delivery.FAILED:
            self.status.note_error(
                "delivery_failed", said(N_("packet {id}: {words}"), id=f"{request:08x}", words=words)
            )
        if self.on_delivery is not None:
            self.status.guard(self.on_delivery, DeliveryReport(request, state, words, sender))

    def _queue_status(self, qs: Any) -> None:
        with self._cond:
            self._free, self._free_at = qs.free, time.monotonic()
            if qs.free > 0:
                self._full_since = None
            out = self._unconfirmed.pop(qs.mesh_packet_id, None) if qs.mesh_packet_id else None
            self._cond.notify_all()
        if out is None or out.future.done():
            return
        if qs.res == 0:
            self.status.count("sent")
            out.future.set_result(MeshSent(out.packet_id, out.to, out.channel, out.length))
            return
        with self._cond:
            if qs.free == 0 and not self._stop.is_set():  # no room: it waits for room, then goes again
                self._outgoing.appendleft(out)
                self.status.count("queue_full_answers")
                return
            self._awaiting.pop(out.packet_id, None)
        why = said(
            N_("the node refused the text (error {code}, its queue has {free} of {size} free)"),
            code=qs.res,
            free=qs.free,
            size=qs.maxlen,
        )
        self.status.count("send_failures")
        self.status.note_error("refused", why)
        out.future.set_exception(MeshSendError(why, "refused"))

    def _on_link_state(self, state: LinkState, detail: str) -> None:
        dropped = self._framer.reset()
        if dropped:
            self.status.note_error(
                "partial_frame",
                said(
                    N_("{count} bytes of an unfinished frame dropped ({state})"),
                    count=len(dropped),
                    state=link_words(state),
                ),
            )
        with self._cond:
            if state is LinkState.CONNECTED:
                self._needs_config, self._configured, self._free = True, False, None
                self._outgoing.extendleft(reversed(list(self._unconfirmed.values())))  # written again
                self._unconfirmed.clear()
            self._cond.notify_all()
        if state not in (LinkState.CONNECTED, LinkState.CLOSED):
            self.status.set(
                ModemState.LINK_DOWN,
                said(N_("link {state}: {detail}"), state=link_words(state), detail=detail),
            )

    # -- driver thread -------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._expire_parts(time.monotonic())
            self._tell_names(time.monotonic())
            if not self.link.wait_for_state(LinkState.CONNECTED, 0.25):
                continue
            if self._needs_config:
                failures = 0 if self._configure(failures) else failures + 1
                continue
            self._step()

    def _tell_names(self, now: float) -> None:
        """Nodes whose names changed go to ``on_names`` (on this thread, not the reader's:
        the listener writes them down); if it fails, it is told again 30 s later."""
        version = self.db.names_version
        if self.on_names is None or version == self._names_told or now < self._names_retry_at:
            return
        try:
            self.on_names(self.db.nodes())
        except Exception as exc:  # noqa: BLE001 - the listener's database may be away
            self._names_retry_at = now + 30.0
            self.status.note_error(
                "callback", said(N_("node names not stored: {error}"), error=exc.__class__.__name__)
            )
            log.warning("meshtastic node %s: node names not stored (%s)", self.link.name, exc)
            return
        self._names_told = version

    def _configure(self, failures: int) -> bool:
        """One configuration exchange; True when the node finished it."""
        from meshtastic.protobuf import mesh_pb2

        with self._cond:
            self._needs_config, self._configured, self._config_items = False, False, 0
            self._config_id = random.randint(1, 0xFFFFFFFF)
            config_id = self._config_id
        self.status.set(
            ModemState.CONFIGURING, said(N_("asking the node for its configuration (want_config)"))
        )
        want = mesh_pb2.ToRadio(want_config_id=config_id).SerializeToString()
        self.link.send(WAKE + stream.encode(want))
        self._last_write = time.monotonic()
        with self._cond:
            self._cond.wait_for(
                lambda: self._configured or self._needs_config or self._stop.is_set(), self.config_timeout
            )
            if self._configured or self._needs_config or self._stop.is_set():
                return self._configured
            self._needs_config = True
            heard = self._config_items
        why = said(
            N_("the node did not finish its configuration within {seconds} s ({heard} records heard)"),
            seconds=f"{self.config_timeout:.0f}",
            heard=heard,
        )
        self.status.note_error("config_timeout", why)
        if failures + 1 > self.config_retries:
            self.status.set(
                ModemState.NOT_RESPONDING,
                said(
                    N_("{why}; asking again every {seconds} s"), why=why, seconds=f"{self.probe_interval:.0f}"
                ),
            )
            self._stop.wait(self.probe_interval)
        return False

    def _step(self) -> None:
        """Hand the next text to the node when its queue has room; settle old writes."""
        now = time.monotonic()
        self._settle_written(now)
        with self._cond:
            if not self._configured or not self._outgoing:
                self._cond.wait(0.25)
                return
            expired = self._expire(now) if self._free == 0 else []
            if expired:
                out = None
            elif self._free == 0 and now - self._free_at < QUEUE_PROBE_S:
                self._cond.wait(0.25)
                return
            else:  # room, or time to ask again with the next text (the node answers its status)
                expired, out = [], self._outgoing.popleft()
                self._unconfirmed[out.packet_id] = out
                if out.want_ack:
                    self._awaiting[out.packet_id] = out.to
                if self._free == 0:
                    self._free_at = now  # a probe: wait for its answer before the next
                elif self._free is not None:
                    self._free -= 1  # until the node's next QueueStatus says
        for o in expired:
            why = said(
                N_("the node's transmit queue stayed full for {seconds} s; not sent"),
                seconds=f"{self.queue_timeout:.0f}",
            )
            self.status.count("send_failures")
            self.status.note_error("queue_full", why)
            o.future.set_exception(MeshSendError(why, "queue_full"))
        if out is not None:
            out.written_at = None
            out.tickets.append(self.link.send(out.frame))
            self._last_write = now

    def _expire(self, now: float) -> list[_Outgoing]:
        """With the node's queue full: the texts that waited ``queue_timeout`` (under the lock)."""
        self._full_since = self._full_since or now
        if now - self._full_since < self.queue_timeout:
            return []
        expired = [o for o in self._outgoing if now - o.queued_at >= self.queue_timeout]
        for o in expired:
            self._outgoing.remove(o)
        return expired

    def _settle_written(self, now: float) -> None:
        """A written text the node never confirmed (no QueueStatus for it) is taken as sent
        once ``accept_timeout`` passed; a heartbeat keeps an idle node's API on."""
        done = []
        with self._cond:
            for out in list(self._unconfirmed.values()):
                if out.written_at is None and out.tickets and out.tickets[-1].written.is_set():
                    out.written_at = now
                elif out.written_at is not None and now - out.written_at >= self.accept_timeout:
                    del self._unconfirmed[out.packet_id]
                    done.append(out)
        for out in done:
            if not out.future.done():
                self.status.count("sent")
                out.future.set_result(MeshSent(out.packet_id, out.to, out.channel, out.length))
        if now - self._last_write >= HEARTBEAT_S:
            from meshtastic.protobuf import mesh_pb2

            self._last_write = now
            self.link.send(
                stream.encode(mesh_pb2.ToRadio(heartbeat=mesh_pb2.Heartbeat()).SerializeToString())
            )
