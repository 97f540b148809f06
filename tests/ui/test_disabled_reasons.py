"""A disabled control says why before the click (docs/architecture.md): the real main window,
signed on as each role, every dock in front in turn — no visible disabled button, and no
disabled Records/Exercise menu item, without a reason in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QTabBar, QTabWidget

from helpers.alerts import the_worst_moment
from helpers.windows import settle
from ops_console.config import DEMO_PIN
from ops_console.demo.roster import OPERATORS
from ops_console.domain import Role
from ops_console.ui.app import build_main_window

DEMO_NAMES = {role: name for name, _, role in OPERATORS}  # the demo's staff, one per role


def silent_buttons(root) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        f"{type(b).__name__} {b.objectName()} {b.text()!r}".strip()
        for b in root.findChildren(QAbstractButton)
        if b.isVisible()
        and not b.isEnabled()
        and not b.toolTip().strip()
        and not isinstance(b.parent(), QTabBar)
    }


def silent_menu_items(window) -> set[str]:  # type: ignore[no-untyped-def]
    """Disabled menu items whose tooltip is Qt's default (the item's own text) or not shown."""
    found = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in menu.actions():
            if action.isSeparator() or action.isEnabled() or action.menu() is not None:
                continue
            plain = action.text().replace("&", "").rstrip("…").rstrip(".")
            if (
                not menu.toolTipsVisible()
                or action.toolTip().replace("&", "").rstrip("…").rstrip(".") == plain
            ):
                found.add(f"{top.text()} → {action.text()}")
    return found


@pytest.mark.parametrize("role", [Role.VIEWER, Role.OPERATOR, Role.RADIO, Role.LOGISTICS, Role.SUPERVISOR])
def test_every_disabled_control_says_why(full_demo_post, qtbot, themed, layout_settings, role) -> None:
    post = full_demo_post
    the_worst_moment(post)  # the alarm bar's Acknowledge and both CANCEL ALLs are up for every role
    post.operators.sign_on(DEMO_NAMES[role], DEMO_PIN)
    window = build_main_window(post, settings=layout_settings, start_devices=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    silent: set[str] = set()
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        settle()
        silent |= {f"{key}: {b}" for b in silent_buttons(dock)}
        for tabs in dock.findChildren(QTabWidget):  # a panel's own tabs (the radio's Outbox…)
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                silent |= {f"{key}/{tabs.tabText(index)}: {b}" for b in silent_buttons(tabs.widget(index))}
    bars = (window.alarm.toolbar, window.features.siren_strip, window.exercise_bar)
    silent |= {f"{bar.objectName()}: {b}" for bar in bars for b in silent_buttons(bar)}
    strip, ack = window.features.siren_strip, window.alarm.bar.ack_button
    assert strip.isVisible() and ack.isVisible()
    if role is Role.VIEWER:  # may neither cancel sirens nor acknowledge: both say who may
        assert not strip.cancel_button.isEnabled() and "Supervisor" in strip.cancel_button.toolTip()
        assert not ack.isEnabled() and ack.toolTip()
    silent |= {f"menu: {m}" for m in silent_menu_items(window)}
    assert not silent, f"disabled without a reason ({role.value}):\n" + "\n".join(sorted(silent))
    window.close()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.SUPERVISOR])
def test_every_dialog_says_why_a_button_is_off(full_demo_post, qtbot, themed, layout_settings, role) -> None:
    """The same rule inside every dialog, as first opened: the devices dialog's Remove was off
    with nothing said while no device was chosen, and its Test while a test ran."""
    from PySide6.QtWidgets import QDialog

    from helpers.dialogs import every_dialog

    full_demo_post.operators.sign_on(DEMO_NAMES[role], DEMO_PIN)
    window = build_main_window(full_demo_post, settings=layout_settings, start_devices=False)
    qtbot.addWidget(window)
    silent: set[str] = set()
    for name, make in every_dialog(full_demo_post, window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        silent |= {f"{name}: {b}" for b in silent_buttons(dialog)}
        for tabs in dialog.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                silent |= {f"{name}/{tabs.tabText(index)}: {b}" for b in silent_buttons(dialog)}
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
    window.close()
    assert not silent, f"disabled without a reason ({role.value}):\n" + "\n".join(sorted(silent))
