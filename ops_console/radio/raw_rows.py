"""The raw rows of what was heard: ``radio_raw_frames``, one per line, exactly as received.

Kept apart from the ingest's flow (ingest.py: batches, holding, retries) because it is
one job: ids assigned under the write lock, so the texts stored before the raw rows
(texts.py) can name them; the rows in multi-row inserts (bulk.py), each with its status
and the message it points at; and, after an outage, which waiting frames the server has
already (a commit whose answer was lost).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter

from sqlalchemy import Connection, Engine, func, select

from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.radio import message_sql
from ops_console.radio.bulk import BulkInsert, TimeFormat
from ops_console.radio.derived import drill_flags
from ops_console.radio.storable import storable

_RAW = RawRow.__table__
_COLUMNS = ("id", "received_at", "link", "data", "node_addr", "rssi", "snr", "status", "error", "exercise")
_INSERT = BulkInsert(_RAW, _COLUMNS, constants={"direction": "in"})  # data: the whole line heard
_INSERT_LINKED = BulkInsert(_RAW, (*_COLUMNS, "message_id"), constants={"direction": "in"})

Frames = Sequence[tuple]  # type: ignore[type-arg]
"""RawFrames, or plain tuples in RawFrame's field order."""


def first_id(conn: Connection, pg: bool) -> int:
    """The id the batch's first raw row gets: assigned here, under the write lock (the
    table's, on PostgreSQL), so the texts stored before the raw rows can point at them."""
    if pg:
        return message_sql.lock_and_top(conn) + 1
    return (conn.scalar(select(func.max(_RAW.c.id))) or 0) + 1


def insert(
    conn: Connection,
    times: TimeFormat,
    first: int,
    frames: Frames,
    statuses: list[str],
    errors: dict[int, str],
    drill: frozenset[str],
    message_ids: list[int | None] | None = None,
) -> None:
    """Raw rows with the ids from ``first`` on, each pointing at its message if it has
    one (``message_ids``, per frame). A raw frame is exercise only when a drill device
    heard it: what a real radio heard is never purged with a drill."""
    count = len(frames)
    errors = {index: storable(reason) for index, reason in errors.items()}  # the few invalid frames only
    (_INSERT_LINKED if message_ids else _INSERT).columns(
        conn,
        count,
        [
            range(first, first + count),
            times.many(list(map(itemgetter(1), frames))),
            map(itemgetter(2), frames),
            map(itemgetter(0), frames),
            map(itemgetter(3), frames),
            map(itemgetter(5), frames),
            map(itemgetter(6), frames),
            statuses,
            map(errors.get, range(count), repeat("")),
            drill_flags(frames, drill),
            *([message_ids] if message_ids else []),
        ],
    )


def stored_prefix(engine: Engine, frames: Frames) -> int:
    """How many of the first ``frames`` are on the server already (same link, time heard
    and bytes), in one query over their time span; repeated lines are counted as often
    as they were stored."""
    if not frames:
        return 0
    times = [f[1] for f in frames]
    with engine.connect() as conn:
        rows = conn.execute(
            select(_RAW.c.link, _RAW.c.received_at, _RAW.c.data).where(
                _RAW.c.direction == "in",
                _RAW.c.received_at >= min(times),
                _RAW.c.received_at <= max(times),
                _RAW.c.link.in_(sorted({f[2] for f in frames})),
            )
        ).all()
    stored = Counter((link, at, bytes(data)) for link, at, data in rows)
    count = 0
    for frame in frames:
        key = (frame[2], frame[1], bytes(frame[0]))
        if stored[key] <= 0:
            break
        stored[key] -= 1
        count += 1
    return count
