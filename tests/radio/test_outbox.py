"""The outbox end to end: queued (audited) → sent through the real driver → acked by the
simulated team; precedence order, retries, failure, cancel/resend, restart, budget."""

from __future__ import annotations

import pytest

from helpers.posts import open_signed_on
from helpers.waiting import wait
from ops_console.domain import Role
from ops_console.errors import PermissionDenied, ValidationError
from ops_console.hardware.lora.airtime import DutyCycleBudget
from ops_console.hardware.protocols import field_payload as fp
from ops_console.said import english
from ops_console.services import audit


def status(post, message_id: int) -> str:
    return post.radio.get(message_id).status


def learn_teams(post, sim) -> None:
    """The console learns team addresses by hearing them (as on the air)."""
    now = __import__("datetime").datetime.now(__import__("datetime").UTC)
    from ops_console.hardware.simulators.lora_teams import rcv_line

    sim.inject_bytes(
        b"".join(
            rcv_line(t.address, fp.encode_position(t.call, 1, 47.0, 8.0, now)[0], -60, 5)
            for t in sim.traffic.teams
        )
    )
    assert wait(lambda: len(post.radio.nodes()) == len(sim.traffic.teams))


def test_compose_is_sent_and_acked(post, radio_sim, start_runtime) -> None:
    start_runtime(post, radio_sim)
    learn_teams(post, radio_sim)
    msg = post.radio.outbox.compose("RESCUE1", "Bring the pump to the bridge", fp.Precedence.PRIORITY)
    assert msg.status == "queued" and msg.node_addr == 11
    assert wait(lambda: status(post, msg.id) == "acked")
    [(addr, frame)] = radio_sim.transmissions
    assert addr == 11 and fp.decode(frame).number == msg.number
    assert radio_sim.traffic.received[0].text == "Bring the pump to the bridge"
    assert audit.verify(post.db).ok


def test_precedence_order_then_age(post, radio_sim, start_runtime) -> None:
    ids = [
        post.radio.outbox.compose("ALL", text, prec).id
        for text, prec in [
            ("routine one", fp.Precedence.ROUTINE),
            ("welfare", fp.Precedence.WELFARE),
            ("routine two", fp.Precedence.ROUTINE),
            ("emergency", fp.Precedence.EMERGENCY),
            ("priority", fp.Precedence.PRIORITY),
        ]
    ]
    start_runtime(post, radio_sim)
    assert radio_sim.wait_for_transmissions(5, 8.0)
    sent = [fp.decode(f).body.decode() for _, f in radio_sim.transmissions]
    assert sent == ["emergency", "priority", "welfare", "routine one", "routine two"]
    assert wait(lambda: all(status(post, i) == "sent" for i in ids))  # broadcasts expect no ack


def test_size_limit_is_enforced_before_queueing(post) -> None:
    check = post.radio.outbox.check("RESCUE1", "x" * 5000)
    assert not check.ok and "frames" in english(check.problem) and check.frames > 8
    with pytest.raises(ValidationError, match="Shorten"):
        post.radio.outbox.compose("RESCUE1", "x" * 5000)
    small = post.radio.outbox.check("RESCUE1", "hello")
    assert small.ok and small.frames == 1 and small.airtime > 0 and small.payload_bytes < 240
    with pytest.raises(ValidationError):
        post.radio.outbox.compose("not a call!", "hello")


def test_viewer_may_not_send(tmp_path) -> None:
    viewer = open_signed_on(f"sqlite:///{tmp_path / 'v.sqlite'}", Role.VIEWER)
    try:
        with pytest.raises(PermissionDenied):
            viewer.radio.outbox.compose("ALL", "hello")
    finally:
        viewer.close()


