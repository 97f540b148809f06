"""Ledger lines the console writes itself (a stock count's import, a fulfilled request) carry
a reason in the words of the console that wrote them: a ledger line is a record, exported
and printed as it is, so it holds words, not a stored sentence."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from helpers.english_left import english_words
from ops_console.language import install_translators, remove_translators


def _count(stores) -> str:  # type: ignore[no-untyped-def]
    item = stores.inv.add_item("Sandbags", "flood", "bag")
    stores.inv.receive(item.id, stores.depot.id, 5)
    return f"item,location,quantity\nSandbags,{stores.depot.name},9\n"


def test_a_stock_count_imported_on_an_english_console_says_so_in_english(stores):
    inv = stores.inv
    assert inv.apply_import(inv.preview_import(_count(stores).encode(), "count.csv")) == 1
    assert inv.movements(limit=1)[0].reason == "Stock count (count.csv line 2)"


def test_a_stock_count_imported_on_a_chinese_console_says_so_in_chinese(stores, qapp):
    inv = stores.inv
    count = _count(stores)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        inv.apply_import(inv.preview_import(count.encode(), "count.csv"))
    finally:
        remove_translators(qapp, translators)
    reason = inv.movements(limit=1)[0].reason
    assert reason == "库存盘点（count.csv 第 2 行）" and not english_words(reason, {"count", "csv"}), reason
