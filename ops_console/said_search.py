"""Finding stored sentences by the words a reader sees, in the reader's language.

A stored sentence (ops_console/said.py) is kept as its English template and arguments, with
its English beside it (``said.searchable``), so a search in English finds it with a plain
substring test in SQL. A Chinese operator searching the activity log for 已确认 reads that
word on screen but it is in no row: the row holds "acknowledged". So a query is also turned
into the templates whose words, in the language the console speaks now, contain it, and the
search matches rows that begin with one of those templates. The templates are the "Stored"
messages of the catalogues in resources/translations (the same list the translator uses);
their words come from the translator installed (ops_console/labels.py). Qt-free.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from xml.etree import ElementTree

from ops_console import labels
from ops_console.i18n_catalogue import read_ts
from ops_console.resources import TRANSLATIONS_DIR
from ops_console.said import CONTEXT

log = logging.getLogger(__name__)

MAX_TEMPLATES = 200
"""A query matching more templates than this is too vague to widen the search by: a search
for one common character would otherwise send a statement of hundreds of LIKE terms."""

_FIELD = re.compile(r"\{[^{}]*\}")
LIKE_ESCAPE = "\\"


@lru_cache(maxsize=1)
def stored_templates() -> tuple[str, ...]:
    """Every template of the "Stored" context in the shipped .ts catalogues (the console's own
    files: trusted, read once with the catalogue tool's reader), but those no longer in the
    code. Empty, logged, when none can be read."""
    found: set[str] = set()
    for path in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        try:
            entries = read_ts(path)
        except (OSError, ElementTree.ParseError) as exc:
            log.warning("catalogue %s not read for searching stored sentences: %s", path.name, exc)
            continue
        found.update(
            e.message.source
            for (context, _, _), e in entries.items()
            if context == CONTEXT and not e.vanished
        )
    return tuple(sorted(found))


def templates_read_as(query: str) -> list[str]:
    """The templates whose words in the reader's language contain ``query`` (case-insensitive,
    placeholders left out), where those words are not the English template itself (English
    is found through the row's own English). At most MAX_TEMPLATES; none for a vaguer query."""
    wanted = query.strip().casefold()
    if not wanted:
        return []
    matched = []
    for template in stored_templates():
        words = labels.translate(CONTEXT, template)
        if words != template and wanted in _FIELD.sub("", words).casefold():
            matched.append(template)
    return matched if len(matched) <= MAX_TEMPLATES else []


def template_prefix(template: str) -> str:
    """A LIKE pattern (escaped with LIKE_ESCAPE) for a stored sentence of ``template``: the
    JSON text ``said.said`` and ``said.searchable`` write begins with it."""
    head = '{"said": ' + json.dumps(template, ensure_ascii=False) + ","
    for char in (LIKE_ESCAPE, "%", "_"):
        head = head.replace(char, LIKE_ESCAPE + char)
    return head + "%"
