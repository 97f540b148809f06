"""Alembic environment: always driven from code (db/migrate.py), never from an alembic.ini.

``render_as_batch`` lets SQLite alter tables by copying them, so one set of revisions
runs on SQLite and PostgreSQL alike.
"""

from alembic import context

from ops_console.db.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
