"""The inventory panel on real widgets: scanner entry, filters, sorting, import, export, screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from ops_console.inventory import LevelState, MovementKind
from ops_console.ui.bridge import PostBridge
from ops_console.ui.inventory import InventoryPanel
from ops_console.ui.inventory.model import STOCK_COLUMNS


@pytest.fixture
def panel(qtbot, post, stores):
    bridge = PostBridge(post.bus)
    widget = InventoryPanel(post, bridge, stores.inv)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    yield widget
    widget.wait_idle()
    bridge.detach()


def test_a_scanned_barcode_selects_the_item_and_enter_records(qtbot, panel, stores):
    dialog = panel.open_movement(MovementKind.RECEIVE)
    qtbot.waitUntil(dialog.isVisible)
    dialog.target.setCurrentIndex(dialog.target.findData(stores.shelter.id))
    qtbot.keyClicks(dialog.barcode, "6940002")
    qtbot.keyClick(dialog.barcode, Qt.Key.Key_Return)
    assert dialog.item.currentData() == stores.water.id and dialog.isVisible()
    assert dialog.quantity.hasFocus() or dialog.focusWidget() is not dialog.barcode
    dialog.quantity.lineEdit().selectAll()
    qtbot.keyClicks(dialog.quantity, "12")
    with qtbot.waitSignal(panel.reloaded):
        qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    cell = [
        lv
        for lv in panel.model.levels()
        if lv.item_id == stores.water.id and lv.location_id == stores.shelter.id
    ]
    assert cell[0].quantity == 12


def test_an_unknown_barcode_and_too_much_stock_are_shown_in_the_dialog(qtbot, panel, stores):
    dialog = panel.open_movement(MovementKind.CONSUME)
    qtbot.keyClicks(dialog.barcode, "0000")
    qtbot.keyClick(dialog.barcode, Qt.Key.Key_Return)
    assert "0000" in dialog.problem.text() and not dialog.problem.isHidden()
    dialog.item.setCurrentIndex(dialog.item.findData(stores.water.id))
    dialog.source.setCurrentIndex(dialog.source.findData(stores.depot.id))
    dialog.quantity.setValue(41)
    dialog.quantity.setFocus()
    dialog.accept()
    assert dialog.isVisible() and "Only 40" in dialog.problem.text()
    dialog.discard()


def test_filters_and_what_runs_out_first(qtbot, panel, stores):
    stores.inv.issue(stores.sandbags.id, stores.depot.id, 70, team_id=stores.team_id)
    stores.inv.issue(stores.water.id, stores.depot.id, 7, team_id=stores.team_id)
    with qtbot.waitSignal(panel.reloaded, timeout=3000):
        pass
    panel.critical_box.setChecked(True)
    assert panel.model.rowCount() == 1
    panel.critical_box.setChecked(False)
    panel.category_box.setCurrentIndex(panel.category_box.findData("Water & food"))
    assert panel.model.rowCount() == 1
    panel.category_box.setCurrentIndex(0)
    panel.sort_runs_out_first()
    first = panel.model.index(0, STOCK_COLUMNS.index("item")).data()
    assert first.startswith("Sandbags")  # 30 left at 10 a day: 3 days; water 33 at 1 a day
    level = panel.model.index(0, STOCK_COLUMNS.index("level")).data()
    assert level.split(" ", 1)[1] in {s.label for s in LevelState}  # a word, not only a colour


def test_import_previews_then_applies_off_the_gui_thread(qtbot, panel, stores, tmp_path):
    path = tmp_path / "count.csv"
    path.write_text("item;location;quantity\nSandbags, filled;Depot North Gate;90\nFoo;Depot North Gate;3\n")
    dialog = panel.import_file(path)
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        pass
    assert dialog.table.rowCount() == 1 and dialog.problems.rowCount() == 1
    assert "Foo" in dialog.problems.item(0, 1).text()
    assert stores.inv.levels()[0].quantity == 100  # nothing applied yet
    with qtbot.waitSignal(panel.reloaded, timeout=5000):
        dialog.apply_button.click()
    sandbags = next(lv for lv in stores.inv.levels() if lv.item_id == stores.sandbags.id)
    assert sandbags.quantity == 90


def test_export_levels_and_movements(qtbot, panel, tmp_path):
    for what in ("levels", "movements"):
        with qtbot.waitSignal(panel.exported, timeout=5000) as blocker:
            panel.export_to(tmp_path / f"{what}.csv", what)
        assert blocker.args[1] == 2
        assert Path(blocker.args[0]).read_text(encoding="utf-8-sig").count("\n") == 3


def test_screenshot_of_the_demo_stores(qtbot, post, screenshot_dir, themed):
    from ops_console.demo import build_demo_post
    from ops_console.inventory.demo import build_demo_inventory
    from ops_console.ui.common.column_widths import keep_titles_whole

    build_demo_post(post)
    inv = build_demo_inventory(post)
    inv._shift = post.shift  # act as the supervisor on shift from here on
    bridge = PostBridge(post.bus)
    panel = InventoryPanel(post, bridge, inv)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    for table in (panel.table, panel.request_table):  # as the main window guards them
        keep_titles_whole(table)
    panel.sort_runs_out_first()
    panel.table.selectRow(0)
    panel.request_table.selectRow(0)
    assert panel.chart.series is not None and panel.chart.series.times
    qtbot.waitUntil(lambda: panel.stock.chart_box.isVisible() and panel.chart.width() > 200)
    assert panel.requests_model.rowCount() == 3
    assert panel.requests_model.request_at(0).priority.label == "Urgent"
    path = screenshot_dir / "inventory.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 20_000
    bridge.detach()


def test_sorting_by_a_header_and_reloading_keep_the_selected_cell(qtbot, panel, stores):
    stores.inv.transfer(stores.water.id, stores.depot.id, stores.shelter.id, 10)
    stores.inv.set_threshold(stores.sandbags.id, stores.shelter.id, 5, 10)  # a cell with no stock yet
    with qtbot.waitSignal(panel.reloaded, timeout=3000):
        pass
    assert panel.model.rowCount() == 4
    panel.table.selectRow(panel.model.row_of(stores.water.id, stores.shelter.id))
    header = panel.table.horizontalHeader()
    for column in ("quantity", "item", "location", "level", "cover", "expiry"):
        x = header.sectionViewportPosition(STOCK_COLUMNS.index(column)) + 5
        for _ in range(2):  # a click sorts ascending, the next descending
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
            shown = [panel.model.level_at(r).quantity for r in range(4)]
            if column == "quantity":
                assert shown == sorted(
                    shown, reverse=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
                )
            lv = panel.selected_level()
            assert (lv.item_id, lv.location_id) == (stores.water.id, stores.shelter.id), column
            assert panel.table.selectionModel().isRowSelected(panel.table.currentIndex().row())
    with qtbot.waitSignal(panel.reloaded, timeout=3000):
        stores.inv.issue(stores.water.id, stores.shelter.id, 4, team_id=stores.team_id)
    assert panel.selected_level().quantity == 6  # the same cell, read again


def test_the_table_sorts_by_quantity_both_ways_and_filters_by_location(qtbot, panel, stores):
    stores.inv.transfer(stores.water.id, stores.depot.id, stores.shelter.id, 10)
    with qtbot.waitSignal(panel.reloaded, timeout=3000):
        pass
    panel.table.sortByColumn(STOCK_COLUMNS.index("quantity"), Qt.SortOrder.AscendingOrder)
    assert [panel.model.level_at(r).quantity for r in range(3)] == [10, 30, 100]
    panel.table.sortByColumn(STOCK_COLUMNS.index("quantity"), Qt.SortOrder.DescendingOrder)
    assert [panel.model.level_at(r).quantity for r in range(3)] == [100, 30, 10]
    panel.location_box.setCurrentIndex(panel.location_box.findData(stores.depot.id))
    assert [panel.model.level_at(r).quantity for r in range(panel.model.rowCount())] == [100, 30]
    assert panel.model.row_of(stores.water.id, stores.shelter.id) == -1  # filtered out


def test_issue_stock_to_an_incident_from_the_form(qtbot, panel, stores, post):
    """The form asks for a team *or an incident*: both are there, and an incident alone is enough."""
    from ops_console.services.incidents import IncidentDraft

    incident = post.incidents.create(IncidentDraft("Flooded lane behind the school"))
    dialog = panel.open_movement(MovementKind.ISSUE)
    assert not dialog.incident.isHidden() and dialog.incident.findData(incident.id) >= 0
    dialog.item.setCurrentIndex(dialog.item.findData(stores.water.id))
    dialog.source.setCurrentIndex(dialog.source.findData(stores.depot.id))
    dialog.quantity.setValue(3)
    dialog.accept()
    assert "team or incident" in dialog.problem.text()  # neither named: refused with the reason
    dialog.incident.setCurrentIndex(dialog.incident.findData(incident.id))
    dialog.accept()
    assert not dialog.isVisible()
    (issued,) = [m for m in stores.inv.movements(item_id=stores.water.id) if m.kind == MovementKind.ISSUE]
    assert issued.recipient == f"incident #{incident.id}"
