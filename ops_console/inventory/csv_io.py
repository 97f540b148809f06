"""Stock-count CSV in and levels/movements CSV out, as pure functions.

``parse_stock_csv`` takes the raw bytes of a file and never raises: it returns the rows
it could read and one problem per row it could not (or one for the whole file, when the
encoding, the delimiter or the columns are wrong), in words a logistics officer can act
on. Spreadsheets write many dialects, so it accepts UTF-8 (with or without BOM), UTF-16
with a BOM, and comma, semicolon or tab delimiters, and several names for each column.
Cells escaped against formulas (ops_console.csv_cells) are read back as they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from ops_console import csv_cells
from ops_console.csv_import import (
    CsvProblem,
    Unreadable,
    file_columns,
    ignored_columns,
    match_header,
    read_records,
    sentence,
)
from ops_console.said import N_, said

from .views import MAX_QUANTITY, MovementView, StockLevel

MAX_ROWS = 100_000
COLUMNS = {  # canonical name: accepted header words (case-insensitive)
    "item": ("item", "name", "item name", "barcode", "article"),
    "location": ("location", "place", "depot", "site", "store"),
    "quantity": ("quantity", "qty", "count", "counted", "amount", "on hand"),
    "lot": ("lot", "batch", "lot number"),
    "expiry": ("expiry", "expires", "expires on", "expiry date", "best before"),
}
REQUIRED = ("item", "location", "quantity")


@dataclass(frozen=True)
class CountRow:
    """One readable line of a stock count: ``line`` is the 1-based line in the file."""

    line: int
    item: str
    location: str
    quantity: int
    lot: str = ""
    expires_on: date | None = None


@dataclass(frozen=True)
class ParsedCsv:
    rows: tuple[CountRow, ...]
    problems: tuple[CsvProblem, ...]
    delimiter: str = ","

    @property
    def file_problem(self) -> str:
        return next((p.message for p in self.problems if p.line == 0), "")


def parse_quantity(text: str, *, allow_zero: bool = True) -> tuple[int | None, str]:
    """A whole, non-negative number of units, or None and why not (a stored sentence that
    starts small, ops_console/said.py)."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "").replace("_", "")
    if not raw:
        return None, said(N_("the quantity is empty"))
    if raw.startswith("-") and raw[1:].isdigit():
        return None, said(
            N_("the quantity {quantity} is negative; count what is on the shelf (0 or more)"), quantity=raw
        )
    if not raw.isascii() or not raw.isdigit():
        return None, said(
            N_("the quantity {quantity} is not a whole number"), quantity=repr(text.strip()[:20])
        )
    if len(raw) > 9 or int(raw) > MAX_QUANTITY:
        return None, said(
            N_("the quantity {quantity} is more than {most}; check the number"),
            quantity=raw[:12],
            most=f"{MAX_QUANTITY:,}",
        )
    value = int(raw)
    if value == 0 and not allow_zero:
        return None, said(N_("the quantity must be more than zero"))
    return value, ""


def _parse_date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def parse_stock_csv(data: bytes) -> ParsedCsv:
    """Rows and problems from the bytes of a stock-count file; never raises."""
    try:
        return _parse(data)
    except Exception as exc:  # a parser for files from anywhere: report, never crash
        return ParsedCsv(
            (),
            (CsvProblem(0, said(N_("The file cannot be read as CSV ({why})."), why=type(exc).__name__)),),
        )


