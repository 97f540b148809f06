"""Task board and incidents without friction, on the real main window: closing an incident
does not leave the next one selected; a task for an incident starts where the incident is;
one word for a task without a team."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ops_console.domain import IncidentStatus, TaskStatus
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft
from ops_console.ui.tasks.assign import AssignDialog
from ops_console.ui.tasks.dialog import TaskDialog


def test_after_closing_an_incident_nothing_else_is_selected(window, post, qtbot):
    older = post.incidents.create(IncidentDraft("Tree across Elm Lane"))
    closing = post.incidents.create(IncidentDraft("Water in the underpass"))
    panel = window.incidents
    panel.reload()
    panel.select_incident(closing.id)
    dialog = panel.close_selected()
    dialog.resolution_edit.setPlainText("Pumped out, road open.")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert post.incidents.get(closing.id).status == IncidentStatus.CLOSED
    assert panel.model.row_of(older.id) >= 0 and panel.model.row_of(closing.id) == -1
    assert panel.selected() is None  # not the next incident: a second Close… must not hit it
    assert not panel.close_button.isEnabled()


def test_a_new_task_for_an_incident_starts_at_its_place(window, post, qtbot):
    incident = post.incidents.create(
        IncidentDraft("Gas smell", location_text="Riverside market 12", lat=30.2611, lon=120.1702)
    )
    window.incidents.reload()
    window.incidents.select_incident(incident.id)
    window.incidents.task_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.tasks.findChildren(TaskDialog)))
    dialog = next(d for d in window.tasks.findChildren(TaskDialog) if d.isVisible())
    assert dialog.incident.currentData() == incident.id
    assert dialog.location_text.text() == "Riverside market 12"
    assert (dialog.lat.text(), dialog.lon.text()) == ("30.261100", "120.170200")
    dialog.discard()


def test_one_word_for_a_task_without_a_team(window, post, qtbot):
    task = post.tasks.create(TaskDraft("Sandbags to the school"))
    dialog = window.tasks.new_task(None)
    assert dialog.team.itemText(0) == "No team"
    dialog.discard()
    assign = AssignDialog(post.tasks.get(task.id), post.tasks.teams(), window)
    assert assign.team.itemText(0) == "No team"
    assign.deleteLater()


def test_task_search_finds_words_and_highlights_them(window, post, qtbot, screenshot_dir):
    street = post.tasks.create(TaskDraft("Sandbags to Harbour Street"))
    tree = post.tasks.create(TaskDraft("Tree across the footpath"))
    board = window.tasks
    window.show()
    QApplication.processEvents()  # the role's front tabs are raised by a 0-timer after show
    window.docks["tasks"].raise_()  # the supervisor's front is the alerts: the board reads once shown
    qtbot.waitUntil(board.cards_current)
    board.filters.search.setText("tree")
    board.filters.flush()
    qtbot.waitUntil(board.cards_current)
    new_column = board.columns[TaskStatus.NEW]
    assert [v.id for v in new_column.model.tasks()] == [tree.id]  # not "Harbour Street"
    delegate = new_column.view.itemDelegate()
    assert delegate.highlights("Tree across the footpath") == [(0, 4)]
    assert street.id not in [v.id for v in new_column.model.tasks()]
    new_column.view.grab().save(str(screenshot_dir / "task_search_highlight.png"))
