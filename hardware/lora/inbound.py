"""The receive path of the AT modem: bytes in, RawFrames and command responses out.

Split from the driver so the hot path (tens of thousands of lines a second) is one small,
single-threaded piece without locks: it runs on the link's reader thread only. A
well-formed ``+RCV`` line takes one regular-expression match straight to its RawFrame
(``reyax_at.RCV``); every other line goes through ``parse_line``, which says what it is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import reyax_at as at
from ops_console.said import N_, said


class Response(NamedTuple):
    """A command response line (+OK, +ERR, +READY, +KEY=value) and its raw bytes."""

    raw: bytes
    response: at.AtResponse


Route = Callable[[Response, datetime, list[RawFrame]], None]
"""Gets each command response, in order; may append a (flagged) RawFrame for it."""


class Inbound:
    """Frame and parse chunks; every heard line becomes a RawFrame unless it is a response.

    ``note_error(kind, message)`` is told about each bad line (kinds: ``unparsed``,
    ``overlong``) so the driver can log and count it; the line itself still goes on.
    ``flagged`` counts the RawFrames made for bad lines (so the driver need not look).
    """

    def __init__(
        self, link_name: str, note_error: Callable[[str, str], None], max_line: int = at.DEFAULT_MAX_LINE
    ) -> None:
        self.link_name = link_name
        self.note_error = note_error
        self.framer = at.LineFramer(max_line)
        self.flagged = 0

    def feed(self, chunk: bytes, now: datetime, route: Route) -> list[RawFrame]:
        """The chunk's frames in the order heard (all share ``now``); responses go to ``route``."""
        frames: list[RawFrame] = []
        append, match, name = frames.append, at.RCV.match, self.link_name
        for line in self.framer.feed(chunk):
            m = match(line) if type(line) is bytes else None
            if m is not None:
                addr, length, data, rssi, snr = m.groups()
                if len(data) == int(length):
                    append(RawFrame(line, now, name, int(addr), data, int(rssi), int(snr)))
                    continue
            self._slow(line, now, route, frames)
        return frames

    def _slow(self, item: bytes | at.Overlong, now: datetime, route: Route, frames: list[RawFrame]) -> None:
        """Any line the fast match did not take: overlong, noisy, malformed, or a response."""
        if not isinstance(item, bytes):
            reason = said(
                N_("line longer than {limit} bytes (piece {part})"),
                limit=self.framer.max_line,
                part=item.part,
            )
            frames.append(self.bad(item.data, reason, "overlong", now))
            return
        resp = at.parse_line(item)
        kind = type(resp)
        if kind is at.Received:
            frames.append(RawFrame(item, now, self.link_name, resp.address, resp.data, resp.rssi, resp.snr))
        elif kind is at.Unparsed:
            frames.append(self.bad(item, resp.reason, "unparsed", now))
        else:
            route(Response(item, resp), now, frames)

    def bad(self, raw: bytes, reason: str, kind: str, now: datetime) -> RawFrame:
        """A flagged RawFrame for a line that is not a valid +RCV (and tell the driver).

        ``reason`` is a stored sentence (ops_console/said.py): the raw row keeps it in no
        language, so whoever reads the radio log reads it in their own."""
        self.note_error(kind, said(N_("{why}: {line}"), why=reason, line=repr(raw[:80])))
        self.flagged += 1
        return RawFrame(raw, now, self.link_name, error=reason)
