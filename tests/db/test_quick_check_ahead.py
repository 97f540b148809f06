"""A SQLite post's quick check starts at launch on a thread of its own (ops_console/db/
quick_check_ahead.py, started by the CLI) and the open takes its rows instead of reading
every page again; a check that could not run leaves the open to check, with its words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers.posts import open_signed_on, sqlite_url
from ops_console.db import integrity, quick_check_ahead
from ops_console.db.engine import Database
from ops_console.errors import DatabaseUnavailable
from ops_console.post import open_post


@pytest.fixture(autouse=True)
def _nothing_left_ahead():
    yield
    quick_check_ahead.drop_all()


def _refuse_to_read(db: Database, monkeypatch) -> None:
    def connect():  # the check's own read: not made when the rows came from ahead
        raise AssertionError("the quick check read the file again")

    monkeypatch.setattr(db, "connect", connect)


def test_the_open_takes_the_rows_checked_ahead_once(tmp_path: Path, monkeypatch):
    path = tmp_path / "post.sqlite"
    open_signed_on(sqlite_url(path)).close()
    quick_check_ahead.start(path)
    db = Database(sqlite_url(path))
    try:
        _refuse_to_read(db, monkeypatch)
        integrity.quick_check(db)  # "ok", from the thread started ahead
        with pytest.raises(AssertionError, match="read the file again"):
            integrity.quick_check(db)  # nothing left ahead: it reads the file itself
    finally:
        monkeypatch.undo()
        db.dispose()


def _damage_a_middle_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, words TEXT)")
    conn.executemany("INSERT INTO filler (words) VALUES (?)", [("x" * 200,) for _ in range(2000)])
    conn.commit()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    pages = path.stat().st_size // page_size
    with path.open("r+b") as f:  # the first free block of a filler page, out of range:
        f.seek(page_size * (pages - 5) + 1)  # SQLite reads the file, its quick check says
        f.write(b"\x0f\xff")  # "Page N: free space corruption"


def test_damage_found_ahead_is_named_at_open_before_anything_is_written(tmp_path: Path, monkeypatch):
    path = tmp_path / "post.sqlite"
    open_signed_on(sqlite_url(path)).close()
    _damage_a_middle_page(path)
    size = path.stat().st_size
    quick_check_ahead.start(path)

    def connect(self):  # the open never reaches the file: the rows ahead named the damage
        raise AssertionError("the open read the file after the check ahead found damage")

    monkeypatch.setattr(Database, "connect", connect)
    with pytest.raises(DatabaseUnavailable, match="damaged") as refused:
        open_post(sqlite_url(path))
    assert "free space corruption" in str(refused.value)  # SQLite's own words, from ahead
    assert path.stat().st_size == size


def test_a_file_the_check_ahead_cannot_read_is_checked_at_open_with_its_words(tmp_path: Path):
    path = tmp_path / "post.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    quick_check_ahead.start(path)
    assert quick_check_ahead.take(path) is None  # it could not run: nothing handed over
    quick_check_ahead.start(path)
    with pytest.raises(DatabaseUnavailable, match="damaged"):
        open_post(sqlite_url(path))
