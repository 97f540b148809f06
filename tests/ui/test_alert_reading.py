"""A selected alert is read whole, and its record found, in the real main window.

Found under Xvfb at 1280×720 as Liu Yang (logistics): the alert dock's Alert and Details
columns share what the left column leaves them, and the expiring stock alert read "Oral
rehydration salts a…" / "Oral rehydration salts lo…": which lot, where, how much and when
were on hover only. Selecting an alert now shows it whole under the list, with its severity,
source, time and whether it needs acknowledging; and *Go to record* of a stock alert, which
only brought the inventory to the front, now selects that item at that place, in sight; that
of a siren alarm selects the alarm on the sirens' Alarms tab, where it is acknowledged; that of
a CAP alert from the city frames its area on the map.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from helpers.alerts import hear_emergency, raise_siren_alarm
from helpers.clipping import visible_part
from helpers.windows import shown_at
from ops_console.config import DEMO_PIN

SIZES = [QSize(1280, 720), QSize(1920, 1080)]


def alerts_window(post, qtbot, settings, size, operator="Liu Yang"):  # type: ignore[no-untyped-def]
    post.operators.sign_on(operator, DEMO_PIN)
    window = shown_at(post, qtbot, settings, size, start_devices=False)
    qtbot.waitUntil(window.status.alert_button.isVisible, timeout=10_000)
    window.status.alert_button.click()  # as a person opens the list: the counter in the status bar
    qtbot.waitUntil(lambda: not window.docks["alerts"].visibleRegion().isEmpty())
    return window


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_selected_alert_is_read_whole_in_sight(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
) -> None:
    window = alerts_window(full_demo_post, qtbot, layout_settings, size)
    panel = window.features.alerts
    qtbot.waitUntil(
        lambda: any(a.key.startswith("stock:expiring:") for a in panel.model.alerts), timeout=10_000
    )
    assert not panel.reading.isVisible()  # nothing selected: no empty pane takes the list's rows
    row = next(r for r, a in enumerate(panel.model.alerts) if a.key.startswith("stock:expiring:"))
    alert = panel.model.alerts[row]
    if size.width() == 1280:
        cut = [
            c
            for c in (2, 3)
            if panel.table.fontMetrics().horizontalAdvance(panel.model.index(row, c).data())
            > panel.table.columnWidth(c)
        ]
        assert cut, "the alert fits its cells at 1280x720: this test would not show the cut"

    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: panel.reading.isVisible())
    qtbot.wait(50)
    reading = panel.reading
    assert reading.words.text() == f"{alert.title}\n{alert.detail}"
    assert "Warning" in reading.heading.text() and "Stock" in reading.heading.text()
    assert "Clears when its cause is dealt with" in reading.heading.text()
    seen = visible_part(reading, window)
    assert seen.size() == reading.size(), f"only {seen.width()}x{seen.height()} of the alert in sight"
    assert not reading.verticalScrollBar().isVisible(), "an alert's two lines fit whole"
    assert panel.table.viewport().height() >= 3 * panel.table.rowHeight(row), "the list gave its rows away"
    window.grab().save(str(screenshot_dir / f"alert_reading_{size.width()}x{size.height()}.png"))

    with qtbot.waitSignal(panel.refreshed, timeout=5000):  # the 30-second re-read keeps the pane
        panel.refresh()
    assert panel.selected().key == alert.key and reading.words.text().startswith(alert.title)

    panel.table.clearSelection()
    qtbot.waitUntil(lambda: not reading.isVisible())
    window.close()


def test_radio_words_in_an_alert_are_shown_as_plain_text(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    window = alerts_window(full_demo_post, qtbot, layout_settings, QSize(1280, 720))
    panel = window.features.alerts
    hear_emergency(full_demo_post)
    qtbot.waitUntil(lambda: any(a.source == "radio" for a in panel.model.alerts), timeout=5000)
    panel.table.selectRow(next(r for r, a in enumerate(panel.model.alerts) if a.source == "radio"))
    qtbot.waitUntil(lambda: panel.reading.isVisible())
    assert "EMERGENCY" in panel.reading.words.text()
    assert "Needs acknowledging" in panel.reading.heading.text()
    assert panel.reading.words.textFormat().name == "PlainText"  # what a radio sends is never markup
    window.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_go_to_record_of_a_stock_alert_selects_its_cell_in_sight(
    full_demo_post, qtbot, themed, layout_settings, size
) -> None:
    window = alerts_window(full_demo_post, qtbot, layout_settings, size)
    panel = window.features.alerts
    qtbot.waitUntil(
        lambda: any(a.key.startswith("stock:expiring:") for a in panel.model.alerts), timeout=10_000
    )
    row = next(r for r, a in enumerate(panel.model.alerts) if a.key.startswith("stock:expiring:"))
    _, _, item_id, place_id = panel.model.alerts[row].key.split(":")
    inventory = window.features.inventory
    elsewhere = next(p.id for p in full_demo_post.inventory.locations() if p.id != int(place_id))
    inventory.location_box.setCurrentIndex(
        inventory.location_box.findData(elsewhere)
    )  # a filter that hides it
    assert inventory.model.row_of(int(item_id), int(place_id)) < 0

    panel.table.selectRow(row)
    panel.open_button.click()
    qtbot.waitUntil(lambda: not window.docks["inventory"].visibleRegion().isEmpty(), timeout=15_000)
    chosen = inventory.stock.selected_level()
    assert chosen is not None and (chosen.item_id, chosen.location_id) == (int(item_id), int(place_id))
    table = inventory.table
    qtbot.waitUntil(
        lambda: table.viewport().rect().contains(table.visualRect(table.currentIndex())), timeout=15_000
    )
    assert inventory.location_box.currentData() is None, "the filter that hid the cell was cleared"
    window.close()


def test_go_to_record_of_a_siren_alarm_selects_it_on_the_alarms_tab(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    raise_siren_alarm(full_demo_post, "comms_fault", "no answer from the controller")
    window = alerts_window(full_demo_post, qtbot, layout_settings, QSize(1280, 720), "Chen Jing")
    panel = window.features.alerts
    qtbot.waitUntil(lambda: any(a.key.startswith("siren_alarm:") for a in panel.model.alerts), timeout=10_000)
    row = next(r for r, a in enumerate(panel.model.alerts) if a.key.startswith("siren_alarm:"))
    alarm_id = panel.model.alerts[row].target[1]

    panel.table.selectRow(row)
    panel.open_button.click()
    qtbot.waitUntil(lambda: not window.docks["sirens"].visibleRegion().isEmpty(), timeout=15_000)
    sirens = window.features.sirens
    assert sirens.tabs.currentIndex() == 1, "the Alarms tab, not the status table"
    chosen = sirens.alarm_table.selectedItems()
    assert chosen and chosen[0].data(Qt.ItemDataRole.UserRole) == alarm_id
    assert sirens.ack_button.isEnabled()  # the supervisor acknowledges it from here
    window.close()


def test_go_to_record_of_a_cap_alert_frames_its_area_on_the_map(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    from helpers.public_warnings import alert_xml
    from ops_console.mapping.geo import to_mercator

    full_demo_post.warnings.inbox.import_bytes(alert_xml("CITY-7"))
    window = alerts_window(full_demo_post, qtbot, layout_settings, QSize(1280, 720), "Chen Jing")
    panel = window.features.alerts
    qtbot.waitUntil(lambda: any(a.key.startswith("cap:") for a in panel.model.alerts), timeout=10_000)
    window.docks["map"].raise_()
    qtbot.waitUntil(lambda: window.features.built("map"), timeout=15_000)
    map_widget = window.features.map
    map_widget.centre_on(30.26, 120.17)  # the ward at street level: the city's area is far off
    canvas = map_widget.canvas
    middle = to_mercator(31.205, 121.41)  # the middle of the helper's polygon
    assert not canvas.rect().contains(canvas.vp.to_screen(*middle).toPoint())

    window.status.alert_button.click()
    qtbot.waitUntil(lambda: not window.docks["alerts"].visibleRegion().isEmpty())
    panel.table.selectRow(next(r for r, a in enumerate(panel.model.alerts) if a.key.startswith("cap:")))
    panel.open_button.click()
    qtbot.waitUntil(lambda: not window.docks["map"].visibleRegion().isEmpty(), timeout=15_000)
    qtbot.waitUntil(lambda: canvas.rect().contains(canvas.vp.to_screen(*middle).toPoint()), timeout=15_000)
    assert map_widget.layers["zones"].visible
    window.close()
