"""The selected message's words, whole, under the comms log.

The log's Message column gets the dock's leftover width: at 1280×720 that is ~180 px, and
a field report ("Arrived at sector 2, start…") is cut after a few words. An operator reads
what they select here, with who sent it to whom and how urgent on the line above, and
answers it from there (Reply addresses the compose box below). Radio text is untrusted: the
pane shows plain text only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from ops_console.ui.common.reading_pane import MAX_LINES, ReadingPane

__all__ = ["MAX_LINES", "MessageReading"]


class MessageReading(ReadingPane):
    """The reading pane with a Reply button beside the heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.reply_button = QPushButton(objectName="radioReply")
        super().__init__("radioReading", [self.reply_button], parent)
        self.reply_button.setText(self.tr("Reply"))
