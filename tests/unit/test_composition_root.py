"""One composition root: ops_console/post.py reads the settings and plans the devices; the
window only starts and stops them, and no widget reaches into a runtime."""

import re
from pathlib import Path

from helpers.posts import sqlite_url
from ops_console.config import load_settings
from ops_console.post import open_post

ROOT = Path(__file__).resolve().parents[2]


def _ui_lines(pattern: str) -> list[str]:
    rx = re.compile(pattern)
    return [
        f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in (ROOT / "ui").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if rx.search(line)
    ]


def test_no_widget_reads_the_config_file_or_builds_a_runtime():
    assert _ui_lines(r"load_settings|RadioRuntime\(|SirenRuntime\(|start_demo_bus\(") == []


def test_no_widget_reaches_into_a_runtime():
    assert _ui_lines(r"runtime\.") == []


def test_the_settings_configure_the_services_at_opening(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text(
        '[radio]\ncall_sign = "WILLOW"\n[sirens]\ncountry = "de"\n\n'
        '[[siren_bus]]\nname = "north"\nport = "loop://"\n'
        '[[device]]\nkind = "lora"\nport = "loop://"\n',
        encoding="utf-8",
    )
    post = open_post(
        sqlite_url(tmp_path / "post.sqlite"), settings=load_settings(config), devices=["lora:loop://x"]
    )
    try:
        assert post.radio.outbox.console_call == "WILLOW" and post.sirens.country == "DE"
        assert [d.port for d in post.radio.settings.devices] == ["loop://", "loop://x"]
        assert post.devices.siren_plan.buses == {"north": "loop://"}
        assert post.devices.radio_runtime is None and not post.radio.radios_running  # planned, not started
    finally:
        post.close()
