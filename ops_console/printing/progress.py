"""Progress and cancellation for long documents, shared by the writer, the reports and the UI.

A writer reports ``progress(fraction)`` (0.0 to 1.0) now and then and asks the token
between rows and pages; a Cancel button sets the token from the GUI thread. Nothing here
imports Qt, so the reports and the CLI use it as they are.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ops_console.errors import OpsError
from ops_console.said import N_, said

Progress = Callable[[float], None]


class Cancelled(OpsError):
    """The person asked to stop; the partial file is gone."""


class CancelToken:
    """Set from any thread (a Cancel button); checked by the worker at safe points."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when the person asked to stop."""
        if self._event.is_set():
            raise Cancelled(said(N_("Cancelled: no file was written.")))


def no_progress(_fraction: float) -> None:
    """The default: nobody is watching."""
