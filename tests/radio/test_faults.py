"""Faults on the wire with the outbox and storage in the loop: a modem that never answers,
+READY in the middle of a send, the port vanishing and coming back. Each is shown on the
link, counted, and nothing queued or heard is lost; the caller never blocks."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from sqlalchemy import func, select

from helpers.waiting import wait
from ops_console.db.radio_models import Position
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line


def fast(runtime) -> None:
    for modem in runtime.modems:
        modem.command_timeout, modem.retries, modem.probe_interval = 0.3, 1, 0.2


def test_silent_modem_is_shown_and_the_message_waits(post, radio_sim, start_runtime, events) -> None:
    runtime = start_runtime(post, radio_sim)
    fast(runtime)
    post.radio.outbox.ack_timeout = 0.1
    radio_sim.set_silent(True)
    began = time.monotonic()
    msg = post.radio.outbox.compose("ALL", "anyone?")
    assert time.monotonic() - began < 0.5  # queueing never waits for the radio
    assert events.wait_for(
        lambda items: any(e.topic == "radio.link" and e.data["state"] == "not responding" for e in items),
        15.0,
    )
    status = runtime.status()[0]
    assert status.state in ("not responding", "configuring") and status.errors >= 1
    assert "answer" in status.last_error
    assert post.radio.get(msg.id).status in ("queued", "failed")
    radio_sim.set_silent(False)
    post.radio.outbox.resend(msg.id) if post.radio.get(msg.id).status == "failed" else None
    assert wait(lambda: post.radio.get(msg.id).status == "sent")


def test_ready_in_the_middle_of_a_send_reconfigures_and_sends(post, radio_sim, start_runtime) -> None:
    runtime = start_runtime(post, radio_sim)
    radio_sim.reboot_on_next(b"AT+SEND")
    msg = post.radio.outbox.compose("ALL", "after the reboot")
    assert wait(lambda: post.radio.get(msg.id).status == "sent")
    assert len(radio_sim.transmissions) == 1
    assert runtime.status()[0].state == "ready" and runtime.modems[0].stats().errors.get("reboot", 0) >= 1


def test_port_vanishing_and_coming_back_loses_nothing(post, radio_sim, start_runtime) -> None:
    runtime = start_runtime(post, radio_sim)
    now = datetime.now(UTC)
    radio_sim.inject_bytes(rcv_line(11, fp.encode_position("RESCUE1", 1, 47.0, 8.0, now)[0], -60, 5))
    assert wait(lambda: _positions(post) == 1)
    radio_sim.unplug()
    assert wait(lambda: runtime.status()[0].state == "link down")
    msg = post.radio.outbox.compose("ALL", "queued while unplugged")
    radio_sim.replug()
    assert wait(lambda: post.radio.get(msg.id).status == "sent", 15.0)
    radio_sim.inject_bytes(rcv_line(11, fp.encode_position("RESCUE1", 2, 47.0, 8.0, now)[0], -60, 5))
    assert wait(lambda: _positions(post) == 2)
    assert runtime.modems[0].link.stats().reconnects >= 1


def _positions(post) -> int:
    with post.db.read() as s:
        return s.scalar(select(func.count()).select_from(Position)) or 0


def test_an_unplugged_radio_is_on_the_post_alert_list_until_it_is_back(
    post, radio_sim, start_runtime, events
) -> None:
    """The link strip is in the Radio panel, a tab away for most roles: a radio that stopped
    hearing the field is on the alert list (its count is in every status bar), critical
    when it was the only one, and clears itself when the port is back."""
    from ops_console import alerts
    from ops_console.alerts import Severity
    from ops_console.topics import ALERT_TOPICS, Topic

    assert Topic.RADIO_LINK in ALERT_TOPICS  # the alert list reads again when a link changes
    runtime = start_runtime(post, radio_sim)
    fast(runtime)
    assert not [a for a in alerts.collect(post) if a.key.startswith("link:")]
    radio_sim.unplug()
    assert wait(lambda: runtime.status()[0].state == "link down")
    (down,) = [a for a in alerts.collect(post) if a.key.startswith("link:")]
    assert down.source == "radio" and down.severity == Severity.CRITICAL and not down.needs_ack
    assert down.target == ("radio_link", 0)  # Go to record: the Radio panel
    assert "lora-test" in down.title and "Link down" in down.title
    assert "No radio is working" in down.detail
    radio_sim.replug()
    assert wait(lambda: runtime.status()[0].state == "ready", 15.0)
    assert not [a for a in alerts.collect(post) if a.key.startswith("link:")]
