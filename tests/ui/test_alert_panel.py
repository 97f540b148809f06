"""The alert dock on real posts: it reads off the GUI thread, follows events, jumps to the
record, acknowledges, and the status-bar counter keeps it in sight."""

from __future__ import annotations

import pytest

from helpers.alerts import hear_emergency, raise_siren_alarm
from ops_console.alerts import Severity
from ops_console.ui.alerts import AlertPanel
from ops_console.ui.bridge import PostBridge


@pytest.fixture
def panel(full_demo_post, qtbot, themed):
    bridge = PostBridge(full_demo_post.bus)
    widget = AlertPanel(full_demo_post, bridge)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=10_000)
    yield widget
    widget.wait_idle()
    bridge.detach()


def test_an_emergency_heard_on_the_radio_appears_on_top_within_a_second(panel, full_demo_post, qtbot) -> None:
    before = panel.model.rowCount()
    with qtbot.waitSignal(panel.counts_changed, timeout=5000) as counted:
        hear_emergency(full_demo_post)  # publishes radio.message → debounced re-read on the pool
    total, critical = counted.args
    top = panel.model.alerts[0]
    assert total == before + 1 and critical >= 1
    assert top.source == "radio" and top.severity == Severity.CRITICAL
    assert "EMERGENCY" in panel.model.index(0, 2).data() and "▲▲▲" in panel.model.index(0, 0).data()


def test_acknowledge_removes_the_radio_alert_and_go_to_names_the_record(panel, full_demo_post, qtbot) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        hear_emergency(full_demo_post)
    panel.table.selectRow(0)
    alert = panel.selected()
    assert alert.source == "radio" and panel.ack_button.isEnabled()
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.open_button.click()
    assert opened.args == ["radio_message", alert.target[1]]
    panel.ack_button.click()
    qtbot.waitUntil(lambda: all(a.key != alert.key for a in panel.model.alerts), timeout=5000)
    assert full_demo_post.radio.unacknowledged_alerts() == []


def test_stock_alerts_cannot_be_acknowledged_only_dealt_with(panel) -> None:
    row = next(i for i, a in enumerate(panel.model.alerts) if a.source == "inventory")
    panel.table.selectRow(row)
    assert not panel.ack_button.isEnabled() and panel.open_button.isEnabled()


def test_screenshot_of_the_alert_list(panel, full_demo_post, qtbot, screenshot_dir) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        hear_emergency(full_demo_post)
        raise_siren_alarm(full_demo_post, "comms_fault", "no answer from the controller")
    qtbot.waitUntil(lambda: any(a.source == "sirens" for a in panel.model.alerts), timeout=5000)
    panel.show()
    panel.grab().save(str(screenshot_dir / "alerts.png"))


def test_the_main_window_counts_alerts_in_the_status_bar_and_the_counter_opens_the_list(
    window, post, qtbot
) -> None:
    window.show()
    hear_emergency(post)
    qtbot.waitUntil(lambda: window.status.alert_button.isVisible(), timeout=5000)
    assert (
        "1 alert" in window.status.alert_button.text() and "1 critical" in window.status.alert_button.text()
    )
    window.docks["activity"].raise_()
    window.status.alert_button.click()
    qtbot.waitUntil(lambda: not window.docks["alerts"].visibleRegion().isEmpty())
    assert window.docks["activity"].visibleRegion().isEmpty(), (
        "the alert list now lies on top of its tab group"
    )


def test_a_notice_in_the_status_bar_never_hides_or_covers_the_alert_count(window, post, qtbot) -> None:
    """A notice (showMessage) hid the counter, and the next alert showed it again under the
    notice's words (seen at 1280x720 under Xvfb): the counter is a permanent widget now."""
    from PySide6.QtCore import QSize

    from helpers.clipping import visible_part

    window.resize(QSize(1280, 720))
    window.show()
    hear_emergency(post)
    qtbot.waitUntil(lambda: window.status.alert_button.isVisible(), timeout=5000)
    window.status.showMessage(
        "Frames heard while the database is away will wait in memory only: " + "x" * 200
    )
    qtbot.wait(50)
    button = window.status.alert_button
    assert button.isVisible()
    assert visible_part(button, window).size() == button.size()
    window.status.show_alert_counts(2, 2)  # a new count while the notice shows: still its own place
    assert button.isVisible() and not window.status.operator_label.isVisible()  # the notice has the left


def test_a_message_sent_from_here_that_failed_is_listed_and_acknowledged_from_the_list(
    panel, full_demo_post, qtbot
) -> None:
    """The outbox gave the message up (here at once, as for a text the radio refuses): the
    list shows it critical, goes to it in the comms log, and acknowledges it."""
    from ops_console.hardware.protocols import field_payload as fp

    outbox = full_demo_post.radio.outbox
    msg = outbox.compose("NOBODY", "Evacuate Canal Road now", fp.Precedence.EMERGENCY)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        outbox.mark_attempt_failed(msg, "the radio refused the text", final=True)
    row = next(i for i, a in enumerate(panel.model.alerts) if a.key == f"undelivered:{msg.id}")
    alert = panel.model.alerts[row]
    assert alert.severity == Severity.CRITICAL and "not delivered" in panel.model.index(row, 2).data()
    panel.table.selectRow(row)
    assert panel.ack_button.isEnabled()
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.open_button.click()
    assert opened.args == ["radio_sent", msg.id]
    panel.ack_button.click()
    qtbot.waitUntil(lambda: all(a.key != alert.key for a in panel.model.alerts), timeout=5000)
    assert full_demo_post.radio.undelivered() == []


