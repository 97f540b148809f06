"""Whom the comms log's Reply answers: the sender of what was heard, the channel a mesh
text was said on, the same station for a follow-up to a message sent from here."""

from __future__ import annotations

import pytest

from helpers.message_views import message_view


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
    assert message_view(**changes).reply_call == answer
