"""The crash handler: an exception nobody caught becomes a dialog, not a vanished window.

Our own bugs are logged with their traceback and shown with the log file's path, so the
operator can keep working and hand the file on. Errors the services raise on purpose
(OpsError, database faults included) are not bugs: they get the ordinary message box. Hooks
may fire on any thread; the dialog is always shown on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error

log = logging.getLogger("ops_console.crash")
MAX_OPEN_DIALOGS = 3  # a bug in a paint handler must not bury the screen in dialogs


class CrashHandler(QObject):
    """Owns sys.excepthook and threading.excepthook while installed."""

    # an exception to show, carried from any thread to the GUI thread
    _report = Signal(object)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialogs: list[QMessageBox] = []
        self.last_message: QMessageBox | None = None
        self._previous: tuple[object, object] | None = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """The sys.excepthook: log, then show (directly on the GUI thread, else queued)."""
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        if isinstance(exc, KNOWN_ERRORS):
            log.warning("%s", exc)
        else:
            log.critical("unexpected error", exc_info=(exc_type, exc, tb))
            exc.__traceback__ = tb
        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is app.thread():
            self._show(exc)
        else:
            self._report.emit(exc)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        parent = QApplication.activeWindow()
        if isinstance(exc, KNOWN_ERRORS):
            self.last_message = show_error(parent, exc)  # type: ignore[arg-type]  # kept: no parent may own it
            return
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        if len(self.dialogs) >= MAX_OPEN_DIALOGS:
            return
        self.dialogs.append(crash_dialog(parent, exc, self.log_path))


def crash_dialog(parent: QWidget | None, exc: BaseException, log_path: Path | None) -> QMessageBox:
    """A non-modal box naming the log file; Quit ends the program, Close keeps working."""
    where = (
        str(log_path)
        if log_path
        else QApplication.translate("Crash", "the program's error output (no log file could be opened)")
    )
    box = QMessageBox(parent)
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("Crash", "Unexpected problem"))
    box.setText(
        QApplication.translate(
            "Crash",
            "Ops Console hit a problem it did not expect. Everything saved so far is safe "
            "in the database; the details are in {path}",
        ).replace("{path}", where)
    )
    box.setInformativeText(
        QApplication.translate(
            "Crash",
            "You can keep working. If it happens again, restart the console and give the "
            "log file to whoever looks after this post.",
        )
    )
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    quit_button = box.addButton(
        QApplication.translate("Crash", "Quit Ops Console"), QMessageBox.ButtonRole.DestructiveRole
    )
    quit_button.clicked.connect(QApplication.quit)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def install_crash_handler(log_path: Path | None) -> CrashHandler:
    handler = CrashHandler(log_path, QApplication.instance())
    handler.install()
    return handler
