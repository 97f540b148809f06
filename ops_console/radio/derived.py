"""What a classified batch means, written in the ingest's transaction after its raw rows.

Positions and sensor readings go in as bulk inserts of tuples (they are most of the
traffic); texts in three statements per batch; acks are matched to the outbox; each
node heard gets one insert or update per batch. Returns the events to publish after
the commit: one per new message and acked message, and one ``radio.node`` per batch
(never one per frame: at tens of thousands of frames a second the GUI would drown).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ops_console.db.radio_models import Position, RadioMessage, RadioNode, SensorReading
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.events import Event
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.precedence import raises_alert
from ops_console.radio import ics213, message_sql
from ops_console.radio.bulk import BulkInsert, TimeFormat
from ops_console.radio.classify import Batch
from ops_console.radio.distress import effective_precedence
from ops_console.radio.repeats import PLAIN_REPEAT_WINDOW_S, REPEAT_WINDOW_S
from ops_console.sensors.watch import SensorWatch
from ops_console.topics import Topic

_UPSERTS = {"sqlite": sqlite_insert, "postgresql": pg_insert}
_NUL = "\x00"
NUL_SHOWN = "\u2400"  # ␀, SYMBOL FOR NULL: what a NUL byte in a text reads as


def storable(text: str) -> str:
    """Text any engine takes: PostgreSQL refuses NUL in text (and UTF-8 it cannot encode),
    and one refused value used to cost a whole batch. The raw row keeps the exact bytes.
    Four calls per text on the ingest's hot path: ASCII (nearly every text; a flag
    CPython keeps on the string) skips the trial encode."""
    if text.isascii():
        return text if _NUL not in text else text.replace(_NUL, NUL_SHOWN)
    if _NUL in text:
        text = text.replace(_NUL, NUL_SHOWN)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: only from a decoder bug, but never fatal
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


AckNeeded = Callable[[int, str, int], None]
"""(node address, team call, message number): a text to us that the team wants acked."""

_RAW, _MSG, _NODE = RawRow.__table__, RadioMessage.__table__, RadioNode.__table__
_POS_INSERT = BulkInsert(
    Position.__table__, ("node_addr", "callsign", "lat", "lon", "at", "battery", "exercise")
)
_MSG_COLUMNS = (
    "id",
    "direction",
    "kind",
    "station",
    "number",
    "sender",
    "recipient",
    "node_addr",
    "precedence",
    "subject",
    "body",
    "at",
    "status",
    "attempts",
    "last_error",
    "link",
    "rssi",
    "snr",
    "raw_frame_id",
    "acknowledged_by",
    "linked_entity",
    "exercise",
)
_MSG_INSERT = BulkInsert(_MSG, _MSG_COLUMNS)
_AT = _MSG_COLUMNS.index("at")
_SENS_INSERT = BulkInsert(
    SensorReading.__table__, ("sensor_id", "kind", "value", "unit", "at", "node_addr", "exercise")
)


class DerivedWriter:
    """Writes a Batch's meaning; keeps only the set of node addresses already stored."""

    def __init__(self, counts: Counter[str], times: TimeFormat) -> None:
        self.counts, self.times = counts, times
        self._known_nodes: set[int] | None = None
        self.planner = message_sql.PlannerStats()
        self.watch: SensorWatch | None = None  # the sensor evaluation (sensors/watch.py), if the post has one

    def write(
        self,
        conn: Connection,
        batch: Batch,
        first_id: int,
        drill: frozenset[str],
        console_call: str,
        ack_needed: AckNeeded | None,
    ) -> list[Event]:
        """Everything but the raw rows (``first_id`` is the id of the batch's first raw row).
        ``drill``: the links of drill devices; what they heard, and texts marked EXERCISE,
        are exercise records, all else is live (the console's mode plays no part)."""
        self._insert_reports(conn, batch, drill)
        watched = self._watch(conn, batch, drill)
        message_ids = self._insert_messages(conn, batch, first_id, drill, console_call, ack_needed)
        if ack_needed is not None:
            for address, sender, recipient, number in batch.repeated:
                if recipient == console_call and address is not None:  # our ack did not reach them
                    ack_needed(address, sender, number)
        acked = self._match_acks(conn, batch.acks, console_call)
        self._update_nodes(conn, batch)
        events = [
            Event(
                Topic.RADIO_MESSAGE,
                message_id,
                {"direction": "in", "alert": True, "precedence": precedence, "node": node}
                if precedence is not None
                else {"direction": "in", "alert": False},
            )
            for message_id, precedence, node in message_ids
        ]
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

    def _insert_messages(
        self,
        conn: Connection,
        batch: Batch,
        first_id: int,
        drill: frozenset[str],
        console_call: str,
        ack_needed: AckNeeded | None,
    ) -> list[tuple[int, str | None, int | None]]:
        """All texts of a batch in three statements (seen-before check, insert, link the raw
        rows), not three per message: a day of traffic replayed must not crawl. Returns each
        new message's id, its precedence if it raises an alert (else None), and its node, so
        a listener can tell an alert it cares about without reading the message back."""
        if not batch.messages:
            return []
        self.planner.grew(conn, len(batch.messages))
        seen = _seen_before(conn, batch, self.times)
        rows, raw_ids, fresh, repeats = [], [], [], []
        for index, msg, frame in batch.messages:
            raw_id = first_id + index
            plain = index in batch.plain
            body = storable(msg.text)  # what is stored, so a repeat is recognised against it
            station = storable(msg.sender)
            earlier = _earlier_copy(
                seen.get((station, msg.number, body)),
                frame.received_at,
                PLAIN_REPEAT_WINDOW_S if plain else REPEAT_WINDOW_S,
                batch.resets.get(msg.sender),
            )
            if (
                earlier is not None
            ):  # heard again (after a restart, or by another workstation): the first stands
                repeats.append((raw_id, earlier))
                self.counts["duplicate"] += 1
                if ack_needed is not None and _wants_ack(msg, plain, frame, console_call):
                    # the team repeats because our ack did not reach it: ack again, or it
                    # keeps repeating and at last reports the message as not delivered
                    ack_needed(frame.address, msg.sender, msg.number)  # type: ignore[arg-type]
                continue
            precedence = effective_precedence(fp.Precedence(msg.precedence).name, msg.text)
            form = None if plain else ics213.parse(msg.text)
            kind = "plain" if plain else "ics213" if form else "text"
            rows.append(  # _MSG_INSERT's columns after the id, which is taken below
                (
                    "in",
                    kind,
                    station,
                    msg.number,
                    station,
                    storable(msg.recipient),
                    frame.address,
                    str(precedence),
                    storable(form.subject[:200]) if form else "",
                    body,
                    frame.received_at,
                    "received",
                    0,
                    "",
                    frame.link,
                    frame.rssi,
                    frame.snr,
                    raw_id,
                    "",
                    "",
                    frame.link in drill or fp.exercise_marked(msg.text),
                )
            )
            raw_ids.append(raw_id)
            fresh.append((msg, frame, precedence, plain))
        message_sql.mark_repeats(conn, repeats)
        if not rows:
            return []
        ids = message_sql.new_ids(conn, len(rows))
        columns: list[Any] = [ids, *zip(*rows)]
        columns[_AT] = self.times.many(list(columns[_AT]))
        _MSG_INSERT.columns(conn, len(rows), columns)
        message_sql.link_raw(conn, raw_ids, ids)
        self.counts["messages"] += len(ids)
        for msg, frame, _precedence, plain in fresh:
            if ack_needed is not None and _wants_ack(msg, plain, frame, console_call):
                ack_needed(frame.address, msg.sender, msg.number)  # type: ignore[arg-type]
        return [
            (m, str(p) if raises_alert(p) else None, frame.address) for m, (_, frame, p, _) in zip(ids, fresh)
        ]

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
        upsert = _UPSERTS[conn.dialect.name]
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
            if conn.dialect.name == "postgresql":
                message_sql.update_nodes(conn, names, rows, self.times.driver_value)
                continue
            conn.execute(
                update(_NODE)
                .where(_NODE.c.addr == bindparam("node_addr"))
                .values({name: bindparam(name) for name in names}),
                rows,
            )

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


def _seen_before(conn: Connection, batch: Batch, times: TimeFormat) -> message_sql.Seen:
    """Texts of this batch stored within the repeat window (same station, number and
    words) → the newest one's id and time heard."""
    pairs = list({(storable(msg.sender), msg.number) for _, msg, _ in batch.messages})
    since = min(frame.received_at for _, _, frame in batch.messages) - timedelta(seconds=REPEAT_WINDOW_S)
    return message_sql.seen_before(conn, pairs, times.driver_value(since))


def _earlier_copy(
    stored: tuple[int, datetime] | None, heard: datetime, window: float, reset: float | None
) -> int | None:
    """The id of a stored copy that makes this message a repeat: heard within ``window``
    seconds, and not before its station's counter was reset."""
    if stored is None:
        return None
    message_id, at = stored
    at = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    heard = heard if heard.tzinfo is not None else heard.replace(tzinfo=UTC)
    if abs((heard - at).total_seconds()) > window or (reset is not None and at.timestamp() < reset):
        return None
    return message_id


def _wants_ack(msg: fp.TextMessage, plain: bool, frame: RawFrame, console_call: str) -> bool:
    """A numbered text to our call from a known address (plain text has no number to ack)."""
    return not plain and msg.recipient == console_call and frame.address is not None
