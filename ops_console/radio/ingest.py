"""Radio ingest: each batch of RawFrames from the driver → database rows → events.

The link's reader thread only hands frames over (``submit``); one ingest thread (no Qt)
stores whatever has arrived since its last commit as one batch. Under load that makes
batches big (few commits, and SQLite's C code overlaps with the reader parsing the next
chunk); at 50 frames/s it is one small batch per chunk, milliseconds after it was read.
Per batch, in ONE transaction: the raw lines go in first (``radio_raw_frames``, multi-row
inserts, bulk.py), then what they mean (derived.py: messages, positions,
sensor readings, node updates, acks matched to the outbox). Parsing is pure and done
before the transaction (classify.py). If the derived rows cannot be stored (a bug, a
constraint), the raw rows are stored alone, flagged, in a second transaction; if the
database is unavailable, the batch waits in a bounded in-memory backlog (or a gateway's
spool file) and is retried with the next one. Nothing heard is dropped.

Frames wait for the ingest thread in a Handover (handover.py), as plain tuples with
their positions and readings already decoded; everything here unpacks frames, so
RawFrames (tests, the spool) and those tuples both work.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import itemgetter

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from ops_console.db.engine import Database
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.events import Event, EventBus
from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.lora.types import RawFrame
from ops_console.radio.bulk import BulkInsert, TimeFormat
from ops_console.radio.classify import Classifier, Report
from ops_console.radio.derived import DerivedWriter, drill_flags
from ops_console.radio.handover import MAX_BATCH, Handover
from ops_console.radio.spool import FrameSpool

log = logging.getLogger(__name__)
BACKLOG_LIMIT = 200_000
"""Frames kept in memory while the database is unavailable; beyond it the oldest go (and are counted)."""

Frames = Sequence[tuple]  # type: ignore[type-arg]
"""RawFrames, or plain tuples in RawFrame's field order (what the queue holds)."""
Reports = Sequence[Report | None]

_RAW = RawRow.__table__
_RAW_INSERT = BulkInsert(_RAW, ("id", "received_at", "link", "direction", "data", "node_addr", "rssi", "snr",
                                "status", "error", "exercise"))  # the data column holds the whole line heard


