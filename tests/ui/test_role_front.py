"""Each role finds its own work in front after signing on: a radio operator the radio, a
storekeeper the stores, a supervisor the alerts; a change of operator brings the new
person's panels forward (the workstation's layout itself stays as it was)."""

from __future__ import annotations

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.ui.app import build_main_window
from ops_console.ui.role_front import FRONT


def in_front(window, key: str) -> bool:
    dock = window.docks[key]
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_each_role_sees_its_own_panels_first(post, qtbot, themed, layout_settings) -> None:
    for role in (Role.RADIO, Role.LOGISTICS, Role.SUPERVISOR):
        post.operators.sign_on(ROLE_NAMES[role], PIN)
        window = build_main_window(post, settings=layout_settings)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitUntil(lambda w=window, r=role: all(in_front(w, k) for k in FRONT[r]), timeout=5000)
        window.close()


def test_a_change_of_operator_brings_their_panels_forward(post, qtbot, themed, layout_settings) -> None:
    window = build_main_window(post, settings=layout_settings)  # the supervisor
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: in_front(window, "alerts"))
    assert not in_front(window, "radio")
    post.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    qtbot.waitUntil(lambda: in_front(window, "radio") and in_front(window, "map"), timeout=5000)
    window.close()
