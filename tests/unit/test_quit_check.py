"""What quitting would stop: the Qt-free rule behind the quit question."""

from __future__ import annotations

from helpers.alerts import hear_emergency
from ops_console.quit_check import what_would_stop


def test_an_idle_post_loses_nothing_by_quitting(post):
    assert what_would_stop(post) == []


def test_an_unacknowledged_emergency_and_a_queued_message_are_named(post):
    hear_emergency(post)
    post.radio.outbox.compose("RESCUE1", "Boat on its way")
    lines = what_would_stop(post)
    assert any("1 alert is not acknowledged" in line for line in lines)
    assert any("1 message waits in the outbox" in line for line in lines)
    post.radio.acknowledge_alert(post.radio.unacknowledged_alerts()[0].id)
    assert not any("acknowledged" in line for line in what_would_stop(post))
