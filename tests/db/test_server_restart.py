"""PostgreSQL drops every connection (a server restart): the next action just works."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from helpers.pg import scratch_database
from helpers.posts import open_signed_on, pg_url
from ops_console.services.incidents import IncidentDraft

pytestmark = pytest.mark.pg


def _drop_connections(url: str) -> int:
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :db AND pid <> pg_backend_pid()"
            ),
            {"db": make_url(url).database},
        ).scalar()
    admin.dispose()
    return killed


def test_connections_dropped_mid_session_are_replaced():
    server = pg_url()
    if server is None:
        pytest.skip("needs OPS_CONSOLE_TEST_PG")
    with scratch_database(server) as url:
        post = open_signed_on(url)
        post.incidents.create(IncidentDraft("Before the restart"))
        assert _drop_connections(url) >= 1
        post.incidents.create(IncidentDraft("After the restart"))
        assert {i.title for i in post.incidents.list()} == {"Before the restart", "After the restart"}
        post.close()
