"""Asks before the console quits while it still watches something (radios, sirens,
unacknowledged alerts, the outbox), and says what will stop.

The rule of what stops lives in ``ops_console.quit_check``; this module only asks.
"Quit now" is there for every role — a supervisor who must quit can always do so at
once — but nobody quits without having read the list.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ops_console.post import Post
from ops_console.quit_check import what_would_stop

log = logging.getLogger(__name__)


class QuitGuard(QObject):
    """Owned by the main window: ``should_ask`` decides, ``ask`` shows the question."""

    def __init__(self, post: Post, window: QMainWindow) -> None:
        super().__init__(window)
        self._post, self._window = post, window
        self.box: QMessageBox | None = None  # the open question, if any (tests press its buttons)
        self.confirmed = False  # the person chose "Quit now": the next close goes through

    def stops(self) -> list[str]:
        """What quitting would stop; an unreadable database must not keep the window open."""
        try:
            return what_would_stop(self._post)
        except Exception as exc:  # noqa: BLE001 - a failed check must never trap the operator
            log.warning("could not tell what quitting would stop: %s", exc)
            return [f"Could not check what is still running ({exc})."]

    def should_ask(self) -> bool:
        return not self.confirmed and bool(self.stops())

    @Slot()
    def request_quit(self) -> None:
        """Ctrl+Q and File → Quit: ask when something would stop, else close at once."""
        if self.should_ask():
            self.ask()
        else:
            self._window.close()

    def ask(self) -> QMessageBox:
        """Show (window-modal, not blocking) what will stop; "Quit now" closes the window."""
        if self.box is not None and self.box.isVisible():
            self.box.raise_()
            return self.box
        lines = self.stops()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Quit Ops Console?"),
            self.tr("If this console quits now:"),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setObjectName("quitConfirm")
        box.setInformativeText("\n".join(f"• {line}" for line in lines))
        self.quit_button = box.addButton(self.tr("Quit now"), QMessageBox.ButtonRole.DestructiveRole)
        self.quit_button.setObjectName("quitNow")
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(self._answered)
        self.box = box
        box.open()
        return box

    @Slot(object)
    def _answered(self, button: object) -> None:
        if button is self.quit_button:
            log.info("quit confirmed while running: %s", "; ".join(self.stops()) or "nothing")
            self.confirmed = True
            self._window.close()
