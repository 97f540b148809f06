"""A message filed as an incident, a task or a log line on a Chinese console: the words the
console writes around the message (notes, details, the sender's last position) are Chinese,
the message itself stays exactly as heard; on an English console they read as before."""

from __future__ import annotations

from helpers.alerts import hear_emergency
from helpers.english_left import english_words

TEXT = "Water over the footbridge, two people cut off"


def _heard(post):  # type: ignore[no-untyped-def]
    hear_emergency(post, TEXT)
    [msg] = post.radio.page()
    return msg


def _console_words(text: str) -> list[str]:
    """English words left once the message as heard and the station are taken out."""
    return english_words(text.replace(TEXT, ""), {"RESCUE", "UTC"})


def test_filing_on_a_chinese_console_writes_chinese_around_the_message(post, chinese):
    msg = _heard(post)
    draft = post.radio.incident_draft(msg)
    assert TEXT in draft.notes and f"[无线电消息 {msg.id}]" in draft.notes
    assert not _console_words(draft.notes), draft.notes
    _, task_id = post.radio.create_from_message(msg.id, "task")
    task = post.tasks.get(task_id)
    assert task.title == TEXT and TEXT in task.details and not _console_words(task.details), task.details


def test_filing_on_an_english_console_reads_as_before(post):
    msg = _heard(post)
    draft = post.radio.incident_draft(msg)
    assert draft.notes.startswith("Radio Emergency from RESCUE1 #41, heard ")
    assert f"[radio message {msg.id}]:\n{TEXT}" in draft.notes
