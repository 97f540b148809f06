"""Words for the members of the post's enums: declared once per enum, marked for translation.

Every enum a person reads (roles, incident kinds, severities, statuses, stock states …)
mixes in ``Labelled`` and registers its words with ``labels(Enum, MEMBER=tr_noop("…"))``.
``tr_noop`` is named ``QT_TRANSLATE_NOOP`` for pyside6-lupdate, which collects the words under
the "Labels" context; ``label`` translates them through whatever translator the UI installs
(ui/common/i18n.py), so the core stays Qt-free and every panel, export and report shows the
same words.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TypeVar

CONTEXT = "Labels"
E = TypeVar("E", bound=type[Enum])

_tables: dict[type, dict[str, str]] = {}


def _untranslated(_context: str, text: str, _comment: str | None = None) -> str:
    return text


_translate: Callable[..., str] = _untranslated


class Words(str):
    """English words with a disambiguation for the translator (Qt's "comment"): the same
    English can need two translations, e.g. an incident that is "Open" (未处理) and a
    shelter that is "Open" (开放)."""

    comment: str = ""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


def QT_TRANSLATE_NOOP3(context: str, text: str, comment: str) -> str:  # noqa: N802 - lupdate's name
    """Marks ``text`` for translation in ``context`` with a disambiguating ``comment``."""
    words = Words(text)
    words.comment = comment
    return words


def set_translator(translate: Callable[..., str]) -> None:
    """The UI installs Qt's translate here; without it labels are the English words."""
    global _translate
    _translate = translate


def translate(context: str, text: str) -> str:
    """Core code's sentences (alert titles, stock messages) in the language the UI installed:
    write them with placeholders, ``translate("Alerts", "Shelter full: {name}").format(...)``,
    so ops_console/i18n_catalogue.py collects them and word order can change per language."""
    return _translate(context, text)


def translate_with_comment(context: str, text: str, comment: str | None = None) -> str:
    """``translate`` with Qt's disambiguating comment (ops_console/said.py's stored words)."""
    return _translate(context, text, comment) if comment else _translate(context, text)


def words_of(member: Enum) -> str:
    """The English words registered for ``member`` (a ``Words`` when it has a comment)."""
    return _tables[type(member)][member.name]


def labels(enum: E, **words: str) -> E:
    """Register the words of ``enum``'s members (by member name); every member must have some."""
    missing = [m.name for m in enum if m.name not in words]
    if missing:
        raise ValueError(f"{enum.__name__}: no words for {', '.join(missing)}")
    _tables[enum] = words
    return enum


class Labelled:
    """Mixin for an enum whose members have words for a person."""

    name: str

    @property
    def label(self) -> str:
        words = _tables[type(self)][self.name]
        comment = getattr(words, "comment", "")
        return _translate(CONTEXT, words, comment) if comment else _translate(CONTEXT, words)
