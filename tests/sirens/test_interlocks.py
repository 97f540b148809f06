"""The activation interlocks: role, PIN, typed confirmation, duration, exercise mode, the
per-siren lock and cancel for operators — each refusal audited. The rules that touch the
database's locking and permissions run on every engine; the pure input checks on SQLite."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from helpers.posts import PIN, ROLE_NAMES
from ops_console.db.models import AuditEntry
from ops_console.domain import Role
from ops_console.errors import ValidationError
from ops_console.sirens.service import SirenRefused

WARNING = 301  # de.warnung, 60 s
SILENT = 1  # common.silent_test


def actions(service) -> list[str]:
    with service.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def last_summary(service) -> str:
    with service.db.read() as s:
        return s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id.desc())).first()


def name_of(service, pattern_id: int) -> str:
    return service.patterns.get(pattern_id).name


def test_a_non_supervisor_is_refused_and_audited(any_post, any_sirens):
    any_post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    with pytest.raises(SirenRefused, match="may not activate sirens"):
        any_sirens.activate(
            [1], WARNING, 60, live=True, pin=PIN, typed_confirmation=name_of(any_sirens, WARNING)
        )
    assert actions(any_sirens)[-1] == "siren.refused"
    assert any_sirens.list_commands() == []


def test_a_wrong_pin_is_refused_and_audited(sirens):
    with pytest.raises(SirenRefused, match="PIN was not accepted — Wrong PIN. 2 attempts left"):
        sirens.activate([1], WARNING, 60, live=True, pin="9999", typed_confirmation=name_of(sirens, WARNING))
    assert actions(sirens)[-2:] == ["shift.pin_failed", "siren.refused"]
    assert sirens.list_commands() == []


def test_wrong_pins_at_the_siren_door_lock_the_operator_like_sign_on(post, sirens):
    for _ in range(2):
        with pytest.raises(SirenRefused, match="attempts? left"):
            sirens.activate([1], WARNING, 60, live=True, pin="9999", typed_confirmation="de.warnung")
    with pytest.raises(SirenRefused, match="locked for one minute"):
        sirens.activate([1], WARNING, 60, live=True, pin="9999", typed_confirmation="de.warnung")
    with pytest.raises(SirenRefused, match="try again in"):  # the right PIN waits out the lock
        sirens.activate([1], WARNING, 60, live=True, pin=PIN, typed_confirmation="de.warnung")
    assert "shift.locked" in actions(sirens) and sirens.list_commands() == []


def test_the_short_code_or_one_language_of_the_name_confirms(sirens):
    assert sirens.activate([1], WARNING, 60, live=True, pin=PIN, typed_confirmation="DE.Warnung").live
    sirens.cancel_all()
    air_raid = 102  # 空袭警报 Air-raid warning
    assert sirens.activate([2], air_raid, 30, live=True, pin=PIN, typed_confirmation="air-raid warning").live
    assert sirens.activate([3], air_raid, 30, live=True, pin=PIN, typed_confirmation="空袭警报").live


def test_a_wrong_typed_confirmation_is_refused(sirens):
    with pytest.raises(SirenRefused, match="does not match the pattern name"):
        sirens.activate([1, 2], WARNING, 60, live=True, pin=PIN, typed_confirmation="warnung")
    assert "confirmation" in last_summary(sirens)
    assert sirens.list_commands() == []


def test_duration_is_bounded_by_the_pattern(sirens):
    with pytest.raises(SirenRefused, match="outside 1..60 s"):
        sirens.activate([1], WARNING, 61, live=True, pin=PIN, typed_confirmation=name_of(sirens, WARNING))


def test_no_sirens_chosen_is_a_validation_error(sirens):
    with pytest.raises(ValidationError):
        sirens.activate([], WARNING, 60, live=True, pin=PIN, typed_confirmation=name_of(sirens, WARNING))


def test_exercise_mode_refuses_live_sound_and_records_exercise_activations(any_post, any_sirens):
    any_post.exercise.set_exercise(True)
    with pytest.raises(SirenRefused, match="EXERCISE mode"):
        any_sirens.activate(
            [1], WARNING, 60, live=True, pin=PIN, typed_confirmation=name_of(any_sirens, WARNING)
        )
    result = any_sirens.activate(
        [1, 2], WARNING, 60, live=False, pin=PIN, typed_confirmation=name_of(any_sirens, WARNING)
    )
    assert not result.sent and not result.live
    assert {c.state for c in any_sirens.list_commands()} == {"exercise"}
    assert actions(any_sirens)[-2:] == ["siren.refused", "siren.activate.request"]


def test_a_silent_test_is_allowed_in_exercise_mode(any_post, any_sirens):
    any_post.exercise.set_exercise(True)
    result = any_sirens.activate(
        [3], SILENT, 60, live=False, pin=PIN, typed_confirmation=name_of(any_sirens, SILENT)
    )
    assert result.sent
    (cmd,) = any_sirens.list_commands()
    assert (cmd.command, cmd.state) == ("silent_test", "requested")


def test_a_siren_being_activated_refuses_a_second_activation(any_sirens):
    name = name_of(any_sirens, WARNING)
    any_sirens.activate([1, 2], WARNING, 60, live=True, pin=PIN, typed_confirmation=name)
    with pytest.raises(SirenRefused, match="already being activated by Supervisor Test"):
        any_sirens.activate([2, 3], WARNING, 60, live=True, pin=PIN, typed_confirmation=name)
    assert len(any_sirens.list_commands()) == 2


def test_cancel_all_is_allowed_for_an_operator_in_any_mode(any_post, any_sirens):
    any_post.exercise.set_exercise(True)
    any_post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    any_sirens.cancel_all()
    cmds = any_sirens.list_commands()
    assert len(cmds) == 6 and {c.command for c in cmds} == {"cancel"}
    assert actions(any_sirens)[-1] == "siren.cancel.request"


def test_a_viewer_cannot_cancel(post, sirens):
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    from ops_console.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        sirens.cancel_all()


def test_first_monday_rule():
    from datetime import datetime, timezone

    from ops_console.sirens.schedule import next_occurrence

    after = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)
    due = next_occurrence(1, 0, "10:00", "Asia/Shanghai", after)
    assert due == datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)  # Monday 7 Dec, 10:00 +08:00


def test_status_history_is_bounded(post, sirens):
    from ops_console.clock import utc_now
    from ops_console.db.siren_models import SirenStatusSample

    with post.db.write() as s:
        s.add_all(
            [
                SirenStatusSample(
                    siren_id=1,
                    at=utc_now(),
                    state="idle",
                    battery_v=27.0 - i / 1000,
                    mains_present=True,
                    temperature_c=20.0,
                    faults=0,
                )
                for i in range(30)
            ]
        )
    assert sirens.prune_history(keep_per_siren=10) == 20
    history = sirens.history(1)
    assert len(history) == 10 and history[-1].battery_v == pytest.approx(27.0 - 29 / 1000)


def test_only_a_supervisor_sounds_sirens_live_not_even_an_admin(post, sirens):
    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    with pytest.raises(SirenRefused, match="only a supervisor may sound sirens live"):
        sirens.activate([1], WARNING, 60, live=True, pin=PIN, typed_confirmation=name_of(sirens, WARNING))
    assert actions(sirens)[-1] == "siren.refused" and sirens.list_commands() == []


def test_the_configured_country_decides_the_signal_set(sirens):
    sirens.country = "DE"
    offered = {p.id for p in sirens.choosable_patterns()}
    assert WARNING in offered and SILENT in offered
    assert all(p.applies_to("DE") for p in sirens.choosable_patterns())
    sirens.country = None
    assert len(sirens.choosable_patterns()) > len(offered)


def test_a_scheduled_audible_test_goes_through_the_same_per_siren_lock(sirens):
    """A schedule never starts a test on a siren an operator's activation is commanding."""
    from datetime import timedelta

    from sqlalchemy import select

    from ops_console.clock import utc_now
    from ops_console.db.models import AuditEntry
    from ops_console.db.siren_models import SirenCommand, SirenTestSchedule
    from ops_console.sirens.records import SirenRecords

    live = sirens.activate([1], 301, 60, live=True, pin=PIN, typed_confirmation=sirens.patterns.get(301).name)
    sid = sirens.schedule_test(
        "Monthly growl", kind="growl", nth=1, weekday=0, time_local="10:00", siren_ids=[1, 2]
    )
    with sirens.db.write() as s:
        s.get(SirenTestSchedule, sid).next_due_at = utc_now() - timedelta(seconds=1)
    assert SirenRecords(sirens.db, sirens.bus, sirens.patterns).run_due_tests(exercise=False) == [sid]
    with sirens.db.read() as s:
        tested = set(s.scalars(select(SirenCommand.siren_id).where(SirenCommand.schedule_id == sid)))
        skipped = list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "siren.test.skipped")))
    assert tested == {2}
    assert len(skipped) == 1 and live.request_id in skipped[0]
