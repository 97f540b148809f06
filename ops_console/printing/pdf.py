"""The A4 writer: a :class:`PrintDocument` laid out on QPdfWriter (or any paged device).

Why QPainter and our own small layout rather than ``QTextDocument.print_``: the paper ICS
forms repeat their header boxes and "Page N of M" on every sheet, a table's headings are
repeated on every page it runs onto, and a 100,000-line ICS-214 must be written in seconds;
QTextDocument prints neither headers nor footers and lays out a table of that size far too
slowly. Text is shaped by QTextLayout (bidirectional text, font fallback for CJK and for
characters outside the BMP), so Qt still does all the typography.

Two passes: the layout measures every block and cuts it into pages (so the page count is
known before the first page is painted), then each page is painted with its frame. Both
passes ask the cancel token and report progress (layout 0-30 %, painting 30-100 %).
Everything here is QtGui without widgets: it runs off the GUI thread and from the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from ops_console.errors import OpsError
from ops_console.labels import translate
from ops_console.printing.blocks import (
    Block,
    Fields,
    Heading,
    Image,
    LargeText,
    Paragraph,
    PrintDocument,
    Table,
    localised,
)
from ops_console.printing.files import write_bytes
from ops_console.printing.progress import CancelToken, Progress, no_progress
from ops_console.said import N_, said

MARGIN_MM = 12.0
LAYOUT_SHARE = 0.3  # of the progress bar: measuring; the rest is painting
_CHECK_EVERY = 256  # rows between two looks at the cancel token


class _Fonts:
    """The few fonts of a form and their metrics on the target device."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        def font(points: float, bold: bool = False) -> QFont:
            f = QFont()
            f.setFamilies(["DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Sans Serif"])
            f.setPointSizeF(points)
            f.setBold(bold)
            if hasattr(QFont, "Tag"):  # Qt >= 6.7: no "fl"/"fi" ligatures, so a search finds "flood"
                for tag in ("liga", "clig"):
                    f.setFeature(QFont.Tag(tag), 0)
            return f

        self.body, self.bold = font(9), font(9, True)
        self.small, self.small_bold = font(7), font(7, True)
        self.title, self.heading = font(14, True), font(11, True)
        self._font = font
        self._sized: dict[tuple[float, bool], QFont] = {}
        self.device = device
        self._metrics: dict[int, QFontMetricsF] = {}

    def sized(self, points: float, bold: bool) -> QFont:
        """A font of any size (large type); one object per size, since metrics and shaped
        texts are cached by the font object."""
        key = (points, bold)
        if key not in self._sized:
            self._sized[key] = self._font(points, bold)
        return self._sized[key]

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = id(font)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font, self.device)
        return self._metrics[key]


def _utf16_slice(text: str, start: int, length: int) -> str:
    """``text[start:start+length]`` in UTF-16 code units, as QTextLayout counts them."""
    if text.isascii() or max(text) <= "\uffff":
        return text[start : start + length]
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * (start + length)].decode("utf-16-le", errors="replace")


def wrap(text: str, font: QFont, fm: QFontMetricsF, width: float, device: QPagedPaintDevice) -> list[str]:
    """``text`` as the lines it takes at ``width`` (its own line breaks kept; a word longer
    than the width is broken anywhere)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if fm.horizontalAdvance(line) <= width:
            lines.append(line)
            continue
        layout = QTextLayout(line, font, device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            tl = layout.createLine()
            if not tl.isValid():
                break
            tl.setLineWidth(width)
            lines.append(_utf16_slice(line, tl.textStart(), tl.textLength()).rstrip())
        layout.endLayout()
    return lines or [""]


class _Ctx:
    """The painter, the fonts and the page geometry in device pixels."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter) -> None:
        self.device, self.painter = device, painter
        self.fonts = _Fonts(device)
        self.mm = device.logicalDpiX() / 25.4
        self.width, self.height = float(device.width()), float(device.height())
        self.pad = 1.2 * self.mm
        self._texts: dict[int, _CellText] = {}
        self.thin = QPen(QColor("black"))
        self.thin.setWidthF(0.2 * self.mm)
        self.fill = QColor(230, 230, 230)

    def line_height(self, font: QFont) -> float:
        return self.fonts.metrics(font).lineSpacing()

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        return wrap(text, font, self.fonts.metrics(font), width, self.device)

    def text_lines(self, x: float, y: float, lines: Sequence[str], font: QFont) -> None:
        """Lines of ``font`` from ``y`` down; texts that come back (every page's frame) are
        shaped once (:class:`_CellText`)."""
        fm = self.fonts.metrics(font)
        self.painter.setFont(font)
        step = fm.lineSpacing()
        drawn = self._texts.get(id(font))
        if drawn is None:
            drawn = self._texts[id(font)] = _CellText(font, self.device, fm.ascent())
        for i, line in enumerate(lines):
            if line:
                drawn.draw(self.painter, x, y + i * step, line)


