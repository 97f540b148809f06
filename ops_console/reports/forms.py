"""What every ICS form shares: its context (incident, period, who prepares it), the header
boxes the paper forms carry, and the CSV of its rows (UTF-8 with a BOM, so a spreadsheet
opens Chinese names correctly; cells escaped against formulas by ops_console.csv_cells).

Each form has its own module (ics214, ics309, ics213rr, ics205) that builds a
:class:`Form`: the document the PDF writer lays out and the rows of its CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ops_console import csv_cells
from ops_console.labels import QT_TRANSLATE_NOOP, translate
from ops_console.locale_format import local_datetime
from ops_console.printing import PrintDocument
from ops_console.printing.blocks import REPORTS_CONTEXT
from ops_console.printing.files import atomic_file
from ops_console.printing.progress import CancelToken
from ops_console.reports.period import Period

CSV_ENCODING = "utf-8-sig"  # the BOM tells spreadsheets the file is UTF-8 (Chinese, Hebrew, …)
_CHECK_EVERY = 5000


@dataclass(frozen=True)
class FormContext:
    """The header of every form: whose incident, which period, who prepared it and when."""

    incident: str
    period: Period
    prepared_by: str = ""
    position: str = ""
    prepared_at: datetime = field(default_factory=lambda: datetime.now().astimezone())

    def prepared(self) -> str:
        who = ", ".join(x for x in (self.prepared_by, self.position) if x)
        return f"{who} · {local_datetime(self.prepared_at)}".lstrip(" ·")

    def header(self, *extra: tuple[str, str]) -> list[tuple[str, str]]:
        """The numbered boxes at the top of the form, then the form's own."""
        return [
            (QT_TRANSLATE_NOOP("Reports", "1. Incident name"), self.incident),
            (QT_TRANSLATE_NOOP("Reports", "2. Operational period"), self.period.words()),
            (QT_TRANSLATE_NOOP("Reports", "Prepared by (name, position, date/time)"), self.prepared()),
            *extra,
        ]


@dataclass
class Form:
    """A form ready to write: its document (PDF) and its rows (CSV)."""

    name: str  # ics214 …
    document: PrintDocument
    columns: Sequence[str]
    rows: Sequence[Sequence[object]]


class _LocalClock:
    """UTC times as local 'YYYY-MM-DD HH:MM', fast enough for 100,000 rows: the text is kept
    per minute of UTC (a log's lines share their minute by the dozen), and for a new minute
    the zone's offset is looked up once per quarter hour of UTC (offsets change only at such
    instants) and the text put together without strftime."""

    def __init__(self) -> None:
        self._offsets: dict[int, timedelta] = {}
        self._minutes: dict[int, str] = {}

    def __call__(self, at: datetime | None) -> str:
        if at is None:
            return ""
        minute = int(at.timestamp()) // 60
        text = self._minutes.get(minute)
        if text is not None:
            return text
        if len(self._minutes) > 100_000:
            self._minutes.clear()
            self._offsets.clear()
        bucket = minute // 15
        offset = self._offsets.get(bucket)
        if offset is None:
            offset = self._offsets[bucket] = at.astimezone().utcoffset() or timedelta(0)
        d = at.astimezone(timezone.utc).replace(tzinfo=None) + offset
        text = self._minutes[minute] = f"{d.year:04d}-{d.month:02d}-{d.day:02d} {d.hour:02d}:{d.minute:02d}"
        return text


local_time = _LocalClock()


def write_csv(form: Form, path: Path | str, cancel: CancelToken | None = None) -> int:
    """The form's rows as CSV, whole or not at all; returns the number of rows. The column
    headings are the form's words in the console's language, as on its PDF."""
    with atomic_file(path, "w", encoding=CSV_ENCODING, newline="") as out:
        writer = csv_cells.writer(out)
        writer.writerow([translate(REPORTS_CONTEXT, column) for column in form.columns])
        for i, row in enumerate(form.rows):
            if cancel is not None and i % _CHECK_EVERY == 0:
                cancel.check()
            writer.writerow(row)
    return len(form.rows)
