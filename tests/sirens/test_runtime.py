"""The runtime end to end: real SQLite files, the real driver, simulated controllers on a pty."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from helpers.events import EventRecorder
from helpers.posts import PIN, open_signed_on
from ops_console.db.models import AuditEntry
from ops_console.hardware.protocols.siren_profile import Command, SirenState
from ops_console.hardware.simulators.siren_bus import Failure
from ops_console.sirens.demo import build_demo_sirens
from ops_console.sirens.service import SirenRefused, SirenService

WARNING = 301  # de.warnung, 60 s
SILENT = 1


def actions(service) -> list[str]:
    with service.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def writes(sim, command: Command, unit: int | None = None) -> list:
    return [w for w in list(sim.writes) if w[1][0] == command and (unit is None or w[0] == unit)]


def activate(service, ids, pattern=WARNING, duration=60, live=True):
    return service.activate(
        ids, pattern, duration, live=live, pin=PIN, typed_confirmation=service.patterns.get(pattern).name
    )


def states(service, request_id):
    return {c.siren_id: c.state for c in service.list_commands(request_id=request_id)}


def finished(service, request_id):
    got = states(service, request_id)
    return got if got and all(s not in ("requested", "sent") for s in got.values()) else None


def alarms(service, kind):
    return [a for a in service.list_alarms() if a.kind == kind]


def test_activation_is_confirmed_end_to_end_and_cancel_all_stops_it(
    post, sirens, sim, make_runtime, wait_for
):
    events = EventRecorder(post.bus).items
    make_runtime(sirens)
    result = activate(sirens, [1, 2])
    assert wait_for(lambda: finished(sirens, result.request_id)) == {1: "confirmed", 2: "confirmed"}
    assert sim.siren(1).state is SirenState.SOUNDING and sim.siren(2).state is SirenState.SOUNDING
    assert wait_for(lambda: all(s.sounding for s in sirens.list_sirens() if s.id in (1, 2)), what="read-back")
    assert len(writes(sim, Command.ACTIVATE)) == 2
    assert {"siren.activate.request", "siren.command.sent", "siren.command.confirmed"} <= set(actions(sirens))
    assert {"siren.command", "siren.status"} <= {e.topic for e in events}

    request = sirens.cancel_all()
    assert set(wait_for(lambda: finished(sirens, request)).values()) == {"confirmed"}
    assert all(s.state is SirenState.IDLE for s in sim.sirens.values())
    assert wait_for(lambda: not any(s.sounding for s in sirens.list_sirens()), what="idle read-back")
    assert actions(sirens).count("siren.command.confirmed") == 8
    assert not alarms(sirens, "uncommanded")


def test_exercise_mode_sends_nothing_live(post, sirens, sim, make_runtime, wait_for):
    post.exercise.set_exercise(True)
    rt = make_runtime(sirens)
    activate(sirens, [1, 2, 3], live=False)
    polls = rt.polls
    wait_for(lambda: rt.polls >= polls + 2, what="two poll rounds")
    assert writes(sim, Command.ACTIVATE) == [] and writes(sim, Command.ARM) == []
    assert all(s.state is SirenState.IDLE for s in sim.sirens.values())


def test_the_runtime_refuses_a_live_request_while_in_exercise(post, sirens, sim, make_runtime, wait_for):
    result = activate(sirens, [1])  # recorded live, then the console switches to exercise before sending
    post.exercise.set_exercise(True)
    make_runtime(sirens)
    assert wait_for(lambda: finished(sirens, result.request_id)) == {1: "refused"}
    assert writes(sim, Command.ACTIVATE) == []


def test_a_silent_test_runs_and_lands_in_the_report(post, sirens, sim, make_runtime, wait_for):
    post.exercise.set_exercise(True)
    make_runtime(sirens)
    result = activate(sirens, [3], pattern=SILENT, live=False)
    assert wait_for(lambda: finished(sirens, result.request_id)) == {3: "confirmed"}
    assert sim.siren(3).state is SirenState.TESTING
    (row,) = sirens.test_report()
    assert row.passed and row.siren_name == "S3 Temple Square" and row.kind == "silent"
    assert writes(sim, Command.ACTIVATE) == []


def test_a_scheduled_test_runs_when_due(post, sirens, sim, make_runtime, wait_for):
    from datetime import timedelta

    from ops_console.clock import utc_now
    from ops_console.db.siren_models import SirenTestSchedule

    sid = sirens.schedule_test(
        "Monthly silent test",
        kind="silent",
        nth=1,
        weekday=0,
        time_local="10:00",
        tz="Asia/Shanghai",
        siren_ids=[1, 2],
    )
    with post.db.write() as s:  # make it due now
        s.get(SirenTestSchedule, sid).next_due_at = utc_now() - timedelta(seconds=1)
    make_runtime(sirens)
    rows = wait_for(lambda: len(sirens.test_report()) == 2 and sirens.test_report(), what="two test results")
    assert {r.schedule_name for r in rows} == {"Monthly silent test"} and all(r.passed for r in rows)
    (schedule,) = sirens.list_schedules()
    assert schedule.next_due_at > utc_now() and schedule.last_run_at is not None
    assert "siren.test.run" in actions(sirens)


@pytest.mark.parametrize(
    "failure, words",
    [
        (Failure.CORRUPT_CRC, "CRC error"),
        (Failure.TRUNCATE, "incomplete reply"),
        (Failure.WRONG_UNIT, "unit 3 answered"),
        (Failure.SILENT, "did not answer"),
    ],
)
def test_a_controller_with_a_bad_line_raises_a_comms_fault_after_three_polls(
    sirens, sim, make_runtime, wait_for, failure, words
):
    sim.fail(2, failure)
    make_runtime(sirens, poll_interval_s=0.1)
    (alarm,) = wait_for(lambda: alarms(sirens, "comms_fault"), what="comms fault alarm")
    assert "S2 Plum Blossom school" in alarm.words and words in alarm.words
    siren = sirens.get(2)
    assert siren.missed_polls >= 3 and siren.state == "unknown" and not siren.comms_ok
    assert sirens.get(1).comms_ok
    assert "siren.alarm.comms_fault" in actions(sirens)


def test_an_exception_reply_refuses_the_activation_with_an_alarm(sirens, sim, make_runtime, wait_for):
    sim.fail(4, Failure.REFUSE)
    make_runtime(sirens)
    result = activate(sirens, [4])
    assert wait_for(lambda: finished(sirens, result.request_id)) == {4: "refused"}
    (alarm,) = wait_for(lambda: alarms(sirens, "no_confirmation"))
    assert "S4 Riverside market" in alarm.words and "busy" in alarm.words
    assert "siren.command.refused" in actions(sirens)


def test_a_controller_that_never_starts_alarms_within_five_seconds(sirens, sim, make_runtime, wait_for):
    import time

    sim.fail(5, Failure.NEVER_START)
    make_runtime(sirens)
    started = time.monotonic()
    result = activate(sirens, [5])
    (alarm,) = wait_for(lambda: alarms(sirens, "no_confirmation"), timeout=5.0)
    assert time.monotonic() - started < 5.0
    assert "S5 Stone Bridge" in alarm.words and "did not take effect" in alarm.words
    assert finished(sirens, result.request_id) == {5: "not_started"}
    assert not sirens.get(5).sounding and sim.siren(5).state is SirenState.IDLE
    assert "siren.command.not_started" in actions(sirens)


def test_the_bus_unplugged_mid_activation_leaves_the_state_unknown(sirens, sim, make_runtime, wait_for):
    sim.fail(1, Failure.UNPLUG_AFTER_WRITE)
    make_runtime(sirens, poll_interval_s=5.0)
    result = activate(sirens, [1])
    got = wait_for(lambda: finished(sirens, result.request_id))
    assert got[1] in ("unconfirmed", "timeout")
    assert sirens.get(1).state == "unknown" and not sirens.get(1).sounding
    (alarm,) = alarms(sirens, "no_confirmation")
    assert "unknown" in alarm.words or "not available" in alarm.words
    sim.replug()


def test_two_consoles_activating_at_once_send_exactly_one_activation(any_db_url, sim, make_runtime, wait_for):
    first, second = open_signed_on(any_db_url), open_signed_on(any_db_url)
    try:
        a = build_demo_sirens(first, SirenService(first.db, first.bus, first.shift, first.operators))
        b = SirenService(second.db, second.bus, second.shift, second.operators)
        make_runtime(a)
        barrier, outcomes = threading.Barrier(2), []

        def press(service):
            barrier.wait()
            try:
                outcomes.append(activate(service, [1]))
            except SirenRefused as refused:
                outcomes.append(refused)

        threads = [threading.Thread(target=press, args=(s,)) for s in (a, b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        refusals = [o for o in outcomes if isinstance(o, SirenRefused)]
        accepted = [o for o in outcomes if not isinstance(o, SirenRefused)]
        assert len(refusals) == 1 and len(accepted) == 1
        assert "already being activated by Supervisor Test" in str(refusals[0])
        assert wait_for(lambda: finished(a, accepted[0].request_id)) == {1: "confirmed"}
        assert len(writes(sim, Command.ACTIVATE, 1)) == 1
        assert actions(a).count("siren.refused") == 1
    finally:
        second.close()
        first.close()


def test_an_uncommanded_activation_alarms_at_once_and_one_click_cancels_it(
    post, sirens, sim, make_runtime, wait_for
):
    events = EventRecorder(post.bus).items
    make_runtime(sirens, poll_interval_s=0.2)
    sim.fail(4, Failure.LOCAL_ACTIVATION)
    with sim.lock:  # and one sounding with no bit set: still nobody here asked for it
        sim.siren(6)._start(SirenState.SOUNDING, 1, 120)
    found = wait_for(lambda: len(alarms(sirens, "uncommanded")) == 2 and alarms(sirens, "uncommanded"))
    assert wait_for(
        lambda: [e for e in events if e.topic == "siren.alarm" and e.data.get("kind") == "uncommanded"]
    )
    words = " ".join(a.words for a in found)
    assert "S4 Riverside market" in words and "local-activation bit" in words
    assert "S6 East pumping station" in words and "no console commanded it" in words
    request = sirens.cancel([4, 6], reason="cancel uncommanded activation")
    wait_for(lambda: finished(sirens, request))
    assert sim.siren(4).state is SirenState.IDLE and sim.siren(6).state is SirenState.IDLE
    assert actions(sirens).count("siren.alarm.uncommanded") == 2
    sirens.acknowledge(found[0].id)
    assert "siren.alarm.ack" in actions(sirens)


def test_a_request_nobody_sent_in_time_is_never_sent_late(post, sirens, sim, make_runtime, wait_for):
    from datetime import timedelta

    from ops_console.db.siren_models import SirenCommand

    result = activate(sirens, [2])
    with post.db.write() as s:  # the console that asked had no runtime, a minute ago
        s.get(SirenCommand, result.command_ids[0]).requested_at -= timedelta(seconds=60)
    rt = make_runtime(sirens)
    assert wait_for(lambda: finished(sirens, result.request_id)) == {2: "timeout"}
    wait_for(lambda: rt.polls >= 1)
    assert writes(sim, Command.ARM) == [] and writes(sim, Command.ACTIVATE) == []
    assert "too old to send safely" in alarms(sirens, "no_confirmation")[0].words
    activate(sirens, [2])  # and it no longer holds the siren's lock
