"""Start-up time of the console on a big post, and paging through its activity log.

Figures:
- seconds from launching the process to a shown, populated main window, on a demo
  post grown to 200,000 audit entries and 5,000 tasks, against a bare PySide6
  QMainWindow start in the same run (target: ratio <= 2.5);
- milliseconds per activity-log page while scrolling to the end, against the same
  page read with plain sqlite3 (target: < 100 ms per page).

Run: python bench/startup.py [--quick]
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


def result(metric: str, value: float, unit: str, baseline: float, ratio: float, target: str, ok: bool) -> str:
    return (
        f"RESULT startup {metric}={value:.3f}{unit} baseline={baseline:.3f}{unit} ratio={ratio:.2f} "
        f"target={target} {'PASS' if ok else 'MISS'}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    args = parser.parse_args(argv)
    audit_entries, tasks, runs, pages = (5_000, 500, 1, 5) if args.quick else (200_000, 5_000, 3, 1_000)
    from _posts import grown_demo_post

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite"
        print(f"growing a demo post to {audit_entries} audit entries and {tasks} tasks …", flush=True)
        grown_demo_post(path, audit_entries, tasks).close()
        url, ini = f"sqlite:///{path}", str(Path(tmp) / "layout.ini")
        bare, console, scroll = [], [], []
        for _ in range(runs):
            bare.append(time_to_ready(BARE)[0])
            seconds, lines = time_to_ready(CONSOLE, url, ini, str(pages))
            console.append(seconds)
            scroll = lines
        page_floor = plain_page_ms(path, min(pages, 50))
    bare_s, console_s = statistics.median(bare), statistics.median(console)
    _, count, median_ms, worst_ms, rows = scroll[-1].split()
    print(f"start-up: console {console_s:.2f} s, bare QMainWindow {bare_s:.2f} s (median of {runs})")
    print(
        f"activity log: {count} pages to {rows} rows, median {float(median_ms):.1f} ms, worst {float(worst_ms):.1f} ms; "
        f"plain sqlite3 page {page_floor:.2f} ms"
    )
    ratio = console_s / bare_s
    print(result("seconds_to_window", console_s, "s", bare_s, ratio, "<=2.5", ratio <= 2.5))
    page = float(median_ms)
    print(
        result(
            "ms_per_log_page",
            page,
            "ms",
            page_floor,
            page / page_floor if page_floor else 0.0,
            "<100ms",
            float(worst_ms) < 100,
        )
    )


if __name__ == "__main__":
    main()
