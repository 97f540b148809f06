"""Lets every workstation see what the others committed, within a second or two.

Every state change already writes an audit entry in the same transaction, and audit
ids grow in commit order (writers queue on the audit head row), so the audit table is
the change feed: a workstation remembers the last id it has seen and publishes an
event for each newer entry. On PostgreSQL the writer also sends NOTIFY, which wakes
the reader at once; elsewhere (SQLite files shared on one machine) it polls.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from ops_console.db.engine import Database
from ops_console.db.errors import DatabaseUnavailable
from ops_console.db.models import AuditEntry
from ops_console.events import Event, EventBus
from ops_console.notices import say
from ops_console.said import N_, said
from ops_console.services.audit import NOTIFY_CHANNEL as CHANNEL
from ops_console.topics import Topic, changed_topic

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
BATCH = 1000


# records whose services publish ``<entity>.changed`` themselves when they commit: for
# this workstation's own entries the feed adds only the log line, not a second refresh
PUBLISHED_LOCALLY = frozenset({"incident", "task", "risk", "shelter", "zone"})


def topics_for(entity: str, *, own: bool = False) -> tuple[Topic, ...]:
    """The events an audit entry becomes: its record's change (when that is a declared
    topic, see ops_console/topics.py), and a new log line."""
    changed = changed_topic(entity)
    if (own and entity in PUBLISHED_LOCALLY) or changed is None:
        return (Topic.ACTIVITY_ADDED,)
    return (changed, Topic.ACTIVITY_ADDED)


class ChangeFeed:
    """Publishes ``<entity>.changed`` and ``activity.added`` for entries committed elsewhere.

    Runs one daemon thread; ``stop()`` ends it. Events carry the audit id and
    ``remote`` (False for entries this process committed) so listeners can tell them
    from the local service's own events.
    """

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        *,
        poll_seconds: float = POLL_SECONDS,
        on_status: Callable[[bool, str], None] | None = None,
    ) -> None:
        self._db, self._bus, self._poll = db, bus, poll_seconds
        self._on_status = on_status or (lambda ok, words: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._listener: threading.Thread | None = None
        self.last_seen = 0
        self.online = True

    def start(self) -> None:
        self._db.own_writes.tracking = True
        self.last_seen = self._newest_id()
        self._thread = threading.Thread(target=self._run, name="change-feed", daemon=True)
        self._thread.start()
        if not self._db.is_sqlite and self._db.engine.dialect.name == "postgresql":
            self._listener = threading.Thread(target=self._listen, name="change-feed-listen", daemon=True)
            self._listener.start()

    def stop(self) -> None:
        self._db.own_writes.tracking = False
        self._stop.set()
        self._wake.set()
        for thread in (self._thread, self._listener):
            if thread is not None:
                thread.join(timeout=3)

    def poll_once(self) -> int:
        """Publish everything newer than ``last_seen``; returns how many entries were seen."""
        with self._db.read() as s:
            rows = s.execute(
                select(AuditEntry.id, AuditEntry.entity, AuditEntry.entity_id)
                .where(AuditEntry.id > self.last_seen)
                .order_by(AuditEntry.id)
                .limit(BATCH)
            ).all()
        own_writes = self._db.own_writes
        for audit_id, entity, entity_id in rows:
            self.last_seen = audit_id
            own = own_writes.take(audit_id)
            for topic in topics_for(entity, own=own):
                target = audit_id if topic == Topic.ACTIVITY_ADDED else entity_id
                self._bus.publish(Event(topic, target, {"remote": not own, "audit_id": audit_id}))
        if rows:
            own_writes.forget_up_to(self.last_seen)
        return len(rows)

    def _newest_id(self) -> int:
        try:
            with self._db.read() as s:
                return s.scalar(select(func.max(AuditEntry.id))) or 0
        except DatabaseUnavailable:
            return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                while self.poll_once() == BATCH:
                    pass
                self._set_online(True, "")
            except DatabaseUnavailable as exc:
                self._set_online(False, str(exc))
            except Exception:  # a bug here must not kill live updates for the shift
                log.exception("change feed poll failed")
                say(
                    self._bus,
                    "problem",
                    said(
                        N_(
                            "Other workstations' changes could not be read; retrying. See the log for details."
                        )
                    ),
                    source="database",
                )
            self._wake.wait(self._poll)
            self._wake.clear()

    def _set_online(self, online: bool, words: str) -> None:
        if online != self.online:
            self.online = online
            log.warning("database %s%s", "reachable again" if online else "unreachable: ", words)
            self._bus.publish(Event(Topic.DATABASE_STATUS, None, {"online": online, "words": words}))
            self._on_status(online, words)

    def _listen(self) -> None:
        """Wake the poller on each NOTIFY; reconnect with a pause when the server goes away."""
        import psycopg

        conninfo = make_url(self._db.url).set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=0.5, stop_after=1):
                            self._wake.set()
            except psycopg.Error as exc:
                log.debug("change listener lost the server: %s", exc)
                self._stop.wait(2.0)
