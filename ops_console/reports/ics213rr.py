"""ICS 213RR Resource Request: one form per request made in the period (the paper form is
one request each), all in one document; the CSV has a row per request."""

from __future__ import annotations

from ops_console.labels import translate
from ops_console.post import Post
from ops_console.printing import Fields, Heading, Paragraph, PrintDocument
from ops_console.reports.forms import Form, FormContext, local_time

TITLE = "RESOURCE REQUEST (ICS 213RR)"
COLUMNS = (
    "Request #",
    "Date/Time",
    "Requested by",
    "Quantity",
    "Unit",
    "Item",
    "Priority",
    "Needed by",
    "Deliver to",
    "Status",
    "Fulfilled",
    "Decision / reason",
    "As received",
)


def ics213rr(post: Post, ctx: FormContext) -> Form:
    period = ctx.period
    requests = [r for r in post.inventory.requests(open_only=False) if period.contains(r.created_at)]
    requests.sort(key=lambda r: (r.created_at, r.id))
    rows = [
        (
            r.id,
            local_time(r.created_at),
            r.requested_by,
            r.quantity,
            r.unit,
            r.item_name,
            r.priority.label,
            local_time(r.needed_by),
            r.deliver_to,
            r.status.label,
            r.fulfilled,
            r.decision_reason,
            r.source_text,
        )
        for r in requests
    ]
    doc = PrintDocument(
        TITLE, header=ctx.header(), footer=f"ICS 213RR · {ctx.period.words()}", author=ctx.prepared_by
    )
    if not rows:
        doc.add(Paragraph("No resource request was made in this period."))
    for row in rows:
        (number, when, by, qty, unit, item, priority, needed, deliver, status, fulfilled, reason, source) = (
            row
        )
        doc.add(
            Heading(translate("Reports", "Request #{number}").format(number=number)),
            Fields(
                [
                    ("3. Date/Time", str(when)),
                    ("4. Resource request number", f"#{number}"),
                    ("5. Requested by", str(by)),
                    ("Quantity / kind", f"{qty} {unit} {item}"),
                    ("Priority", str(priority)),
                    ("Requested delivery / reporting location", str(deliver)),
                    ("Needed by", str(needed)),
                    (
                        "Status (logistics)",
                        translate("Reports", "{status}, {fulfilled} {unit} delivered").format(
                            status=status, fulfilled=fulfilled, unit=unit
                        ),
                    ),
                    ("Approval / reason", str(reason)),
                ],
                columns=3,
            ),
        )
        if source:
            doc.add(Paragraph(translate("Reports", "As received: {source}").format(source=source)))
    return Form("ics213rr", doc, COLUMNS, rows)
