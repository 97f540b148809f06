"""What is true of the Qt binding (PySide6) and of threads, written down once.

**The version pin.** pyproject pins ``PySide6-Essentials>=6.6,<7,!=6.12.0``: 6.12.0 on
Python 3.11 leaks references to None/True/False on every void call and signal emission
until the interpreter aborts (tests/ui/test_qt_binding.py checks for it).

**The threading rule.** Work leaves the GUI thread through one idiom,
:func:`ops_console.ui.common.jobs.run_job`: the work is a callable that captures services
and plain data, never a widget or another QObject; its result comes back to a callback on
the GUI thread through a queued signal of a dispatcher that lives as long as the
application. Threads other than the GUI thread may *emit* signals of such long-lived
QObjects (the job dispatcher, the post bridge), which Qt queues onto the GUI thread; they
never create, keep or free a QObject or widget (value types such as QImage are fine).

**Garbage collection only on the GUI thread.** Qt objects sit in reference cycles (a
widget, a lambda connected to its signal that captures the widget). If Python's cyclic
collector runs on a worker thread - and it runs on whichever thread happens to allocate
when a threshold is crossed, most often the busy radio ingest - it may destroy such a
widget there. Destroying it takes Qt's connection mutex while holding the GIL; the GUI
thread, holding that mutex in ``QHeaderView(...)`` or any connect, waits for the GIL: the
whole program freezes (seen: the test suite hung in 1 of 2 runs). So the GUI process turns
automatic collection off and collects from a GUI-thread timer (as pyqtgraph's
``util.garbage_collector`` does). The earlier belief that "a cross-thread emit from a
Python thread crashes this build" was this deadlock, not the emit. The headless gateway
has no Qt objects and keeps Python's automatic collection.
"""

from __future__ import annotations

import gc
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Slot

log = logging.getLogger(__name__)

GC_INTERVAL_MS = 500  # often enough that cyclic garbage never piles up, rare enough to cost nothing


class GuiThreadCollector(QObject):
    """Runs Python's cyclic collector from a GUI-thread timer, with the thresholds it had.

    Collection follows the interpreter's own generational thresholds, so the cost of a tick is
    what automatic collection would have cost - it only moves to the one thread where freeing
    a Qt object is safe.
    """

    def __init__(self, interval_ms: int = GC_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer and give collection back to the interpreter (tests, shutdown)."""
        self._timer.stop()
        gc.enable()

    def hold(self) -> None:
        """No collection at all until :meth:`settle` (automatic collection stays off).

        Start-up's imports and the post's open build the heap at a run: every full
        collection on the way walked all of it on the GUI thread while holding the GIL the
        importing worker needed (seen: ~0.3 s of CPU before the window, 20-40 % of the GUI
        thread's samples under load). What they build lives as long as the process."""
        gc.disable()
        self._timer.stop()

    def settle(self) -> None:
        """After start-up: one full collection, then what survived it (modules, classes,
        mappers, the window) moves to the permanent generation (``gc.freeze``), so later
        full collections on the GUI thread walk only what was made since; collection
        resumes. The price: an object start-up built that later dies in a reference cycle
        is not collected (they are the window's, the modules' and the services', which
        live as long as the process)."""
        gc.collect()
        gc.freeze()
        _LongLived.blocks = sys.getallocatedblocks()
        self.start()

    @Slot()
    def check(self) -> None:
        if collect_due(self.thresholds):
            self.collections += 1


class _LongLived:
    """Python's allocated memory blocks right after the last full collection."""

    blocks = 0


def collect_due(thresholds: tuple[int, int, int] | None = None) -> bool:
    """Collect the generations whose thresholds were crossed, as automatic collection would.

    Like the interpreter, a full collection also waits until the heap has grown by a
    quarter since the last one (CPython skips it while ``long_lived_pending <
    long_lived_total / 4``; an explicit ``gc.collect(2)`` does not, so a console holding
    200,000 log rows paused its GUI thread ~30-60 ms for a full collection at every tenth
    middle one). The heap is measured by ``sys.getallocatedblocks()`` (microseconds),
    not by listing the oldest generation (as slow as collecting it). Call only on the GUI
    thread. Returns whether anything was collected.
    """
    limits = thresholds or gc.get_threshold()
    counts = gc.get_count()
    if counts[0] <= limits[0]:
        return False
    generation = 0
    if counts[1] > limits[1]:
        generation = 2 if counts[2] > limits[2] and _heap_grew_enough() else 1
    gc.collect(generation)
    if generation == 2:
        _LongLived.blocks = sys.getallocatedblocks()
    return True


def _heap_grew_enough() -> bool:
    """Has the heap grown by a quarter since the last full collection?"""
    return sys.getallocatedblocks() - _LongLived.blocks >= _LongLived.blocks / 4


def _uses_pyside(module: object) -> bool:
    """The question PySide6's import hook asks of each new module ("does its source say
    PySide6?"), answered from the file's bytes instead of through ``linecache``."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # built in, an extension, a namespace: inspect.getsource fails there too
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten_import_hook() -> bool:
    """Make PySide6's import hook stop keeping the source of every module imported after it.

    shiboken's ``__feature__`` support asks, for each new module, whether its source
    mentions PySide6, with ``inspect.getsource``, which reads the file through ``linecache``
    and keeps every line (and tokenizes it): the console imports SQLAlchemy, the models,
    the services and the panels after Qt, so that was ~60 ms of start-up and 15-20 MB whose
    pages stayed with the process after the cache was dropped (RSS after sign-on 157 -> 148
    MB, at the window 145 -> 128 MB). The same question is answered from the file's bytes
    (:func:`_uses_pyside`); nothing is cached. The console never selects a ``__feature__``
    (snake_case, true_property), which is all the answer is used for. Idempotent; a PySide6
    whose hook is shaped otherwise is left alone (``False``)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6's import hook is not the one known here: left as it is")
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True


def forget_import_sources() -> None:
    """Drop the source lines ``linecache`` holds for the modules imported so far.

    PySide6's import hook (shiboken's ``__feature__`` support) reads the source of every
    module imported after PySide6 to see whether it uses PySide, through ``linecache``,
    which keeps every line: since the console imports SQLAlchemy, the models and the
    services after Qt (the sign-on dialog shows first), that was ~220,000 strings, 15-20 MB
    of a running console. :func:`lighten_import_hook` stops that at the source; this drops
    what was read before it (and by anything else that read sources). The cache is only a
    cache: a traceback reads the file again."""
    import linecache

    linecache.clearcache()


def install_gui_thread_collector(app: QCoreApplication) -> GuiThreadCollector:
    """Turn automatic collection off and collect on the GUI thread; idempotent per application."""
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("the garbage collector must be installed from the GUI thread")
    existing = getattr(app, "_ops_collector", None)
    if isinstance(existing, GuiThreadCollector):
        existing.start()
        return existing
    collector = GuiThreadCollector(parent=app)
    app._ops_collector = collector  # type: ignore[attr-defined]  # lives as long as the app
    collector.start()
    log.debug("cyclic garbage collection moved to the GUI thread (thresholds %s)", collector.thresholds)
    return collector
