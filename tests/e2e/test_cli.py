"""The ``ops-console`` command as a person runs it: real processes, real files."""

import csv
import io
import json
import sqlite3

import pytest

from helpers.cli import run_cli
from ops_console import __version__


@pytest.fixture
def home(tmp_path):
    return tmp_path


def test_version_and_help(home):
    assert run_cli(home, "--version").stdout.strip() == f"ops-console {__version__}"
    help_text = run_cli(home, "--help").stdout
    for word in ("--demo", "--db", "--exercise", "--log-level", "export", "audit", "db"):
        assert word in help_text


def test_demo_export_tasks_as_csv(home):
    result = run_cli(home, "--demo", "export", "tasks", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 60
    assert {r["status"] for r in rows} == {"new", "assigned", "in_progress", "done", "cancelled"}
    assert all(r["created_at"].endswith("Z") for r in rows)


def test_global_options_after_the_subcommand_and_json_to_a_file(home):
    out = home / "incidents.json"
    result = run_cli(home, "export", "incidents", "--format", "json", "--out", str(out), "--demo")
    assert result.returncode == 0, result.stderr
    incidents = json.loads(out.read_text(encoding="utf-8"))
    assert len(incidents) == 25 and all(-90 <= i["lat"] <= 90 for i in incidents)


def test_audit_verify_detects_tampering(home):
    assert run_cli(home, "--demo", "audit", "verify").stdout.startswith("OK")
    demo = home / "data" / "demo.sqlite"
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE audit_entries SET summary = 'edited' WHERE id = 10")
    result = run_cli(home, "--demo", "audit", "verify")
    assert result.returncode == 1
    assert "BROKEN at entry 10" in result.stdout


def test_db_upgrade_current_and_backup(home):
    url = f"sqlite:///{home / 'new.sqlite'}"
    assert run_cli(home, "--db", url, "db", "upgrade").returncode == 0
    assert "up to date" in run_cli(home, "--db", url, "db", "current").stdout
    run_cli(home, "--demo", "audit", "verify")
    backup = home / "backup.sqlite"
    result = run_cli(home, "--demo", "db", "backup", str(backup))
    assert result.returncode == 0, result.stderr
    verified = run_cli(home, "--db", f"sqlite:///{backup}", "audit", "verify")
    assert verified.returncode == 0 and verified.stdout.startswith("OK")
    again = run_cli(home, "--demo", "db", "backup", str(backup))
    assert again.returncode == 3 and "already exists" in again.stderr


@pytest.mark.parametrize(
    "prepare, code, words",
    [
        (lambda p: None, 5, "does not exist"),
        (lambda p: p.write_bytes(b"garbage" * 500), 3, "damaged"),
    ],
)
def test_bad_database_files_give_words_and_exit_codes(home, prepare, code, words):
    path = home / "post.sqlite"
    prepare(path)
    result = run_cli(home, "--db", f"sqlite:///{path}", "export", "tasks")
    assert result.returncode == code
    assert words in result.stderr and "Traceback" not in result.stderr


def test_database_from_a_newer_program(home):
    url = f"sqlite:///{home / 'post.sqlite'}"
    run_cli(home, "--db", url, "db", "upgrade")
    with sqlite3.connect(home / "post.sqlite") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    result = run_cli(home, "--db", url, "audit", "verify")
    assert result.returncode == 4 and "newer Ops Console" in result.stderr
    assert "Traceback" not in result.stderr


def test_logs_go_to_a_file(home):
    run_cli(home, "--demo", "--log-level", "debug", "audit", "verify")
    assert (home / "logs" / "ops-console.log").read_text(encoding="utf-8").strip()


def test_operator_add_and_list(home):
    url = f"sqlite:///{home / 'post.sqlite'}"
    run_cli(home, "--db", url, "db", "upgrade")
    added = run_cli(
        home, "--db", url, "operator", "add", "Mei Lin", "--role", "admin", env={"OPS_CONSOLE_PIN": "246813"}
    )
    assert added.returncode == 0, added.stderr
    bad = run_cli(
        home,
        "--db",
        url,
        "operator",
        "add",
        "Bo",
        "--role",
        "radio",
        "--as",
        "Mei Lin",
        env={"OPS_CONSOLE_PIN": "246813", "OPS_CONSOLE_NEW_PIN": "12"},
    )
    assert bad.returncode == 1 and "4 to 12 digits" in bad.stderr
    assert run_cli(home, "--db", url, "operator", "list").stdout.split("\t")[:2] == ["Mei Lin", "admin"]


def test_simulate_sirens_prints_its_port_and_stops_on_sigint(home):
    import signal

    from helpers.cli import read_until, spawn

    proc = spawn(home, "simulate", "sirens", "--transport", "tcp")
    try:
        first = read_until(proc, "siren bus")
        assert "siren bus" in first and ("socket://" in first or "/dev/" in first or "/tmp" in first)
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0


def test_a_password_on_the_command_line_is_refused(home):
    result = run_cli(home, "--db", "postgresql+psycopg://ops:secret@127.0.0.1/post", "audit", "verify")
    assert result.returncode == 1 and "PGPASSWORD" in result.stderr and "secret" not in result.stderr


def test_the_console_says_why_a_post_cannot_open(home):
    """The window's post opens on a worker behind the sign-on dialog (ui/app.py): its known
    faults still end the console with their words and exit codes, never a traceback."""
    probe = {"OPS_CONSOLE_STARTUP_PROBE": "print"}
    missing = run_cli(home, "--db", f"sqlite:///{home / 'nowhere.sqlite'}", env=probe)
    assert missing.returncode == 5 and "does not exist" in missing.stderr, missing.stderr[-2000:]
    damaged = home / "damaged.sqlite"
    damaged.write_bytes(b"garbage" * 500)
    broken = run_cli(home, "--db", f"sqlite:///{damaged}", env=probe)
    assert broken.returncode == 3 and "damaged" in broken.stderr, broken.stderr[-2000:]
    secret = run_cli(home, "--db", "postgresql+psycopg://ops:secret@127.0.0.1/post", env=probe)
    assert secret.returncode == 1 and "PGPASSWORD" in secret.stderr and "secret" not in secret.stderr
    for result in (missing, broken, secret):
        assert "Traceback" not in result.stderr
