"""ICS 309 Communications Log: the radio traffic of the period as the paper log has it.

Rows: time, from (call sign / message number), to (call sign / message number), message.
A received message is numbered by the station that sent it; one sent by this post carries
this post's own number (the "to" number is the receiver's, unknown to us, so left blank).
"""

from __future__ import annotations

from sqlalchemy import and_, select

from ops_console.db.radio_models import RadioMessage
from ops_console.post import Post
from ops_console.printing import PrintDocument, Table
from ops_console.radio.local_alarm import message_words
from ops_console.reports.forms import Form, FormContext, local_time

TITLE = "COMMUNICATIONS LOG (ICS 309)"
COLUMNS = ("Time", "From: call sign/ID", "From: msg #", "To: call sign/ID", "To: msg #", "Message")


def ics309(post: Post, ctx: FormContext, *, net: str = "", operator: str = "", callsign: str = "") -> Form:
    """The log of the period; ``net`` is the net name or tactical call, ``operator`` and
    ``callsign`` the radio operator's (defaults: this post's call sign)."""
    period, own = ctx.period, post.radio.settings.console_call
    with post.db.read() as s:
        found = s.execute(
            select(
                RadioMessage.at,
                RadioMessage.direction,
                RadioMessage.station,
                RadioMessage.number,
                RadioMessage.recipient,
                RadioMessage.precedence,
                RadioMessage.kind,
                RadioMessage.subject,
                RadioMessage.body,
            )
            .where(
                and_(
                    RadioMessage.exercise.is_(post.shift.exercise),
                    RadioMessage.at >= period.start,
                    RadioMessage.at < period.end,
                    RadioMessage.kind.not_in(("ack", "position", "sensor")),
                )
            )
            .order_by(RadioMessage.at, RadioMessage.id)
        ).all()
    rows = []
    for at, direction, station, number, recipient, precedence, kind, stored_subject, stored_body in found:
        subject = message_words(kind, stored_subject)  # a console-made alarm's words (said.py)
        body = message_words(kind, stored_body)
        text = body if not subject or body.startswith(subject) else f"{subject}: {body}"
        if precedence and precedence != "ROUTINE":
            text = f"[{precedence}] {text}"
        number_text = str(number) if number else ""
        if direction == "in":
            rows.append((local_time(at), station, number_text, recipient or own, "", text))
        else:
            rows.append((local_time(at), own, number_text, recipient, "", text))
    doc = PrintDocument(
        TITLE,
        header=ctx.header(
            ("3. Radio net name or tactical call", net or own),
            (
                "4. Radio operator (name, call sign)",
                ", ".join(x for x in (operator or ctx.prepared_by, callsign or own) if x),
            ),
        ),
        footer=f"ICS 309 · {net or own} · {ctx.period.words()}",
        author=ctx.prepared_by,
    )
    doc.add(Table(COLUMNS, rows, (1.3, 1.2, 0.7, 1.2, 0.7, 4.9)))
    return Form("ics309", doc, COLUMNS, rows)
