"""Plain text from radios that do not speak the field payload (an Arduino sketch, another
vendor's terminal, a person typing AT+SEND by hand).

Such a device sends its words as they are: no kind, no number, no CRC trailer. The
console must still show them (a person in trouble does not choose their radio), marked
as unverified because nothing proves the bytes arrived intact. This module only
decides whether a payload is readable text and what it says; which words raise an
alarm is ops_console.radio.distress's rule. A pure function that never raises, so it
is easy to fuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT = 240
"""The RYLR896/RYLR998 carry at most 240 data bytes; a longer payload is not a radio's."""

_FIELD_PAYLOAD = re.compile(rb"[TAPS]\d\|")
"""The start of a field payload frame: a broken one (trailer lost) is invalid, not plain text."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


@dataclass(frozen=True, slots=True)
class PlainText:
    """Readable words heard from a device that does not speak the field payload."""

    text: str


def decode(data: bytes) -> PlainText | None:
    """The words in ``data`` if it is plain text, else None.

    Plain text is valid UTF-8 of printable characters (tabs and line breaks allowed),
    with at least one letter or digit, that does not begin like a field payload frame.
    """
    if not data or len(data) > MAX_TEXT or _FIELD_PAYLOAD.match(data):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None
    text = text.strip()
    if not any(c.isalnum() for c in text):
        return None
    return PlainText(text)
