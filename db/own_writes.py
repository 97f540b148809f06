"""Which audit entries this process committed, so the change feed can tell them apart.

The change feed turns every new audit entry into events for the panels. For an entry
this workstation wrote itself, the service that wrote it has already published the
record's change, so the feed would make each panel refresh twice. Ids are noted only
after the commit (a rolled-back id may be taken by another workstation) and only while
someone is listening, so nothing grows without bound when no feed runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

SESSION_KEY = "ops_console.audit_ids"


class OwnWrites:
    """A thread-safe set of committed audit ids, taken one by one by the change feed."""

    def __init__(self) -> None:
        self._ids: set[int] = set()
        self._lock = threading.Lock()
        self.tracking = False

    def attach(self, maker: sessionmaker[Session]) -> None:
        event.listen(maker, "after_commit", self._committed)
        event.listen(maker, "after_rollback", lambda session: session.info.pop(SESSION_KEY, None))

    def _committed(self, session: Session) -> None:
        ids = session.info.pop(SESSION_KEY, None)
        if ids and self.tracking:
            self.add(ids)

    def add(self, ids: Iterable[int]) -> None:
        with self._lock:
            self._ids.update(ids)

    def take(self, audit_id: int) -> bool:
        """True (once) if this process committed ``audit_id``."""
        with self._lock:
            if audit_id in self._ids:
                self._ids.discard(audit_id)
                return True
            return False

    def forget_up_to(self, audit_id: int) -> None:
        """Drop ids the feed has passed (a batch limit or a restart can skip some)."""
        with self._lock:
            self._ids = {i for i in self._ids if i > audit_id}


def note_audit_id(session: Session, audit_id: int) -> None:
    """Called where an audit entry is added: remembered until the transaction ends."""
    session.info.setdefault(SESSION_KEY, []).append(audit_id)
