"""CSV cells that a spreadsheet will never run as a formula, and the way back.

Every CSV the console writes goes through :func:`writer` or :func:`dict_writer`; every CSV
it reads passes its cells through :func:`unescape_cell`. The rule is OWASP's ("CSV
Injection"): a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is prefixed with a single quote, which spreadsheets show as text and do not
evaluate. A cell that already starts with a quote gets one more, so the import can undo
the escape exactly (``unescape_cell(escape_cell(s)) == s`` for every string).

One exception, on purpose: a plain negative number (``-3``, ``-122.4194``) is written as
it is. A spreadsheet reads it as a number and runs nothing, and longitudes, balances and
stock corrections stay numbers a person can sort and add. Anything more (``-2+3``,
``-A1``) is escaped.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_PLAIN_NEGATIVE = re.compile(r"-\d+(\.\d+)?([eE][-+]?\d+)?\Z")


def _needs_quote(text: str) -> bool:
    if text.startswith(QUOTE):
        return True
    return text.startswith(TRIGGERS) and not _PLAIN_NEGATIVE.match(text)


def escape_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will show it without running it (non-strings unchanged
    unless their text starts like a formula, which only a negative number's does)."""
    if value is None or isinstance(value, bool):
        return value
    text = value if isinstance(value, str) else str(value)
    if _needs_quote(text):
        return QUOTE + text
    return value


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell` on a cell read back from a file; other cells are kept."""
    if text.startswith(QUOTE) and _needs_quote(text[1:]):
        return text[1:]
    return text


class _EscapingWriter:
    """``csv.writer`` whose rows are escaped cell by cell."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        self._out = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._out.writerow([escape_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _EscapingDictWriter(csv.DictWriter):  # type: ignore[type-arg]
    """``csv.DictWriter`` whose values (not its header) are escaped."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: escape_cell(value) for key, value in rowdict.items()})


def writer(stream: IO[str], **options: Any) -> _EscapingWriter:
    """A CSV writer for anything the console exports.

    Lines end in CRLF (RFC 4180) on purpose: Python 3.11's writer quotes a cell only when
    it holds a character of the line terminator, so with a bare ``\\n`` a cell holding a
    carriage return was written unquoted and read back broken."""
    options.setdefault("lineterminator", "\r\n")
    return _EscapingWriter(stream, **options)


def dict_writer(stream: IO[str], fieldnames: Sequence[str], **options: Any) -> csv.DictWriter:  # type: ignore[type-arg]
    """A DictWriter for exports; the header row is written as it is (our own column names).
    Lines end in CRLF for the reason :func:`writer` gives."""
    options.setdefault("lineterminator", "\r\n")
    return _EscapingDictWriter(stream, fieldnames=fieldnames, **options)


def unescape_row(cells: Iterable[str]) -> list[str]:
    """A row read by ``csv.reader`` with every cell unescaped."""
    return [unescape_cell(cell) for cell in cells]
