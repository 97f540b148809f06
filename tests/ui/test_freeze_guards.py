"""The guards against a frozen console: GC only on the GUI thread, and a watchdog that leaves stacks.

ui/qt.py explains the freeze these prevent: a cyclic collection on a worker thread that frees
a Qt object there deadlocks the GIL against Qt's mutexes.
"""

import gc
import sys
import threading
import time

from PySide6.QtCore import QObject

from ops_console.ui.app import create_application
from ops_console.ui.qt import GuiThreadCollector, collect_due
from ops_console.ui.watchdog import CURRENT_REPORT, FreezeWatchdog, unseen_freezes


class _CycleHolder(QObject):
    """A QObject kept alive only by a reference cycle, as a widget with a self-capturing lambda is."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # the cycle: only the cyclic collector can free this object

    def __del__(self) -> None:
        _CycleHolder.freed_on.append(threading.current_thread().name)


def test_the_application_turns_automatic_collection_off(qapp):
    create_application()
    assert not gc.isenabled()
    assert isinstance(qapp._ops_collector, GuiThreadCollector)


def test_a_cycle_dropped_on_a_worker_is_freed_on_the_gui_thread(qtbot, qapp):
    create_application()
    _CycleHolder.freed_on.clear()
    handed = [_CycleHolder()]
    kept: list[list[int]] = []

    def worker() -> None:
        handed.clear()  # the last outside reference goes on this thread…
        kept.extend([i] for i in range(50_000))  # …which then allocates far past gen-0's threshold

    thread = threading.Thread(target=worker, name="busy-worker")
    thread.start()
    thread.join()
    assert _CycleHolder.freed_on == []  # with automatic collection the worker would have freed it
    qtbot.waitUntil(lambda: bool(_CycleHolder.freed_on), timeout=5000)  # the GUI timer collects
    assert _CycleHolder.freed_on == [threading.main_thread().name]
    kept.clear()


def test_start_up_holds_collection_until_the_window_painted_then_freezes_what_it_built(qtbot, qapp):
    """ui/app.py run_gui holds the collector through start-up's imports and the post's open
    (each full collection walked the growing heap on the GUI thread while the importing
    worker waited for the GIL); after the first paint it collects once, freezes and resumes."""
    collector = qapp._ops_collector
    _CycleHolder.freed_on.clear()
    try:
        collector.hold()
        _CycleHolder()  # garbage in a cycle: only a collection frees it
        garbage = [[] for _ in range(5000)]  # far past gen-0's threshold
        del garbage
        qtbot.wait(3 * collector._timer.interval())
        assert _CycleHolder.freed_on == [] and not gc.isenabled()
        collector.settle()
        assert _CycleHolder.freed_on == [threading.main_thread().name]  # collected on the GUI thread
        assert gc.get_freeze_count() > 0 and collector._timer.isActive() and not gc.isenabled()
    finally:
        gc.unfreeze()
        collector.start()


def test_collect_due_follows_the_generational_thresholds():
    gc.collect()
    assert collect_due((10**9, 10, 10)) is False  # below gen-0's threshold: nothing to do
    garbage = [[] for _ in range(2000)]
    assert collect_due((100, 10, 10)) is True
    del garbage


def test_a_frozen_event_loop_leaves_every_threads_stack(qtbot, tmp_path):
    # faulthandler has one timer per process: this test borrows the suite's hang guard's
    # (tests/conftest.py re-arms it for the next test).
    watchdog = FreezeWatchdog(tmp_path, limit_s=0.5, tick_ms=50)
    watchdog.start()
    qtbot.wait(200)
    assert watchdog.freezes_seen == 0
    time.sleep(1.2)  # the GUI thread stops turning its event loop
    qtbot.waitUntil(lambda: watchdog.freezes_seen == 1, timeout=3000)
    watchdog.stop()
    report = (tmp_path / CURRENT_REPORT).read_text()
    assert (tmp_path / CURRENT_REPORT).stat().st_mode & 0o077 == 0  # private, like the log
    assert "most recent call first" in report and "test_a_frozen_event_loop" in report

    shown = unseen_freezes(tmp_path)  # the next start shows it once…
    assert len(shown) == 1 and "stopped responding" in shown[0].sentence()
    assert unseen_freezes(tmp_path) == []  # …and only once


def test_a_clean_run_leaves_no_report(qtbot, tmp_path):
    watchdog = FreezeWatchdog(tmp_path, limit_s=5, tick_ms=50)
    watchdog.start()
    qtbot.wait(200)
    watchdog.stop()
    assert not (tmp_path / CURRENT_REPORT).exists()
    assert unseen_freezes(tmp_path) == []


class _Young:
    """A fresh GC allocation each (lists may come from a free list, which counts nothing)."""


def _every_generation_due() -> list[_Young]:
    """Counts over a zero threshold in each generation: the count rule alone says "full"."""
    gc.collect(1)  # one middle collection since the last full one
    gc.collect(0)  # one young collection since the last middle one
    return [_Young() for _ in range(10)]  # and new objects (kept, or freeing them uncounts them)


def test_a_full_collection_waits_until_the_heap_grew_by_a_quarter():
    """As the interpreter's own rule: a console holding 200,000 log rows is not traversed
    whole every tenth middle collection (a ~60 ms pause of the GUI thread each time)."""
    seen: list[int] = []

    def remember(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    young: list[list[_Young]] = []  # all kept: a freed one would uncount the next ones
    gc.callbacks.append(remember)
    try:
        young.append(_every_generation_due())
        assert collect_due((0, 0, 0))  # sets the mark
        kept = [[n] for n in range(1000)]  # grows the heap by far less than a quarter
        young.append(_every_generation_due())
        seen.clear()
        collect_due((0, 0, 0))
        assert seen == [1]  # the middle one instead, as CPython does
        kept += [[n] for n in range(sys.getallocatedblocks() // 2)]  # a list and an int each: doubles it
        young.append(_every_generation_due())
        seen.clear()
        collect_due((0, 0, 0))
        assert seen == [2]
    finally:
        gc.callbacks.remove(remember)
    del kept, young
