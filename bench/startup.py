"""Start-up time of the console on a big post, and paging through its activity log.

Figures:
- seconds from launching the process to a shown, populated main window, on a demo
  post grown to 200,000 audit entries and 5,000 tasks, against a bare PySide6
  QMainWindow start in the same run (target: ratio <= 2.5);
- the worst activity-log page (ms) while scrolling to the end, against the median page
  read with plain sqlite3 (target: every page < 100 ms, so the worst is the figure; the
  median page is printed beside it).
Both are the median of ``--runs`` runs (default 3).

Run: python bench/startup.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import add_run_options, median_of, result_line, runs_of  # noqa: E402

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("ready"))
window.resize(1400, 900)
window.show()
app.processEvents()
print("READY", flush=True)
"""

CONSOLE = """
import sys, time, statistics
from PySide6.QtCore import QSettings
from ops_console.post import open_post
from ops_console.ui.app import build_main_window, create_application
app = create_application()
post = open_post(sys.argv[1])
post.operators.sign_on("Chen Jing", "1234")
window = build_main_window(post, settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.resize(1400, 900)
window.show()
model = window.activity.model
while model.rowCount() == 0:
    app.processEvents()
print("READY", flush=True)
pages, times = int(sys.argv[3]), []
for _ in range(pages):
    if not model.canFetchMore():
        break
    rows, started = model.rowCount(), time.perf_counter()
    window.activity.table.scrollToBottom()
    model.fetchMore()
    while model.rowCount() == rows and not model.exhausted:
        app.processEvents()
    app.processEvents()
    times.append((time.perf_counter() - started) * 1000)
print("PAGES", len(times), statistics.median(times), max(times), model.rowCount(), flush=True)
model.wait_idle()
post.close()
"""


def time_to_ready(code: str, *args: str) -> tuple[float, list[str]]:
    """Seconds from process launch to its READY line, and the lines after it."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    ready = None
    lines = []
    for line in proc.stdout:
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - started
        elif ready is not None:
            lines.append(line.strip())
    if proc.wait() != 0 or ready is None:
        raise SystemExit(f"benchmark child failed with exit code {proc.returncode}")
    return ready, lines


def plain_page_ms(path: Path, pages: int) -> float:
    """The same newest-first pages read with plain sqlite3: the floor for a page."""
    import sqlite3

    conn = sqlite3.connect(path)
    times, before = [], None
    for _ in range(pages):
        started = time.perf_counter()
        sql = "SELECT * FROM audit_entries WHERE exercise = 0 {} ORDER BY id DESC LIMIT 200"
        rows = conn.execute(
            sql.format("AND id < ?" if before else ""), (before,) if before else ()
        ).fetchall()
        times.append((time.perf_counter() - started) * 1000)
        if len(rows) < 200:
            break
        before = rows[-1][0]
    conn.close()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_options(parser)
    args = parser.parse_args(argv)
    runs = runs_of(args)
    audit_entries, tasks, pages = (5_000, 500, 5) if args.quick else (200_000, 5_000, 1_000)
    from _posts import grown_demo_post

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite"
        print(f"growing a demo post to {audit_entries} audit entries and {tasks} tasks …", flush=True)
        grown_demo_post(path, audit_entries, tasks).close()
        url, ini = f"sqlite:///{path}", str(Path(tmp) / "layout.ini")
        bare, console, medians, worsts = [], [], [], []
        for _ in range(runs):
            bare.append(time_to_ready(BARE)[0])
            seconds, lines = time_to_ready(CONSOLE, url, ini, str(pages))
            console.append(seconds)
            _, count, median_ms, worst_ms, rows = lines[-1].split()
            medians.append(float(median_ms))
            worsts.append(float(worst_ms))
        page_floor = plain_page_ms(path, min(pages, 50))
    bare_s, console_s = median_of(bare), median_of(console)
    worst = median_of(worsts)
    print(f"start-up: console {console_s:.2f} s, bare QMainWindow {bare_s:.2f} s (median of {runs} runs)")
    print(
        f"activity log: {count} pages to {rows} rows; worst page {worst:.1f} ms, median page "
        f"{median_of(medians):.1f} ms (each the median of {runs} runs: worst pages {', '.join(f'{w:.0f}' for w in worsts)} ms); "
        f"plain sqlite3 page {page_floor:.2f} ms"
    )
    print(
        result_line(
            "startup",
            "seconds_to_window",
            console_s,
            "s",
            bare_s,
            "<=2.5",
            digits=3,
            ok=console_s / bare_s <= 2.5,
        )
    )
    print(result_line("startup", "worst_log_page_ms", worst, "ms", page_floor, "<100"))


if __name__ == "__main__":
    main()
