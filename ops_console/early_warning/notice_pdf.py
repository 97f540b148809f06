"""The printable A4 notice: one page, both languages, big headline, for doors and noticeboards.

Drawn with Qt's QPdfWriter and a QTextDocument (QtGui only, no widgets; Qt is imported here,
inside the function, so the service and the CLI stay Qt-free until a notice is printed).
Kept small and self-contained: no shared printing module existed on main when this was
written. Text is HTML-escaped before it goes into the document.
"""

from __future__ import annotations

import html
from datetime import datetime

from ops_console.early_warning.channels import ChannelFailed


def notice_html(
    texts: dict[str, dict[str, str]], *, area: str, issued: datetime, exercise: bool, msg_type: str
) -> str:
    e = html.escape
    banner = (
        "<p style='font-size:20pt;color:#b00;font-weight:bold'>EXERCISE — 演习 — NOT A REAL WARNING</p>"
        if exercise
        else ""
    )
    kind = {"Update": "UPDATE 更新", "Cancel": "CANCELLED 取消"}.get(msg_type, "")
    parts = [banner]
    if kind:
        parts.append(f"<p style='font-size:18pt;font-weight:bold'>{e(kind)}</p>")
    for lang in ("zh-CN", "en-US"):
        t = texts.get(lang, {})
        parts.append(
            f"<p style='font-size:30pt;font-weight:bold'>{e(t.get('headline', ''))}</p>"
            f"<p style='font-size:17pt'>{e(t.get('description', ''))}</p>"
            f"<p style='font-size:20pt;font-weight:bold'>{e(t.get('instruction', ''))}</p><hr/>"
        )
    parts.append(
        f"<p style='font-size:12pt'>Area 区域: {e(area)}<br/>"
        f"Issued 发布: {e(issued.astimezone().strftime('%Y-%m-%d %H:%M %Z'))}</p>"
    )
    return "<html><body>" + "".join(parts) + "</body></html>"


def render_pdf(markup: str) -> bytes:
    """One A4 page as PDF bytes. Needs a Qt application (the console's, or the caller's)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    if QGuiApplication.instance() is None:
        raise ChannelFailed("the notice needs the console's window running to draw the PDF")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    writer.setResolution(144)
    writer.setTitle("Public warning")
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # point sizes measured at the PDF's resolution
    doc.setHtml(markup)
    painter = QPainter(writer)
    try:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        doc.drawContents(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
