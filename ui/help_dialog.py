"""Help → Guide and shortcuts: how the console is used, every keyboard shortcut, where the
log file and the database are, and the version.

The shortcut list is read from the window's own actions, so it is never out of date; the
guide is short on purpose (the README tour has the pictures).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from ops_console.locations import database_location, log_location
from ops_console.post import Post


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


GUIDE = (  # marked for the catalogue, translated when shown
    QT_TRANSLATE_NOOP(
        "Help", "Sign on with your name and PIN; File → Change operator… hands over at shift change."
    ),
    QT_TRANSLATE_NOOP(
        "Help",
        "Incidents (left) and the Task board (right) are the picture of the emergency: Ctrl+I reports an incident, Ctrl+T creates a task, Ctrl+→ / Ctrl+← move the selected card.",
    ),
    QT_TRANSLATE_NOOP(
        "Help",
        "Radio: the comms log with the newest traffic on top. Type a message and press Enter to send. An EMERGENCY or MAYDAY raises an alarm bar above every panel, with Acknowledge.",
    ),
    QT_TRANSLATE_NOOP(
        "Help", "Sirens: a strip above every panel shows what sounds or is armed, with CANCEL ALL."
    ),
    QT_TRANSLATE_NOOP(
        "Help",
        "The Alerts dock lists everything that needs someone now; click the alert count in the status bar.",
    ),
    QT_TRANSLATE_NOOP(
        "Help",
        "Exercise mode (Exercise menu) keeps drill records apart; live emergencies stay on top, marked LIVE.",
    ),
    QT_TRANSLATE_NOOP(
        "Help", "View → Reset layout brings every panel back; forms ask before throwing away what you typed."
    ),
    QT_TRANSLATE_NOOP(
        "Help",
        "View → Night theme darkens the console for a post at night; Ctrl+= and Ctrl+- make the text larger or smaller (Ctrl+0: normal); View → Language chooses English or 简体中文 from the next start.",
    ),
)


def shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what) for every action of the window that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and action.text():
            words = re.sub(r"\(&\w\)", "", action.text())  # 文件(&F): the Chinese mnemonic's brackets too
            rows.append((keys, words.replace("&", "").rstrip("…").strip()))
    return sorted(set(rows), key=lambda r: r[1])


def locations_text(post: Post, log_path: Path | None) -> str:
    """The two lines About and the guide both show."""
    return (
        tr("Database: {db}").replace("{db}", database_location(post.db))
        + "\n"
        + tr("Log file: {log}").replace("{log}", log_location(log_path))
    )


class HelpDialog(QDialog):
    """The guide, the shortcuts, the locations and the version, in one scrollable page."""

    def __init__(
        self, window: QMainWindow, post: Post, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or window)
        from ops_console import __version__

        self.setObjectName("helpGuide")
        self.setWindowTitle(tr("Guide and shortcuts"))
        self.resize(640, 560)
        self.page = QTextBrowser(self)
        self.page.setObjectName("helpPage")
        self.page.setOpenExternalLinks(False)
        keys = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(what)}</td></tr>" for k, what in shortcuts(window)
        )
        guide = "".join(f"<li>{escape(tr(line))}</li>" for line in GUIDE)
        where = "<br>".join(escape(line) for line in locations_text(post, log_path).splitlines())
        self.page.setHtml(
            f"<h3>{escape(tr('Using the console'))}</h3><ul>{guide}</ul>"
            f"<h3>{escape(tr('Keyboard shortcuts'))}</h3><table cellspacing='6'>{keys}</table>"
            f"<h3>{escape(tr('Where things are'))}</h3><p>{where}</p>"
            f"<p>{escape(tr('Ops Console {version}').replace('{version}', __version__))}</p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.NonModal)
