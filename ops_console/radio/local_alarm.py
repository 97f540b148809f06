"""Alarms raised at the post, not heard on the air, sound the one alarm EMERGENCY traffic has.

The post-wide alarm (the red bar, the sound, the alert list and who may acknowledge) watches
unacknowledged EMERGENCY/PRIORITY received messages. A sensor's emergency level and a MAYDAY
pressed by an operator are stored as such a message, of a kind of their own and linked to the
record that raised it, so there is one alarm path and one acknowledgement, not a second alarm
beside the radio's that a tired operator could miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, update

from ops_console.db.radio_models import RadioMessage
from ops_console.hardware.mesh.parts import gaps_shown
from ops_console.said import fitted, shown

from . import message_sql

_MSG = RadioMessage.__table__


LOCAL_KINDS = frozenset({"sensor", "mayday"})
"""The message kinds the console itself writes (``LocalAlarm.kind``); nothing heard on the air has them."""


def message_words(kind: str | None, text: str) -> str:
    """A comms-log text as a person reads it: a console-made alarm's stored sentence in the
    reader's language (said.py); anything received exactly as it came, so a field text that
    happens to look like a stored sentence cannot pass for the console's own words. Only the
    marker a Meshtastic driver puts where a part of a long text never arrived is read in the
    reader's language (hardware/mesh/parts.py: ``gaps_shown``), the rest exactly as heard."""
    return shown(text) if kind in LOCAL_KINDS else gaps_shown(text)


@dataclass(frozen=True)
class LocalAlarm:
    """What the alarm bar and the comms log show; ``kind`` is ``sensor`` or ``mayday``."""

    kind: str
    station: str
    subject: str
    body: str
    at: datetime
    recipient: str
    linked_entity: str
    linked_id: int
    exercise: bool
    node_addr: int | None = None
    precedence: str = "EMERGENCY"


def store_local_alarm(conn: Connection, alarm: LocalAlarm) -> int:
    """Insert ``alarm`` as a received, unacknowledged message in the caller's transaction."""
    [message_id] = message_sql.new_ids(conn, 1)
    conn.execute(
        insert(_MSG),
        {
            "id": message_id,
            "direction": "in",
            "kind": alarm.kind,
            "station": alarm.station[:20],
            "number": 0,
            "sender": alarm.station[:40],
            "recipient": alarm.recipient,
            "node_addr": alarm.node_addr,
            "precedence": alarm.precedence,
            "subject": fitted(alarm.subject, 200),
            "body": alarm.body,
            "at": alarm.at,
            "status": "received",
            "attempts": 0,
            "last_error": "",
            "link": "",
            "acknowledged_by": "",
            "linked_entity": alarm.linked_entity,
            "linked_id": alarm.linked_id,
            "exercise": alarm.exercise,
        },
    )
    return int(message_id)


def acknowledge_linked(
    conn: Connection, kind: str, linked_entity: str, linked_id: int, who: str
) -> list[int]:
    """Mark the open alarms of ``kind`` raised by one record as acknowledged by ``who``
    (acknowledging a MAYDAY on the team board silences its alarm too); returns their ids."""
    open_alarm = (
        (_MSG.c.kind == kind)
        & (_MSG.c.linked_entity == linked_entity)
        & (_MSG.c.linked_id == linked_id)
        & (_MSG.c.acknowledged_by == "")
    )
    ids = [
        int(i) for i in conn.execute(_MSG.select().with_only_columns(_MSG.c.id).where(open_alarm)).scalars()
    ]
    if ids:
        conn.execute(update(_MSG).where(_MSG.c.id.in_(ids)).values(acknowledged_by=who))
    return ids
