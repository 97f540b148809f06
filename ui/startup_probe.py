"""Marks of what a user sees during start-up, for bench/startup.py and its tests.

Start-up is judged from outside, on the real ``ops-console`` process: the bench reads the
moment each mark arrives on stdout. Only a paint is something a user sees, so the marks
are printed after the first paint of the sign-on dialog (``STARTUP signon``), of the first start's progress
window (``STARTUP progress``), and after the
first paint of the main window whose front panels hold their rows (``STARTUP window``;
the activity log reads its first page off the GUI thread, so an empty table painted
earlier does not count), then ``STARTUP settled`` half a second later. Nothing happens unless ``OPS_CONSOLE_STARTUP_PROBE`` is set;
its value says what to do after the mark: ``quit`` closes the window (or refuses the
dialog) so the bench can time many starts, anything else only prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

PROBE_ENV = "OPS_CONSOLE_STARTUP_PROBE"
POLL_MS = 5
SETTLE_MS = 500


def enabled() -> bool:
    return bool(os.environ.get(PROBE_ENV))


def _quits() -> bool:
    return os.environ.get(PROBE_ENV) == "quit"


class _FirstPaint(QObject):
    """Prints ``STARTUP <name>`` once ``widget`` has painted while ``ready()`` holds, then
    calls ``after`` when the probe says to quit."""

    def __init__(
        self, widget: QWidget, name: str, ready: Callable[[], bool], after: Callable[[], object]
    ) -> None:
        super().__init__(widget)
        self._widget, self._name, self._ready, self._after = widget, name, ready, after
        self._done = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self._widget and event.type() == QEvent.Type.Paint and not self._done:
            if self._ready():
                self._done = True
                QTimer.singleShot(0, self, self._mark)  # after this paint has reached the screen
            elif not self._poll.isActive():
                self._poll.start()
        return False

    def _check(self) -> None:
        if self._ready():
            self._poll.stop()
            self._widget.update()  # the next paint shows the rows: that one is marked

    def _mark(self) -> None:
        print(f"STARTUP {self._name}", flush=True)
        self._widget.removeEventFilter(self)
        if _quits():
            self._after()


def watch_signon(dialog: QWidget, refuse: Callable[[], object]) -> None:
    if enabled():
        _FirstPaint(dialog, "signon", lambda: True, refuse)


def watch_progress(window: QWidget) -> None:
    """The first start's progress window: seen while the demo post is made (``progress``)."""
    if enabled():
        _FirstPaint(window, "progress", lambda: True, lambda: None)


def watch_window(window: QWidget, populated: Callable[[], bool]) -> None:
    if enabled():
        _FirstPaint(window, "window", populated, partial(_settle, window))


def _settle(window: QWidget) -> None:
    """Half a second on (the devices open after the first paint), ``STARTUP settled``: the
    bench reads the process's memory then, and the window closes."""

    def done() -> None:
        print("STARTUP settled", flush=True)
        window.close()

    QTimer.singleShot(SETTLE_MS, window, done)
