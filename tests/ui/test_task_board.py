"""The task board on a real post: columns, moves by key and by drop, overdue, assign,
filters, live updates and conflicts between workstations."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import insert

from helpers.posts import PIN, ROLE_NAMES, open_signed_on
from ops_console.clock import utc_now
from ops_console.db.models import Task, Team
from ops_console.domain import Priority, Role, TaskStatus
from ops_console.services.activity import ActivityFilter
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.tasks import TaskBoardPanel
from ops_console.ui.tasks.assign import AssignDialog
from ops_console.ui.tasks.delegate import OVERDUE_BACKGROUND
from ops_console.ui.tasks.model import TASK_MIME_TYPE, DraggedTask, OverdueRole, decode_drag

NEW, ASSIGNED, IN_PROGRESS, DONE, CANCELLED = (
    TaskStatus.NEW,
    TaskStatus.ASSIGNED,
    TaskStatus.IN_PROGRESS,
    TaskStatus.DONE,
    TaskStatus.CANCELLED,
)


@pytest.fixture
def teams(post):
    """Two teams (the service has no team editor yet, so they are written directly)."""
    with post.db.write() as s:
        s.add_all(
            [
                Team(name="Canal Watch", callsign="CW", specialty="Flood"),
                Team(name="Medic One", callsign="M1", specialty="First aid"),
            ]
        )
    return {t.name: t.id for t in post.tasks.teams()}


@pytest.fixture
def bridge(post):
    b = PostBridge(post.bus)
    yield b
    b.detach()


@pytest.fixture
def make_panel(qtbot, post, bridge, teams):
    def make() -> TaskBoardPanel:
        panel = TaskBoardPanel(post, bridge)
        qtbot.addWidget(panel)
        panel.resize(1400, 800)
        panel.show()
        qtbot.waitExposed(panel)
        qtbot.waitUntil(panel.cards_current)  # read off the GUI thread once shown
        return panel

    return make


def ids(panel: TaskBoardPanel, status: TaskStatus) -> list[int]:
    return [v.id for v in panel.columns[status].model.tasks()]


def add(post, title: str, status: TaskStatus = NEW, **kw):
    """A task in ``status`` (created, then moved there like an operator would)."""
    view = post.tasks.create(TaskDraft(title=title, **kw))
    return view if view.status == status else post.tasks.move(view.id, view.version, status)


def focus_card(qtbot, panel: TaskBoardPanel, task_id: int):
    panel.activateWindow()
    assert panel.select_task(task_id)
    view = next(c.view for c in panel.columns.values() if c.model.row_of(task_id) >= 0)
    qtbot.waitUntil(view.hasFocus)
    return view


def drag_and_drop(target, mime) -> QDropEvent:
    """Deliver what Qt sends the target of a real drag: enter (which makes it the drop
    target), then the drop, both carrying ``mime``."""
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(20, 20), *args)  # QPoint: accepted by every PySide6 6.x
    QApplication.sendEvent(target.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), *args)  # QDropEvent takes QPointF everywhere
    QApplication.sendEvent(target.viewport(), drop)
    return drop


def audit_summaries(post, task_id: int) -> list[str]:
    return [e.words for e in post.activity.page(ActivityFilter(text=f"Task #{task_id} "))]


def test_cards_sit_in_their_columns_with_counts_and_cancelled_hidden(post, make_panel):
    tasks = {s: add(post, f"Task {s.value}", s) for s in TaskStatus}
    extra = add(post, "Second new task")
    panel = make_panel()

    assert ids(panel, NEW) == [tasks[NEW].id, extra.id]
    for status in (ASSIGNED, IN_PROGRESS, DONE, CANCELLED):
        assert ids(panel, status) == [tasks[status].id]
    assert "(2)" in panel.columns[NEW].header.text()
    assert "(1)" in panel.columns[DONE].header.text()
    assert not panel.columns[CANCELLED].isVisible()
    panel.filters.show_cancelled.setChecked(True)
    assert panel.columns[CANCELLED].isVisible()


def test_keyboard_shortcuts_move_the_card_and_the_move_is_stored_and_audited(qtbot, post, make_panel, teams):
    task = add(post, "Sandbags to Mill Lane")
    panel = make_panel()
    view = focus_card(qtbot, panel, task.id)

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert post.tasks.get(task.id).status == NEW  # no team yet: the board asks which team first
    asked = panel.assign_dialog
    assert asked is not None and asked.isVisible()
    assert not asked.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    asked.choose(teams["Canal Watch"])
    asked.accept()
    assert (
        post.tasks.get(task.id).status == ASSIGNED and post.tasks.get(task.id).team_id == teams["Canal Watch"]
    )
    assert ids(panel, ASSIGNED) == [task.id] and ids(panel, NEW) == []
    qtbot.waitUntil(panel.columns[ASSIGNED].view.hasFocus)  # the selection follows the card

    qtbot.keyClick(panel.columns[ASSIGNED].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.columns[IN_PROGRESS].view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert post.tasks.get(task.id).status == ASSIGNED
    assert audit_summaries(post, task.id)[:3] == [
        f"Task #{task.id} moved to Assigned: Sandbags to Mill Lane",
        f"Task #{task.id} moved to In progress: Sandbags to Mill Lane",
        f"Task #{task.id} assigned: Sandbags to Mill Lane",
    ]


def test_a_dropped_card_moves_with_the_version_it_was_dragged_at(qtbot, post, make_panel):
    task = add(post, "Check pump at the school", ASSIGNED)
    panel = make_panel()
    source = panel.columns[ASSIGNED]
    mime = source.model.mimeData([source.model.index(0)])  # exactly what a drag carries
    assert mime.hasFormat(TASK_MIME_TYPE)
    assert decode_drag(mime) == DraggedTask(task.id, task.version)

    drop = drag_and_drop(panel.columns[DONE].view, mime)

    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.MoveAction
    assert post.tasks.get(task.id).status == DONE
    assert ids(panel, DONE) == [task.id] and ids(panel, ASSIGNED) == []
    assert audit_summaries(post, task.id)[0] == f"Task #{task.id} moved to Done: Check pump at the school"


def test_delete_cancels_the_card_only_after_confirmation(qtbot, post, make_panel):
    task = add(post, "Leaflets for Oak Street")
    panel = make_panel()
    view = focus_card(qtbot, panel, task.id)

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = panel.findChild(QMessageBox, "cancelTaskConfirm")
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.No).click()
    assert post.tasks.get(task.id).status == NEW

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = next(b for b in panel.findChildren(QMessageBox, "cancelTaskConfirm") if b.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    assert post.tasks.get(task.id).status == CANCELLED
    assert ids(panel, CANCELLED) == [task.id] and not panel.columns[CANCELLED].isVisible()


def test_overdue_card_is_red_and_the_timer_re_checks_due_times(qtbot, post, make_panel):
    late = add(post, "Late welfare check", ASSIGNED, due_at=utc_now() - timedelta(minutes=5))
    soon = add(post, "Soon welfare check", ASSIGNED, due_at=utc_now() + timedelta(minutes=10))
    panel = make_panel()
    column = panel.columns[ASSIGNED]
    late_index, soon_index = (column.model.index(column.model.row_of(t.id)) for t in (late, soon))

    assert late_index.data(OverdueRole) is True and soon_index.data(OverdueRole) is False
    delegate = column.view.itemDelegate()
    assert delegate.look(late_index).background == OVERDUE_BACKGROUND
    assert delegate.look(soon_index).background != OVERDUE_BACKGROUND
    image = column.view.viewport().grab().toImage()
    card = column.view.visualRect(late_index)
    inside = QPoint(card.right() - 10, card.center().y())  # the card's padding, beside the text
    assert image.pixelColor(inside) == OVERDUE_BACKGROUND
    assert "1 overdue" in column.header.text()

    assert panel.overdue_timer.isActive() and panel.overdue_timer.interval() == 30_000
    assert panel.refresh_overdue(utc_now() + timedelta(minutes=11)) == 1
    assert soon_index.data(OverdueRole) is True


def test_overdue_cards_lead_their_column_and_a_card_falling_overdue_moves_up(qtbot, post, make_panel):
    """The header counts the overdue cards; they are the first ones in sight, above urgent
    cards not yet due, and a card whose time passes moves up keeping its selection."""
    urgent = add(
        post,
        "Sandbags to the school",
        ASSIGNED,
        priority=Priority.URGENT,
        due_at=utc_now() + timedelta(hours=2),
    )
    late = add(
        post,
        "Welfare check, flat 3",
        ASSIGNED,
        priority=Priority.NORMAL,
        due_at=utc_now() - timedelta(minutes=5),
    )
    soon = add(
        post,
        "Welfare check, flat 9",
        ASSIGNED,
        priority=Priority.HIGH,
        due_at=utc_now() + timedelta(minutes=10),
    )
    undated = add(post, "Count the cots", ASSIGNED, priority=Priority.URGENT)
    panel = make_panel()
    assert ids(panel, ASSIGNED) == [late.id, urgent.id, undated.id, soon.id]

    focus_card(qtbot, panel, soon.id)
    assert panel.refresh_overdue(utc_now() + timedelta(minutes=11)) == 1

    column = panel.columns[ASSIGNED]
    assert ids(panel, ASSIGNED) == [soon.id, late.id, urgent.id, undated.id]  # overdue: HIGH before NORMAL
    assert column.view.currentIndex().data(OverdueRole) is True
    assert column.model.view_at(column.view.currentIndex().row()).id == soon.id
    assert [i.row() for i in column.view.selectionModel().selectedIndexes()] == [0]

    urgent = post.tasks.get(urgent.id)  # a live change from another workstation: its time was brought forward
    post.tasks.update(
        urgent.id, urgent.version, replace(urgent.draft(), due_at=utc_now() - timedelta(minutes=1))
    )
    qtbot.waitUntil(lambda: ids(panel, ASSIGNED)[0] == urgent.id)
    assert ids(panel, ASSIGNED) == [urgent.id, soon.id, late.id, undated.id]
    assert "3 overdue" in column.header.text()


def test_a_assigns_the_selected_card_to_a_team(qtbot, post, make_panel, teams):
    task = add(post, "Evacuate care home")
    panel = make_panel()
    view = focus_card(qtbot, panel, task.id)

    qtbot.keyClick(view, Qt.Key.Key_A)
    dialog = panel.findChild(AssignDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.choose(teams["Medic One"])
    dialog.accept()

    stored = post.tasks.get(task.id)
    assert (stored.team_id, stored.status) == (teams["Medic One"], ASSIGNED)
    assert [v.team_name for v in panel.columns[ASSIGNED].model.tasks()] == ["Medic One"]
    assert audit_summaries(post, task.id)[0] == f"Task #{task.id} assigned: Evacuate care home"


def test_filters_by_team_incident_priority_and_text(qtbot, post, make_panel, teams):
    flood = post.incidents.create(IncidentDraft("Flooded underpass"))
    a = add(
        post,
        "Pump out underpass",
        ASSIGNED,
        team_id=teams["Canal Watch"],
        priority=Priority.URGENT,
        incident_id=flood.id,
    )
    b = add(post, "First aid tent", ASSIGNED, team_id=teams["Medic One"], priority=Priority.LOW)
    c = add(post, "Count sandbags", details="At the underpass depot")
    panel = make_panel()
    panel.activateWindow()
    bar = panel.filters

    def chosen(combo, data) -> None:  # the combos apply at once, by a read off the GUI thread
        combo.setCurrentIndex(max(0, combo.findData(data)))
        qtbot.waitUntil(panel.cards_current)

    chosen(bar.team, teams["Medic One"])
    assert ids(panel, ASSIGNED) == [b.id] and ids(panel, NEW) == []
    chosen(bar.team, None)
    chosen(bar.priority, int(Priority.HIGH))
    assert ids(panel, ASSIGNED) == [a.id] and ids(panel, NEW) == []
    chosen(bar.priority, 1)
    chosen(bar.incident, flood.id)
    assert ids(panel, ASSIGNED) == [a.id]
    chosen(bar.incident, None)

    panel.focus_search()
    qtbot.waitUntil(bar.search.hasFocus)
    qtbot.keyClicks(bar.search, "UNDERPASS")
    with qtbot.waitSignal(bar.changed):  # debounced: one reload per pause in typing
        pass
    qtbot.waitUntil(panel.cards_current)
    assert ids(panel, ASSIGNED) == [a.id] and ids(panel, NEW) == [c.id]  # title or details


def test_live_update_moves_only_the_changed_card(qtbot, post, make_panel):
    task = add(post, "Generator to the shelter")
    other = add(post, "Untouched task")
    panel = make_panel()
    resets = []
    for column in panel.columns.values():
        column.model.modelReset.connect(lambda: resets.append(1))

    post.tasks.move(task.id, task.version, IN_PROGRESS)  # as if from the radio desk
    qtbot.waitUntil(lambda: ids(panel, IN_PROGRESS) == [task.id])
    assert ids(panel, NEW) == [other.id]
    created = post.tasks.create(TaskDraft(title="Fresh from the radio"))
    qtbot.waitUntil(lambda: created.id in ids(panel, NEW))
    assert resets == []  # no full reload, just the one card each time


def test_stale_move_shows_both_versions_and_overwrites_nothing(qtbot, post, db_url, make_panel, teams):
    task = add(post, "Close Bridge Road", team_id=teams["Canal Watch"])  # has a team: Ctrl+→ just moves
    panel = make_panel()
    view = focus_card(qtbot, panel, task.id)
    other_workstation = open_signed_on(db_url, create_operators=False)  # its own bus: panel stays stale
    try:
        other_workstation.tasks.move(task.id, task.version, DONE)
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    finally:
        other_workstation.close()

    box = panel.last_message
    assert box is not None and box.objectName() == "conflictDialog"
    qtbot.waitUntil(box.isVisible)
    assert '≠ status: "assigned" → "done"' in box.detailedText()
    assert post.tasks.get(task.id).status == DONE  # the other workstation's move stands
    assert ids(panel, DONE) == [task.id] and ids(panel, NEW) == []  # card shows the stored version
    box.close()


def test_stale_drop_from_a_second_board_is_a_conflict(qtbot, post, make_panel):
    task = add(post, "Sweep glass on High Street", ASSIGNED)
    first, second = make_panel(), make_panel()
    stale = first.columns[ASSIGNED].model.mimeData([first.columns[ASSIGNED].model.index(0)])
    second.move_task(task.id, task.version, IN_PROGRESS)

    drag_and_drop(first.columns[DONE].view, stale)
    assert first.last_message is not None and first.last_message.objectName() == "conflictDialog"
    assert post.tasks.get(task.id).status == IN_PROGRESS
    qtbot.waitUntil(lambda: ids(first, IN_PROGRESS) == [task.id])


def test_a_viewer_is_told_no_and_the_card_stays(qtbot, post, make_panel):
    task = add(post, "Read-only task")
    panel = make_panel()
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    view = focus_card(qtbot, panel, task.id)

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert panel.last_message is not None and panel.last_message.objectName() == "errorMessage"
    assert panel.last_message.windowTitle() == "Not allowed"
    assert post.tasks.get(task.id).status == NEW and ids(panel, NEW) == [task.id]
    panel.last_message.close()


def test_the_board_says_it_is_loading_then_shows_the_cards_read_off_the_gui_thread(qtbot, post, bridge):
    tasks = [add(post, f"Check drain {n}") for n in range(3)]
    readers: list[str] = []
    real_list = post.tasks.list

    def list_and_note_the_thread(*args, **kwargs):
        readers.append(threading.current_thread().name)
        return real_list(*args, **kwargs)

    post.tasks.list = list_and_note_the_thread
    panel = TaskBoardPanel(post, bridge)
    qtbot.addWidget(panel)
    assert panel.loading_label.text() == "Loading tasks…" and not panel.loading_label.isHidden()
    assert readers == [] and ids(panel, NEW) == []  # built, not read: nobody has seen it yet
    panel.show()
    qtbot.waitUntil(panel.cards_current)
    assert ids(panel, NEW) == [t.id for t in tasks]
    assert panel.loading_label.isHidden()
    assert readers and threading.main_thread().name not in readers


def test_changes_made_while_the_board_is_read_are_not_lost(qtbot, post, bridge):
    """The read takes its snapshot, then waits: a task created and another moved meanwhile
    (their events arrive during the read) are on the board when the read lands."""
    moved = add(post, "Pump out the underpass")
    kept = add(post, "Count sandbags")
    snapshot_taken, release = threading.Event(), threading.Event()
    real_list = post.tasks.list

    def list_then_wait(*args, **kwargs):
        views = real_list(*args, **kwargs)
        snapshot_taken.set()
        assert release.wait(10)
        return views

    post.tasks.list = list_then_wait
    panel = TaskBoardPanel(post, bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(snapshot_taken.is_set)
    created = post.tasks.create(TaskDraft(title="Fresh from the radio"))
    post.tasks.move(moved.id, moved.version, IN_PROGRESS)
    qtbot.wait(50)  # the bridge delivers both events while the read still waits
    assert not panel.cards_current()
    release.set()
    qtbot.waitUntil(panel.cards_current)
    assert ids(panel, NEW) == [kept.id, created.id]
    assert ids(panel, IN_PROGRESS) == [moved.id]


def test_a_failed_read_is_said_on_the_board_and_tried_again(qtbot, post, bridge, monkeypatch):
    from ops_console.db.errors import DatabaseUnavailable
    from ops_console.ui.tasks import panel as panel_module

    monkeypatch.setattr(panel_module, "RETRY_MS", 50)
    task = add(post, "Sweep glass on High Street")
    real_list = post.tasks.list
    failures = [DatabaseUnavailable("The database is not answering.")]

    def list_failing_once(*args, **kwargs):
        if failures:
            raise failures.pop()
        return real_list(*args, **kwargs)

    post.tasks.list = list_failing_once
    panel = TaskBoardPanel(post, bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: "Could not read the tasks" in panel.loading_label.text())
    assert "not answering" in panel.loading_label.text()
    qtbot.waitUntil(panel.cards_current)
    assert ids(panel, NEW) == [task.id] and panel.loading_label.isHidden()


def test_a_card_asked_for_before_the_read_is_selected_and_scrolled_into_sight(qtbot, post, bridge):
    """The map's "show this task" on a board not read yet: the card far down a long column
    is selected when the cards land, and scrolled to once the batched layout got there."""
    with post.db.write() as s:  # many cards at once (the service audits each: slow for 400)
        s.execute(
            insert(Task),
            [
                {"title": f"Welfare check, house {n}", "details": "", "priority": 2, "status": "new"}
                | {"location_text": "", "exercise": False, "version": 1}
                for n in range(400)
            ],
        )
    last = post.tasks.list()[-1]
    panel = TaskBoardPanel(post, bridge)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    assert not panel.select_task(last.id, focus=False)  # no cards yet: selected when they land
    qtbot.waitUntil(panel.cards_current)
    assert panel.current_task() is not None and panel.current_task().id == last.id
    view = panel.columns[NEW].view
    index = panel.columns[NEW].model.index(panel.columns[NEW].model.row_of(last.id))
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(index)))
