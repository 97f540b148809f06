"""Each role finds its own work in front after signing on: a radio operator the radio, a
storekeeper the stores, a supervisor the alerts; a change of operator brings the new
person's panels forward (the workstation's layout itself stays as it was)."""

from __future__ import annotations

from PySide6.QtCore import QSize

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


def _hear_routine(post, count: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` routine texts heard on the radio, through the real ingest."""
    from datetime import UTC, datetime

    from ops_console.hardware.lora.types import RawFrame
    from ops_console.hardware.protocols import field_payload as fp

    for i in range(count):
        frames = fp.encode_text(
            "RESCUE1", "OPS", 100 + i, fp.Precedence.ROUTINE, f"Sandbags at point {i} done"
        )
        post.radio.ingest.ingest(
            [
                RawFrame(
                    b"+RCV=11,%d,%s,-80,5" % (len(f), f), datetime.now(UTC), "lora-test", 11, f, -80, 5.0
                )
                for f in frames
            ]
        )


def visible_log_rows(window) -> int:  # type: ignore[no-untyped-def]
    """Rows of the comms log wholly in sight: inside the table's viewport and not cut by the
    panel's scroll area, the dock or the window."""
    from helpers.clipping import visible_part

    table = window.radio.table
    seen = visible_part(table.viewport(), window)
    if not table.isVisible() or seen.isEmpty():
        return 0
    return sum(
        1
        for row in range(table.model().rowCount())
        if table.rowHeight(row) > 0
        and seen.top() <= table.rowViewportPosition(row)
        and table.rowViewportPosition(row) + table.rowHeight(row) <= seen.bottom() + 1
    )


def test_the_radio_operator_sees_the_comms_log_whole_at_1280x720(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir
) -> None:
    """Zhang Min at 1280x720: under the Incidents dock the log showed one row. For her role
    Incidents is a tab beside the radio, and the log fills the dock above the compose box."""
    _hear_routine(full_demo_post, 20)
    full_demo_post.operators.sign_on("Zhang Min", "1234")
    window = build_main_window(full_demo_post, settings=layout_settings, start_devices=False)
    qtbot.addWidget(window)
    size = QSize(1280, 720)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    qtbot.waitUntil(lambda: window.radio.model.rowCount() >= 20, timeout=10000)
    qtbot.waitUntil(lambda: visible_log_rows(window) >= 10, timeout=5000)
    assert window.docks["incidents"] in window.tabifiedDockWidgets(window.docks["radio"])
    assert window.radio.compose.isVisible()
    from helpers.clipping import visible_part

    send = window.radio.compose.send_button
    assert visible_part(send, window).size() == send.size(), "the Send button is cut"
    window.grab().save(str(screenshot_dir / "radio_operator_1280x720.png"))
    window.close()


def test_the_radio_operators_arrangement_is_kept_apart_from_the_shared_one(
    post, qtbot, themed, layout_settings
) -> None:
    window = build_main_window(post, settings=layout_settings, start_devices=False)  # the supervisor
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    radio, incidents = window.docks["radio"], window.docks["incidents"]
    assert incidents not in window.tabifiedDockWidgets(radio)
    post.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    qtbot.waitUntil(lambda: incidents in window.tabifiedDockWidgets(radio) and in_front(window, "radio"))
    post.operators.sign_on(ROLE_NAMES[Role.SUPERVISOR], PIN)  # the incidents back where they were
    qtbot.waitUntil(
        lambda: incidents not in window.tabifiedDockWidgets(radio) and in_front(window, "incidents")
    )
    post.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    qtbot.waitUntil(lambda: incidents in window.tabifiedDockWidgets(radio))
    window.reset_layout()  # View → Reset layout: the role's own default
    qtbot.waitUntil(lambda: incidents in window.tabifiedDockWidgets(radio))
    window.close()
    assert layout_settings.contains("main_window/state/radio") and layout_settings.contains(
        "main_window/state"
    )
