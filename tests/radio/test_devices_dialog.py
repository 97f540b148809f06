"""The Devices dialog: ports table, add/remove persisted to devices.toml, Test off the GUI
thread against a real SimulatedModem and a closed port, admin-only changes."""

from __future__ import annotations

import socket
import tomllib
from pathlib import Path

import pytest

from helpers.posts import PIN, ROLE_NAMES
from ops_console.config import config_file, load_settings
from ops_console.domain import Role
from ops_console.errors import PermissionDenied
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.radio.device_store import (
    DeviceStore,
    devices_file,
    format_devices,
    load_devices,
    save_devices,
)
from ops_console.radio.devices import DeviceSpec, devices_from_config
from ops_console.ui.radio.devices_dialog import DevicesDialog


@pytest.fixture(autouse=True)
def _clean_devices_file():
    devices_file().unlink(missing_ok=True)
    yield
    devices_file().unlink(missing_ok=True)


def as_admin(post):
    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    return post


@pytest.fixture
def sim():
    s = SimulatedModem(transport="tcp", seed=1, garbage_rate=0.0, error_rate=0.0)
    s.start()
    yield s
    s.stop()


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"socket://127.0.0.1:{port}"


def test_formatter_round_trips_awkward_values(tmp_path: Path) -> None:
    specs = [
        DeviceSpec("lora", "/dev/ttyUSB0", 115200, 'a "quoted" \\ name\t'),
        DeviceSpec("lora", "socket://127.0.0.1:7001", 9600),
    ]
    path = tmp_path / "devices.toml"
    save_devices(specs, path)
    assert load_devices(path) == specs
    assert devices_from_config(tomllib.loads(format_devices(specs))["device"])[0] == specs


def test_the_dialog_asks_for_the_modem_model_and_keeps_it(qtbot, post) -> None:
    dialog = DevicesDialog(as_admin(post))
    qtbot.addWidget(dialog)
    assert dialog.model_box.currentText() == "RYLR896"  # the default, as in [[device]] tables
    assert "32 hex digits" in dialog.model_box.toolTip()
    dialog.model_box.setCurrentText("RYLR998")
    dialog.port_box.setEditText("/dev/ttyUSB7")
    dialog.add_button.click()
    assert load_devices() == [DeviceSpec("lora", "/dev/ttyUSB7", 115200, model="RYLR998")]
    assert 'model = "RYLR998"' in devices_file().read_text(encoding="utf-8")
    assert dialog.devices_table.item(0, 1).text() == "lora · RYLR998"
    with pytest.raises(Exception, match="Unknown modem model"):
        DeviceStore(post.shift).add(DeviceSpec("lora", "/dev/ttyUSB8", model="RYLR999"))


def test_ports_table_builds(qtbot, post) -> None:
    dialog = DevicesDialog(post)
    qtbot.addWidget(dialog)
    assert dialog.ports_table.columnCount() == 3
    dialog.refresh_button.click()  # no hardware needed: zero rows is fine
    assert dialog.no_ports.isHidden() == (dialog.ports_table.rowCount() > 0)


