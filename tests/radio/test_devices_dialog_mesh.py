"""The Devices dialog with a Meshtastic node running: it offers the kind, asks for no REYAX
model, and shows the node's mesh (node database) and its debug log; a screenshot for the
README tour (build/screenshots/devices_mesh.png)."""

from __future__ import annotations

import pytest

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.hardware.simulators.mesh_node import SimulatedMeshNode
from ops_console.radio.device_store import devices_file, load_devices
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime
from ops_console.ui.radio.devices_dialog import DevicesDialog


@pytest.fixture(autouse=True)
def _clean_devices_file():
    devices_file().unlink(missing_ok=True)
    yield
    devices_file().unlink(missing_ok=True)


def test_devices_dialog_shows_a_meshtastic_node(qtbot, post, screenshot_dir) -> None:
    sim = SimulatedMeshNode(transport="pty", seed=2, debug_rate=1.0)
    sim.start()
    runtime = RadioRuntime(post.radio, [DeviceSpec("meshtastic", sim.port_url, 115200, "mesh")])
    runtime.start()
    try:
        assert runtime.wait_ready(10.0), runtime.status()
        sim.emit_traffic(6)
        post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
        dialog = DevicesDialog(post)
        qtbot.addWidget(dialog)
        dialog.resize(900, 760)
        dialog.show()
        dialog.kind_box.setCurrentText("meshtastic")
        assert not dialog.model_box.isEnabled()
        dialog.port_box.setEditText("/dev/ttyACM0")
        dialog.add_button.click()
        assert load_devices() == [DeviceSpec("meshtastic", "/dev/ttyACM0", 115200)]
        dialog.port_box.setEditText("")
        dialog.refresh_devices()
        live_row = next(
            r
            for r in range(dialog.devices_table.rowCount())
            if dialog.devices_table.item(r, 2).text() == sim.port_url
        )
        assert dialog.devices_table.item(live_row, 1).text() == "meshtastic"
        dialog.devices_table.selectRow(live_row)
        qtbot.waitUntil(lambda: "Search team Alpha" in dialog.mesh_nodes.toPlainText(), timeout=5000)
        qtbot.waitUntil(lambda: "[Router]" in dialog.node_log.toPlainText(), timeout=5000)
        assert "(M9A2B3C03)" in dialog.mesh_nodes.toPlainText()
        assert "Debug log:" in dialog.node_log.toPlainText()
        dialog.result_label.setText("")
        assert dialog.grab().save(str(screenshot_dir / "devices_mesh.png"))
    finally:
        runtime.stop()
        sim.stop()
