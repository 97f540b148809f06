"""Two edits of one record from the same version: the later writer gets a conflict."""

from dataclasses import replace

import pytest

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role, TaskStatus
from ops_console.errors import ConflictError
from ops_console.post import open_post
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft


def test_second_edit_of_a_task_from_a_stale_version_conflicts(any_post, any_db_url):
    task = any_post.tasks.create(TaskDraft("Check the pumps"))
    other = open_post(any_db_url)  # a second workstation with its own engine
    other.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    try:
        other.tasks.update(task.id, task.version, replace(task.draft(), title="Check pumps 1 and 2"))
        with pytest.raises(ConflictError) as caught:
            any_post.tasks.move(task.id, task.version, TaskStatus.IN_PROGRESS)
    finally:
        other.close()
    error = caught.value
    assert error.mine == {"status": "in_progress"}
    assert error.theirs["title"] == "Check pumps 1 and 2" and error.theirs["version"] == 2
    stored = any_post.tasks.get(task.id)
    assert stored.title == "Check pumps 1 and 2" and stored.status == TaskStatus.NEW


def test_incident_conflict_keeps_the_first_save(any_post):
    incident = any_post.incidents.create(IncidentDraft("Tree down"))
    any_post.incidents.update(incident.id, incident.version, replace(incident.draft(), notes="first"))
    with pytest.raises(ConflictError):
        any_post.incidents.update(incident.id, incident.version, replace(incident.draft(), notes="second"))
    assert any_post.incidents.get(incident.id).notes == "first"