def test_admin_adds_and_removes_persisted(qtbot, post, screenshot_dir: Path) -> None:
    config_file().write_text(
        'log_level = "DEBUG"\n[[device]]\nkind = "lora"\nport = "/dev/ttyS9"\n', encoding="utf-8"
    )
    try:
        dialog = DevicesDialog(as_admin(post))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.add_button.isEnabled()
        dialog.port_box.setEditText("socket://127.0.0.1:7001")
        dialog.baud_box.setValue(57600)
        dialog.add_button.click()
        dialog.port_box.setEditText("/dev/ttyUSB0")
        dialog.add_button.click()
        assert load_devices() == [
            DeviceSpec("lora", "socket://127.0.0.1:7001", 57600),
            DeviceSpec("lora", "/dev/ttyUSB0", 57600),
        ]
        assert dialog.devices_table.rowCount() == 2
        settings = load_settings()  # the main config is untouched and both files are read
        assert settings.log_level == "DEBUG" and [d["port"] for d in settings.devices] == [
            "/dev/ttyS9",
            "socket://127.0.0.1:7001",
            "/dev/ttyUSB0",
        ]
        dialog.port_box.setEditText("/dev/ttyUSB0")
        dialog.add_button.click()
        assert "already configured" in dialog.result_label.text()
        dialog.result_label.setText("")
        dialog.devices_table.setCurrentCell(-1, -1)  # none chosen: Remove says what to choose
        assert not dialog.remove_button.isEnabled()
        assert dialog.remove_button.toolTip() == "Select a device in the list first."
        dialog.devices_table.selectRow(1)
        assert dialog.remove_button.isEnabled() and not dialog.remove_button.toolTip()
        assert dialog.grab().save(str(screenshot_dir / "devices_dialog.png"))
        dialog.remove_button.click()
        assert load_devices() == [DeviceSpec("lora", "socket://127.0.0.1:7001", 57600)]
        assert dialog.devices_table.rowCount() == 1
    finally:
        config_file().unlink(missing_ok=True)


def test_non_admin_cannot_add_or_remove(qtbot, post) -> None:
    save_devices([DeviceSpec("lora", "/dev/ttyUSB0")])
    dialog = DevicesDialog(post)  # the supervisor
    qtbot.addWidget(dialog)
    dialog.devices_table.selectRow(0)
    assert not dialog.add_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert "administrator" in dialog.add_button.toolTip()
    assert dialog.test_button.isEnabled()  # everyone may view and test
    with pytest.raises(PermissionDenied):
        DeviceStore(post.shift).add(DeviceSpec("lora", "/dev/ttyUSB1"))
    with pytest.raises(PermissionDenied):
        DeviceStore(post.shift).remove("/dev/ttyUSB0")
    assert load_devices() == [DeviceSpec("lora", "/dev/ttyUSB0")]


def test_test_button_against_simulator_answers_ok(qtbot, post, sim) -> None:
    dialog = DevicesDialog(post)
    qtbot.addWidget(dialog)
    dialog.port_box.setEditText(sim.port_url)
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled() and "being tested" in dialog.test_button.toolTip()
    qtbot.waitUntil(lambda: "+OK" in dialog.result_label.text(), timeout=5000)
    assert dialog.result_label.text() == f"{sim.port_url}: answered +OK"
    assert dialog.test_button.isEnabled()


@pytest.mark.parametrize("port", [closed_port_url(), "/nonexistent/ttyUSB9"])
def test_test_button_on_closed_port_reports_in_words(qtbot, post, port) -> None:
    dialog = DevicesDialog(post)
    qtbot.addWidget(dialog)
    dialog.port_box.setEditText(port)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=5000)
    text = dialog.result_label.text()
    assert text.startswith(f"{port}: could not open:") and len(text) > len(port) + 20, text


def test_silent_modem_gives_no_answer(qtbot, post, sim) -> None:
    sim.set_silent(True)
    dialog = DevicesDialog(post)
    qtbot.addWidget(dialog)
    dialog.port_box.setEditText(sim.port_url)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=5000)
    assert "no answer" in dialog.result_label.text()


def test_live_state_from_running_runtime(qtbot, post, start_runtime) -> None:
    s = SimulatedModem(transport="tcp", seed=2, garbage_rate=0.0, error_rate=0.0)
    s.start()
    try:
        save_devices([DeviceSpec("lora", s.port_url, 115200, "lora-test")])
        runtime = start_runtime(post, s)
        dialog = DevicesDialog(post)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.devices_table.item(0, 4).text() == "Ready", timeout=5000)
    finally:
        runtime.stop()
        s.stop()


def test_runtime_devices_not_in_store_are_shown(qtbot, post, start_runtime, radio_sim) -> None:
    start_runtime(post, radio_sim)
    dialog = DevicesDialog(post)
    qtbot.addWidget(dialog)
    assert dialog.devices_table.rowCount() == 1
    assert dialog.devices_table.item(0, 2).text() == radio_sim.port_url
    assert dialog.devices_table.item(0, 4).text() == "Ready"
