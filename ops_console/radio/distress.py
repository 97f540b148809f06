"""Which received words are a call for help, whatever precedence they were sent with.

A field terminal marks an emergency with precedence E; a plain radio cannot, and a
frightened person types "MAYDAY" or "SOS" or "紧急" first. The rule lives here once:
the ingest stores such a message as EMERGENCY, so the alert list, the alarm bar and the
comms log all treat it alike (the precedence is the one column they already read).
"""

from __future__ import annotations

import re

from ops_console.precedence import Precedence

DISTRESS_WORDS = ("EMERGENCY", "MAYDAY", "SOS", "紧急", "求救")
"""Words that, at the start of a message, mean someone needs help now."""

_LATIN = re.compile(r"\s*(EMERGENCY|MAYDAY|SOS)(?![A-Za-z0-9])", re.IGNORECASE)
_CJK = re.compile(r"\s*(紧急|求救)")
_FIRST = frozenset(c for word in DISTRESS_WORDS for c in (word[0], word[0].lower())) | {"\u017f"}
"""The first letters of the distress words in any case the regexes match (ſ, LONG S, is an
s to IGNORECASE): the regexes are tried only after such a letter."""


def distress_word(text: str) -> str | None:
    """The distress word ``text`` starts with (upper case), or None.

    Latin words must stand alone ("SOS!", "Mayday mayday" count; "SOSTENUTO" does not);
    Chinese is written without spaces, so 紧急 and 求救 count as a prefix.
    """
    if text[:1] not in _FIRST and text.lstrip()[:1] not in _FIRST:  # nearly every text: one look
        return None
    found = _LATIN.match(text) or _CJK.match(text)
    return found.group(1).upper() if found else None


def effective_precedence(precedence: str, text: str) -> str:
    """``precedence`` as sent, raised to EMERGENCY when the text starts with a distress word."""
    return Precedence.EMERGENCY if distress_word(text) else precedence
