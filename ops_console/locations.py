"""Where this console keeps its things, in words for Help and About: the database (a file's
full path, or a server and database name — never a password) and the log file."""

from __future__ import annotations

from pathlib import Path

from ops_console.db.engine import Database, sqlite_path


def database_location(db: Database) -> str:
    path = sqlite_path(db.url)
    return str(path) if path is not None else db.display_name


def log_location(log_path: Path | None) -> str:
    return str(log_path) if log_path is not None else "not written to a file (the log goes to the terminal)"
