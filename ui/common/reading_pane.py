"""The selected row's words, whole, under a list whose columns cut them.

A dock at 1280×720 gives a table's text columns a few hundred pixels: a field report or an
alert's details is cut after a few words and readable only by hovering. A person reads what
they select here instead, wrapped, under a heading line that says what it is, beside the
buttons that act on it. Everything is plain text (radio words and alert details come from
outside the post; they are never markup). Long words scroll inside ``MAX_LINES`` lines, so
the list keeps its rows; the pane is hidden while nothing is selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

MAX_LINES = 6
"""Lines shown before the words scroll: a two-frame radio report fits whole at 1280×720."""


class ReadingPane(QScrollArea):
    """Heading (bold), words and the ``buttons`` on the heading's line; named ``name``,
    ``nameHeading`` and ``nameWords`` for the tests and the style sheet."""

    def __init__(self, name: str, buttons: Sequence[QPushButton] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name, widgetResizable=True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heading = QLabel(objectName=f"{name}Heading", wordWrap=True)
        self.words = QLabel(objectName=f"{name}Words", wordWrap=True)
        for label in (self.heading, self.words):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.buttons = list(buttons)
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for button in self.buttons:
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.words)
        layout.addStretch(1)
        self.setWidget(box)
        self.hide()

    def show_reading(self, reading: tuple[str, str] | None) -> None:
        """(heading, words) of the selected row, or None with nothing selected: hidden."""
        if reading is None:
            self.clear()
        else:
            self.show_words(*reading)

    def show_words(self, heading: str, words: str) -> None:
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
        beside = sum(b.sizeHint().width() for b in self.buttons)
        top = max(
            [self.heading.heightForWidth(width - beside)] + [b.sizeHint().height() for b in self.buttons]
        )
        cap = top + line * MAX_LINES + 8
        height = min(needed, cap) + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)
