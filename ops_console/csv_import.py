"""Reading a CSV file someone saved from a spreadsheet: the part every import shares.

The stock count, the volunteer roster and the sensor register each import CSV from
whatever spreadsheet a post has. The traps are the same for all three — the encoding
(UTF-8 with or without BOM, UTF-16, GBK from a Chinese Excel), the delimiter (comma,
semicolon or tab), blank lines, cells escaped against formulas, a header with other
words for the same column — and so is what a person must be told when a file cannot be
read. Pure functions; each import keeps only its own columns and row rules.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ops_console import csv_cells
from ops_console.known_error import OpsError
from ops_console.said import N_, capitalised, english, said, shown


@dataclass(frozen=True)
class CsvProblem:
    """One problem of a file: ``stored`` is a stored sentence (ops_console/said.py), made on
    whatever thread read the file and read in the language of whoever shows it."""

    line: int  # 0: the whole file
    stored: str

    @property
    def message(self) -> str:
        """The sentence in the reader's language (the installed translator's)."""
        return shown(self.stored)

    @property
    def english(self) -> str:
        return english(self.stored)


@dataclass(frozen=True)
class CsvRecords:
    """The non-blank records of a file, each with its 1-based line, the header first."""

    records: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str

    @property
    def header(self) -> tuple[int, list[str]]:
        return self.records[0]

    @property
    def body(self) -> list[tuple[int, list[str]]]:
        return self.records[1:]


class Unreadable(OpsError):
    """The whole file cannot be read; the message is the sentence to show (``stored``: in no
    language, for a CsvProblem)."""


def decode_text(data: bytes, *, gbk: bool = True) -> tuple[str, str]:
    """(text, encoding used): UTF-16 with a BOM, UTF-8 (BOM or not), else GBK when ``gbk``
    (a Chinese Excel's "CSV" — where Latin text is expected, leave it off: GBK reads almost
    any bytes, and a Windows-1252 file would come out as nonsense instead of a refusal)."""
    if not data.strip():
        raise Unreadable(said(N_("The file is empty.")))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise Unreadable(
                said(
                    N_(
                        "The file claims to be UTF-16 but cannot be read as such. "
                        "Save it as “CSV UTF-8” and import again."
                    )
                )
            ) from None
    if b"\x00" in data[:4096]:
        raise Unreadable(
            said(
                N_(
                    "This is not a text file (is it a spreadsheet, .xlsx?). "
                    "Save it as “CSV UTF-8” and import again."
                )
            )
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        if not gbk:
            raise Unreadable(
                said(
                    N_(
                        "The file is not UTF-8 text (unreadable byte at position {position}). "
                        "Save it as “CSV UTF-8” (not ANSI or GBK) and import again."
                    ),
                    position=exc.start,
                )
            ) from None
    try:
        return data.decode("gb18030"), "gbk"
    except UnicodeDecodeError as exc:
        raise Unreadable(
            said(
                N_(
                    "The file is neither UTF-8 nor GBK text (unreadable byte at position {position}). "
                    "Save it as “CSV UTF-8” and import again."
                ),
                position=exc.start,
            )
        ) from None


def read_records(data: bytes, *, gbk: bool = True) -> CsvRecords:
    """The file's non-blank records, formula-escaped cells read back as they were; raises
    Unreadable with the sentence for a file that is empty, binary, undecodable or not CSV."""
    text, encoding = decode_text(bytes(data), gbk=gbk)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        rows = [
            csv_cells.unescape_row(r)
            for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        ]
    except csv.Error as exc:
        raise Unreadable(said(N_("The file is not valid CSV: {why}."), why=str(exc))) from None
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise Unreadable(said(N_("The file is empty.")))
    return CsvRecords(numbered, encoding, delimiter)


def header_word(cell: str) -> str:
    """A header cell as compared: case, quotes, underscores and spacing do not matter."""
    return " ".join(cell.strip().strip('"').casefold().replace("_", " ").split())


def match_header(
    cells: Iterable[str], columns: Mapping[str, Iterable[str]]
) -> tuple[dict[str, int], list[str]]:
    """({column: index} for the cells naming a known column, first one wins; cells not known)."""
    found: dict[str, int] = {}
    unknown = []
    words = {key: {header_word(w) for w in accepted} for key, accepted in columns.items()}
    for index, cell in enumerate(cells):
        word = header_word(cell)
        name = next((key for key, accepted in words.items() if word in accepted), None)
        if name and name not in found:
            found[name] = index
        elif word:
            unknown.append(cell.strip())
    return found, unknown


def sentence(parts: list[str]) -> str:
    """Problems (stored sentences that start small, ops_console/said.py) joined into one
    stored sentence; only the first letter is raised when shown (names keep their case)."""
    return capitalised(said(N_("{problems}."), problems=_joined(parts)))


def _joined(parts: list[str]) -> str:
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return said(N_("{first}; {then}"), first=parts[0], then=_joined(parts[1:]))


def file_columns(header: list[str]) -> str:
    """The first cells of a header line as a person reads them: 'name', 'amount'."""
    return ", ".join(repr(c.strip()[:30]) for c in header[:6])


def ignored_columns(unknown: list[str]) -> str:
    """The stored sentence for header cells an import does not know."""
    return said(N_("Ignored columns: {columns}."), columns=", ".join(u[:30] for u in unknown[:5]))
