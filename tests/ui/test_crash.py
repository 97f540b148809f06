"""The crash hook: a bug becomes a dialog naming the log file; known errors stay messages."""

from __future__ import annotations

import sys
import threading

from ops_console.errors import PermissionDenied
from ops_console.ui.crash import CrashHandler


def _fabricated(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - we want the real traceback
        return type(caught), caught, caught.__traceback__


def test_unexpected_error_shows_dialog_with_log_path(qapp, qtbot, tmp_path, caplog):
    log_path = tmp_path / "ops-console.log"
    handler = CrashHandler(log_path)
    handler.handle(*_fabricated(ZeroDivisionError("division by zero in the clock")))
    assert len(handler.dialogs) == 1
    box = handler.dialogs[0]
    qtbot.addWidget(box)
    assert box.objectName() == "crashDialog" and box.isVisible()
    assert "did not expect" in box.text() and str(log_path) in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert any("unexpected error" in r.message for r in caplog.records)


def test_known_error_is_a_message_not_a_crash(qapp, qtbot, tmp_path):
    handler = CrashHandler(tmp_path / "x.log")
    handler.handle(
        *_fabricated(PermissionDenied("Viewer Test (viewer) may not edit incidents; ask a supervisor."))
    )
    assert handler.dialogs == []
    box = handler.last_message
    assert box is not None and box.objectName() == "errorMessage" and box.isVisible()
    assert box.windowTitle() == "Not allowed" and "may not edit incidents" in box.text()
    qtbot.addWidget(box)


def test_thread_exceptions_reach_the_gui_thread(qapp, qtbot, tmp_path):
    handler = CrashHandler(tmp_path / "x.log")
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(handler.dialogs) == 1)
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler.handle
    qtbot.addWidget(handler.dialogs[0])
