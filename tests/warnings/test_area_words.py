"""Words the console writes into records itself are the writing console's: a warning's area
made from sirens (its CAP areaDesc) and an unnamed siren test schedule."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ops_console.language import install_translators, remove_translators


def test_a_siren_area_and_an_unnamed_test_read_in_the_writing_consoles_language(spost, qapp):
    ids = [s.id for s in spost.sirens.list_sirens()][:2]
    assert spost.warnings.area_from_sirens(ids).desc.startswith("Coverage of sirens ")
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        area = spost.warnings.area_from_sirens(ids)
        schedule = spost.sirens.schedule_test("", siren_ids=ids)
    finally:
        remove_translators(qapp, translators)
    assert area.desc.startswith("警报器覆盖范围："), area.desc
    assert [v.name for v in spost.sirens.list_schedules() if v.id == schedule] == ["警报器测试"]
