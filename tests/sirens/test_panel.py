"""The sirens panel and the activation wizard, driven with pytest-qt against the simulator;
writes sirens.png and siren_activation.png for people to look at."""

from __future__ import annotations

import math
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from helpers.posts import PIN
from ops_console.clock import utc_now
from ops_console.db.siren_models import SirenStatusSample
from ops_console.hardware.protocols.siren_profile import SirenState
from ops_console.hardware.simulators.siren_bus import Failure
from ops_console.sirens.demo import vary_demo_fleet
from ops_console.ui.bridge import PostBridge
from ops_console.ui.sirens import SirenPanel
from ops_console.ui.sirens.model import COLUMNS
from ops_console.ui.sirens.wizard import ActivationDialog

WARNING = 301


def a_day_of_history(post, sim) -> None:
    """A day of 15-minute battery samples for the chart, ending near what each controller reports."""
    now = utc_now()
    with post.db.write() as s:
        for sid in range(1, 7):
            for i in range(96):
                at = now - timedelta(minutes=15 * (96 - i))
                v = (
                    sim.sirens[sid].battery_cv / 100
                    + 0.25 * math.sin((i - 95) / 96 * 2 * math.pi)
                    + (0.35 if sid == 6 and i < 80 else 0)
                )
                s.add(
                    SirenStatusSample(
                        siren_id=sid,
                        at=at,
                        state="idle",
                        battery_v=round(v, 2),
                        mains_present=not (sid == 6 and i > 80),
                        temperature_c=20.0,
                        faults=0,
                    )
                )


def pick(dialog: ActivationDialog, siren_ids: list[int], pattern_id: int) -> None:
    for i in range(dialog.siren_list.count()):
        item = dialog.siren_list.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in siren_ids
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    dialog.pattern_box.setCurrentIndex(dialog.pattern_box.findData(pattern_id))


def test_panel_activates_through_the_wizard_and_cancels_all(
    post, sirens, sim, make_runtime, qtbot, themed, screenshot_dir
):
    vary_demo_fleet(sim)
    a_day_of_history(post, sim)
    sim.fail(5, Failure.DOOR_OPEN)
    make_runtime(sirens)
    bridge = PostBridge(post.bus)
    panel = SirenPanel(sirens, bridge)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitUntil(lambda: all(v.last_heard_at for v in panel.model.rows), timeout=8000)
    assert not panel.cancel_all_button.isVisible()

    wizard = panel.make_wizard()
    qtbot.addWidget(wizard)
    pick(wizard, [3], WARNING)
    assert wizard.mode() == "" and not wizard.next.isEnabled()  # LIVE is never preselected
    wizard.live_radio.setChecked(True)
    assert wizard.mode() == "live"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert not wizard.go.isEnabled()
    wizard.typed.setText("Warnung")  # not the name: the button stays off
    wizard.pin.setText(PIN)
    assert not wizard.go.isEnabled()
    wizard.typed.setText(sirens.patterns.get(WARNING).name)
    assert wizard.go.isEnabled() and "LIVE" in wizard.banner.text()
    with qtbot.waitSignal(wizard.answered, timeout=10000):  # the service answers off the GUI thread
        qtbot.mouseClick(wizard.go, Qt.MouseButton.LeftButton)
    assert wizard.result_request is not None and wizard.result_request.live

    qtbot.waitUntil(lambda: any(v.id == 3 and v.sounding for v in panel.model.rows), timeout=8000)
    qtbot.waitUntil(lambda: panel.cancel_all_button.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: panel.tabs.tabText(1).startswith("Alarms ("), timeout=3000)  # the door
    panel.table.selectRow(5)
    qtbot.waitUntil(lambda: panel.chart.plot is not None, timeout=3000)
    panel.grab().save(str(screenshot_dir / "sirens.png"))

    panel.cancel_all()
    qtbot.waitUntil(lambda: sim.siren(3).state is SirenState.IDLE, timeout=8000)
    qtbot.waitUntil(lambda: not panel.cancel_all_button.isVisible(), timeout=8000)
    panel.detach()
    bridge.detach()


