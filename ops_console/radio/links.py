"""What the radio service knows of the running radios, without holding them.

The composition root (ops_console/post.py) gives the radio service one ``LinkBoard``.
While a radio runtime runs it plugs its status snapshot into the board and waits on the
board's ``sender_waker``; the service wakes the sender after compose, cancel and resend
and answers ``link_status()`` from the board. So neither the UI nor the service reaches
into a runtime, and a runtime never attaches itself to a service.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from ops_console.labels import QT_TRANSLATE_NOOP, translate

LINK_STATE_WORDS = {  # ModemState's values, as the link strip, the Devices dialog and the alert list say them
    "ready": QT_TRANSLATE_NOOP("LinkStrip", "Ready"),
    "configuring": QT_TRANSLATE_NOOP("LinkStrip", "Configuring"),
    "starting": QT_TRANSLATE_NOOP("LinkStrip", "Starting"),
    "not responding": QT_TRANSLATE_NOOP("LinkStrip", "Not responding"),
    "network key refused": QT_TRANSLATE_NOOP("LinkStrip", "Key refused: not sending"),
    "link down": QT_TRANSLATE_NOOP("LinkStrip", "Link down"),
    "closed": QT_TRANSLATE_NOOP("LinkStrip", "Closed"),
}
NOT_HEARING = frozenset({"link down", "not responding"})
"""States in which the post hears nothing through the radio."""
IN_TROUBLE = NOT_HEARING | {"network key refused"}
"""States that need a person (a refused key still hears, but does not send)."""


def link_state_words(state: str) -> str:
    """A radio's state in the reader's language (the state itself when it has no words)."""
    words = LINK_STATE_WORDS.get(state)
    return translate("LinkStrip", words) if words is not None else state


@dataclass(frozen=True)
class LinkStatus:
    """What the panel's link strip shows for one device."""

    label: str
    port: str
    state: str
    detail: str
    frames: int
    sent: int
    errors: int
    last_error: str
    stored: int
    invalid: int
    backlog: int
    waiting_for: str
    next_slot_in: float | None
    name: str = ""  # the link's name: what a message's ``link`` and the comms log say
    airtime_used: float = 0.0  # seconds on air in this link's budget window
    airtime_budget: float = 0.0  # seconds this link may be on air per window
    storage: str = (
        ""  # why heard frames are not being stored now ("disk full: ...", "database unavailable: ...")
    )
    kind: str = "lora"  # the device kind: "lora" (a REYAX modem) or "meshtastic"
    node_log: tuple[str, ...] = ()  # a Meshtastic node's latest debug log lines, oldest first
    mesh_nodes: tuple[str, ...] = ()  # a Meshtastic node's node database, one line per node


class LinkBoard:
    """The running radios' status and the sender's wake-up, shared by service and runtime."""

    def __init__(self) -> None:
        self.sender_waker = threading.Event()  # set: the outbox sender looks again now
        self._status: Callable[[], list[LinkStatus]] | None = None
        self._lock = threading.Lock()

    def plug(self, status: Callable[[], list[LinkStatus]]) -> None:
        """A runtime started: its status snapshots are what ``status()`` returns."""
        with self._lock:
            self._status = status

    def unplug(self) -> None:
        with self._lock:
            self._status = None

    @property
    def running(self) -> bool:
        with self._lock:
            return self._status is not None

    def status(self) -> list[LinkStatus]:
        with self._lock:
            source = self._status
        return source() if source is not None else []

    def wake_sender(self) -> None:
        self.sender_waker.set()