def test_go_to_record_of_an_emergency_heard_selects_it_and_reads_it_whole(window, post, qtbot) -> None:
    """It only ticked "Unacknowledged alerts": with several open, which one the alert was
    about was left to the operator. Now that message is selected and read whole below."""
    window.show()
    radio = window.radio
    radio.search_edit.setText("sandbags")  # a search left in the box would hide it
    hear_emergency(post, "Wall collapsed on Mill Lane, one person under it")
    hear_emergency(post, "Second call: the footbridge is gone", number=42)
    alerts = window.features.alerts
    alerts.refresh()
    qtbot.waitUntil(lambda: sum(a.source == "radio" for a in alerts.model.alerts) == 2, timeout=5000)
    row = next(i for i, a in enumerate(alerts.model.alerts) if "Mill Lane" in a.detail)
    message_id = alerts.model.alerts[row].target[1]
    alerts.table.selectRow(row)
    alerts.open_button.click()
    qtbot.waitUntil(lambda: not window.docks["radio"].visibleRegion().isEmpty(), timeout=5000)

    def chosen() -> int | None:
        rows = radio.table.selectionModel().selectedRows()
        return radio.model.message_at(rows[0].row()).id if rows else None

    qtbot.waitUntil(lambda: chosen() == message_id, timeout=5000)
    assert radio.alerts_only.isChecked() and radio.search_edit.text() == ""
    assert radio.reading.isVisible() and "Mill Lane" in radio.reading.words.text()


def test_go_to_record_of_an_undelivered_message_selects_it_in_the_comms_log(window, post, qtbot) -> None:
    """The comms log was left on "Unacknowledged alerts" (incoming only) and "Received":
    going to the undelivered message clears what hides it and selects its row."""
    from ops_console.hardware.protocols import field_payload as fp

    window.show()
    radio = window.radio
    radio.alerts_only.setChecked(True)
    radio.direction_box.setCurrentIndex(radio.direction_box.findData("in"))
    msg = post.radio.outbox.compose("NOBODY", "Evacuate Canal Road now", fp.Precedence.EMERGENCY)
    post.radio.outbox.mark_attempt_failed(msg, "the radio refused the text", final=True)
    alerts = window.features.alerts
    alerts.refresh()
    qtbot.waitUntil(lambda: any(a.key == f"undelivered:{msg.id}" for a in alerts.model.alerts), timeout=5000)
    row = next(i for i, a in enumerate(alerts.model.alerts) if a.key == f"undelivered:{msg.id}")
    alerts.table.selectRow(row)
    alerts.open_button.click()
    qtbot.waitUntil(lambda: not window.docks["radio"].visibleRegion().isEmpty(), timeout=5000)
    assert not radio.alerts_only.isChecked() and radio.direction_box.currentData() == ""

    def chosen() -> int | None:
        rows = radio.table.selectionModel().selectedRows()
        return radio.model.message_at(rows[0].row()).id if rows else None

    qtbot.waitUntil(lambda: chosen() == msg.id, timeout=5000)
    assert radio.resend_button.isEnabled(), radio.resend_button.toolTip()
    radio.resend_button.click()  # where Go to record left it: the outbox tab is below the fold
    assert post.radio.get(msg.id).status == "queued"
    assert not radio.resend_button.isEnabled() and "on its way" in radio.resend_button.toolTip()
    assert post.radio.undelivered() == []


def test_the_selected_message_row_offers_filing_for_one_heard_and_resend_for_one_sent(
    window, post, qtbot
) -> None:
    """Both sets at once wrapped the row out of sight at 1280x720; each applies to one
    direction, so the row shows the set for the message selected."""
    from ops_console.hardware.protocols import field_payload as fp

    window.show()
    hear_emergency(post)
    [heard] = post.radio.unacknowledged_alerts()
    sent = post.radio.outbox.compose("NOBODY", "Evacuate Canal Road now", fp.Precedence.EMERGENCY)
    radio = window.radio
    qtbot.waitUntil(lambda: radio.show_message(heard.id), timeout=5000)
    assert not radio.resend_button.isVisible() and radio.to_incident.isVisible()
    qtbot.waitUntil(lambda: radio.show_message(sent.id), timeout=5000)
    assert radio.resend_button.isVisible() and not radio.to_incident.isVisible()
    assert not radio.resend_button.isEnabled(), "queued: on its way"
    assert radio.resend_button.toolTip() == "This message is on its way or was delivered."
