"""Who can sign on, read before the post is open: the sign-on dialog's list at start-up.

The dialog must show within half a second of launch, before SQLAlchemy, the models and the
services are imported (they take over a second on a slow machine). So its list is read
here with nothing heavier than ``sqlite3``: the same query the operator service runs
(active operators by name), on a read-only connection that waits for no lock. A
PostgreSQL post is not asked (its driver alone takes a quarter of a second to import, and
the server may be slow to answer): the list its workstation saw the last time the post
was open is kept in a small private file and shown instead.

Either way the list is only a preview. When the post has opened, the dialog takes the
operator service's own list (``OperatorService.list_active``) and the PIN check goes
through that service; a name shown here that is gone by then is simply not offered.
``None`` means "not known yet" (a database that is missing, locked, damaged or of another
shape, a server never seen): the dialog says it is opening the post and fills its list
when the post is open, or the opening's error is shown in words.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from ops_console.domain import Role

log = logging.getLogger(__name__)

QUERY = "SELECT name, callsign, role FROM operators WHERE active ORDER BY name"
CACHE_FOLDER = "roster"


@dataclass(frozen=True)
class RosterEntry:
    """One line of the sign-on dialog's list (the fields of ``OperatorView`` it shows)."""

    name: str
    callsign: str
    role: Role


def sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite URL (``sqlite:///relative``, ``sqlite:////absolute``,
    with or without ``+pysqlite``), without SQLAlchemy's parser; None for other engines,
    in-memory databases and SQLite URI forms (those are left to the real open)."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+", 1)[0] != "sqlite" or not rest.startswith("/"):
        return None
    path = unquote(rest[1:].split("?", 1)[0])
    if path in ("", ":memory:") or path.startswith("file:"):
        return None
    return Path(path)


def read_roster(url: str, cache_dir: Path | None = None) -> list[RosterEntry] | None:
    """The active operators by name, or None when that cannot be known quickly.

    An empty list means the post exists and has nobody on its roster yet (a brand-new post,
    or a demo that is still to be made)."""
    path = sqlite_file(url)
    if path is not None:
        return _from_sqlite(path)
    if cache_dir is not None and url.partition("://")[0].split("+", 1)[0] in ("postgresql", "postgres"):
        return _from_cache(cache_dir, url)
    return None


def read_pin_hash(url: str, name: str) -> str | None:
    """The stored PIN hash of the active operator ``name`` of a SQLite post, read the same
    way as the list (no SQLAlchemy, no lock waited for), or None when it cannot be known
    quickly. Only for starting the PIN check early (``pins.check_pin_ahead``): the sign-on
    itself reads the hash again through the operator service and decides."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=0)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT pin_hash FROM operators WHERE name = ? AND active", (name,)).fetchone()
    except sqlite3.Error as exc:  # no such table yet, locked, damaged: the real sign-on says so
        log.debug("PIN check ahead: cannot read %s: %s", path, exc)
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def missing_file(url: str) -> bool:
    """True when ``url`` names a SQLite file that does not exist yet (a first start)."""
    path = sqlite_file(url)
    return path is not None and not path.exists()


def _from_sqlite(path: Path) -> list[RosterEntry] | None:
    if not path.is_file():
        return None
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=0)  # a locked file: the real open says so
    except sqlite3.Error as exc:
        log.debug("roster preview: cannot open %s: %s", path, exc)
        return None
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'operators'"
        ).fetchone()
        if not has_table:
            return []  # an empty file, or one made but never upgraded: nobody on it yet
        return _entries(conn.execute(QUERY).fetchall())
    except (sqlite3.Error, ValueError) as exc:  # locked, damaged, another shape, a role unknown here
        log.debug("roster preview: cannot read %s: %s", path, exc)
        return None
    finally:
        conn.close()


def _entries(rows: Iterable[tuple[str, str | None, str]]) -> list[RosterEntry]:
    return [RosterEntry(str(name), str(callsign or ""), Role(role)) for name, callsign, role in rows]


def _cache_file(cache_dir: Path, url: str) -> Path:
    """One file per server and database, named by a hash of the URL without its password."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    try:
        port = parts.port
    except ValueError:
        port = None
    key = f"{parts.scheme}://{netloc}:{port or ''}{parts.path}"
    return cache_dir / CACHE_FOLDER / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"


def _from_cache(cache_dir: Path, url: str) -> list[RosterEntry] | None:
    try:
        rows = json.loads(_cache_file(cache_dir, url).read_text(encoding="utf-8"))
        return _entries((row["name"], row["callsign"], row["role"]) for row in rows)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:  # damaged or from another version
        log.debug("roster preview: cache unreadable: %s", exc)
        return None


def remember(cache_dir: Path, url: str, entries: Iterable[RosterEntry]) -> None:
    """Keep the list a PostgreSQL post gave, for the next start's dialog (SQLite files are
    read directly, so nothing is kept for them). Names and roles only, in a private file;
    a failure to write is only logged: the next dialog then waits for the post."""
    if sqlite_file(url) is not None or url.startswith("sqlite"):
        return
    from ops_console.private_files import open_private, private_dir

    target = _cache_file(cache_dir, url)
    rows = [{"name": e.name, "callsign": e.callsign, "role": e.role.value} for e in entries]
    try:
        private_dir(target.parent)
        with open_private(target, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, ensure_ascii=False)
    except OSError as exc:
        log.warning("cannot keep the roster for the next sign-on at %s: %s", target, exc)
