"""What a classified batch means, written in the ingest's transaction.

Texts go in first, before the raw rows (texts.py: so each raw row is written once, with
its message id); then, after the raw rows, ``write``: positions and sensor readings as
bulk inserts of tuples (they are most of the traffic), acks matched to the outbox, and
each node heard once per batch. Returns the events to publish after the commit: one per
new message and acked message, and one ``radio.node`` per batch (never one per frame: at
tens of thousands of frames a second the GUI would drown).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select

from ops_console.db.radio_models import Position, RadioNode, SensorReading
from ops_console.db.upsert import insert_for
from ops_console.events import Event
from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio import message_sql
from ops_console.radio.bulk import BulkInsert, TimeFormat
from ops_console.radio.classify import Batch
from ops_console.radio.storable import NUL_SHOWN, storable
from ops_console.radio.texts import AckNeeded, StoredTexts, TextWriter
from ops_console.sensors.watch import SensorWatch
from ops_console.topics import Topic

__all__ = ["NUL_SHOWN", "AckNeeded", "DerivedWriter", "drill_flags", "storable"]

_NUL = "\x00"


_NODE = RadioNode.__table__
_POS_INSERT = BulkInsert(
    Position.__table__, ("node_addr", "callsign", "lat", "lon", "at", "battery", "exercise")
)
_SENS_INSERT = BulkInsert(
    SensorReading.__table__, ("sensor_id", "kind", "value", "unit", "at", "node_addr", "exercise")
)


class DerivedWriter:
    """Writes a Batch's meaning; keeps only the set of node addresses already stored."""

    def __init__(self, counts: Counter[str], times: TimeFormat) -> None:
        self.counts, self.times = counts, times
        self._known_nodes: set[int] | None = None
        self.texts = TextWriter(counts, times)
        self.watch: SensorWatch | None = None  # the sensor evaluation (sensors/watch.py), if the post has one

    def store_texts(
        self,
        conn: Connection,
        batch: Batch,
        first_id: int,
        drill: frozenset[str],
        console_call: str,
        ack_needed: AckNeeded | None,
    ) -> StoredTexts:
        """The batch's texts, before its raw rows (``first_id``: the id of its first raw
        row); repeats of stored texts are marked ``duplicate`` in ``batch.statuses``."""
        return self.texts.store(conn, batch, first_id, drill, console_call, ack_needed)

    def write(
        self,
        conn: Connection,
        batch: Batch,
        texts: StoredTexts,
        drill: frozenset[str],
        console_call: str,
        ack_needed: AckNeeded | None,
    ) -> list[Event]:
        """Everything but the raw rows and the texts (``texts``: what ``store_texts`` did).
        ``drill``: the links of drill devices; what they heard, and texts marked EXERCISE,
        are exercise records, all else is live (the console's mode plays no part)."""
        self._insert_reports(conn, batch, drill)
        watched = self._watch(conn, batch, drill)
        if ack_needed is not None:
            for address, sender, recipient, number in batch.repeated:
                if recipient == console_call and address is not None:  # our ack did not reach them
                    ack_needed(address, sender, number)
        acked = self._match_acks(conn, batch.acks, console_call)
        self._update_nodes(conn, batch)
        events = _message_events(texts)
        events += [Event(Topic.RADIO_OUTBOX, message_id, {"status": "acked"}) for message_id in acked]
        events += watched
        events.append(
            Event(
                Topic.RADIO_NODE,
                None,
                {
                    "nodes": sorted(batch.nodes),
                    "frames": len(batch.statuses),
                    "positions": len(batch.positions),
                },
            )
        )
        return events

    def _insert_reports(self, conn: Connection, batch: Batch, drill: frozenset[str]) -> None:
        """New positions and sensor readings, column by column (see bulk.py)."""
        stamp = self.times.stamps.__getitem__
        if batch.positions:
            rows: list[Any] = list(
                map(batch.reports.__getitem__, batch.positions)
            )  # (sender, number, lat, lon, time, battery)
            count = len(rows)
            _POS_INSERT.columns(
                conn,
                count,
                [
                    [batch.frames[i][3] for i in batch.positions],
                    map(itemgetter(0), rows),
                    map(itemgetter(2), rows),
                    map(itemgetter(3), rows),
                    map(stamp, map(itemgetter(4), rows)),
                    map(itemgetter(5), rows),
                    drill_flags(batch.frames, drill, batch.positions),
                ],
            )
        if batch.sensors:
            rows = list(  # type: ignore[assignment]  # the same column layout as positions
                map(batch.reports.__getitem__, batch.sensors)
            )  # (sender, number, sensor, kind, value, unit, time)
            count = len(rows)
            _SENS_INSERT.columns(
                conn,
                count,
                [
                    map(itemgetter(2), rows),
                    map(itemgetter(3), rows),
                    map(itemgetter(4), rows),
                    # calls and ids are [A-Za-z0-9_.-] (telemetry.py); only a unit may hold any byte
                    [(r[5] if _NUL not in r[5] else storable(r[5]))[:16] for r in rows],
                    map(stamp, map(itemgetter(6), rows)),
                    [batch.frames[i][3] for i in batch.sensors],
                    drill_flags(batch.frames, drill, batch.sensors),
                ],
            )

    def _watch(self, conn: Connection, batch: Batch, drill: frozenset[str]) -> list[Event]:
        """The batch's new sensor readings through the evaluation, in this transaction."""
        if self.watch is None or not batch.sensors:
            return []
        frames = batch.frames
        return self.watch.evaluate(
            conn,
            list(map(batch.reports.__getitem__, batch.sensors)),  # type: ignore[arg-type]
            [frames[i][1] for i in batch.sensors],
            drill_flags(frames, drill, batch.sensors),
            [frames[i][3] for i in batch.sensors],
        )

    def _match_acks(self, conn: Connection, acks: list[fp.Ack], console_call: str) -> list[int]:
        wanted = [(ack.sender, ack.number) for ack in acks if ack.recipient == console_call]
        acked, matched = message_sql.match_acks(conn, wanted, console_call)
        self.counts["acks"] += matched
        return acked

    def _update_nodes(self, conn: Connection, batch: Batch) -> None:
        """Nodes heard: updates in one executemany per set of columns (usually one or two
        per batch, however many nodes), and for an address not known here an upsert each
        (another workstation sharing the database may have stored it meanwhile)."""
        if not batch.nodes:
            return
        if self._known_nodes is None:
            self._known_nodes = set(conn.scalars(select(_NODE.c.addr)))
        upsert = insert_for(conn.dialect.name)
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}  # columns set → rows: one executemany each
        for address, node in batch.nodes.items():
            values = {
                k: storable(v) if type(v) is str else v
                for k, v in node.items()
                if k != "addr" and v is not None and v != ""
            }
            if address in self._known_nodes:
                updates.setdefault(tuple(values), []).append({"node_addr": address, **values})
                continue
            conn.execute(
                upsert(_NODE)
                .values(addr=address, **values)
                .on_conflict_do_update(index_elements=[_NODE.c.addr], set_=values)  # type: ignore[attr-defined]
            )
            self._known_nodes.add(address)
        for names, rows in updates.items():  # 200 teams heard: 2 statements, not 200
            message_sql.update_nodes(conn, names, rows, self.times.many)

    def forget_nodes(self) -> None:
        """The transaction that inserted new nodes rolled back: ask the database again."""
        self._known_nodes = None


