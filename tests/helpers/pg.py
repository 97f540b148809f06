"""Throw-away PostgreSQL databases on the server named by OPS_CONSOLE_TEST_PG.

Each test gets a database of its own (created from the server's admin connection and
dropped afterwards), so tests never see each other's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ops_console.db.engine import PgTimeouts

SHORT_TIMEOUTS = PgTimeouts(
    connect=2,
    statement=1.5,
    lock=1.0,
    idle_in_transaction=2.0,
    answer=2.5,
    keepalive_idle=2,
    keepalive_interval=1,
    keepalive_count=2,
)
"""Seconds, not the product's tens: a test that cuts the cable need not wait long to see it noticed."""


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """Create an empty database next to ``server_url``'s and yield its URL."""
    base = make_url(server_url)
    name = f"ops_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
