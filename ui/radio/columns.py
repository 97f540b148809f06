"""The comms log's columns: readable in the default layout, and remembered.

The message is what an operator reads, so it is the last column and takes whatever width
is free (stretch last section); the others start narrow. Widths and order the operator
sets are kept in QSettings (the header's own state), restored at the next start; a
saved state from an older column set is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QTimer, Slot
from PySide6.QtWidgets import QTableView

from ops_console.ui.radio.model import COLUMNS

MESSAGE = 6  # the model's Message column
DEFAULT_WIDTHS = {0: 68, 1: 28, 2: 70, 3: 52, 4: 40, 5: 66, 7: 66, 8: 66}
"""Pixels for the columns other than the message, which stretches."""
SETTINGS_KEY = "radio/comms_log_header"
STATE_VERSION = 2  # bump when COLUMNS change, so an old saved state is ignored
SAVE_DELAY_MS = 500


class LogColumns:
    """Sets up the comms log header and keeps its state once ``remember`` was called."""

    def __init__(self, table: QTableView) -> None:
        self.table = table
        self.settings: QSettings | None = None
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.moveSection(header.visualIndex(MESSAGE), len(COLUMNS) - 1)
        header.setMinimumSectionSize(28)
        for column, width in DEFAULT_WIDTHS.items():
            table.setColumnWidth(column, width)
        self._save_later = QTimer(table, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_later.timeout.connect(self.save)

    def remember(self, settings: QSettings) -> bool:
        """Restore the saved widths and order (True if there were some); save changes from now on."""
        self.settings = settings
        header = self.table.horizontalHeader()
        state = settings.value(SETTINGS_KEY)
        restored = False
        if isinstance(state, QByteArray) and settings.value(SETTINGS_KEY + "_version") in (
            STATE_VERSION,
            str(STATE_VERSION),
        ):
            restored = header.restoreState(state)
            header.setStretchLastSection(True)
        header.sectionResized.connect(self._changed)
        header.sectionMoved.connect(self._changed)
        return restored

    @Slot()
    def _changed(self) -> None:
        self._save_later.start()

    @Slot()
    def save(self) -> None:
        if self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, self.table.horizontalHeader().saveState())
            self.settings.setValue(SETTINGS_KEY + "_version", STATE_VERSION)
