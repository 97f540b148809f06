"""Reports: the SITREP of a big post, and an ICS 214 of 100,000 lines as PDF and CSV.

Figures (each the median of ``--runs`` runs, default 3; ``--quick``: one small run):
- ``sitrep_s``: the SITREP PDF of the demo post grown to 5,000 incidents, 20,000 tasks and
  200,000 log lines, end to end (the records read, the map drawn, laid out and written;
  target <= 5 s), against the *floor*: the same text (the report's Markdown, line by line)
  written to a plain PDF with no layout in the same run;
- ``ics214_pdf_s``: the ICS 214 of 100,000 log lines as PDF, end to end (read, laid out
  like the paper form, written; target <= 15 s), against the same rows written to a
  plain PDF with no layout (one drawText per row);
- ``ics214_csv_s``: the same ICS 214 as CSV, end to end (read, escaped, written with a BOM;
  target <= 2 s), against a plain csv.writer dump of the same rows, already in memory.
--quick: 500 incidents, 2,000 tasks, 20,000 log lines, an ICS 214 of 10,000 lines.

Run: python bench/reports.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("OPS_CONSOLE_PIN_COST", "test")

from _posts import grown_demo_post  # noqa: E402
from _report import add_run_options, median_of, repeat, result_line, runs_of  # noqa: E402


def _add_incidents(post, total: int, seed: int = 5) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, insert, select

    from ops_console.clock import utc_now
    from ops_console.db.models import Incident

    rng = random.Random(seed)
    now = utc_now()
    kinds = ("flooding", "fire", "medical", "power_outage", "road_blocked", "structural", "other")
    with post.db.write() as s:
        have = s.scalar(select(func.count()).select_from(Incident)) or 0
        rows = [
            {
                "title": f"Report {i}: water in cellar",
                "kind": rng.choice(kinds),
                "severity": rng.randint(1, 4),
                "status": rng.choice(("open", "active", "monitoring", "closed")),
                "lat": 31.2300 + rng.uniform(-0.01, 0.01),
                "lon": 121.4700 + rng.uniform(-0.012, 0.012),
                "location_text": f"Lane {i % 60}",
                "reported_at": now - timedelta(minutes=rng.randint(0, 3000)),
                "exercise": False,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
            for i in range(have, total)
        ]
        if rows:
            s.execute(insert(Incident), rows)


def plain_pdf(lines: list[str], path: Path) -> None:
    """The floor: the same words on A4 pages, one drawText per line, no layout at all."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(600)
    painter = QPainter(writer)
    font = QFont()
    font.setPointSizeF(9)
    painter.setFont(font)
    step = painter.fontMetrics().lineSpacing()
    per_page = max(1, int(writer.height() / step) - 1)
    for i, line in enumerate(lines):
        if i and i % per_page == 0:
            writer.newPage()
        painter.drawText(QPointF(0, step * (1 + i % per_page)), line)
    painter.end()


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_run_options(parser)
    args = parser.parse_args()
    runs = runs_of(args)
    incidents, tasks, log_lines, form_lines = (
        (500, 2_000, 20_000, 10_000) if args.quick else (5_000, 20_000, 200_000, 100_000)
    )
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    from sqlalchemy import select

    from ops_console.clock import utc_now
    from ops_console.db.models import AuditEntry
    from ops_console.mapping.basemap_config import DEMO_BASEMAP
    from ops_console.printing.text import to_markdown
    from ops_console.reports.build import ReportRequest, build, form_for
    from ops_console.reports.period import Period
    from ops_console.reports.sitrep import SitrepInput, gather, sitrep_document

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        began = time.perf_counter()
        post = grown_demo_post(folder / "post.sqlite", log_lines, tasks)
        _add_incidents(post, incidents)
        print(
            f"post: {incidents:,} incidents, {tasks:,} tasks, {log_lines:,} log lines in {time.perf_counter() - began:.1f} s"
        )
        try:
            sitrep_period = Period(utc_now() - timedelta(days=4), utc_now())
            sitrep = ReportRequest(
                "sitrep",
                folder / "sitrep.pdf",
                sitrep_period,
                post_name="Willow Creek ward post",
                prepared_by="Chen Jing",
                position="Post supervisor",
                summary="River above the warning level. " * 20,
                priorities="1. Evacuate Willow Lane\n2. Sandbags",
                basemaps=(DEMO_BASEMAP,),
            )
            given = SitrepInput(
                "Willow Creek ward post", "Chen Jing", "Post supervisor", sitrep.summary, sitrep.priorities
            )
            sitrep_text = to_markdown(sitrep_document(gather(post, sitrep_period, given))).splitlines()
            with post.db.read() as s:
                # the newest lines: the grown log's, one second apart
                ats = s.scalars(select(AuditEntry.at).order_by(AuditEntry.id.desc()).limit(form_lines)).all()
            form_period = Period(min(ats), max(ats) + timedelta(microseconds=1))
            pdf_req = ReportRequest(
                "ics214", folder / "ics214.pdf", form_period, "pdf", post_name="Willow Creek"
            )
            csv_req = ReportRequest(
                "ics214", folder / "ics214.csv", form_period, "csv", post_name="Willow Creek"
            )
            rows = [list(r) for r in form_for(post, csv_req).rows]
            print(f"ICS 214: {len(rows):,} lines; SITREP: {len(sitrep_text):,} lines of text")

            def plain_csv() -> None:
                with open(folder / "plain.csv", "w", encoding="utf-8", newline="") as out:
                    csv.writer(out).writerows(rows)

            figures = repeat(
                lambda: {
                    "sitrep": timed(lambda: build(post, sitrep)),
                    "sitrep_floor": timed(lambda: plain_pdf(sitrep_text, folder / "plain_sitrep.pdf")),
                    "pdf": timed(lambda: build(post, pdf_req)),
                    "pdf_floor": timed(
                        lambda: plain_pdf([" ".join(map(str, r)) for r in rows], folder / "plain.pdf")
                    ),
                    "csv": timed(lambda: build(post, csv_req)),
                    "csv_floor": timed(plain_csv),
                },
                runs,
            )
        finally:
            post.close()
    f = {k: median_of([run[k] for run in figures]) for k in figures[0]}
    pages = "quick sizes" if args.quick else "full sizes"
    print(f"({pages}; medians of {runs} run(s))")
    print(result_line("reports", "sitrep_s", f["sitrep"], "s", f["sitrep_floor"], "<=5", digits=2))
    print(result_line("reports", "ics214_pdf_s", f["pdf"], "s", f["pdf_floor"], "<=15", digits=2))
    print(result_line("reports", "ics214_csv_s", f["csv"], "s", f["csv_floor"], "<=2", digits=2))


if __name__ == "__main__":
    main()
