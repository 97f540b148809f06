"""A picture of a busy board, for people (and the README tour) to look at."""

from __future__ import annotations

from datetime import timedelta

from ops_console.clock import utc_now
from ops_console.db.models import Team
from ops_console.domain import Priority, TaskStatus
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.tasks import TaskBoardPanel
from ops_console.ui.tasks.dialog import TaskDialog


def fill_board(post) -> None:
    """The demo post when the demo generator is there; otherwise ~20 tasks in every column."""
    try:
        from ops_console.demo import build_demo_post
    except ImportError:
        build_demo_post = None
    if build_demo_post is not None:
        build_demo_post(post)
        return
    with post.db.write() as s:
        s.add_all(
            [
                Team(name=n, callsign=c)
                for n, c in (("Canal Watch", "CW"), ("Medic One", "M1"), ("Sandbag Crew", "SB"))
            ]
        )
    teams = post.tasks.teams()
    incident = post.incidents.create(IncidentDraft("Flooded underpass"))
    statuses = list(TaskStatus)
    for i in range(20):
        status = statuses[i % len(statuses)]
        due = utc_now() + timedelta(minutes=(-30 if i % 4 == 1 else 90 + 10 * i))
        view = post.tasks.create(
            TaskDraft(
                title=f"Task {i + 1}: check drains on street {i + 1}",
                priority=list(Priority)[i % 4],
                incident_id=incident.id,
                team_id=None if status == TaskStatus.NEW else teams[i % 3].id,
                due_at=due,
            )
        )
        if view.status != status:
            post.tasks.move(view.id, view.version, status)


def test_screenshot_of_a_busy_board(qtbot, post, screenshot_dir, themed):
    fill_board(post)
    bridge = PostBridge(post.bus)
    panel = TaskBoardPanel(post, bridge)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(panel.cards_current)  # read off the GUI thread once shown
    shown = {s: panel.columns[s].count() for s in TaskStatus}
    assert all(
        shown[s] for s in (TaskStatus.NEW, TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.DONE)
    )
    assert sum(c.model.overdue_count() for c in panel.columns.values()) > 0
    first = panel.columns[TaskStatus.ASSIGNED].model.tasks()[0]
    panel.select_task(first.id, focus=False)

    path = screenshot_dir / "task_board.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 10_000
    bridge.detach()


def test_screenshot_of_the_task_dialog_with_problems(qtbot, post, screenshot_dir, themed):
    incident = post.incidents.create(IncidentDraft("Tree down on Elm Road"))
    bridge = PostBridge(post.bus)
    panel = TaskBoardPanel(post, bridge)
    qtbot.addWidget(panel)
    panel.show()
    panel.new_task(incident.id)
    dialog = panel.findChild(TaskDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.details.setPlainText("Chainsaw crew; keep the footpath open.")
    dialog.lat.setText("52.1")
    dialog.accept()  # no title and half a position: problems show at the fields
    assert dialog.isVisible() and set(dialog.problems_shown()) == {"title", "location"}
    assert dialog.grab().save(str(screenshot_dir / "task_dialog.png"))
    dialog.discard()
    bridge.detach()