# A piece is one unbreakable strip of a page: its height and how to paint it at y.
Paint = Callable[[_Ctx, float], None]


@dataclass
class _Piece:
    height: float
    paint: Paint


class _Pager:
    """Cuts the flow of pieces into pages of the body's height."""

    def __init__(self, top: float, bottom: float) -> None:
        self.top, self.bottom = top, bottom
        self.pages: list[list[tuple[float, _Piece]]] = [[]]
        self.y = top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def place(self, piece: _Piece, keep: float = 0.0, repeat: _Piece | None = None) -> None:
        """Place ``piece``; a new page first when it (plus ``keep`` of what follows) does not
        fit and the page is not empty; ``repeat`` opens every new page (a table's headings)."""
        if self.y + piece.height + keep > self.bottom and self.pages[-1]:
            self.new_page()
            if repeat is not None:
                self.put(repeat)
        self.put(piece)

    def put(self, piece: _Piece) -> None:
        self.pages[-1].append((self.y, piece))
        self.y += piece.height


def _lines_piece(
    ctx: _Ctx, lines: list[str], font: QFont, gap: float = 0.0, colour: QColor | None = None
) -> _Piece:
    height = len(lines) * ctx.line_height(font) + gap

    def paint(c: _Ctx, y: float) -> None:
        if colour is not None:
            c.painter.setPen(colour)
        c.text_lines(0.0, y + gap, lines, font)

    return _Piece(height, paint)


def _large_pieces(ctx: _Ctx, block: LargeText, width: float) -> list[_Piece]:
    """One piece per line (a long text runs onto the next page), then the space below it
    and its rule."""
    font = ctx.fonts.sized(block.points, block.bold)
    colour = QColor(block.colour)
    if not colour.isValid():
        colour = QColor("black")
    pieces = [_lines_piece(ctx, [line], font, colour=colour) for line in ctx.wrap(block.text, font, width)]
    space = 0.6 * ctx.line_height(font)

    def rule(c: _Ctx, y: float) -> None:
        c.painter.setPen(c.thin)
        c.painter.drawLine(QPointF(0, y + space / 2), QPointF(width, y + space / 2))

    pieces.append(_Piece(space, rule if block.rule_below else lambda c, y: None))
    return pieces


def _fields_piece(ctx: _Ctx, items: Sequence[tuple[str, str]], columns: int, width: float) -> list[_Piece]:
    """Rows of labelled boxes (label small and bold above the value), one piece per row."""
    f = ctx.fonts
    columns = max(1, columns)
    box_w = width / columns
    inner = box_w - 2 * ctx.pad
    pieces = []
    for start in range(0, len(items), columns):
        row = [(label, ctx.wrap(value, f.body, inner)) for label, value in items[start : start + columns]]
        label_h = ctx.line_height(f.small_bold)
        height = max(label_h + len(v) * ctx.line_height(f.body) for _, v in row) + 2 * ctx.pad

        def paint(
            c: _Ctx,
            y: float,
            row: list[tuple[str, list[str]]] = row,
            height: float = height,
            label_h: float = label_h,
        ) -> None:
            c.painter.setPen(c.thin)
            for i, (label, value) in enumerate(row):
                x = i * box_w
                c.painter.drawRect(QRectF(x, y, box_w, height))
                c.text_lines(x + c.pad, y + c.pad, [label], f.small_bold)
                c.text_lines(x + c.pad, y + c.pad + label_h, value, f.body)

        pieces.append(_Piece(height, paint))
    return pieces


