"""The 1 % duty-cycle budget binds the transmitter, not the process: what was sent in the
last hour is stored (raw rows, direction "out") and a restarted runtime starts with its
budget already spent by its earlier life. A real runtime, a simulated modem on a pty."""

from __future__ import annotations

import time
from datetime import timedelta

from helpers.waiting import wait
from ops_console.db.types import utc_now
from ops_console.hardware.lora.airtime import DutyCycleBudget
from ops_console.radio.airtime_log import AirtimeLog


def test_a_restart_does_not_refill_the_airtime_budget(post, radio_sim, start_runtime) -> None:
    post.radio.outbox.budget = DutyCycleBudget(fraction=2.5 / 3600)  # 2.5 s an hour: one short message
    first = start_runtime(post, radio_sim)
    link = first.modems[0].link.name
    AirtimeLog(post.db).record(link, 0, b"x" * 200, utc_now() - timedelta(hours=2))  # outside the window
    msg = post.radio.outbox.compose("ALL", "first life")
    assert wait(lambda: post.radio.get(msg.id).status == "sent")
    used, allowed = first.router.usage(link, time.monotonic())
    assert 0 < used <= allowed
    first.stop()  # a crash or a restart: the process's memory is gone

    second = start_runtime(post, radio_sim)
    again = post.radio.outbox.compose("ALL", "second life, same hour")
    assert wait(lambda: second.worker.restore is None and second.worker.waiting_for == "budget")
    restored, _ = second.router.usage(link, time.monotonic())
    assert abs(restored - used) < 0.01  # the old row two hours back is not counted
    assert post.radio.get(again.id).status == "queued" and len(radio_sim.transmissions) == 1
