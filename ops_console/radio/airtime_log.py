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

from sqlalchemy import func, insert, select, text

from ops_console.db.engine import Database
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.db.types import utc_now

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

    def __init__(self, db: Database, drill_links: Callable[[], frozenset[str]] = frozenset) -> None:
        self.db, self.drill_links = db, drill_links  # a frame sent on a drill device's link is exercise
        self._engine = db.engine.execution_options(sqlite_begin="IMMEDIATE") if db.is_sqlite else db.engine

    def record(self, link: str, address: int, frame: bytes, at: datetime | None = None) -> None:
        """Store one transmitted frame (raises when the database is away; the caller logs)."""
        with self._engine.begin() as conn:
            if not self.db.is_sqlite:
                conn.execute(text("LOCK TABLE radio_raw_frames IN SHARE ROW EXCLUSIVE MODE"))
            next_id = (conn.scalar(select(func.max(_RAW.c.id))) or 0) + 1
            conn.execute(
                insert(_RAW).values(
                    id=next_id,
                    received_at=at or utc_now(),
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
        """Transmissions within the last ``window`` seconds, oldest first."""
        cutoff = (now or utc_now()) - timedelta(seconds=window)
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(_RAW.c.link, _RAW.c.received_at, func.length(_RAW.c.data))
                .where(_RAW.c.direction == "out", _RAW.c.received_at >= cutoff)
                .order_by(_RAW.c.received_at)
            ).all()
        return [Sent(link, at, size) for link, at, size in rows]
