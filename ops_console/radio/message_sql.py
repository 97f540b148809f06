"""The text path's SQL: a fixed handful of statements per batch, however many texts it holds.

A flood of texts used to cost SQLAlchemy's per-row work at every step: an INSERT ...
RETURNING executemany with bind processing per row, an UPDATE per raw row to point it
at its message, a ``tuple_(...).in_(...)`` whose expanding parameters were compiled
afresh for every batch, and a SELECT per ack. 9,000 texts/s on SQLite, 1,300 on
PostgreSQL, where psycopg spent most of its time splitting the huge insertmanyvalues
statements. Here each step is one statement (or one per few hundred rows) in the
driver's own parameter style:

- message ids are taken before the insert (SQLite: max + 1 under the write lock the
  ingest holds, as for raw rows; PostgreSQL: one ``nextval`` per row from the table's own
  sequence, in one round trip), so the rows go in with bulk.py's multi-row inserts (or
  COPY) and nothing has to come back; the raw rows, inserted after the texts, carry their
  message ids from the start (texts.py), so no raw row is written twice;
- the repeat check (``seen_before``) is one query per 512 distinct (station, number)
  pairs on SQLite (a join of ``VALUES`` with the origin index; a row-value ``IN`` searched
  that index by direction alone, i.e. every text heard in the window, for every batch),
  one with two arrays on PostgreSQL;
- acks are matched against the open outbound messages read once per batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from ops_console.db.radio_models import RadioMessage
from ops_console.radio.bulk import driver_errors

_MSG = RadioMessage.__table__
_SEEN_SQLITE = (  # a join, not a row-value IN: SQLite would search the index by direction alone
    "SELECT m.station, m.number, m.body, m.id, m.at FROM (VALUES {pairs}) AS p "
    "JOIN radio_messages AS m ON m.direction = 'in' AND m.station = p.column1 AND m.number = p.column2 "
    "WHERE m.at >= ?"
)
_SEEN_PG = (
    "SELECT station, number, body, id, at FROM radio_messages "
    "WHERE direction = 'in' AND at >= %s "
    "AND (station, number) IN (SELECT * FROM unnest(%s::text[], %s::int[])) ORDER BY id"
)
_PAIRS_PER_QUERY = 512
_NEXTVAL = "SELECT nextval(pg_get_serial_sequence('radio_messages', 'id')) FROM generate_series(1, %s)"
Seen = dict[tuple[str, int, str], tuple[int, datetime]]
"""(station, number, body) → the newest stored copy's id and time heard."""


def seen_and_ids(
    conn: Connection, pairs: Sequence[tuple[str, int]], since: object, count: int
) -> tuple[Seen, list[int]]:
    """``seen_before`` and ``new_ids`` together: on PostgreSQL in ONE round trip (psycopg's
    pipeline mode sends both queries before reading either answer; on a loaded machine a
    round trip to the server process costs a millisecond or more, and a batch of texts
    made a dozen), on SQLite one after the other (no server to wait for)."""
    if conn.dialect.name != "postgresql" or not pairs or not _pipelines():
        return seen_before(conn, pairs, since), new_ids(conn, count)
    driver: Any = conn.connection.driver_connection  # in the caller's transaction
    with driver_errors(_SEEN_PG), driver.cursor() as seen, driver.cursor() as ids:
        with driver.pipeline():  # both sent, then both answers read (the block's end syncs)
            seen.execute(_SEEN_PG, (since, [p[0] for p in pairs], [p[1] for p in pairs]))
            ids.execute(_NEXTVAL, (count,))
        rows, numbers = seen.fetchall(), [row[0] for row in ids.fetchall()]
    return _seen(rows), numbers


def seen_before(conn: Connection, pairs: Sequence[tuple[str, int]], since: object) -> Seen:
    """Texts stored since ``since`` (in the driver's form, see bulk.TimeFormat) from any of
    ``pairs`` (station, number), by (station, number, words) → the newest one's id and time."""
    found: Seen = {}
    if not pairs:
        return found
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql(
            _SEEN_PG, (since, [p[0] for p in pairs], [p[1] for p in pairs])
        ).fetchall()
    else:
        rows = []
        driver = conn.connection.driver_connection
        for start in range(0, len(pairs), _PAIRS_PER_QUERY):
            chunk = list(pairs[start : start + _PAIRS_PER_QUERY])
            size = 1 << (len(chunk) - 1).bit_length()  # a few statement texts, not one per length
            chunk += [chunk[-1]] * (size - len(chunk))  # padding repeats a pair: IN is unchanged
            params: list[object] = []
            for station, number in chunk:
                params += (station, number)
            params.append(since)
            sql = _SEEN_SQLITE.format(pairs=", ".join(["(?, ?)"] * size))
            with driver_errors(sql):
                rows += driver.execute(sql, params).fetchall()  # type: ignore[union-attr]
        rows.sort(key=lambda row: row[3])
    return _seen(rows)


def _seen(rows: Sequence[Any]) -> Seen:
    """The seen-before rows (in id order), newest copy last: by (station, number, words)."""
    found: Seen = {}
    for station, number, body, message_id, at in rows:
        found[(station, number, body)] = (message_id, _utc(at))
    return found


_ANALYZE = "ANALYZE radio_messages (direction, station, number, at)"
"""The columns the repeat check's plan depends on (and the table's size, which any ANALYZE
updates): the body and the other columns are not worth sampling during a flood."""


