"""Database faults the environment causes, turned into words an operator understands.

These are "known errors" (qutebrowser's distinction): a locked, read-only, corrupt or
missing database is not a bug in Ops Console, so the program says what happened and
exits or retries instead of showing a traceback.
"""

from __future__ import annotations

import sys

from ops_console.known_error import OpsError
from ops_console.said import N_, said


class DatabaseUnavailable(OpsError):
    """The database cannot be used right now; ``str()`` is a sentence for a person."""

    exit_code = 3


class DatabaseTooNew(DatabaseUnavailable):
    """The schema was written by a newer Ops Console than this one."""

    exit_code = 4


class DatabaseMissing(DatabaseUnavailable):
    """A database file named explicitly does not exist."""

    exit_code = 5


_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "database is locked",
        N_("The database is locked by another program. Close it or try again in a moment."),
    ),
    (
        "readonly database",
        N_("The database file is read-only. Check its permissions or choose another file with --db."),
    ),
    (
        "attempt to write a readonly",
        N_("The database file is read-only. Check its permissions or choose another file with --db."),
    ),
    (
        "file is not a database",
        N_(
            "The database file is damaged or is not an Ops Console database. Restore a backup (ops-console db backup makes one)."
        ),
    ),
    (
        "database disk image is malformed",
        N_("The database file is damaged. Restore a backup (ops-console db backup makes one)."),
    ),
    (
        "unable to open database file",
        N_("The database file cannot be opened: its folder does not exist or is not accessible."),
    ),
    ("disk is full", N_("The disk is full: nothing more can be stored until space is freed.")),
    (
        "connection refused",
        N_("The database server refuses connections. Is PostgreSQL running at that address?"),
    ),
    ("could not connect", N_("The database server cannot be reached.")),
    ("password authentication failed", N_("The database server rejected the user name or password.")),
    ("does not exist", N_("The database named in the address does not exist on the server.")),
)


def explain(exc: BaseException) -> DatabaseUnavailable:
    """Translate a driver error into a DatabaseUnavailable with a clear sentence."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needle, words in _PATTERNS:
        if needle in text:
            return DatabaseUnavailable(said(words))
    first_line = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0:1]
    return DatabaseUnavailable(
        said(N_("The database reported an error: {why}"), why=first_line[0] if first_line else repr(exc))
    )


def is_environment_fault(exc: BaseException) -> bool:
    """True when a database error comes from the surroundings (lock, file, server),
    False when it points at our own code (constraint violated, bad SQL).

    SQLAlchemy is looked up, not imported: the sign-on dialog's words come from this module
    before SQLAlchemy loads (ui/launch.py), and without it loaded no error can be one of its."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None:
        return False
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    our_bugs = (sa_exc.IntegrityError, sa_exc.ProgrammingError, sa_exc.DataError, sa_exc.NotSupportedError)
    return isinstance(exc, sa_exc.DatabaseError) and not isinstance(exc, our_bugs)


DISK_FULL_MARGIN = 1 << 20
"""Bytes free below which an I/O error on a file counts as a full disk: SQLite reports
ENOSPC while growing its WAL or shared-memory file as a plain "disk I/O error"."""


def is_disk_full(exc: BaseException, path: object = None) -> bool:
    """True when ``exc`` means "no space left": ENOSPC, SQLite's SQLITE_FULL, or an I/O
    error while the disk holding ``path`` has (almost) no room left."""
    import errno
    import shutil
    from pathlib import Path

    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:  # the driver error may be wrapped
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = (exc.english if isinstance(exc, OpsError) else str(exc)).lower()  # not the reader's words
        if (
            "disk is full" in text
            or "no space left" in text
            or getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL"
        ):
            return True
        if (
            "disk i/o error" in text or getattr(exc, "sqlite_errorname", "").startswith("SQLITE_IOERR")
        ) and path:
            try:
                probe = Path(str(path))
                while not probe.exists() and probe != probe.parent:
                    probe = probe.parent
                return shutil.disk_usage(probe).free < DISK_FULL_MARGIN
            except OSError:
                return False
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False