def test_the_live_summary_differs_from_exercise(post, sirens, qtbot, themed, screenshot_dir):
    wizard = ActivationDialog(sirens)
    qtbot.addWidget(wizard)
    wizard.resize(760, 600)
    wizard.show()
    pick(wizard, [1, 2, 3, 4, 5, 6], WARNING)
    wizard.live_radio.setChecked(True)
    wizard.duration.setValue(45)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    wizard.typed.setText(sirens.patterns.get(WARNING).name)
    wizard.pin.setText(PIN)
    assert "LIVE" in wizard.banner.text() and "6" in wizard.summary.text()
    wizard.grab().save(str(screenshot_dir / "siren_activation.png"))
    live_style = wizard.banner.styleSheet()
    wizard.exercise_radio.setChecked(True)
    assert "EXERCISE" in wizard.banner.text() and wizard.banner.styleSheet() != live_style
    wizard.pin.setText("9999")
    with qtbot.waitSignal(wizard.answered, timeout=10000):  # the service answers off the GUI thread
        qtbot.mouseClick(wizard.go, Qt.MouseButton.LeftButton)
    assert "PIN was not accepted" in wizard.problem.text() and "2 attempts left" in wizard.problem.text()
    assert wizard.isVisible()


def test_an_uncommanded_activation_is_cancelled_with_one_click_from_the_alarm_list(
    post, sirens, sim, make_runtime, qtbot
):
    make_runtime(sirens, poll_interval_s=0.2)
    bridge = PostBridge(post.bus)
    panel = SirenPanel(sirens, bridge)
    qtbot.addWidget(panel)
    panel.show()
    sim.fail(4, Failure.LOCAL_ACTIVATION)
    qtbot.waitUntil(lambda: panel.alarm_table.rowCount() == 1, timeout=8000)
    qtbot.waitUntil(lambda: panel.cancel_all_button.isVisible(), timeout=8000)
    panel.tabs.setCurrentIndex(1)
    panel.alarm_table.selectRow(0)
    assert panel.cancel_siren_button.isEnabled() and panel.ack_button.isEnabled()
    qtbot.mouseClick(panel.cancel_siren_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.siren(4).state is SirenState.IDLE, timeout=8000)
    panel.alarm_table.selectRow(0)
    qtbot.mouseClick(panel.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.tabs.tabText(1) == "Alarms", timeout=3000)
    assert "Supervisor Test" in panel.alarm_table.item(0, 4).text()
    panel.detach()
    bridge.detach()


def test_a_siren_sounding_during_an_exercise_is_said_to_be_live(post, sirens, sim, make_runtime, qtbot):
    """Exercise mode sends nothing, so a siren that reads back sounding is a real one: the
    panel's EXERCISE badge must not make it read as part of the drill."""
    post.shift.exercise = True
    make_runtime(sirens, poll_interval_s=0.2)
    bridge = PostBridge(post.bus)
    panel = SirenPanel(sirens, bridge)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.mode_badge.text() == "EXERCISE" and "LIVE" not in panel.summary.text()
    sim.fail(4, Failure.LOCAL_ACTIVATION)  # started at the cabinet
    qtbot.waitUntil(lambda: "1 of 6 sounding" in panel.summary.text(), timeout=8000)
    assert "1 of 6 sounding LIVE (not part of the exercise)" in panel.summary.text()
    post.shift.exercise = False
    panel.reload()
    assert "1 of 6 sounding" in panel.summary.text() and "LIVE" not in panel.summary.text()
    bridge.detach()


def comms_ink_of(panel: SirenPanel, row: int) -> str:
    index = panel.model.index(row, COLUMNS.index("comms"))
    return panel.model.data(index, Qt.ItemDataRole.ForegroundRole).color().name()


def test_a_siren_nobody_has_heard_is_not_green(post, sirens, make_runtime, qtbot, themed):
    """The comms cell was green for "not heard yet" as for "OK" (seen in the night theme's
    screenshot): green now means the siren answered its last poll."""
    from ops_console.ui.common.theme import ink

    bridge = PostBridge(post.bus)
    panel = SirenPanel(sirens, bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6)
    assert all(not v.last_heard_at for v in panel.model.rows)
    assert {comms_ink_of(panel, r) for r in range(6)} == {QColor(ink("muted")).name()}
    make_runtime(sirens)
    qtbot.waitUntil(lambda: all(v.last_heard_at for v in panel.model.rows), timeout=8000)
    assert {comms_ink_of(panel, r) for r in range(6)} == {QColor(ink("ok")).name()}
    bridge.detach()
