"""The radio operator reads a selected message whole, in the real main window.

Found under Xvfb at 1280×720 as Zhang Min (radio): the log's Message column was the dock's
leftover ~180 px, and every field report was cut after a few words ("Arrived at sector 2,
start…"); the rest was only on hover. Selecting a message now shows its words whole under
the log, with who sent it to whom, how urgent and its state, inside the window.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSize, Qt

from helpers.clipping import visible_part
from helpers.windows import shown_at
from ops_console.config import DEMO_PIN
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.ui.radio.reading import MAX_LINES

SIZES = [QSize(1280, 720), QSize(1920, 1080)]
REPORT = (
    "Arrived at sector 2, starting search of the flooded car park. Water knee deep at the "
    "entrance, rising. Two cars with hazard lights on, nobody seen inside yet. Need a boat "
    "and two more people with waders at the north gate."
)
MARKUP = "<b>not bold</b> & <i>as typed</i>"


def hear(post, number: int, text: str, precedence=fp.Precedence.ROUTINE) -> None:  # type: ignore[no-untyped-def]
    """A text heard on the radio, through the real ingest (split into frames as sent)."""
    frames = fp.encode_text("RESCUE1", "OPS", number, precedence, text)
    post.radio.ingest.ingest(
        [
            RawFrame(b"+RCV=11,%d,%s,-80,5" % (len(f), f), datetime.now(UTC), "lora-test", 11, f, -80, 5.0)
            for f in frames
        ]
    )


def radio_window(post, qtbot, settings, size):  # type: ignore[no-untyped-def]
    post.operators.sign_on("Zhang Min", DEMO_PIN)
    return shown_at(post, qtbot, settings, size, start_devices=False)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_selected_report_is_read_whole_in_sight(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
) -> None:
    hear(full_demo_post, 301, REPORT, fp.Precedence.PRIORITY)
    hear(full_demo_post, 302, MARKUP)
    window = radio_window(full_demo_post, qtbot, layout_settings, size)
    panel = window.radio
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=10_000)
    assert not panel.reading.isVisible()  # nothing selected: no empty pane takes the log's rows
    row = next(r for r in range(panel.model.rowCount()) if panel.model.message_at(r).body == REPORT)
    cell = panel.model.index(row, 6).data()
    assert panel.table.fontMetrics().horizontalAdvance(cell) > panel.table.columnWidth(6), (
        "the report fits its cell: this test would not show the cut"
    )

    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: panel.reading.isVisible())
    qtbot.wait(50)
    reading = panel.reading
    assert reading.words.text() == REPORT
    heading = reading.heading.text()
    assert "RESCUE1 → OPS" in heading and "Priority" in heading and "received" in heading
    seen = visible_part(reading, window)
    assert seen.size() == reading.size(), f"only {seen.width()}x{seen.height()} of the words in sight"
    assert not reading.verticalScrollBar().isVisible(), "a two-frame report should fit whole"
    assert reading.widget().height() <= reading.viewport().height() + 1
    window.grab().save(str(screenshot_dir / f"radio_reading_{size.width()}x{size.height()}.png"))

    markup = next(r for r in range(panel.model.rowCount()) if panel.model.message_at(r).body == MARKUP)
    panel.table.selectRow(markup)
    qtbot.waitUntil(lambda: reading.words.text() == MARKUP)
    assert reading.words.textFormat().name == "PlainText"  # radio text is never rendered as markup

    panel.table.clearSelection()
    qtbot.waitUntil(lambda: not reading.isVisible())
    window.close()


def test_a_long_message_scrolls_inside_a_few_lines_and_the_log_keeps_its_rows(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    long = " ".join(f"Line {i}: casualty list continues, see the ICS-213 for names." for i in range(12))
    hear(full_demo_post, 303, long)  # about four frames
    window = radio_window(full_demo_post, qtbot, layout_settings, QSize(1280, 720))
    panel = window.radio
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1, timeout=10_000)
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.message_at(r).body.startswith("Line 0")
    )
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: panel.reading.isVisible())
    qtbot.wait(50)
    reading = panel.reading
    line = reading.words.fontMetrics().lineSpacing()
    assert reading.height() <= reading.heading.height() + line * (MAX_LINES + 1) + 16
    assert reading.verticalScrollBar().maximum() > 0, "the rest of the words scroll"
    assert panel.table.viewport().height() >= 3 * panel.table.rowHeight(row), "the log gave its rows away"
    window.close()


def test_reply_addresses_the_compose_box_and_keeps_what_was_typed(
    full_demo_post, qtbot, themed, layout_settings
) -> None:
    """Reading a report, the operator answers it: Reply puts the sender in To and the cursor
    in the message box, whose words typed before stay; Enter sends it to that station."""
    hear(full_demo_post, 304, REPORT, fp.Precedence.PRIORITY)
    window = radio_window(full_demo_post, qtbot, layout_settings, QSize(1280, 720))
    window.activateWindow()
    panel = window.radio
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1, timeout=10_000)
    compose = panel.compose
    compose.text_edit.setPlainText("Copy, boat on its way")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.message_at(r).body == REPORT)
    panel.table.selectRow(row)
    reply = panel.reading.reply_button
    qtbot.waitUntil(lambda: reply.isVisible())
    assert reply.isEnabled() and "RESCUE1" in reply.toolTip()
    assert visible_part(reply, window).size() == reply.size()
    qtbot.mouseClick(reply, Qt.MouseButton.LeftButton)
    assert compose.to_box.currentText() == "RESCUE1"
    assert compose.text_edit.toPlainText() == "Copy, boat on its way"
    qtbot.waitUntil(lambda: compose.text_edit.hasFocus())
    assert visible_part(compose.text_edit, window).height() > 0
    qtbot.keyClick(compose.text_edit, Qt.Key.Key_Return)
    sent = [m for m in full_demo_post.radio.outbox_list() if m.body == "Copy, boat on its way"]
    assert [m.recipient for m in sent] == ["RESCUE1"]
    window.close()


def test_reply_says_why_when_it_cannot_be_used(full_demo_post, qtbot, themed, layout_settings) -> None:
    """A plain-text radio cannot read what the console sends, and a viewer may not send:
    Reply is disabled with the reason before the click."""
    plain = b"SOS two people on the church roof"
    full_demo_post.radio.ingest.ingest(
        [
            RawFrame(
                b"+RCV=77,%d,%s,-90,2" % (len(plain), plain),
                datetime.now(UTC),
                "lora-test",
                77,
                plain,
                -90,
                2.0,
            )
        ]
    )
    window = radio_window(full_demo_post, qtbot, layout_settings, QSize(1280, 720))
    panel = window.radio
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1, timeout=10_000)
    row = next(r for r in range(panel.model.rowCount()) if panel.model.message_at(r).kind == "plain")
    panel.table.selectRow(row)
    reply = panel.reading.reply_button
    qtbot.waitUntil(lambda: reply.isVisible())
    assert not reply.isEnabled() and "plain text" in reply.toolTip()
    full_demo_post.operators.sign_on("Zhao Lei", DEMO_PIN)  # the viewer takes the seat
    qtbot.waitUntil(lambda: "radio operators" in reply.toolTip())
    assert not reply.isEnabled()
    window.close()
