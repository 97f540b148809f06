"""CSV import (with a preview) and export, run on a worker thread so the window never freezes.

The file and database work runs as a ui.common.jobs Job; the dialog only shows what came back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ops_console.inventory import InventoryService
from ops_console.inventory.exchange import ImportPreview
from ops_console.private_files import open_private
from ops_console.ui.common.formatting import number, signed
from ops_console.ui.common.jobs import start_job


def tr(text: str) -> str:
    return QCoreApplication.translate("StockFiles", text)


def export_job(inventory: InventoryService, path: Path, what: str) -> Callable[[], int]:
    """The work of an export: levels or movements into ``path`` (UTF-8 with BOM for spreadsheets)."""

    def work() -> int:
        with open_private(path, "w", encoding="utf-8-sig", newline="") as stream:
            if what == "levels":
                return inventory.export_levels_csv(stream)
            return inventory.export_movements_csv(stream)

    return work


class ImportDialog(QDialog):
    """Shows a stock-count preview — differences and per-row problems — and applies it only
    when the officer confirms; both steps run on the worker pool."""

    # the count was applied: carries the number of ledger lines written
    applied = Signal(int)
    # the preview is on screen (or the file was refused): carries the ImportPreview
    previewed = Signal(object)

    def __init__(
        self, inventory: InventoryService, path: Path, pool: QThreadPool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Import stock count — %1").replace("%1", path.name))
        self._inv, self._pool, self.preview, self._jobs = inventory, pool, None, []
        self.summary = QLabel(tr("Reading %1 …").replace("%1", path.name))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [tr("Line"), tr("Item"), tr("Location"), tr("Now"), tr("Counted"), tr("Change")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.problems = QTableWidget(0, 2, self)
        self.problems.setHorizontalHeaderLabels([tr("Line"), tr("Problem")])
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(tr("Rows that will be skipped:")))
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._jobs.append(
            start_job(pool, partial(_preview, inventory, path), self._show_preview, self._failed, owner=self)
        )

    @Slot(object)
    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.table.setRowCount(len(preview.lines))
        for row, line in enumerate(preview.lines):
            delta = signed(line.delta) if line.delta else tr("no change")
            for col, text in enumerate(
                (
                    str(line.line),
                    line.item_name + (f" / {line.lot}" if line.lot else ""),
                    line.location_name,
                    number(line.current),
                    number(line.counted),
                    delta,
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.problems.setRowCount(len(preview.problems))
        for row, problem in enumerate(preview.problems):
            self.problems.setItem(row, 0, QTableWidgetItem(str(problem.line) if problem.line else tr("file")))
            self.problems.setItem(row, 1, QTableWidgetItem(problem.message))
        if preview.file_problem:
            self.summary.setText(tr("This file cannot be imported: %1").replace("%1", preview.file_problem))
        else:
            self.summary.setText(
                tr(
                    "%1 rows read: %2 change the stock, %3 rows have problems and will be skipped. "
                    "Nothing is recorded until you press Apply."
                )
                .replace("%1", str(len(preview.lines)))
                .replace("%2", str(preview.changes))
                .replace("%3", str(sum(1 for p in preview.problems if p.line)))
            )
        self.apply_button.setEnabled(not preview.file_problem and preview.changes > 0)
        self.previewed.emit(preview)

    @Slot()
    def apply(self) -> None:
        if self.preview is None:
            return
        self.apply_button.setEnabled(False)
        preview = self.preview
        self._jobs.append(
            start_job(
                self._pool, partial(self._inv.apply_import, preview), self._applied, self._failed, owner=self
            )
        )

    @Slot(object)
    def _applied(self, count: int) -> None:
        self.applied.emit(count)
        self.accept()

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        from ops_console.ui.common.known_errors import KNOWN_ERRORS
        from ops_console.ui.common.messages import show_error

        if not isinstance(exc, KNOWN_ERRORS):
            raise exc
        self.summary.setText(str(exc))
        show_error(self, exc)


def _preview(inventory: InventoryService, path: Path) -> ImportPreview:
    """Worker side of the import preview: the file and the service, never the dialog."""
    return inventory.preview_import(path.read_bytes(), path.name)
