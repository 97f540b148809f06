"""Bulk inserts for the ingest hot path: columns of plain values, in few statements.

SQLAlchemy's ``insert(table)`` executemany runs per-row Python bind processing (about
14 µs a row here), which alone would cap ingest below the 50,000 frames/s target. These
go to the DBAPI connection of the Core connection (same transaction) with values already
in the driver's form: naive-UTC datetimes, and for SQLite the text SQLAlchemy's SQLite
DateTime stores, so the ORM reads these rows back like any other.

Values come as columns, not rows: the parameters of a multi-row statement are laid out
with one extended-slice assignment per column (in C), where building a tuple per row
cost twice as much and gave the garbage collector one more object per frame to count.
On SQLite, ``executemany`` costs ~0.75 µs a row outside the database engine (reset,
bind, step, and the GIL dropped and taken back once per row); a multi-row ``VALUES``
does one step per few hundred rows, which took the raw + position insert from 4.7 to
3.2 µs a frame. The rest of a batch goes in halving statements (256 rows, 128, ...), so
SQLite's statement cache holds a few statements per table, not one per batch size (that
cost 200 MB). PostgreSQL gets COPY (psycopg's ``Copy.write_row``, formatted in C): one
statement streamed per batch, where the pipelined ``executemany`` still parsed, bound
and answered each row on the server (texts: 1,300 frames/s against SQLite's 9,000).
Errors of the driver are raised as SQLAlchemy's (``driver_errors``), as an execute
through SQLAlchemy would, so the ingest still tells a database that is away (spool the
batch) from a batch it refuses (store it in parts).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError

ROWS_PER_STATEMENT = 512
"""Rows per multi-row INSERT on SQLite (fewer if the library allows fewer parameters).
Each is one step of a few milliseconds without the GIL, long enough for the link thread
to parse several chunks meanwhile; with ~90-row statements the two threads mostly took
turns (118,000 against 140,000 frames/s)."""

Column = Sequence[Any] | Iterable[Any]
"""One column's values, row by row (a list or range as is; anything else is listed)."""


