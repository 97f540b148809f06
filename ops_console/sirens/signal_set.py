"""Which country's siren signals a post offers its operators.

A post sounds its own country's public warnings, never another's: the wizard lists only
that set (plus the common tests). The setting is ``[sirens] country`` in the config file;
without it the demo post uses China's set (the demo ward is Chinese), and any other post
the country of the machine's locale when the library has signals for it. Only when none
of these gives a set are all patterns offered. Qt-free.
"""

from __future__ import annotations

import locale

from ops_console.labels import QT_TRANSLATE_NOOP, translate
from ops_console.siren_patterns import PatternLibrary

DEMO_COUNTRY = "CN"
COUNTRY_NAMES = {
    "CN": QT_TRANSLATE_NOOP("SignalSet", "China"),
    "DE": QT_TRANSLATE_NOOP("SignalSet", "Germany"),
    "US": QT_TRANSLATE_NOOP("SignalSet", "United States"),
}


def has_own_signals(library: PatternLibrary, country: str) -> bool:
    """True when ``country`` has patterns of its own (not only the common tests)."""
    return any(country.upper() in p.countries for p in library.patterns.values())


def locale_country(locale_name: str | None = None) -> str | None:
    """ "en_US.UTF-8" → "US"; None when the locale names no region ("C", "POSIX")."""
    if locale_name is None:
        try:
            locale_name = locale.getlocale()[0]
        except ValueError:
            return None
    if not locale_name or "_" not in locale_name:
        return None
    region = locale_name.split("_", 1)[1].split(".", 1)[0].split("@", 1)[0]
    return region.upper() if len(region) == 2 and region.isalpha() else None


def post_country(
    configured: str | None, library: PatternLibrary, *, demo: bool = False, locale_name: str | None = None
) -> str | None:
    """The post's signal set: the setting, else the demo's, else the locale's; None means all."""
    if configured:
        return configured.upper()
    if demo:
        return DEMO_COUNTRY
    country = locale_country(locale_name)
    return country if country and has_own_signals(library, country) else None


def describe(country: str | None) -> str:
    """Words for the wizard: "China (CN)", or that every set is offered."""
    if not country:
        return translate("SignalSet", "all countries (no [sirens] country is set)")
    name = translate("SignalSet", COUNTRY_NAMES[country]) if country in COUNTRY_NAMES else country
    return f"{name} ({country})"


__all__ = ["DEMO_COUNTRY", "describe", "has_own_signals", "locale_country", "post_country"]
