"""The one way off the GUI thread: work runs on a lane, results come back on the GUI thread."""

import threading
import time

import pytest
from PySide6.QtCore import QObject

from ops_console.ui.common.jobs import JobLane, pending_jobs, start_job


def _thread_name() -> str:
    return threading.current_thread().name


def test_work_runs_off_the_gui_thread_and_reports_on_it(qtbot):
    lane = JobLane("test")
    seen: list[tuple[str, str]] = []
    start_job(lane, _thread_name, lambda worker: seen.append((worker, _thread_name())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    worker, reported_on = seen[0]
    assert worker != threading.main_thread().name
    assert reported_on == threading.main_thread().name
    lane.waitForDone()


def test_a_failure_reaches_the_failed_callback(qtbot):
    lane = JobLane("test")
    failures: list[Exception] = []

    def broken() -> None:
        raise ValueError("disk said no")

    job = start_job(lane, broken, lambda _r: pytest.fail("done must not be called"), failures.append)
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert [str(e) for e in failures] == ["disk said no"]


def test_a_one_thread_lane_reports_in_order(qtbot):
    lane = JobLane("ordered")
    order: list[int] = []
    for i, pause in enumerate((0.05, 0.0, 0.02, 0.0)):
        start_job(lane, lambda i=i, pause=pause: (time.sleep(pause), i)[1], order.append)
    qtbot.waitUntil(lambda: len(order) == 4, timeout=5000)
    assert order == [0, 1, 2, 3]


def test_a_destroyed_owner_hears_nothing(qtbot):
    lane = JobLane("owned")
    owner = QObject()
    heard: list[object] = []
    gate = threading.Event()
    job = start_job(lane, lambda: gate.wait(5), heard.append, heard.append, owner=owner)
    with qtbot.waitSignal(owner.destroyed, timeout=2000):
        owner.deleteLater()
    gate.set()
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert heard == [] and pending_jobs() == 0


def test_a_cancelled_job_reports_to_nobody(qtbot):
    lane = JobLane("cancel")
    gate = threading.Event()
    heard: list[object] = []
    job = start_job(lane, lambda: gate.wait(5), heard.append)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert heard == []
