"""The comms log's columns: readable in the default layout, and remembered.

The message is what an operator reads, so it is the last column and takes whatever width
is free (stretch last section); the others are as wide as their text, and the ones that
matter least start hidden (the header's right-click menu shows them). Widths and order the operator
sets are kept in QSettings (the header's own state), restored at the next start; a
saved state from an older column set is ignored.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QMenu, QTableView

from ops_console.ui.common.column_widths import fit_columns
from ops_console.ui.radio.model import COLUMNS

MESSAGE = 6  # the model's Message column
DIR, NUMBER, SIGNAL, STATE = 1, 4, 7, 8
SAMPLES = ("00:00:00", "out", "CANAL-12", "CANAL-12", "999", "Emergency", None, "-120/-12", "cancelled")
"""The widest usual text of each column but the message, which stretches (column_widths.py:
fixed pixels cut "Dir" and "RSSI/SNR" in the real window at 1280×720)."""
HIDDEN_AT_FIRST = (DIR, NUMBER, SIGNAL)
"""Whole columns do not leave the message room in the dock at 1280×720: these start hidden
(From/To tell the direction; number and signal are in the tooltip and the Nodes tab) and
come back from the header's menu (right click)."""
SETTINGS_KEY = "radio/comms_log_header"
STATE_VERSION = 3  # bump when COLUMNS change, so an old saved state is ignored
SAVE_DELAY_MS = 500


class LogColumns:
    """Sets up the comms log header and keeps its state once ``remember`` was called."""

    def __init__(self, table: QTableView) -> None:
        self.table = table
        self.settings: QSettings | None = None
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.moveSection(header.visualIndex(STATE), header.visualIndex(MESSAGE))  # state beside the words
        header.moveSection(header.visualIndex(MESSAGE), len(COLUMNS) - 1)
        header.setMinimumSectionSize(28)
        fit_columns(table, SAMPLES, header_padding=14, bold=True)  # EMERGENCY rows are bold
        for column in HIDDEN_AT_FIRST:
            header.hideSection(column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
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
            # saved under another language or a smaller font, a width can cut "Emergency" or
            # a bold EMERGENCY row's time: what must be read whole is widened again
            fit_columns(self.table, SAMPLES, header_padding=14, bold=True, widen_only=True)
        header.sectionResized.connect(self._changed)
        header.sectionMoved.connect(self._changed)
        return restored

    @Slot()
    def _changed(self) -> None:
        self._save_later.start()

    @Slot(QPoint)
    def _menu(self, at: QPoint) -> None:
        """Show or hide any column but the message (the header remembers it)."""
        header, model = self.table.horizontalHeader(), self.table.model()
        menu = QMenu(self.table)
        for column in range(len(COLUMNS)):
            if column == MESSAGE:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(partial(self.show_column, column))
        menu.popup(header.mapToGlobal(at))

    def show_column(self, column: int, shown: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not shown)
        self._changed()

    @Slot()
    def save(self) -> None:
        if self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, self.table.horizontalHeader().saveState())
            self.settings.setValue(SETTINGS_KEY + "_version", STATE_VERSION)
