"""Teams: formed from checked-in volunteers, assigned one task at a time (one of two
stations wins, on SQLite and PostgreSQL), skill warnings, disbanding mid-task, the PAR
timer reset by the radio ingest and by voice, the roll call, and MAYDAY."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from helpers.posts import open_signed_on
from ops_console import alerts
from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry, Team
from ops_console.domain import TaskStatus
from ops_console.errors import ValidationError
from ops_console.hardware.protocols import field_payload as fp
from ops_console.people.claims import TeamUnavailable
from ops_console.people.par import ParLevel, format_remaining, par_state
from ops_console.people.views import TeamStatus
from ops_console.services.tasks import TaskDraft

from .conftest import checked_in, hear, roster


def two_teams(post):  # type: ignore[no-untyped-def]
    ids = roster(post)
    checked_in(post, ids)
    boat = post.people.teams.form("Boat Crew", "BOAT-1", ids[:2], leader_id=ids[1], radio_node=31)
    saws = post.people.teams.form("Saw Crew", "SAW-2", ids[2:], radio_node=32, par_minutes=5)
    return boat, saws


def audit_lines(post) -> list[str]:  # type: ignore[no-untyped-def]
    """The log's lines as an English console reads them (a service's stored sentence, said.py)."""
    from ops_console.said import english

    with post.db.read() as s:
        return [english(line) for line in s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id))]


def test_team_is_formed_only_from_checked_in_volunteers(post) -> None:
    ids = roster(post)
    checked_in(post, ids[:1])
    with pytest.raises(ValidationError, match="Not checked in: Wang Fang"):
        post.people.teams.form("Boat Crew", "BOAT-1", ids[:2])
    team = post.people.teams.form("Boat Crew", "BOAT-1", ids[:1], leader_id=ids[0])
    assert team.members == ("陈静",) and team.leader == "陈静" and team.status == TeamStatus.AVAILABLE
    with pytest.raises(ValidationError, match="Already on a team"):
        post.people.teams.form("Other", "OTH-1", ids[:1])


def test_assign_offers_available_teams_and_warns_of_missing_skills(post) -> None:
    boat, saws = two_teams(post)
    task = post.tasks.create(TaskDraft("Evacuate by boat", required_skills="boat, first-aid"))
    offered = {t.name: t.missing_skills for t in post.tasks.teams(for_task=task.id)}
    assert offered["Boat Crew"] == () and offered["Saw Crew"] == ("boat", "first aid")
    task = post.tasks.assign(task.id, task.version, boat.id)
    assert post.people.teams.row(boat.id).status == TeamStatus.ASSIGNED
    other = post.tasks.create(TaskDraft("Clear the tree", required_skills="chainsaw"))
    assert [t.name for t in post.tasks.teams(for_task=other.id)] == ["Saw Crew"]  # Boat Crew is busy
    with pytest.raises(TeamUnavailable, match="Evacuate by boat"):
        post.tasks.assign(other.id, other.version, boat.id)
    post.tasks.move(task.id, task.version, TaskStatus.DONE)  # the work is over: the team is free
    assert post.people.teams.row(boat.id).status == TeamStatus.AVAILABLE


def test_unknown_required_skill_is_refused(post) -> None:
    with pytest.raises(ValidationError, match="juggling"):
        post.tasks.create(TaskDraft("Entertain", required_skills="juggling"))


def test_expired_certificate_does_not_count(post) -> None:
    from ops_console.people.views import Skill, VolunteerDraft

    v = post.people.roster.add(
        VolunteerDraft("Old Skipper", skills=(Skill("boat", utc_now().date() - timedelta(days=1)),))
    )
    post.people.checkins.check_in(v.id)
    team = post.people.teams.form("Skipper", "SKIP-1", [v.id])
    task = post.tasks.create(TaskDraft("Ferry", required_skills="boat"))
    assert [t.missing_skills for t in post.tasks.teams(for_task=task.id) if t.id == team.id] == [("boat",)]


def test_team_disbanded_while_on_a_task_returns_the_task_to_new(post) -> None:
    boat, _ = two_teams(post)
    task = post.tasks.create(TaskDraft("Evacuate by boat"))
    task = post.tasks.assign(task.id, task.version, boat.id)
    post.people.teams.disband(boat.id)
    after = post.tasks.get(task.id)
    assert after.status == TaskStatus.NEW and after.team_id is None
    assert any("went back to New without a team" in line for line in audit_lines(post))
    assert all(r.id != boat.id for r in post.people.teams.board())
    with pytest.raises(TeamUnavailable, match="disbanded"):
        post.tasks.assign(after.id, after.version, boat.id)


def test_two_stations_assign_the_same_team_at_once_one_wins(any_db_url) -> None:
    a = open_signed_on(any_db_url)
    b = open_signed_on(any_db_url, create_operators=False)
    try:
        boat, _ = two_teams(a)
        t1 = a.tasks.create(TaskDraft("Task one"))
        t2 = a.tasks.create(TaskDraft("Task two"))
        start = threading.Barrier(2)
        outcome: dict[str, object] = {}

        def attempt(name, post, task) -> None:  # type: ignore[no-untyped-def]
            start.wait()
            try:
                outcome[name] = post.tasks.assign(task.id, task.version, boat.id)
            except TeamUnavailable as exc:
                outcome[name] = exc

        threads = [
            threading.Thread(target=attempt, args=("a", a, t1)),
            threading.Thread(target=attempt, args=("b", b, t2)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        told = [v for v in outcome.values() if isinstance(v, TeamUnavailable)]
        won = [v for v in outcome.values() if not isinstance(v, TeamUnavailable)]
        assert len(told) == 1 and len(won) == 1
        assert "another station" in str(told[0])
        row = a.people.teams.row(boat.id)
        assert row.task_id == won[0].id  # type: ignore[attr-defined]
        loser = t2 if won[0].id == t1.id else t1  # type: ignore[attr-defined]
        assert a.tasks.get(loser.id).team_id is None  # the loser's task was not changed
    finally:
        a.close()
        b.close()


def test_par_timer_levels_and_format() -> None:
    now = utc_now()
    assert par_state(False, now, 20, now).level == ParLevel.NONE
    assert par_state(True, now - timedelta(minutes=10), 20, now).level == ParLevel.OK
    assert par_state(True, now - timedelta(minutes=19, seconds=30), 20, now).level == ParLevel.DUE
    late = par_state(True, now - timedelta(minutes=21), 20, now)
    assert late.level == ParLevel.OVERDUE and format_remaining(late.remaining) == "-1:00"
    assert par_state(True, None, 20, now).level == ParLevel.OVERDUE  # no contact vouches for them


def set_contact(post, team_id: int, minutes_ago: float) -> None:  # type: ignore[no-untyped-def]
    with post.db.write() as s:
        s.execute(
            update(Team)
            .where(Team.id == team_id)
            .values(par_reset_at=utc_now() - timedelta(minutes=minutes_ago))
        )


def test_red_par_raises_an_alert_and_a_frame_from_the_node_resets_it(post) -> None:
    boat, saws = two_teams(post)
    post.people.teams.set_status(saws.id, TeamStatus.ON_SCENE)
    set_contact(post, saws.id, 6)  # timer 5 min: red
    assert post.people.teams.row(saws.id).par.level == ParLevel.OVERDUE
    found = [a for a in alerts.collect(post) if a.key == f"par:{saws.id}"]
    assert found and found[0].title == "PAR overdue: Saw Crew (SAW-2)"
    hear(post, 32, "SAW-2")  # a position report through the real ingest
    row = post.people.teams.row(saws.id)
    assert row.par.level == ParLevel.OK and row.contact_kind == "position"
    assert not [a for a in alerts.collect(post) if a.key == f"par:{saws.id}"]
    hear(post, 31, "BOAT-1")  # another team's node resets only that team (not in the field: no timer)
    assert post.people.teams.row(boat.id).par.level == ParLevel.NONE


def test_par_confirmed_by_voice_is_logged_with_who(post) -> None:
    _, saws = two_teams(post)
    post.people.teams.set_status(saws.id, TeamStatus.EN_ROUTE)
    set_contact(post, saws.id, 4.5)
    assert post.people.teams.row(saws.id).par.level == ParLevel.DUE
    row = post.people.teams.confirm_par(saws.id)
    assert row.par.level == ParLevel.OK and row.contact_kind == "check"
    assert audit_lines(post)[-1] == "PAR confirmed by voice for Saw Crew (SAW-2) by Supervisor Test"


def test_roll_call_never_marks_a_silent_team_accounted_for(post) -> None:
    boat, saws = two_teams(post)
    post.people.teams.set_status(boat.id, TeamStatus.ON_SCENE)
    post.people.teams.set_status(saws.id, TeamStatus.ON_SCENE)
    call = post.people.roll_calls.start()
    assert [ln.asked_by_radio for ln in call.lines] == [True, True]
    queued = [m for m in post.radio.outbox_list() if m.subject == "PAR"]
    assert sorted(m.recipient for m in queued) == ["BOAT-1", "SAW-2"]
    hear(post, 31, "BOAT-1", text="PAR 2 of 2")
    seen = post.people.roll_calls.get(call.id)
    assert {ln.team: ln.answered_how for ln in seen.lines} == {"Boat Crew": "radio", "Saw Crew": ""}
    closed = post.people.roll_calls.close(call.id)
    assert not closed.complete and closed.missing == ["Saw Crew (SAW-2)"]
    assert "PAR INCOMPLETE: 1 of 2 team(s) answered; missing: Saw Crew (SAW-2)" in audit_lines(post)[-1]
    hear(post, 32, "SAW-2")  # heard after the close: the closed result does not change
    assert post.people.roll_calls.get(call.id).missing == ["Saw Crew (SAW-2)"]


def test_roll_call_complete_with_a_voice_answer(post) -> None:
    boat, _ = two_teams(post)
    post.people.teams.set_status(boat.id, TeamStatus.ON_SCENE)
    call = post.people.roll_calls.start()
    post.people.teams.confirm_par(boat.id)
    closed = post.people.roll_calls.close(call.id)
    assert closed.complete and closed.lines[0].answered_how == "voice"
    assert audit_lines(post)[-1].startswith("PAR complete")


def test_mayday_from_the_team_node_and_from_the_button_tops_the_alert_list(post) -> None:
    boat, saws = two_teams(post)
    post.people.teams.set_status(boat.id, TeamStatus.ON_SCENE)
    hear(post, 31, "BOAT-1", text="MAYDAY boat capsized at the weir", prec=fp.Precedence.EMERGENCY)
    assert post.people.teams.row(boat.id).mayday_at is not None
    listed = alerts.collect(post)
    assert listed[0].key == f"mayday:{boat.id}" and listed[0].needs_ack
    assert any(
        a.source == "radio" and a.severity == alerts.Severity.CRITICAL for a in listed
    )  # the EMERGENCY alarm path
    post.people.teams.raise_mayday(saws.id)
    assert {a.key for a in alerts.collect(post)[:2]} == {f"mayday:{boat.id}", f"mayday:{saws.id}"}
    alerts.acknowledge(post, next(a for a in alerts.collect(post) if a.key == f"mayday:{saws.id}"))
    assert post.people.teams.row(saws.id).mayday_at is None
    hear(post, 32, "SAW-2", text="EMERGENCY road blocked", prec=fp.Precedence.EMERGENCY)  # no MAYDAY word
    assert post.people.teams.row(saws.id).mayday_at is None


def test_mayday_from_the_button_sounds_the_emergency_alarm_and_its_acknowledgement_silences_it(post) -> None:
    """The alarm bar watches unacknowledged EMERGENCY traffic only: a MAYDAY pressed at the post
    (a phone call, a runner) must be one of those, and acknowledging it on the board ends it."""
    _, saws = two_teams(post)
    before = {m.id for m in post.radio.unacknowledged_alerts()}
    post.people.teams.raise_mayday(saws.id)
    raised = [m for m in post.radio.unacknowledged_alerts() if m.id not in before]
    assert len(raised) == 1
    assert raised[0].precedence == "EMERGENCY" and "MAYDAY" in raised[0].subject
    post.people.teams.raise_mayday(saws.id)  # pressed again: one alarm, not two
    assert len([m for m in post.radio.unacknowledged_alerts() if m.id not in before]) == 1
    post.people.teams.acknowledge_mayday(saws.id)
    assert {m.id for m in post.radio.unacknowledged_alerts()} == before


def test_the_mayday_listener_reads_back_only_emergencies_from_team_nodes(post, monkeypatch) -> None:
    """The listener runs on the ingest's thread after every batch: reading each alert back
    cost a third of a text flood's time. Other stations' EMERGENCYs and all PRIORITY traffic
    are told apart from the event; a team's MAYDAY still marks the team."""
    boat, _ = two_teams(post)
    reads: list[int] = []
    real_get = post.radio.get
    monkeypatch.setattr(post.radio, "get", lambda mid: reads.append(mid) or real_get(mid))
    hear(post, 77, "OTHER-9", text="EMERGENCY bridge out", prec=fp.Precedence.EMERGENCY)  # not a team's node
    hear(post, 32, "SAW-2", text="need sandbags", prec=fp.Precedence.PRIORITY)  # a team, not EMERGENCY
    assert reads == []
    hear(post, 31, "BOAT-1", text="MAYDAY taking water", prec=fp.Precedence.EMERGENCY)
    assert len(reads) == 1 and post.people.teams.row(boat.id).mayday_at is not None
