"""A post moves between engines with every row and its audit chain intact."""

import pytest

from helpers.cli import run_cli
from helpers.pg import scratch_database
from helpers.posts import pg_url, sqlite_url
from ops_console.db.copy import copy_post
from ops_console.db.engine import Database
from ops_console.demo import build_demo_post
from ops_console.errors import DatabaseUnavailable
from ops_console.post import open_post
from ops_console.services import audit, export
from ops_console.services.tasks import TaskDraft


def _demo(url):
    post = open_post(url)
    build_demo_post(post)
    return post


def test_copy_sqlite_to_sqlite_keeps_everything(tmp_path):
    source = _demo(sqlite_url(tmp_path / "a.sqlite"))
    target = Database(sqlite_url(tmp_path / "b.sqlite"))
    counts = copy_post(source.db, target)
    assert counts["tasks"] == 60 and counts["incidents"] == 25 and counts["team_members"] == 40
    assert audit.verify(target).ok
    assert list(export.rows(target, "tasks")) == list(export.rows(source.db, "tasks"))
    with pytest.raises(DatabaseUnavailable, match="already holds a post"):
        copy_post(source.db, target)


@pytest.mark.pg
def test_copy_sqlite_to_postgres_and_back(tmp_path):
    server = pg_url()
    if server is None:
        pytest.skip("needs OPS_CONSOLE_TEST_PG")
    source = _demo(sqlite_url(tmp_path / "a.sqlite"))
    with scratch_database(server) as pg:
        result = run_cli(tmp_path, "db", "copy", source.db.url, pg)
        assert result.returncode == 0, result.stderr
        assert "audit on the copy: OK" in result.stdout
        copied = open_post(pg)
        copied.operators.sign_on("Chen Jing", "1234")
        new_task = copied.tasks.create(TaskDraft("Made after the move"))  # sequences moved past copied ids
        assert new_task.id == 61
        back = Database(sqlite_url(tmp_path / "back.sqlite"))
        copy_post(copied.db, back)
        assert audit.verify(back).ok
        copied.close()