class RadioIngest:
    """Turns frame batches into rows.

    What is exercise is decided by the source, never by the console's mode: frames heard
    on a link named in ``drill_links`` (a drill's simulated device) are exercise, and so
    is a text whose sender marked it EXERCISE (the field payload's exercise marker);
    everything else heard on a radio is live, also while the console is in exercise mode.

    Thread-safe: a lock serialises batches from several links (one writer per database
    anyway), so the reassembly and duplicate state stays consistent.
    """

    def __init__(self, db: Database, bus: EventBus, *,
                 console_call: str = "OPS", on_ack_needed: Callable[[int, str, int], None] | None = None) -> None:
        self.db, self.bus = db, bus
        self.drill_links: frozenset[str] = frozenset()  # names of links to a drill's simulated device
        self.console_call = console_call
        self.on_ack_needed = on_ack_needed
        self.classifier = Classifier(Reassembler(timeout=600.0))
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._backlog: list[tuple] = []  # type: ignore[type-arg]
        self._engine = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine
        self._pg = not db.is_sqlite
        self.on_stored: Callable[[list[RawFrame]], None] | None = None  # after each commit (benchmarks)
        self._handover = Handover()
        self._thread: threading.Thread | None = None
        self._time = TimeFormat(db.is_sqlite)
        self.derived = DerivedWriter(self.counts, self._time)
        self.spool: FrameSpool | None = None  # a gateway keeps frames here while the server is away
        self._recovered = True
        self._reports_loaded = False

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
            self._handover.open()
            self._thread = threading.Thread(target=self._drain, name="radio-ingest", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Store what is still queued, then stop the thread."""
        self._handover.close()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def submit(self, frames: list[RawFrame]) -> None:
        """Link thread: hand a chunk's frames over (waits only if the ingest is far behind)."""
        self._handover.put(frames)

    def pending(self) -> int:
        """Frames handed over but not yet committed (queued plus any backlog)."""
        return len(self._handover) + len(self._backlog)

    def _drain(self) -> None:
        while (taken := self._handover.take()) is not None:
            try:
                self.ingest(*taken)
            except Exception:  # noqa: BLE001 - keep the thread alive; ingest logged why
                log.exception("radio: ingest of %d frames failed", len(taken[0]))

    # -- one batch -------------------------------------------------------------------------

    def ingest(self, frames: Frames, reports: Reports | None = None) -> None:
        """Store one batch (plus any backlog or spool first, in the order heard); publish
        events after the commit. ``reports``: ``decode_reports(frames)``, if already made."""
        with self._lock:
            if self._backlog:
                frames, self._backlog, reports = [*self._backlog, *frames], [], None
            spooled_through, new = 0, frames
            try:
                if self.spool is not None and len(self.spool):
                    if not self._recovered:
                        self.spool.recover(self._already_stored, MAX_BATCH)
                        self._recovered = True
                    spooled_through, spooled = self.spool.head(MAX_BATCH)
                    frames, reports = [*spooled, *new], None
                events = self._store(frames, reports)
            except SQLAlchemyError as exc:
                self._keep(new, exc)
                return
            if spooled_through:
                self.spool.drop_through(spooled_through)  # type: ignore[union-attr]
                self.counts["forwarded"] += len(frames) - len(new)
        if self.on_stored is not None:
            self.on_stored([RawFrame._make(f) for f in frames])
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

    def _store(self, frames: Frames, reports: Reports | None = None) -> list[Event]:
        drill = self.drill_links
        self._load_stored_reports()
        try:
            batch = self.classifier.classify(frames, time.monotonic(), reports)
        except Exception:  # noqa: BLE001 - a parser bug must not lose what was heard
            log.exception("radio: classifying a batch failed; storing it raw")
            self.classifier.rollback()
            return self._store_raw_only(frames, "classification failed (see log)", drill)
        try:
            with self._engine.begin() as conn:
                first = self._insert_raw(conn, frames, batch.statuses, batch.errors, drill)
                events = self.derived.write(conn, batch, first, drill, self.console_call, self.on_ack_needed)
        except Exception as exc:  # noqa: BLE001 - a bug in storing the meaning must not lose the frames
            # not stored as classified: the same frames come again (backlog) or are stored raw
            self.classifier.rollback()
            self.derived.forget_nodes()
            if isinstance(exc, SQLAlchemyError) and _unavailable(exc):
                raise
            log.exception("radio: storing what a batch means failed; storing it raw")
            return self._store_raw_only(frames, f"not stored: {exc.__class__.__name__}", drill)
        self.classifier.commit()
        self._count(batch.statuses)
        return events

    def _store_raw_only(self, frames: Frames, reason: str, drill: frozenset[str]) -> list[Event]:
        self.counts["raw_only"] += len(frames)
        statuses = ["new"] * len(frames)
        with self._engine.begin() as conn:
            self._insert_raw(conn, frames, statuses, dict.fromkeys(range(len(frames)), reason[:300]), drill)
        self._count(statuses)
        return [Event("radio.frames", None, {"frames": len(frames), "nodes": [], "messages": []})]

    def _count(self, statuses: list[str]) -> None:
        """After the commit, so a batch stored raw-only on a second try is counted once."""
        self.counts["frames"] += len(statuses)
        self.counts["invalid"] += statuses.count("invalid")
        self.counts["duplicate"] += statuses.count("duplicate")

    def _load_stored_reports(self) -> None:
        """Once per process, before the first batch: the reports stored before a restart, so
        their repeats are recognised (repeats.py). Raises only if the database is away."""
        if self._reports_loaded:
            return
        try:
            with self.db.engine.connect() as conn:
                self.classifier.repeats.load(conn)
        except SQLAlchemyError as exc:
            if _unavailable(exc):
                raise
            log.exception("radio: reading stored reports failed; repeats from before the restart will be stored")
        self._reports_loaded = True

    def _insert_raw(self, conn: Connection, frames: Frames, statuses: list[str], errors: dict[int, str],
                    drill: frozenset[str]) -> int:
        """Raw rows with ids we assign (under the write lock), so derived rows can point at them.
        A raw frame is exercise only when a drill device heard it: what a real radio heard is
        never purged with a drill."""
        if self._pg:
            conn.execute(text("LOCK TABLE radio_raw_frames IN SHARE ROW EXCLUSIVE MODE"))
        first = (conn.scalar(select(func.max(_RAW.c.id))) or 0) + 1
        count = len(frames)
        _RAW_INSERT.columns(conn, count, [
            range(first, first + count), self._time.many(list(map(itemgetter(1), frames))),
            map(itemgetter(2), frames), ["in"] * count, map(itemgetter(0), frames), map(itemgetter(3), frames),
            map(itemgetter(5), frames), map(itemgetter(6), frames), statuses,
            map(errors.get, range(count), repeat("")), drill_flags(frames, drill)])
        return first

    def _keep(self, frames: Frames, exc: SQLAlchemyError) -> None:
        self.counts["db_errors"] += 1
        if self.spool is not None:
            self.spool.append(map(RawFrame._make, frames))
            self.counts["spooled"] += len(frames)
            log.error("radio: database unavailable, %d frames in the local spool %s: %s",
                      len(self.spool), self.spool.path, exc.__class__.__name__)
            return
        overflow = max(0, len(frames) - BACKLOG_LIMIT)
        if overflow:
            self.counts["lost"] += overflow
            log.error("radio: backlog full, %d frames could not be kept", overflow)
        self._backlog = list(frames[overflow:])
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
