"""What the radio panel shows besides the comms log, read off the GUI thread.

The panel refreshes once a second (link counters, what other workstations wrote) and after
every burst of radio events; the outbox, the nodes, the unacknowledged alerts and the
messages that changed are database reads, so they run as one job with the radio service
only, and the panel puts the picture on screen when it comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ops_console.known_error import OpsError


@dataclass(frozen=True)
class PictureRequest:
    """Which parts to read again (plain data: it travels to the worker)."""

    outbox: bool = False
    nodes: bool = False
    alerts: bool = False
    beep: bool = False  # a new alert arrived: give the cue when shown
    messages: tuple[int, ...] = ()  # messages whose state changed (acked, acknowledged, filed)


@dataclass(frozen=True)
class RadioPicture:
    """What was read; None for a part not asked for."""

    outbox: list[Any] | None = None
    nodes: list[Any] | None = None
    alerts: list[Any] | None = None
    beep: bool = False
    messages: list[Any] = field(default_factory=list)


def read_picture(radio: Any, wanted: PictureRequest) -> RadioPicture:
    """Job: read what ``wanted`` names with the radio service (never a widget)."""
    messages = []
    for message_id in wanted.messages:
        try:
            messages.append(radio.get(message_id))
        except OpsError:
            continue  # purged meanwhile (NotFound), or unreadable: the row keeps what it showed
    return RadioPicture(
        outbox=radio.outbox_list() if wanted.outbox else None,
        nodes=radio.nodes() if wanted.nodes else None,
        alerts=radio.unacknowledged_alerts() if wanted.alerts else None,
        beep=wanted.beep,
        messages=messages,
    )
