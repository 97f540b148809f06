"""Work that must not freeze the window (database reads, files) run on a Qt thread pool.

A QRunnable does the work and reports through a QObject's signals, which Qt queues onto
the GUI thread; the widget that started it only shows what came back.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    """What a job reports: ``done`` carries its result, ``failed`` the exception."""

    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Runs ``work()`` on the pool; never touches a widget."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = JobSignals()
        self.finished = False
        self.setAutoDelete(False)  # the caller keeps it (and its signals) until it reported

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread: known errors shown, bugs to the crash hook
            self.finished = True
            self.signals.failed.emit(exc)
        else:
            self.finished = True
            self.signals.done.emit(result)


def start_job(pool: QThreadPool, work: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[Exception], None]) -> Job:
    job = Job(work)
    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    pool.start(job)
    return job
