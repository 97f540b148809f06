"""Whom the comms log's Reply answers: the sender of what was heard, the channel a mesh
text was said on, the same station for a follow-up to a message sent from here."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from ops_console.radio.views import MessageView

HEARD = MessageView(
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


@pytest.mark.parametrize(
    ("changes", "answer"),
    [
        ({}, "RESCUE1"),  # to this post: back to the station
        ({"recipient": "ALL"}, "RESCUE1"),  # a broadcast from a team: back to the team
        ({"station": "M9A2B3C03", "recipient": "CH0"}, "CH0"),  # said on a mesh channel
        ({"station": "M9A2B3C03", "recipient": "M00C0FFEE"}, "M9A2B3C03"),  # a direct mesh text
        ({"direction": "out", "station": "OPS", "recipient": "MED-2"}, "MED-2"),  # a follow-up
    ],
)
def test_reply_call(changes: dict[str, str], answer: str) -> None:
    assert replace(HEARD, **changes).reply_call == answer
