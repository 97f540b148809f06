"""The typed confirmation of a siren activation: what counts as the pattern's name.

Before a sound leaves the console the operator types which pattern it is. Names such as
"空袭警报 Air-raid warning" carry two languages; an operator without a Chinese input
method must still be able to confirm, so any one language part of the name, the whole
name, or the pattern's short code (its key, e.g. ``cn.air_raid``) is accepted. Case,
repeated spaces and full-width forms do not matter. One rule, used by the service door
(which decides) and by the wizard (which says at once what differs). Qt-free.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ops_console.said import N_, said, shown
from ops_console.siren_patterns import SirenPattern

SHOWN = 10  # characters of each side quoted when saying where a typed name differs


def _normal(text: str) -> str:
    """Full-width → ASCII, case folded, runs of spaces as one: what an operator means."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and not ch.isspace()


def name_parts(name: str) -> tuple[str, ...]:
    """The language parts of a name: "预先警报 Pre-alert" → ("预先警报", "Pre-alert");
    a name in one script is its own single part."""
    wide = "".join(ch if _is_cjk(ch) else " " for ch in name).split()
    narrow = "".join(" " if _is_cjk(ch) else ch for ch in name).split()
    if not wide or not narrow:
        return (name.strip(),)
    return (" ".join(wide), " ".join(narrow))


def local_name(name: str, language: str = "en") -> str:
    """The part of a pattern's name an operator whose UI speaks ``language`` (e.g. "zh_CN") reads."""
    parts = name_parts(name)
    if len(parts) == 1:
        return parts[0]
    return parts[0] if language.lower().startswith(("zh", "ja", "ko")) else parts[1]


def name_for(pattern: SirenPattern, language: str = "en") -> str:
    """``local_name`` of a pattern."""
    return local_name(pattern.name, language)


def accepted(pattern: SirenPattern) -> tuple[str, ...]:
    """Every answer that confirms ``pattern``, as written (the whole name first)."""
    answers = [pattern.name.strip(), *name_parts(pattern.name), pattern.key]
    return tuple(dict.fromkeys(a for a in answers if a))


def matches(pattern: SirenPattern, typed: str) -> bool:
    """True when ``typed`` names ``pattern`` (the service's check, and the wizard's)."""
    typed_n = _normal(typed)
    return bool(typed_n) and any(typed_n == _normal(a) for a in accepted(pattern))


@dataclass(frozen=True)
class Verdict:
    """What to tell the operator about what they typed so far."""

    ok: bool
    complete: bool  # False while the text is still the start of an answer (or empty)
    words: str  # '' when there is nothing to say


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def judge(pattern: SirenPattern, typed: str, language: str = "en") -> Verdict:
    """Says at once when the typed text cannot become the name, and which part differs (in
    the reader's language: the installed translator, ops_console/said.py)."""
    typed_n = _normal(typed)
    if not typed_n:
        return Verdict(False, False, "")
    if matches(pattern, typed):
        return Verdict(True, True, "")
    answers = [name_for(pattern, language), *accepted(pattern)]
    if any(_normal(a).startswith(typed_n) for a in answers):
        return Verdict(False, False, "")
    best = max(dict.fromkeys(answers), key=lambda a: _common_prefix(typed_n, _normal(a)))
    want = _normal(best)
    n = _common_prefix(typed_n, want)
    mine, theirs = _as_written(typed, typed_n), _as_written(best, want)
    if n == len(want):
        words = said(
            N_("“{typed}” has more than the name “{name}”: remove “{extra}” at the end."),
            typed=mine,
            name=best,
            extra=mine[n : n + SHOWN],
        )
        return Verdict(False, True, shown(words))
    if n == 0:
        words = said(
            N_(
                "Does not match “{name}”. The first character differs: you typed “{typed}” where “{expected}” is expected."
            ),
            name=best,
            typed=mine[n : n + SHOWN],
            expected=theirs[n : n + SHOWN],
        )
    else:
        words = said(
            N_(
                "Does not match “{name}”. After “{same}” the text differs: you typed “{typed}” where “{expected}” is expected."
            ),
            name=best,
            same=theirs[:n],
            typed=mine[n : n + SHOWN],
            expected=theirs[n : n + SHOWN],
        )
    return Verdict(False, True, shown(words))


def _as_written(text: str, normal: str) -> str:
    """``text`` with its own capitals, aligned with its normal form (the normal form itself
    when folding changed the length, e.g. "ß" → "ss")."""
    spaced = " ".join(unicodedata.normalize("NFKC", text).split())
    return spaced if len(spaced) == len(normal) else normal


__all__ = ["Verdict", "accepted", "judge", "local_name", "matches", "name_for", "name_parts"]
