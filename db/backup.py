"""A consistent copy of a SQLite post while the console keeps running.

SQLite's online backup API copies page by page under a read lock, so other
workstations can go on writing; the copy is a complete database on its own.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ops_console.private_files import private_sqlite_file
from ops_console.said import N_, said

from .engine import Database, sqlite_path
from .errors import DatabaseUnavailable


def backup_sqlite(db: Database, target: Path, pages_per_step: int = 1024) -> Path:
    """Copy the post's SQLite file to ``target`` (which must not exist yet)."""
    source = sqlite_path(db.url)
    if source is None:
        raise DatabaseUnavailable(
            said(
                N_(
                    "Backup here works on SQLite files. For PostgreSQL use the server's own tools "
                    "(pg_dump), or copy the post to a SQLite file with ops-console db copy."
                )
            )
        )
    target = target.expanduser().resolve()
    if target.exists():
        raise DatabaseUnavailable(
            said(N_("{path} already exists; choose a new file name for the backup."), path=str(target))
        )
    if not target.parent.is_dir():
        raise DatabaseUnavailable(said(N_("The folder {path} does not exist."), path=str(target.parent)))
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
        raise DatabaseUnavailable(said(N_("The backup failed: {why}"), why=str(exc))) from exc
    return target
