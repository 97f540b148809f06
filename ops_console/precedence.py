"""Radiogram precedence as the post ranks it: one rule for which traffic raises an alert.

The wire letter (E/P/W/R) belongs to the field payload protocol
(hardware/protocols/field_payload.py); what is stored and shown is the name. The SQL
writer, the queries, the views and the panels all ask this module which precedences
raise an alert and in what order traffic goes out, so the rule cannot drift between them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import case

from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels


class Precedence(Labelled, StrEnum):
    """Stored as the name, shown in the reader's words (``label``); ``rank`` 0 goes first."""

    EMERGENCY = "EMERGENCY"
    PRIORITY = "PRIORITY"
    WELFARE = "WELFARE"
    ROUTINE = "ROUTINE"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def raises_alert(self) -> bool:
        """Incoming traffic of this precedence waits on the alert list until acknowledged."""
        return self in ALERTING


labels(
    Precedence,
    EMERGENCY=QT_TRANSLATE_NOOP("Labels", "Emergency"),
    PRIORITY=QT_TRANSLATE_NOOP("Labels", "Priority"),
    WELFARE=QT_TRANSLATE_NOOP("Labels", "Welfare"),
    ROUTINE=QT_TRANSLATE_NOOP("Labels", "Routine"),
)


def precedence_label(stored: str) -> str:
    """A stored precedence in the reader's words; an unknown value as it is stored."""
    try:
        return Precedence(stored).label
    except ValueError:
        return stored


_RANKS = {Precedence.EMERGENCY: 0, Precedence.PRIORITY: 1, Precedence.WELFARE: 2, Precedence.ROUTINE: 3}
ALERTING: frozenset[str] = frozenset({Precedence.EMERGENCY, Precedence.PRIORITY})
"""Precedences whose incoming traffic raises an alert (and stays in sight, marked LIVE, in an exercise)."""


def raises_alert(precedence: str | None) -> bool:
    """For a stored value (a plain string from a row)."""
    return precedence in ALERTING


def rank_of(precedence: str | None) -> int:
    """For a stored value; anything unknown ranks last."""
    try:
        return Precedence(precedence or "").rank
    except ValueError:
        return len(_RANKS)


def rank_sql(column: Any) -> Any:
    """The same rank as a SQL expression, for ORDER BY on the precedence column."""
    return case({p.value: p.rank for p in Precedence}, value=column, else_=len(_RANKS))