class _CellText:
    """Draws one line of a cell. A text seen again (a name, a call sign, the minute of a log
    line) is shaped once and its glyph runs are reused: about a third faster per cell than
    shaping it again in drawText, and the PDF's text stays searchable (same fonts, same
    ToUnicode maps). A text seen once is drawn plainly."""

    def __init__(self, font: QFont, device: QPagedPaintDevice, ascent: float) -> None:
        self.font, self.device, self.ascent = font, device, ascent
        self.seen: set[str] = set()
        self.runs: dict[str, list[QGlyphRun]] = {}

    def draw(self, p: QPainter, x: float, top: float, text: str) -> None:
        runs = self.runs.get(text)
        if runs is not None:
            origin = QPointF(x, top)
            for run in runs:
                p.drawGlyphRun(origin, run)
            return
        p.drawText(QPointF(x, top + self.ascent), text)
        if len(text) <= 40:
            if text in self.seen:
                if len(self.runs) > 4000:
                    self.runs.clear()
                layout = QTextLayout(text, self.font, self.device)
                layout.beginLayout()
                layout.createLine().setLineWidth(1e9)
                layout.endLayout()
                self.runs[text] = layout.glyphRuns()
            elif len(self.seen) < 50_000:
                self.seen.add(text)


class _TableLayout:
    """A table's column geometry and the pieces of its heading and rows."""

    def __init__(self, ctx: _Ctx, table: Table, width: float, max_height: float) -> None:
        self.ctx, self.table = ctx, table
        fractions = table.column_widths()
        self.widths = [fr * width for fr in fractions]
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        self.width = width
        self.line_h = ctx.line_height(ctx.fonts.body)
        self.vpad = (
            0.7 * ctx.mm
        )  # a row's top and bottom margin: a log line is about 5 mm, as on the paper form
        self.max_lines = max(1, int((max_height - 2 * ctx.pad) / self.line_h) - 1)
        self.fm = ctx.fonts.metrics(ctx.fonts.body)
        self.widest_ascii = max(self.fm.horizontalAdvance(chr(c)) for c in range(32, 127)) * 1.02
        self.known: dict[str, float] = {}
        self.cells = _CellText(ctx.fonts.body, ctx.device, self.fm.ascent())

    def heading(self) -> _Piece:
        ctx, f = self.ctx, self.ctx.fonts
        cells = [ctx.wrap(c, f.bold, w - 2 * ctx.pad) for c, w in zip(self.table.columns, self.widths)]
        height = max(len(c) for c in cells) * ctx.line_height(f.bold) + 2 * ctx.pad

        def paint(c: _Ctx, y: float) -> None:
            c.painter.fillRect(QRectF(0, y, self.width, height), c.fill)
            self._grid(c, y, height)
            for left, lines in zip(self.lefts, cells):
                c.text_lines(left + c.pad, y + c.pad, lines, f.bold)

        return _Piece(height, paint)

    def fits(self, text: str, width: float) -> bool:
        """Does ``text`` fit on one line of ``width``? ASCII short enough to fit even in its
        widest glyphs is not measured at all (most cells of a long log); widths of repeated
        texts (names, call signs) are remembered."""
        if "\n" in text:
            return False
        if text.isascii() and len(text) * self.widest_ascii <= width:
            return True
        advance = self.known.get(text)
        if advance is None:
            if len(self.known) > 20_000:
                self.known.clear()
            advance = self.known[text] = self.fm.horizontalAdvance(text)
        return advance <= width

    def measure(self, cells: Sequence[object]) -> tuple[list[list[str]], float]:
        """A row's lines per cell and its height (the same answer in both passes)."""
        ctx, pad = self.ctx, self.ctx.pad
        wrapped: list[list[str]] = []
        for value, w in zip(cells, self.widths):
            text = "" if value is None else str(value)
            if self.fits(text, w - 2 * pad):
                wrapped.append([text])  # the common case: one line, no layout object
            else:
                lines = ctx.wrap(text, ctx.fonts.body, w - 2 * pad)
                if len(lines) > self.max_lines:  # taller than a page: cut, and say so
                    lines = lines[: self.max_lines - 1] + [lines[self.max_lines - 1] + " …"]
                wrapped.append(lines)
        height = (max(len(c) for c in wrapped) if wrapped else 1) * self.line_h + 2 * self.vpad
        return wrapped, height

    def run(self, start: int, end: int, height: float) -> _Piece:
        """Rows ``start``..``end`` on one page as one piece: the layout keeps only these three
        numbers per page, not an object per row (a 100,000-row table would otherwise leave a
        million objects for the GUI thread's garbage collector to walk), and the rows are
        measured again when painted."""
        rows, body, lefts, line_h, right, pad = (
            self.table.rows,
            self.ctx.fonts.body,
            self.lefts,
            self.line_h,
            self.width,
            self.ctx.pad,
        )
        cells, vpad = self.cells, self.vpad

        def paint(c: _Ctx, y: float) -> None:
            p = c.painter
            p.setPen(c.thin)  # the rules' pen draws the text too (black); set once for the run
            p.setFont(body)
            at = y
            for index in range(start, end):
                wrapped, h = self.measure(rows[index])
                p.drawLine(QPointF(0, at + h), QPointF(right, at + h))
                for left, lines in zip(lefts, wrapped):
                    for i, line in enumerate(lines):
                        if line:
                            cells.draw(p, left + pad, at + vpad + i * line_h, line)
                at += h
            self.rules(c, y, y + height)

        return _Piece(height, paint)

    def rules(self, c: _Ctx, top: float, bottom: float) -> None:
        """The column rules of one run of rows on a page, drawn once, top to bottom."""
        c.painter.setPen(c.thin)
        for left in (*self.lefts, self.width):
            c.painter.drawLine(QPointF(left, top), QPointF(left, bottom))

    def _grid(self, c: _Ctx, y: float, height: float) -> None:
        p = c.painter
        p.setPen(c.thin)
        p.drawLine(QPointF(0, y), QPointF(self.width, y))
        p.drawLine(QPointF(0, y + height), QPointF(self.width, y + height))
        self.rules(c, y, y + height)


