"""``--operator`` starts the PIN check before the post is open (ops_console/pins.py
check_pin_ahead, the hash read with plain sqlite3 by ops_console/roster.py): the sign-on
then takes that answer instead of computing scrypt again, and only for the very same PIN
and stored hash, so what the sign-on counts, locks and audits is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.posts import sqlite_url
from ops_console import pins, roster
from ops_console.db.models import Operator
from ops_console.domain import Role
from ops_console.errors import SignOnError
from ops_console.services.audit import SYSTEM


@pytest.fixture
def counted(monkeypatch) -> list[tuple[str, str]]:
    """Every scrypt verification made, by (pin, stored hash)."""
    made: list[tuple[str, str]] = []
    verify = pins._verify

    def counting(pin: str, stored: str) -> bool:
        made.append((pin, stored))
        return verify(pin, stored)

    monkeypatch.setattr(pins, "_verify", counting)
    yield made
    pins.drop_checks_ahead()


def _stored(post, name: str) -> str:
    with post.db.read() as s:
        return s.query(Operator).filter_by(name=name).one().pin_hash


def test_the_hash_read_before_the_post_opens_is_the_stored_one(post, db_url, tmp_path: Path):
    post.operators.create("Aaron Early", Role.RADIO, "4321", by=SYSTEM)
    assert roster.read_pin_hash(db_url, "Aaron Early") == _stored(post, "Aaron Early")
    assert roster.read_pin_hash(db_url, "Nobody Here") is None
    with post.db.write() as s:
        s.query(Operator).filter_by(name="Aaron Early").one().active = False
    assert roster.read_pin_hash(db_url, "Aaron Early") is None  # not offered, not checked ahead
    missing, garbage = tmp_path / "missing.sqlite", tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database " * 400)
    for url in (sqlite_url(missing), sqlite_url(garbage), "postgresql+psycopg://x@127.0.0.1/none"):
        assert roster.read_pin_hash(url, "Aaron Early") is None
    assert not missing.exists()


def test_the_sign_on_takes_the_answer_checked_ahead_once(post, db_url, counted):
    post.operators.create("Aaron Early", Role.RADIO, "4321", by=SYSTEM)
    stored = roster.read_pin_hash(db_url, "Aaron Early")
    assert stored is not None
    pins.check_pin_ahead("4321", stored)
    actor = post.operators.sign_on("Aaron Early", "4321")
    assert actor.name == "Aaron Early"
    assert counted == [("4321", stored)]  # computed once, on the thread ahead
    assert not pins.check_pin("9999", stored)  # nothing left ahead: a new pair is computed
    assert len(counted) == 2


def test_a_wrong_pin_checked_ahead_is_still_refused_and_counted(post, db_url, counted):
    post.operators.create("Aaron Early", Role.RADIO, "4321", by=SYSTEM)
    stored = roster.read_pin_hash(db_url, "Aaron Early")
    assert stored is not None
    pins.check_pin_ahead("0000", stored)
    with pytest.raises(SignOnError):
        post.operators.sign_on("Aaron Early", "0000")
    with post.db.read() as s:
        assert s.query(Operator).filter_by(name="Aaron Early").one().failed_attempts == 1
    assert counted == [("0000", stored)]


def test_an_answer_for_another_hash_is_not_used(post, db_url, counted):
    """The PIN was changed between the read ahead and the sign-on: the old answer is not
    the answer for the new hash."""
    post.operators.create("Aaron Early", Role.RADIO, "4321", by=SYSTEM)
    old = roster.read_pin_hash(db_url, "Aaron Early")
    assert old is not None
    pins.check_pin_ahead("4321", old)
    new = pins.hash_pin("5555")
    with post.db.write() as s:
        s.query(Operator).filter_by(name="Aaron Early").one().pin_hash = new
    with pytest.raises(SignOnError):
        post.operators.sign_on("Aaron Early", "4321")
    assert ("4321", new) in counted  # computed against the hash the sign-on read
