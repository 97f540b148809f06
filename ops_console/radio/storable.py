"""Text any database engine takes, for the rows made of what was heard."""

from __future__ import annotations

_NUL = "\x00"
NUL_SHOWN = "\u2400"  # ␀, SYMBOL FOR NULL: what a NUL byte in a text reads as


def storable(text: str) -> str:
    """Text any engine takes: PostgreSQL refuses NUL in text (and UTF-8 it cannot encode),
    and one refused value used to cost a whole batch. The raw row keeps the exact bytes.
    Several calls per text on the ingest's hot path: ASCII (nearly every text; a flag
    CPython keeps on the string) skips the trial encode."""
    if text.isascii():
        return text if _NUL not in text else text.replace(_NUL, NUL_SHOWN)
    if _NUL in text:
        text = text.replace(_NUL, NUL_SHOWN)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: only from a decoder bug, but never fatal
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text
