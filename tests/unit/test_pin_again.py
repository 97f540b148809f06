"""The PIN asked again before a siren activation is limited like sign-on: wrong PINs count
toward the same lockout, a locked operator waits it out, an empty PIN is not an attempt."""

from datetime import timedelta

import pytest

from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.db.models import Operator
from ops_console.domain import Role
from ops_console.errors import SignOnError


def _failed_attempts(post, name: str) -> int:
    with post.db.read() as s:
        return s.query(Operator).filter_by(name=name).one().failed_attempts


def test_wrong_pins_asked_again_lock_the_operator_like_sign_on(post):
    name, now = ROLE_NAMES[Role.SUPERVISOR], utc_now()
    with pytest.raises(SignOnError, match="2 attempts left"):
        post.operators.check_pin_again("0000", now)
    with pytest.raises(SignOnError, match="1 attempt left"):
        post.operators.check_pin_again("0000", now)
    with pytest.raises(SignOnError, match="locked for one minute"):
        post.operators.check_pin_again("0000", now)
    with pytest.raises(SignOnError, match="try again in"):  # even the right PIN waits
        post.operators.check_pin_again(PIN, now + timedelta(seconds=30))
    with pytest.raises(SignOnError, match="locked"):  # the same lock as at sign-on
        post.operators.sign_on(name, PIN, now=now + timedelta(seconds=30))
    post.operators.check_pin_again(PIN, now + timedelta(seconds=61))
    assert _failed_attempts(post, name) == 0
    assert "shift.locked" in [e.action for e in post.activity.page(limit=10)]


def test_sign_on_and_pin_again_count_together(post):
    name, now = ROLE_NAMES[Role.SUPERVISOR], utc_now()
    with pytest.raises(SignOnError, match="2 attempts left"):
        post.operators.sign_on(name, "0000", now=now)
    with pytest.raises(SignOnError, match="1 attempt left"):
        post.operators.check_pin_again("0000", now)
    assert not post.operators.confirm_pin("0000", now)  # the third: locked now
    assert not post.operators.confirm_pin(PIN, now + timedelta(seconds=5))


def test_an_empty_pin_is_not_an_attempt(post):
    name = ROLE_NAMES[Role.OPERATOR]
    for _ in range(5):
        with pytest.raises(SignOnError, match="empty PIN is not counted"):
            post.operators.sign_on(name, "")
        with pytest.raises(SignOnError, match="empty PIN is not counted"):
            post.operators.check_pin_again("")
    assert _failed_attempts(post, name) == 0
    assert _failed_attempts(post, ROLE_NAMES[Role.SUPERVISOR]) == 0
    assert post.operators.sign_on(name, PIN).name == name
