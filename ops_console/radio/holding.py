"""Where heard frames wait while they cannot be stored: the spool file, else memory.

The order heard is kept across both: frames go to the gateway's spool file (when it has
one) and only when that file cannot be written (a full disk, a broken file) into a
bounded list in memory, with a loud alarm. Everything in the spool is older than
everything in memory: before new frames go to the spool, the memory list goes there
first. ``head``/``drop`` hand out the oldest frames in that order, so the ingest
forwards them in the order heard.

A full disk is named as such (``problem`` starts with "disk full") so the log, the
status and the gateway's exit code can say it; reading the radio never stops for it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence

from ops_console.db.errors import is_disk_full
from ops_console.hardware.lora.types import RawFrame
from ops_console.radio.spool import FrameSpool
from ops_console.said import N_, said

log = logging.getLogger(__name__)
MEMORY_LIMIT = 200_000
"""Frames kept in memory when neither the database nor the spool takes them (about
200 s of traffic at 1,000 frames/s); beyond it the oldest go, counted and logged."""

Frames = Sequence[tuple]  # type: ignore[type-arg]


class Holding:
    """Frames not yet stored, oldest first: the spool's, then memory's. Not thread-safe
    on its own (the ingest's lock serialises every call)."""

    def __init__(self, spool: FrameSpool | None = None, memory_limit: int = MEMORY_LIMIT) -> None:
        self.spool = spool
        self.memory: list[tuple] = []  # type: ignore[type-arg]
        self.memory_limit = memory_limit
        self.lost = 0
        self.problem = ""  # "" or why frames wait in memory ("disk full: ...", "spool ..."), English
        self.words = ""  # the same as a stored sentence (said.py), for the notice a person reads
        self.on_spooled: Callable[[Frames], None] | None = None  # frames now on disk (acks follow)
        self._journaled = 0  # journal number through which memory's frames are journaled

    def __len__(self) -> int:
        return self.in_spool() + len(self.memory)

    def in_spool(self) -> int:
        if self.spool is None:
            return 0
        try:
            return len(self.spool)
        except sqlite3.Error:
            return 0

    @property
    def disk_full(self) -> bool:
        return self.problem.startswith("disk full")

    def keep(self, frames: Frames, journaled: int | None = None) -> str:
        """Keep ``frames`` behind everything already waiting; never raises. Returns where
        they went: "spool", "memory" (the spool could not take them) or "" (nothing).
        ``journaled``: their journal number, forgotten once they are in the spool."""
        if not frames and not self.memory:
            return ""
        self._journaled = max(self._journaled, journaled or 0)
        if self.spool is not None and self._to_spool(frames):
            return "spool"
        self.memory.extend(map(tuple, frames))
        overflow = len(self.memory) - self.memory_limit
        if overflow > 0:
            del self.memory[:overflow]
            self.lost += overflow
            log.critical(
                "radio: %d frames LOST: the memory queue is full (%d frames) and %s",
                overflow,
                self.memory_limit,
                self.problem or "the database is away",
            )
        return "memory"

    def _to_spool(self, frames: Frames) -> bool:
        """Memory first, then ``frames``, in one transaction; False when the file refuses."""
        assert self.spool is not None
        moving = [*self.memory, *frames]
        try:
            self.spool.append(map(RawFrame._make, moving), self._journaled or None)
        except (sqlite3.Error, OSError) as exc:
            full = is_disk_full(exc, self.spool.path)
            problem = (
                f"disk full: the spool {self.spool.path} cannot grow"
                if full
                else f"spool {self.spool.path} cannot be written: {exc}"
            )
            words = (
                said(N_("DISK FULL: the spool {path} cannot grow"), path=str(self.spool.path))
                if full
                else said(
                    N_("the spool {path} cannot be written: {error}"),
                    path=str(self.spool.path),
                    error=str(exc),
                )
            )
            if problem != self.problem:
                log.critical(
                    "radio: %s; %d frames now wait in memory (at most %d)",
                    problem,
                    len(self.memory) + len(frames),
                    self.memory_limit,
                )
            self.problem, self.words = problem, words
            return False
        if self.problem:
            log.warning("radio: the spool %s takes frames again (%s is over)", self.spool.path, self.problem)
        self.problem = self.words = ""
        self.memory = []
        self._journaled = 0
        if self.on_spooled is not None:
            self.on_spooled(moving)
        return True

    def retry_spool(self) -> None:
        """Move what waits in memory into the spool, if it takes it now (the timer calls this)."""
        if self.memory and self.spool is not None:
            self._to_spool([])

    def release_journal(self, journaled: int | None) -> None:
        """Frames stored straight away: their journal entries go (a failure is harmless:
        after a crash they would be found on the server and dropped)."""
        if journaled is None or self.spool is None:
            return
        try:
            self.spool.release(journaled)
        except (sqlite3.Error, OSError) as exc:
            log.warning("radio: the journal could not be trimmed (%s)", exc)

    def head(self, limit: int) -> tuple[tuple[str, int], list[RawFrame]]:
        """The oldest waiting frames (up to ``limit``) and a token for ``drop``."""
        if self.spool is not None and self.in_spool():
            last, frames = self.spool.head(limit)
            return ("spool", last), frames
        taken = self.memory[:limit]
        return ("memory", len(taken)), [RawFrame._make(f) for f in taken]

    def drop(self, token: tuple[str, int]) -> None:
        """Forget what ``head`` handed out (it is committed on the server)."""
        where, value = token
        if where == "spool":
            self.spool.drop_through(value)  # type: ignore[union-attr]
        else:
            del self.memory[:value]
            if not self.memory and self._journaled:  # all of memory is on the server now
                self.release_journal(self._journaled)
                self._journaled = 0

    def drop_first(self, count: int) -> None:
        """Forget the ``count`` oldest frames (found on the server already)."""
        while count > 0:
            token, frames = self.head(count)
            if not frames:
                return
            self.drop(token)
            count -= len(frames)
