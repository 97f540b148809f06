"""Incidents, tasks and the activity log through the services, on every engine."""

from dataclasses import replace
from datetime import timedelta

import pytest

from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.domain import IncidentStatus, Priority, Role, Severity, TaskStatus
from ops_console.errors import PermissionDenied, ValidationError
from ops_console.said import english
from ops_console.services.activity import ActivityFilter
from ops_console.services.incidents import IncidentDraft, IncidentFilter
from ops_console.services.tasks import TaskDraft, TaskFilter


@pytest.mark.parametrize(
    "draft, field",
    [
        (IncidentDraft("  "), "title"),
        (IncidentDraft("x" * 201), "title"),
        (IncidentDraft("Fire", lat=95.0, lon=1.0), "lat"),
        (IncidentDraft("Fire", lat=30.0), "location"),
        (IncidentDraft("Fire", reported_at=utc_now() + timedelta(days=1)), "reported_at"),
    ],
)
def test_invalid_incident_names_the_field(post, draft, field):
    with pytest.raises(ValidationError) as caught:
        post.incidents.create(draft)
    assert field in caught.value.problems
    assert post.incidents.list() == []


def test_incident_lifecycle_and_filters(any_post):
    flood = any_post.incidents.create(IncidentDraft("Flooded lane", severity=Severity.SERIOUS))
    any_post.incidents.create(IncidentDraft("Lost cat", severity=Severity.MINOR))
    assert [i.title for i in any_post.incidents.list(IncidentFilter(min_severity=3))] == ["Flooded lane"]
    assert [i.title for i in any_post.incidents.list(IncidentFilter(text="cat"))] == ["Lost cat"]
    with pytest.raises(ValidationError):
        any_post.incidents.close(flood.id, flood.version, "  ")
    closed = any_post.incidents.close(flood.id, flood.version, "Water pumped out")
    assert closed.status == IncidentStatus.CLOSED and closed.closed_at is not None
    open_only = IncidentFilter(statuses=frozenset({IncidentStatus.OPEN}))
    assert [i.title for i in any_post.incidents.list(open_only)] == ["Lost cat"]


def test_task_assign_move_and_overdue(any_post):
    team = _team(any_post)
    task = any_post.tasks.create(
        TaskDraft("Sandbags", priority=Priority.URGENT, due_at=utc_now() - timedelta(minutes=5))
    )
    assert task.is_overdue()
    task = any_post.tasks.assign(task.id, task.version, team)
    assert task.status == TaskStatus.ASSIGNED and task.team_name == "Canal Watch"
    task = any_post.tasks.move(task.id, task.version, TaskStatus.DONE)
    assert not task.is_overdue()
    assert [t.id for t in any_post.tasks.list(TaskFilter(team_id=team))] == [task.id]
    actions = [e.action for e in any_post.activity.page(limit=3)]
    assert actions == ["task.move", "task.assign", "task.create"]


def test_task_linked_to_a_missing_team_is_refused(post):
    with pytest.raises(ValidationError) as caught:
        post.tasks.create(TaskDraft("Ghost team", team_id=999))
    assert "team_id" in caught.value.problems


def test_viewer_cannot_change_anything(post):
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    with pytest.raises(PermissionDenied, match="may not report incidents"):
        post.incidents.create(IncidentDraft("Nope"))
    with pytest.raises(PermissionDenied):
        post.activity.add_note("hello")


def test_exercise_records_are_kept_apart_and_purged(any_post):
    real = any_post.incidents.create(IncidentDraft("Real flood"))
    done = any_post.incidents.create(IncidentDraft("Real fallen tree"))
    any_post.incidents.close(done.id, done.version, "Cleared")
    any_post.exercise.set_exercise(True)
    drill = any_post.incidents.create(IncidentDraft("Drill: fire in block C"))
    any_post.tasks.create(TaskDraft("Drill task", incident_id=drill.id))
    # exercise mode is a view: the drill's incidents, and the open live one stays in sight
    assert drill.exercise and not real.exercise
    assert {i.title for i in any_post.incidents.list()} == {"Drill: fire in block C", "Real flood"}
    assert [t.title for t in any_post.tasks.list()] == ["Drill task"]
    any_post.exercise.set_exercise(False)
    assert {i.title for i in any_post.incidents.list()} == {
        "Real flood",
        "Real fallen tree",
    }  # no drill in sight
    assert any_post.exercise.purge() == {"incidents": 1, "tasks": 1}  # nothing else was drilled
    any_post.exercise.set_exercise(True)
    assert [i.title for i in any_post.incidents.list()] == ["Real flood"] and any_post.tasks.list() == []


def test_a_drill_begins_and_ends_in_the_live_log_and_its_records_stay_out(any_post):
    any_post.exercise.set_exercise(True)
    any_post.activity.add_note("Drill: casualty at the footbridge")
    any_post.exercise.set_exercise(False)
    live = any_post.activity.page()
    assert [e.action for e in live[:2]] == ["exercise.end", "exercise.start"]
    assert "started exercise mode" in english(live[1].summary)
    assert not any("casualty" in e.summary for e in live)


def test_only_supervisors_switch_exercise_mode(post):
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    with pytest.raises(PermissionDenied):
        post.exercise.set_exercise(True)
    assert not post.shift.exercise


def test_activity_log_pages_newest_first(any_post):
    for i in range(25):
        any_post.activity.add_note(f"Radio check {i}")
    first = any_post.activity.page(ActivityFilter(notes_only=True), limit=10)
    assert [e.summary for e in first[:2]] == ["Radio check 24", "Radio check 23"]
    second = any_post.activity.page(ActivityFilter(notes_only=True), before_id=first[-1].id, limit=10)
    assert second[0].summary == "Radio check 14"
    assert any_post.activity.count(ActivityFilter(text="check 1")) == 11
    assert [e.summary for e in any_post.activity.newer_than(first[1].id)] == ["Radio check 24"]
    with pytest.raises(ValidationError):
        any_post.activity.add_note("   ")


def _team(post) -> int:
    from ops_console.db.models import Team

    with post.db.write() as s:
        team = Team(name="Canal Watch", callsign="CANAL-1")
        s.add(team)
        s.flush()
        return team.id


def test_draft_round_trip(post):
    task = post.tasks.create(TaskDraft("Pump", details="two pumps"))
    assert replace(task.draft(), title="Pump") == TaskDraft("Pump", details="two pumps")
