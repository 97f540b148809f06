"""The printable A4 notice: one page, both languages, large type, for doors and noticeboards.

The notice is a :class:`~ops_console.printing.blocks.PrintDocument` of large-type blocks,
drawn by the console's one A4 writer (:mod:`ops_console.printing.pdf`), so it gets the same
fonts (CJK fallback), searchable text, page frame and atomic file write as every report.
The document is plain data; Qt is imported only when :func:`render_pdf` draws it, so the
service and the CLI stay Qt-free until a notice is printed.
"""

from __future__ import annotations

from datetime import datetime

from ops_console.early_warning.channels import ChannelFailed
from ops_console.printing.blocks import Block, LargeText, PrintDocument
from ops_console.said import N_, said

# The notice is in both languages whatever the console's language, so its fixed words are
# bilingual here and the document is not localised (PrintDocument.localise); named rather
# than written in the calls, so the catalogue (ops_console/i18n_catalogue.py) does not list them.
TITLE = "PUBLIC WARNING · 公共预警"
AREA, ISSUED = "Area 区域", "Issued 发布"
EXERCISE = "EXERCISE — 演习 — NOT A REAL WARNING"
RED = "#b00000"
# read from a few steps away; a headline of ~30 characters fits the A4 width in one line
HEADLINE_PT, DESCRIPTION_PT, INSTRUCTION_PT, BANNER_PT, KIND_PT = 28.0, 17.0, 20.0, 20.0, 18.0
KINDS = {"Update": "UPDATE 更新", "Cancel": "CANCELLED 取消"}


def notice_document(
    texts: dict[str, dict[str, str]], *, area: str, issued: datetime, exercise: bool, msg_type: str
) -> PrintDocument:
    """The notice of one message (Alert, Update or Cancel): Chinese first, then English,
    each its headline, description and instruction in large type; an exercise says so first."""
    blocks: list[Block] = []
    if exercise:
        blocks.append(LargeText(EXERCISE, BANNER_PT, colour=RED))
    if msg_type in KINDS:
        blocks.append(LargeText(KINDS[msg_type], KIND_PT))
    for lang in ("zh-CN", "en-US"):
        t = texts.get(lang, {})
        blocks += [
            LargeText(t.get("headline", ""), HEADLINE_PT),
            LargeText(t.get("description", ""), DESCRIPTION_PT, bold=False),
            LargeText(t.get("instruction", ""), INSTRUCTION_PT, rule_below=True),
        ]
    when = issued.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return PrintDocument(
        title=TITLE,
        header=[(AREA, area), (ISSUED, when)],
        blocks=blocks,
        localise=False,
    )


def render_pdf(doc: PrintDocument) -> bytes:
    """The notice as A4 PDF bytes. Needs a Qt application (the console's, or the caller's)
    for its fonts; without one the channel fails in words instead of crashing."""
    from PySide6.QtGui import QGuiApplication

    from ops_console.printing.pdf import pdf_bytes

    if QGuiApplication.instance() is None:
        raise ChannelFailed(said(N_("the notice needs the console's window running to draw the PDF")))
    return pdf_bytes(doc)
