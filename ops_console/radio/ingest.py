"""Radio ingest: each batch of RawFrames from the driver → database rows → events.

The link's reader thread only hands frames over (``submit``); one ingest thread (no Qt)
stores whatever has arrived since its last commit as one batch. Under load that makes
batches big (few commits, and SQLite's C code overlaps with the reader parsing the next
chunk); at 50 frames/s it is one small batch per chunk, milliseconds after it was read.
Per batch, in ONE transaction: the raw lines
go in first (``radio_raw_frames``, one executemany), then what they mean (messages,
positions, sensor readings, node updates, acks matched to the outbox). Parsing is pure
and done before the transaction, so the write is a handful of executemany calls. If the
derived rows cannot be stored (a bug, a constraint), the raw rows are stored alone,
flagged, in a second transaction; if the database is unavailable, the batch waits in a
bounded in-memory backlog and is retried with the next one. Nothing heard is dropped.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, func, insert, select, text, tuple_, update
from sqlalchemy.exc import SQLAlchemyError

from ops_console.db.engine import Database
from ops_console.db.radio_models import Position, RadioMessage, RadioNode, RawFrame as RawRow, SensorReading
from ops_console.events import Event, EventBus
from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio import ics213
from ops_console.radio.bulk import BulkInsert, TimeFormat
from ops_console.radio.classify import POSITION_COLUMNS, SENSOR_COLUMNS, Batch, Classifier
from ops_console.radio.spool import FrameSpool

log = logging.getLogger(__name__)
MAX_BATCH = 20_000
"""Frames per transaction at most (bounded commit time and memory per batch)."""
QUEUE_LIMIT = 60_000
"""Frames waiting for the ingest thread; beyond it the reader waits (back-pressure, not loss)."""
BACKLOG_LIMIT = 200_000
"""Frames kept in memory while the database is unavailable; beyond it the oldest go (and are counted)."""

_RAW, _POS, _SENS = RawRow.__table__, Position.__table__, SensorReading.__table__
_MSG, _NODE = RadioMessage.__table__, RadioNode.__table__
_RAW_INSERT = BulkInsert(_RAW, ("id", "received_at", "link", "direction", "data", "node_addr", "rssi", "snr",
                                "status", "error", "exercise"))
_POS_INSERT = BulkInsert(_POS, (*POSITION_COLUMNS, "exercise"))
_SENS_INSERT = BulkInsert(_SENS, (*SENSOR_COLUMNS, "exercise"))


class RadioIngest:
    """Turns frame batches into rows. ``exercise()`` says whether the post is in exercise mode.

    Thread-safe: a lock serialises batches from several links (one writer per database
    anyway), so the reassembly and duplicate state stays consistent.
    """

    def __init__(self, db: Database, bus: EventBus, exercise: Callable[[], bool], *,
                 console_call: str = "OPS", on_ack_needed: Callable[[int, str, int], None] | None = None) -> None:
        self.db, self.bus, self.exercise = db, bus, exercise
        self.console_call = console_call
        self.on_ack_needed = on_ack_needed
        self.classifier = Classifier(Reassembler(timeout=600.0))
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._backlog: list[RawFrame] = []
        self._known_nodes: set[int] | None = None
        self._engine = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine
        self._pg = not db.is_sqlite
        self.on_stored: Callable[[list[RawFrame]], None] | None = None  # after each commit (benchmarks)
        self._queue: list[RawFrame] = []
        self._qcond = threading.Condition()
        self._running = False
        self._thread: threading.Thread | None = None
        self._time = TimeFormat(db.is_sqlite)
        self.spool: FrameSpool | None = None  # a gateway keeps frames here while the server is away
        self._recovered = True

    def use_spool(self, spool: FrameSpool) -> None:
        """Keep frames in ``spool`` (a local file) instead of memory while the database is away,
        after dropping what an interrupted forward had already stored."""
        self.spool = spool
        try:
            spool.recover(self._already_stored, MAX_BATCH)
        except SQLAlchemyError as exc:  # the server is away right now: recover on the next forward
            log.info("radio spool: server not reachable at start (%s)", exc.__class__.__name__)
            self._recovered = False
        else:
            self._recovered = True

    # -- the ingest thread -----------------------------------------------------------------

    def start(self) -> None:
        """Start the ingest thread (the runtime does; tests may call ``ingest`` directly)."""
        if self._thread is None:
            self._running = True
            self._thread = threading.Thread(target=self._drain, name="radio-ingest", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Store what is still queued, then stop the thread."""
        with self._qcond:
            self._running = False
            self._qcond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def submit(self, frames: list[RawFrame]) -> None:
        """Link thread: hand a chunk's frames over (waits only if the ingest is far behind)."""
        with self._qcond:
            self._qcond.wait_for(lambda: len(self._queue) < QUEUE_LIMIT or not self._running, 5.0)
            self._queue.extend(frames)
            self._qcond.notify_all()

    def pending(self) -> int:
        """Frames handed over but not yet committed (queued plus any backlog)."""
        with self._qcond:
            return len(self._queue) + len(self._backlog)

    def _drain(self) -> None:
        while True:
            with self._qcond:
                self._qcond.wait_for(lambda: self._queue or not self._running)
                if not self._queue and not self._running:
                    return
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
                self._qcond.notify_all()
            try:
                self.ingest(batch)
            except Exception:  # noqa: BLE001 - keep the thread alive; ingest logged why
                log.exception("radio: ingest of %d frames failed", len(batch))

    # -- one batch -------------------------------------------------------------------------

    def ingest(self, frames: list[RawFrame]) -> None:
        """Store one batch (plus any backlog or spool first, in the order heard); publish
        events after the commit."""
        with self._lock:
            if self._backlog:
                frames, self._backlog = self._backlog + frames, []
            spooled_through, new = 0, frames
            try:
                if self.spool is not None and len(self.spool):
                    if not self._recovered:
                        self.spool.recover(self._already_stored, MAX_BATCH)
                        self._recovered = True
                    spooled_through, spooled = self.spool.head(MAX_BATCH)
                    frames = spooled + new
                events = self._store(frames)
            except SQLAlchemyError as exc:
                self._keep(new, exc)
                return
            if spooled_through:
                self.spool.drop_through(spooled_through)  # type: ignore[union-attr]
                self.counts["forwarded"] += len(frames) - len(new)
        if self.on_stored is not None:
            self.on_stored(frames)
        for event in events:
            self.bus.publish(event)

    def evict(self) -> None:
        """Drop text messages whose fragments never all arrived (their raw frames are kept)."""
        with self._lock:
            for gone in self.classifier.reassembler.evict(time.monotonic()):
                self.counts["incomplete"] += 1
                log.warning("radio: message %s/%d incomplete after timeout, missing fragments %s",
                            gone.sender, gone.number, gone.missing)

    # -- storage -------------------------------------------------------------------------

    def _store(self, frames: list[RawFrame]) -> list[Event]:
        exercise = self.exercise()
        try:
            batch = self.classifier.classify(frames, time.monotonic())
        except Exception:  # noqa: BLE001 - a parser bug must not lose what was heard
            log.exception("radio: classifying a batch failed; storing it raw")
            return self._store_raw_only(frames, "classification failed (see log)", exercise)
        try:
            with self._engine.begin() as conn:
                first = self._insert_raw(conn, frames, batch.statuses, batch.errors, exercise)
                return self._insert_derived(conn, batch, first, exercise)
        except SQLAlchemyError as exc:
            if _unavailable(exc):
                raise
            log.exception("radio: storing what a batch means failed; storing it raw")
            return self._store_raw_only(frames, f"not stored: {exc.__class__.__name__}", exercise)

    def _store_raw_only(self, frames: list[RawFrame], reason: str, exercise: bool) -> list[Event]:
        self.counts["raw_only"] += len(frames)
        with self._engine.begin() as conn:
            self._insert_raw(conn, frames, ["new"] * len(frames), [reason] * len(frames), exercise)
        return [Event("radio.frames", None, {"frames": len(frames), "nodes": [], "messages": []})]

    def _insert_raw(self, conn: Connection, frames: list[RawFrame], statuses: list[str],
                    errors: list[str | None], exercise: bool) -> int:
        """Raw rows with ids we assign (under the write lock), so derived rows can point at them."""
        if self._pg:
            conn.execute(text("LOCK TABLE radio_raw_frames IN SHARE ROW EXCLUSIVE MODE"))
        first = (conn.scalar(select(func.max(_RAW.c.id))) or 0) + 1
        at = self._time
        rows = [(first + i, at(f.received_at), f.link, "in", f.raw, f.address, f.rssi, f.snr, statuses[i],
                 (errors[i] or "")[:300], exercise)
                for i, f in enumerate(frames)]
        _RAW_INSERT(conn, rows)
        self.counts["frames"] += len(rows)
        self.counts["invalid"] += statuses.count("invalid")
        self.counts["duplicate"] += statuses.count("duplicate")
        return first

    def _insert_derived(self, conn: Connection, batch: Batch, first_id: int, exercise: bool) -> list[Event]:
        events: list[Event] = []
        at = self._time
        _POS_INSERT(conn, [(*p[:4], at(p[4]), p[5], exercise) for p in batch.positions])
        _SENS_INSERT(conn, [(*r[:4], at(r[4]), r[5], exercise) for r in batch.sensors])
        message_ids = self._insert_messages(conn, batch, first_id, exercise)
        acked = self._match_acks(conn, batch.acks)
        self._update_nodes(conn, batch)
        for message_id, alert in message_ids:
            events.append(Event("radio.message", message_id, {"direction": "in", "alert": alert}))
        for message_id in acked:
            events.append(Event("radio.outbox", message_id, {"status": "acked"}))
        events.append(Event("radio.node", None, {"nodes": sorted(batch.nodes), "frames": len(batch.statuses),
                                                 "positions": len(batch.positions)}))
        return events

    def _insert_messages(self, conn: Connection, batch: Batch, first_id: int,
                         exercise: bool) -> list[tuple[int, bool]]:
        """All texts of a batch in three statements (seen-before check, insert, link the raw
        rows), not three per message: a day of traffic replayed must not crawl."""
        if not batch.messages:
            return []
        seen = self._seen_before(conn, batch)
        rows, raw_ids, fresh = [], [], []
        for index, msg, frame in batch.messages:
            raw_id = first_id + index
            earlier = seen.get((msg.sender, msg.number, msg.text))
            if earlier is not None:  # heard again after a restart: the first copy stands
                conn.execute(update(_RAW).where(_RAW.c.id == raw_id).values(status="duplicate", message_id=earlier))
                self.counts["duplicate"] += 1
                continue
            precedence = fp.Precedence(msg.precedence).name
            form = ics213.parse(msg.text)
            rows.append({
                "direction": "in", "kind": "ics213" if form else "text", "station": msg.sender, "number": msg.number,
                "sender": msg.sender, "recipient": msg.recipient, "node_addr": frame.address,
                "precedence": precedence, "subject": form.subject[:200] if form else "", "body": msg.text,
                "at": frame.received_at, "status": "received", "attempts": 0, "last_error": "", "link": frame.link,
                "rssi": frame.rssi, "snr": frame.snr, "raw_frame_id": raw_id, "acknowledged_by": "",
                "linked_entity": "", "exercise": exercise})
            raw_ids.append(raw_id)
            fresh.append((msg, frame, precedence))
        if not rows:
            return []
        ids = conn.execute(insert(_MSG).returning(_MSG.c.id, sort_by_parameter_order=True), rows).scalars().all()
        conn.execute(update(_RAW).where(_RAW.c.id == bindparam("raw_id")).values(message_id=bindparam("message_id")),
                     [{"raw_id": r, "message_id": m} for r, m in zip(raw_ids, ids)])
        self.counts["messages"] += len(ids)
        for (msg, frame, _precedence) in fresh:
            if self.on_ack_needed is not None and msg.recipient == self.console_call and frame.address is not None:
                self.on_ack_needed(frame.address, msg.sender, msg.number)
        return [(m, p in ("EMERGENCY", "PRIORITY")) for m, (_, _, p) in zip(ids, fresh)]

    @staticmethod
    def _seen_before(conn: Connection, batch: Batch) -> dict[tuple[str, int, str], int]:
        """Texts of this batch already stored (same station, number and words) → their ids."""
        pairs = list({(msg.sender, msg.number) for _, msg, _ in batch.messages})
        found: dict[tuple[str, int, str], int] = {}
        for i in range(0, len(pairs), 400):  # keep each IN list well under any bind limit
            query = select(_MSG.c.station, _MSG.c.number, _MSG.c.body, _MSG.c.id).where(
                _MSG.c.direction == "in", tuple_(_MSG.c.station, _MSG.c.number).in_(pairs[i:i + 400]))
            for station, number, body, message_id in conn.execute(query):
                found.setdefault((station, number, body), message_id)
        return found

    def _match_acks(self, conn: Connection, acks: list[fp.Ack]) -> list[int]:
        acked = []
        for ack in acks:
            if ack.recipient != self.console_call:
                continue
            ids = list(conn.scalars(select(_MSG.c.id).where(
                _MSG.c.direction == "out", _MSG.c.station == self.console_call, _MSG.c.number == ack.number,
                _MSG.c.recipient == ack.sender, _MSG.c.status.in_(("queued", "sent")))))
            if ids:
                conn.execute(update(_MSG).where(_MSG.c.id.in_(ids)).values(
                    status="acked", acked_at=datetime.now(UTC), next_attempt_at=None))
                acked.extend(ids)
                self.counts["acks"] += 1
        return acked

    def _update_nodes(self, conn: Connection, batch: Batch) -> None:
        if not batch.nodes:
            return
        if self._known_nodes is None:
            self._known_nodes = set(conn.scalars(select(_NODE.c.addr)))
        new = [n for a, n in batch.nodes.items() if a not in self._known_nodes]
        old = [n for a, n in batch.nodes.items() if a in self._known_nodes]
        for node in new:  # rare: the first frame ever heard from an address
            conn.execute(insert(_NODE), {"addr": node["addr"], "callsign": node.get("callsign") or "",
                                         "last_heard": node["last_heard"], "rssi": node["rssi"], "snr": node["snr"],
                                         "battery": node.get("battery"), "lat": node.get("lat"),
                                         "lon": node.get("lon"), "position_at": node.get("position_at")})
            self._known_nodes.add(node["addr"])
        for node in old:
            values = {k: v for k, v in node.items() if k != "addr" and v is not None and v != ""}
            conn.execute(update(_NODE).where(_NODE.c.addr == node["addr"]).values(**values))

    def _keep(self, frames: list[RawFrame], exc: SQLAlchemyError) -> None:
        self.counts["db_errors"] += 1
        if self.spool is not None:
            self.spool.append(frames)
            self.counts["spooled"] += len(frames)
            log.error("radio: database unavailable, %d frames in the local spool %s: %s",
                      len(self.spool), self.spool.path, exc.__class__.__name__)
            return
        overflow = max(0, len(frames) - BACKLOG_LIMIT)
        if overflow:
            self.counts["lost"] += overflow
            log.error("radio: backlog full, %d frames could not be kept", overflow)
        self._backlog = frames[overflow:]
        log.error("radio: database unavailable, %d frames waiting in memory: %s", len(self._backlog), exc)

    def _already_stored(self, frame: RawFrame) -> bool:
        """Is this exact frame (link, time heard, bytes) on the server already?"""
        with self._engine.connect() as conn:
            found = conn.execute(select(_RAW.c.id).where(
                _RAW.c.link == frame.link, _RAW.c.received_at == frame.received_at,
                _RAW.c.data == frame.raw).limit(1)).first()
        return found is not None

    @property
    def backlog(self) -> int:
        """Frames heard but not yet stored (the database was unavailable)."""
        return len(self._backlog)


def _unavailable(exc: SQLAlchemyError) -> bool:
    from ops_console.db.errors import is_environment_fault

    return is_environment_fault(exc)
