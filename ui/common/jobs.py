"""The one way work leaves the GUI thread: database reads, files, probes, decoding.

``start_job(lane, work, done, failed)`` runs ``work()`` on a worker thread of ``lane`` and
calls ``done(result)`` or ``failed(exception)`` on the GUI thread. The threading rule of
ui/qt.py holds by construction:

- the worker touches only ``work`` (which must capture services and plain data, never a
  widget) and emits a signal of the dispatcher, a QObject that lives as long as the
  application, so Qt queues the result onto the GUI thread;
- the callbacks (usually a widget's bound methods) never leave the GUI thread: they wait in
  the dispatcher's table under the job's ticket, and the job itself is released there too;
- a job whose ``owner`` was destroyed, or that was cancelled, reports to nobody.

A lane with one thread runs its jobs one after another and reports them in order (pages of
a log, basemaps stacked in their configured order).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Work = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class JobLane(QThreadPool):
    """Worker threads for one kind of work; ``max_threads=1`` keeps jobs (and reports) in order."""

    def __init__(self, name: str, max_threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMaxThreadCount(max_threads)


class Job(QRunnable):
    """One piece of work; the caller may keep it to ask ``finished`` or to ``cancel()``."""

    def __init__(self, ticket: int, work: Work) -> None:
        super().__init__()
        self.ticket, self.finished, self.cancelled = ticket, False, False
        self._work: Work | None = work
        self.setAutoDelete(False)  # released by the dispatcher, on the GUI thread

    def run(self) -> None:
        work = self._work
        if work is None or self.cancelled:
            _dispatcher_signal(self.ticket, False, None)
            return
        try:
            result = work()
        except Exception as exc:  # handed to the GUI thread: known errors shown, bugs to the crash hook
            _dispatcher_signal(self.ticket, False, exc)
        else:
            _dispatcher_signal(self.ticket, True, result)

    def cancel(self) -> None:
        """Report to nobody (the work itself, if already running, runs to its end)."""
        self.cancelled = True
        _DISPATCHER_STATE.forget(self.ticket)


@dataclass
class _Waiting:
    job: Job
    done: Done | None
    failed: Failed | None
    owner: QObject | None

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)


class _Dispatcher(QObject):
    """Carries results from workers to the GUI thread; created once, on the GUI thread."""

    # a job ended: its ticket, whether it succeeded, its result or exception
    reported = Signal(int, bool, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.waiting: dict[int, _Waiting] = {}
        self.reported.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def forget(self, ticket: int) -> None:
        waiting = self.waiting.get(ticket)
        if waiting is not None:
            waiting.done = waiting.failed = None

    @Slot(int, bool, object)
    def _deliver(self, ticket: int, ok: bool, value: object) -> None:
        waiting = self.waiting.pop(ticket, None)
        if waiting is None:
            return
        waiting.job.finished = True
        waiting.job._work = None  # whatever the work captured is released here, on the GUI thread
        if waiting.owner_gone():
            return
        if ok and waiting.done is not None:
            waiting.done(value)
        elif not ok and isinstance(value, Exception) and waiting.failed is not None:
            waiting.failed(value)
        elif not ok and isinstance(value, Exception) and waiting.done is not None:
            raise value  # nobody to tell: the crash handler shows it


_tickets = itertools.count(1)


class _DispatcherState:
    """The one dispatcher, made on first use (which is on the GUI thread: jobs start there)."""

    dispatcher: _Dispatcher | None = None

    def get(self) -> _Dispatcher:
        if self.dispatcher is None or not shiboken6.isValid(self.dispatcher):
            app = QCoreApplication.instance()
            if app is None:
                raise RuntimeError("jobs need a running QApplication")
            self.dispatcher = _Dispatcher(app)  # lives as long as the application
        return self.dispatcher

    def forget(self, ticket: int) -> None:
        if self.dispatcher is not None:
            self.dispatcher.forget(ticket)


_DISPATCHER_STATE = _DispatcherState()


def _dispatcher_signal(ticket: int, ok: bool, value: object) -> None:
    """Worker side: the only Qt call a worker makes, an emit that Qt queues to the GUI thread."""
    dispatcher = _DISPATCHER_STATE.dispatcher
    try:
        if dispatcher is not None:
            dispatcher.reported.emit(ticket, ok, value)
    except RuntimeError:  # the application is gone (shutdown): nobody is left to tell
        log.debug("job %d ended after the application", ticket)


def start_job(
    lane: QThreadPool,
    work: Work,
    done: Done | None = None,
    failed: Failed | None = None,
    *,
    owner: QObject | None = None,
) -> Job:
    """Run ``work`` on ``lane``; ``done``/``failed`` are called on the GUI thread unless ``owner`` is gone."""
    dispatcher = _DISPATCHER_STATE.get()
    job = Job(next(_tickets), work)
    dispatcher.waiting[job.ticket] = _Waiting(job, done, failed, owner)
    lane.start(job)
    return job


def pending_jobs() -> int:
    """Jobs started and not yet reported (tests wait for 0)."""
    dispatcher = _DISPATCHER_STATE.dispatcher
    return 0 if dispatcher is None else len(dispatcher.waiting)