def _image_piece(ctx: _Ctx, block: Image, width: float, max_height: float) -> list[_Piece]:
    image = QImage.fromData(QByteArray(block.png))
    if image.isNull():
        return [_lines_piece(ctx, ["(picture could not be read)"], ctx.fonts.small)]
    limit = min(block.max_height_mm * ctx.mm, max_height)
    scale = min(width / image.width(), limit / image.height())
    w, h = image.width() * scale, image.height() * scale

    def paint(c: _Ctx, y: float) -> None:
        c.painter.drawImage(QRectF(0, y, w, h), image)
        c.painter.setPen(c.thin)
        c.painter.drawRect(QRectF(0, y, w, h))

    pieces = [_Piece(h + ctx.pad, paint)]
    if block.caption:
        pieces.append(_lines_piece(ctx, ctx.wrap(block.caption, ctx.fonts.small, width), ctx.fonts.small))
    return pieces


class _Frame:
    """What every page repeats: title, header boxes on top; footer and page number below."""

    def __init__(self, ctx: _Ctx, doc: PrintDocument) -> None:
        self.ctx, self.doc = ctx, doc
        f = ctx.fonts
        self.title = ctx.wrap(doc.title, f.title, ctx.width)
        self.title_h = len(self.title) * ctx.line_height(f.title) + ctx.pad
        columns = 3 if len(doc.header) % 3 == 0 or len(doc.header) > 4 else 2
        self.boxes = _fields_piece(ctx, list(doc.header), columns, ctx.width) if doc.header else []
        self.top = self.title_h + sum(b.height for b in self.boxes) + 3 * ctx.mm
        self.footer_h = ctx.line_height(f.small) + 2 * ctx.mm
        self.bottom = ctx.height - self.footer_h

    def paint(self, number: int, total: int) -> None:
        c, f = self.ctx, self.ctx.fonts
        c.painter.setPen(QColor("black"))
        c.text_lines(0, 0, self.title, f.title)
        y = self.title_h
        for box in self.boxes:
            box.paint(c, y)
            y += box.height
        page = translate("Reports", "Page {n} of {total}").format(n=number, total=total)
        fm = c.fonts.metrics(f.small)
        base = c.height - fm.descent()
        c.painter.setPen(c.thin)
        c.painter.drawLine(QPointF(0, base - fm.ascent() - c.mm), QPointF(c.width, base - fm.ascent() - c.mm))
        c.painter.setFont(f.small)
        page_w = fm.horizontalAdvance(page)
        note = fm.elidedText(self.doc.footer, Qt.TextElideMode.ElideRight, c.width - page_w - 4 * c.mm)
        c.painter.drawText(QPointF(0, base), note)
        c.painter.drawText(QPointF(c.width - page_w, base), page)


