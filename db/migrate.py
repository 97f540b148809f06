"""Schema upgrades with Alembic, run by the program itself at start.

The console upgrades an older database and refuses one written by a newer release
(its revision is unknown here) with a sentence instead of damaging it. Alembic is
imported only when there is something to do: at an ordinary start the stored revision
is compared with the newest one read straight from the revision files, which saves a
quarter of a second of start-up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from ops_console.said import N_, said

from .engine import Database
from .errors import DatabaseTooNew

MIGRATIONS = Path(__file__).with_name("migrations")
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([^'\"\n]*?)['\"]?\s*$", re.M)


def _config(connection: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def _known_revisions() -> tuple[frozenset[str], str | None]:
    """All revision ids in the versions folder and the single head (None if unclear)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "", "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    return frozenset(revisions), (next(iter(heads)) if len(heads) == 1 else None)


def head_revision() -> str:
    """The newest schema revision this program knows."""
    head = _known_revisions()[1]
    if head is None:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(db: Database) -> str | None:
    """The schema revision stored in the database, None for an empty database."""
    with db.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_not_newer(db: Database) -> None:
    """Raise DatabaseTooNew when the database has a revision this program does not know."""
    current = current_revision(db)
    if current is None or current in _known_revisions()[0]:
        return
    raise DatabaseTooNew(
        said(
            N_(
                "This database was written by a newer Ops Console (schema {current}); "
                "this program knows schema {head} at most. Install the newer "
                "release, or open a backup made before the upgrade."
            ),
            current=current,
            head=head_revision(),
        )
    )


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default); a no-op when it is there."""
    check_not_newer(db)
    if revision == "head" and current_revision(db) == head_revision():
        return
    from alembic import command

    with db.connect(begin=True) as conn:
        command.upgrade(_config(conn), revision)


def downgrade(db: Database, revision: str) -> None:
    """Step the schema back (for tests and for undoing a bad upgrade)."""
    from alembic import command

    with db.connect(begin=True) as conn:
        command.downgrade(_config(conn), revision)
