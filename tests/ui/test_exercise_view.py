"""Exercise mode on the real main window: it asks first, is audited, the whole window says
EXERCISE, and a live EMERGENCY heard on a real radio (a simulated modem on a pty) stays in
sight, marked LIVE, on top of the drill's picture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from helpers.waiting import wait
from ops_console.db.models import AuditEntry
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.app import build_main_window
from ops_console.ui.incidents.model import COLUMNS


@pytest.fixture
def field_radio() -> Iterator[SimulatedModem]:
    """A real radio as far as the console knows: a simulated RYLR896 on a pty, no traffic of its own."""
    sim = SimulatedModem(transport="pty", seed=11, garbage_rate=0.0, error_rate=0.0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def radio_window(post: Post, field_radio: SimulatedModem, qtbot, themed, layout_settings: QSettings):  # type: ignore[no-untyped-def]
    """The main window of a post with one configured radio, which the window opens itself."""
    post.radio.settings.devices = [DeviceSpec("lora", field_radio.port_url, 115200, "field")]
    win = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    assert win.radio_runtime is not None and win.radio_runtime.wait_ready(10.0)
    yield win
    win.features.alerts.wait_idle()
    win.close()


def exercise_box(window) -> QMessageBox:  # type: ignore[no-untyped-def]
    box = window.shift_actions.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "exerciseConfirm" and box.isVisible()
    return box


def click(box: QMessageBox, name: str) -> None:
    next(b for b in box.buttons() if b.objectName() == name or box.standardButton(b).name == name).click()


def audit_actions(post: Post) -> list[str]:
    with post.db.read() as s:
        return list(
            s.scalars(
                select(AuditEntry.action).where(AuditEntry.action.like("exercise.%")).order_by(AuditEntry.id)
            )
        )


def test_switching_asks_first_is_audited_and_the_whole_window_shows_it(window, post, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    base_title = window.windowTitle()
    assert not window.exercise_bar.isVisible() and "EXERCISE" not in base_title

    window.shift_actions.exercise_action.trigger()  # the menu tick only asks
    box = exercise_box(window)
    assert "Start an exercise" in box.text() and box.defaultButton() is box.button(
        QMessageBox.StandardButton.Cancel
    )
    assert not post.shift.exercise and not window.shift_actions.exercise_action.isChecked()
    click(box, "Cancel")
    assert not post.shift.exercise and audit_actions(post) == [] and not window.exercise_bar.isVisible()

    window.shift_actions.exercise_action.trigger()
    with qtbot.waitSignal(window.bridge.exercise_changed):
        click(exercise_box(window), "confirmExercise")
    assert post.shift.exercise and window.shift_actions.exercise_action.isChecked()
    assert audit_actions(post) == ["exercise.start"]
    assert window.windowTitle() == f"EXERCISE — {base_title}"
    qtbot.waitUntil(window.exercise_bar.isVisible)
    bar = window.exercise_bar
    assert bar.width() >= window.width() - 20 and bar.y() < window.docks["incidents"].y()  # across the top
    assert "EXERCISE" in bar.label.text() and "LIVE" in bar.label.text()
    window.resize(1280, 720)  # a small post screen: the words may be cut, the End button never
    qtbot.waitUntil(lambda: window.width() <= 1280)
    end = bar.end_button
    corner = end.mapTo(window, end.rect().bottomRight())
    assert end.isVisible() and window.rect().contains(corner) and bar.label.width() > 200

    bar.end_button.click()  # ending asks too
    box = exercise_box(window)
    assert "End the exercise" in box.text() and post.shift.exercise
    with qtbot.waitSignal(window.bridge.exercise_changed):
        click(box, "confirmExercise")
    assert not post.shift.exercise and audit_actions(post) == ["exercise.start", "exercise.end"]
    assert window.windowTitle() == base_title
    qtbot.waitUntil(lambda: not window.exercise_bar.isVisible())


def test_only_who_may_end_the_exercise_gets_the_button(window, post, qtbot) -> None:
    from helpers.posts import PIN, ROLE_NAMES
    from ops_console.domain import Role

    post.exercise.set_exercise(True)
    assert window.exercise_bar.end_button.isEnabled()
    with qtbot.waitSignal(window.bridge.shift_changed):
        post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    button = window.exercise_bar.end_button
    assert not button.isEnabled() and "supervisor" in button.toolTip()


def test_a_saved_layout_cannot_show_or_hide_the_bar(window, post, qtbot) -> None:
    window.show()
    post.exercise.set_exercise(True)
    qtbot.waitUntil(window.exercise_bar.isVisible)
    window.save_layout()  # saved while drilling
    window.reset_layout()
    assert window.exercise_bar.isVisible()
    post.exercise.set_exercise(False)
    qtbot.waitUntil(lambda: not window.exercise_bar.isVisible())
    assert window.restore_layout() and not window.exercise_bar.isVisible()
    window.exercise_bar.show()  # nor can anyone else
    assert not window.exercise_bar.isVisible()


def test_a_live_emergency_stays_on_top_marked_live_in_exercise_mode(
    radio_window, post, field_radio, qtbot, screenshot_dir
) -> None:
    window = radio_window
    window.show()
    qtbot.waitExposed(window)
    flood = post.incidents.create(
        IncidentDraft("River over the footbridge at Mill Lane", location_text="Mill Lane")
    )
    frames = fp.encode_text(
        "RESCUE1",
        "OPS",
        52,
        fp.Precedence.EMERGENCY,
        "Two people cut off by the water on the footbridge, need a boat",
    )
    field_radio.inject_bytes(b"".join(rcv_line(11, f, -71, 6) for f in frames))
    assert wait(lambda: len(post.radio.unacknowledged_alerts()) == 1)
    [emergency] = post.radio.unacknowledged_alerts()

    window.shift_actions.exercise_action.trigger()  # a drill starts while the EMERGENCY is open
    with qtbot.waitSignal(window.bridge.exercise_changed):
        click(exercise_box(window), "confirmExercise")
    drill = post.incidents.create(
        IncidentDraft("Drill: gas leak at the primary school", location_text="School")
    )
    assert drill.exercise and not emergency.exercise

    # incidents: the drill's and the open live one, LIVE on top whatever the sort
    incidents = window.incidents
    qtbot.waitUntil(lambda: incidents.model.row_of(drill.id) >= 0 and incidents.model.row_of(flood.id) >= 0)
    title = COLUMNS.index("title")
    top = incidents.proxy.index(0, title).data()
    assert top.startswith("● LIVE") and "River over the footbridge" in top
    assert "LIVE" not in incidents.proxy.index(1, title).data()
    incidents.table.sortByColumn(COLUMNS.index("reported"), Qt.SortOrder.AscendingOrder)
    assert incidents.proxy.index(0, title).data().startswith("● LIVE")

    # the alert list: the live EMERGENCY first, marked LIVE
    alerts = window.features.alerts  # it re-reads on the exercise switch by itself
    qtbot.waitUntil(lambda: bool(alerts.model.alerts) and alerts.model.alerts[0].live, timeout=10_000)
    top_alert = alerts.model.alerts[0]
    assert top_alert.target == ("radio_message", emergency.id) and top_alert.title.startswith(
        "LIVE — EMERGENCY"
    )

    # the comms log keeps the live EMERGENCY, marked LIVE
    comms = window.radio.model
    qtbot.waitUntil(lambda: comms.rowCount() >= 1, timeout=10_000)
    assert comms.message_at(0).id == emergency.id and comms.index(0, 6).data().startswith("[LIVE] ")

    window.docks["alerts"].raise_()
    qtbot.waitUntil(window.exercise_bar.isVisible)
    window.grab().save(str(screenshot_dir / "exercise_live_emergency.png"))


def test_live_tasks_and_shelters_are_marked_live_on_the_drills_board(window, post, qtbot) -> None:
    from ops_console.domain import TaskStatus
    from ops_console.mapping.shelters import ShelterDraft
    from ops_console.services.tasks import TaskDraft
    from ops_console.ui.tasks.model import LiveRole

    task = post.tasks.create(TaskDraft("Sandbags to Mill Lane"))
    hall = post.map.shelters.create(ShelterDraft("School hall", 30.26, 120.17, capacity=80, occupancy=12))
    post.exercise.set_exercise(True)
    drill = post.tasks.create(TaskDraft("Drill: search block C"))
    window.show()
    QApplication.processEvents()  # the role's front tabs are raised by a 0-timer after show
    window.docks["tasks"].raise_()  # the board reads its cards once shown
    new = window.tasks.columns[TaskStatus.NEW].model
    qtbot.waitUntil(lambda: new.rowCount() == 2)
    live_of = {new.index(r).data(): new.index(r).data(LiveRole) for r in range(new.rowCount())}
    assert live_of == {task.title: True, drill.title: False}
    shelters = window.features.shelters
    qtbot.waitUntil(
        lambda: shelters.model.rowCount() == 1 and shelters.model.index(0, 0).data().startswith("●")
    )
    assert shelters.model.index(0, 0).data() == f"● LIVE · {hall.name}"
    post.exercise.set_exercise(False)
    qtbot.waitUntil(lambda: new.rowCount() == 1)
    assert new.index(0).data(LiveRole) is False
    qtbot.waitUntil(lambda: shelters.model.index(0, 0).data() == hall.name)
