"""Column widths from the text a column shows, in the table's own font.

Fixed pixel widths were chosen once at one font size in English: they cut "Sent · next
try 00:41:10", a bold "■■■■ Urgent", and any longer language. A column is as wide as its
header or its usual widest value, whichever is wider.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

CELL_PADDING = 14  # the cell's margins and a little air
HEADER_PADDING = 24  # the header's margins and the sort indicator


def text_width(metrics: QFontMetrics, sample: str | tuple[str, ...]) -> int:
    """The width of a text, or of the widest of several."""
    texts = (sample,) if isinstance(sample, str) else sample
    return max(metrics.horizontalAdvance(text) for text in texts)


def fit_width(
    table: QTableView, column: int, least: int, sample: str | tuple[str, ...], *, bold: bool = False
) -> None:
    """At least ``least`` pixels (a column that was sized by hand), more when ``sample`` in
    the table's font needs it (a date in Chinese, a raised font size)."""
    font = table.font()
    font.setBold(bold)
    needed = text_width(QFontMetrics(font), sample) + CELL_PADDING
    table.setColumnWidth(column, max(least, needed))


def fit_columns(
    table: QTableView,
    samples: Sequence[str | tuple[str, ...] | int | None],
    *,
    bold: bool = False,
    header_padding: int = HEADER_PADDING,
    widen_only: bool = False,
) -> None:
    """Size columns 0..len(samples)-1: a string is the widest text expected there (a tuple:
    the widest of them, as measured); an int is a width in pixels for free text (names,
    places) that may be elided; None leaves the column alone (one that stretches).
    ``widen_only``: never narrow a column (widths restored from another session, which may
    have had another language or a smaller font, are kept where they are wide enough)."""
    font = table.font()
    font.setBold(bold)
    metrics = QFontMetrics(font)
    header_metrics = table.horizontalHeader().fontMetrics()
    model = table.model()
    for column, sample in enumerate(samples):
        if sample is None:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        content = sample if isinstance(sample, int) else text_width(metrics, sample) + CELL_PADDING
        width = max(
            content, header_metrics.horizontalAdvance(title) + header_padding, title_width(table, column)
        )
        if widen_only and table.columnWidth(column) >= width:
            continue
        table.setColumnWidth(column, width)


def title_width(table: QTableView, column: int) -> int:
    """What a column's title needs in the header as drawn (its style sheet's bold font and
    padding included, and the sort arrow when the table sorts)."""
    return table.horizontalHeader().sectionSizeFromContents(column).width()


def widen_to_titles(table: QTableView) -> None:
    """Widen every column narrower than its title; never narrow one, nor touch one that
    stretches (its width is what is left)."""
    header = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    last = header.count() - 1
    for column in range(header.count()):
        logical_last = header.stretchLastSection() and header.visualIndex(column) == last
        if header.isSectionHidden(column) or logical_last:
            continue
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        needed = title_width(table, column)
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


class _TitleGuard(QObject):
    """Keeps a table's column titles whole when the text grows (Ctrl +), the theme or the
    language changes, or the model is reset: widths set once at one font size in English
    cut "Days of cover" at 11 pt and "目标量" in Chinese."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._pending = False
        header = table.horizontalHeader()
        header.installEventFilter(self)
        model = table.model()
        if model is not None:
            model.modelReset.connect(self.later)
            model.headerDataChanged.connect(self.later)
            model.layoutChanged.connect(self.later)
        self.later()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show):
            self.later()
        return False

    def later(self, *_args: object) -> None:
        """After the code that changed things has set its own widths (one pass per turn)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._widen)

    def _widen(self) -> None:
        self._pending = False
        widen_to_titles(self._table)


def keep_titles_whole(table: QTableView) -> None:
    """Guard ``table``'s column titles for as long as it lives (once per table)."""
    if table.property("titlesGuarded"):
        return
    table.setProperty("titlesGuarded", True)
    _TitleGuard(table)
