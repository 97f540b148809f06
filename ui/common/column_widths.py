"""Column widths from the text a column shows, in the table's own font.

Fixed pixel widths were chosen once at one font size in English: they cut "Sent · next
try 00:41:10", a bold "■■■■ Urgent", and any longer language. A column is as wide as its
header or its usual widest value, whichever is wider.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

CELL_PADDING = 14  # the cell's margins and a little air
HEADER_PADDING = 24  # the header's margins and the sort indicator


def fit_columns(
    table: QTableView,
    samples: Sequence[str | int | None],
    *,
    bold: bool = False,
    header_padding: int = HEADER_PADDING,
) -> None:
    """Size columns 0..len(samples)-1: a string is the widest text expected there; an int is
    a width in pixels for free text (names, places) that may be elided; None leaves the
    column alone (one that stretches)."""
    font = table.font()
    font.setBold(bold)
    metrics = QFontMetrics(font)
    header_metrics = table.horizontalHeader().fontMetrics()
    model = table.model()
    for column, sample in enumerate(samples):
        if sample is None:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        content = sample if isinstance(sample, int) else metrics.horizontalAdvance(sample) + CELL_PADDING
        table.setColumnWidth(column, max(content, header_metrics.horizontalAdvance(title) + header_padding))
