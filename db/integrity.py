"""Checks made when a post's database is opened, before anything is written to it.

* A SQLite file that is damaged somewhere in the middle opens fine and fails only when a
  query reaches the bad page (an export half-way through, an audit check). ``PRAGMA
  quick_check`` reads every page at open (about a second per few hundred MB) and the
  problem is named then, with SQLite's own words for where.
* A database that holds tables but no Ops Console schema (another program's file given
  to ``--db`` by mistake) is refused instead of having the post's tables created in it.
"""

from __future__ import annotations

from sqlalchemy import inspect, text

from ops_console.said import N_, said

from . import quick_check_ahead
from .engine import Database, sqlite_path
from .errors import DatabaseUnavailable

QUICK_CHECK_LINES = quick_check_ahead.LINES


class DatabaseDamaged(DatabaseUnavailable):
    """SQLite's quick check found damage inside the file."""


class NotAPost(DatabaseUnavailable):
    """The database belongs to something else."""


def quick_check(db: Database) -> None:
    """Raise DatabaseDamaged naming what SQLite's quick check found (SQLite only)."""
    if not db.is_sqlite:
        return
    path = sqlite_path(db.url)
    rows = quick_check_ahead.take(path) if path is not None else None  # started at launch
    if rows is None:
        with db.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA quick_check({QUICK_CHECK_LINES})")]
    if rows != ["ok"]:
        raise DatabaseDamaged(
            said(
                N_(
                    "The database file {name} is damaged: {found}. "
                    "Restore a backup (ops-console db backup makes one); do not keep writing to this file."
                ),
                name=db.display_name,
                found="; ".join(rows),
            )
        )


def check_is_post(db: Database) -> None:
    """Raise NotAPost when the database has tables but none of an Ops Console post."""
    with db.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if not tables or "alembic_version" in tables:
            return
        has_audit = "audit_head" in tables and conn.execute(text("SELECT count(*) FROM audit_head")).scalar()
    if not has_audit:
        shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        raise NotAPost(
            said(
                N_(
                    "{name} is not an Ops Console database (it holds other tables: {tables}); "
                    "nothing was written to it. Check the --db address."
                ),
                name=db.display_name,
                tables=shown,
            )
        )


def check_at_open(db: Database) -> None:
    """Both checks, in the order that gives the clearer sentence."""
    quick_check(db)
    check_is_post(db)
