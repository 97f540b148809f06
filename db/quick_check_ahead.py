"""SQLite's quick check of a post's file, started at launch on a thread of its own.

``PRAGMA quick_check`` reads every page of the file (db/integrity.py: a damaged file is
named at open, before anything is written). That is I/O and C, about a second per few
hundred MB, and it was the post's open on the start-up path after the imports. The console
starts it here at launch (ops_console/cli.py) with plain ``sqlite3`` on a read-only
connection, which lets go of the GIL while SQLite reads, so it runs while SQLAlchemy and the
services import; :func:`take` hands its rows to ``integrity.quick_check``, which waits for
them instead of reading the file again. Nothing here imports SQLAlchemy (the sign-on dialog
paints before it loads). A check that could not run (locked, not a database, gone) leaves
nothing, and the open checks as before, with its own words.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

LINES = 5  # as many problems as integrity.quick_check names


class _Ahead:
    lock = threading.Lock()
    checks: dict[Path, tuple[threading.Thread, list[list[str]]]] = {}


def start(path: Path, lines: int = LINES) -> None:
    """Start the quick check of the SQLite file ``path`` (which must exist) now."""
    key = path.resolve()
    rows: list[list[str]] = []
    thread = threading.Thread(target=lambda: _check(key, lines, rows), name="quick-check-ahead", daemon=True)
    with _Ahead.lock:
        _Ahead.checks[key] = (thread, rows)
    thread.start()


def _check(path: Path, lines: int, rows: list[list[str]]) -> None:
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=0)
        try:
            rows.append([str(r[0]) for r in conn.execute(f"PRAGMA quick_check({int(lines)})")])
        finally:
            conn.close()
    except sqlite3.Error as exc:  # the open checks again and says what is wrong in its words
        log.debug("quick check ahead of %s: %s", path, exc)


def take(path: Path) -> list[str] | None:
    """The rows of the check started for ``path`` (waiting for it), once; None when none was
    started for that file or it could not run."""
    with _Ahead.lock:
        ahead = _Ahead.checks.pop(path.resolve(), None)
    if ahead is None:
        return None
    thread, rows = ahead
    thread.join()
    return rows[0] if rows else None


def drop_all() -> None:
    """Forget checks nobody took (the post was never opened)."""
    with _Ahead.lock:
        _Ahead.checks.clear()
