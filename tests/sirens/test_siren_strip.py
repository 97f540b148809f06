"""The siren strip on the real main window, against the simulated controllers on a real pty:
visible over the Task board while a siren sounds, CANCEL ALL from it stops the sirens,
disabled with who-can words for a viewer, a silent test never called LIVE or sounding.
Writes siren_strip.png (the strip over the task board, 1280x720) for the README tour."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QMessageBox

from helpers.posts import PIN, ROLE_NAMES
from ops_console.demo import DEMO_PIN
from ops_console.domain import Role
from ops_console.hardware.protocols.siren_profile import SirenState

PRE_ALERT = 101  # 预先警报 Pre-alert, China's set: the demo post's signals
SILENT = 1  # common.silent_test


def _inside_window(win, widget) -> bool:  # type: ignore[no-untyped-def]
    """The widget is shown whole inside the window's visible area."""
    top_left = widget.mapTo(win, QPoint(0, 0))
    return (
        widget.isVisible()
        and not widget.visibleRegion().isEmpty()
        and win.rect().contains(QRect(top_left, widget.size()))
    )


def test_a_sounding_siren_is_in_sight_over_the_task_board_and_cancel_all_stops_it(
    full_demo_post, siren_window, sim, make_runtime, qtbot, themed, screenshot_dir
):
    post = full_demo_post  # the demo's busy board, its supervisor signed on
    win = siren_window(post)
    strip = win.features.siren_strip
    make_runtime(post.sirens)
    with qtbot.waitSignal(strip.refreshed, timeout=3000):
        strip.refresh()
    assert not strip.showing and not strip.isVisible()  # nothing sounds: no strip

    post.sirens.activate([3, 4], PRE_ALERT, 180, live=True, pin=DEMO_PIN, typed_confirmation="cn.pre_alert")
    qtbot.waitUntil(lambda: sim.siren(3).state is SirenState.SOUNDING, timeout=8000)
    qtbot.waitUntil(lambda: any(r.phase == "sounding" for r in strip.rows), timeout=8000)
    # the Sirens panel is behind the Task board's tab (Qt parks hidden tabs off-screen) …
    win.docks["tasks"].raise_()  # (a supervisor starts with Sirens in front: ui/role_front.py)
    qtbot.waitUntil(lambda: win.docks["sirens"].visibleRegion().isEmpty())
    assert not win.docks["tasks"].visibleRegion().isEmpty()
    # … and the strip with CANCEL ALL is in sight, whole, inside the 1280x720 window
    assert strip.isVisible() and not strip.visibleRegion().isEmpty()
    assert _inside_window(win, strip.cancel_button) and _inside_window(win, strip.lines)
    words = strip.lines.text()
    assert "LIVE — SOUNDING" in words and "S3 Temple Square" in words and "Pre-alert" in words
    assert " left" in words and "LIVE" in strip.badge.text()
    assert strip.cancel_button.isEnabled()
    qtbot.waitUntil(
        lambda: all(r.phase == "sounding" for r in strip.rows) and len(strip.rows) == 2, timeout=8000
    )
    assert win.size().width() == 1280 and win.size().height() == 720
    win.grab().save(str(screenshot_dir / "siren_strip.png"))

    qtbot.mouseClick(strip.cancel_button, Qt.MouseButton.LeftButton)  # one click …
    box = strip.confirm_box
    assert box is not None and box.isVisible() and "S3 Temple Square" in box.text()
    assert sim.siren(3).state is SirenState.SOUNDING  # … nothing stopped before the confirmation
    qtbot.mouseClick(
        box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
    )  # … plus a confirm
    qtbot.waitUntil(
        lambda: sim.siren(3).state is SirenState.IDLE and sim.siren(4).state is SirenState.IDLE, timeout=8000
    )
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=8000)
    assert "siren.cancel.request" in [e.action for e in post.activity.page(limit=40)]


