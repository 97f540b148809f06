"""A gateway's local spool: frames heard while the post's database is unreachable.

A relay-site gateway writes into the post's (shared) database. When that server is away
(a cut cable, a reboot), every frame heard goes into a small SQLite file next to the
gateway instead of memory, so nothing is lost even if the gateway itself restarts. When
the server answers again the spool is forwarded first, in the order heard, a prefix at a
time: each prefix is committed to the server and only then deleted here. If the gateway
stops between those two steps, ``recover`` finds the prefix already on the server and
drops it, so nothing is stored twice.

One process owns a spool file at a time (an exclusive ``flock`` on it, released when the
process ends, also by kill -9): two owners would forward each other's frames and take
each other's forwarded prefix for their own. A second one is refused with ``SpoolInUse``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ops_console.hardware.lora.types import RawFrame
from ops_console.known_error import OpsError
from ops_console.private_files import private_dir, private_sqlite_file
from ops_console.said import N_, said

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 5000

_COLUMNS = "received_at, link, raw, address, data, rssi, snr, error"
_SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {table} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL, link TEXT NOT NULL, raw BLOB NOT NULL,
    address INTEGER, data BLOB, rssi INTEGER, snr INTEGER, error TEXT
)"""
    for table in ("spool", "journal")
]
"""``spool``: frames waiting for the database. ``journal``: every frame as it is read, until
it is stored or spooled, so a kill -9 costs at most the chunk being read (ingest.py)."""


def frames_waiting(path: Path, timeout: float = 5.0) -> int:
    """Frames in the spool file at ``path``, read from outside the process that owns it (a
    watcher, a harness): 0 when the file or its table does not exist yet."""
    if not path.exists():
        return 0
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        return int(conn.execute("SELECT count(*) FROM spool").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


class SpoolInUse(OpsError):
    """Another running program keeps its frames in this spool file."""


class FrameSpool:
    """Frames in the order heard, in a SQLite file of their own (no ORM, no server)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        private_dir(self.path.parent)  # frames name people and places: 0700/0600
        self._conn = sqlite3.connect(
            private_sqlite_file(self.path), check_same_thread=False, isolation_level=None
        )
        try:
            _own(self.path)
        except SpoolInUse:
            self._conn.close()
            raise
        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")  # a spool exists to survive power cuts
        for statement in _SCHEMA:
            self._conn.execute(statement)
        self._lock = threading.Lock()
        self.recovered: tuple[int, int] | None = None  # spool numbers of frames recovered from the journal

    def __len__(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM spool").fetchone()[0]

    def append(self, frames: Iterable[RawFrame], release_through: int | None = None) -> None:
        """Spool ``frames``; in the same transaction forget their journal entries (up to
        ``release_through``), so a frame is never in both after a crash."""
        with self._lock:
            self._write("spool", frames, release_through)

    def journal(self, frames: Iterable[RawFrame]) -> int:
        """The link thread, before the ingest sees them: returns the last entry's number."""
        with self._lock:
            self._write("journal", frames, None)
            return int(self._conn.execute("SELECT max(seq) FROM journal").fetchone()[0] or 0)

    def release(self, through: int) -> None:
        """Journal entries up to ``through`` are stored on the server: forget them."""
        with self._lock:
            self._conn.execute("DELETE FROM journal WHERE seq <= ?", (through,))

    def journaled(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM journal").fetchone()[0])

    def recover_journal(self) -> int:
        """At start: frames a killed process had read but not stored or spooled go to the
        spool's end (they are newer than anything spooled); the forward then drops any the
        server already has. Returns how many."""
        with self._lock, self._transaction():
            moved = self._conn.execute(
                f"INSERT INTO spool ({_COLUMNS}) SELECT {_COLUMNS} FROM journal ORDER BY seq"
            ).rowcount
            last = int(self._conn.execute("SELECT coalesce(max(seq), 0) FROM spool").fetchone()[0])
            self._conn.execute("DELETE FROM journal")
        if moved:
            self.recovered = (last - moved + 1, last)
            log.warning("radio spool: %d frames read before a crash were recovered from the journal", moved)
        return moved

    def _write(self, table: str, frames: Iterable[RawFrame], release_through: int | None) -> None:
        rows = [
            (f.received_at.isoformat(), f.link, f.raw, f.address, f.data, f.rssi, f.snr, f.error)
            for f in frames
        ]
        with self._transaction():
            self._conn.executemany(f"INSERT INTO {table} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            if release_through is not None:
                self._conn.execute("DELETE FROM journal WHERE seq <= ?", (release_through,))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction (the caller holds the lock): committed whole, or rolled back."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def head(self, limit: int) -> tuple[int, list[RawFrame]]:
        """The oldest ``limit`` frames and the sequence number of the last of them (0: empty)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, received_at, link, raw, address, data, rssi, snr, error FROM spool "
                "ORDER BY seq LIMIT ?",
                (limit,),
            ).fetchall()
        frames = [
            RawFrame(
                raw=r[3],
                received_at=datetime.fromisoformat(r[1]),
                link=r[2],
                address=r[4],
                data=r[5],
                rssi=r[6],
                snr=r[7],
                error=r[8],
            )
            for r in rows
        ]
        return (rows[-1][0] if rows else 0), frames

    def drop_through(self, seq: int) -> None:
        """Forget every frame up to ``seq`` (they are committed on the server)."""
        with self._lock:
            self._conn.execute("DELETE FROM spool WHERE seq <= ?", (seq,))

    def recover(self, stored_prefix: Callable[[list[RawFrame]], int], limit: int) -> int:
        """Drop the leading frames the server already has (a forward or a store whose
        commit happened but whose answer was lost); returns how many were dropped.
        ``stored_prefix(frames)`` says how many of the first frames are stored."""
        last, frames = self.head(limit)
        dropped = stored_prefix(frames) if frames else 0
        if dropped:
            with self._lock:
                first = self._conn.execute("SELECT min(seq) FROM spool").fetchone()[0]
            self.drop_through(first + dropped - 1)
            log.warning("radio spool: %d frames were already on the server; not forwarded again", dropped)
        return dropped

    def close(self) -> None:
        with self._lock:
            self._conn.close()
        _disown(self.path)


_OWNED: dict[Path, int] = {}  # spool path -> the descriptor holding its flock, in this process


def _own(path: Path) -> None:
    """Take the file's exclusive flock (sqlite's own locks are fcntl locks: no interference)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        return
    key = path.resolve()
    if key in _OWNED:
        raise SpoolInUse(said(N_("The spool {path} is already open in this program."), path=str(path)))
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise SpoolInUse(
            said(
                N_(
                    "The spool {path} is in use by another running Ops Console (a gateway or a console "
                    "window with radios). Each needs its own: give another file with --spool or [radio] spool."
                ),
                path=str(path),
            )
        ) from None
    _OWNED[key] = fd


def _disown(path: Path) -> None:
    fd = _OWNED.pop(path.resolve(), None)
    if fd is not None:
        os.close(fd)  # closing the descriptor releases the flock
