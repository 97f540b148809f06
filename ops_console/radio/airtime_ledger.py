"""What this station transmitted in the last hour, in a small local file beside its spool.

The duty-cycle budget binds the transmitter; the database keeps every frame sent
(airtime_log.py), but a gateway that starts while the server is away cannot read it, and
without it it could only stay silent (no acks for an outage) or guess (a crash loop then
spends the hour's budget several times over). This file is always at hand: one line per
frame sent (UTC time, link, payload bytes), appended and flushed before the frame counts
as sent, trimmed to the window at each start. The spool's lock (spool.py) makes this
process its only writer.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from ops_console.private_files import open_private, write_private
from ops_console.radio.airtime_log import Sent

log = logging.getLogger(__name__)


def ledger_beside(spool_path: Path) -> Path:
    return spool_path.with_name(f"{spool_path.stem}-airtime.log")


class AirtimeLedger:
    """Append-only lines ``ISO-time<TAB>link<TAB>bytes``; unreadable lines are skipped, counted."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.skipped = 0  # lines that could not be read (a torn last line after a power cut)
        self._lock = threading.Lock()
        self._out: IO[Any] | None = None

    def record(self, link: str, at: datetime, size: int) -> None:
        """Never raises: a ledger that cannot be written is logged; the budget in memory counts."""
        line = f"{at.astimezone(UTC).isoformat()}\t{link.replace(chr(9), ' ')}\t{size}\n"
        with self._lock:
            try:
                if self._out is None:
                    self._out = open_private(self.path, "a", encoding="utf-8")
                self._out.write(line)
                self._out.flush()  # in the kernel's hands: a kill -9 keeps it
            except OSError as exc:
                log.error("radio: the airtime ledger %s cannot be written (%s)", self.path, exc)
                self._out = None

    def exists(self) -> bool:
        return self.path.exists()

    def since(self, window: float, now: datetime | None = None) -> list[Sent]:
        """Frames sent within the last ``window`` seconds, oldest first; the file is trimmed
        to them (it never grows past an hour of traffic)."""
        cutoff = (now or datetime.now(UTC)) - timedelta(seconds=window)
        with self._lock:
            try:
                lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
            except FileNotFoundError:
                return []
            kept = [s for s in map(self._parse, lines) if s is not None and s.at >= cutoff]
            kept.sort(key=lambda s: s.at)
            if len(kept) < len(lines):
                self._close()
                write_private(self.path, "".join(f"{s.at.isoformat()}\t{s.link}\t{s.size}\n" for s in kept))
        return kept

    def _parse(self, line: str) -> Sent | None:
        try:
            at, link, size = line.split("\t")
            when = datetime.fromisoformat(at)
            if when.tzinfo is None:
                raise ValueError("no time zone")
            return Sent(link, when.astimezone(UTC), int(size))
        except ValueError:
            self.skipped += 1
            return None

    def _close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def close(self) -> None:
        with self._lock:
            self._close()


def merged(local: list[Sent], remote: list[Sent]) -> list[Sent]:
    """The ledger's and the database's records as one list, each transmission once (the
    same frame is in both when the database was there to take it)."""
    seen: set[tuple[str, datetime, int]] = set()
    out = []
    for sent in sorted([*local, *remote], key=lambda s: _utc(s.at)):
        at = _utc(sent.at)
        key = (sent.link, at.replace(microsecond=at.microsecond // 1000 * 1000), sent.size)
        if key not in seen:
            seen.add(key)
            out.append(sent)
    return out


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
