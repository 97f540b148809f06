"""A control a role may not use is disabled with the reason before the click, and a button
that acts on the selected record waits for one (docs/architecture.md).

Found in the real window at 1280×720:
- as Zhao Lei (viewer), "New task…", "New request…", the risk register's "Log
  inspection…" and "Edit…", and the shelters' "Set" and "Edit…" were enabled. The viewer's
  work was refused only after it was done: a task typed whole, then refused on Save;
- as Wang Fang (operator), the stores' "New item…" and "New location…" were enabled in the
  same way;
- with no row selected, the risk and shelter buttons did nothing at all when clicked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QTabBar, QTabWidget

from helpers.windows import settle, shown_at
from ops_console.config import DEMO_PIN

VIEWER_MAY_PRESS = {
    # Everything a viewer may press: it filters, zooms, measures or prints what they can see.
    # A new enabled control for a viewer must be added here consciously, or disabled with
    # the reason.
    "Show cancelled",
    "Log lines only",
    "Unaccounted only",
    "Unacknowledged alerts",
    "Critical items only",
    "What runs out first",
    "Zoom in",
    "Zoom out",
    "Show all",
    "Pan",
    "Measure",
    "◂ Legend",
    "Hide legend ▸",
    "ICS-213…",  # the selected message as a form, to read and print
    "Export levels…",
    "Export movements…",
    "&Export CSV…",  # the roster's names and skills, as on screen
    "1 h",
    "24 h",
    "7 d",
    "30 d",
    "1 year",
}


def _pressable(dock: QDockWidget) -> set[str]:
    """The texts of the enabled buttons a person sees in ``dock`` (its title bar's float and
    close buttons and the tab bars' scroll arrows are not the panel's)."""
    return {
        b.text()
        for b in dock.findChildren(QAbstractButton)
        if b.isVisible() and b.isEnabled() and not isinstance(b.parent(), (QTabBar, QDockWidget))
    }


def _signed_on(post, qtbot, settings, who: str):  # type: ignore[no-untyped-def]
    post.operators.sign_on(who, DEMO_PIN)
    return shown_at(post, qtbot, settings, QSize(1280, 720), start_devices=False)


def test_a_viewer_finds_only_what_reads_enabled(full_demo_post, qtbot, themed, layout_settings) -> None:
    window = _signed_on(full_demo_post, qtbot, layout_settings, "Zhao Lei")
    risks, shelters = window.features.risks, window.features.shelters
    risks.table.selectRow(0)  # a record chosen: what stays disabled is the role's refusal
    shelters.table.selectRow(0)
    pressable: dict[str, set[str]] = {}
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        settle()
        pressable[key] = _pressable(dock) - VIEWER_MAY_PRESS
        for tabs in dock.findChildren(QTabWidget):  # a panel's own tabs too (Outbox, Alarms…)
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                pressable[key] |= _pressable(dock) - VIEWER_MAY_PRESS
    assert not any(pressable.values()), f"a viewer may press: { {k: v for k, v in pressable.items() if v} }"

    for button in (*_buttons(risks), *_buttons(shelters), shelters.count):
        assert not button.isEnabled() and button.toolTip().startswith("A viewer can read")
    new_task = window.tasks.new_button
    assert not new_task.isEnabled() and "viewer" in new_task.toolTip()
    window.close()


def test_stores_say_who_adds_items_and_who_asks_for_supplies(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    window = _signed_on(full_demo_post, qtbot, layout_settings, "Wang Fang")  # an operator
    inventory = window.features.inventory
    for button in (inventory.new_item_button, inventory.new_location_button):
        assert not button.isEnabled() and "logistics staff" in button.toolTip()
    assert inventory.new_request_button.isEnabled()  # anyone on duty may ask for supplies

    with qtbot.waitSignal(window.bridge.shift_changed):
        full_demo_post.operators.sign_on("Liu Yang", DEMO_PIN)  # logistics takes the seat
    assert inventory.new_item_button.isEnabled() and inventory.new_location_button.isEnabled()
    window.close()


@pytest.mark.parametrize("kind", ["risks", "shelters"])
def test_record_buttons_wait_for_a_selected_record(
    full_demo_post, qtbot, themed, layout_settings, kind
) -> None:
    window = _signed_on(full_demo_post, qtbot, layout_settings, "Wang Fang")
    panel = getattr(window.features, kind)
    buttons = _buttons(panel)
    assert panel.current() is None
    for button in buttons:
        assert not button.isEnabled() and button.toolTip().startswith("Select a")

    panel.table.selectRow(0)
    assert all(b.isEnabled() and not b.toolTip() for b in buttons)

    with qtbot.waitSignal(window.bridge.shift_changed):
        full_demo_post.operators.sign_on("Zhao Lei", DEMO_PIN)  # the viewer takes the seat
    assert not any(b.isEnabled() for b in buttons)
    window.close()


def test_set_records_the_count_of_the_selected_shelter(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    window = _signed_on(full_demo_post, qtbot, layout_settings, "Wang Fang")
    shelters = window.features.shelters
    row = next(r for r, s in enumerate(shelters.model.rows) if s.occupancy < s.capacity)
    shelters.table.selectRow(row)
    shelter = shelters.model.rows[row]
    shelters.count.setValue(shelter.occupancy + 1)
    set_button = next(b for b in _buttons(shelters) if b.text() == "Set")
    set_button.click()
    qtbot.waitUntil(
        lambda: (
            next(s for s in shelters.services.shelters.list() if s.id == shelter.id).occupancy
            == shelter.occupancy + 1
        )
    )
    window.close()


def _buttons(panel) -> list[QAbstractButton]:  # type: ignore[no-untyped-def]
    """The buttons on a record panel's bottom row."""
    layout = panel.buttons
    found = [layout.itemAt(i).widget() for i in range(layout.count())]
    return [w for w in found if isinstance(w, QAbstractButton)]


