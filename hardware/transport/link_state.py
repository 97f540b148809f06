"""Small value types of a serial link: its state, a stats snapshot, backoff, send tickets.

Kept apart from the threads in serial_link.py so they are easy to read and to test.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum

from ops_console.said import N_, said


class LinkState(str, Enum):
    """Where a link is in its life; the string value is what logs and the UI show."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    CLOSED = "closed"


_LINK_WORDS = {
    LinkState.CONNECTING: N_("connecting"),
    LinkState.CONNECTED: N_("connected"),
    LinkState.RECONNECTING: N_("reconnecting"),
    LinkState.FAILED: N_("failed"),
    LinkState.CLOSED: N_("closed"),
}


def link_words(state: LinkState) -> str:
    """The state's word as a stored sentence (ops_console/said.py), for a detail line a person reads."""
    return said(_LINK_WORDS[state])


@dataclass(frozen=True, slots=True)
class LinkStats:
    """A consistent snapshot of one link, cheap to hand to another thread."""

    name: str
    url: str
    state: LinkState
    detail: str
    bytes_in: int
    bytes_out: int
    frames: int
    errors: int
    reconnects: int
    open_failures: int
    queued: int


class Backoff:
    """Exponential delays ``initial, 2*initial, ...`` capped at ``cap``; ``reset`` on success."""

    def __init__(self, initial: float = 0.2, cap: float = 5.0, factor: float = 2.0) -> None:
        if initial <= 0 or cap < initial or factor < 1:
            raise ValueError("need 0 < initial <= cap and factor >= 1")
        self.initial, self.cap, self.factor = initial, cap, factor
        self._next = initial

    def next(self) -> float:
        """The delay to wait now; the following one grows."""
        delay = self._next
        self._next = min(self._next * self.factor, self.cap)
        return delay

    def reset(self) -> None:
        """Start again from ``initial`` (after a successful connection)."""
        self._next = self.initial


class SendTicket:
    """One queued write. ``written`` is set once every byte went to the port.

    The modem driver waits on it so a command's response timeout starts when the command
    actually left, not while it sat in the queue of an unplugged link.
    """

    __slots__ = ("data", "written")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.written = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until written or ``timeout``; True when written."""
        return self.written.wait(timeout)
