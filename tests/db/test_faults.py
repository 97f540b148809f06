"""A database that is locked, read-only, damaged or missing gives words, not tracebacks."""

import sqlite3

import pytest

from helpers.posts import open_signed_on
from ops_console.db.engine import Database
from ops_console.errors import DatabaseMissing, DatabaseUnavailable
from ops_console.post import open_post
from ops_console.services.incidents import IncidentDraft


def test_missing_file_named_explicitly(tmp_path):
    with pytest.raises(DatabaseMissing, match="does not exist"):
        open_post(f"sqlite:///{tmp_path / 'nope.sqlite'}", must_exist=True)


def test_damaged_file(tmp_path):
    path = tmp_path / "post.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseUnavailable, match="damaged"):
        open_post(f"sqlite:///{path}")


def test_read_only_database_refuses_writes_cleanly(tmp_path):
    path = tmp_path / "post.sqlite"
    writable = open_signed_on(f"sqlite:///{path}")
    post = open_post(f"sqlite:///file:{path}?mode=ro&uri=true", upgrade=False)
    post.shift.actor = writable.shift.actor
    assert post.incidents.list() == []  # reading still works
    with pytest.raises(DatabaseUnavailable, match="read-only"):
        post.incidents.create(IncidentDraft("Cannot be stored"))
    post.close()
    writable.close()


def test_locked_database_gives_words_and_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "post.sqlite"
    post = open_signed_on(f"sqlite:///{path}")
    monkeypatch.setattr("ops_console.db.engine.BUSY_TIMEOUT_MS", 200)
    impatient = open_post(f"sqlite:///{path}")
    impatient.shift.actor = post.shift.actor
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailable, match="locked"):
            impatient.incidents.create(IncidentDraft("Waiting for the lock"))
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert post.incidents.list() == []
    impatient.close()
    post.close()


def test_unreachable_postgres_server():
    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(DatabaseUnavailable):
        with db.read() as s:
            s.connection()


def test_a_sqlite_uri_names_its_file_and_creates_no_folder_called_file(tmp_path, monkeypatch):
    from ops_console.db.engine import sqlite_path

    monkeypatch.chdir(tmp_path)
    assert sqlite_path(f"sqlite:///file:{tmp_path}/post.sqlite?mode=ro&uri=true") == tmp_path / "post.sqlite"
    test_read_only_database_refuses_writes_cleanly(tmp_path)
    assert not (tmp_path / "file:").exists()
