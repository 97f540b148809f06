"""The radio panel on a real post, fed by a simulated modem through the real driver:
live traffic, alert and acknowledgement, compose keys, filing a message, the lazy log
at 500,000 messages, and the screenshot people look at (build/screenshots/radio.png)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ops_console.hardware.lora.airtime import DutyCycleBudget
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line


def emergency(sim, number: int = 500) -> None:
    [frame] = fp.encode_text(
        "SEARCH3", "OPS", number, fp.Precedence.EMERGENCY, "Person trapped in car at the ford"
    )
    sim.inject_bytes(rcv_line(13, frame, -97, -3))


def test_live_traffic_alert_and_screenshot(
    panel, post, radio_sim, start_runtime, qtbot, screenshot_dir
) -> None:
    beeps = []
    QApplication.beep = lambda: beeps.append(1)  # type: ignore[method-assign]
    post.radio.outbox.budget = DutyCycleBudget(fraction=0.5)  # acks for 60 texts at SF12 would spend 1 %
    start_runtime(post, radio_sim)
    for _ in range(16):  # live traffic over a few seconds, as in the demo
        radio_sim.emit_traffic(6)
        qtbot.wait(150)
    emergency(radio_sim)
    qtbot.waitUntil(lambda: panel.alert.isVisible(), timeout=5000)
    assert "Person trapped" in panel.alert.text.text() and beeps
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 5 and panel.nodes_model.rowCount() == 4, timeout=5000)
    post.radio.outbox.compose("RESCUE1", "Pump on its way, ETA 15 min", fp.Precedence.PRIORITY)
    post.radio.outbox.compose("ALL", "All teams: report position every 10 minutes")
    qtbot.waitUntil(lambda: any(m.status == "acked" for m in panel.outbox_model.rows), timeout=8000)
    panel.nodes_table.selectRow(0)
    qtbot.waitUntil(lambda: panel.plot is not None, timeout=3000)
    panel.poll()
    qtbot.waitUntil(lambda: "heard" in panel.link_strip.counters.text(), timeout=3000)
    panel.table.selectRow(0)
    qtbot.wait(400)
    assert panel.grab().save(str(screenshot_dir / "radio.png"))
    first = panel.alert.message_id
    for _ in range(20):  # the simulated teams also send PRIORITY texts: each needs its acknowledgement
        if not panel.alert.isVisible():
            break
        panel.acknowledge_alert(panel.alert.message_id)
    assert not panel.alert.isVisible() and post.radio.get(first).acknowledged_by
    assert any(e.action == "radio.alert_ack" for e in post.activity.page())


def test_enter_sends_and_ctrl_enter_adds_a_line(panel, post, qtbot) -> None:
    edit = panel.compose.text_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Road closed")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "use Elm St")
    assert edit.toPlainText() == "Road closed\nuse Elm St"
    assert "frames" in panel.compose.counter.text()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    [msg] = post.radio.outbox_list()
    assert msg.body == "Road closed\nuse Elm St" and msg.status == "queued" and msg.recipient == "ALL"
    assert edit.toPlainText() == ""
    qtbot.waitUntil(lambda: panel.outbox_model.rowCount() == 1, timeout=3000)


def test_too_long_says_why_and_cannot_send(panel) -> None:
    panel.compose.text_edit.setPlainText("x" * 3000)
    assert not panel.compose.send_button.isEnabled()
    assert "Too long" in panel.compose.counter.text()


def test_a_received_message_becomes_an_incident_in_one_action(
    panel, post, radio_sim, start_runtime, qtbot
) -> None:
    start_runtime(post, radio_sim)
    emergency(radio_sim, 42)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    panel.table.selectRow(0)
    assert panel.to_incident.isEnabled()
    entity, incident_id = panel.file_selected("incident")
    incident = post.incidents.get(incident_id)
    assert entity == "incident" and "Person trapped" in incident.title and incident.reported_by == "SEARCH3"
    msg = post.radio.page()[0]
    assert (msg.linked_entity, msg.linked_id) == ("incident", incident_id)
    qtbot.waitUntil(lambda: "→ incident" in panel.model.data(panel.model.index(0, 6)), timeout=3000)


def test_comms_log_stays_lazy_at_500k_messages(panel, post, qtbot) -> None:
    start = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=2)
    rows = [
        (
            "in",
            "text",
            f"T{i % 50}",
            i % 65536,
            f"T{i % 50}",
            "OPS",
            "ROUTINE",
            "",
            f"Routine check {i}",
            str(start + timedelta(milliseconds=300 * i)),
            "received",
            0,
            "",
            "lora1",
            "",
            "",
            0,
        )
        for i in range(500_000)
    ]
    with post.db.connect(begin=True) as conn:  # the driver's executemany: seconds, not the ORM's minutes
        conn.exec_driver_sql(
            "INSERT INTO radio_messages (direction, kind, station, number, sender, recipient, precedence, subject, "
            "body, at, status, attempts, last_error, link, acknowledged_by, linked_entity, exercise) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    began = time.perf_counter()
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    assert time.perf_counter() - began < 1.5
    assert panel.model.message_at(0).body == "Routine check 499999"
    for _ in range(5):
        panel.table.scrollToBottom()
        qtbot.waitUntil(lambda: not panel.model.loading, timeout=3000)
    assert 600 <= panel.model.rowCount() <= 3000
    panel.search_edit.setText("check 123456")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=8000)


def test_ics213_is_sent_in_frames_received_and_saved_as_pdf(
    panel, post, radio_sim, start_runtime, qtbot, tmp_path
) -> None:
    from ops_console.radio.ics213 import Ics213

    start_runtime(post, radio_sim)
    dialog = panel.open_ics213()
    qtbot.addWidget(dialog)
    dialog.recipient.setText("RESCUE1")
    dialog.to.setText("Team leader Rescue 1")
    dialog.subject.setText("Evacuation of Elm St")
    dialog.body.setPlainText("Evacuate houses 1-40 on Elm St by 18:00. " * 5)
    sent = dialog.send()
    assert sent is not None and sent.kind == "ics213" and sent.subject == "Evacuation of Elm St"
    qtbot.waitUntil(lambda: len(radio_sim.transmissions) >= 2, timeout=15000)  # split across frames
    qtbot.waitUntil(lambda: post.radio.get(sent.id).status == "acked", timeout=8000)
    assert radio_sim.traffic.received[-1].text.startswith("ICS-213\nTo: Team leader Rescue 1")

    form = Ics213(
        "Ops", "Medic 2", "Shelter status", "2026-11-29 05:10", "Shelter at school full.\nSend cots."
    )
    for f in fp.encode_text("MEDIC2", "OPS", 901, fp.Precedence.PRIORITY, form.to_text()):
        radio_sim.inject_bytes(rcv_line(12, f, -88, 2))
    qtbot.waitUntil(
        lambda: any(m.kind == "ics213" and m.direction == "in" for m in post.radio.page()), timeout=5000
    )
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2, timeout=3000)
    row = next(i for i in range(panel.model.rowCount()) if panel.model.message_at(i).direction == "in")
    panel.table.selectRow(row)
    received = panel.open_ics213()
    qtbot.addWidget(received)
    assert received.subject.text() == "Shelter status" and "Send cots." in received.body.toPlainText()
    assert received.recipient.text() == "MEDIC2"
    pdf = received.save_pdf(str(tmp_path / "ics213.pdf"))
    assert pdf and (tmp_path / "ics213.pdf").read_bytes().startswith(b"%PDF")
    from helpers.pdf import ink, pdf_text  # the one writer's form, read back by poppler

    printed = pdf_text(tmp_path / "ics213.pdf")
    assert "GENERAL MESSAGE (ICS 213)" in printed and "Shelter status" in printed and "Send cots." in printed
    assert "Page 1 of 1" in printed and ink(tmp_path / "ics213.pdf") > 0.005
    received.reject()


def test_outbox_columns_show_their_whole_text_at_the_default_size(panel, post, qtbot) -> None:
    """A message waiting for its next try shows "Sent · next try HH:MM:SS": not cut."""
    from ops_console.clock import utc_now
    from ops_console.db.radio_models import RadioMessage

    msg = post.radio.outbox.compose("SHELTER-B", "Cots arriving", fp.Precedence.EMERGENCY)
    post.radio.outbox.mark_sent(post.radio.get(msg.id), "lora1")
    qtbot.waitUntil(lambda: panel.outbox_model.rowCount() == 1, timeout=3000)
    table, model = panel.outbox_table, panel.outbox_model
    with post.db.write() as s:  # waiting for the ack: the next try is set
        s.get(RadioMessage, msg.id).next_attempt_at = utc_now() + timedelta(minutes=1)
    qtbot.waitUntil(lambda: "next try" in model.index(0, 4).data(), timeout=5000)
    metrics = table.fontMetrics()
    for column in range(model.columnCount() - 1):  # the last one stretches
        text = model.index(0, column).data()
        assert metrics.horizontalAdvance(text) + 8 <= table.columnWidth(column), (column, text)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert table.horizontalHeader().fontMetrics().horizontalAdvance(title) + 8 <= table.columnWidth(
            column
        )


def test_comms_log_headers_are_whole(panel) -> None:
    """ "Dir" and "RSSI/SNR" were cut in the real window at 1280×720 (fixed pixel widths)."""
    from ops_console.ui.radio.columns import MESSAGE

    header = panel.table.horizontalHeader()
    for column in range(panel.model.columnCount()):
        if column == MESSAGE:
            continue
        panel.columns.show_column(column, True)  # the hidden ones too: shown from the header's menu
        title = panel.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.fontMetrics().horizontalAdvance(title) + 8 <= panel.table.columnWidth(column), title


def test_an_emergency_row_reads_whole_in_bold(panel, post, radio_sim, start_runtime, qtbot) -> None:
    """EMERGENCY rows are bold: "Emergency" in the Prec. column must still fit."""
    from PySide6.QtGui import QFontMetrics

    start_runtime(post, radio_sim)
    [frame] = fp.encode_text("RESCUE1", "OPS", 9, fp.Precedence.EMERGENCY, "Water over the footbridge")
    radio_sim.inject_bytes(rcv_line(12, frame, -80, 2))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=8000)
    for column in (0, 2, 3, 5, 8):
        index = panel.model.index(0, column)
        font = index.data(Qt.ItemDataRole.FontRole) or panel.table.font()
        assert QFontMetrics(font).horizontalAdvance(index.data()) + 6 <= panel.table.columnWidth(column), (
            column
        )


def test_widths_saved_too_narrow_are_widened_again_and_wider_ones_kept(panel, tmp_path) -> None:
    """A header state saved under another language or a smaller font cut the time of a bold
    EMERGENCY row and "Emergency" itself in the real window; a width the operator widened stays."""
    from PySide6.QtCore import QSettings

    table, time_column, precedence_column, from_column = panel.table, 0, 5, 2
    fitted = {c: table.columnWidth(c) for c in (time_column, precedence_column)}
    table.setColumnWidth(time_column, 40)
    table.setColumnWidth(precedence_column, 40)
    table.setColumnWidth(from_column, 300)
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    panel.columns.settings = settings
    panel.columns.save()
    assert panel.columns.remember(settings)
    assert table.columnWidth(time_column) >= fitted[time_column]
    assert table.columnWidth(precedence_column) >= fitted[precedence_column]
    assert table.columnWidth(from_column) == 300