def _parse(data: bytes) -> ParsedCsv:
    try:
        file = read_records(data, gbk=False)  # item names are Latin or UTF-8 Chinese: no GBK guess
    except Unreadable as exc:
        return ParsedCsv((), (CsvProblem(0, exc.stored),))
    delimiter = file.delimiter
    header_line, header = file.header
    columns, unknown = match_header(header, COLUMNS)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        words = N_(
            "Columns missing: {missing}. The first line has {found}. "
            "Expected a header like: item,location,quantity,lot,expiry."
        )
        if len(header) <= 1:
            words = N_(
                "Columns missing: {missing}. The first line has {found}. "
                "Expected a header like: item,location,quantity,lot,expiry. "
                "Only one column was found: is the delimiter a comma, semicolon or tab?"
            )
        problem = said(words, missing=", ".join(missing), found=file_columns(header))
        return ParsedCsv((), (CsvProblem(0, problem),), delimiter)
    body = file.body
    if len(body) > MAX_ROWS:
        return ParsedCsv(
            (),
            (
                CsvProblem(
                    0,
                    said(
                        N_("The file has {rows} rows; import at most {most} at a time."),
                        rows=f"{len(body):,}",
                        most=f"{MAX_ROWS:,}",
                    ),
                ),
            ),
            delimiter,
        )
    rows: list[CountRow] = []
    problems: list[CsvProblem] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in body:
        if len(cells) < len(header) and len(cells) <= max(columns.values()):
            problems.append(
                CsvProblem(
                    line,
                    said(N_("The row has {n} fields but the header has {m}."), n=len(cells), m=len(header)),
                )
            )
            continue
        value = {key: cells[index].strip() if index < len(cells) else "" for key, index in columns.items()}
        why = []
        if not value["item"]:
            why.append(said(N_("the item is empty")))
        if not value["location"]:
            why.append(said(N_("the location is empty")))
        quantity, qty_problem = parse_quantity(value["quantity"])
        if qty_problem:
            why.append(qty_problem)
        expires = None
        if value.get("expiry"):
            expires = _parse_date(value["expiry"])
            if expires is None:
                why.append(
                    said(
                        N_("the expiry {text} is not a date like 2025-06-30"), text=repr(value["expiry"][:20])
                    )
                )
        if len(value.get("lot", "")) > 60 or len(value["item"]) > 120 or len(value["location"]) > 120:
            why.append(said(N_("a field is too long")))
        key = (value["item"].casefold(), value["location"].casefold(), value.get("lot", "").casefold())
        if not why and key in seen:
            why.append(said(N_("the same item, location and lot as line {line}"), line=seen[key]))
        if why:
            problems.append(CsvProblem(line, sentence(why)))
            continue
        seen[key] = line
        rows.append(CountRow(line, value["item"], value["location"], quantity, value.get("lot", ""), expires))  # type: ignore[arg-type]
    if unknown:
        problems.insert(0, CsvProblem(header_line, ignored_columns(unknown)))
    return ParsedCsv(tuple(rows), tuple(problems), delimiter)


def _iso(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def write_levels_csv(levels: Iterable[StockLevel], stream: IO[str]) -> int:
    """The stock table as CSV (one row per item × location); returns the rows written."""
    out = csv_cells.writer(stream)
    out.writerow(
        [
            "item",
            "category",
            "unit",
            "critical",
            "location",
            "location_kind",
            "quantity",
            "minimum",
            "target",
            "state",
            "earliest_expiry",
            "daily_use",
            "days_of_cover",
        ]
    )
    n = 0
    for lv in levels:
        cover = lv.days_of_cover
        out.writerow(
            [
                lv.item_name,
                lv.category,
                lv.unit,
                int(lv.critical),
                lv.location_name,
                lv.location_kind.value,
                lv.quantity,
                lv.minimum,
                lv.target,
                lv.state.value,
                _iso(lv.earliest_expiry),
                f"{lv.daily_use:.2f}",
                "" if cover is None else f"{cover:.1f}",
            ]
        )
        n += 1
    return n


def write_movements_csv(moves: Iterable[MovementView], stream: IO[str], *, header: bool = True) -> int:
    """Ledger lines as CSV, times in UTC (ISO 8601) so workstations in any zone agree."""
    out = csv_cells.writer(stream)
    if header:
        out.writerow(
            [
                "id",
                "at_utc",
                "kind",
                "item",
                "quantity",
                "from",
                "to",
                "lot",
                "expires_on",
                "recipient",
                "request_id",
                "reason",
                "operator",
            ]
        )
    n = 0
    for m in moves:
        out.writerow(
            [
                m.id,
                _iso(m.at),
                m.kind.value,
                m.item_name,
                m.quantity,
                m.from_location,
                m.to_location,
                m.lot,
                _iso(m.expires_on),
                m.recipient,
                m.request_id or "",
                m.reason,
                m.operator_name,
            ]
        )
        n += 1
    return n
