"""Files and folders the console creates are the user's alone: 0600 files, 0700 folders.

A post's database, backups, spool, exports, logs and config hold names, PIN hashes,
locations and the audit key, so nothing the console creates may be readable by other
accounts on the machine, whatever the umask says. Every place that creates such a file
goes through this module: modes are set explicitly after creation, because the mode
given to ``mkdir``/``open`` is filtered by the umask.

Folders the console did not create (a ``--db`` on a shared path, an export into the
user's Documents) keep their mode; only the files in them are made private.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
DIR_MODE = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_dir(path: Path, *, own: bool = False) -> Path:
    """Create ``path`` (and missing parents) as 0700 folders. With ``own`` the folder is
    one of the console's own (data, log, config dir) and is made 0700 even if it exists."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # created meanwhile by another process: tightened below if ours
        os.chmod(folder, DIR_MODE)
    if own and path.is_dir():
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 if it does not exist; make it 0600 if it does
    and belongs to this user (another account's file is left as its owner set it)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        _tighten(path)
        return path
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def _tighten(path: Path) -> None:
    """0600 for an existing regular file of ours; anything else is left for the caller's
    own open to explain (a folder, another account's file, a read-only disk)."""
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    except OSError:
        pass


def open_private(path: Path, mode: str = "w", **kwargs: Any) -> IO[Any]:
    """``open()`` for a file only the user may read: created 0600, truncated for "w",
    appended to for "a" (an existing file is made 0600 too)."""
    if not mode.startswith(("w", "a", "x")):
        raise ValueError("open_private is for writing; read with open()")
    flags = os.O_WRONLY | os.O_CREAT
    if mode.startswith("w"):
        flags |= os.O_TRUNC
    elif mode.startswith("a"):
        flags |= os.O_APPEND
    else:
        flags |= os.O_EXCL
    fd = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically (temp file + rename) as a 0600 file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open_private(tmp, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def private_sqlite_file(path: Path) -> Path:
    """Prepare a SQLite file before SQLite opens it: 0600 (SQLite gives its -wal, -shm and
    journal files the mode of the database file), and any side files already there too."""
    path = Path(path)
    private_file(path)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            _tighten(side)
    return path
