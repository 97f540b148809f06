"""Play someone who edits a post's database behind the program's back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

from ops_console.db.engine import Database


@contextmanager
def tampering(db: Database) -> Iterator[Session]:
    """A write session in which audit rows can be changed: on PostgreSQL the table's owner
    disables the append-only triggers first (the application never does), on SQLite
    nothing stands in the way of a person with the file."""
    with db.write() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
        yield session
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))
