"""A consistent copy of a SQLite post while the console keeps running.

SQLite's online backup API copies page by page under a read lock, so other
workstations can go on writing; the copy is a complete database on its own.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ops_console.private_files import private_sqlite_file

from .engine import Database, sqlite_path
from .errors import DatabaseUnavailable


def backup_sqlite(db: Database, target: Path, pages_per_step: int = 1024) -> Path:
    """Copy the post's SQLite file to ``target`` (which must not exist yet)."""
    source = sqlite_path(db.url)
    if source is None:
        raise DatabaseUnavailable(
            "Backup here works on SQLite files. For PostgreSQL use the server's own tools "
            "(pg_dump), or copy the post to a SQLite file with ops-console db copy."
        )
    target = target.expanduser().resolve()
    if target.exists():
        raise DatabaseUnavailable(f"{target} already exists; choose a new file name for the backup.")
    if not target.parent.is_dir():
        raise DatabaseUnavailable(f"The folder {target.parent} does not exist.")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=5)
        try:
            dst = sqlite3.connect(private_sqlite_file(target))  # a backup is as private as the post
            with dst:
                src.backup(dst, pages=pages_per_step)
            dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise DatabaseUnavailable(f"The backup failed: {exc}") from exc
    return target
