"""Moves a whole post between databases (a SQLite file to PostgreSQL, and back).

Every row of every table is copied with its id, so the audit hash chain (which covers
ids) verifies on the copy. The target must be empty: copying never merges two posts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Table, delete, func, select, text

from ops_console.said import N_, said

from . import migrate
from .engine import Database
from .errors import DatabaseUnavailable
from .models import AuditEntry
from .schema import Base

log = logging.getLogger(__name__)
BATCH = 5000


def copy_post(
    source: Database, target: Database, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every table from ``source`` to ``target``; returns rows copied per table."""
    migrate.check_not_newer(source)
    if migrate.current_revision(source) != migrate.head_revision():
        raise DatabaseUnavailable(
            said(N_("Upgrade the source database first (ops-console --db SRC db upgrade)."))
        )
    migrate.upgrade(target)
    with target.read() as s:
        if s.scalar(select(func.count()).select_from(AuditEntry)):
            raise DatabaseUnavailable(
                said(N_("The target database already holds a post; copy into an empty database."))
            )
    tables = Base.metadata.sorted_tables
    counts: dict[str, int] = {}
    with source.connect() as src, target.connect(begin=True) as dst:
        for table in reversed(tables):
            dst.execute(delete(table))  # only seeded rows (the audit head) can be here
        for table in tables:
            counts[table.name] = _copy_table(src, dst, table)
            if progress:
                progress(table.name, counts[table.name])
        if target.engine.dialect.name == "postgresql":
            _reset_sequences(dst, tables)
    log.info("copied post %s -> %s: %s", source.display_name, target.display_name, counts)
    return counts


def _copy_table(src, dst, table: Table) -> int:  # type: ignore[no-untyped-def]
    order = list(table.primary_key.columns)
    copied = 0
    result = src.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(table).order_by(*order)
    )
    for chunk in result.mappings().partitions(BATCH):
        dst.execute(table.insert(), [dict(row) for row in chunk])
        copied += len(chunk)
    return copied


def _reset_sequences(dst, tables: list[Table]) -> None:  # type: ignore[no-untyped-def]
    """Explicit ids were inserted: move each serial sequence past the highest one."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1:
            continue
        seq = dst.execute(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}
        ).scalar()
        if seq:
            dst.execute(
                text(
                    f"SELECT setval('{seq}', COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
                )
            )