class BulkInsert:
    """``BulkInsert(table, names).columns(conn, count, columns)`` inserts ``count`` rows
    whose values are given column by column, in ``names`` order.

    ``constants``: columns every row sets to the same value (a string, number, bool or
    None). On SQLite they are written into the statement as literals, so the row binds
    only what varies (a received text's row: 16 values, not 22); COPY sends them per row.

    On SQLite a statement is ``INSERT OR FAIL``: a refused row stops the statement but keeps
    the rows it inserted before, so SQLite writes no statement journal (a temporary file:
    ~27 against ~19.5 µs of CPU a message row in a loop like bench/sqlite_settings.py's).
    The caller rolls back the whole transaction on any error, as the ingest does; nothing
    half-inserted is ever committed."""

    def __init__(self, table: Table, names: Sequence[str], constants: dict[str, Any] | None = None) -> None:
        self.table, self.names = table, tuple(names)
        self.constants = dict(constants or {})
        every = (*self.names, *self.constants)
        self._head = f"INSERT OR FAIL INTO {table.name} ({', '.join(every)}) VALUES "
        self._copy_sql = f"COPY {table.name} ({', '.join(every)}) FROM STDIN"
        self._row = (
            "(" + ", ".join(["?"] * len(self.names) + [_literal(v) for v in self.constants.values()]) + ")"
        )
        self._qmark: dict[int, str] = {}  # rows per statement → SQL

    def columns(self, conn: Connection, count: int, columns: Sequence[Column]) -> None:
        """Insert ``count`` rows in ``conn``'s transaction; ``columns`` in ``names`` order,
        each with ``count`` values already in the driver's form."""
        if count == 0:
            return
        width = len(self.names)
        flat: list[Any] = [None] * (count * width)
        for j, column in enumerate(columns):
            flat[j::width] = column if isinstance(column, list | range | tuple) else list(column)
        self.rows(conn, flat)

    def rows(self, conn: Connection, flat: list[Any]) -> None:
        """Insert rows given one after the other in ``flat`` (``names`` order, each value
        already in the driver's form): for rows built whole in one loop, where a tuple
        added per row costs less than a list append per column."""
        if not flat:
            return
        width = len(self.names)
        driver: Any = conn.connection.driver_connection  # open inside a transaction
        if conn.dialect.paramstyle == "qmark":
            with driver_errors(self._head):
                self._sqlite(driver, flat)
            return
        constant = list(self.constants.values())
        with (
            driver_errors(self._copy_sql),
            driver.cursor() as cursor,
            cursor.copy(self._copy_sql) as copy,
        ):
            write = copy.write_row
            for start in range(0, len(flat), width):
                write(flat[start : start + width] + constant if constant else flat[start : start + width])

    def _sqlite(self, driver: sqlite3.Connection, flat: list[Any]) -> None:
        width = len(self.names)
        rows = max(1, min(ROWS_PER_STATEMENT, driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
        cursor, start = driver.cursor(), 0
        try:
            while start < len(flat):
                while start + rows * width > len(flat):  # the rest in halves: few distinct statements
                    rows //= 2
                cursor.execute(self._sql(rows), flat[start : start + rows * width])
                start += rows * width
        finally:
            cursor.close()

    def _sql(self, rows: int) -> str:
        sql = self._qmark.get(rows)
        if sql is None:
            sql = self._qmark[rows] = self._head + ", ".join([self._row] * rows)
        return sql


def _literal(value: Any) -> str:
    """A constant column's value as an SQL literal (SQLite: booleans are 0 and 1)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return str(int(value)) if isinstance(value, bool) else repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for a constant of type {type(value).__name__}")


@contextmanager
def driver_errors(statement: str) -> Iterator[None]:
    """Raise an error of the DBAPI driver (sqlite3, psycopg) used directly as the
    SQLAlchemy error an execute through SQLAlchemy raises (OperationalError, DataError,
    ...): what is away and what is refused are told apart on those classes."""
    try:
        yield
    except DBAPIError:
        raise
    except Exception as exc:
        base = _driver_base(exc)
        if base is None:
            raise
        raise DBAPIError.instance(statement[:200], None, exc, base) from exc


def _driver_base(exc: Exception) -> type[Exception] | None:
    if isinstance(exc, sqlite3.Error):
        return sqlite3.Error
    if type(exc).__module__.startswith("psycopg"):
        import psycopg

        return psycopg.Error
    return None


class TimeFormat:
    """UTC times → what the driver stores for a UtcDateTime column.

    ``many`` converts a batch's receive times once per distinct object (every frame of a
    read chunk shares one); ``stamps[seconds]`` takes Unix seconds (report times) and
    memoises per value in a dict (a hit is a C-level lookup), since the reports of one
    batch share a handful of distinct seconds. Hashing an aware datetime is slow (it asks
    its tzinfo), an int is not.
    """

    def __init__(self, sqlite: bool, limit: int = 4096) -> None:
        self.sqlite = sqlite
        self.stamps = _Stamps(self.driver_value, limit)

    def many(self, values: list[datetime]) -> list[object]:
        """``driver_value`` of each, computed once per distinct object (keyed by id: they
        are all alive in ``values`` while this runs)."""
        distinct = dict(zip(map(id, values), values))
        converted = {key: self.driver_value(value) for key, value in distinct.items()}
        return list(map(converted.__getitem__, map(id, values)))

    def driver_value(self, value: datetime) -> object:
        naive = value.astimezone(UTC).replace(tzinfo=None)
        return naive.isoformat(" ", "microseconds") if self.sqlite else naive


class _Stamps(dict):  # type: ignore[type-arg]
    """Unix seconds → driver value, computed on a miss; cleared when past ``limit`` entries."""

    def __init__(self, convert: Callable[[datetime], object], limit: int) -> None:
        super().__init__()
        self.convert, self.limit = convert, limit

    def __missing__(self, seconds: int) -> object:
        if len(self) >= self.limit:
            self.clear()
        value = self[seconds] = self.convert(datetime.fromtimestamp(seconds, UTC))
        return value
