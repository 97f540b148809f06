"""Schema upgrades with Alembic, run by the program itself at start.

The console upgrades an older database and refuses one written by a newer release
(its revision is unknown here) with a sentence instead of damaging it.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .engine import Database
from .errors import DatabaseTooNew

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection=None) -> Config:  # type: ignore[no-untyped-def]
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest schema revision this program knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(db: Database) -> str | None:
    """The schema revision stored in the database, None for an empty database."""
    with db.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(db: Database) -> None:
    """Raise DatabaseTooNew when the database has a revision this program does not know."""
    current = current_revision(db)
    if current is None:
        return
    script = ScriptDirectory.from_config(_config())
    try:
        script.get_revision(current)
    except Exception as exc:  # alembic raises several kinds for an unknown id
        raise DatabaseTooNew(
            f"This database was written by a newer Ops Console (schema {current}); "
            f"this program knows schema {head_revision()} at most. Install the newer "
            "release, or open a backup made before the upgrade."
        ) from exc


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default)."""
    check_not_newer(db)
    with db.connect(begin=True) as conn:
        command.upgrade(_config(conn), revision)


def downgrade(db: Database, revision: str) -> None:
    """Step the schema back (for tests and for undoing a bad upgrade)."""
    with db.connect(begin=True) as conn:
        command.downgrade(_config(conn), revision)
