"""Repeats of what was heard, recognised within a bounded time window, never forever.

The payload spec (docs/protocols/field-payload.md) gives every report the sending
station's number; a relay, the same frame heard on two of our radios, or a terminal
retrying sends the same (station, number) with the same bytes. So a report whose bytes
were heard **within the last REPEAT_WINDOW_S** is a repeat; the same bytes later are
stored and shown again. Two things make "the same bytes" a new report:
- time: a sensor without a clock, or a terminal that rebooted and counts from 0 again,
  sends bytes heard before — after the window they are news again;
- a counter reset: a station whose number goes back far (COUNTER_RESET_GAP) was
  restarted, so nothing it sent before the reset is taken for a repeat of what it
  sends now, even inside the window.
Texts are matched in the reassembler and against the messages table (derived.py), with
the same window and the resets known here; plain text (no number) with a shorter window.
At start-up ``load`` re-reads what was heard within the window (the raw rows keep the
+RCV line), so a repeat heard just after a restart is still flagged, while traffic from
before that is news again.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterator
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from ops_console.db.radio_models import RadioMessage
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.protocols import reyax_at as at

log = logging.getLogger(__name__)

REPEAT_WINDOW_S = 600.0
"""Ten minutes. A copy comes back within seconds to a few minutes (a relay, two of our
radios hearing one frame, a terminal's retries: 3 tries 30 s apart by default). Bytes
heard again after that are more likely a new report that happens to match; showing a
true repeat twice costs a glance, while swallowing a new EMERGENCY can cost a life."""
PLAIN_REPEAT_WINDOW_S = 30.0
"""Plain text has no number, so the same words later are a new call: a beacon sending
"SOS" every minute must keep being heard. Only a copy within 30 s (a relay, a second
radio of ours) is a repeat."""
COUNTER_RESET_GAP = 16
"""A station's number going back by at least this much (and by less than half the
number range, which would be a wrap forward) means its counter was reset (a reboot).
Smaller steps back are a relay or a retry of a recent number."""
MAX_ENTRIES = 65536
"""Memory bound in a flood: at most twice this many entries are kept; beyond it the oldest
generation is forgotten (a repeat of those is stored again: the safe side)."""
_NUMBERS = 65536
_PAGE = 8192
_RAW, _MSG = RawRow.__table__, RadioMessage.__table__
_KINDS = (b"P1|", b"S1|")


class RepeatFilter:
    """What was heard recently (key → when) and each station's last number.

    Keys are built from what was heard and always include the sending station (a report's
    bytes, a text's station, number and words), so a station's counter reset is checked
    against the station of the frame being classified. Transactional, like the batch it
    serves: what ``report``/``repeat``/``number`` learn waits in the ``_new_*`` dicts until
    ``commit``; ``rollback`` drops it, so a batch that could not be stored is not taken for
    a repeat of itself when it is stored later. Times are seconds since the epoch of when a
    frame was heard (the frame's own time, so a replay and a restart see the same clock).
    Hot path: a position or reading costs a few dict lookups and no object.
    """

    def __init__(self, window: float = REPEAT_WINDOW_S, limit: int = MAX_ENTRIES) -> None:
        self.window, self.limit = window, limit
        # key → when heard, in two generations: forgetting is dropping the older one when the
        # newer one spans the window or is full (deleting a dict's oldest keys one by one is
        # slow in CPython); a lookup checks the time itself, so older entries never count
        self._seen: dict[Hashable, float] = {}
        self._older: dict[Hashable, float] = {}
        self._started = 0.0  # when the newer generation began
        self._last: dict[str, int] = {}  # station → its last number
        self._reset: dict[str, float] = {}  # station → when its counter was last reset
        self._new_seen: dict[Hashable, float] = {}
        self._new_last: dict[str, int] = {}
        self._new_reset: dict[str, float] = {}
        self._newest = 0.0
        self.resets = 0  # counter resets detected (committed or not), for the log and tests

    def __len__(self) -> int:
        return len(self._seen) + len(self._older)

    def report(self, key: Hashable, station: str, number: int, when: float) -> bool:
        """A numbered report (its bytes as ``key``): True if it repeats one heard within the window."""
        last = self._new_last.get(station)
        if last is None:
            last = self._last.get(station)
        onwards = (number - last) % _NUMBERS if last is not None else 1
        if 0 < onwards <= _NUMBERS // 2:  # the usual case: the station's next number
            self._new_last[station] = number
        elif onwards:
            self.number(station, number, when)
        earlier = self._new_seen.get(key)
        if earlier is None:
            earlier = self._seen.get(key)
            if earlier is None:
                earlier = self._older.get(key)
        if (
            earlier is not None
            and -self.window <= when - earlier <= self.window
            and (not (self._reset or self._new_reset) or self._after_reset(station, earlier))
        ):
            return True
        self._new_seen[key] = when
        return False

    def number(self, station: str, number: int, when: float) -> bool:
        """Note that ``station`` used ``number``; True when that shows its counter was reset."""
        last = self._new_last.get(station)
        if last is None:
            last = self._last.get(station)
        if last is None:
            self._new_last[station] = number
            return False
        back = (last - number) % _NUMBERS
        if back == 0 or back >= _NUMBERS // 2:  # the same number again, or onwards (a wrap included)
            self._new_last[station] = number
            return False
        if back < COUNTER_RESET_GAP:  # a recent number again: a relay or a retry
            return False
        self._new_reset[station] = when
        self._new_last[station] = number
        self.resets += 1
        log.info(
            "radio: %s went back from number %d to %d: counter reset, earlier traffic is not a repeat",
            station,
            last,
            number,
        )
        return True

    def repeat(self, key: Hashable, station: str, when: float, window: float | None = None) -> bool:
        """True if ``key`` (which names ``station``) was heard within ``window`` (default:
        the filter's) and after the station's last counter reset; otherwise remember it."""
        window = self.window if window is None else window
        earlier = self._new_seen.get(key)
        if earlier is None:
            earlier = self._seen.get(key)
            if earlier is None:
                earlier = self._older.get(key)
        if (
            earlier is not None
            and -window <= when - earlier <= window
            and self._after_reset(station, earlier)
        ):
            return True
        self._new_seen[key] = when
        return False

    def _after_reset(self, station: str, heard: float) -> bool:
        reset = self.reset_at(station)
        return reset is None or heard >= reset

    def reset_at(self, station: str) -> float | None:
        """When ``station``'s counter was last seen reset (epoch seconds), or None."""
        reset = self._new_reset.get(station)
        return self._reset.get(station) if reset is None else reset

    def commit(self) -> None:
        """Keep what was learnt since the last commit (its batch is stored); forget what
        is older than the window."""
        if self._new_seen:
            newest = max(self._new_seen.values())
            if self._newest < newest:
                self._newest = newest
            self._seen.update(self._new_seen)
            self._new_seen = {}
        if self._new_last:
            self._last.update(self._new_last)
            self._new_last = {}
        if self._new_reset:
            self._reset.update(self._new_reset)
            self._new_reset = {}
        self._forget_old()

    def rollback(self) -> None:
        """Forget what was learnt since the last commit (its batch was not stored)."""
        self._new_seen, self._new_last, self._new_reset = {}, {}, {}

    def _forget_old(self) -> None:
        """Start a new generation when the newer one spans the window or is full; the one
        before it is dropped then (its entries are all at least a window old, or too many)."""
        span = max(self.window, PLAIN_REPEAT_WINDOW_S)
        if self._newest - self._started > span or len(self._seen) >= self.limit:
            self._older, self._seen = self._seen, {}
            self._started = self._newest

    def load(self, conn: Connection, now: datetime | None = None, scan_limit: int | None = None) -> int:
        """Remember the reports heard within the window before ``now`` and each station's
        last number (start-up); returns how many reports.

        Reads raw rows newest first, a page at a time, until the window or ``scan_limit``
        rows (default twice ``limit``) are behind, so a start on a database with years of
        traffic stays well under a second.
        """
        now = now or datetime.now(UTC)
        horizon = now.timestamp() - self.window
        reports: list[tuple[bytes, str, int, float]] = []
        for payload, heard in _stored_payloads(conn, _utc(horizon), scan_limit or 2 * self.limit):
            if payload[:3] in _KINDS:
                fields = payload.split(b"|", 3)
                if len(fields) > 3 and fields[2].isdigit():
                    reports.append((payload, fields[1].decode("ascii", "replace"), int(fields[2]), heard))
        numbers = conn.execute(
            select(_MSG.c.station, _MSG.c.number, _MSG.c.at)
            .where(_MSG.c.direction == "in", _MSG.c.kind != "plain", _MSG.c.at >= _utc(horizon))
            .order_by(_MSG.c.id)
        ).all()
        merged: list[tuple[float, str, int, bytes | None]] = sorted(
            [(r[3], r[1], r[2], r[0]) for r in reports]
            + [(_epoch(at_), station, number, None) for station, number, at_ in numbers],
            key=lambda item: item[0],
        )
        for when, station, number, report in merged:
            self.number(station, number, when)
            if report is not None:
                self.repeat(report, station, when)
        self.commit()
        log.info(
            "radio: %d reports heard in the last %.0f s known for repeat detection", len(reports), self.window
        )
        return len(reports)


def _stored_payloads(conn: Connection, since: datetime, scan_limit: int) -> Iterator[tuple[bytes, float]]:
    """Payloads of received, understood frames heard since ``since``, newest first."""
    before, scanned = None, 0
    while scanned < scan_limit:
        query = (
            select(_RAW.c.id, _RAW.c.data, _RAW.c.received_at)
            .where(
                _RAW.c.direction == "in",
                _RAW.c.status.in_(("parsed", "duplicate")),
                _RAW.c.received_at >= since,
            )
            .order_by(_RAW.c.id.desc())
            .limit(min(_PAGE, scan_limit - scanned))
        )
        if before is not None:
            query = query.where(_RAW.c.id < before)
        rows = conn.execute(query).all()
        if not rows:
            return
        scanned += len(rows)
        before = rows[-1][0]
        for _id, line, received_at in rows:
            heard = at.parse_line(bytes(line))
            if type(heard) is at.Received:
                yield heard.data, _epoch(received_at)


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _epoch(when: datetime) -> float:
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
