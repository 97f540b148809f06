"""The new/edit task dialog opened from the board: prefill, local due time, validation
at the fields, editing by keyboard, and a stale edit."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from ops_console.db.models import Team
from ops_console.domain import Priority, TaskStatus
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.tasks import TaskBoardPanel
from ops_console.ui.tasks.dialog import TaskDialog


@pytest.fixture
def panel(qtbot, post):
    with post.db.write() as s:
        s.add(Team(name="Canal Watch", callsign="CW"))
    bridge = PostBridge(post.bus)
    board = TaskBoardPanel(post, bridge)
    qtbot.addWidget(board)
    board.resize(1200, 700)
    board.show()
    qtbot.waitExposed(board)
    qtbot.waitUntil(board.cards_current)  # read off the GUI thread once shown
    yield board
    bridge.detach()


def open_dialog(qtbot, panel: TaskBoardPanel) -> TaskDialog:
    dialog = panel.findChild(TaskDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def save(dialog: TaskDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_new_task_from_an_incident_is_prefilled_and_stores_due_time_in_utc(qtbot, post, panel):
    incident = post.incidents.create(IncidentDraft("Tree down on Elm Road"))
    panel.new_task(incident.id)
    dialog = open_dialog(qtbot, panel)
    assert dialog.incident.currentData() == incident.id
    assert dialog.windowTitle() == "New task"

    team = post.tasks.teams()[0]
    qtbot.keyClicks(dialog.title, "Clear the tree")
    dialog.priority.setCurrentIndex(dialog.priority.findData(int(Priority.HIGH)))
    dialog.team.setCurrentIndex(dialog.team.findData(team.id))
    local = QDateTime.currentDateTime().addSecs(2 * 3600)
    dialog.has_due.setChecked(True)
    dialog.due.setDateTime(local)
    dialog.location_text.setText("Elm Road 4")
    dialog.lat.setText("52.1")
    dialog.lon.setText("5,25")  # a decimal comma is fine too
    save(dialog)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    [task] = post.tasks.list()
    assert (task.title, task.incident_id, task.priority, task.team_id) == (
        "Clear the tree",
        incident.id,
        Priority.HIGH,
        team.id,
    )
    assert task.status == TaskStatus.ASSIGNED  # a team given on creation assigns it
    assert task.due_at == datetime.fromtimestamp(local.toSecsSinceEpoch() // 60 * 60, timezone.utc)
    assert task.due_at.utcoffset() == timedelta(0)
    assert (task.lat, task.lon, task.location_text) == (52.1, 5.25, "Elm Road 4")
    assert panel.columns[TaskStatus.ASSIGNED].model.row_of(task.id) == 0
    assert panel.current_task() is not None and panel.current_task().id == task.id


def test_validation_problems_show_at_the_fields_and_keep_what_was_typed(qtbot, post, panel):
    panel.new_task()
    dialog = open_dialog(qtbot, panel)
    dialog.details.setPlainText("Bring two ladders")
    dialog.lat.setText("51.5")  # longitude missing
    save(dialog)

    assert dialog.isVisible()
    shown = dialog.problems_shown()
    assert shown == {
        "title": "A title is required.",
        "location": "Give both latitude and longitude, or neither.",
    }
    assert dialog.findChild(QLabel, "error_title").isVisible()
    assert dialog.details.toPlainText() == "Bring two ladders" and dialog.lat.text() == "51.5"
    assert post.tasks.list() == []

    dialog.title.setText("Ladders to the school")
    dialog.lon.setText("east")
    save(dialog)
    assert dialog.problems_shown() == {"lon": "Type a number in decimal degrees, e.g. 51.5074."}
    dialog.lon.setText("-0.12")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [t.title for t in post.tasks.list()] == ["Ladders to the school"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_F2])
def test_enter_or_f2_edits_the_selected_card(qtbot, post, panel, key):
    task = post.tasks.create(TaskDraft(title="Sandbags", details="Forty bags"))
    panel.reload()
    qtbot.waitUntil(panel.cards_current)
    panel.activateWindow()
    assert panel.select_task(task.id)
    view = panel.columns[TaskStatus.NEW].view
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, key)

    dialog = open_dialog(qtbot, panel)
    assert dialog.windowTitle() == f"Edit task #{task.id}"
    assert (dialog.title.text(), dialog.details.toPlainText()) == ("Sandbags", "Forty bags")
    dialog.title.setText("Sandbags for Mill Lane")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert post.tasks.get(task.id).title == "Sandbags for Mill Lane"
    assert panel.columns[TaskStatus.NEW].model.tasks()[0].title == "Sandbags for Mill Lane"


def test_a_stale_edit_is_a_conflict_and_overwrites_nothing(qtbot, post, panel):
    task = post.tasks.create(TaskDraft(title="Check the pumps"))
    panel.reload()
    qtbot.waitUntil(panel.cards_current)
    panel.select_task(task.id)
    panel.edit_selected()
    dialog = open_dialog(qtbot, panel)
    dialog.title.setText("Check the pumps at the depot")
    post.tasks.update(task.id, task.version, TaskDraft(title="Check the pumps twice"))  # someone else, first
    save(dialog)

    box = panel.last_message
    assert box is not None and box.objectName() == "conflictDialog"
    assert 'title: "Check the pumps at the depot" → "Check the pumps twice"' in box.detailedText()
    assert post.tasks.get(task.id).title == "Check the pumps twice"
    qtbot.waitUntil(lambda: panel.columns[TaskStatus.NEW].model.tasks()[0].title == "Check the pumps twice")
    box.close()
