"""New items, locations and hand-recorded requests from the inventory panel's forms."""

from __future__ import annotations

import pytest

from ops_console.ui.bridge import PostBridge
from ops_console.ui.inventory import InventoryPanel
from ops_console.ui.inventory.catalogue_dialogs import AddItemDialog, AddLocationDialog, RequestDialog


@pytest.fixture
def panel(qtbot, post, stores):
    bridge = PostBridge(post.bus)
    widget = InventoryPanel(post, bridge, stores.inv)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.wait_idle()
    bridge.detach()


def test_new_item_keeps_what_was_typed_when_refused_then_saves(qtbot, panel, stores):
    dialog = panel.open_form(AddItemDialog)
    dialog.name.setText("Sandbags, filled")  # already in the catalogue
    dialog.category.setCurrentText("Flood defence")
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text() and dialog.name.text() == "Sandbags, filled"
    dialog.name.setText("Head torch")
    dialog.unit.setText("each")
    dialog.accept()
    assert not dialog.isVisible()
    assert any(i.name == "Head torch" for i in stores.inv.items())


def test_new_location_checks_its_coordinates(qtbot, panel, stores):
    dialog = panel.open_form(AddLocationDialog)
    dialog.name.setText("Van 2")
    dialog.lat.setText("north")
    dialog.accept()
    assert dialog.isVisible() and "not a number" in dialog.problem.text()
    dialog.lat.setText("30.2612")
    dialog.lon.setText("120.1688")
    dialog.accept()
    assert any(loc.name == "Van 2" for loc in stores.inv.locations())


def test_a_request_recorded_by_hand_joins_the_queue(qtbot, panel, stores):
    dialog = panel.open_form(RequestDialog)
    dialog.item.setCurrentIndex(dialog.item.findData(stores.sandbags.id))
    dialog.quantity.setValue(40)
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text()  # nobody named as asking
    dialog.requested_by.setText("CANAL-1")
    dialog.deliver_to.setText("Canal Road underpass")
    dialog.accept()
    assert not dialog.isVisible()
    requests = stores.inv.requests()
    assert [(r.requested_by, r.quantity) for r in requests] == [("CANAL-1", 40)]
    qtbot.waitUntil(lambda: panel.requests_model.rowCount() == 1)


def test_new_request_is_pre_filled_with_the_chosen_stock_row(qtbot, panel, stores):
    """As Receive and Issue already are: the item chosen in the stock table is the one asked for."""
    last = panel.model.rowCount() - 1  # not the first row: the form's first item would pass by chance
    panel.table.selectRow(last)
    chosen = panel.model.level_at(last).item_id
    assert chosen != RequestDialog(stores.inv).item.currentData()
    dialog = panel.open_form(RequestDialog)
    assert dialog.item.currentData() == chosen
    dialog.reject()


def test_the_request_queue_shows_priority_and_status_whole(qtbot, panel, stores):
    """An urgent open request shows "■■■■ Urgent" in bold: the column holds it whole."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from ops_console.domain import Priority
    from ops_console.inventory import RequestDraft
    from ops_console.ui.inventory.model import REQUEST_COLUMNS

    stores.inv.create_request(
        RequestDraft(
            "CANAL-1", stores.sandbags.id, 50, Priority.URGENT, deliver_to_location_id=stores.shelter.id
        )
    )
    panel.reload()
    model, table = panel.queue.model, panel.queue.table
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    for key in ("id", "priority", "quantity", "status"):
        column = REQUEST_COLUMNS.index(key)
        font = model.index(0, column).data(Qt.ItemDataRole.FontRole) or table.font()
        text = model.index(0, column).data()
        assert QFontMetrics(font).horizontalAdvance(text) + 8 <= table.columnWidth(column), (column, text)
