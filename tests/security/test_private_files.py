"""Everything the console creates is private to the user (0600 files, 0700 folders), even
under the common umask 022 that would make new files world-readable."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest

from helpers.cli import run_cli
from ops_console.db.backup import backup_sqlite
from ops_console.db.engine import Database
from ops_console.private_files import open_private, private_dir, private_file, write_private
from ops_console.radio.device_store import save_devices
from ops_console.radio.devices import parse_device
from ops_console.radio.spool import FrameSpool


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def loose_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_helpers_ignore_the_umask(tmp_path):
    folder = private_dir(tmp_path / "a" / "b")
    assert mode(tmp_path / "a") == mode(folder) == 0o700
    assert mode(private_file(folder / "f")) == 0o600
    loose = folder / "loose.txt"
    loose.write_text("x")
    assert mode(loose) == 0o644  # the umask at work, which the helpers undo:
    with open_private(loose, "a", encoding="utf-8") as out:
        out.write("y")
    assert mode(loose) == 0o600 and loose.read_text() == "xy"
    write_private(folder / "config.toml", "a = 1\n")
    assert mode(folder / "config.toml") == 0o600
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    private_dir(shared)
    assert mode(shared) == 0o755  # a folder the console did not create keeps its mode


def test_database_with_its_wal_and_a_backup(post, tmp_path):
    path = Path(post.db.url.removeprefix("sqlite:///"))
    assert mode(path) == 0o600
    for side in ("-wal", "-shm"):
        assert mode(path.with_name(path.name + side)) == 0o600
    backup = backup_sqlite(post.db, tmp_path / "backup.sqlite")
    assert mode(backup) == 0o600


def test_a_new_database_folder_is_private(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new' / 'post.sqlite'}")
    with db.connect(begin=True) as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    db.dispose()
    assert mode(tmp_path / "new") == 0o700 and mode(tmp_path / "new" / "post.sqlite") == 0o600


def test_spool_and_device_list(tmp_path):
    from ops_console.hardware.lora.types import RawFrame

    spool = FrameSpool(tmp_path / "spool" / "gateway-spool.sqlite")
    try:
        spool.append([RawFrame(b"+RCV=1,2,hi,-40,9", datetime.now(timezone.utc), "lora")])
        assert mode(tmp_path / "spool") == 0o700
        for name in ("gateway-spool.sqlite", "gateway-spool.sqlite-wal"):
            assert mode(tmp_path / "spool" / name) == 0o600
    finally:
        spool.close()
    save_devices([parse_device("lora:socket://127.0.0.1:7001")], tmp_path / "cfg" / "devices.toml")
    assert mode(tmp_path / "cfg") == 0o700 and mode(tmp_path / "cfg" / "devices.toml") == 0o600


def test_stock_export_from_the_panel_job(post, tmp_path):
    from ops_console.ui.inventory.files import export_job

    export_job(post.inventory, tmp_path / "levels.csv", "levels")()
    assert mode(tmp_path / "levels.csv") == 0o600


def test_command_line_export_logs_and_data_folder(tmp_path):
    out = tmp_path / "tasks.csv"
    result = run_cli(tmp_path, "--demo", "export", "tasks", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o600
    assert mode(tmp_path / "data") == 0o700 and mode(tmp_path / "data" / "demo.sqlite") == 0o600
    assert mode(tmp_path / "logs") == 0o700 and mode(tmp_path / "logs" / "ops-console.log") == 0o600


def test_folders_an_older_version_left_open_are_closed(tmp_path):
    (tmp_path / "data").mkdir(mode=0o755)
    (tmp_path / "logs").mkdir(mode=0o755)
    os.chmod(tmp_path / "data", 0o755)
    assert run_cli(tmp_path, "--version").returncode == 0
    assert (
        run_cli(tmp_path, "--db", f"sqlite:///{tmp_path / 'data' / 'x.sqlite'}", "db", "upgrade").returncode
        == 0
    )
    assert mode(tmp_path / "data") == 0o700 and mode(tmp_path / "logs") == 0o700
