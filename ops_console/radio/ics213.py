"""ICS-213 (General Message) over the field payload: a text message with labelled lines.

On the air it is plain text a field terminal can show as it is ("ICS-213", then
"To:", "From:", "Subject:", "Date/Time:", "Approved by:", "Reply:" and the message),
split across frames like any long text. ``parse`` recognises it on the way in, so a
received form is stored as kind ``ics213`` with its subject and can be printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ops_console.said import N_, said

HEADER = "ICS-213"
_FIELDS = (
    ("to", "To"),
    ("sender", "From"),
    ("subject", "Subject"),
    ("when", "Date/Time"),
    ("approved_by", "Approved by"),
    ("reply", "Reply"),
)


@dataclass(frozen=True)
class Ics213:
    """The form's fields; ``when`` is the local date/time as the writer wrote it."""

    to: str
    sender: str
    subject: str
    when: str
    message: str
    approved_by: str = ""
    reply: str = ""

    def to_text(self) -> str:
        lines = [HEADER]
        for attr, label in _FIELDS:
            value = getattr(self, attr).replace("\n", " ").strip()
            if value or attr in ("to", "sender", "subject", "when"):
                lines.append(f"{label}: {value}")
        lines.append("Message:")
        lines.append(self.message.strip())
        return "\n".join(lines)

    def problems(self) -> dict[str, str]:
        """Missing required fields, in words for the form (stored sentences, said.py)."""
        need = {
            "to": N_("To is required on an ICS-213."),
            "sender": N_("From is required on an ICS-213."),
            "subject": N_("Subject is required on an ICS-213."),
            "message": N_("Message is required on an ICS-213."),
        }
        return {k: said(words) for k, words in need.items() if not getattr(self, k).strip()}


def parse(text: str) -> Ics213 | None:
    """The form in a received text, or None when the text is not an ICS-213."""
    if HEADER not in text:  # nearly every text: one search, not a split into lines
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != HEADER:
        return None
    values: dict[str, str] = {}
    labels = {label: attr for attr, label in _FIELDS}
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "Message:":
            values["message"] = "\n".join(lines[i + 1 :]).strip()
            break
        label, sep, value = line.partition(":")
        if sep and label.strip() in labels:
            values[labels[label.strip()]] = value.strip()
    else:
        return None
    return Ics213(
        values.get("to", ""),
        values.get("sender", ""),
        values.get("subject", ""),
        values.get("when", ""),
        values.get("message", ""),
        values.get("approved_by", ""),
        values.get("reply", ""),
    )
