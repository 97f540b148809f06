"""A row committed after a newer one still reaches the comms and activity logs.

On PostgreSQL an id is taken when a row is inserted, not when its transaction commits:
two workstations (or two radios) writing at once can commit in the other order, so the
smaller id becomes visible after the log already read past it. The logs looked only
above the newest id they knew, and such a message never showed until the filter changed.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from helpers.pg import scratch_database
from helpers.posts import open_signed_on, pg_url
from ops_console.db.radio_models import RadioMessage
from ops_console.ui.radio.model import CommsLogModel


def _heard(number: int, **fixed: object) -> RadioMessage:
    return RadioMessage(
        direction="in",
        kind="text",
        station="RESCUE1",
        number=number,
        sender="RESCUE1",
        recipient="OPS",
        body=f"Field report {number}",
        status="received",
        at=datetime.now(UTC),
        **fixed,
    )


def _loaded(post, qtbot) -> CommsLogModel:  # type: ignore[no-untyped-def]
    model = CommsLogModel(post)
    with qtbot.waitSignal(model.page_loaded):
        model.reload()
    return model


def _bodies(model: CommsLogModel) -> list[str]:
    return [model.message_at(r).body for r in range(model.rowCount())]


def test_a_message_committed_late_goes_in_at_its_place(any_post, qtbot) -> None:
    """The order of commits is forced with explicit ids, so this runs on both engines."""
    post = any_post
    with post.db.write() as s:
        s.add_all([_heard(n) for n in (1, 2, 3)])
    model = _loaded(post, qtbot)
    with post.db.read() as s:
        top = max(m.id for m in s.query(RadioMessage))
    with post.db.write() as s:
        s.add(_heard(5, id=top + 2))
    assert model.fetch_newer() == 1
    with post.db.write() as s:
        s.add(_heard(4, id=top + 1))  # its transaction took the smaller id and ended later
    assert model.fetch_newer() == 1
    assert _bodies(model) == [f"Field report {n}" for n in (5, 4, 3, 2, 1)]
    assert model.fetch_newer() == 0, "a late row is inserted once"


@pytest.fixture
def pg_post():  # type: ignore[no-untyped-def]
    """A post on PostgreSQL only: SQLite has one writer at a time, its ids come in commit order."""
    server = pg_url()
    if server is None:
        pytest.skip("PostgreSQL tests need OPS_CONSOLE_TEST_PG")
    with scratch_database(server) as url:
        post = open_signed_on(url)
        yield post
        post.close()


@pytest.mark.pg
def test_two_workstations_commit_in_the_other_order(pg_post, qtbot) -> None:
    """Real transactions on PostgreSQL: the first takes its id, the second commits first."""
    post = pg_post
    model = _loaded(post, qtbot)
    with Session(post.db.engine) as first, Session(post.db.engine) as second:
        first.add(_heard(1))
        first.flush()  # the id is taken now; the commit comes later
        second.add(_heard(2))
        second.commit()
        assert model.fetch_newer() == 1
        first.commit()
    assert model.fetch_newer() == 1
    assert _bodies(model) == ["Field report 2", "Field report 1"]
