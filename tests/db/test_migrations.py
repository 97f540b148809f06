"""Schema migrations on real databases: from empty, one step down, and refusing newer."""

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from ops_console.db import migrate
from ops_console.db.engine import Database
from ops_console.errors import DatabaseTooNew

FOUNDATION_TABLES = {
    "operators",
    "teams",
    "team_members",
    "incidents",
    "tasks",
    "audit_entries",
    "audit_head",
}


def test_upgrade_from_empty_creates_every_table(any_db_url):
    db = Database(any_db_url)
    assert migrate.current_revision(db) is None
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.head_revision()
    assert FOUNDATION_TABLES <= set(inspect(db.engine).get_table_names())
    db.dispose()


def _schema(db: Database) -> set[str]:
    """Tables, their columns and their indexes by name: what a migration adds or takes away."""
    found = inspect(db.engine)
    names = set(found.get_table_names())
    columns = {f"{table}.{column['name']}" for table in names for column in found.get_columns(table)}
    return names | columns | {f"{table}.{ix['name']}" for table in names for ix in found.get_indexes(table)}


def test_downgrade_one_step_and_back(any_db_url):
    db = Database(any_db_url)
    migrate.upgrade(db)
    full = _schema(db)
    previous = (
        ScriptDirectory.from_config(migrate._config()).get_revision(migrate.head_revision()).down_revision
    )
    migrate.downgrade(db, "-1")
    assert migrate.current_revision(db) == previous
    assert _schema(db) < full
    migrate.upgrade(db)
    assert _schema(db) == full
    db.dispose()


def test_every_revision_downgrades_to_empty(any_db_url):
    db = Database(any_db_url)
    migrate.upgrade(db)
    migrate.downgrade(db, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    db.dispose()


def test_database_from_a_newer_program_is_refused_with_words(any_db_url):
    db = Database(any_db_url)
    migrate.upgrade(db)
    with db.connect(begin=True) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseTooNew, match="newer Ops Console"):
        migrate.upgrade(db)
    db.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(db_url):
    db = Database(db_url)
    migrate.upgrade(db)
    with db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    db.dispose()


def test_migrations_match_the_models(any_db_url):
    """A model changed without a migration (or the reverse) shows up here, not in the field."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ops_console.db.schema import Base

    db = Database(any_db_url)
    migrate.upgrade(db)
    with db.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False, "render_as_batch": True})
        diff = compare_metadata(context, Base.metadata)
    db.dispose()
    assert diff == []


def test_fast_head_lookup_agrees_with_alembic():
    from ops_console.db.migrate import _config

    assert migrate.head_revision() == ScriptDirectory.from_config(_config()).get_current_head()
