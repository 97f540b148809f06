"""A comms-log row (MessageView) made by hand, for tests of how it is shown or answered
without a post: a received routine text from RESCUE1 to OPS unless told otherwise."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ops_console.radio.views import MessageView

HEARD: dict[str, Any] = dict(
    id=1,
    at=datetime(2026, 12, 7, 9, 0, tzinfo=UTC),
    direction="in",
    kind="text",
    station="RESCUE1",
    number=12,
    sender="",
    recipient="OPS",
    precedence="routine",
    subject="",
    body="Arrived at sector 2",
    status="received",
    attempts=0,
    next_attempt_at=None,
    last_error="",
    acked_at=None,
    rssi=-80,
    snr=5.0,
    acknowledged_by="",
    linked_entity="",
    linked_id=None,
    exercise=False,
)


def message_view(**changes: Any) -> MessageView:
    return MessageView(**{**HEARD, **changes})
