"""ICS-213 General Message laid out like the paper form (printing, PDF): one place for it."""

from __future__ import annotations

from ops_console.printing import Fields, Heading, Paragraph, PrintDocument
from ops_console.radio.ics213 import Ics213


def ics213_document(form: Ics213, header: str) -> PrintDocument:
    """The form as the writer lays it out; ``header`` says where it came from (received by
    radio from …, or composed at this post)."""
    doc = PrintDocument(
        "GENERAL MESSAGE (ICS 213)",
        header=[
            ("1. To (name and position)", form.to),
            ("2. From (name and position)", form.sender),
            ("3. Subject", form.subject),
            ("4. Date/Time", form.when),
        ],
        footer=f"ICS 213 · {header}",
    )
    doc.add(Paragraph(header), Heading("5. Message"), Paragraph(form.message))
    tail = [(label, value) for label, value in (("6. Approved by", form.approved_by),) if value]
    if tail:
        doc.add(Fields(tail, columns=1))
    if form.reply:
        doc.add(Heading("7. Reply"), Paragraph(form.reply))
    return doc
