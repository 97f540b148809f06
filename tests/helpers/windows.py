"""The real main window shown at a size a post uses, and letting its layout settle: for
the tests that look at what is in sight at 1280x720, 1366x768 and 1920x1080."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication

from ops_console.post import Post
from ops_console.ui.app import build_main_window
from ops_console.ui.main_window import MainWindow


def settle() -> None:
    """Layouts settle over a few passes of the event loop (no sleeping)."""
    for _ in range(5):
        QApplication.processEvents()


def shown_at(  # type: ignore[no-untyped-def]
    post: Post, qtbot, settings: QSettings, size: QSize, *, start_devices: bool = True
) -> MainWindow:
    """The main window of ``post`` on screen at ``size``, not maximised."""
    window = build_main_window(post, settings=settings, start_devices=start_devices)
    qtbot.addWidget(window)
    window.resize(size)  # a size chosen by the caller: not maximised on the small test screen
    with qtbot.waitExposed(window):  # a context manager: called bare, it waited for nothing
        window.show()
    window.resize(size)  # again: before the first show the layout's minimum height is not yet known
    qtbot.waitUntil(lambda: window.size() == size and not window.isMaximized())
    # the window's start-up zero timers (the role's front tabs raised, stale tabs hidden) run
    # now, not in the middle of the test: a tab the test raised was covered again by them
    settle()
    return window