def test_a_viewer_reads_a_task_and_an_incident_whole_but_cannot_type_a_change(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    """Enter on a card opened the task's form editable for a viewer, and Save refused the
    typed change only afterwards. A double-click on an incident did nothing, and its notes
    were on hover only. Both forms now open to read, with Save off and saying why."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

    window = _signed_on(full_demo_post, qtbot, layout_settings, "Zhao Lei")
    board = window.tasks
    settle()  # the role's front tabs are raised by a 0-timer after show
    window.docks["tasks"].raise_()  # the viewer's front tab is the map: the board reads when seen
    qtbot.waitUntil(
        lambda: board.cards_current() and any(c.model.rowCount() for c in board.columns.values()),
        timeout=15_000,
    )
    task = next(c.model.view_at(0) for c in board.columns.values() if c.model.rowCount())
    board.select_task(task.id)
    board.edit_selected()
    form = board.findChildren(QDialogButtonBox)[-1].parentWidget()
    qtbot.waitUntil(form.isVisible)
    assert form.title.text() == task.title and form.title.isReadOnly()
    typed_in = [*form.findChildren(QLineEdit), *form.findChildren(QPlainTextEdit)]
    assert all(e.isReadOnly() or not e.isEnabled() for e in typed_in if e.isVisible())
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and "viewer" in save.toolTip()
    close = form.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.keyClicks(form.title, "typed anyway")
    assert form.title.text() == task.title and not form.has_typed_content()
    close.click()  # nothing typed: closes at once
    qtbot.waitUntil(lambda: not form.isVisible())

    incidents = window.incidents
    incidents.table.selectRow(0)
    view = incidents.selected()
    dialog = incidents.edit_selected()  # what a double-click does
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.notes_edit.toPlainText() == view.notes and dialog.notes_edit.isReadOnly()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and save.toolTip() == "A viewer can read incidents but not change them."
    assert not incidents.edit_button.isEnabled()  # editing itself stays refused before the click
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.close()


def test_the_viewers_standing_line_spans_the_window_when_no_alarm_is_up(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir
) -> None:
    """Seen in the installed console at 1280×720, signed on as the viewer with no EMERGENCY
    up: "Nobody signed on here may acknowledge…" stood in a 270 px box of six lines at the
    top left, above the docks, and the rest of its row was empty. The alarm bar had only
    been seen wide with an alarm in it."""
    window = _signed_on(full_demo_post, qtbot, layout_settings, "Zhao Lei")
    bar = window.alarm.bar
    qtbot.waitUntil(bar.warning.isVisible)
    assert not bar.alarm.isVisible()
    line = bar.warning.fontMetrics().lineSpacing()
    assert bar.warning.width() >= 0.9 * window.width(), f"{bar.warning.width()} px of {window.width()}"
    # two lines at 1280 px, with the label's padding and border (it stood 106 px high)
    assert bar.warning.height() < 3 * line + 20, f"{bar.warning.height()} px for two lines"
    window.grab().save(str(screenshot_dir / "viewer_standing_line_1280x720.png"))
    window.close()
