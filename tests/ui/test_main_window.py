"""The main window on a real post: docks, status bar, exercise mode,
roles, remembered layout, shortcuts and the start-up path."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMessageBox

from helpers.posts import PIN, ROLE_NAMES
from ops_console.demo import DEMO_PIN
from ops_console.domain import Role, TaskStatus
from ops_console.ui.app import build_main_window, run_gui

DOCKS = {
    "dock_incidents",
    "dock_tasks",
    "dock_activity",
    "dock_map",
    "dock_radio",
    "dock_sensors",
    "dock_sirens",
    "dock_inventory",
    "dock_risks",
    "dock_shelters",
    "dock_alerts",
    "dock_warnings",
    "dock_residents",
    "dock_teams",
    "dock_roster",
}
REAL_PANELS = {
    "map": "MapWidget",
    "radio": "RadioPanel",
    "inventory": "InventoryPanel",
    "sirens": "SirenPanel",
    "sensors": "SensorPanel",
    "warnings": "WarningsPanel",
    "teams": "TeamBoardPanel",
    "roster": "RosterPanel",
}


def test_builds_with_every_dock_and_its_real_panel(window):
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert names == DOCKS
    assert {key: type(panel).__name__ for key, panel in window.feature_panels.items()} == REAL_PANELS
    assert (
        window.docks["tasks"].isAncestorOf(window.tasks) and type(window.tasks).__name__ == "TaskBoardPanel"
    )
    shortcuts = {
        a.objectName(): a.shortcut().toString() for a in window.findChildren(type(window.find_action))
    }
    assert shortcuts["newIncidentAction"] == "Ctrl+I" and shortcuts["newTaskAction"] == "Ctrl+T"
    assert shortcuts["newNoteAction"] == "Ctrl+L" and shortcuts["findAction"] == "Ctrl+F"


def test_status_bar_names_operator_and_database(window, post):
    status = window.status
    assert (
        ROLE_NAMES[Role.SUPERVISOR] in status.operator_label.text()
        and "Supervisor" in status.operator_label.text()
    )
    assert post.db.display_name in status.database_label.text()
    assert "UTC" in status.clock_label.text()
    assert status.exercise_banner.isHidden()


def _confirm(window) -> None:  # type: ignore[no-untyped-def]
    box = window.shift_actions.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "exerciseConfirm"
    next(b for b in box.buttons() if b.objectName() == "confirmExercise").click()


def test_supervisor_toggles_exercise_banner(window, post, qtbot, screenshot_dir):
    window.show()
    window.shift_actions.exercise_action.trigger()
    with qtbot.waitSignal(window.bridge.exercise_changed):
        _confirm(window)
    assert post.shift.exercise
    qtbot.waitUntil(lambda: window.status.exercise_banner.isVisible())
    assert "EXERCISE" in window.status.exercise_banner.text()
    window.status.grab().save(str(screenshot_dir / "status_bar_exercise.png"))
    window.shift_actions.exercise_action.trigger()
    with qtbot.waitSignal(window.bridge.exercise_changed):
        _confirm(window)
    qtbot.waitUntil(lambda: not window.status.exercise_banner.isVisible())


def test_viewer_is_refused_exercise_and_cannot_edit(window, post, qtbot):
    with qtbot.waitSignal(window.bridge.shift_changed):
        post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    assert "Viewer" in window.status.operator_label.text()
    assert not window.new_incident_action.isEnabled() and not window.new_note_action.isEnabled()
    assert not window.incidents.new_button.isEnabled() and not window.activity.note_edit.isEnabled()
    action = window.shift_actions.exercise_action
    assert not action.isEnabled() and "Only a supervisor" in action.toolTip()  # said before any click
    window.shift_actions.set_exercise(
        True
    )  # a shortcut or script that still asks: the service refuses in words
    box = window.shift_actions.dialog
    assert isinstance(box, QMessageBox) and "may not switch exercise mode" in box.text()
    assert not post.shift.exercise and not window.shift_actions.exercise_action.isChecked()
    assert not window.shift_actions.purge_action.isEnabled()


def test_purge_asks_first(window, post, qtbot):
    from ops_console.services.incidents import IncidentDraft

    post.exercise.set_exercise(True)
    post.incidents.create(IncidentDraft("Drill: smoke at the school"))
    box = window.shift_actions.confirm_purge()
    assert box.objectName() == "purgeConfirm" and post.incidents.list()
    purge = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    with qtbot.waitSignal(window.bridge.records_purged):
        purge.click()
    assert post.incidents.list() == []


def test_layout_is_saved_and_restored(post, qtbot, themed, layout_settings: QSettings):
    first = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(first)
    first.show()
    first.docks["map"].hide()
    first.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, first.docks["activity"])
    first.close()
    assert layout_settings.value("main_window/state") is not None

    second = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(second)
    second.show()
    assert second.docks["map"].isHidden()
    assert second.dockWidgetArea(second.docks["activity"]) == Qt.DockWidgetArea.TopDockWidgetArea
    second.reset_layout()
    assert not second.docks["map"].isHidden()
    second.close()


def test_ctrl_f_focuses_the_last_used_panels_search(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.activity.table.setFocus()
    qtbot.waitUntil(lambda: window._last_panel is window.activity)
    window.find_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.activity.search_edit)
    window.incidents.table.setFocus()
    window.find_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.incidents.search_edit)


def test_new_task_for_incident_reaches_the_task_board(window, post, qtbot, monkeypatch):
    asked: list[int | None] = []
    monkeypatch.setattr(window.tasks, "new_task", asked.append)
    from ops_console.services.incidents import IncidentDraft

    incident = post.incidents.create(IncidentDraft("Tree on power line"))
    qtbot.waitUntil(lambda: window.incidents.model.row_of(incident.id) >= 0)
    window.incidents.select_incident(incident.id)
    window.incidents.task_button.click()
    assert asked == [incident.id]


def test_main_window_screenshot_with_demo_post(post, qtbot, themed, layout_settings, screenshot_dir):
    from ops_console.demo import build_demo_post

    build_demo_post(post)
    post.operators.sign_on("Chen Jing", DEMO_PIN)
    win = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitUntil(lambda: win.activity.model.rowCount() > 0)
    assert win.incidents.model.rowCount() > 5
    win.grab().save(str(screenshot_dir / "main_window.png"))
    win.close()


def test_run_gui_refuses_a_wrong_pin(post, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("OPS_CONSOLE_NO_DIALOGS", "1")
    code = run_gui(post, operator=ROLE_NAMES[Role.RADIO], pin="0000", demo=False, log_path=tmp_path / "x.log")
    assert code == 1
    assert "Cannot sign on: Wrong PIN" in capsys.readouterr().err
    collector = QApplication.instance()._ops_collector  # held through start-up (ui/app.py)…
    assert collector._timer.isActive()  # …and collecting again although no window painted


def test_about_box(window):
    box = window.about()
    assert "Ops Console" in box.text()
    assert isinstance(box.findChild(QLabel), QLabel)


def test_change_operator_from_the_menu_hands_over(window, post, qtbot):
    window.change_operator_action.trigger()
    dialog = window.shift_actions.dialog
    assert dialog.objectName() == "signOnDialog" and dialog.isVisible()
    dialog.operator_box.setCurrentIndex(dialog.operator_box.findData(ROLE_NAMES[Role.VIEWER]))
    dialog.pin_edit.setText(PIN)
    with qtbot.waitSignal(window.bridge.shift_changed):
        dialog.sign_on_button.click()
    qtbot.waitUntil(lambda: "Viewer Test" in window.status.operator_label.text())
    assert not window.new_task_action.isEnabled()
    assert [e.action for e in post.activity.page(limit=2)] == ["shift.sign_on", "shift.sign_off"]


def test_fits_a_1366_pixel_laptop_screen(window):
    """Wide panels scroll inside their dock instead of pushing the window off the screen."""
    assert window.minimumSizeHint().width() <= 1366


def test_radio_devices_dialog_opens_from_the_file_menu(window, qtbot):
    window.show()
    dialog = window.open_devices()
    qtbot.waitUntil(dialog.isVisible)
    assert window.devices_action.text().startswith("Radio")
    dialog.close()


def test_a_task_board_behind_another_tab_reads_no_task_until_shown_and_then_off_the_gui_thread(
    post, qtbot, themed, layout_settings
):
    """Start-up (issue #14): the supervisor's front is Sirens, so the board behind it costs
    the window's build nothing; raised, it reads its cards on a worker, never the GUI thread."""
    import threading

    from sqlalchemy import event

    from ops_console.services.tasks import TaskDraft

    task = post.tasks.create(TaskDraft("Sandbags to Mill Lane"))
    board_reads: list[str] = []  # the thread of each read of the board's query

    def note(_conn, _cursor, statement, *_rest) -> None:
        if "FROM tasks LEFT OUTER JOIN teams" in statement:
            board_reads.append(threading.current_thread().name)

    event.listen(post.db.engine, "before_cursor_execute", note)
    try:
        window = build_main_window(post, settings=layout_settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.front_populated)
        qtbot.wait(1200)  # past the first paint and its one-second fallback
        assert window.docks["sirens"].isAncestorOf(window.features.sirens)  # the role's front …
        assert window.tasks.visibleRegion().isEmpty()  # … with the board behind it
        assert board_reads == [] and window.tasks.columns[TaskStatus.NEW].count() == 0
        window.docks["tasks"].raise_()
        qtbot.waitUntil(window.tasks.cards_current)
        assert [v.id for v in window.tasks.columns[TaskStatus.NEW].model.tasks()] == [task.id]
        assert board_reads and threading.main_thread().name not in board_reads
        window.close()
    finally:
        event.remove(post.db.engine, "before_cursor_execute", note)


def test_a_task_board_in_front_is_part_of_the_populated_window(post, qtbot, themed, layout_settings):
    """An operator's front is the task board: the window counts as populated (the start-up
    probe's mark) only once its cards were read."""
    from ops_console.services.tasks import TaskDraft

    task = post.tasks.create(TaskDraft("Sandbags to Mill Lane"))
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.tasks.visibleRegion().isEmpty())
    qtbot.waitUntil(window.front_populated)
    assert window.tasks.cards_current()
    assert [v.id for v in window.tasks.columns[TaskStatus.NEW].model.tasks()] == [task.id]
    window.close()
