"""Engine and session setup for SQLite and PostgreSQL.

SQLite gets WAL (readers never wait for the writer), foreign keys and a busy timeout;
write transactions start with ``BEGIN IMMEDIATE`` so two workstations sharing a file
queue for the lock instead of failing half-way through. Nothing else here is
SQLite-only: the same sessions run on PostgreSQL.

On PostgreSQL every operation has a bounded time (``PgTimeouts``): a connect timeout,
TCP keepalives and a TCP user timeout (a cut cable is noticed by the kernel), server-side
statement, lock and idle-in-transaction timeouts, and a deadline on our side for every
answer (pg_bounded.py), so a server that stops answering fails within seconds like one
that refuses, and the radio spools instead of hanging.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ops_console.private_files import private_dir, private_sqlite_file
from ops_console.said import N_, said

from .errors import DatabaseMissing, explain, is_environment_fault
from .own_writes import OwnWrites

BUSY_TIMEOUT_MS = 5000

SQLITE_CACHE_KIB = 16 * 1024
"""Page cache per connection, in KiB (SQLite's default is 2 MiB). Ingest inserts into
tables with several indexes whose leaves are spread over the file (messages by station
and number); with 2 MiB a batch evicted pages it was about to touch again and wrote them
out mid-transaction. 16 MiB took a million message rows from ~19.5 to ~15.7 us of CPU a
row in a loop like bench/sqlite_settings.py's; 32 MiB measured the same. The cache fills
only with pages a connection reads, so a small post uses no more memory than before, and
a big one at most this much more per pooled connection."""

WAL_AUTOCHECKPOINT_PAGES = 8000
"""Pages in the write-ahead log before a commit copies them into the database (SQLite's
default is 1,000, 4 MiB). Between two checkpoints a page written by many commits (the
end of each index) is copied once; with 1,000 the ingest spent a tenth of its time in
checkpoints. 8,000 pages (~32 MiB of log, reused, not grown) took a million message rows
from ~15.7 to ~12.8 us of CPU a row in the same loop; more gave nothing measurable."""


@dataclass(frozen=True)
class PgTimeouts:
    """Seconds; the server-side ones are shorter than ``answer`` so a slow statement on a
    healthy server ends there, with its own error, before our deadline calls it gone."""

    connect: int = 5
    statement: float = 10.0
    lock: float = 5.0
    idle_in_transaction: float = 20.0
    answer: float = 15.0
    keepalive_idle: int = 10
    keepalive_interval: int = 3
    keepalive_count: int = 3

    def connect_args(self) -> dict[str, object]:
        """psycopg/libpq connection parameters."""
        ms = lambda seconds: int(seconds * 1000)  # noqa: E731
        return {
            "connect_timeout": self.connect,
            "keepalives": 1,
            "keepalives_idle": self.keepalive_idle,
            "keepalives_interval": self.keepalive_interval,
            "keepalives_count": self.keepalive_count,
            "tcp_user_timeout": ms(self.answer or 60),  # unacknowledged data: the kernel gives up too
            "options": f"-c statement_timeout={ms(self.statement)} -c lock_timeout={ms(self.lock)} "
            f"-c idle_in_transaction_session_timeout={ms(self.idle_in_transaction)}",
        }


PG_TIMEOUTS = PgTimeouts()
"""What every PostgreSQL engine gets (tests shorten it)."""

MAINTENANCE = PgTimeouts(statement=0, idle_in_transaction=0, answer=0)
"""For whole-table work from the command line (export, db copy, audit verify): no limit on
a statement or an answer (0), since a long one is expected; the connect timeout and the
keepalives stay, so a dead server is still noticed."""


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.database.startswith("file:"):  # a SQLite URI (uri=true): the path sits inside it
        if parsed.query.get("uri") not in ("true", ("true",)):
            return Path(parsed.database)
        return Path(parsed.database[len("file:") :].split("?", 1)[0])
    return Path(parsed.database)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, see _on_begin
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        try:
            cur.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file keeps its journal mode; writes will say why they fail
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cur.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _bound_pg(engine: Engine, timeouts: PgTimeouts) -> None:
    """Every connection gets the timeouts, and an answer deadline on our side."""
    from . import pg_bounded

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect, _record, cargs, cparams):  # type: ignore[no-untyped-def]
        for key, value in timeouts.connect_args().items():
            if key == "options" and cparams.get("options"):
                value = f"{cparams['options']} {value}"
            cparams.setdefault(key, value) if key != "options" else cparams.__setitem__(key, value)
        return pg_bounded.connect(timeouts.answer, *cargs, **cparams)


class Database:
    """One post's database: an engine plus short read and write sessions.

    Services open a session per user action (``with db.write() as s:``); nothing keeps a
    session open, and no session is shared with a serial thread.
    """

    def __init__(
        self, url: str, *, must_exist: bool = False, echo: bool = False, timeouts: PgTimeouts | None = None
    ) -> None:
        self.url = url
        path = sqlite_path(url)
        if path is not None:
            if must_exist and not path.exists():
                raise DatabaseMissing(
                    said(
                        N_(
                            "The database file {path} does not exist. "
                            "Check the path, or create it with: ops-console --db URL db upgrade"
                        ),
                        path=str(path),
                    )
                )
            try:
                private_dir(path.parent)  # folders created here are the user's alone (0700)
                private_sqlite_file(path)  # 0600 before SQLite opens it; its -wal/-shm follow
            except OSError:
                pass  # an unwritable place: SQLite's own open names the problem in words
        kwargs: dict[str, object] = {"echo": echo}
        if path is not None or url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        elif self.engine.dialect.driver == "psycopg":
            _bound_pg(self.engine, timeouts or PG_TIMEOUTS)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else self.engine
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)
        self.own_writes = OwnWrites()  # audit ids committed here, for the change feed
        self.own_writes.attach(self._write)

    @property
    def display_name(self) -> str:
        """What the status bar shows: a file name or a host, never a password."""
        path = sqlite_path(self.url)
        if path is not None:
            return path.name
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return "in-memory"
        return f"{parsed.database}@{parsed.host or 'localhost'}"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; errors from the environment become DatabaseUnavailable."""
        try:
            with self._read() as session:
                yield session
        except DatabaseError as exc:
            if is_environment_fault(exc):
                raise explain(exc) from exc
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short transaction: committed when the block ends, rolled back on any error."""
        try:
            with self._write.begin() as session:
                yield session
        except DatabaseError as exc:
            if is_environment_fault(exc):
                raise explain(exc) from exc
            raise

    @contextmanager
    def connect(self, *, begin: bool = False) -> Iterator[Connection]:
        """A raw connection (for migrations and bulk work), with the same error words."""
        try:
            with self.engine.begin() if begin else self.engine.connect() as conn:
                yield conn
        except DatabaseError as exc:
            if is_environment_fault(exc):
                raise explain(exc) from exc
            raise

    def dispose(self) -> None:
        """Close pooled connections (before a backup, at exit, in tests)."""
        self.engine.dispose()
