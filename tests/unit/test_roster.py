"""The sign-on dialog's roster read before the post is open (ops_console/roster.py): the
same list as the operator service on a real SQLite file, kept for a PostgreSQL post, and
"not known yet" (None) for every file it cannot read quickly, never an exception."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.pg import scratch_database
from helpers.posts import open_signed_on, pg_url, sqlite_url
from ops_console import roster
from ops_console.db.engine import sqlite_path
from ops_console.domain import Role
from ops_console.services.audit import SYSTEM


def _service_list(post) -> list[roster.RosterEntry]:
    return [roster.RosterEntry(o.name, o.callsign, o.role) for o in post.operators.list_active()]


def test_a_sqlite_post_gives_the_services_list_in_its_order(post, db_url):
    post.operators.create("Aaron Early", Role.RADIO, "4321", callsign="AE-1", by=SYSTEM)
    gone = post.operators.create("Zed Gone", Role.VIEWER, "4321", by=SYSTEM)
    from ops_console.db.models import Operator

    with post.db.write() as s:
        s.get(Operator, gone).active = False  # an inactive operator is not offered
    preview = roster.read_roster(db_url)
    assert preview == _service_list(post)
    assert [e.name for e in preview][:1] == ["Aaron Early"] and "Zed Gone" not in {e.name for e in preview}
    assert next(e for e in preview if e.name == "Aaron Early").callsign == "AE-1"


def test_while_a_writer_holds_the_post_the_preview_still_reads_it(post, db_url):
    """WAL: a transaction writing elsewhere does not keep the dialog's list back."""
    with post.db.write() as s:
        from ops_console.db.models import Team

        s.add(Team(name="Canal Watch"))
        s.flush()
        seen: list[object] = []
        reader = threading.Thread(target=lambda: seen.append(roster.read_roster(db_url)))
        reader.start()
        reader.join(10)
    assert seen and seen[0] == _service_list(post)


def test_files_it_cannot_read_are_not_known_yet(tmp_path: Path):
    missing = tmp_path / "nothing.sqlite"
    assert roster.read_roster(sqlite_url(missing)) is None and roster.missing_file(sqlite_url(missing))
    assert not missing.exists()  # a preview never creates the file
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database " * 400)
    assert roster.read_roster(sqlite_url(garbage)) is None
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:  # another program's table called operators
        conn.execute("CREATE TABLE operators (id INTEGER PRIMARY KEY, label TEXT)")
    assert roster.read_roster(sqlite_url(other)) is None
    strange = tmp_path / "strange.sqlite"
    with sqlite3.connect(strange) as conn:  # a role this program does not know
        conn.execute("CREATE TABLE operators (name TEXT, callsign TEXT, role TEXT, active BOOLEAN)")
        conn.execute("INSERT INTO operators VALUES ('X', '', 'wizard', 1)")
    assert roster.read_roster(sqlite_url(strange)) is None
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    assert roster.read_roster(sqlite_url(empty)) == []  # exists, nobody on it: a first start


def test_a_locked_file_is_not_waited_for(tmp_path: Path):
    """A rollback-journal file under another program's exclusive lock: None at once (the
    real open then says in words that it is locked)."""
    path = tmp_path / "locked.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE operators (name TEXT, callsign TEXT, role TEXT, active BOOLEAN)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert roster.read_roster(sqlite_url(path)) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert roster.read_roster(sqlite_url(path)) == []


def test_other_urls_are_left_to_the_real_open(tmp_path: Path):
    assert roster.read_roster("sqlite://") is None
    assert roster.read_roster("sqlite:///:memory:") is None
    assert roster.read_roster(f"sqlite:///file:{tmp_path}/x.sqlite?mode=ro&uri=true") is None
    assert roster.read_roster("postgresql+psycopg://ops@db.example/post") is None  # no cache dir given
    assert roster.read_roster("mysql://ops@db.example/post", cache_dir=tmp_path) is None


@pytest.mark.pg
def test_a_postgresql_posts_list_is_kept_for_the_next_start(tmp_path: Path):
    server = pg_url()
    if server is None:
        pytest.skip("PostgreSQL tests need OPS_CONSOLE_TEST_PG")
    with scratch_database(server) as pg:
        post = open_signed_on(pg)
        try:
            listed = _service_list(post)
        finally:
            post.close()
    url = pg.replace("postgres@", "postgres:not-kept@", 1)
    assert roster.read_roster(url, cache_dir=tmp_path) is None  # never seen: not known yet
    roster.remember(tmp_path, url, listed)
    assert roster.read_roster(url, cache_dir=tmp_path) == listed and len(listed) == len(Role)
    assert roster.read_roster(pg, cache_dir=tmp_path) == listed  # the same server and database
    kept = list((tmp_path / roster.CACHE_FOLDER).iterdir())
    assert len(kept) == 1 and (kept[0].stat().st_mode & 0o077) == 0  # the user's alone
    assert "not-kept" not in kept[0].read_text(encoding="utf-8")
    other_db = pg.rsplit("/", 1)[0] + "/another"
    assert roster.read_roster(other_db, cache_dir=tmp_path) is None
    kept[0].write_text("{damaged", encoding="utf-8")
    assert roster.read_roster(url, cache_dir=tmp_path) is None


def test_a_sqlite_post_keeps_nothing(tmp_path: Path, db_url):
    roster.remember(tmp_path, db_url, [roster.RosterEntry("A", "", Role.ADMIN)])
    assert not (tmp_path / roster.CACHE_FOLDER).exists()


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///post.sqlite",
        "sqlite:////var/lib/ops/post.sqlite",
        "sqlite+pysqlite:////tmp/a b/post.sqlite",
        "sqlite:////tmp/post.sqlite?timeout=5",
        "sqlite:///%7E/post.sqlite",
    ],
)
def test_the_file_is_the_one_sqlalchemy_opens(url):
    assert roster.sqlite_file(url) == sqlite_path(url)


@given(st.text(max_size=80))
def test_any_text_as_a_url_gives_a_path_or_none(text):
    for url in (text, "sqlite:///" + text, "sqlite:" + text, "postgresql://" + text):
        result = roster.sqlite_file(url)
        assert result is None or isinstance(result, Path)
