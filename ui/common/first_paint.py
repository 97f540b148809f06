"""Run something once a window has first painted: start-up work that the user need not
wait for (opening the radios and siren buses) goes after the picture, not before it.

A window that never paints (started minimised, a platform that paints late) must not
keep that work back for long: ``FALLBACK_MS`` after ``show()`` it runs anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget, self._work, self._done = widget, work, False
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # once this paint is on the screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._work()


def after_first_paint(widget: QWidget, work: Callable[[], object]) -> None:
    """Call ``work`` on the GUI thread once ``widget`` has painted (or after ``FALLBACK_MS``)."""
    _AfterFirstPaint(widget, work)
