"""The very first ``ops-console --demo``: the demo post is created (operators with their
PIN hash, the ward, hundreds of stock movements through the ledger — a second or more on
a slow machine) off the GUI thread, while a small window says what is happening. Without
it the console showed nothing for those seconds and looked hung to whoever double-clicked
it.

The window shows before SQLAlchemy and the services are imported (ui/launch.py hands the
whole opening — imports, schema, demo — to a worker), so it appears as fast as the sign-on
dialog would. The work is the same ``build_full_demo`` the headless commands use; only the
waiting is different. A failure is raised again on the GUI thread, where the CLI's
known-error handling says it in words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog

from ops_console.ui import startup_probe
from ops_console.ui.app import create_application
from ops_console.ui.common.first_paint import after_first_paint
from ops_console.ui.common.jobs import JobLane, start_job

T = TypeVar("T")


def run_with_progress(work: Callable[[], T]) -> T:
    """``work()`` on a worker, started once a progress window saying that the demo post is
    being made has painted; its result, or its exception raised here."""
    app = create_application()
    window = QProgressDialog(
        QCoreApplication.translate(
            "Startup", "Creating the demo post (only on its first start; a few seconds)…"
        ),
        "",
        0,
        0,
    )
    window.setObjectName("firstStartProgress")
    window.setWindowTitle(QCoreApplication.translate("Startup", "Ops Console"))
    window.setCancelButton(None)  # the post is half made until it is done: nothing to cancel
    window.setWindowModality(Qt.WindowModality.ApplicationModal)
    window.setMinimumDuration(0)
    loop = QEventLoop()
    outcome: list[tuple[bool, object]] = []

    def finish(ok: bool, value: object) -> None:
        outcome.append((ok, value))
        loop.quit()

    lane = JobLane("first-start", parent=window)

    def start() -> None:  # after the window is on the screen: the imports hold the GIL for a while
        start_job(lane, work, lambda value: finish(True, value), lambda exc: finish(False, exc), owner=window)

    after_first_paint(window, start)
    startup_probe.watch_progress(window)  # installed last, asked first: marked before the work starts
    window.show()
    if not outcome:
        loop.exec()
    lane.waitForDone()
    window.close()
    window.deleteLater()
    app.processEvents()
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