class PlannerStats:
    """Keeps PostgreSQL's statistics of radio_messages up to date while a flood fills it.

    The repeat check is planned from the table's statistics. A table that grew from
    empty to 100,000 texts within a minute (a flood, a replay) still looked empty to the
    planner (autovacuum analyses it a minute later at best), and the plan it made for an
    "empty" table read every text heard, for every batch: 2 ms a text, and 0.14 of
    SQLite's rate. So after as many new texts as the planner knew of (at least 1,000),
    ANALYZE (it samples, ~0.1 s; a non-owner is told "skipping" as a warning): a handful
    of times as the table doubles, never per batch. SQLite plans without statistics."""

    def __init__(self, first: int = 1000) -> None:
        self.pending, self.threshold = 0, first

    def grew(self, conn: Connection, texts: int) -> None:
        """``texts`` more are about to be checked and stored in ``conn``'s transaction."""
        if conn.dialect.name != "postgresql":
            return
        self.pending += texts
        if self.pending < self.threshold:
            return
        conn.exec_driver_sql(_ANALYZE)
        known = conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE oid = 'radio_messages'::regclass")
        self.pending, self.threshold = 0, max(self.threshold, int(known.scalar() or 0))


def new_ids(conn: Connection, count: int) -> list[int]:
    """Ids for ``count`` messages about to be inserted in this transaction."""
    if conn.dialect.name == "postgresql":
        return list(conn.exec_driver_sql(_NEXTVAL, (count,)).scalars())
    first = (conn.exec_driver_sql("SELECT max(id) FROM radio_messages").scalar() or 0) + 1
    return list(range(first, first + count))


_NODE_TYPES = {
    "callsign": "varchar",
    "last_heard": "timestamp",
    "rssi": "integer",
    "snr": "float8",
    "battery": "float8",
    "lat": "float8",
    "lon": "float8",
    "position_at": "timestamp",
}
"""radio_nodes' columns a batch updates, with their PostgreSQL types (for unnest's arrays)."""


def update_nodes(
    conn: Connection,
    names: Sequence[str],
    rows: list[dict[str, Any]],
    driver_times: Callable[[list[datetime]], list[object]],
) -> None:
    """Nodes that set the same ``names``: on PostgreSQL in ONE statement (a column of values
    per array), where an executemany still cost a round trip's worth per node; on SQLite
    in one executemany of the driver's (SQLAlchemy's compiled a statement and processed
    each row's binds per batch: a fifth of a text flood's time for 200 teams' nodes).
    ``driver_times``: a column of times in the driver's form (bulk.TimeFormat.many: the
    nodes heard in one read chunk share their time, converted once)."""
    columns = list(names)
    values = [
        driver_times([row[name] for row in rows])
        if _NODE_TYPES[name] == "timestamp"
        else [row[name] for row in rows]
        for name in columns
    ]
    values.append([row["node_addr"] for row in rows])
    if conn.dialect.name != "postgresql":
        sql = f"UPDATE radio_nodes SET {', '.join(f'{name} = ?' for name in columns)} WHERE addr = ?"
        with driver_errors(sql):
            conn.connection.driver_connection.executemany(sql, list(zip(*values)))  # type: ignore[union-attr]
        return
    sources = ", ".join(f"%s::{_NODE_TYPES[name]}[]" for name in columns)
    conn.exec_driver_sql(
        f"UPDATE radio_nodes AS n SET {', '.join(f'{name} = v.{name}' for name in columns)} "
        f"FROM unnest({sources}, %s::integer[]) AS v({', '.join(columns)}, node_addr) "
        "WHERE n.addr = v.node_addr",
        tuple(values),
    )


def match_acks(conn: Connection, wanted: list[tuple[str, int]], console_call: str) -> tuple[list[int], int]:
    """Outbound messages acked by ``wanted`` (the acking station, the message number), in
    the order the acks came, and how many acks matched something. The open messages are
    read once; an ack matches all open messages with its number to its station, and a
    second ack for them in the same batch matches nothing (they are acked already)."""
    if not wanted:
        return [], 0
    waiting: dict[tuple[str, int], list[int]] = {}
    for message_id, recipient, number in conn.execute(
        select(_MSG.c.id, _MSG.c.recipient, _MSG.c.number)
        .where(
            _MSG.c.direction == "out", _MSG.c.station == console_call, _MSG.c.status.in_(("queued", "sent"))
        )
        .order_by(_MSG.c.id)
    ):
        waiting.setdefault((recipient, number), []).append(message_id)
    acked: list[int] = []
    matched = 0
    for key in wanted:
        ids = waiting.pop(key, None)
        if ids:
            acked += ids
            matched += 1
    for start in range(0, len(acked), 500):
        conn.execute(
            update(_MSG)
            .where(_MSG.c.id.in_(bindparam("ids", expanding=True)))
            .values(status="acked", acked_at=datetime.now(UTC), next_attempt_at=None),
            {"ids": acked[start : start + 500]},
        )
    return acked, matched


def _utc(at: datetime | str) -> datetime:
    """A time read with the driver (SQLite: the text SQLAlchemy stores; PostgreSQL: naive UTC)."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _pipelines() -> bool:
    """Does the libpq under psycopg have pipeline mode (14 or newer; the binary wheels do)?"""
    import psycopg

    return bool(psycopg.Pipeline.is_supported())


def lock_and_top(conn: Connection) -> int:
    """PostgreSQL: lock radio_raw_frames against other workstations' ingests (their raw
    ids are assigned the same way) and read its highest id, in ONE round trip (two
    statements in one simple query)."""
    driver: Any = conn.connection.driver_connection
    with driver_errors(_LOCK_AND_TOP), driver.cursor() as cursor:
        cursor.execute(_LOCK_AND_TOP)
        cursor.nextset()  # the LOCK's answer is first
        row = cursor.fetchone()
    return int(row[0] or 0)


_LOCK_AND_TOP = (
    "LOCK TABLE radio_raw_frames IN SHARE ROW EXCLUSIVE MODE; SELECT max(id) FROM radio_raw_frames"
)
