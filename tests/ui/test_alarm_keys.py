"""The alarm and the sirens from the keyboard, anywhere in the window.

The alarm bar's buttons take no keyboard focus (they never steal it from a form), so a
person at the keyboard could not acknowledge the EMERGENCY, open its message or stop the
sirens. The Alarm menu's items do it, with Ctrl+Shift+A, M and X; for a role that may not
they are disabled and say who may."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpers.alerts import the_worst_moment
from ops_console.config import DEMO_PIN
from ops_console.ui.app import build_main_window


def _window(post, qtbot, layout_settings):  # type: ignore[no-untyped-def]
    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_acknowledge_show_and_cancel_from_the_keyboard(full_demo_post, qtbot, themed, layout_settings):
    the_worst_moment(full_demo_post)
    window = _window(full_demo_post, qtbot, layout_settings)
    alarm, strip = window.alarm, window.features.siren_strip
    qtbot.waitUntil(lambda: alarm.ack_action.isEnabled() and strip.cancel_action.isEnabled(), timeout=5000)
    shortcuts = {a.shortcut().toString() for a in (alarm.ack_action, alarm.show_action, strip.cancel_action)}
    assert shortcuts == {"Ctrl+Shift+A", "Ctrl+Shift+M", "Ctrl+Shift+X"}

    search = window.incidents.search_edit  # typing in a form: the keys still reach the alarm
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    QTest.keyClick(
        search, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: not window.docks["radio"].visibleRegion().isEmpty())

    QTest.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: strip.confirm_box is not None and strip.confirm_box.isVisible())
    strip.confirm_box.reject()  # the confirmation is the same as the button's: asked, not skipped

    message_id = alarm.bar.message_id
    QTest.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not alarm.bar.alarm.isVisible(), timeout=5000)
    assert full_demo_post.radio.get(message_id).acknowledged_by == "Chen Jing"
    assert not alarm.ack_action.isEnabled() and "No EMERGENCY" in alarm.ack_action.toolTip()


def test_a_viewer_finds_the_alarm_items_disabled_with_who_may(full_demo_post, qtbot, themed, layout_settings):
    the_worst_moment(full_demo_post)
    full_demo_post.operators.sign_on("Zhao Lei", DEMO_PIN)
    window = _window(full_demo_post, qtbot, layout_settings)
    alarm, strip = window.alarm, window.features.siren_strip
    qtbot.waitUntil(lambda: alarm.bar.alarm.isVisible() and strip.isVisible(), timeout=5000)
    assert alarm.show_action.isEnabled()  # anyone may read the message
    assert not alarm.ack_action.isEnabled() and "may" in alarm.ack_action.toolTip()
    assert not strip.cancel_action.isEnabled() and "Supervisor" in strip.cancel_action.toolTip()
