"""The receive path of the AT modem: bytes in, RawFrames and command responses out.

Split from the driver so the hot path (tens of thousands of lines a second) is one small,
single-threaded piece without locks: it runs on the link's reader thread only.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import reyax_at as at


class Response(NamedTuple):
    """A command response line (+OK, +ERR, +READY, +KEY=value) and its raw bytes."""

    raw: bytes
    response: at.AtResponse


class Inbound:
    """Frame and parse chunks; every heard line becomes a RawFrame unless it is a response.

    ``note_error(kind, message)`` is told about each bad line (kinds: ``unparsed``,
    ``overlong``) so the driver can log and count it; the line itself still goes on.
    """

    def __init__(self, link_name: str, note_error: Callable[[str, str], None],
                 max_line: int = at.DEFAULT_MAX_LINE) -> None:
        self.link_name = link_name
        self.note_error = note_error
        self.framer = at.LineFramer(max_line)

    def feed(self, chunk: bytes, now: datetime) -> list[RawFrame | Response]:
        """Items in the order heard; all lines of one chunk share ``now``."""
        out: list[RawFrame | Response] = []
        name, received, unparsed = self.link_name, at.Received, at.Unparsed
        for item in self.framer.feed(chunk):
            if type(item) is not bytes:
                reason = f"line longer than {self.framer.max_line} bytes (piece {item.part})"
                out.append(self.bad(item.data, reason, "overlong", now))
                continue
            resp = at.parse_line(item)
            kind = type(resp)
            if kind is received:
                out.append(RawFrame(item, now, name, resp.address, resp.data, resp.rssi, resp.snr))
            elif kind is unparsed:
                out.append(self.bad(item, resp.reason, "unparsed", now))
            else:
                out.append(Response(item, resp))
        return out

    def bad(self, raw: bytes, reason: str, kind: str, now: datetime) -> RawFrame:
        """A flagged RawFrame for a line that is not a valid +RCV (and tell the driver)."""
        self.note_error(kind, f"{reason}: {raw[:80]!r}")
        return RawFrame(raw, now, self.link_name, error=reason)
