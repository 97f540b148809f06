"""Form checks and refusals in the reader's language (issue #18): a period that ends before
it starts (the report dialog and the command line), a disk that fills while a PDF is
written, a PIN the policy refuses (a form and the command line), a refusal shown to a
viewer and a scheduled siren test's requester read in Chinese with no English left on a
zh_CN console — and as before in English."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QMessageBox

from helpers.cli import run_cli
from helpers.english_left import english_words
from helpers.posts import PIN, open_signed_on, sqlite_url
from ops_console.domain import Role
from ops_console.errors import PermissionDenied, ValidationError

CJK = (0x4E00, 0x9FFF)
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _chinese(text: str, data: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """``text`` is Chinese, with no English word left but ``data`` (names, paths)."""
    assert any(CJK[0] <= ord(ch) <= CJK[1] for ch in text), text
    assert english_words(text, set(data)) == [], text


def _told(stderr: str) -> str:
    """What the command line told the person: its 'ops-console: …' line."""
    lines = [ln for ln in stderr.splitlines() if ln.startswith("ops-console: ")]
    assert len(lines) == 1, stderr
    return lines[0].removeprefix("ops-console: ")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path


def test_a_period_that_ends_before_it_starts_in_the_chinese_report_dialog(qtbot, chinese, tmp_path):
    from ops_console.ui.reports.dialog import ReportsDialog

    post = open_signed_on(sqlite_url(tmp_path / "p.sqlite"))
    try:
        dialog = ReportsDialog(post)
        qtbot.addWidget(dialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData("sitrep"))
        dialog.start.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
        dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
        dialog.out.setText(str(tmp_path / "s.pdf"))
        dialog.show()
        assert dialog.start_build() is None
        _chinese(dialog.state.text(), {"from", "to"})  # the CLI's option names
        boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
        assert boxes and boxes[-1].text() == dialog.state.text()
        for box in boxes:
            box.close()
    finally:
        post.close()


def test_a_period_that_ends_before_it_starts_on_the_command_line_follows_lang(home):
    args = ("report", "sitrep", "--from", "2026-12-06 06:00", "--to", "2026-12-06 05:00")
    zh = run_cli(home, *args, "--out", str(home / "s.pdf"), env=ZH)
    assert zh.returncode == 1 and "Traceback" not in zh.stderr, zh.stderr
    _chinese(_told(zh.stderr), {"from", "to"})
    assert "before it starts" not in zh.stderr  # said once, in Chinese (the log file keeps English)
    log = (home / "logs" / "ops-console.log").read_text(encoding="utf-8")
    assert "The operational period ends" in log
    en = run_cli(home, *args, "--out", str(home / "s.pdf"), env=EN)
    assert en.returncode == 1
    assert _told(en.stderr).startswith("The operational period ends (6 Dec 2026 05:00) before it starts")
    assert not (home / "s.pdf").exists()


def test_a_disk_that_fills_while_writing_a_pdf_says_so_in_chinese(tmp_path: Path) -> None:
    """RLIMIT_FSIZE stands in for a full disk (the kernel refuses the write past 64 KB, EFBIG,
    as tests/printing/test_pdf_writer.py does); the person reads why in Chinese, the log in
    English, and the partial file is gone."""
    target = tmp_path / "log.pdf"
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from PySide6.QtCore import QLocale
        from PySide6.QtGui import QGuiApplication
        from ops_console.language import install_translators
        app = QGuiApplication([])
        kept = install_translators(app, QLocale("zh_CN"))
        assert kept
        sys.path.insert(0, {str(Path(__file__).parents[1] / "printing")!r})
        from test_pdf_writer import _log
        from ops_console.printing import write_pdf
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        try:
            write_pdf(_log(4000), {str(target)!r})
        except Exception as exc:
            print(type(exc).__name__)
            print(exc)
            print(exc.english)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parents[1]))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    kind, shown, english = run.stdout.splitlines()[:3]
    assert kind == "WriteFailed", run.stdout + run.stderr
    _chinese(shown.replace(str(target), ""))
    assert str(target) in shown
    assert (
        english.startswith(f"Could not write {target}: the disk is full") and "Nothing was saved" in english
    )
    assert list(tmp_path.iterdir()) == []  # no partial file left


def test_a_pin_the_policy_refuses_reads_chinese_in_the_form(chinese, tmp_path):
    post = open_signed_on(sqlite_url(tmp_path / "p.sqlite"), Role.ADMIN)
    try:
        with pytest.raises(ValidationError) as short:
            post.operators.create("Li Lei", Role.RADIO, "12")
        with pytest.raises(ValidationError) as lead:
            post.operators.create("Zhao Min", Role.SUPERVISOR, "1234")
        for exc in (short.value, lead.value):
            problem = exc.problems["pin"]
            _chinese(problem)
            _chinese(str(exc), {"pin"})  # the field's key
        assert "主管或管理员" in lead.value.problems["pin"]
        assert short.value.english == "pin: The PIN must be 4 to 12 digits."
        assert lead.value.english.startswith("pin: The PIN of a supervisor or administrator must be")
    finally:
        post.close()


def test_a_pin_the_policy_refuses_on_the_command_line_follows_lang(home):
    url = f"sqlite:///{home / 'post.sqlite'}"
    assert run_cli(home, "--db", url, "db", "upgrade").returncode == 0
    admin = run_cli(
        home, "--db", url, "operator", "add", "Mei Lin", "--role", "admin", env={"OPS_CONSOLE_PIN": PIN}
    )
    assert admin.returncode == 0, admin.stderr
    args = ("--db", url, "operator", "add", "Bo", "--role", "radio", "--as", "Mei Lin")
    pins = {"OPS_CONSOLE_PIN": PIN, "OPS_CONSOLE_NEW_PIN": "12"}
    zh = run_cli(home, *args, env={**pins, **ZH})
    assert zh.returncode == 1, zh.stderr
    problem = zh.stderr.strip().splitlines()[-1]
    _chinese(problem)
    en = run_cli(home, *args, env={**pins, **EN})
    assert en.returncode == 1 and en.stderr.strip().splitlines()[-1] == "The PIN must be 4 to 12 digits."
    # a refusal before the form: no administrator named
    refused = run_cli(home, "--db", url, "operator", "add", "Bo", "--role", "radio", env=ZH)
    assert refused.returncode == 1
    _chinese(refused.stderr.strip().splitlines()[-1], {"as", "NAME", "OPS_CONSOLE_PIN"})
    # and what it says when the operator is added
    added = run_cli(home, *args, env={**pins, "OPS_CONSOLE_NEW_PIN": "2468", **ZH})
    assert added.returncode == 0, added.stderr
    _chinese(added.stdout.strip(), {"Bo"})


def test_a_refusal_shown_to_a_viewer_reads_chinese(qtbot, chinese, tmp_path):
    from ops_console.ui.common.messages import show_error

    post = open_signed_on(sqlite_url(tmp_path / "p.sqlite"), Role.VIEWER)
    try:
        with pytest.raises(PermissionDenied) as refused:
            post.activity.add_note("Pump 2 back in service")
        words = str(refused.value)
        _chinese(words, {"Viewer", "Test"})  # the viewer's own name
        box = show_error(None, refused.value)
        try:
            assert box.text() == words
            _chinese(box.windowTitle())
        finally:
            box.close()
        assert (
            refused.value.english
            == "Viewer Test (viewer) may not write in the activity log; ask a supervisor."
        )
    finally:
        post.close()


def test_a_scheduled_tests_requester_reads_chinese(chinese, tmp_path):
    from datetime import timedelta

    from ops_console.clock import utc_now
    from ops_console.db.siren_models import SirenCommand, SirenTestSchedule
    from ops_console.said import english, shown
    from ops_console.sirens.demo import build_demo_sirens
    from ops_console.sirens.records import SirenRecords
    from ops_console.sirens.service import SirenService

    post = open_signed_on(sqlite_url(tmp_path / "p.sqlite"))
    try:
        sirens = build_demo_sirens(post, SirenService(post.db, post.bus, post.shift, post.operators))
        sid = sirens.schedule_test(
            "Monthly", kind="silent", nth=1, weekday=0, time_local="10:00", siren_ids=[1]
        )
        with sirens.db.write() as s:
            s.get(SirenTestSchedule, sid).next_due_at = utc_now() - timedelta(seconds=1)
        assert SirenRecords(sirens.db, sirens.bus, sirens.patterns).run_due_tests(exercise=False) == [sid]
        with sirens.db.read() as s:
            stored = s.query(SirenCommand.requested_by).filter(SirenCommand.schedule_id == sid).scalar()
        assert english(stored) == "schedule “Monthly”"
        command = next(c for c in sirens.list_commands() if c.request_id.startswith(f"test-{sid}-"))
        assert command.requested_by == shown(stored) == "计划“Monthly”"
        _chinese(command.requested_by, {"Monthly"})
        armed = [r for r in sirens.sounding_now() if r.requested_by]
        assert armed and shown(armed[0].requested_by) == "计划“Monthly”"
    finally:
        post.close()


def test_the_command_lines_report_line_follows_lang(home):
    """What ``report`` says when the file is written speaks the language of the report."""
    out = home / "a.csv"
    zh = run_cli(home, "report", "ics214", "--format", "csv", "--from", "3h", "--out", str(out), env=ZH)
    assert zh.returncode == 0, zh.stderr
    told = zh.stderr.strip().splitlines()[-1]
    assert str(out) in told
    _chinese(told.replace(str(out), ""), {"ICS"})
    en = run_cli(home, "report", "ics214", "--format", "csv", "--from", "3h", "--out", str(out), env=EN)
    assert en.returncode == 0, en.stderr
    assert f" written to {out}" in en.stderr.strip().splitlines()[-1]


def test_audit_verify_says_its_result_in_the_chosen_language(home):
    url = f"sqlite:///{home / 'post.sqlite'}"
    assert run_cli(home, "--db", url, "db", "upgrade").returncode == 0
    admin = run_cli(
        home, "--db", url, "operator", "add", "Mei Lin", "--role", "admin", env={"OPS_CONSOLE_PIN": PIN}
    )
    assert admin.returncode == 0, admin.stderr
    zh = run_cli(home, "--db", url, "audit", "verify", env=ZH)
    assert zh.returncode == 0, zh.stderr
    lines = [ln.replace(str(home), "") for ln in zh.stdout.strip().splitlines()]
    assert lines[0].startswith("正常：") and len(lines) >= 2
    for line in lines:
        _chinese(line)
    en = run_cli(home, "--db", url, "audit", "verify", env=EN)
    assert en.stdout.startswith("OK: ") and "hash chain intact" in en.stdout


def test_no_form_check_or_refusal_is_an_english_string_again():
    """The source check: the services' form problems and refusals stay stored sentences
    (``said(N_("…"))``), never a plain English string or f-string."""
    import re

    root = Path(__file__).resolve().parents[2] / "ops_console"
    files = [
        *(root / "services").glob("*.py"),
        *(root / "people").glob("*.py"),
        *(root / "sirens").glob("*.py"),
        *(root / "inventory").glob("*.py"),
        *(root / "printing").glob("*.py"),
        *(root / "reports").glob("*.py"),
        root / "early_warning" / "service.py",
        root / "early_warning" / "notice_pdf.py",
        root / "pins.py",
        root / "commands.py",
        root / "cli.py",
    ]
    refusals = "OpsError|ValidationError|PermissionDenied|SignOnError|NotFound|TeamUnavailable|WarningConflict|WarningRefused|ChannelFailed|AuditKeyProblem|Cancelled|PeriodError|WriteFailed"
    pattern = re.compile(rf'problems\[[^\]]+\] = f?"|ValidationError\(\{{"\w+": f?"|raise ({refusals})\(f?"')
    plain = [
        f"{path.relative_to(root.parent)}:{n}: {line.strip()}"
        for path in files
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not plain, plain
