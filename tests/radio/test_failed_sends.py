"""A message sent from here that was not delivered is on the alert list until someone has
seen it: it failed on a real simulated modem (no team answers, the modem refuses), it is
critical when it was an EMERGENCY, acknowledging it is audited and allowed to whom may
acknowledge radio alerts, and a resend that fails again is on the list again."""

from __future__ import annotations

import pytest

from helpers.posts import PIN, ROLE_NAMES
from helpers.waiting import wait
from ops_console import alerts
from ops_console.alerts import Severity
from ops_console.domain import Role
from ops_console.errors import PermissionDenied
from ops_console.hardware.protocols import field_payload as fp
from ops_console.said import english
from ops_console.services import audit


def _status(post, message_id: int) -> str:
    return post.radio.get(message_id).status


def _undelivered(post) -> list[alerts.PostAlert]:
    return [a for a in alerts.collect(post) if a.key.startswith("undelivered:")]


def _fail_one(post, sim, start_runtime, text: str, precedence=fp.Precedence.EMERGENCY) -> int:
    """A message to a call no team answers to, given up after two tries."""
    post.radio.outbox.ack_timeout = 0.1
    post.radio.outbox.max_attempts = 2
    if not post.radio.radios_running:
        start_runtime(post, sim)
    msg = post.radio.outbox.compose("NOBODY", text, precedence)
    assert wait(lambda: _status(post, msg.id) == "failed")
    return msg.id


def test_an_emergency_nobody_acknowledged_is_a_critical_alert_until_seen(post, radio_sim, start_runtime):
    message_id = _fail_one(post, radio_sim, start_runtime, "Evacuate Canal Road now")
    number = post.radio.get(message_id).number
    [alert] = _undelivered(post)
    assert alert.severity == Severity.CRITICAL and alert.needs_ack
    assert alert.title == f"To NOBODY: EMERGENCY message #{number} not delivered"
    assert "no acknowledgement after 2" in alert.detail and "Evacuate Canal Road now" in alert.detail
    assert alert.target == ("radio_sent", message_id)
    alerts.acknowledge(post, alert)
    assert _undelivered(post) == []
    [entry] = [e for e in post.activity.page() if e.action == "radio.failure_seen"]
    assert entry.entity_id == message_id and entry.operator == ROLE_NAMES[Role.SUPERVISOR]
    assert f"#{number} to NOBODY not delivered: seen" in english(entry.summary)
    assert audit.verify(post.db).ok


def test_a_resend_that_fails_again_is_on_the_list_again(post, radio_sim, start_runtime):
    message_id = _fail_one(post, radio_sim, start_runtime, "Bring sandbags", fp.Precedence.ROUTINE)
    [alert] = _undelivered(post)
    assert alert.severity == Severity.WARNING
    alerts.acknowledge(post, alert)
    post.radio.outbox.resend(message_id)
    assert _undelivered(post) == [], "a message on its way again is not a failure"
    assert wait(lambda: _status(post, message_id) == "failed")
    [again] = _undelivered(post)
    assert again.target == ("radio_sent", message_id)


def test_a_message_the_modem_refuses_is_on_the_list_with_the_modems_words(post, radio_sim, start_runtime):
    post.radio.outbox.ack_timeout = 0.05
    post.radio.outbox.max_attempts = 2
    for _ in range(4):
        radio_sim.fail_next(b"AT+SEND", 1)
    start_runtime(post, radio_sim)
    msg = post.radio.outbox.compose("ALL", "Water rising, leave the underpass", fp.Precedence.PRIORITY)
    assert wait(lambda: _status(post, msg.id) == "failed")
    [alert] = _undelivered(post)
    assert alert.severity == Severity.WARNING and "+ERR=1" in alert.detail


def test_who_may_not_acknowledge_radio_alerts_may_not_acknowledge_a_failure(post, radio_sim, start_runtime):
    _fail_one(post, radio_sim, start_runtime, "Evacuate Canal Road now")
    post.operators.sign_off()
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    [alert] = _undelivered(post)
    assert post.radio.acknowledge_refusal()  # the alert list disables its button with these words
    with pytest.raises(PermissionDenied):
        alerts.acknowledge(post, alert)
    assert len(_undelivered(post)) == 1


def test_a_drills_failure_is_not_a_live_alert(post, radio_sim, start_runtime):
    post.exercise.set_exercise(True)
    _fail_one(post, radio_sim, start_runtime, "Exercise: evacuate", fp.Precedence.ROUTINE)
    assert len(_undelivered(post)) == 1
    post.exercise.set_exercise(False)
    assert _undelivered(post) == []


def test_the_failure_reads_in_chinese_on_a_chinese_console(post, radio_sim, start_runtime, chinese):
    message_id = _fail_one(post, radio_sim, start_runtime, "Evacuate Canal Road now")
    number = post.radio.get(message_id).number
    [alert] = _undelivered(post)
    assert alert.title == f"发往 NOBODY 的 紧急 消息 #{number} 未送达", alert.title
    assert "no acknowledgement" not in alert.detail, alert.detail
