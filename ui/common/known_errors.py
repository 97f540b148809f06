"""The errors a person is meant to read (shown as messages), as opposed to bugs (crash dialog).

DatabaseUnavailable comes from the db layer and is not an OpsError, so UI code that
catches "what the services say on purpose" catches this tuple.
"""
from ops_console.errors import DatabaseUnavailable, OpsError

KNOWN_ERRORS: tuple[type[Exception], ...] = (OpsError, DatabaseUnavailable)
