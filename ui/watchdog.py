"""A freeze leaves evidence: every thread's stack, written when the GUI stops turning.

A GUI-thread timer re-arms :func:`faulthandler.dump_traceback_later` every second. If the
event loop does not come round for ``limit_s`` seconds, faulthandler's own C thread writes
the stack of every Python thread to a report file. It needs no GIL and no Qt, so it works
in exactly the freeze that matters most: a thread holding the GIL while it waits for a Qt
mutex (see ui/qt.py). When the window turns again the freeze is logged; a report left by
a console that never came back is shown on the next start.

faulthandler has one such timer per process: pytest's per-test hang guard uses the same
one, so the watchdog is started by the real program only (and by its own test).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtCore import QObject, QTimer, Slot

from ops_console.private_files import open_private, private_dir

log = logging.getLogger(__name__)

FREEZE_LIMIT_S = 5.0
CURRENT_REPORT = "freeze-current.txt"
REPORT_PREFIX = "freeze-"


@dataclass(frozen=True)
class FreezeReport:
    """A freeze recorded by an earlier run: when, and the file with the stacks."""

    path: Path
    when: float  # the file's modification time, seconds since the epoch

    def sentence(self) -> str:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.when))
        return (
            f"The console stopped responding at {stamp} (the window did not turn for "
            f"{FREEZE_LIMIT_S:.0f} s or more). The state of every thread was saved in {self.path}; "
            "please give this file to whoever looks after this post."
        )


class FreezeWatchdog(QObject):
    """Arms faulthandler from the GUI thread; a missed turn of the event loop leaves a report."""

    def __init__(
        self,
        report_dir: Path,
        limit_s: float = FREEZE_LIMIT_S,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.report_dir, self.limit_s = report_dir, limit_s
        self.freezes_seen = 0
        self._file: IO[str] | None = None
        self._written = 0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._turned)

    @property
    def report_path(self) -> Path:
        return self.report_dir / CURRENT_REPORT

    def start(self) -> None:
        private_dir(self.report_dir)
        # every thread's stack may hold what operators typed: private to the user, like the log
        self._file = open_private(self.report_path, "w", encoding="utf-8")
        self._written = 0
        self._arm()
        self._timer.start()

    def stop(self) -> None:
        """Disarm and remove the report file if nothing froze (a clean exit leaves no evidence)."""
        self._timer.stop()
        faulthandler.cancel_dump_traceback_later()
        if self._file is None:
            return
        self._file.close()
        self._file = None
        if self._written == 0 and self.report_path.exists() and self.report_path.stat().st_size == 0:
            self.report_path.unlink()

    def _arm(self) -> None:
        assert self._file is not None
        faulthandler.dump_traceback_later(self.limit_s, repeat=False, file=self._file, exit=False)

    @Slot()
    def _turned(self) -> None:
        """The event loop came round: note a freeze that just ended, then re-arm."""
        if self._file is None:
            return
        size = os.fstat(self._file.fileno()).st_size
        if size > self._written:
            self._written = size
            self.freezes_seen += 1
            log.error(
                "the window did not respond for %.0f s or more; every thread's stack is in %s",
                self.limit_s,
                self.report_path,
            )
        self._arm()


def previous_freezes(report_dir: Path) -> list[FreezeReport]:
    """Reports left by earlier runs, oldest first; a left-over current report is kept under its time."""
    current = report_dir / CURRENT_REPORT
    if current.exists():
        if current.stat().st_size == 0:
            current.unlink()
        else:
            stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(current.stat().st_mtime))
            current.rename(report_dir / f"{REPORT_PREFIX}{stamp}.txt")
    reports = [
        FreezeReport(p, p.stat().st_mtime)
        for p in report_dir.glob(f"{REPORT_PREFIX}*.txt")
        if p.name != CURRENT_REPORT
    ]
    return sorted(reports, key=lambda r: r.when)


def unseen_freezes(report_dir: Path) -> list[FreezeReport]:
    """Reports not shown yet; each is shown once (a ``.seen`` marker beside it)."""
    if not report_dir.is_dir():
        return []
    fresh = [r for r in previous_freezes(report_dir) if not r.path.with_suffix(".seen").exists()]
    for report in fresh:
        report.path.with_suffix(".seen").touch()
    return fresh
