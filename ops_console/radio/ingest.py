"""Radio ingest: each batch of RawFrames from the driver → database rows → events.

The link's reader thread only hands frames over (``submit``); one ingest thread (no Qt)
stores whatever has arrived since its last commit as one batch. Under load that makes
batches big (few commits, and SQLite's C code overlaps with the reader parsing the next
chunk); at 50 frames/s it is one small batch per chunk, milliseconds after it was read.
Per batch, in ONE transaction: the texts (texts.py: repeat check, message rows), then
the raw lines (raw_rows.py: ``radio_raw_frames``, multi-row inserts, each row with its
status and message id), then the rest of what they mean (derived.py: positions, sensor
readings, node updates, acks matched to the outbox). Parsing is pure and done
before the transaction (classify.py). If the derived rows cannot be stored (a bug, a
constraint, a byte PostgreSQL refuses), the batch is split in halves and each stored on
its own, down to single frames, which are stored raw and flagged: one bad frame never
takes the others (an EMERGENCY among them still alarms). If the database is
unavailable, the batch waits (holding.py: the gateway's spool file, else bounded memory)
and is forwarded, oldest first, by the next batch or by a timer (``RETRY_INTERVAL``)
when no traffic comes. A store that failed may have committed all the same (the answer
to COMMIT was lost): before forwarding, the frames already on the server are dropped.

Frames wait for the ingest thread in a Handover (handover.py), as plain tuples with
their positions and readings already decoded; everything here unpacks frames, so
RawFrames (tests, the spool) and those tuples both work.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ops_console.db.engine import Database
from ops_console.db.errors import DatabaseUnavailable
from ops_console.events import Event, EventBus
from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.lora.types import RawFrame
from ops_console.notices import say
from ops_console.radio import raw_rows
from ops_console.radio.bulk import TimeFormat
from ops_console.radio.classify import Classifier, Decoded
from ops_console.radio.derived import DerivedWriter
from ops_console.radio.handover import MAX_BATCH, Handover
from ops_console.radio.holding import Holding
from ops_console.radio.spool import FrameSpool
from ops_console.radio.spool_acks import SpoolAcks
from ops_console.said import N_, fitted, said
from ops_console.topics import Topic

log = logging.getLogger(__name__)
RETRY_INTERVAL = 2.0
"""Seconds between tries to forward waiting frames when no traffic comes to trigger one."""
SLOW_FAILURE = 1.0
"""A failed store that took longer (a timeout, not a refusal) is not retried inline by the
next batch: the timer probes the server first, outside the lock, so the ingest thread
keeps spooling meanwhile."""
FORWARD_CHUNKS = 5
"""Batches forwarded per call on the ingest thread (the timer forwards the rest)."""


_AWAY = (SQLAlchemyError, DatabaseUnavailable)
"""What a store raises when the database cannot be used now (it is held and retried)."""


class _BadBatch(Exception):
    """Storing a batch failed for a reason of its own (not the database's availability)."""


AckKey = tuple[int, str, int]
"""(node address, team call, message number) of a received text the team wants acked."""
Frames = Sequence[tuple]  # type: ignore[type-arg]
"""RawFrames, or plain tuples in RawFrame's field order (what the queue holds)."""
Reports = Sequence[Decoded | None]


class RadioIngest:
    """Turns frame batches into rows.

    What is exercise is decided by the source, never by the console's mode: frames heard
    on a link named in ``drill_links`` (a drill's simulated device) are exercise, and so
    is a text whose sender marked it EXERCISE (the field payload's exercise marker);
    everything else heard on a radio is live, also while the console is in exercise mode.

    Thread-safe: a lock serialises batches from several links (one writer per database
    anyway), so the reassembly and duplicate state stays consistent.
    """

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        *,
        console_call: str = "OPS",
        on_ack_needed: Callable[[int, str, int], None] | None = None,
    ) -> None:
        self.db, self.bus = db, bus
        self.drill_links: frozenset[str] = frozenset()  # names of links to a drill's simulated device
        self.console_call = console_call
        self.on_ack_needed = on_ack_needed
        self.on_acks_needed: Callable[[list[AckKey]], None] | None = None  # a batch's at once (the outbox)
        self._acks: list[AckKey] = []  # asked for by the batch being stored, sent after its commit
        self.classifier = Classifier(Reassembler(timeout=600.0))
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._journal_lock = threading.Lock()
        self._engine = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine
        self._pg = not db.is_sqlite
        self.on_stored: Callable[[list[RawFrame]], None] | None = None  # after each commit (benchmarks)
        self._handover = Handover()
        self._thread: threading.Thread | None = None
        self._time = TimeFormat(db.is_sqlite)
        self.derived = DerivedWriter(self.counts, self._time)
        self.holding = Holding()  # frames waiting for the database (the spool file, else memory)
        self.spool_acks = SpoolAcks()  # messages acked once on disk, before the database has them
        self.holding.on_spooled = self._ack_spooled
        self._from_spool = False  # the batch being stored was forwarded from the spool (acked then)
        self.retry_interval = RETRY_INTERVAL
        self.problem = ""  # why frames are not stored right now, for the status ("" when all is well)
        self.before_first_store: Callable[[], None] | None = None  # e.g. the schema check, if deferred
        self._suspect = True  # a store may have committed without our knowing: check before forwarding
        self._slow = False  # the last failure was a timeout: only the timer (with a probe) retries
        self._next_try = 0.0
        self._reports_loaded = False
        self._timer: threading.Thread | None = None
        self._timer_stop = threading.Event()

    @property
    def spool(self) -> FrameSpool | None:
        return self.holding.spool

    def use_spool(self, spool: FrameSpool) -> None:
        """Keep frames in ``spool`` (a local file) instead of memory while the database is
        away. What an interrupted forward had already stored is dropped before the next one."""
        with self._lock:
            spool.recover_journal()  # what a killed run had read goes first, checked as below
            self.holding.spool = spool
            self.holding.retry_spool()
            self._suspect = True

    # -- the ingest thread -----------------------------------------------------------------

    def start(self) -> None:
        """Start the ingest thread and the retry timer (the runtime does; tests may call
        ``ingest`` directly)."""
        if self._thread is None:
            self._handover.open()
            self._thread = threading.Thread(target=self._drain, name="radio-ingest", daemon=True)
            self._thread.start()
            self._timer_stop.clear()
            self._timer = threading.Thread(target=self._retry_loop, name="radio-forward", daemon=True)
            self._timer.start()

    def stop(self, timeout: float = 40.0) -> None:
        """Store or keep what is still queued, then stop the threads. ``timeout`` covers a
        store that is waiting for a silent server (bounded by the engine's answer timeout)."""
        self._handover.close()
        self._timer_stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("radio: the ingest did not finish within %.0f s", timeout)
            self._thread = None
        if self._timer is not None:
            self._timer.join(timeout)
            self._timer = None
        if self._lock.acquire(timeout=1.0):
            try:
                self.holding.retry_spool()  # what waits in memory goes to the file if it can
            finally:
                self._lock.release()

    def submit(self, frames: list[RawFrame]) -> None:
        """Link thread: journal a chunk's frames (with a spool), then hand them over (waits
        only if the ingest is far behind). From here a kill -9 loses none of them."""
        spool = self.holding.spool
        if spool is None:
            self._handover.put(frames)
            return
        with self._journal_lock:  # journal order = hand-over order, with several links
            mark = None
            try:
                mark = spool.journal(frames)
            except (sqlite3.Error, OSError) as exc:  # a full disk: the holding says so loudly
                self.counts["not_journaled"] += len(frames)
                log.debug("radio: %d frames not journaled (%s)", len(frames), exc)
            self._handover.put(frames, mark)

    def pending(self) -> int:
        """Frames handed over but not yet committed (queued, in memory or in the spool)."""
        return len(self._handover) + len(self.holding)

    def whereabouts(self) -> dict[str, int]:
        """Where the frames heard are: stored (this run), waiting in the spool file, only in
        memory (lost if the process ends now), and lost (memory queue overflowed)."""
        return {
            "stored": self.counts["frames"],
            "spool": self.holding.in_spool(),
            "memory": len(self.holding.memory) + len(self._handover),
            "lost": self.holding.lost,
        }

    def _drain(self) -> None:
        while (taken := self._handover.take()) is not None:
            try:
                self.ingest(*taken)
            except Exception:  # noqa: BLE001 - keep the thread alive; ingest logged why
                log.exception("radio: ingest of %d frames failed", len(taken[0]))

    def _retry_loop(self) -> None:
        while not self._timer_stop.wait(self.retry_interval):
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - the timer must outlive any one failure
                log.exception("radio: forwarding waiting frames failed")

    def flush(self) -> None:
        """Forward what waits, if the server answers (the timer calls this; so may tests)."""
        if not len(self.holding):
            return
        with self._lock:
            self.holding.retry_spool()
        if self._slow and not self._probe():
            return
        with self._lock:
            stored, events = self._forward(limit=None)
        self._publish(stored, events)

    def _probe(self) -> bool:
        """Outside the lock: does the server answer at all? (A black-holed server costs
        this thread the answer timeout, not the ingest thread.)"""
        try:
            with self.db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except _AWAY as exc:
            self._set_problem(*_away_words(exc))
            return False
        self._slow = False
        return True

    # -- one batch -------------------------------------------------------------------------

    def ingest(self, frames: Frames, reports: Reports | None = None, journaled: int | None = None) -> None:
        """Store one batch, behind anything still waiting (in the order heard); publish
        events after the commit. ``reports``: ``decode_reports(frames)``, if already made;
        ``journaled``: the journal number through which these frames are journaled."""
        with self._lock:
            if len(self.holding):
                self._hold(frames, journaled)
                stored, events = self._forward(limit=FORWARD_CHUNKS) if not self._slow else ([], [])
            else:
                stored, events = self._store_or_hold(frames, reports, journaled)
        self._publish(stored, events)

    def _publish(self, stored: list[Frames], events: list[Event]) -> None:
        if self.on_stored is not None:
            for frames in stored:
                self.on_stored([RawFrame._make(f) for f in frames])
        for event in events:
            self.bus.publish(event)

    def _store_or_hold(
        self, frames: Frames, reports: Reports | None, journaled: int | None = None
    ) -> tuple[list[Frames], list[Event]]:
        started = time.monotonic()
        try:
            events = self._store(frames, reports)
        except _AWAY as exc:
            self._failed(exc, started)
            self._hold(frames, journaled)
            return [], []
        self._set_problem("")
        self.holding.release_journal(journaled)  # stored: a kill from here on costs nothing
        return [frames], events

    def _forward(self, limit: int | None) -> tuple[list[Frames], list[Event]]:
        """Under the lock: store waiting frames, oldest first, a batch at a time."""
        stored: list[Frames] = []
        events: list[Event] = []
        done = 0
        while len(self.holding) and (limit is None or done < limit):
            started = time.monotonic()
            try:
                self._prepare()
                if self._suspect:
                    self._drop_stored_head()
                    self._suspect = False
                token, frames = self.holding.head(MAX_BATCH)
                if not frames:
                    break
                self._from_spool = self._acked_when_spooled(token)
                try:
                    events += self._store(frames)
                finally:
                    self._from_spool = False
            except _AWAY as exc:
                self._failed(exc, started)
                break
            stored.append(frames)
            done += 1
            self.counts["forwarded"] += len(frames)
            try:
                self.holding.drop(token)
            except Exception as exc:  # noqa: BLE001 - e.g. a full disk refuses even the delete
                log.error(
                    "radio: forwarded frames could not be removed from the spool (%s); "
                    "they will be recognised as stored",
                    exc,
                )
                self._suspect = True
                break
        if not len(self.holding):
            self._set_problem("")
            if done:
                log.info(
                    "radio: every waiting frame is stored (%d forwarded so far)", self.counts["forwarded"]
                )
        return stored, events

    def _acked_when_spooled(self, token: tuple[str, int]) -> bool:
        """Frames forwarded from the spool were acked when they went there, except those a
        killed run had only journaled (spool.recovered): a batch reaching into them acks."""
        where, last = token
        spool = self.holding.spool
        if where != "spool" or spool is None:
            return False
        if spool.recovered is None or last < spool.recovered[0]:
            return True
        if last >= spool.recovered[1]:
            spool.recovered = None  # this batch takes the last of them
        return False

    def _drop_stored_head(self) -> None:
        """Drop the waiting frames the server already has (a commit whose answer was lost,
        or journaled frames a killed run had stored): a batch at a time while whole
        batches are found there."""
        while True:
            _, head = self.holding.head(MAX_BATCH)
            already = raw_rows.stored_prefix(self._engine, head) if head else 0
            if not already:
                return
            self.holding.drop_first(already)
            self.counts["already_stored"] += already
            log.warning("radio: %d waiting frames were already on the server; not stored twice", already)
            if already < len(head):
                return

    def _hold(self, frames: Frames, journaled: int | None = None) -> None:
        where = self.holding.keep(frames, journaled)
        if where == "spool":
            self.counts["spooled"] += len(frames)
        elif where == "memory":
            self.counts["held_in_memory"] += len(frames)
        self.counts["lost"] = self.holding.lost
        if self.holding.problem:
            self._set_problem(self.holding.problem)

    def _ack_spooled(self, frames: Frames) -> None:
        """Messages to us now safe on disk are acked at once, not when the database returns."""
        if self.on_ack_needed is None and self.on_acks_needed is None:
            return
        try:
            wanted = self.spool_acks.scan(frames, self.console_call)
        except Exception:  # noqa: BLE001 - an ack is a courtesy; the frames are already safe
            log.exception("radio: finding the acks for spooled frames failed")
            return
        self.counts["acked_from_spool"] += len(wanted)
        self._send_acks(wanted)

    def _ack_at_store(self, address: int, team: str, number: int) -> None:
        """The store's ack, sent when the batch is committed, unless the frames come from
        the spool: every frame written there was scanned for acks then (by this process or
        the one before a restart), so a long outage's messages are not acked a second time,
        spending the budget on what is done."""
        if not self._from_spool:
            self._acks.append((address, team, number))

    def _send_acks(self, keys: list[AckKey]) -> None:
        """To the outbox: all at once if it takes a batch (a lock and a wake per batch, not
        per text), else one by one. An ack is a courtesy: its failure is logged, never
        taken for a failure to store what was heard."""
        if not keys:
            return
        try:
            if self.on_acks_needed is not None:
                self.on_acks_needed(keys)
            elif self.on_ack_needed is not None:
                for key in keys:
                    self.on_ack_needed(*key)
        except Exception:  # noqa: BLE001
            log.exception("radio: queueing %d acks failed", len(keys))

    def _failed(self, exc: Exception, started: float) -> None:
        """A store failed because the database is away: remember to check what it may have
        committed, and back off if finding out took long."""
        self.counts["db_errors"] += 1
        self._suspect = True
        if time.monotonic() - started > SLOW_FAILURE:
            self._slow = True
            self._next_try = time.monotonic() + self.retry_interval
        if not self.holding.problem:
            from ops_console.db.engine import sqlite_path
            from ops_console.db.errors import is_disk_full

            if is_disk_full(exc, sqlite_path(self.db.url)):
                self._set_problem(
                    f"disk full: the database {self.db.display_name} cannot grow",
                    said(N_("DISK FULL: the database {name} cannot grow"), name=self.db.display_name),
                )
            else:
                self._set_problem(*_away_words(exc))

    def _set_problem(self, problem: str, words: str = "") -> None:
        """Say it once per change: in the log, and on the bus for the status line.

        ``problem`` is English (the log, the gateway's output, the stop report); ``words``
        the same as a stored sentence (said.py) for the notice a person reads."""
        if self.holding.problem and not problem:
            problem, words = (
                self.holding.problem,
                self.holding.words,
            )  # memory still holds frames the spool refused
        if problem == self.problem:
            return
        self.problem = problem
        if problem:  # a notice: the log, the status bar and the alert list (ops_console/notices.py)
            shout = words or (
                problem.upper() if problem.startswith("disk full") else problem
            )  # DISK FULL: loud
            say(
                self.bus,
                "problem",
                said(
                    N_(
                        "Radio frames are not being stored: {why} ({spool} waiting in the spool, {memory} in memory)"
                    ),
                    why=shout,
                    spool=self.holding.in_spool(),
                    memory=len(self.holding.memory),
                ),
                source="radio storage",
            )
        else:
            say(self.bus, "info", said(N_("Radio frames are stored again.")), source="radio storage")

    def evict(self) -> None:
        """Drop text messages whose fragments never all arrived (their raw frames are kept)."""
        with self._lock:
            for gone in self.classifier.reassembler.evict(time.monotonic()):
                self.counts["incomplete"] += 1
                log.warning(
                    "radio: message %s/%d incomplete after timeout, missing fragments %s",
                    gone.sender,
                    gone.number,
                    gone.missing,
                )

    # -- storage -------------------------------------------------------------------------

    def _store(self, frames: Frames, reports: Reports | None = None, _depth: int = 0) -> list[Event]:
        """Store a batch; raises SQLAlchemyError only when the database is away. A batch
        that fails for a reason of its own is stored in halves, down to single frames."""
        drill = self.drill_links
        self._prepare()
        self._load_stored_reports()
        try:
            return self._store_whole(frames, reports, drill)
        except _BadBatch as bad:
            if len(frames) == 1:
                return self._store_single_raw(frames, str(bad), drill)
            if _depth == 0:  # the outermost split: say it once
                log.error(
                    "radio: a batch of %d frames could not be stored (%s); storing it in parts",
                    len(frames),
                    bad,
                )
            self.counts["split_batches"] += 1
            half = len(frames) // 2
            first, rest = (None, None) if reports is None else (reports[:half], reports[half:])
            return self._store(frames[:half], first, _depth + 1) + self._store(
                frames[half:], rest, _depth + 1
            )

    def _prepare(self) -> None:
        """The checks deferred by a start without the database (schema created or upgraded)."""
        if self.before_first_store is not None:
            self.before_first_store()  # raises like a store if the server is still away
            self.before_first_store = None

    @property
    def ready(self) -> bool:
        """False until the deferred start-up checks ran (the outbox waits for them too)."""
        return self.before_first_store is None

    def _store_whole(self, frames: Frames, reports: Reports | None, drill: frozenset[str]) -> list[Event]:
        try:
            batch = self.classifier.classify(frames, time.monotonic(), reports)
        except Exception as exc:  # noqa: BLE001 - a parser bug must not lose what was heard
            log.exception("radio: classifying %d frames failed", len(frames))
            self.classifier.rollback()
            raise _BadBatch(f"classification failed: {exc.__class__.__name__}") from exc
        try:
            with self._engine.begin() as conn:
                first = raw_rows.first_id(conn, self._pg)
                texts = self.derived.store_texts(
                    conn, batch, first, drill, self.console_call, self._ack_at_store
                )
                raw_rows.insert(
                    conn, self._time, first, frames, batch.statuses, batch.errors, drill, texts.message_ids
                )
                events = self.derived.write(conn, batch, texts, drill, self.console_call, self._ack_at_store)
        except Exception as exc:  # noqa: BLE001 - a bug in storing the meaning must not lose the frames
            # not stored as classified: the same frames come again (held) or are stored in parts
            self._acks.clear()
            self.classifier.rollback()
            self.derived.forget_nodes()
            if self.derived.watch is not None:
                self.derived.watch.rollback()  # evaluated again from the same state when stored again
            if isinstance(exc, SQLAlchemyError) and _unavailable(exc):
                raise
            if len(frames) == 1:
                log.exception("radio: storing what a frame means failed; storing it raw")
            raise _BadBatch(f"not stored: {exc.__class__.__name__}") from exc
        self.classifier.commit()
        if self.derived.watch is not None:
            self.derived.watch.commit()
        self._count(batch.statuses)
        acks, self._acks = self._acks, []
        self._send_acks(acks)
        return events

    def _store_single_raw(self, frames: Frames, reason: str, drill: frozenset[str]) -> list[Event]:
        """The last resort for one frame: its raw row alone, flagged; if even that fails
        for a reason of its own, the bytes go to the log (hex) and the frame is counted."""
        try:
            return self._store_raw_only(frames, reason, drill)
        except SQLAlchemyError as exc:
            if _unavailable(exc):
                raise
            self.counts["unstorable"] += 1
            log.critical(
                "radio: frame %s could not be stored at all (%s); its bytes: %s",
                frames[0][1],
                exc.__class__.__name__,
                bytes(frames[0][0]).hex(),
            )
            return []

    def _store_raw_only(self, frames: Frames, reason: str, drill: frozenset[str]) -> list[Event]:
        self.counts["raw_only"] += len(frames)
        statuses = ["new"] * len(frames)
        with self._engine.begin() as conn:
            first = raw_rows.first_id(conn, self._pg)
            raw_rows.insert(
                conn,
                self._time,
                first,
                frames,
                statuses,
                dict.fromkeys(
                    range(len(frames)),
                    fitted(said(N_("kept raw, not read as a message: {error}"), error=reason[:200]), 300),
                ),
                drill,
            )
        self._count(statuses)
        return [Event(Topic.RADIO_FRAMES, None, {"frames": len(frames), "nodes": [], "messages": []})]

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
            log.exception(
                "radio: reading stored reports failed; repeats from before the restart will be stored"
            )
        self._reports_loaded = True

    @property
    def backlog(self) -> int:
        """Frames heard but only in memory (neither stored nor in a spool file)."""
        return len(self.holding.memory)


def _unavailable(exc: SQLAlchemyError) -> bool:
    from ops_console.db.errors import is_environment_fault

    return is_environment_fault(exc)


def _away_words(exc: BaseException) -> tuple[str, str]:
    """Why the database is away: in English (logs) and as a stored sentence (a notice)."""
    from ops_console.db.errors import explain

    why = explain(exc)
    return f"database unavailable: {why.english}", said(N_("database unavailable: {why}"), why=why.stored)
