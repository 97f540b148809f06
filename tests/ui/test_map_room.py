"""The map keeps its room in a narrow dock: at 1280x720 the legend beside it took ~260 of
the dock's ~620 px. Now the legend steps aside below LEGEND_BESIDE_FROM, a button on the
map brings it back, and a person's choice stands whatever the width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt

from helpers.windows import settle, shown_at
from ops_console.config import DEMO_PIN
from ops_console.ui.mapping.legend_toggle import LEGEND_BESIDE_FROM, SETTING

SIZES = [QSize(1280, 720), QSize(1920, 1080)]


def open_map(post, qtbot, layout_settings, size):  # type: ignore[no-untyped-def]
    post.operators.sign_on("Zhang Min", DEMO_PIN)
    window = shown_at(post, qtbot, layout_settings, size)
    window.docks["map"].show()
    window.docks["map"].raise_()
    qtbot.waitUntil(lambda: window.features.built("map"))
    settle()
    return window, window.features.panel("map")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_map_keeps_its_room_and_the_legend_is_one_click_away(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
):
    window, panel = open_map(full_demo_post, qtbot, layout_settings, size)
    toggle, canvas, legend = panel.legend_toggle, panel.canvas, panel.legend
    narrow = panel.width() < LEGEND_BESIDE_FROM
    button = toggle.button
    assert button.isVisible() and canvas.rect().contains(button.geometry())
    if narrow:
        assert not legend.isVisible()
        assert canvas.width() >= panel.width() - 4, "the map does not have the dock's width"
    else:
        assert legend.isVisible() and canvas.width() >= 0.6 * panel.width()
    window.grab().save(str(screenshot_dir / f"map-room-{size.width()}x{size.height()}.png"))

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    settle()
    assert legend.isVisible() == narrow, "the button did not switch the legend"
    assert canvas.rect().contains(button.geometry()), "the button left the map's corner"
    assert layout_settings.value(SETTING) in (narrow, str(narrow).lower())
    window.resize(size.width() - 40, size.height())  # a person's choice stands at another width
    settle()
    assert legend.isVisible() == narrow
