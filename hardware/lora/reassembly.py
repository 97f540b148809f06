"""Pure, clock-driven helpers for received field payload: fragment reassembly and duplicates.

Radios repeat: a terminal that misses our ack sends the same message again, and a
fragment may be heard twice. Both classes take the clock as an argument (seconds, any
monotonic origin) so tests and the replay of stored traffic are deterministic.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace

from ops_console.hardware.protocols.field_payload import Precedence, TextFragment, TextMessage


@dataclass(frozen=True, slots=True)
class Incomplete:
    """A message evicted before all fragments arrived: what we had and what was missing."""

    sender: str
    number: int
    total: int
    missing: tuple[int, ...]


@dataclass
class _Partial:
    recipient: str
    precedence: Precedence
    total: int
    first_seen: float
    parts: dict[int, bytes] = field(default_factory=dict)


class Reassembler:
    """Collect ``TextFragment``s into ``TextMessage``s, keyed by (sender, number).

    Duplicate fragments are ignored (counted), fragments that contradict the first one
    seen (a different total) are counted as conflicts and dropped, and partial messages
    older than ``timeout`` are evicted and reported by ``evict``.
    """

    def __init__(self, timeout: float = 300.0, max_pending: int = 1024) -> None:
        self.timeout = timeout
        self.max_pending = max_pending
        self._pending: OrderedDict[tuple[str, int], _Partial] = OrderedDict()
        self._done: OrderedDict[tuple[str, int], float] = OrderedDict()
        self.duplicates = 0
        self.conflicts = 0

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, fragment: TextFragment, now: float) -> TextMessage | None:
        """Add one fragment; return the message when it is complete, else None."""
        key = (fragment.sender, fragment.number)
        if key in self._done:
            self.duplicates += 1
            return None
        if fragment.total == 1 and self.take_whole(key, now):  # most texts: no partial kept
            return TextMessage(
                key[0],
                fragment.recipient,
                key[1],
                fragment.precedence,
                fragment.body.decode("utf-8", "replace"),
            )
        partial = self._pending.get(key)
        if partial is None:
            partial = _Partial(fragment.recipient, fragment.precedence, fragment.total, now)
            self._pending[key] = partial
            self._bound(self._pending)
        elif partial.total != fragment.total or partial.recipient != fragment.recipient:
            self.conflicts += 1
            return None
        if fragment.index in partial.parts:
            self.duplicates += 1
            return None
        partial.parts[fragment.index] = fragment.body
        if len(partial.parts) < partial.total:
            return None
        return self._complete(key, partial, now)

    def take_whole(self, key: tuple[str, int], now: float) -> bool:
        """A message whole in one fragment (1/1), keyed (sender, number): True when it is
        new, and it is remembered as complete (what ``add`` does, without a partial or a
        message object: the bulk ingest has the text already). False when the key is
        complete already or has fragments pending: then ``add`` the fragment, which
        counts the duplicate or the conflict."""
        done = self._done
        if key in done or key in self._pending:
            return False
        done[key] = now
        if len(done) > self.max_pending:
            done.popitem(last=False)  # the oldest: one in, one out
        return True

    def repeated_whole(self, fragment: TextFragment) -> bool:
        """``fragment`` is the last one of a message already complete: the team sent the
        whole message again (it did not hear our ack), so it wants another."""
        return (fragment.sender, fragment.number) in self._done and fragment.index == fragment.total

    def forget(self, sender: str) -> None:
        """``sender``'s counter was reset (a reboot): its numbers mean new messages now, so
        drop what it had pending or completed under them."""
        for table in (self._pending, self._done):
            for key in [k for k in table if k[0] == sender]:
                del table[key]

    def snapshot(self) -> object:
        """A copy of the state, for ``restore`` when what was added since must be undone (the
        batch it came in could not be stored and will be added again)."""
        pending = OrderedDict((k, replace(p, parts=dict(p.parts))) for k, p in self._pending.items())
        return pending, self._done.copy(), self.duplicates, self.conflicts

    def restore(self, snapshot: object) -> None:
        """Go back to a ``snapshot`` (each is restored at most once)."""
        self._pending, self._done, self.duplicates, self.conflicts = snapshot  # type: ignore[misc]

    def evict(self, now: float) -> list[Incomplete]:
        """Drop partial messages older than the timeout; forget old completed keys."""
        gone: list[Incomplete] = []
        for key, partial in list(self._pending.items()):
            if now - partial.first_seen >= self.timeout:
                del self._pending[key]
                missing = tuple(i for i in range(1, partial.total + 1) if i not in partial.parts)
                gone.append(Incomplete(key[0], key[1], partial.total, missing))
        for key, finished in list(self._done.items()):
            if now - finished >= self.timeout:
                del self._done[key]
        return gone

    def _complete(self, key: tuple[str, int], partial: _Partial, now: float) -> TextMessage:
        del self._pending[key]
        self._done[key] = now
        self._bound(self._done)
        body = b"".join(partial.parts[i] for i in range(1, partial.total + 1))
        text = body.decode("utf-8", "replace")
        return TextMessage(key[0], partial.recipient, key[1], partial.precedence, text)

    def _bound(self, table: OrderedDict) -> None:
        while len(table) > self.max_pending:
            table.popitem(last=False)
