"""Who may acknowledge radio alerts: a post setting ([alerts] operators_may_acknowledge,
default yes), decided by the radio service before the click and enforced by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.alerts import hear_emergency
from helpers.posts import PIN, ROLE_NAMES
from ops_console.config import load_settings
from ops_console.domain import Role
from ops_console.errors import PermissionDenied
from ops_console.radio.ack_rights import may_acknowledge, who_may_acknowledge


def test_the_setting_defaults_to_yes_and_can_be_turned_off(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "absent.toml").operators_may_acknowledge is True
    path = tmp_path / "config.toml"
    path.write_text("[alerts]\noperators_may_acknowledge = false\n", encoding="utf-8")
    assert load_settings(path).operators_may_acknowledge is False
    path.write_text('[alerts]\noperators_may_acknowledge = "sometimes"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.operators_may_acknowledge is True and "must be true or false" in settings.problems[0]


@pytest.mark.parametrize("operators_may", [True, False])
def test_the_rule(operators_may: bool) -> None:
    assert not may_acknowledge(None, operators_may) and not may_acknowledge(Role.VIEWER, operators_may)
    for role in (Role.RADIO, Role.SUPERVISOR, Role.ADMIN):
        assert may_acknowledge(role, operators_may)
    assert may_acknowledge(Role.OPERATOR, operators_may) is operators_may
    words = who_may_acknowledge(operators_may)
    assert (
        words.endswith("supervisors and administrators") and words.startswith("operators, ") is operators_may
    )


def test_the_service_says_why_before_and_refuses_after(post) -> None:
    hear_emergency(post)
    [alert] = post.radio.unacknowledged_alerts()
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    refusal = post.radio.acknowledge_refusal()
    assert "radio operators" in refusal and "viewer" in refusal and not post.radio.may_acknowledge()
    with pytest.raises(PermissionDenied, match="radio operators"):
        post.radio.acknowledge_alert(alert.id)
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    assert post.radio.acknowledge_refusal() == ""
    post.radio.settings.operators_may_acknowledge = False
    assert "operator" in post.radio.acknowledge_refusal()
    with pytest.raises(PermissionDenied):
        post.radio.acknowledge_alert(alert.id)
    post.radio.settings.operators_may_acknowledge = True
    assert post.radio.acknowledge_alert(alert.id).acknowledged_by == ROLE_NAMES[Role.OPERATOR]


def test_the_console_takes_the_setting_from_its_config_file(db_url, tmp_path: Path) -> None:
    """The composition root (open_post) applies [alerts] from the settings it read."""
    from helpers.posts import open_signed_on
    from ops_console.config import load_settings

    path = tmp_path / "config.toml"
    path.write_text("[alerts]\noperators_may_acknowledge = false\n", encoding="utf-8")
    post = open_signed_on(db_url, settings=load_settings(path))
    try:
        post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
        assert not post.radio.may_acknowledge() and post.radio.who_may_acknowledge().startswith(
            "radio operators"
        )
    finally:
        post.close()
