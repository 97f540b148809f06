"""INSERT … ON CONFLICT in the dialect of the connection at hand.

Both dialects' constructs are imported on first use, not with the modules that write:
importing SQLAlchemy's PostgreSQL dialect took 60-70 ms on a 2-core machine, paid at
every start of a console on SQLite, before its window could show."""

from __future__ import annotations

from typing import Any


def insert_for(dialect: str) -> Any:
    """The ``insert`` with ``on_conflict_do_*`` of ``dialect`` ("postgresql" or "sqlite")."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert
