"""What a printed page is made of, as plain data (no Qt): the writer and the text
renderers read the same document, so a SITREP's PDF, HTML and Markdown say the same.

A document has a *frame* that every PDF page repeats, as the paper ICS forms do: the form's
title, a row of header boxes (incident name, operational period, prepared by …) and a footer
("Page N of M" is added by the writer). Its body is a list of blocks laid out top to bottom:
a table's column headings are repeated on every page it runs onto.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A section title ("Open incidents by severity")."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """Running text; line breaks in ``text`` are kept, long lines wrap and may run onto the next page."""

    text: str


@dataclass(frozen=True)
class LargeText:
    """Text in large type, for a notice read from a few steps away (a door, a noticeboard):
    ``points`` high, bold or not, in ``colour`` (#rrggbb); it wraps at the page width and
    may run onto the next page. ``rule_below`` draws a line under it, between sections.
    Printed as written, never swapped for a catalogue's translation (``localised``): large
    type carries a notice's own words, such as a warning's text in both languages."""

    text: str
    points: float = 24.0
    bold: bool = True
    colour: str = "#000000"
    rule_below: bool = False


@dataclass(frozen=True)
class Fields:
    """Labelled boxes, ``columns`` to a row, like the numbered boxes of a paper form."""

    items: Sequence[tuple[str, str]]
    columns: int = 2


@dataclass(frozen=True)
class Table:
    """Rows under column headings; ``widths`` are relative column widths (default equal).

    ``rows`` may be long (100,000 lines of an ICS-214): the writer measures and paints them
    one at a time and repeats the headings on every page."""

    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float] = ()

    def column_widths(self) -> list[float]:
        """Relative widths summing to 1."""
        widths = list(self.widths) or [1.0] * len(self.columns)
        total = sum(widths) or 1.0
        return [w / total for w in widths]


@dataclass(frozen=True)
class Image:
    """A picture (PNG bytes, e.g. the map snapshot) scaled to the page width at most."""

    png: bytes
    caption: str = ""
    max_height_mm: float = 120.0


Block = Heading | Paragraph | LargeText | Fields | Table | Image


@dataclass
class PrintDocument:
    """One report or form: its frame and its blocks."""

    title: str  # the form's name as on paper: "ACTIVITY LOG (ICS 214)"
    header: Sequence[tuple[str, str]] = ()  # boxes repeated on every page
    footer: str = ""  # left of "Page N of M" on every page
    blocks: list[Block] = field(default_factory=list)
    author: str = ""  # the PDF's author field
    # False for a document already in the words it must print (the bilingual public notice):
    # its texts are a warning's own and none may be swapped for a catalogue's translation
    localise: bool = True

    def add(self, *blocks: Block) -> PrintDocument:
        self.blocks.extend(blocks)
        return self

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


REPORTS_CONTEXT = (
    "Reports"  # the catalogue's context of every fixed word on a form (ops_console/i18n_catalogue.py)
)


def localised(doc: PrintDocument) -> PrintDocument:
    """``doc`` with its fixed words (title, box labels, headings, column headings, notes)
    in the installed language; values (names, messages, times) are left as they are, since
    only words the catalogue knows are changed. One place, so a form's layout code stays
    in English and the PDF, HTML and Markdown say the same."""
    from dataclasses import replace

    from ops_console.labels import translate

    if not doc.localise:
        return doc

    def t(text: str) -> str:
        return translate(REPORTS_CONTEXT, text) if text else text

    def block(b: Block) -> Block:
        if isinstance(b, Heading):
            return Heading(t(b.text))
        if isinstance(b, Paragraph):
            return Paragraph(t(b.text))
        if isinstance(b, Fields):
            return Fields([(t(label), value) for label, value in b.items], b.columns)
        if isinstance(b, Table):
            return Table([t(c) for c in b.columns], b.rows, b.widths)
        if isinstance(b, Image):
            return Image(b.png, t(b.caption), b.max_height_mm)
        return b

    return replace(
        doc,
        title=t(doc.title),
        header=[(t(label), value) for label, value in doc.header],
        blocks=[block(b) for b in doc.blocks],
    )
