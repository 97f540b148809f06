"""The radio panel with the configured call sign and with two radios: the compose box says
which call the post transmits as (red when [radio] had a problem), offers the radios by
name when there is a choice, and the outbox and budget line show which radio did what.
Real widgets (pytest-qt), a real post, simulated modems on real ptys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime
from ops_console.ui.bridge import PostBridge
from ops_console.ui.radio import RadioPanel
from ops_console.ui.radio.ics213_dialog import Ics213Dialog


@pytest.fixture
def two_radios(post, radio_sim, sim_b) -> Iterator[RadioRuntime]:
    runtime = RadioRuntime(
        post.radio,
        [
            DeviceSpec("lora", radio_sim.port_url, 115200, "lora-a"),
            DeviceSpec("lora", sim_b.port_url, 115200, "lora-b"),
        ],
    )
    runtime.start()
    assert runtime.wait_ready(5.0)
    yield runtime
    runtime.stop()


def test_the_compose_box_names_our_call_and_offers_tactical_calls(post, qtbot) -> None:
    post.radio.configure(call_sign="EOC-1", tactical={"SHELTER-B": 12})
    bridge = PostBridge(post.bus)
    widget = RadioPanel(post, bridge)
    qtbot.addWidget(widget)
    try:
        assert widget.compose.from_label.text() == "as EOC-1"
        to_box = widget.compose.to_box
        assert [to_box.itemText(i) for i in range(to_box.count())] == ["ALL", "SHELTER-B"]
        assert not widget.compose.via_box.isVisibleTo(widget)  # no radio, or one: nothing to choose
    finally:
        widget.shutdown()
        bridge.detach()


def test_a_config_problem_shows_red_with_the_reason(post, panel) -> None:
    post.radio.settings.problems = ["[radio] call_sign = 'EOC_1' is not a call sign"]
    panel.compose.show_call_sign()
    assert panel.compose.from_label.text() == "as OPS"
    assert (
        "EOC_1" in panel.compose.from_label.toolTip()
        and panel.compose.from_label.property("ink") == "problem"
    )


def test_the_operator_names_the_radio_and_the_outbox_shows_it(
    post, panel, two_radios, radio_sim, sim_b, qtbot, screenshot_dir
) -> None:
    panel.poll()
    compose = panel.compose
    assert compose.via_box.isVisibleTo(panel)
    assert [compose.via_box.itemData(i) for i in range(compose.via_box.count())] == ["", "lora-a", "lora-b"]
    compose.via_box.setCurrentIndex(compose.via_box.findData("lora-b"))
    qtbot.keyClicks(compose.text_edit, "All teams: switch to the valley channel")
    qtbot.keyClick(compose.text_edit, Qt.Key.Key_Return)
    assert sim_b.wait_for_transmissions(1, 8.0) and radio_sim.transmissions == []
    qtbot.waitUntil(lambda: any(m.status == "sent" for m in panel.outbox_model.rows), timeout=5000)
    panel.poll()  # the budget line is refreshed once a second
    row = next(i for i, m in enumerate(panel.outbox_model.rows) if m.status == "sent")
    tip = panel.outbox_model.data(panel.outbox_model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Sent on lora-b"
    budget = panel.side.budget_label.text()
    assert "lora-a 0.0 s of 36 s" in budget and "lora-b" in budget and "lora-b 0.0" not in budget
    panel.poll()
    assert compose.via == "lora-b"  # the choice survives the once-a-second refresh
    panel.side.setCurrentIndex(1)
    assert panel.grab().save(str(screenshot_dir / "radio-two-links.png"))


def test_the_ics213_from_line_carries_our_call(post, qtbot, radio_sim, start_runtime) -> None:
    post.radio.configure(call_sign="EOC-1")
    start_runtime(post, radio_sim)
    dialog = Ics213Dialog(post)
    qtbot.addWidget(dialog)
    assert dialog.sender.text() == f"{post.shift.actor.name}, EOC-1"
    dialog.recipient.setText("ALL")
    dialog.to.setText("All teams")
    dialog.subject.setText("Water")
    dialog.body.setPlainText("Drinking water at the school from 14:00")
    assert dialog.send() is not None
    assert radio_sim.wait_for_transmissions(1, 8.0)
    frames = [fp.decode(f) for _, f in radio_sim.transmissions]
    assert all(f.sender == "EOC-1" for f in frames)


def test_after_a_send_precedence_returns_to_routine_and_the_addressee_stays(post, panel) -> None:
    """The next routine message must not go out as PRIORITY to the last station by accident."""
    compose = panel.compose
    compose.to_box.setEditText("MEDIC2")
    compose.precedence_box.setCurrentIndex(compose.precedence_box.findData(fp.Precedence.PRIORITY))
    compose.text_edit.setPlainText("Bring the stretcher to the school gate")
    panel.send(compose.to_box.currentText(), compose.text_edit.toPlainText(), compose.precedence)
    (sent,) = post.radio.outbox_list()
    assert sent.precedence == "PRIORITY" and sent.recipient == "MEDIC2"
    assert compose.precedence == fp.Precedence.ROUTINE and compose.text_edit.toPlainText() == ""
    assert compose.to_box.currentText() == "MEDIC2"
