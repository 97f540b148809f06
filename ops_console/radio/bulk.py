"""Bulk inserts for the ingest hot path: one prepared INSERT, executemany of plain tuples.

SQLAlchemy's ``insert(table)`` executemany runs per-row Python bind processing (about
14 µs a row here), which alone would cap ingest below the 50,000 frames/s target. This
goes through ``Connection.exec_driver_sql`` (still the Core connection and transaction)
with values already in the driver's form: naive-UTC datetimes, formatted once per
distinct value for SQLite exactly as SQLAlchemy's SQLite DateTime stores them, so the
ORM reads these rows back like any other.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table


class BulkInsert:
    """``BulkInsert(table, columns)(conn, rows)`` inserts tuples in ``columns`` order."""

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        self.table, self.columns = table, tuple(columns)
        self._sql: dict[str, str] = {}

    def sql(self, conn: Connection) -> str:
        style = conn.dialect.paramstyle
        if style not in self._sql:
            mark = "?" if style == "qmark" else "%s"
            cols = ", ".join(self.columns)
            marks = ", ".join([mark] * len(self.columns))
            self._sql[style] = f"INSERT INTO {self.table.name} ({cols}) VALUES ({marks})"
        return self._sql[style]

    def __call__(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            conn.exec_driver_sql(self.sql(conn), rows)


class TimeFormat:
    """Aware datetime → what the driver stores for a UtcDateTime column, memoised per value.

    Reports in one batch share a handful of distinct times, so the cache stays small; it
    is cleared when it grows past ``limit``.
    """

    def __init__(self, sqlite: bool, limit: int = 4096) -> None:
        self.sqlite, self.limit = sqlite, limit
        self._cache: dict[datetime, object] = {}

    def __call__(self, value: datetime) -> object:
        got = self._cache.get(value)
        if got is None:
            if len(self._cache) > self.limit:
                self._cache.clear()
            naive = value.astimezone(UTC).replace(tzinfo=None)
            got = naive.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else naive
            self._cache[value] = got
        return got
