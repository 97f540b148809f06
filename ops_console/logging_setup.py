"""Logging to a rotating file in the user log dir and to stderr.

The file is what the crash dialog points people at, so it is set up before anything
else can fail; if the log dir is not writable the program still runs, logging to stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from ops_console.config import log_dir
from ops_console.private_files import open_private, private_dir

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_BYTES, BACKUPS = 2_000_000, 5
TOLD = "told_on_stderr"  # ``extra={TOLD: True}``: the person read it on stderr in their language


def _not_told(record: logging.LogRecord) -> bool:
    """A log line the command line has already said to the person, in their language
    (ops_console/cli.py ``tell``), goes to the file in English but not twice onto stderr."""
    return not getattr(record, TOLD, False)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, also the one started after a rotation, is created 0600: logs name
    operators, stations and places."""

    def _open(self):  # type: ignore[no-untyped-def]
        return open_private(self.baseFilename, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(level: str = "INFO", *, to_file: bool = True) -> Path | None:
    """Configure the root logger; returns the log file's path (None if it could not be opened)."""
    root = logging.getLogger()
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        if getattr(handler, "_ops_console", False):
            root.removeHandler(handler)
    logging.getLogger("alembic").setLevel(max(root.level, logging.WARNING))
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(LOG_FORMAT))
    stderr._ops_console = True  # type: ignore[attr-defined]
    stderr.addFilter(_not_told)
    root.addHandler(stderr)
    if not to_file:
        return None
    path = log_dir() / "ops-console.log"
    try:
        private_dir(path.parent, own=True)
        handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning(
            "cannot write the log file %s (%s); logging to stderr only", path, exc
        )
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._ops_console = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
