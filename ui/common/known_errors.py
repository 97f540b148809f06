"""The errors a person is meant to read (shown as messages), as opposed to bugs (crash dialog).

One definition: every such error is an OpsError (ops_console/known_error.py), database
faults included. The tuple form is kept for ``except KNOWN_ERRORS`` and ``isinstance``.
"""

from ops_console.known_error import OpsError

KNOWN_ERRORS: tuple[type[Exception], ...] = (OpsError,)
