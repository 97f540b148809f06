"""The map's forms (shelter, zone, risk point) refuse bad input in the reader's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from helpers.english_left import english_words
from ops_console.errors import ValidationError
from ops_console.language import install_translators, remove_translators
from ops_console.mapping.risks import RiskDraft, RiskKind, RiskLevel
from ops_console.mapping.shelters import ShelterDraft
from ops_console.mapping.zones import ZoneDraft, ZoneKind

BAD = [
    (lambda: ShelterDraft(" ", 30.2, 120.1, capacity=0, occupancy=-1), {"name", "capacity", "occupancy"}),
    (lambda: ZoneDraft("", ZoneKind.EVACUATION, ring=((30.2, 120.1), (30.3, 120.1))), {"name", "ring"}),
    (lambda: ZoneDraft("Canal", ZoneKind.WARNING, centre=(30.2, 120.1), radius_m=0.0), {"radius_m"}),
    (
        lambda: RiskDraft(
            "x" * 201, list(RiskKind)[0], list(RiskLevel)[0], 30.2, 120.1, inspect_every_days=0
        ),
        {"name", "inspect_every_days"},
    ),
]


def _problems(make) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        make().validate()
    return caught.value.problems


@pytest.mark.parametrize("make, fields", BAD)
def test_map_forms_refuse_in_english_and_in_chinese(make, fields, qapp):
    english = _problems(make)
    assert set(english) >= fields and all(english[f][0].isupper() for f in fields), english
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        chinese = _problems(make)
    finally:
        remove_translators(qapp, translators)
    left = {f: chinese[f] for f in fields if english_words(chinese[f])}
    assert not left, left
