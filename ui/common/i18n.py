"""The window's side of the console's language: ops_console/language.py loads the catalogue
(QtCore only, shared with the CLI's reports); this module is where ui/ imports it from."""

from __future__ import annotations

from ops_console.language import (
    LANGUAGE_KEY,
    LANGUAGES,
    TRANSLATIONS_DIR,
    _warned,
    chosen_language,
    chosen_locale,
    compiled_catalogue,
    install_translators,
    load_catalogue,
    remove_translators,
    translate,
)

__all__ = [
    "LANGUAGE_KEY",
    "LANGUAGES",
    "TRANSLATIONS_DIR",
    "_warned",
    "chosen_language",
    "chosen_locale",
    "compiled_catalogue",
    "install_translators",
    "load_catalogue",
    "remove_translators",
    "translate",
]
