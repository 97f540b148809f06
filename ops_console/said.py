"""Sentences a service stores or hands on, kept in no language until someone reads them.

Services are Qt-free and may run on a workstation that speaks English, while the row they
write is read later on a Chinese console (or the other way round). So a sentence a service
stores (a sensor alert's detail, a siren alarm, a command's outcome) or says on the notice
board is kept as its English *template* and its *arguments*, not as finished English:

    detail = said(N_("up {rise} {unit} within {span}"), rise=f"{rise:.2f}", unit="m", span=...)

``said`` returns a short JSON text (``{"said": "up {rise} …", "args": {…}}``) that fits the
text column the sentence always lived in, so no migration is needed. Where a person reads
it, ``shown`` translates the template in the "Stored" context through the translator the
UI or the report writer installed (ops_console/labels.py → QCoreApplication.translate) and
fills in the arguments, so the words follow the reader's language, not the writer's.
``english`` renders it for logs. A stored text that is not ``said`` (rows written before
this module, or typed by a person) is shown as it is: old rows stay readable.

An argument may itself be ``said(...)`` (a nested sentence) or ``word(...)`` (a word of
another context, e.g. an enum's label from "Labels"), translated when shown too.

``N_`` marks a template for ops_console/i18n_catalogue.py, as gettext's ``N_`` does: the
extractor files every ``N_("…")`` under "Stored" and the .ts gets its Chinese.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import Any

from ops_console import labels

log = logging.getLogger(__name__)

CONTEXT = "Stored"
_HEAD = '{"said":'
_SPACES = re.compile(r"  +")

Arg = str | int | float | None


def N_(template: str) -> str:  # noqa: N802 - gettext's name, which the extractor looks for
    """Marks ``template`` for translation in the "Stored" context; returns it unchanged."""
    return template


_LIST_SEPARATOR = N_(", ")


def said(template: str, **args: Arg) -> str:
    """``template`` with ``args``, stored in no language (see the module's docstring).

    ``template`` should be marked ``N_("…")`` so it reaches the catalogue; its fields are
    ``{name}`` placeholders (``str.format``) so a language can reorder them."""
    return json.dumps(
        {"said": template, "args": {k: _packed(v) for k, v in args.items()}}, ensure_ascii=False
    )


def listed(items: Iterable[str]) -> str:
    """Several ``said`` words (or plain texts) as one argument, joined as the reader's
    language joins a list (", " in English)."""
    return json.dumps({"list": [_packed(i) for i in items]}, ensure_ascii=False)


def capitalised(text: str) -> str:
    """A ``said`` sentence whose first letter is raised when shown: a sentence built of
    parts that each start small ("the item is empty; the quantity …"), in scripts that
    have capitals. Other text is raised now."""
    if not is_said(text):
        return text[:1].upper() + text[1:]
    data = json.loads(text)
    data["capital"] = True
    return json.dumps(data, ensure_ascii=False)


def tr(template: str, **args: Arg) -> str:
    """A marked template in the reader's language now, its fields filled: a view's words, or
    words written into a record people go on editing (a task's title, a ledger's reason),
    which hold the words of the console that wrote them, not a stored sentence."""
    return shown(said(template, **args)) if args else labels.translate(CONTEXT, template)


def word(context: str, text: str, comment: str = "", *, lower: bool = False) -> str:
    """A word of another catalogue context as an argument of ``said`` (translated when shown)."""
    packed: dict[str, Any] = {"word": [context, text, comment] if comment else [context, text]}
    if lower:
        packed["lower"] = True
    return json.dumps(packed, ensure_ascii=False)


def label(member: Enum, *, lower: bool = False) -> str:
    """An enum member's label (ops_console/labels.py) as an argument of ``said``."""
    words = labels.words_of(member)
    return word(labels.CONTEXT, str(words), getattr(words, "comment", ""), lower=lower)


def fitted(text: str, limit: int) -> str:
    """``text`` for a column of ``limit`` characters: a ``said`` sentence too long for it is
    stored as its English, cut (a cut JSON text could not be read back at all)."""
    if len(text) <= limit:
        return text
    return (english(text) if is_said(text) else text)[:limit]


def searchable(text: str) -> str:
    """``text`` with its English beside the template (``"en"``), for a column people search
    with SQL (the activity log's filter): a search for "Task #12" still finds the entry."""
    if not is_said(text):
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return text
    data["en"] = english(text)
    return json.dumps(data, ensure_ascii=False)


def is_said(text: object) -> bool:
    return isinstance(text, str) and text.startswith(_HEAD)


def shown(text: str | None, translate: Callable[..., str] | None = None) -> str:
    """The stored ``text`` in the reader's language: a ``said`` sentence translated, any other
    text as it is. Never raises: a damaged sentence shows its raw text (and is logged)."""
    if not text:
        return ""
    if not text.startswith(_HEAD):
        return text
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("a stored sentence is not readable JSON, shown as stored: %.80r", text)
        return text
    # an empty argument ("{line} {unit}" with no unit) leaves no double or trailing space
    return _SPACES.sub(" ", _render(data, translate or labels.translate_with_comment)).strip()


def english(text: str | None) -> str:
    """The stored ``text`` in English, whatever translator is installed (logs, audit)."""
    return shown(text, _no_translation)


def arguments(text: str | None) -> Iterator[str]:
    """The plain arguments of a ``said`` sentence (names, values — the records' own words),
    nested ones included; nothing for other text."""
    if not is_said(text):
        return
    try:
        data = json.loads(text or "")
    except ValueError:
        return
    yield from _plain_args(data)


def _plain_args(data: object) -> Iterator[str]:
    if isinstance(data, dict) and "list" in data:
        for item in data["list"]:
            yield from _plain_args(item) if isinstance(item, dict) else [str(item)]
    elif isinstance(data, dict):
        for value in (data.get("args") or {}).values():
            if isinstance(value, dict):
                yield from _plain_args(value)
            elif value is not None:
                yield str(value)


def _packed(value: Arg) -> object:
    """A nested ``said``/``word`` goes in as an object, not as an escaped string."""
    if isinstance(value, str) and value.startswith(('{"said":', '{"word":', '{"list":')):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _no_translation(_context: str, text: str, _comment: str | None = None) -> str:
    return text


def _render(data: object, translate: Callable[..., str]) -> str:
    if not isinstance(data, dict):
        return str(data)
    if "list" in data:
        items = [_render(i, translate) if isinstance(i, dict) else str(i) for i in data["list"]]
        return translate(CONTEXT, _LIST_SEPARATOR).join(items)
    if "word" in data:
        context, text, *comment = data["word"]
        words = translate(context, text, comment[0]) if comment else translate(context, text)
        return words.lower() if data.get("lower") else words
    template = str(data.get("said", ""))
    args = {
        k: _render(v, translate) if isinstance(v, dict) else ("" if v is None else v)
        for k, v in (data.get("args") or {}).items()
    }
    translated = translate(CONTEXT, template)
    for attempt in (translated, template):  # a translation with a wrong field falls back to English
        try:
            text = attempt.format(**args)
            return text[:1].upper() + text[1:] if data.get("capital") else text
        except (KeyError, IndexError, ValueError) as exc:
            log.warning("stored sentence %r does not fit its arguments (%s)", attempt, exc)
    return template
