"""Sign-on with PINs: hashing, wrong PINs, the one-minute lock."""

from datetime import timedelta

import pytest

from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.domain import Role
from ops_console.errors import SignOnError, ValidationError
from ops_console.pins import check_pin, hash_pin


def test_pin_hash_is_salted_and_checks():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second and first.startswith("scrypt$") and "1234" not in first.split("$")
    assert check_pin("1234", first) and not check_pin("4321", first)
    assert not check_pin("1234", "garbage") and not check_pin("1234", "scrypt$x$y$z$00$00")


def test_sign_on_puts_the_operator_on_shift(post):
    actor = post.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    assert post.shift.actor == actor and actor.role == "radio"


def test_three_wrong_pins_lock_for_a_minute(post):
    name, now = ROLE_NAMES[Role.OPERATOR], utc_now()
    with pytest.raises(SignOnError, match="2 attempts left"):
        post.operators.sign_on(name, "0000", now=now)
    with pytest.raises(SignOnError, match="1 attempt left"):
        post.operators.sign_on(name, "0000", now=now)
    with pytest.raises(SignOnError, match="locked for one minute"):
        post.operators.sign_on(name, "0000", now=now)
    with pytest.raises(SignOnError, match="locked"):
        post.operators.sign_on(name, PIN, now=now + timedelta(seconds=30))
    assert post.operators.sign_on(name, PIN, now=now + timedelta(seconds=61)).name == name
    actions = [e.action for e in post.activity.page(limit=10)]
    assert "shift.locked" in actions and actions.count("shift.pin_failed") == 2


def test_unknown_operator(post):
    with pytest.raises(SignOnError, match="no active operator"):
        post.operators.sign_on("Nobody", PIN)


def test_new_operator_needs_a_numeric_pin(post):
    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    with pytest.raises(ValidationError) as caught:
        post.operators.create("New Person", Role.OPERATOR, "12ab")
    assert "pin" in caught.value.problems
    assert post.operators.create("New Person", Role.OPERATOR, "98765") > 0


def test_only_admins_add_operators(post):
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    with pytest.raises(Exception, match="may not add operators"):
        post.operators.create("Sneaky", Role.ADMIN, "1111")


def test_confirm_pin_asks_the_operator_on_shift(post):
    assert post.operators.confirm_pin(PIN)
    assert not post.operators.confirm_pin("9999")


def test_handover_is_recorded_in_one_step(post):
    previous = post.shift.actor
    post.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    entries = post.activity.page(limit=2)
    assert [e.action for e in entries] == ["shift.sign_on", "shift.sign_off"]
    assert entries[1].operator == previous.name and "handed over" in entries[1].summary


def test_nobody_may_add_operators_before_signing_on_except_the_first_admin(tmp_path):
    from ops_console.errors import PermissionDenied
    from ops_console.post import open_post

    post = open_post(f"sqlite:///{tmp_path / 'new.sqlite'}")
    with pytest.raises(ValidationError, match="administrator"):
        post.operators.create("First", Role.OPERATOR, "1111")
    with pytest.raises(ValidationError, match="6 to 12 digits"):
        post.operators.create("First", Role.ADMIN, "1111")
    post.operators.create("First", Role.ADMIN, "111111")
    with pytest.raises(PermissionDenied):
        post.operators.create("Second", Role.ADMIN, "222222")
    post.close()
