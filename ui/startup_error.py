"""A window for start-up failures, for people who launched the console from an icon
and would never see stderr."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def show_startup_error(message: str) -> None:
    app = QApplication.instance() or QApplication([])
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("Startup", "Ops Console cannot start"), message
    )
    box.exec()
    del app
