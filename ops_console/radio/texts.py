"""The texts of a batch, stored before its raw rows so that each raw row goes in finished.

A received text costs a repeat check, a message row and a pointer from its raw row to the
message. The pointer used to be an ``UPDATE ... FROM`` of the raw rows just inserted (and
a second UPDATE for repeats, which also rewrote their status): every text's raw row was
written twice. Here the batch's texts are decided first, in its transaction:

1. the repeat check against the stored messages (one query, message_sql.seen_before);
2. ids for the new messages (message_sql.new_ids) and their rows in multi-row inserts
   whose constant columns are literals in the statement (bulk.py);

so the raw rows then go in once, with their status (``duplicate`` for a text already
stored) and their message id (the new message, or the copy stored before). The raw
rows' ids are known before they exist (the ingest assigns them under the write lock),
so each message row names its raw frame from the start.

The new messages that raise an alert go back to the ingest for their events (id,
precedence, node), the others as a count; the acks the senders want are asked for (``ack_needed``) as
before: a repeat because our ack did not reach them, a new text to our call.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from ops_console.db.radio_models import RadioMessage
from ops_console.hardware.protocols import field_payload as fp
from ops_console.precedence import ALERTING
from ops_console.radio import ics213, message_sql
from ops_console.radio.bulk import BulkInsert, TimeFormat
from ops_console.radio.classify import Batch
from ops_console.radio.distress import effective_precedence
from ops_console.radio.repeats import PLAIN_REPEAT_WINDOW_S, REPEAT_WINDOW_S
from ops_console.radio.storable import storable

_NUL = "\x00"

AckNeeded = Callable[[int, str, int], None]
"""(node address, team call, message number): a text to us that the team wants acked."""

_MSG_INSERT = BulkInsert(
    RadioMessage.__table__,
    (
        "id",
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
        "link",
        "rssi",
        "snr",
        "raw_frame_id",
        "exercise",
    ),
    constants={
        "direction": "in",
        "status": "received",
        "attempts": 0,
        "last_error": "",
        "acknowledged_by": "",
        "linked_entity": "",
    },
)


@dataclass
class StoredTexts:
    """What storing a batch's texts decided, for its raw rows and its events."""

    message_ids: list[int | None] = field(default_factory=list)
    """Per frame of the batch: the message its raw row points at (new, or the earlier copy)."""
    alerts: list[tuple[int, str, int | None]] = field(default_factory=list)
    """Each new message that raises an alert: its id, its precedence, its node."""
    others: int = 0
    """How many new messages raise no alert."""


class TextWriter:
    """Stores a batch's texts (see the module's doc); keeps PostgreSQL's planner informed."""

    def __init__(self, counts: Counter[str], times: TimeFormat) -> None:
        self.counts, self.times = counts, times
        self.planner = message_sql.PlannerStats()

    def store(
        self,
        conn: Connection,
        batch: Batch,
        first_id: int,
        drill: frozenset[str],
        console_call: str,
        ack_needed: AckNeeded | None,
    ) -> StoredTexts:
        """Insert the batch's new texts (``first_id``: the id its first raw row will get);
        a repeat of a stored text gets status ``duplicate`` in ``batch.statuses``."""
        stored = StoredTexts()
        if not batch.messages:
            return stored
        self.planner.grew(conn, len(batch.messages))
        stored.message_ids = [None] * len(batch.frames)
        # ids for as many messages as the batch has (PostgreSQL: a repeat leaves a gap in the
        # sequence, as a rolled-back insert would; SQLite: only those used are taken)
        seen, ids = _seen_and_ids(conn, batch, self.times)
        flat, fresh = self._rows(batch, ids, seen, first_id, drill, console_call, stored, ack_needed)
        _MSG_INSERT.rows(conn, flat)
        self.counts["messages"] += len(fresh)
        message_ids = stored.message_ids
        for message_id, (index, precedence, address, ack) in zip(ids, fresh):
            message_ids[index] = message_id
            if precedence in ALERTING:
                stored.alerts.append((message_id, precedence, address))
            else:
                stored.others += 1
            if ack is not None and ack_needed is not None:
                ack_needed(*ack)
        return stored

    def _rows(
        self,
        batch: Batch,
        ids: list[int],
        seen: message_sql.Seen,
        first_id: int,
        drill: frozenset[str],
        console_call: str,
        stored: StoredTexts,
        ack_needed: AckNeeded | None,
    ) -> tuple[list[Any], list[tuple[int, str, int | None, tuple[int, str, int] | None]]]:
        """The new texts' rows one after the other (``_MSG_INSERT``'s columns, ids taken
        from ``ids`` in order) and, per new text, (its frame's index, its precedence, its
        node, the ack it wants or None). Repeats of stored texts are marked in
        ``batch.statuses`` and ``stored`` here. Call signs are stored as they are: the
        payload allows ``[A-Z0-9/-]`` only, and a plain text's station is ``#address``."""
        frames, plain_ones, resets, statuses = batch.frames, batch.plain, batch.resets, batch.statuses
        driver_time, heard_at, when = self.times.driver_value, None, None
        flat: list[Any] = []
        fresh: list[tuple[int, str, int | None, tuple[int, str, int] | None]] = []
        for index, sender, recipient, number, precedence, text in batch.messages:
            _raw, at, link, address, _data, rssi, snr, _error = frames[index]
            body = text if text.isascii() and _NUL not in text else storable(text)
            plain = index in plain_ones
            wants_ack = not plain and recipient == console_call and address is not None
            if seen:
                earlier = _earlier_copy(
                    seen.get((sender, number, body)),
                    at,
                    PLAIN_REPEAT_WINDOW_S if plain else REPEAT_WINDOW_S,
                    resets.get(sender),
                )
                if earlier is not None:  # heard again (after a restart, or by another workstation)
                    statuses[index] = "duplicate"  # the first copy stands
                    stored.message_ids[index] = earlier
                    if wants_ack and ack_needed is not None:
                        # the team repeats because our ack did not reach it: ack again, or it
                        # keeps repeating and at last reports the message as not delivered
                        ack_needed(address, sender, number)  # type: ignore[arg-type]
                    continue
            precedence = str(effective_precedence(precedence, text))
            form = None if plain else ics213.parse(text)
            if at is not heard_at:  # the frames of one read chunk share their time
                heard_at, when = at, driver_time(at)
            flat += (
                ids[len(fresh)],
                "plain" if plain else "ics213" if form else "text",
                sender,
                number,
                sender,
                recipient,
                address,
                precedence,
                storable(form.subject[:200]) if form else "",
                body,
                when,
                link,
                rssi,
                snr,
                first_id + index,
                link in drill or fp.exercise_marked(text),
            )
            fresh.append((index, precedence, address, (address, sender, number) if wants_ack else None))
        return flat, fresh


def _seen_and_ids(conn: Connection, batch: Batch, times: TimeFormat) -> tuple[message_sql.Seen, list[int]]:
    """Texts of this batch stored within the repeat window (same station, number and
    words) → the newest one's id and time heard; and ids for the batch's messages."""
    frames = batch.frames
    pairs = list({(message[1], message[3]) for message in batch.messages})
    since = min(frames[message[0]][1] for message in batch.messages) - timedelta(seconds=REPEAT_WINDOW_S)
    return message_sql.seen_and_ids(conn, pairs, times.driver_value(since), len(batch.messages))


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
