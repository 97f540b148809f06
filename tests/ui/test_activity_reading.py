"""A selected activity-log entry is read whole, in the real main window.

At 1280×720 the log's Summary column is what the left column leaves it (~240 px): a log
line an operator typed ("Called the water board: the main at …") is cut after a few words,
and the sensor and warning entries too. Selecting an entry now shows it whole under the log,
with its time to the second, who and what on the line above.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from helpers.clipping import visible_part
from helpers.windows import shown_at
from ops_console.config import DEMO_PIN

SIZES = [QSize(1280, 720), QSize(1920, 1080)]
LINE = (
    "Called the water board: the main at Harbour Street is shut off from 14:00, the tanker "
    "comes to the school yard at 15:30, residents of blocks 3 to 7 are told by the wardens."
)


def operator_window(post, qtbot, settings, size):  # type: ignore[no-untyped-def]
    post.operators.sign_on("Wang Fang", DEMO_PIN)
    return shown_at(post, qtbot, settings, size, start_devices=False)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_typed_log_line_is_read_whole_in_sight(
    full_demo_post, qtbot, themed, layout_settings, size
) -> None:
    window = operator_window(full_demo_post, qtbot, layout_settings, size)
    panel = window.activity
    window.docks["activity"].raise_()
    qtbot.waitUntil(lambda: not window.docks["activity"].visibleRegion().isEmpty())
    assert not panel.reading.isVisible()

    window.activateWindow()
    panel.focus_note()
    qtbot.keyClicks(panel.note_edit, LINE)
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.model.rowCount() > 0 and panel.model.entry_at(0).words == LINE, timeout=5000
    )
    if size.width() == 1280:
        assert panel.table.fontMetrics().horizontalAdvance(LINE) > panel.table.columnWidth(3), (
            "the line fits its cell: this test would not show the cut"
        )

    panel.table.selectRow(0)
    qtbot.waitUntil(panel.reading.isVisible)
    qtbot.wait(50)
    reading = panel.reading
    assert reading.words.text() == LINE
    assert "Wang Fang" in reading.heading.text() and "Log line" in reading.heading.text()
    seen = visible_part(reading, window)
    assert seen.size() == reading.size(), f"only {seen.width()}x{seen.height()} of the line in sight"
    assert not reading.verticalScrollBar().isVisible(), "a three-line log line fits whole"
    assert panel.table.viewport().height() >= 3 * panel.table.rowHeight(0), "the log gave its rows away"

    full_demo_post.activity.add_note("Radio check, all stations")  # a newer line arrives on top
    qtbot.waitUntil(lambda: panel.model.entry_at(0).words != LINE, timeout=5000)
    assert reading.words.text() == LINE, "the pane follows the selected entry, not the top row"

    panel.table.clearSelection()
    qtbot.waitUntil(lambda: not reading.isVisible())
    window.close()
