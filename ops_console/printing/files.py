"""Writing a report file whole or not at all: a temp file beside the target, renamed over it.

A disk that fills while a 2,000-page PDF is written, a size limit, a cancel: the partial
temp file is removed and the error says in words what happened and that nothing was saved.
The file is created 0600 (reports name people and places: ops_console/private_files.py).
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ops_console.errors import OpsError
from ops_console.private_files import open_private
from ops_console.said import N_, said

log = logging.getLogger(__name__)

_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


class WriteFailed(OpsError):
    """A report file could not be written; the partial file was removed."""


def _words(path: Path, exc: OSError) -> str:
    """Why ``path`` was not written, as a stored sentence (ops_console/said.py): the report
    dialog reads it in the reader's language."""
    if exc.errno in _FULL:
        return said(
            N_(
                "Could not write {path}: the disk is full (or the file is larger than this system "
                "allows). Nothing was saved; free some space or choose another place."
            ),
            path=str(path),
        )
    return said(
        N_("Could not write {path}: {why}. Nothing was saved."), path=str(path), why=exc.strerror or str(exc)
    )


def temp_path(path: Path) -> Path:
    """Where ``path`` is written before it is renamed (same folder, so the rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.part")


@contextmanager
def atomic_file(path: Path | str, mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temp file for ``path``; on a clean exit it is synced and renamed onto ``path``,
    on any exception removed (an OSError becomes a :class:`WriteFailed` in words)."""
    path = Path(path)
    tmp = temp_path(path)
    try:
        with open_private(tmp, mode, **kwargs) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        log.warning("report %s not written: %s", path, exc)
        raise WriteFailed(_words(path, exc)) from exc
    except BaseException:
        _remove(tmp)
        raise


def write_bytes(path: Path | str, data: bytes, check: Any = None, chunk: int = 1 << 20) -> None:
    """Write ``data`` to ``path`` atomically, a chunk at a time (``check()`` between chunks
    may raise to cancel)."""
    view = memoryview(data)
    with atomic_file(path, "wb") as out:
        for start in range(0, len(view), chunk):
            if check is not None:
                check()
            out.write(view[start : start + chunk])


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError as exc:  # the partial file stays: say where, a person can delete it
        log.error("could not remove the partial file %s: %s", tmp, exc)
