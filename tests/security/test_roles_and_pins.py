"""Roles hold outside the window: PIN policy, a strong scrypt cost, one lockout for every
PIN typed, and a command line that asks for an administrator."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from helpers.cli import run_cli
from helpers.posts import PIN, ROLE_NAMES
from ops_console import pins
from ops_console.db.models import AuditEntry, Operator
from ops_console.domain import Role
from ops_console.errors import PermissionDenied, SignOnError, ValidationError


def test_supervisors_and_admins_need_six_digits_others_four(post):
    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    for role in (Role.SUPERVISOR, Role.ADMIN):
        with pytest.raises(ValidationError, match="6 to 12 digits"):
            post.operators.create(f"New {role.value}", role, "4321")
        assert post.operators.create(f"New {role.value}", role, "654321") > 0
    assert post.operators.create("New radio", Role.RADIO, "4321") > 0


def test_the_policy_is_a_post_setting_only_an_admin_changes(post):
    with pytest.raises(PermissionDenied):
        post.operators.set_pin_policy(4, 4)  # the supervisor is on shift
    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    post.operators.set_pin_policy(8, 6)
    assert post.operators.pin_policy() == pins.PinPolicy(8, 6)
    with pytest.raises(ValidationError, match="8 to 12"):
        post.operators.create("Lead", Role.SUPERVISOR, "654321")
    with pytest.raises(ValidationError, match="6 to 12"):
        post.operators.create("Runner", Role.VIEWER, "4321")
    assert post.activity.page(limit=1)[0].action != ""  # the change is in the record
    with post.db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "post.pin_policy"))


def test_the_demo_post_says_four_digits_are_enough_there(full_demo_post):
    assert full_demo_post.operators.pin_policy() == pins.PinPolicy(4, 4)


def test_the_default_cost_is_the_strong_one(monkeypatch):
    monkeypatch.delenv(pins.COST_ENV, raising=False)
    assert pins.current_cost() == pins.STRONG and pins.STRONG.n >= 2**17
    monkeypatch.setenv(pins.COST_ENV, "anything else")
    assert pins.current_cost() == pins.STRONG
    monkeypatch.setenv(pins.COST_ENV, "test")
    assert pins.current_cost() == pins.TEST


def test_an_old_hash_still_verifies_and_is_renewed_at_sign_on(post, monkeypatch):
    name = ROLE_NAMES[Role.RADIO]
    with post.db.write() as s:
        s.execute(
            update(Operator).where(Operator.name == name).values(pin_hash=pins.hash_pin(PIN, pins.LEGACY))
        )
    monkeypatch.delenv(pins.COST_ENV, raising=False)  # this workstation runs at the strong cost
    post.operators.sign_on(name, PIN)
    with post.db.read() as s:
        stored = s.scalar(select(Operator.pin_hash).where(Operator.name == name))
    assert stored.startswith(f"scrypt${pins.STRONG.n}$") and pins.check_pin(PIN, stored)
    assert not pins.needs_rehash(stored)


def test_a_stored_hash_asking_for_absurd_memory_is_refused_not_computed():
    assert not pins.check_pin("1", "scrypt$4294967296$8$1$00$00")
    assert not pins.check_pin("1", "scrypt$1048576$32$1$00$00")  # 4 GiB


def _again(post, pin: str) -> str:
    """The words the siren door would show for ``pin`` asked again ('' when accepted)."""
    try:
        post.operators.check_pin_again(pin)
    except SignOnError as refused:
        return str(refused)
    return ""


def test_every_pin_typed_counts_toward_the_lockout(post):
    supervisor = ROLE_NAMES[Role.SUPERVISOR]
    assert _again(post, "999999").startswith("Wrong PIN. 2 attempts")
    assert not post.operators.confirm_pin("999998")
    assert "now locked" in _again(post, "999997")
    assert "locked" in _again(post, PIN)  # the right PIN is not even tried now
    with pytest.raises(SignOnError, match="locked"):
        post.operators.sign_on(supervisor, PIN)
    with post.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(3)))
    assert actions == ["shift.locked", "shift.pin_failed", "shift.pin_failed"]


def test_a_right_pin_again_clears_the_count(post):
    _again(post, "999999")
    _again(post, "999998")
    assert _again(post, PIN) == ""
    assert "2 attempts" in _again(post, "999997")


# --- the command line, as a real process ---------------------------------------------


@pytest.fixture
def cli_post(tmp_path):
    url = f"sqlite:///{tmp_path / 'post.sqlite'}"
    assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
    first = run_cli(
        tmp_path,
        "--db",
        url,
        "operator",
        "add",
        "Mei Lin",
        "--role",
        "admin",
        env={"OPS_CONSOLE_PIN": "246813"},
    )
    assert first.returncode == 0, first.stderr
    return tmp_path, url


def test_the_first_admin_of_an_empty_post_needs_nobody_but_later_ones_need_an_admin(cli_post):
    home, url = cli_post
    anonymous = run_cli(
        home, "--db", url, "operator", "add", "Bo", "--role", "admin", env={"OPS_CONSOLE_PIN": "135790"}
    )
    assert anonymous.returncode == 1 and "--as NAME" in anonymous.stderr
    added = run_cli(
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
        env={"OPS_CONSOLE_PIN": "246813", "OPS_CONSOLE_NEW_PIN": "1357"},
    )
    assert added.returncode == 0, added.stderr
    by_radio = run_cli(
        home,
        "--db",
        url,
        "operator",
        "add",
        "Cy",
        "--role",
        "admin",
        "--as",
        "Bo",
        env={"OPS_CONSOLE_PIN": "1357", "OPS_CONSOLE_NEW_PIN": "975310"},
    )
    assert by_radio.returncode == 1 and "may not add operators" in by_radio.stderr
    names = [
        line.split("\t")[0] for line in run_cli(home, "--db", url, "operator", "list").stdout.splitlines()
    ]
    assert names == ["Bo", "Mei Lin"]


def test_wrong_pins_on_the_command_line_lock_the_admin(cli_post):
    home, url = cli_post
    for _ in range(3):
        wrong = run_cli(
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
            env={"OPS_CONSOLE_PIN": "000000", "OPS_CONSOLE_NEW_PIN": "1357"},
        )
        assert wrong.returncode == 1 and "Wrong PIN" in wrong.stderr
    right = run_cli(
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
        env={"OPS_CONSOLE_PIN": "246813", "OPS_CONSOLE_NEW_PIN": "1357"},
    )
    assert right.returncode == 1 and "locked" in right.stderr


def test_pin_policy_from_the_command_line(cli_post):
    home, url = cli_post
    shown = run_cli(home, "--db", url, "operator", "pin-policy")
    assert "6+ digits" in shown.stdout and "other roles: 4+" in shown.stdout
    refused = run_cli(home, "--db", url, "operator", "pin-policy", "--lead", "8")
    assert refused.returncode == 1 and "--as" in refused.stderr
    changed = run_cli(
        home,
        "--db",
        url,
        "operator",
        "pin-policy",
        "--lead",
        "8",
        "--as",
        "Mei Lin",
        env={"OPS_CONSOLE_PIN": "246813"},
    )
    assert changed.returncode == 0 and "8+ digits" in changed.stdout, changed.stderr


def test_db_copy_refuses_passwords_like_db_does(tmp_path):
    for source, target in (
        ("postgresql+psycopg://ops:secret@127.0.0.1/post", f"sqlite:///{tmp_path / 'x.sqlite'}"),
        (f"sqlite:///{tmp_path / 'x.sqlite'}", "postgresql+psycopg://ops:secret@127.0.0.1/copy"),
    ):
        result = run_cli(tmp_path, "db", "copy", source, target)
        assert result.returncode == 1 and "PGPASSWORD" in result.stderr and "secret" not in result.stderr
    assert not (tmp_path / "x.sqlite").exists()
