"""Acks for messages that are safe in the spool file before they reach the database.

A team's terminal repeats a message until the post acks it. While the database is away
(a server down, a cut cable, a gateway started before the server) the frames go to the
spool file: on disk, forwarded in order when the server answers. Waiting for that
forward to ack would keep the teams repeating through the whole outage, spending their
airtime and ours, and looking to them as if the post had not heard. So a message is
acked as soon as its frames are in the spool (never while they are only in memory: what
dies with the process must not be acked), and when the spool is forwarded the store
makes no second ack (ingest.py).

The spool's frames are reassembled here by a reassembler of its own: the ingest's
reassembly runs at store time and must not see them twice.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.protocols import field_payload as fp

AckKey = tuple[int, str, int]
"""(node address, team call, message number), as the outbox worker queues acks."""


class SpoolAcks:
    """Which spooled messages want an ack now (a message's fragments may span spool writes)."""

    def __init__(self) -> None:
        self._reassembler = Reassembler(timeout=600.0)

    def scan(self, frames: Sequence[tuple], console_call: str) -> list[AckKey]:  # type: ignore[type-arg]
        """Frames (RawFrame field order) just written to the spool: the acks they call for."""
        wanted: list[AckKey] = []
        now = time.monotonic()
        for frame in frames:
            _raw, _at, _link, address, data, _rssi, _snr, error = frame
            if error is not None or address is None or not data or data[:1] != b"T":
                continue  # positions and readings (most traffic) stop here, undecoded
            item = fp.decode(data)
            if not isinstance(item, fp.TextFragment):
                continue
            if item.recipient != console_call:
                continue
            if self._reassembler.add(item, now) is not None or self._reassembler.repeated_whole(item):
                wanted.append((address, item.sender, item.number))  # complete, or sent again whole
        return wanted
