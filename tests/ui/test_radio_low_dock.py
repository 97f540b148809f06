"""The radio tab in a low dock keeps its message box whole and its counters to one line.

Seen under Xvfb at 1280×720 as Wang Fang (operator): the radio tab shares the left column
with the incidents, and with the demo's two radios the link counters wrapped to three
lines beside a pill as tall, so the comms log kept fewer than two rows. Low, the counters
keep one line (cut with "…", whole in their tooltip); the state pill says what matters.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize

from helpers.alerts import the_worst_moment
from helpers.clipping import visible_part
from helpers.windows import shown_at
from ops_console.config import DEMO_PIN
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.mesh_node import SimulatedMeshNode
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime
from ops_console.ui.radio.panel import COMPACT_BELOW


@pytest.fixture
def two_radios(full_demo_post) -> Iterator[RadioRuntime]:  # type: ignore[no-untyped-def]
    """A REYAX modem and a Meshtastic node, simulated behind real pseudo-terminals, as --demo has."""
    modem = SimulatedModem(transport="pty", seed=3, garbage_rate=0.0, error_rate=0.0)
    node = SimulatedMeshNode(transport="pty", seed=2, debug_rate=0.0)
    modem.start()
    node.start()
    runtime = RadioRuntime(
        full_demo_post.radio,
        [
            DeviceSpec("lora", modem.port_url, 115200, "demo-lora"),
            DeviceSpec("meshtastic", node.port_url, 115200, "demo-mesh"),
        ],
    )
    runtime.start()
    assert runtime.wait_ready(10.0), runtime.status()
    yield runtime
    runtime.stop()
    node.stop()
    modem.stop()


def _radio_tab(post, qtbot, settings, who: str, size: QSize):  # type: ignore[no-untyped-def]
    post.operators.sign_on(who, DEMO_PIN)
    window = shown_at(post, qtbot, settings, size, start_devices=False)
    window.docks["radio"].raise_()
    qtbot.waitUntil(lambda: not window.docks["radio"].visibleRegion().isEmpty())
    window.radio.poll()
    return window


def _message_box_in_sight(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    compose = window.radio.compose
    parts = (compose.text_edit, compose.send_button, compose.counter)
    try:  # the layout settles after the counters changed (a queued fit of the stacked log)
        qtbot.waitUntil(lambda: all(visible_part(p, window).size() == p.size() for p in parts), timeout=2000)
    except qtbot.TimeoutError:
        pass  # the assertion below says which part is cut, and by how much
    for part in parts:
        seen = visible_part(part, window)
        assert seen.size() == part.size(), (
            f"{part.objectName()}: {seen.height()} of {part.height()} px in sight"
        )


def _rows_in_sight(panel) -> float:  # type: ignore[no-untyped-def]
    return panel.table.viewport().height() / panel.table.verticalHeader().defaultSectionSize()


def test_a_low_radio_tab_keeps_the_counters_on_one_line(
    full_demo_post, two_radios, qtbot, themed, layout_settings, screenshot_dir
) -> None:
    """The operator may read the radio but not send: low, the form folds to its reason."""
    window = _radio_tab(full_demo_post, qtbot, layout_settings, "Wang Fang", QSize(1280, 720))
    panel = window.radio
    strip, compose = panel.link_strip, panel.compose
    whole = strip._counters_text
    assert "demo-lora" in whole and "demo-mesh" in whole
    assert panel.height() < COMPACT_BELOW, "the radio tab is not low here: this test shows nothing"
    assert strip.compact and strip.counters.toolTip() == whole
    line = strip.counters.fontMetrics().height()
    assert strip.height() <= 2 * line + 16, f"the link strip took {strip.height()} px"
    assert compose.refusal and compose.refusal_note.text() == compose.refusal
    assert not compose.text_edit.isVisible() and not compose.send_button.isVisible()
    qtbot.waitUntil(lambda: visible_part(compose.refusal_note, window).size() == compose.refusal_note.size())
    try:
        qtbot.waitUntil(lambda: _rows_in_sight(panel) >= 2.5, timeout=2000)
    except qtbot.TimeoutError:
        pass
    assert _rows_in_sight(panel) >= 2.5, f"the comms log shows {_rows_in_sight(panel):.1f} rows (1.1 before)"
    window.grab().save(str(screenshot_dir / "radio_low_dock_1280x720.png"))
    window.close()


def test_the_reason_stays_in_sight_when_every_bar_is_up(
    full_demo_post, two_radios, qtbot, themed, layout_settings, screenshot_dir
) -> None:
    """The viewer at 1280×720 at the worst moment (a drill, an EMERGENCY heard, sirens
    sounding: three bars over the docks): the folded form's reason sat at the foot of the
    tab's scrolled body, half under the tab's foot. It now stands under the link strip,
    outside what scrolls, so no height hides it."""
    full_demo_post.operators.sign_on("Chen Jing", DEMO_PIN)
    the_worst_moment(full_demo_post, drill=True)
    window = _radio_tab(full_demo_post, qtbot, layout_settings, "Zhao Lei", QSize(1280, 720))
    panel, compose = window.radio, window.radio.compose
    assert panel.height() < COMPACT_BELOW and compose.refusal
    note = compose.refusal_note
    qtbot.waitUntil(note.isVisible)
    try:
        qtbot.waitUntil(lambda: visible_part(note, window).size() == note.size(), timeout=2000)
    except qtbot.TimeoutError:
        pass
    seen = visible_part(note, window)
    assert seen.size() == note.size(), f"{seen.height()} of {note.height()} px of the reason in sight"
    assert not panel._body.isAncestorOf(note), "the reason scrolls with the log"
    assert _rows_in_sight(panel) >= 1, f"the comms log shows {_rows_in_sight(panel):.1f} rows"
    window.grab().save(str(screenshot_dir / "radio_low_dock_viewer_1280x720.png"))
    window.close()


def test_a_low_radio_tab_keeps_the_message_box_whole_for_who_may_send(
    full_demo_post, two_radios, qtbot, themed, layout_settings
) -> None:
    window = _radio_tab(full_demo_post, qtbot, layout_settings, "Chen Jing", QSize(1280, 720))
    panel = window.radio
    assert panel.height() < COMPACT_BELOW and not panel.compose.refusal
    assert not panel.compose.refusal_note.isVisible()
    _message_box_in_sight(window, qtbot)
    # one row and the columns' scroll bar: the form of who may send keeps its place; the
    # comms log reads whole in the radio operator's own layout and in the alert list
    assert _rows_in_sight(panel) >= 1, f"the comms log shows {_rows_in_sight(panel):.1f} rows"
    window.close()


def test_a_radio_tab_with_room_keeps_everything_whole(
    full_demo_post, two_radios, qtbot, themed, layout_settings
) -> None:
    """The supervisor's radio tab at 1920×1080 (~455 px) has room for the counters and a
    three-line message box."""
    window = _radio_tab(full_demo_post, qtbot, layout_settings, "Chen Jing", QSize(1920, 1080))
    panel = window.radio
    strip = panel.link_strip
    assert panel.height() >= COMPACT_BELOW
    assert not strip.compact and strip.counters.text() == strip._counters_text
    assert panel.compose.text_edit.height() >= 3 * panel.compose.fontMetrics().height()
    _message_box_in_sight(window, qtbot)
    assert _rows_in_sight(panel) >= 4, f"the comms log shows {_rows_in_sight(panel):.1f} rows"
    window.close()