def drill_flags(
    frames: Sequence[tuple],
    drill: frozenset[str],  # type: ignore[type-arg]
    indices: Sequence[int] | None = None,
) -> list[bool]:
    """Per frame (or per frame of ``indices``): heard on a drill device's link? The exercise
    flag of raw frames, positions and sensor readings, which carry no marker of their own.
    All False at once on a post without drill devices: the common case, on the hot path."""
    if indices is None:
        indices = range(len(frames))
    if not drill:
        return [False] * len(indices)
    return [frames[i][2] in drill for i in indices]


def _message_events(texts: StoredTexts) -> list[Event]:
    """One event per new message that raises an alert (its precedence and node in it, so a
    listener tells a MAYDAY from the event alone), and one for all the other new messages
    of the batch: a flood of routine texts must not become one event (and one queued Qt
    signal, and one row read back by the radio panel) per text; the panel reads the newest
    rows anyway."""
    events = [
        Event(
            Topic.RADIO_MESSAGE,
            message_id,
            {"direction": "in", "alert": True, "precedence": precedence, "node": node},
        )
        for message_id, precedence, node in texts.alerts
    ]
    if texts.others:
        events.append(
            Event(Topic.RADIO_MESSAGE, None, {"direction": "in", "alert": False, "messages": texts.others})
        )
    return events
