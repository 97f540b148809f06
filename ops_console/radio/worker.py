"""The outbox worker: one thread that transmits what the outbox holds, when it may.

Each transmission goes through a READY link the LinkRouter picks (the one a message
names, else where its destination was last heard, else the first with airtime left),
counted against that link's own duty-cycle budget. Field acks for messages we received
go first (they are short and stop the team repeating itself), then the outbox in
precedence order. When every budget is spent it records when the next slot opens
(``next_slot_in``) so the panel can say so, and sleeps until then. Which link sent a
message is stored in its ``link`` column.

A message to a Meshtastic node (``M`` + its number) or channel (``CH0``..) goes through a
READY Meshtastic node instead, and only through one: the mesh keeps its own duty cycle and
retransmits by itself, so the outbox hands the text over once and then records what the
mesh says of it (``mesh_delivery``: relayed, acked, failed in words).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from ops_console.clock import utc_now
from ops_console.hardware.lora.at_modem import AtModem, frame_airtime
from ops_console.hardware.lora.types import ModemError, ModemState
from ops_console.hardware.mesh.types import DeliveryReport, MeshSendError, is_mesh_recipient
from ops_console.hardware.protocols import field_payload as fp
from ops_console.notices import say
from ops_console.radio.airtime_log import AirtimeLog
from ops_console.radio.outbox import Outbox
from ops_console.radio.routing import LinkRouter
from ops_console.radio.views import MessageView
from ops_console.said import N_, said

if TYPE_CHECKING:
    from ops_console.hardware.mesh.node import MeshNode

log = logging.getLogger(__name__)
NOT_ON_AIR = frozenset({"modem_error", "rejected", "key_refused"})
"""ModemError kinds after which the frame certainly did not go out (the modem said +ERR,
or nothing was written): not charged to the duty-cycle budget, not stored as sent."""
IDLE_POLL = 1.0  # seconds: other workstations may queue messages too (shared PostgreSQL)


def preferred_link(msg: MessageView, router: LinkRouter) -> str | None:
    """Where a message should go first.

    A first attempt goes on the link the message names (the operator chose it). A retry
    goes where the node was last heard (it may have answered on the other radio since),
    else on the link that sent it before; otherwise there is no preference.
    """
    if msg.link and msg.attempts == 0:
        return msg.link
    return router.heard_on(msg.node_addr) or msg.link or None


def _database_away(exc: BaseException) -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    from ops_console.db.errors import DatabaseUnavailable, is_environment_fault

    return isinstance(exc, DatabaseUnavailable) or (
        isinstance(exc, SQLAlchemyError) and is_environment_fault(exc)
    )


ACK_QUEUE = 256
"""Acks waiting at most: at the legal 1 % duty cycle a post sends a few hundred acks an
hour, so more than this cannot go out before the teams repeat anyway."""


class OutboxWorker:
    """Drains acks and the outbox through READY links, one budget per link."""

    def __init__(
        self,
        outbox: Outbox,
        modems: Callable[[], list[AtModem]],
        router: LinkRouter,
        *,
        clock: Callable[[], float] = time.monotonic,
        send_timeout: float = 30.0,
        wake_event: threading.Event | None = None,
    ) -> None:
        self.outbox, self.modems, self.clock, self.router = outbox, modems, clock, router
        self.send_timeout = send_timeout
        self.gate: Callable[[], bool] | None = None  # False: not yet (a gateway started without its database)
        self.restore: Callable[[], None] | None = (
            None  # rebuild the budgets from the database, before any send
        )
        self.airtime_log: AirtimeLog | None = None  # where each frame sent is recorded
        self.next_slot_in: float | None = None  # seconds until the budget allows the next message
        self.waiting_for = ""  # why nothing goes out right now ("", "link", "budget")
        self._acks: OrderedDict[tuple[int, str, int], None] = OrderedDict()  # (address, team, number)
        self._acks_lock = threading.Lock()  # the ingest thread queues, this thread sends
        self.acks_dropped = 0  # oldest acks given up in a flood (the teams repeat; the budget cannot keep up)
        self._dropped_said = 0.0
        self.mesh_nodes: Callable[[], list[MeshNode]] = list  # the runtime's Meshtastic nodes
        self._deliveries: list[DeliveryReport] = []  # from the nodes' threads, stored by this one
        self._wake = wake_event or threading.Event()  # the service's LinkBoard sets it after compose/resend
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="radio-outbox", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(5.0)

    def wake(self) -> None:
        """Something changed (new message, link READY, ack): look again now."""
        self._wake.set()

    def mesh_delivery(self, report: DeliveryReport) -> None:
        """A Meshtastic node says what became of a text (called on its link's thread: the
        database write waits for this worker's thread)."""
        with self._acks_lock:
            self._deliveries.append(report)
        self._wake.set()

    def queue_ack(self, address: int, team: str, number: int) -> None:
        """Acknowledge a received message to the team (see ``queue_acks``)."""
        self.queue_acks([(address, team, number)])

    def queue_acks(self, keys: Sequence[tuple[int, str, int]]) -> None:
        """Acknowledge received messages (address, team, number) to their teams, in order
        (called from the ingest thread, once per stored batch: a lock and a wake per batch,
        not per text). The frame is made when it goes out; one waiting ack per message
        (two radios heard it, or a quick repeat); in a flood beyond ACK_QUEUE the oldest
        are given up, counted and logged."""
        if not keys:
            return
        dropped = 0
        with self._acks_lock:
            acks = self._acks
            for key in keys:
                acks[key] = None
                if len(acks) > ACK_QUEUE:
                    acks.popitem(last=False)
                    dropped += 1
        if dropped:
            self.acks_dropped += dropped
            if time.monotonic() - self._dropped_said > 30.0:
                self._dropped_said = time.monotonic()
                log.warning(
                    "radio: %d acks given up so far: more messages to ack than airtime to ack them "
                    "(the teams repeat what is not acked)",
                    self.acks_dropped,
                )
        self._wake.set()

    # -- the thread ------------------------------------------------------------------

    def _run(self) -> None:
        away = ""
        while not self._stop.is_set():
            try:
                delay = self._step()
                away = ""
            except Exception as exc:  # noqa: BLE001 - the database may be away; try again shortly
                delay = 2.0
                if not _database_away(exc):
                    log.exception("radio outbox: step failed")
                    say(
                        self.outbox.bus,
                        "problem",
                        said(N_("The radio outbox hit a problem and keeps trying; see the log.")),
                        source="radio",
                    )
                elif str(exc) != away:  # once per outage, not a traceback every 2 s
                    away = str(exc)
                    log.warning(
                        "radio outbox: waiting for the database (%s)", away.splitlines()[0] if away else exc
                    )
            self._wake.wait(delay)
            self._wake.clear()

    def _step(self) -> float:
        """Do one thing; return how long to sleep when nothing more can be done now. Acks
        go first and need no database (the ingest queues them once the message is on disk);
        the outbox waits for the database's start-up checks (``gate``)."""
        ready = [m for m in self.modems() if m.state is ModemState.READY]
        if ready and self.restore is not None:
            self.restore()  # raises when no record of the last hour can be read: no guessed budget
            self.restore = None
        if ready and self._acks:
            return self._send_ack(ready)
        if self.gate is not None and not self.gate():
            self.waiting_for = "database"
            return IDLE_POLL
        self._store_deliveries()
        mesh = [n for n in self.mesh_nodes() if n.state is ModemState.READY]
        if not ready and not mesh:
            self.waiting_for = "link"
            return IDLE_POLL
        msg = self.outbox.next_due(utc_now())
        if msg is None:
            self.waiting_for, self.next_slot_in = "", None
            wakeup = self.outbox.next_wakeup()
            return (
                IDLE_POLL
                if wakeup is None
                else max(0.05, min(IDLE_POLL, (wakeup - utc_now()).total_seconds()))
            )
        if msg.status == "sent" and msg.attempts >= self.outbox.max_attempts:
            self.outbox.mark_attempt_failed(
                msg,
                said(N_("no acknowledgement after {attempts} attempts"), attempts=msg.attempts),
                count=False,
            )
            return 0.0
        if is_mesh_recipient(msg.recipient):
            return self._send_mesh(mesh, msg)
        if not ready:
            self.waiting_for = "link"
            return IDLE_POLL
        return self._send_message(ready, msg)

    def _send_mesh(self, nodes: list[MeshNode], msg: MessageView) -> float:
        """Hand a text to a READY Meshtastic node (the one named or last heard from first)."""
        from ops_console.hardware.mesh.types import parse_channel_call, parse_mesh_call

        if not nodes:
            self.waiting_for = "link"
            return IDLE_POLL
        self.waiting_for = ""
        want = preferred_link(msg, self.router)
        node = next((n for n in nodes if n.link.name == want), nodes[0])
        name, to = node.link.name, parse_mesh_call(msg.recipient)
        channel = parse_channel_call(msg.recipient) or 0
        try:
            sent = node.send_text(msg.body, to, channel).result(self.send_timeout)
        except MeshSendError as exc:
            self.outbox.mark_attempt_failed(
                msg, said(N_("{link}: {why}"), link=name, why=exc.stored), final=exc.kind == "too_large"
            )
            return 0.0
        except FutureTimeout:
            self.outbox.mark_attempt_failed(
                msg,
                said(
                    N_("{link}: no answer from the node within {seconds} s"),
                    link=name,
                    seconds=f"{self.send_timeout:.0f}",
                ),
            )
            return 0.0
        ids = sent.packet_ids or (sent.packet_id,)
        self.outbox.mark_mesh_sent(msg, name, ids)  # before any report of them is stored (this thread)
        log.info(
            "radio: #%d to %s sent on %s (mesh packet%s %s)",
            msg.number,
            msg.recipient,
            name,
            "s" if len(ids) > 1 else "",
            " ".join(f"{pid:08x}" for pid in ids),
        )
        return 0.0

    def _store_deliveries(self) -> None:
        """What the mesh said of texts we sent, written on this thread (after the packet ids
        of a text just sent were stored with it). The pairing is read from the database,
        so an ACK heard after a restart of the console still marks its message."""
        with self._acks_lock:
            reports, self._deliveries = self._deliveries, []
        for i, report in enumerate(reports):
            try:
                self.outbox.mark_delivery(report.packet_id, report.state.value, report.words)
            except Exception:
                with self._acks_lock:  # the database is away: kept for the next try, in order
                    self._deliveries[:0] = reports[i:]
                raise

    def _send_ack(self, ready: list[AtModem]) -> float:
        """An ack goes back on the link that heard the message, if it can."""
        with self._acks_lock:
            key = next(iter(self._acks))
        address, team, number = key
        frames = fp.encode_ack(self.outbox.console_call, team, number)
        pick = self.router.choose(
            ready, [len(f) for f in frames], self.router.heard_on(address), self.clock()
        )
        if pick.modem is None:
            return self._wait_for(pick.wait)
        with self._acks_lock:
            self._acks.pop(key, None)
        self._transmit(pick.modem, [(address, f) for f in frames])  # type: ignore[arg-type]
        return 0.0

    def _send_message(self, ready: list[AtModem], msg: MessageView) -> float:
        frames = self.outbox.frames_for(msg)
        pick = self.router.choose(
            ready, [len(f) for f in frames], preferred_link(msg, self.router), self.clock()
        )
        if pick.modem is None:
            return self._wait_for(pick.wait)
        modem: AtModem = pick.modem  # type: ignore[assignment]
        error = self._transmit(modem, [(msg.node_addr or 0, f) for f in frames])
        if error:
            self.outbox.mark_attempt_failed(msg, said(N_("{link}: {why}"), link=modem.link.name, why=error))
        else:
            self.outbox.mark_sent(msg, modem.link.name)
            log.info(
                "radio: #%d to %s (%s) sent on %s", msg.number, msg.recipient, msg.precedence, modem.link.name
            )
        return 0.0

    def _wait_for(self, seconds: float) -> float:
        """Every READY link's budget is spent: say when the first slot opens, sleep till then."""
        self.waiting_for, self.next_slot_in = "budget", seconds
        return min(IDLE_POLL * 5, max(0.05, seconds))

    def _transmit(self, modem: AtModem, frames: list[tuple[int, bytes]]) -> str:
        """Send frames in order on one modem; '' when all went, else the reason, a stored
        sentence (the rest are not sent).

        Each frame that may have reached the air is charged to the link's budget (with the
        modem's own overhead, ``frame_airtime``) and stored raw as sent. A frame the modem
        refused (+ERR) or we refused to build never left: it is neither charged nor stored
        as sent. One the modem did not answer for may have gone out, so it is counted."""
        self.waiting_for = ""
        for address, frame in frames:
            started, error, on_air = self.clock(), "", True
            try:
                modem.send(address, frame).result(self.send_timeout)
            except ModemError as exc:
                error, on_air = exc.stored, exc.kind not in NOT_ON_AIR
            except FutureTimeout:
                error = said(
                    N_("no answer from the modem within {seconds} s"), seconds=f"{self.send_timeout:.0f}"
                )
            if on_air:
                self.router.record(modem.link.name, frame_airtime(len(frame), modem.modulation), started)
                self._log_sent(modem.link.name, address, frame)
            if error:
                return error
        return ""

    def _log_sent(self, link: str, address: int, frame: bytes) -> None:
        if self.airtime_log is None:
            return
        try:
            self.airtime_log.record(link, address, frame)
        except Exception as exc:  # noqa: BLE001 - the budget in memory still counts it
            local = self.airtime_log.ledger is not None  # then the local ledger has it: no warning per frame
            log.log(
                logging.DEBUG if local else logging.WARNING,
                "radio: a frame sent on %s is not in the database%s (%s)",
                link,
                " (the local airtime ledger has it)" if local else "; the airtime budget counts it in memory",
                exc.__class__.__name__,
            )
