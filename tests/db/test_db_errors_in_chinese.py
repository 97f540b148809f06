"""A database fault read on a Chinese console: a missing file, a damaged one, a file of another
program, a read-only file, a lock held by another program, a schema from a newer release —
each in Chinese with no English left (paths, table names and commands aside), as before in
English, and still recognised as a full disk whatever the reader's language."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from sqlalchemy import text

from helpers.english_left import english_words
from helpers.posts import open_signed_on
from ops_console.db import migrate
from ops_console.db.engine import Database
from ops_console.db.errors import explain, is_disk_full
from ops_console.errors import DatabaseUnavailable
from ops_console.language import install_translators, remove_translators
from ops_console.post import open_post
from ops_console.services.incidents import IncidentDraft

ALLOWED = {
    "Ops",
    "Console",
    "ops",
    "console",
    "db",
    "upgrade",
    "backup",
    "URL",
    "sqlite",
    "nope",
    "post",
    "other",
    "things",
}


def _missing(tmp: Path) -> None:
    open_post(f"sqlite:///{tmp / 'nope.sqlite'}", must_exist=True)


def _damaged(tmp: Path) -> None:
    (tmp / "post.sqlite").write_bytes(b"this is not a database at all" * 100)
    open_post(f"sqlite:///{tmp / 'post.sqlite'}")


def _other_program(tmp: Path) -> None:
    conn = sqlite3.connect(tmp / "other.sqlite")
    conn.execute("CREATE TABLE things (id INTEGER)")
    conn.commit()
    conn.close()
    open_post(f"sqlite:///{tmp / 'other.sqlite'}")


def _newer(tmp: Path) -> None:
    db = Database(f"sqlite:///{tmp / 'post.sqlite'}")
    migrate.upgrade(db)
    with db.connect(begin=True) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()


def _read_only(tmp: Path) -> None:
    path = tmp / "post.sqlite"
    writable = open_signed_on(f"sqlite:///{path}")
    post = open_post(f"sqlite:///file:{path}?mode=ro&uri=true", upgrade=False)
    post.shift.actor = writable.shift.actor
    try:
        post.incidents.create(IncidentDraft("Cannot be stored"))
    finally:
        post.close()
        writable.close()


def _locked(tmp: Path) -> None:
    raise explain(sqlite3.OperationalError("database is locked"))


FAULTS: list[tuple[Callable[[Path], None], str]] = [
    (_missing, "does not exist"),
    (_damaged, "damaged"),
    (_other_program, "not an Ops Console database"),
    (_newer, "newer Ops Console"),
    (_read_only, "read-only"),
    (_locked, "locked by another program"),
]


@pytest.mark.parametrize("fault, english", FAULTS, ids=[f.__name__.strip("_") for f, _ in FAULTS])
def test_a_database_fault_reads_in_chinese(fault, english, tmp_path, qapp):
    with pytest.raises(DatabaseUnavailable) as caught:
        fault(tmp_path)
    assert english in str(caught.value) and english in caught.value.english
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        words = str(caught.value)
    finally:
        remove_translators(qapp, translators)
    data = (str(tmp_path), migrate.head_revision() or "", "9999_future")  # paths and schema names are data
    for name in data:
        words = words.replace(name, "")
    assert not english_words(words, ALLOWED), words
    assert english in caught.value.english  # the log's words do not follow the reader


def test_a_full_disk_is_recognised_on_a_chinese_console(qapp):
    full = explain(sqlite3.OperationalError("database or disk is full"))
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert "磁盘已满" in str(full) and is_disk_full(full)
    finally:
        remove_translators(qapp, translators)