def _layout(
    ctx: _Ctx, doc: PrintDocument, frame: _Frame, progress: Progress, cancel: CancelToken | None
) -> list[list[tuple[float, _Piece]]]:
    pager = _Pager(frame.top, frame.bottom)
    body_h = frame.bottom - frame.top
    f, width = ctx.fonts, ctx.width
    total_rows = sum(len(t.rows) for t in doc.tables()) + len(doc.blocks)
    done = 0
    one_line = ctx.line_height(f.body) + 2 * ctx.pad
    for block in doc.blocks:
        done += 1
        if cancel is not None:
            cancel.check()
        if isinstance(block, Heading):
            piece = _lines_piece(ctx, ctx.wrap(block.text, f.heading, width), f.heading, gap=2 * ctx.mm)
            pager.place(piece, keep=one_line * 2)  # never the last line of a page
        elif isinstance(block, Paragraph):
            for line in ctx.wrap(block.text, f.body, width):
                pager.place(_lines_piece(ctx, [line], f.body))
            pager.place(_Piece(ctx.mm, lambda c, y: None))
        elif isinstance(block, LargeText):
            for piece in _large_pieces(ctx, block, width):
                pager.place(piece)
        elif isinstance(block, Fields):
            for piece in _fields_piece(ctx, block.items, block.columns, width):
                pager.place(piece)
            pager.place(_Piece(ctx.mm, lambda c, y: None))
        elif isinstance(block, Image):
            pieces = _image_piece(ctx, block, width, body_h - one_line)
            for piece in pieces:
                pager.place(piece)
        elif isinstance(block, Table):
            table = _TableLayout(ctx, block, width, body_h / 2)
            heading = table.heading()
            pager.place(heading, keep=one_line)
            run_start, run_h = 0, 0.0
            for i, row in enumerate(block.rows):
                height = table.measure(row)[1]
                if pager.y + run_h + height > pager.bottom:
                    if run_h:
                        pager.put(table.run(run_start, i, run_h))
                    pager.new_page()
                    pager.put(heading)  # the headings again on every page the table runs onto
                    run_start, run_h = i, 0.0
                run_h += height
                if i % _CHECK_EVERY == 0:
                    if cancel is not None:
                        cancel.check()
                    progress(LAYOUT_SHARE * (done + i) / max(1, total_rows))
            if run_h:
                pager.put(table.run(run_start, len(block.rows), run_h))
            done += len(block.rows)
            pager.place(_Piece(2 * ctx.mm, lambda c, y: None))
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"cannot print {block!r}")
    pages = [page for page in pager.pages if page] or [[]]
    progress(LAYOUT_SHARE)
    return pages


def render(
    doc: PrintDocument,
    device: QPagedPaintDevice,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Paint ``doc`` on ``device`` (a QPdfWriter, or a QPrinter the person chose); returns
    the number of pages."""
    doc = localised(doc)  # the form's fixed words in the console's language
    painter = QPainter()
    if not painter.begin(device):
        raise OpsError(said(N_("The printer or PDF file could not be opened for drawing.")))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        ctx = _Ctx(device, painter)
        frame = _Frame(ctx, doc)
        if frame.bottom - frame.top < 20 * ctx.mm:
            raise OpsError(said(N_("The page is too small for this form's header.")))
        pages = _layout(ctx, doc, frame, progress, cancel)
        total = len(pages)
        for number, page in enumerate(pages, 1):
            if cancel is not None:
                cancel.check()
            if number > 1:
                device.newPage()
            frame.paint(number, total)
            for y, piece in page:
                piece.paint(ctx, y)
            progress(LAYOUT_SHARE + (1 - LAYOUT_SHARE) * number / total)
        return total
    finally:
        painter.end()


def pdf_bytes(
    doc: PrintDocument, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> bytes:
    """``doc`` as an A4 PDF, in memory (written to disk whole by :func:`write_pdf`)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(600)
    writer.setTitle(localised(doc).title)
    writer.setCreator("Ops Console")
    if doc.author and hasattr(writer, "setAuthor"):
        writer.setAuthor(doc.author)
    render(doc, writer, progress, cancel)
    del writer  # the PDF's trailer is written when the painter ends; the buffer holds it all
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def write_pdf(
    doc: PrintDocument,
    path: Path | str,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Path:
    """Write ``doc`` to ``path`` as an A4 PDF: whole or not at all (a full disk or a cancel
    leaves no partial file and raises an error in words)."""
    data = pdf_bytes(doc, progress, cancel)
    write_bytes(path, data, cancel.check if cancel is not None else None)
    return Path(path)


def document_blocks(doc: PrintDocument) -> list[Block]:
    """The blocks in order (for the text renderers)."""
    return list(doc.blocks)
