"""Paper output: one small A4 writer on Qt's own PDF engine, and the blocks it lays out.

A report or a form is a :class:`~ops_console.printing.blocks.PrintDocument` (a frame with
its title, header boxes and footer, and a list of blocks). The same document goes to PDF
(:mod:`.pdf`, QPdfWriter and QPainter, no widgets: it works from the CLI with
``QT_QPA_PLATFORM=offscreen`` and off the GUI thread), to a printer (the same painter on a
QPrinter), to HTML and to Markdown (:mod:`.text`).
"""

from ops_console.printing.blocks import (
    Fields,
    Heading,
    Image,
    LargeText,
    Paragraph,
    PrintDocument,
    Table,
)
from ops_console.printing.pdf import render, write_pdf
from ops_console.printing.progress import Cancelled, CancelToken, Progress

__all__ = [
    "Cancelled",
    "CancelToken",
    "Fields",
    "Heading",
    "Image",
    "LargeText",
    "Paragraph",
    "PrintDocument",
    "Progress",
    "Table",
    "render",
    "write_pdf",
]
