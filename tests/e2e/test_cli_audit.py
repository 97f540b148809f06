"""``ops-console audit verify|checkpoint`` as a person runs them: real processes, real files."""

from __future__ import annotations

import json
import sqlite3

from helpers.cli import run_cli


def _tables(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def test_checkpoint_code_and_a_cut_log_found_later(tmp_path):
    url = f"sqlite:///{tmp_path / 'post.sqlite'}"
    assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
    assert (
        run_cli(
            tmp_path,
            "--db",
            url,
            "operator",
            "add",
            "Mei Lin",
            "--role",
            "admin",
            env={"OPS_CONSOLE_PIN": "246813"},
        ).returncode
        == 0
    )
    assert (
        run_cli(
            tmp_path,
            "--db",
            url,
            "operator",
            "add",
            "Bo",
            "--role",
            "radio",
            "--as",
            "Mei Lin",
            env={"OPS_CONSOLE_PIN": "246813", "OPS_CONSOLE_NEW_PIN": "1357"},
        ).returncode
        == 0
    )
    point = run_cli(tmp_path, "--db", url, "audit", "checkpoint")
    assert point.returncode == 0, point.stderr
    code = point.stdout.split()[2]
    assert code.count("-") == 3 and "paper log" in point.stderr
    assert run_cli(tmp_path, "--db", url, "audit", "verify").returncode == 0
    with sqlite3.connect(tmp_path / "post.sqlite") as conn:  # drop the last entry and fix the head
        (last_id,) = conn.execute("SELECT max(id) FROM audit_entries").fetchone()
        conn.execute("DELETE FROM audit_entries WHERE id = ?", (last_id,))
        prev_id, prev_hash = conn.execute(
            "SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1"
        ).fetchone()
        conn.execute("UPDATE audit_head SET last_id = ?, last_hash = ?", (prev_id, prev_hash))
    result = run_cli(tmp_path, "--db", url, "audit", "verify")
    assert result.returncode == 1 and "checkpoint" in result.stdout and "removed" in result.stdout


def test_a_record_edited_behind_the_programs_back_is_named(tmp_path):
    assert run_cli(tmp_path, "--demo", "audit", "verify").returncode == 0
    with sqlite3.connect(tmp_path / "data" / "demo.sqlite") as conn:
        conn.execute("UPDATE tasks SET status = 'done' WHERE id = 7")
    result = run_cli(tmp_path, "--demo", "audit", "verify")
    assert result.returncode == 1 and "tasks #7" in result.stdout


def test_verify_refuses_a_file_that_is_not_a_post_and_writes_nothing(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    for command in (["audit", "verify"], ["export", "tasks"], ["audit", "checkpoint"]):
        result = run_cli(tmp_path, "--db", f"sqlite:///{other}", *command)
        assert result.returncode == 3 and "not an Ops Console database" in result.stderr, command
        assert "Traceback" not in result.stderr
    assert _tables(other) == ["photos"]  # (opening it set WAL mode in the header; no table was made)
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    result = run_cli(tmp_path, "--db", f"sqlite:///{empty}", "audit", "verify")
    assert result.returncode == 1 and "no Ops Console post" in result.stderr and _tables(empty) == []


def test_damage_in_the_middle_of_a_file_is_named_at_open(tmp_path):
    assert run_cli(tmp_path, "--demo", "audit", "verify").returncode == 0
    path = tmp_path / "data" / "demo.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tasks'").fetchone()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size  # the tasks table's root page: a b-tree page, not the header
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    for command in (["audit", "verify"], ["export", "incidents"]):
        result = run_cli(tmp_path, "--db", f"sqlite:///{path}", *command)
        assert result.returncode == 3 and "damaged" in result.stderr, (command, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_backup_carries_the_audit_key_and_verifies(tmp_path):
    assert run_cli(tmp_path, "--demo", "audit", "verify").returncode == 0
    backup = tmp_path / "backup.sqlite"
    result = run_cli(tmp_path, "--demo", "db", "backup", str(backup))
    assert result.returncode == 0 and "audit key copied" in result.stdout, result.stderr
    key_copy = tmp_path / "backup.sqlite.audit-key"
    assert oct(key_copy.stat().st_mode & 0o777) == "0o600"
    post_id = json.loads(key_copy.read_text())["post_id"]
    assert post_id in key_copy.read_text()
    verified = run_cli(tmp_path, "--db", f"sqlite:///{backup}", "audit", "verify")
    assert verified.returncode == 0 and verified.stdout.startswith("OK")
