"""A window for start-up failures, for people who launched the console from an icon
and would never see stderr."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def show_startup_error(error: str | Exception) -> None:
    """``error``'s words (an OpsError's stored sentence is read when shown) in the language
    the console would have spoken: when the failure came before the window made its
    application, this one is made with the chosen language's translator."""
    app = QApplication.instance()
    if app is None:
        from ops_console.language import install_translators

        app = QApplication([])
        app.translators = install_translators(app)  # type: ignore[attr-defined]  # kept alive
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Startup", "Ops Console cannot start"),
        str(error),
    )
    box.exec()
    del app