def test_modem_errors_are_retried_then_failed(post, radio_sim, start_runtime) -> None:
    post.radio.outbox.ack_timeout = 0.05
    post.radio.outbox.max_attempts = 2
    for _ in range(8):
        radio_sim.fail_next(b"AT+SEND", 1)  # not retryable by the driver: each is one outbox attempt
    start_runtime(post, radio_sim)
    msg = post.radio.outbox.compose("ALL", "will not go")
    assert wait(lambda: status(post, msg.id) == "failed")
    view = post.radio.get(msg.id)
    assert view.attempts == 2 and "+ERR=1" in english(view.last_error)


def test_no_ack_means_resent_then_failed(post, radio_sim, start_runtime) -> None:
    post.radio.outbox.ack_timeout = 0.1
    post.radio.outbox.max_attempts = 3
    start_runtime(post, radio_sim)
    msg = post.radio.outbox.compose("NOBODY", "anyone there?")  # no team answers to NOBODY
    assert wait(lambda: status(post, msg.id) == "failed")
    assert len(radio_sim.transmissions) == 3
    assert "no acknowledgement after 3" in english(post.radio.get(msg.id).last_error)
    again = post.radio.outbox.resend(msg.id)
    assert again.status == "queued" and again.attempts == 0
    assert wait(lambda: len(radio_sim.transmissions) >= 4)


def test_cancel_stops_delivery_and_is_audited(post) -> None:
    msg = post.radio.outbox.compose("RESCUE1", "never mind")
    assert post.radio.outbox.cancel(msg.id).status == "cancelled"
    assert post.radio.outbox.next_due(__import__("ops_console.clock", fromlist=["x"]).utc_now()) is None
    with pytest.raises(ValidationError):
        post.radio.outbox.cancel(msg.id)
    actions = [e.action for e in post.activity.page()]
    assert "radio.cancel" in actions and "radio.compose" in actions


def test_outbox_survives_a_restart(db_url, radio_sim, start_runtime) -> None:
    first = open_signed_on(db_url)
    msg = first.radio.outbox.compose("MEDIC2", "Shelter needs blankets", fp.Precedence.WELFARE)
    first.close()
    second = open_signed_on(db_url)
    try:
        start_runtime(second, radio_sim)
        assert radio_sim.wait_for_transmissions(1, 8.0)
        assert wait(lambda: status(second, msg.id) in ("sent", "acked"))
    finally:
        second.close()


def test_spent_budget_says_when_the_next_slot_opens(post, radio_sim, start_runtime) -> None:
    airtime = post.radio.outbox.check("ALL", "a" * 40).airtime
    post.radio.outbox.budget = DutyCycleBudget(fraction=2.5 * airtime / 3600, window=3600.0)  # room for two
    runtime = start_runtime(post, radio_sim)
    first = post.radio.outbox.compose("ALL", "a" * 40)
    second = post.radio.outbox.compose("ALL", "b" * 40)
    third = post.radio.outbox.compose("ALL", "c" * 40)
    assert wait(lambda: status(post, second.id) == "sent")
    assert wait(lambda: runtime.worker.waiting_for == "budget")
    assert status(post, third.id) == "queued" and status(post, first.id) == "sent"
    assert 3000 < runtime.worker.next_slot_in <= 3600
    assert runtime.status()[0].waiting_for == "budget"


def test_the_outbox_says_when_a_waiting_message_is_tried_next(post, qtbot) -> None:
    from datetime import timedelta

    from ops_console.clock import utc_now
    from ops_console.db.radio_models import RadioMessage
    from ops_console.ui.common.formatting import local_clock
    from ops_console.ui.radio.tables import OutboxModel

    queued = post.radio.outbox.compose("MEDIC2", "Bring the stretcher")
    due = utc_now() + timedelta(minutes=3)
    with post.db.write() as s:
        s.get(RadioMessage, queued.id).next_attempt_at = due
    model = OutboxModel()
    model.set_rows(post.radio.outbox_list())
    state = model.data(model.index(0, 4))
    assert state.endswith(f"next try {local_clock(due)}")
