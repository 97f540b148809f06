"""The selected message's words, whole, under the comms log.

The log's Message column gets the dock's leftover width: at 1280×720 that is ~180 px, and
a field report ("Arrived at sector 2, start…") is cut after a few words, readable only by
hovering. An operator reads what they select here instead, wrapped, with who sent it to
whom and how urgent on the line above, and answer it from there (Reply addresses the
compose box below). Radio text is untrusted: it is shown as plain text, never as markup.
A long message scrolls inside a few lines, so the log keeps its rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

MAX_LINES = 6
"""Lines shown before the words scroll: a two-frame report fits whole at 1280×720."""


class MessageReading(QScrollArea):
    """Hidden while no message is selected; sized to its words, up to ``MAX_LINES``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="radioReading", widgetResizable=True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heading = QLabel(objectName="radioReadingHeading")
        self.words = QLabel(objectName="radioReadingWords", wordWrap=True)
        for label in (self.heading, self.words):
            label.setTextFormat(Qt.TextFormat.PlainText)  # what a radio sends is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.reply_button = QPushButton(self.tr("Reply"), objectName="radioReply")
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.reply_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.words)
        layout.addStretch(1)
        self.setWidget(box)
        self.hide()

    def show_message(self, heading: str, words: str) -> None:
        self.heading.setText(heading)
        self.words.setText(words)
        self.show()
        self._fit()

    def clear(self) -> None:
        self.heading.clear()
        self.words.clear()
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As high as the words need, up to ``MAX_LINES`` of them; the rest scrolls."""
        box = self.widget()
        width = self.viewport().width()
        if width <= 0:
            return
        needed = box.heightForWidth(width) if box.hasHeightForWidth() else box.sizeHint().height()
        line = self.words.fontMetrics().lineSpacing()
        top = max(
            self.heading.heightForWidth(width - self.reply_button.sizeHint().width()),
            self.reply_button.sizeHint().height(),
        )
        cap = top + line * MAX_LINES + 8
        height = min(needed, cap) + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)
