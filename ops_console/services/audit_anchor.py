"""What anchors the audit chain outside the database: the post's key and its checkpoints.

Someone who can write the database can recompute a plain hash chain after an edit, drop
its tail and fix the head row, or wipe it. Two things the database does not hold stop
that:

* **the post's audit key**, a random 32-byte HMAC key created when the post is set up
  (its first audit entry), kept in ``<config dir>/audit/<post id>.key`` (0600). Entries
  are keyed hashes, so nobody without the file can make an entry that verifies. The
  file also says which database it was made for and up to which entry the log was
  written before keys existed (older releases: plain SHA-256, still checked as such).
  Back it up with the post (``ops-console db backup`` writes a copy next to the backup);
  every workstation that writes to a shared post needs a copy.
* **checkpoints**: the entry count and head hash, appended to
  ``<config dir>/audit/<post id>.checkpoints`` (0600, only ever appended to) and printed
  as a short code for the paper log. A chain shorter than a checkpoint, or with another
  hash at a checkpoint's entry, was truncated, wiped or rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ops_console.clock import utc_now
from ops_console.config import config_file
from ops_console.private_files import open_private, private_dir, write_private
from ops_console.said import N_, said

KEY_ENV = "OPS_CONSOLE_AUDIT_DIR"  # another folder for keys and checkpoints (tests, a USB stick)
_cache: dict[str, PostKey] = {}
_lock = threading.Lock()


def anchor_dir() -> Path:
    override = os.environ.get(KEY_ENV)
    return Path(override) if override else config_file().parent / "audit"


@dataclass(frozen=True)
class PostKey:
    """One post's audit key, as stored in its key file."""

    post_id: str
    key: bytes
    legacy_until: int  # entries 1..legacy_until were written before the key existed
    database: str  # where the post was set up (a file path or user@host/db), for `audit verify`
    created_at: str

    @property
    def path(self) -> Path:
        return key_path(self.post_id)


def key_path(post_id: str) -> Path:
    return anchor_dir() / f"{post_id}.key"


def checkpoint_path(post_id: str) -> Path:
    return anchor_dir() / f"{post_id}.checkpoints"


def new_post_id() -> str:
    return str(uuid.uuid4())


def create_key(post_id: str, legacy_until: int, database: str) -> PostKey:
    """Make and store a new key for ``post_id`` (the folder is created 0700, the file 0600)."""
    key = PostKey(post_id, secrets.token_bytes(32), legacy_until, database, utc_now().isoformat())
    private_dir(anchor_dir(), own=True)
    write_private(
        key.path,
        json.dumps(
            {
                "post_id": post_id,
                "key": key.key.hex(),
                "legacy_until": legacy_until,
                "database": database,
                "created_at": key.created_at,
            },
            indent=1,
        )
        + "\n",
    )
    with _lock:
        _cache[post_id] = key
    return key


def load_key(post_id: str) -> PostKey | None:
    """The stored key of ``post_id``, or None when this workstation does not have it."""
    with _lock:
        if post_id in _cache and key_path(post_id).exists():
            return _cache[post_id]
    try:
        raw = json.loads(key_path(post_id).read_text(encoding="utf-8"))
        key = PostKey(
            str(raw["post_id"]),
            bytes.fromhex(raw["key"]),
            int(raw["legacy_until"]),
            str(raw.get("database", "")),
            str(raw.get("created_at", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if key.post_id != post_id:
        return None
    with _lock:
        _cache[post_id] = key
    return key


def keys_for_database(database: str) -> list[PostKey]:
    """Every key on this workstation that was made for ``database``."""
    folder = anchor_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.key")):
        key = load_key(path.stem)
        if key is not None and key.database == database:
            found.append(key)
    return found


@dataclass(frozen=True)
class Checkpoint:
    """The chain's length and head hash at one moment, as written to the paper log."""

    count: int
    head_hash: str
    at: str = ""

    def code(self, post_id: str) -> str:
        """A short code to copy into the paper log: count and 48 bits of a hash over the
        post, the count and the head hash, e.g. ``1234-9F3A-C21B-77D0``."""
        digest = hashlib.sha256(f"{post_id}:{self.count}:{self.head_hash}".encode()).hexdigest().upper()
        return f"{self.count}-{digest[0:4]}-{digest[4:8]}-{digest[8:12]}"


def append_checkpoint(post_id: str, count: int, head_hash: str, at: datetime | None = None) -> Checkpoint:
    """Add a checkpoint line to the post's checkpoint file (opened for appending only)."""
    point = Checkpoint(count, head_hash, (at or utc_now()).isoformat())
    private_dir(anchor_dir(), own=True)
    with open_private(checkpoint_path(post_id), "a", encoding="utf-8") as out:
        out.write(json.dumps({"count": count, "hash": head_hash, "at": point.at}) + "\n")
        out.flush()
        os.fsync(out.fileno())
    return point


def read_checkpoints(post_id: str) -> tuple[list[Checkpoint], list[str]]:
    """The post's checkpoints in the order written, and one problem per unreadable line (a
    stored sentence, ops_console/said.py)."""
    path = checkpoint_path(post_id)
    points: list[Checkpoint] = []
    problems: list[str] = []
    if not path.exists():
        return points, problems
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            points.append(Checkpoint(int(raw["count"]), str(raw["hash"]), str(raw.get("at", ""))))
        except (ValueError, KeyError, TypeError):
            problems.append(
                said(N_("line {line} of {path} is not a checkpoint"), line=number, path=str(path))
            )
    return points, problems
