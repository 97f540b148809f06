"""Messages this post sent that were not delivered, until a person has seen that they failed.

The outbox gives a message up after its last try (no acknowledgement, a routing error, a
text the radio refused). Its state in the comms log then reads "failed": one row among
hundreds, a tab away for most roles, and nothing else said so. A supervisor's "evacuate
Canal Road now" that never reached the team matters as much as an EMERGENCY heard, so each
failed message stays on the alert list until someone acknowledges it (audited); a message
sent again that fails again is on the list again.

The acknowledgement is kept in the message's ``acknowledged_by`` column, as for an alert
heard: on an outgoing message the column had no other use.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.db.radio_models import RadioMessage
from ops_console.errors import NotFound
from ops_console.exercise_view import in_view
from ops_console.precedence import ALERTING, Precedence
from ops_console.said import N_, label, said
from ops_console.services import audit
from ops_console.services.audit import Actor

LIMIT = 50
"""The newest failures listed: more than a list of alerts can show, fewer than a log."""

ACTION = "radio.failure_seen"
"""The audit action of an acknowledged failure (ui/activity/model.py gives it words)."""


def undelivered(s: Session, exercise_mode: bool) -> list[RadioMessage]:
    """Failed outgoing messages nobody has acknowledged yet, newest first. During a drill
    a live EMERGENCY or PRIORITY message that failed stays in sight, as one heard does."""
    return list(
        s.scalars(
            select(RadioMessage)
            .where(
                RadioMessage.direction == "out",
                RadioMessage.status == "failed",
                RadioMessage.acknowledged_by == "",
                in_view(RadioMessage.exercise, exercise_mode, RadioMessage.precedence.in_(sorted(ALERTING))),
            )
            .order_by(RadioMessage.id.desc())
            .limit(LIMIT)
        )
    )


def acknowledge(s: Session, actor: Actor, message_id: int) -> RadioMessage:
    """``actor`` has seen that the message failed: it leaves the alert list (audited once)."""
    row = s.get(RadioMessage, message_id, with_for_update=True)
    if row is None or row.direction != "out":
        raise NotFound(said(N_("Outbound message {id} no longer exists."), id=message_id))
    if not row.acknowledged_by:
        row.acknowledged_by = actor.name
        audit.append(
            s,
            actor,
            ACTION,
            "radio_message",
            row.id,
            said(
                N_("{precedence} message #{number} to {recipient} not delivered: seen"),
                precedence=label(Precedence(row.precedence)),
                number=row.number,
                recipient=row.recipient,
            ),
            exercise=row.exercise,
        )
    return row
