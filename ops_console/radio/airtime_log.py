"""What we transmitted, kept in the database, so the duty-cycle budget survives a restart.

The legal limit (1 % of each hour by default) binds the transmitter, not the process: a
gateway that crash-loops and starts each life with a fresh budget was measured using 71 s
of its 36 s hourly budget in two minutes. So every frame sent is stored as a raw row with
``direction = "out"`` (its link, when, the bytes sent, the address), and a starting
runtime rebuilds each link's budget from the rows of the last window.

Raw-row ids are assigned under the table lock as the ingest does (max + 1; on PostgreSQL
after ``LOCK TABLE``), so a sent row never collides with a batch of heard ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select, text

from ops_console.db.engine import Database
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.db.types import utc_now

if TYPE_CHECKING:
    from ops_console.radio.airtime_ledger import AirtimeLedger

log = logging.getLogger(__name__)
_RAW = RawRow.__table__


@dataclass(frozen=True)
class Sent:
    """One transmitted frame: on which link, when (UTC), how many payload bytes."""

    link: str
    at: datetime
    size: int


class AirtimeLog:
    """Stores transmissions and reads back those of the last window."""

    def __init__(
        self,
        db: Database,
        drill_links: Callable[[], frozenset[str]] = frozenset,
        ledger: AirtimeLedger | None = None,
    ) -> None:
        self.db, self.drill_links = db, drill_links  # a frame sent on a drill device's link is exercise
        self.ledger = ledger  # the local copy, readable while the database is away (airtime_ledger.py)
        self._engine = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine

    def record(self, link: str, address: int, frame: bytes, at: datetime | None = None) -> None:
        """Store one transmitted frame: in the local ledger first (never fails the send),
        then the database (raises when it is away; the caller logs)."""
        at = at or utc_now()
        if self.ledger is not None:
            self.ledger.record(link, at, len(frame))
        with self._engine.begin() as conn:
            if not self.db.is_sqlite:
                conn.execute(text("LOCK TABLE radio_raw_frames IN SHARE ROW EXCLUSIVE MODE"))
            next_id = (conn.scalar(select(func.max(_RAW.c.id))) or 0) + 1
            conn.execute(
                insert(_RAW).values(
                    id=next_id,
                    received_at=at,
                    link=link,
                    direction="out",
                    data=bytes(frame),
                    node_addr=address or None,
                    status="sent",
                    error="",
                    exercise=link in self.drill_links(),
                )
            )

    def since(self, window: float, now: datetime | None = None) -> list[Sent]:
        """Transmissions within the last ``window`` seconds, oldest first: the database's and
        the ledger's. With the database away the ledger alone answers (a ledger not yet
        written means this station sent nothing since it was set up: it records from its
        first frame); with neither, the error is raised (nothing is sent on a guess)."""
        if self.ledger is None:
            return self._stored_since(window, now)
        from ops_console.radio.airtime_ledger import merged

        known = self.ledger.exists()
        local = self.ledger.since(window, now)
        try:
            remote = self._stored_since(window, now)
        except Exception as exc:  # noqa: BLE001 - the database is away: the ledger is this station's record
            log.warning(
                "radio: airtime budget from the local ledger %s only (the database: %s)",
                self.ledger.path if known else "(new: no frame sent before)",
                exc.__class__.__name__,
            )
            remote = []
        return merged(local, remote)

    def _stored_since(self, window: float, now: datetime | None = None) -> list[Sent]:
        cutoff = (now or utc_now()) - timedelta(seconds=window)
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(_RAW.c.link, _RAW.c.received_at, func.length(_RAW.c.data))
                .where(_RAW.c.direction == "out", _RAW.c.received_at >= cutoff)
                .order_by(_RAW.c.received_at)
            ).all()
        return [Sent(link, at, size) for link, at, size in rows]
