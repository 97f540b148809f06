"""The stock-count import dialog shows why a file or a row cannot be imported in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QThreadPool

from ops_console.ui.inventory.files import ImportDialog
from tests.helpers.english_left import english_words


def _dialog(qtbot, stores, path):  # type: ignore[no-untyped-def]
    dialog = ImportDialog(stores.inv, path, QThreadPool.globalInstance())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        pass
    return dialog


def test_a_spreadsheet_and_bad_rows_are_explained_in_chinese(qtbot, qapp, stores, tmp_path):
    from ops_console.language import install_translators, remove_translators

    xlsx = tmp_path / "count.xlsx"
    xlsx.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200))
    rows = tmp_path / "count.csv"
    rows.write_text("item,location,quantity\nSandbags,Depot North Gate,-3\nTents,Moon,2\n", encoding="utf-8")
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        refused = _dialog(qtbot, stores, xlsx)
        assert english_words(refused.summary.text(), {"xlsx", "UTF"}) == [], refused.summary.text()
        assert not refused.apply_button.isEnabled()
        checked = _dialog(qtbot, stores, rows)
        cells = [checked.problems.item(r, 1).text() for r in range(checked.problems.rowCount())]
        assert len(cells) == 2
        for text in cells:  # the file's own cells are data
            assert english_words(text, {"Tents", "Moon"}) == [], text
    finally:
        remove_translators(qapp, translators)
    english = _dialog(qtbot, stores, rows)
    assert english.problems.item(0, 1).text().startswith("The quantity -3 is negative")
    assert (
        english.problems.item(1, 1).text()
        == "Unknown item 'Tents' (not in the catalogue by name or barcode); unknown location 'Moon'."
    )
