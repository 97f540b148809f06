"""Repeats of position and sensor reports, recognised across a restart of the console.

The payload spec (docs/protocols/field-payload.md) gives every report the sending
station's number; a relay, or a terminal that repeats itself, sends the same (station,
number) with the same bytes. Numbers wrap at 65536, so the same pair with *different*
bytes is a new report. The frame's bytes hold the station, the number, the content and
its CRC, so "the same bytes" is the whole test: this filter keeps the payloads of recent
reports. Texts are checked against the messages table instead; positions and readings
have no number column, so at start-up the filter re-reads the payloads of the reports
already stored from the raw frames (the raw row keeps the +RCV line): a repeat heard
after a restart is still flagged as a duplicate, with no schema change.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

from sqlalchemy import Connection, select

from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.protocols import reyax_at as at

log = logging.getLogger(__name__)
DEDUPE_ENTRIES = 65536
"""At least this many of the latest reports are known (at most twice as many): a repeat
of an older one is stored again. The same bound before and after a restart."""
_PAGE = 8192
_RAW = RawRow.__table__
_KINDS = (b"P1|", b"S1|")


class RepeatFilter:
    """Payloads of recent reports, in two generations of sets.

    Sets, not an LRU dict: a lookup is a hash of bytes already hashed, and forgetting is
    dropping the older generation when the newer one is full, so no per-report
    bookkeeping. Transactional, like the batch it serves: what ``repeat`` learns waits in
    ``_pending`` until ``commit``; ``rollback`` drops it, so a batch that could not be
    stored is not taken for a repeat of itself when it is stored later.
    """

    def __init__(self, limit: int = DEDUPE_ENTRIES) -> None:
        self.limit = limit
        self._current: set[bytes] = set()
        self._previous: set[bytes] = set()
        self._pending: set[bytes] = set()

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)

    def repeat(self, data: bytes) -> bool:
        """True if this exact report was seen before; otherwise remember it and say False."""
        if data in self._pending or data in self._current or data in self._previous:
            return True
        self._pending.add(data)
        return False

    def commit(self) -> None:
        """Keep what was learnt since the last commit (its batch is stored)."""
        if self._pending:
            self._current |= self._pending
            self._pending = set()
            if len(self._current) >= self.limit:
                self._previous, self._current = self._current, set()

    def rollback(self) -> None:
        """Forget what was learnt since the last commit (its batch was not stored)."""
        self._pending = set()

    def load(self, conn: Connection, scan_limit: int | None = None) -> int:
        """Remember the newest reports already stored (start-up); returns how many.

        Reads raw rows newest first, a page at a time, until ``limit`` reports are found or
        ``scan_limit`` rows (default four times ``limit``) were looked at, so a start on a
        database with years of traffic stays well under a second.
        """
        found = set()
        for payload in _stored_payloads(conn, scan_limit or 4 * self.limit):
            if payload[:3] in _KINDS:
                found.add(payload)
                if len(found) >= self.limit:
                    break
        self._pending |= found
        self.commit()
        log.info("radio: %d stored position/sensor reports known for repeat detection", len(found))
        return len(found)


def _stored_payloads(conn: Connection, scan_limit: int) -> Iterator[bytes]:
    """Payloads of received, understood frames, newest first (by id: the index is the key)."""
    before, scanned = None, 0
    while scanned < scan_limit:
        query = (select(_RAW.c.id, _RAW.c.data)
                 .where(_RAW.c.direction == "in", _RAW.c.status.in_(("parsed", "duplicate")))
                 .order_by(_RAW.c.id.desc()).limit(min(_PAGE, scan_limit - scanned)))
        if before is not None:
            query = query.where(_RAW.c.id < before)
        rows = conn.execute(query).all()
        if not rows:
            return
        scanned += len(rows)
        before = rows[-1][0]
        for _id, line in rows:
            heard = at.parse_line(bytes(line))
            if type(heard) is at.Received:
                yield heard.data
