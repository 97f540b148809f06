"""Searching typed text by words, the way people expect: "tree" finds "Tree down" and
"trees", not "Harbour Street".

Each word of the query must begin a word of the text (case-insensitive). Chinese and
Japanese are written without spaces, so a query word in those scripts matches anywhere.
The spans found are returned so a view can highlight exactly what matched. Qt-free: the
task service filters with it and the board paints with it — one rule.
"""

from __future__ import annotations

import re

# CJK ideographs, kana and hangul: scripts written without spaces between words
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")

Span = tuple[int, int]


def _pattern(word: str) -> re.Pattern[str]:
    body = re.escape(word)
    return re.compile(body if _NO_SPACES.match(word) else r"(?<!\w)" + body, re.IGNORECASE)


def match_spans(query: str, text: str) -> list[Span] | None:
    """Where the query's words occur in ``text`` (sorted ``(start, end)``), or None when
    one of them does not occur; an empty query matches with no spans."""
    spans: list[Span] = []
    for word in query.split():
        found = [m.span() for m in _pattern(word).finditer(text)]
        if not found:
            return None
        spans.extend(found)
    return sorted(spans)


def matches_words(query: str, *texts: str) -> bool:
    """Every word of ``query`` begins a word in one of ``texts``."""
    return match_spans(query, "\n".join(texts)) is not None


def query_words(query: str) -> list[str]:
    """The words of a query, for a coarse SQL pre-filter (a substring test per word)."""
    return query.split()
