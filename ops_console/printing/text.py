"""The same document as HTML or Markdown, for a message or an e-mail when there is a network.

HTML is escaped with the standard library (never pasted together unescaped); pictures are
embedded as data: URIs so the file stands alone. Markdown escapes the characters that would
change a table or start a formatting run.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from ops_console.labels import translate
from ops_console.printing.blocks import (
    Fields,
    Heading,
    Image,
    LargeText,
    Paragraph,
    PrintDocument,
    Table,
    localised,
)

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|"})


def to_html(doc: PrintDocument, lang: str | None = None) -> str:
    """A whole HTML page, UTF-8, with the frame's header boxes as a table at the top.

    ``lang`` defaults to the language the words are in (``language.speaking``: "zh-CN" on a
    Chinese console), so a browser renders Chinese with a Chinese font, not a Japanese one."""
    if lang is None:
        from ops_console.language import speaking  # QtCore, as the PDF writer beside this uses

        lang = speaking()
    doc = localised(doc)
    out = [
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
        "td,th{border:1px solid #555;padding:2px 6px;vertical-align:top;text-align:start}"
        "th{background:#e6e6e6}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
    ]
    if doc.header:
        out.append(_fields_html(doc.header))
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"<h2>{escape(block.text)}</h2>")
        elif isinstance(block, Paragraph):
            out.append(f'<p dir="auto">{escape(block.text).replace(chr(10), "<br>")}</p>')
        elif isinstance(block, LargeText):
            out.append(_large_html(block))
        elif isinstance(block, Fields):
            out.append(_fields_html(block.items))
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(c)}</th>" for c in block.columns)
            rows = "".join(
                "<tr>" + "".join(f'<td dir="auto">{escape(str(v))}</td>' for v in row) + "</tr>"
                for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Image):
            data = base64.b64encode(block.png).decode("ascii")
            out.append(
                f'<figure><img alt="{escape(block.caption)}" src="data:image/png;base64,{data}" '
                f'style="max-width:100%"><figcaption>{escape(block.caption)}</figcaption></figure>'
            )
    if doc.footer:
        out.append(f"<footer><p>{escape(doc.footer)}</p></footer>")
    out.append("</body></html>\n")
    return "\n".join(out)


def _large_html(block: LargeText) -> str:
    style = (
        f"font-size:{block.points:g}pt;font-weight:{'bold' if block.bold else 'normal'};color:{block.colour}"
    )
    text = escape(block.text).replace(chr(10), "<br>")
    return f'<p dir="auto" style="{escape(style)}">{text}</p>' + ("<hr>" if block.rule_below else "")


def _fields_html(items: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th>{escape(label)}</th><td dir='auto'>{escape(value)}</td></tr>" for label, value in items
    )
    return f"<table>{cells}</table>"


def md_cell(text: object) -> str:
    """One Markdown table cell: special characters escaped, line breaks as <br>."""
    return str(text).translate(_MD_SPECIAL).replace("\r", "").replace("\n", "<br>")


def to_markdown(doc: PrintDocument) -> str:
    """GitHub-flavoured Markdown; pictures are named by their caption (a text message has no room)."""
    doc = localised(doc)
    out = [f"# {md_cell(doc.title)}", ""]
    for label, value in doc.header:
        out.append(f"- **{md_cell(label)}:** {md_cell(value)}")
    if doc.header:
        out.append("")
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += [f"## {md_cell(block.text)}", ""]
        elif isinstance(block, Paragraph):
            out += [block.text.translate(_MD_SPECIAL), ""]
        elif isinstance(block, LargeText):
            text = block.text.translate(_MD_SPECIAL)
            out += [f"**{text}**" if block.bold and text.strip() else text, ""]
            out += ["---", ""] if block.rule_below else []
        elif isinstance(block, Fields):
            out += [f"- **{md_cell(label)}:** {md_cell(value)}" for label, value in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(md_cell(c) for c in block.columns) + " |")
            out.append("|" + "---|" * len(block.columns))
            out += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Image):
            out += ["*" + translate("Reports", "(picture: see the PDF)") + "*", ""]
    if doc.footer:
        out.append(f"_{md_cell(doc.footer)}_")
    return "\n".join(out) + "\n"