def test_saying_no_to_the_confirmation_cancels_nothing(post, siren_window, qtbot):
    win = siren_window(post)
    strip = win.features.siren_strip
    post.sirens.activate([2], PRE_ALERT, 60, live=True, pin=PIN, typed_confirmation="Pre-alert")
    qtbot.waitUntil(lambda: strip.isVisible(), timeout=5000)  # armed: the command is on its way
    assert "LIVE — about to sound" in strip.lines.text()
    strip.cancel_button.click()
    strip.confirm_box.button(QMessageBox.StandardButton.No).click()
    assert not [c for c in post.sirens.list_commands() if c.command == "cancel"]


def test_a_viewer_sees_the_strip_but_cancel_all_is_disabled_and_says_who_can(post, siren_window, qtbot):
    win = siren_window(post)
    strip = win.features.siren_strip
    post.sirens.activate([1], PRE_ALERT, 60, live=True, pin=PIN, typed_confirmation="预先警报")
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    qtbot.waitUntil(lambda: strip.isVisible() and not strip.cancel_button.isEnabled(), timeout=5000)
    tip = strip.cancel_button.toolTip()
    assert "Viewer" in tip and "may not cancel" in tip
    assert all(role in tip for role in ("Operator", "Radio", "Logistics", "Supervisor", "Admin"))
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)  # an operator may stop the sirens
    qtbot.waitUntil(lambda: strip.cancel_button.isEnabled(), timeout=3000)
    panel = win.features.sirens
    panel.reload()
    assert panel.cancel_all_button.isEnabled() or not panel.cancel_all_button.isVisible()


def test_a_restored_layout_cannot_hide_the_strip_while_a_siren_is_armed(post, siren_window, qtbot):
    win = siren_window(post)
    strip = win.features.siren_strip
    post.sirens.activate([5], PRE_ALERT, 60, live=True, pin=PIN, typed_confirmation="cn.pre_alert")
    qtbot.waitUntil(lambda: strip.isVisible(), timeout=5000)
    win.reset_layout()
    strip.hide()
    assert strip.isVisible()
    assert not strip.toggleViewAction().isVisible()  # not in the window's context menu either


def test_a_silent_test_is_called_a_test_never_live_or_sounding(post, siren_window, sim, make_runtime, qtbot):
    win = siren_window(post)
    strip, panel = win.features.siren_strip, win.features.sirens
    make_runtime(post.sirens)
    post.sirens.activate(
        [6],
        SILENT,
        post.sirens.patterns.get(SILENT).total_s,
        live=True,
        pin=PIN,
        typed_confirmation="common.silent_test",
    )
    qtbot.waitUntil(lambda: sim.siren(6).state is SirenState.TESTING, timeout=8000)
    qtbot.waitUntil(lambda: any(r.phase == "testing" for r in strip.rows), timeout=8000)
    assert strip.isVisible()
    assert "SILENT TEST" in strip.lines.text() and "LIVE" not in strip.lines.text()
    assert "LIVE" not in strip.badge.text()
    qtbot.waitUntil(lambda: "1 testing" in panel.summary.text(), timeout=3000)
    assert panel.summary.text().startswith("0 of 6 sounding")


def test_a_live_siren_stays_in_sight_when_the_post_switches_to_exercise(post, siren_window, qtbot):
    win = siren_window(post)
    strip = win.features.siren_strip
    post.sirens.activate([2, 3], PRE_ALERT, 60, live=True, pin=PIN, typed_confirmation="cn.pre_alert")
    qtbot.waitUntil(strip.isVisible, timeout=5000)
    post.exercise.set_exercise(True)
    qtbot.waitUntil(lambda: win.exercise_bar.isVisible(), timeout=5000)
    with qtbot.waitSignal(strip.refreshed, timeout=5000):
        strip.refresh()
    assert strip.isVisible() and "LIVE" in strip.lines.text()
    assert _inside_window(win, strip.cancel_button) and strip.cancel_button.isEnabled()
