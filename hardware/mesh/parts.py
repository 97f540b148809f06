"""Texts longer than one Meshtastic packet: split on send, put back together on receive.

A packet carries 233 bytes of text (``DATA_PAYLOAD_LEN``). A longer text goes out as up to
``MAX_PARTS`` packets, each opening with a small header that any Meshtastic app shows as
it is and a person reads without help: ``(1/3) `` … ``(3/3) ``. Parts are cut between
UTF-8 characters (never inside one, so each part is readable alone in another app), at a
space when one is near the end of the room.

On receive, ``PartCollector`` groups the parts of one message by who sent it to whom (and
on which channel) and gives them one report number, so the ingest's reassembler joins them
into one message in the communications log. A message whose parts did not all arrive
within ``timeout`` is handed back by ``expire`` with what did arrive, so the driver can
show it marked incomplete: never dropped.

Pure and clock-driven (the caller passes ``now``); no I/O, no threads, no locks.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from ops_console.hardware.mesh.types import DATA_PAYLOAD_LEN
from ops_console.known_error import OpsError
from ops_console.said import N_, said, tr

MAX_PARTS = 8
"""Most parts one text is split into (the outbox's limit for a message, ``MAX_FRAMES``)."""
MAX_RECEIVED_PARTS = 99
"""Most parts a received text may announce (``(i/n)`` with two digits each)."""
PART_TIMEOUT_S = 120.0
"""How long the parts of one text are waited for after its first part was heard."""
_HEADER = re.compile(rb"\((\d{1,2})/(\d{1,2})\) ")
_SPACE_SEARCH = 24
"""Bytes back from the end of a part's room in which a space is looked for."""


def header(index: int, total: int) -> bytes:
    """The part header: ``(1/3) ``."""
    return b"(%d/%d) " % (index, total)


def parts_needed(text: str, limit: int = DATA_PAYLOAD_LEN) -> int:
    """How many packets ``text`` needs (1 when it fits in one)."""
    return len(split(text, limit, max_parts=MAX_RECEIVED_PARTS))


GAP_WORDS = N_("[part {index} of {total} not received: the message is incomplete]")
"""What stands in a long text for a part that never arrived. It goes into the text's body in
English (the driver knows no reader); ``gaps_shown`` reads it in the reader's language."""
_GAP = re.compile(r"\[part (\d{1,2}) of (\d{1,2}) not received: the message is incomplete\]")


def gaps_shown(text: str) -> str:
    """``text`` with each gap marker (``GAP_WORDS``) in the reader's language (said.shown)."""
    if "not received" not in text:
        return text
    return _GAP.sub(lambda m: tr(GAP_WORDS, index=int(m[1]), total=int(m[2])), text)


class TooLong(OpsError, ValueError):
    """A text that needs more parts than are sent for one; ``str()`` is a sentence for a person
    (a stored sentence, ops_console/said.py)."""


def split(text: str, limit: int = DATA_PAYLOAD_LEN, max_parts: int = MAX_PARTS) -> list[bytes]:
    """The payloads for ``text``: itself when it fits in one packet, else parts with their
    headers, each at most ``limit`` bytes. ValueError when it needs more than ``max_parts``."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return [data]
    for digits in (1, 2):
        room = limit - len(header(10**digits - 1, 10**digits - 1))
        chunks = _cut(data, room)
        if len(chunks) < 10**digits:
            break
    if len(chunks) > max_parts:
        raise TooLong(
            said(
                N_(
                    "too long for Meshtastic: {size} bytes would take {count} packets, at most {most} are sent for one text"
                ),
                size=len(data),
                count=len(chunks),
                most=max_parts,
            )
        )
    total = len(chunks)
    return [header(i, total) + chunk for i, chunk in enumerate(chunks, 1)]


def _cut(data: bytes, room: int) -> list[bytes]:
    """``data`` in pieces of at most ``room`` bytes, each ending on a character boundary
    (at a space near the end when there is one)."""
    out: list[bytes] = []
    start, size = 0, len(data)
    while start < size:
        end = min(start + room, size)
        if end < size:
            while end > start and (data[end] & 0xC0) == 0x80:  # inside a character: back to its start
                end -= 1
            space = data.rfind(b" ", max(start + 1, end - _SPACE_SEARCH), end)
            if space > start:
                end = space + 1  # the space stays at the end of this part
        out.append(data[start:end])
        start = end
    return out


def parse(payload: bytes) -> tuple[int, int, bytes] | None:
    """(index, total, body) of a part, or None for a text that is not one."""
    if payload[:1] != b"(":
        return None
    m = _HEADER.match(payload)
    if m is None:
        return None
    index, total = int(m[1]), int(m[2])
    if not (2 <= total <= MAX_RECEIVED_PARTS and 1 <= index <= total):
        return None
    return index, total, payload[m.end() :]


Key = tuple[int, int, int]
"""(sender, destination, channel): the parts of one message come from one node to one place."""


@dataclass
class Gathering:
    """The parts of one message heard so far."""

    key: Key
    total: int
    number: int
    first_seen: float
    parts: dict[int, bytes] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[int, ...]:
        return tuple(i for i in range(1, self.total + 1) if i not in self.parts)

    def gap(self, index: int) -> bytes:
        """What stands in the message for part ``index`` that never arrived."""
        return f" {GAP_WORDS.format(index=index, total=self.total)} ".encode()


class PartCollector:
    """Parts by message; ``add`` gives the report number of the message a part belongs to,
    ``expire`` the messages that stayed incomplete."""

    def __init__(self, timeout: float = PART_TIMEOUT_S, max_pending: int = 256) -> None:
        self.timeout, self.max_pending = timeout, max_pending
        self._pending: OrderedDict[Key, Gathering] = OrderedDict()
        self._done: OrderedDict[Key, tuple[Gathering, float]] = OrderedDict()
        self._gone: list[Gathering] = []
        self.completed = self.incomplete = self.repeats = 0

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, key: Key, index: int, total: int, body: bytes, number: int, now: float) -> int:
        """Note one part; returns the number its message is reported under (``number`` for a
        message whose first part this is)."""
        done = self._done.get(key)
        if done is not None and done[0].total == total and done[0].parts.get(index) == body:
            self.repeats += 1  # a part of a message already whole, sent again
            return done[0].number
        had = self._pending.get(key)
        if had is not None and (
            had.total != total or had.parts.get(index, body) != body or now - had.first_seen >= self.timeout
        ):
            del self._pending[key]  # another message began: the one before stays as it is
            self._gone.append(had)
            had = None
        if had is None:
            had = self._pending[key] = Gathering(key, total, number, now)
            while len(self._pending) > self.max_pending:
                self._gone.append(self._pending.popitem(last=False)[1])
        if index in had.parts:
            self.repeats += 1
        had.parts[index] = body
        if len(had.parts) == total:
            del self._pending[key]
            self._done[key] = (had, now)
            while len(self._done) > self.max_pending:
                self._done.popitem(last=False)
            self.completed += 1
        return had.number

    def expire(self, now: float) -> list[Gathering]:
        """Messages whose parts stopped coming (the timeout passed, or the sender began
        another): what arrived, for the caller to show as incomplete."""
        gone, self._gone = self._gone, []
        for key, had in list(self._pending.items()):
            if now - had.first_seen >= self.timeout:
                del self._pending[key]
                gone.append(had)
        for key, (_had, when) in list(self._done.items()):
            if now - when >= self.timeout:
                del self._done[key]
        self.incomplete += len(gone)
        return gone
