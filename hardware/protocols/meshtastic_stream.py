"""Meshtastic serial API stream framing: ``0x94 0xC3``, a 16-bit big-endian length, a protobuf.

The firmware writes its debug log on the same port as the API frames (plain text lines,
unless the node is told otherwise), so a reader must find frames in a stream of other
bytes: everything between frames is ``Noise`` (skipped, counted, kept for the Devices
dialog), never fatal. The firmware's largest frame is 512 bytes
(``meshtastic.stream_interface.MAX_TO_FROM_RADIO_SIZE``); a header announcing more is
corrupt, so only its first byte is skipped and the search for the next magic goes on from
the byte after it. A header whose payload the caller's ``decode`` refuses (a protobuf that
does not decode: debug text that happened to hold the magic bytes and a small length) is
rejected the same way, so a real frame hidden inside the bytes it claimed is still found.
What ``decode`` made of a frame travels with it (``Frame.message``): it is decoded once.

Pure and single-threaded: ``feed`` is called on the link's reader thread only, never
raises, and keeps at most one unfinished frame (516 bytes) between calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ops_console.said import N_, said

START1 = 0x94
START2 = 0xC3
MAGIC = bytes((START1, START2))
HEADER_LEN = 4
MAX_PAYLOAD = 512
"""The firmware's limit for one ToRadio/FromRadio protobuf; a longer length is a corrupt header."""


class Frame(NamedTuple):
    """One frame: ``raw`` is header plus payload exactly as read, ``payload`` the protobuf,
    ``message`` what the framer's ``decode`` made of it (None without one)."""

    raw: bytes
    payload: bytes
    message: Any = None


class Noise(NamedTuple):
    """Bytes between frames (the debug log, line noise), in the order read."""

    data: bytes


class Rejected(NamedTuple):
    """A header that was not a frame after all: ``raw`` is what it claimed, ``reason`` why.

    A report only: its bytes are still searched and come out as Noise (or inside a Frame
    found among them), so Noise and Frame bytes together are exactly the stream."""

    raw: bytes
    reason: str


Item = Frame | Noise | Rejected
Decode = Callable[[bytes], Any]
"""A payload → its message, or None (or False) when it is no frame after all."""


def encode(payload: bytes) -> bytes:
    """The frame for one protobuf; ValueError when it is longer than the firmware takes."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"a frame carries at most {MAX_PAYLOAD} bytes, not {len(payload)}")
    return MAGIC + len(payload).to_bytes(2, "big") + payload


class StreamFramer:
    """Cuts a byte stream into Frames, Noise and Rejected headers, in stream order.

    ``decode(payload)`` (optional) says what a complete candidate holds; when it answers None
    (or False), the candidate is Rejected and its bytes after the first are searched again.
    """

    def __init__(self, decode: Decode | None = None) -> None:
        self.decode = decode
        self._buf = b""

    @property
    def pending(self) -> int:
        """Bytes held back as the start of a frame not yet complete."""
        return len(self._buf)

    def reset(self) -> bytes:
        """Forget an unfinished frame (the port closed mid-frame); returns the bytes dropped."""
        dropped, self._buf = self._buf, b""
        return dropped

    def feed(self, chunk: bytes) -> list[Item]:
        """Everything ``chunk`` completes, in order; an unfinished frame waits for more."""
        buf = self._buf + chunk if self._buf else bytes(chunk)
        out: list[Item] = []
        size, pos, noise_from = len(buf), 0, 0
        find, decode = buf.find, self.decode
        while True:
            start = find(b"\x94", pos)
            if start < 0:
                pos = size
                break
            if start + 1 >= size:  # a lone 0x94 at the end: perhaps the first byte of a frame
                pos = start
                break
            if buf[start + 1] != START2:
                pos = start + 1
                continue
            if start + HEADER_LEN > size:
                pos = start
                break
            length = (buf[start + 2] << 8) | buf[start + 3]
            if length > MAX_PAYLOAD:  # its bytes stay noise; the next magic may be among them
                out.append(
                    Rejected(
                        buf[start : start + HEADER_LEN],
                        said(N_("corrupt length {length} > {most}"), length=length, most=MAX_PAYLOAD),
                    )
                )
                pos = start + 1
                continue
            end = start + HEADER_LEN + length
            if end > size:
                pos = start
                break
            payload = buf[start + HEADER_LEN : end]
            message = None if decode is None else decode(payload)
            if decode is not None and (message is None or message is False):
                out.append(Rejected(buf[start:end], said(N_("payload does not decode"))))
                pos = start + 1
                continue
            if start > noise_from:
                out.append(Noise(buf[noise_from:start]))
            out.append(Frame(buf[start:end], payload, message))
            noise_from = pos = end
        if pos > noise_from:
            out.append(Noise(buf[noise_from:pos]))
        self._buf = buf[pos:]
        return out
