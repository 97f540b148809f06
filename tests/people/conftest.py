"""Fixtures for people: a roster of volunteers on a real post, some checked in."""

from __future__ import annotations

from datetime import UTC, datetime

from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.people.views import Skill, VolunteerDraft

PEOPLE = (
    ("陈静", "13800000001", "B001", (Skill("first aid"), Skill("driver"))),
    ("Wang Fang", "13800000002", "B002", (Skill("boat"),)),
    ("Li Na", "13800000003", "B003", (Skill("chainsaw"),)),
    ("Zhou Bo", "13800000004", "B004", (Skill("radio operator"),)),
)


def roster(post) -> list[int]:  # type: ignore[no-untyped-def]
    """Four volunteers on ``post``'s roster; their ids."""
    return [post.people.roster.add(VolunteerDraft(n, p, b, skills=k)).id for n, p, b, k in PEOPLE]


def checked_in(post, ids) -> None:  # type: ignore[no-untyped-def]
    for i in ids:
        post.people.checkins.check_in(i)


def hear(post, node: int, call: str, *, text: str | None = None, prec=fp.Precedence.ROUTINE) -> None:  # type: ignore[no-untyped-def]
    """One frame from ``node`` through the real radio ingest (as the link thread hands it over)."""
    now = datetime.now(UTC)
    if text is None:
        data = fp.encode_position(call, 1, 30.27, 120.17, now)[0]
    else:
        data = fp.encode_text(call, post.radio.outbox.console_call, 7, prec, text)[0]
    raw = b"+RCV=%d,%d," % (node, len(data)) + data + b",-60,5"
    post.radio.ingest.ingest([RawFrame(raw, now, "test", node, data, -60, 5)])
