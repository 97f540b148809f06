"""The very first ``ops-console --demo``: the demo post is created (operators with their
PIN hashes, the ward, hundreds of stock movements through the ledger — seconds on a slow
machine) off the GUI thread, while a small window says what is happening. Without it the
console showed nothing for those seconds and looked hung to whoever double-clicked it.

The work is the same ``build_full_demo`` the headless commands use; only the waiting is
different. A failure is raised again on the GUI thread, where the CLI's known-error
handling says it in words.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog

from ops_console.config import Settings
from ops_console.post import Post
from ops_console.ui import startup_probe
from ops_console.ui.app import create_application
from ops_console.ui.common.jobs import JobLane, start_job


def ensure_demo_with_progress(url: str, settings: Settings | None = None) -> bool:
    """Create and fill the demo post at ``url`` if it is empty, showing a progress window
    meanwhile; True when it had to be created."""
    from ops_console.post import open_post

    post = open_post(url, settings=settings)
    try:
        return fill_demo_with_progress(post)
    finally:
        post.close()


def fill_demo_with_progress(post: Post) -> bool:
    """Fill ``post`` with the demo if it is empty (on a worker, behind a progress window);
    True when it had to be filled."""
    from ops_console.demo import build_full_demo, is_empty

    if not is_empty(post):
        return False
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
    startup_probe.watch_progress(window)
    window.show()
    loop = QEventLoop()
    outcome: list[BaseException | None] = []

    def finish(error: BaseException | None, _value: object = None) -> None:
        outcome.append(error)
        loop.quit()

    lane = JobLane("first-start", parent=window)
    start_job(lane, partial(build_full_demo, post), partial(finish, None), finish, owner=window)
    if not outcome:
        loop.exec()
    lane.waitForDone()
    window.close()
    window.deleteLater()
    app.processEvents()
    if outcome and outcome[0] is not None:
        raise outcome[0]
    return True
