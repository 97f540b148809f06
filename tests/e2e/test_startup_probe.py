"""The start-up marks bench/startup.py times: the real ``ops-console --demo`` process says
when the sign-on dialog and the populated main window first painted, and with the probe
set to ``quit`` it ends by itself (so many starts can be timed)."""

import pytest

from helpers.cli import run_cli

pytestmark = pytest.mark.slow


def test_first_start_shows_progress_then_the_window_and_the_console_ends_by_itself(tmp_path):
    probe = {"OPS_CONSOLE_STARTUP_PROBE": "quit", "OPS_CONSOLE_PIN": "1234"}
    first = run_cli(tmp_path, "--demo", "--operator", "Chen Jing", env=probe, timeout=300)
    assert first.returncode == 0, first.stderr[-3000:]
    # the first start makes the demo post off the GUI thread behind a progress window
    assert first.stdout.splitlines() == ["STARTUP progress", "STARTUP window", "STARTUP settled"]

    again = run_cli(tmp_path, "--demo", "--operator", "Chen Jing", env=probe, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
    assert again.stdout.splitlines() == [
        "STARTUP window",
        "STARTUP settled",
    ]  # the post exists: no progress window

    dialog = run_cli(tmp_path, "--demo", env=probe, timeout=300)  # nobody types a PIN: refused
    assert dialog.returncode == 0, dialog.stderr[-3000:]
    assert dialog.stdout.splitlines() == ["STARTUP signon"]


def test_without_the_probe_nothing_is_printed(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from ops_console.ui import startup_probe

    label = QLabel("x")
    qtbot.addWidget(label)
    startup_probe.watch_window(label, lambda: True)
    assert not label.findChildren(startup_probe._FirstPaint)
