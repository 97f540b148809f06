"""The hand-over from the links' reader threads to the one ingest thread.

A reader thread ``put``s each read chunk's frames; the ingest thread ``take``s whatever
has arrived since its last commit, up to a batch. Two things happen on the reader's side
on purpose, because the ingest thread is the bottleneck and the reader has time to spare
while the ingest waits on the database:

- positions, sensor readings and text fragments are decoded (``decode_reports``: pure,
  stateless);
- frames are kept as plain tuples. CPython's garbage collector stops tracking a plain
  tuple of strings and numbers, but never a NamedTuple: tens of thousands of RawFrames
  waiting here made every full collection walk them all (a fifth of the ingest's time
  at 80,000 frames/s). RawFrame's fields, in order, so ``RawFrame._make`` gives it back.
"""

from __future__ import annotations

import logging
import threading

from ops_console.hardware.lora.types import RawFrame
from ops_console.radio.classify import Decoded, decode_reports

log = logging.getLogger(__name__)
MAX_BATCH = 20_000
"""Frames per transaction at most (bounded commit time and memory per batch)."""
QUEUE_LIMIT = 2 * MAX_BATCH
"""Frames waiting for the ingest thread; beyond it the reader waits (back-pressure, not loss).
Two batches: the next one is always ready, and memory stays bounded (~25 MB)."""
PUT_PATIENCE = 5.0
"""Seconds a reader waits for room before queueing anyway (a stuck database must not
stop the link from reading: the modem's own buffer is small)."""


class Handover:
    """Frames and their decoded reports, in the order heard, between ``open`` and ``close``."""

    def __init__(self) -> None:
        self._frames: list[tuple] = []  # type: ignore[type-arg]
        self._reports: list[Decoded | None] = []  # decode_reports of _frames, in step with it
        self._marks: list[tuple[int, int]] = []  # (frames queued after this chunk, its journal number)
        self._cond = threading.Condition()
        self._open = False

    def __len__(self) -> int:
        with self._cond:
            return len(self._frames)

    def open(self) -> None:
        with self._cond:
            self._open = True

    def close(self) -> None:
        """``take`` returns what is left, then None."""
        with self._cond:
            self._open = False
            self._cond.notify_all()

    def put(self, frames: list[RawFrame], mark: int | None = None) -> None:
        """Reader thread: one chunk's frames (waits while the queue is full and open);
        ``mark``: the journal number of its last frame, if it was journaled (spool.py)."""
        plain = list(map(tuple, frames))
        try:
            reports = decode_reports(plain)
        except Exception:  # noqa: BLE001 - never lose frames: the ingest thread decodes them instead
            log.exception("radio: decoding a chunk on the link thread failed")
            reports = [None] * len(plain)
        with self._cond:
            self._cond.wait_for(lambda: len(self._frames) < QUEUE_LIMIT or not self._open, PUT_PATIENCE)
            self._frames.extend(plain)
            self._reports.extend(reports)
            if mark is not None:
                self._marks.append((len(self._frames), mark))
            self._cond.notify_all()

    def take(self) -> tuple[list[tuple], list[Decoded | None], int | None] | None:  # type: ignore[type-arg]
        """Ingest thread: up to MAX_BATCH frames, their reports and the journal number up to
        which they are all journaled (None: none whole), waiting for some; None once closed
        and empty. Usually all of them, handed over without copying."""
        with self._cond:
            self._cond.wait_for(lambda: self._frames or not self._open)
            if not self._frames:
                return None
            if len(self._frames) <= MAX_BATCH:
                frames, reports = self._frames, self._reports
                self._frames, self._reports = [], []
            else:
                frames, reports = self._frames[:MAX_BATCH], self._reports[:MAX_BATCH]
                del self._frames[:MAX_BATCH], self._reports[:MAX_BATCH]
            mark = self._take_marks(len(frames))
            self._cond.notify_all()
            return frames, reports, mark

    def _take_marks(self, taken: int) -> int | None:
        """The last journal number among chunks wholly taken; the rest shift down."""
        done = [m for end, m in self._marks if end <= taken]
        self._marks = [(end - taken, m) for end, m in self._marks if end > taken]
        return done[-1] if done else None
