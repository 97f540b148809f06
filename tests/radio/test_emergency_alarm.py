"""EMERGENCY traffic comes to the operator, on the real main window: heard over the
simulated modem (real pty, real driver, real ingest) while another dock is in front, it
raises the post-wide alarm, brings the alert list forward without taking the keyboard
from a form, sounds (or says "Sound off"); who may acknowledge is shown before the click;
→ Incident carries what the message knew and shows the incident; the comms log does not
move rows under the pointer. Screenshot: build/screenshots/emergency_alarm.png."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from helpers.alerts import hear_emergency
from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role, Severity
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.ui.app import build_main_window


@pytest.fixture
def window(post, qtbot, themed, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """The real main window; this machine is taken to have no audio device (made certain,
    so the "Sound off" warning is what is checked, not the test machine's hardware)."""
    monkeypatch.setattr("ops_console.ui.alarm.controller.audio_present", lambda: False)
    win = build_main_window(
        post, settings=QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def on_screen(widget: QWidget, window: QWidget) -> bool:
    """Visible, not clipped by a scroll area or a dock, and wholly inside the window."""
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def in_front(widget: QWidget, window: QWidget) -> bool:
    """Shown in the window: Qt keeps the docks behind a tab "visible" but moves them off-screen."""
    return widget.isVisible() and window.rect().intersects(
        QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    )


def sign_on(post, qtbot, window, role: Role) -> None:  # type: ignore[no-untyped-def]
    post.operators.sign_on(ROLE_NAMES[role], PIN)
    qtbot.waitUntil(lambda: window.post.shift.role == role)
    qtbot.wait(50)  # the bridge delivers shift.changed queued


def test_emergency_heard_while_another_dock_is_in_front(
    window, post, radio_sim, start_runtime, qtbot, screenshot_dir
) -> None:
    alarm = window.alarm
    window.docks["tasks"].raise_()
    window.docks["activity"].raise_()  # the alert list's tab group shows the activity log
    qtbot.waitUntil(lambda: not in_front(window.features.alerts, window))
    assert not alarm.bar.alarm.isVisible()
    window.activateWindow()
    edit = window.incidents.search_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "bridge")
    qtbot.waitUntil(edit.hasFocus)

    start_runtime(post, radio_sim)
    [frame] = fp.encode_text(
        "RESCUE1", "OPS", 88, fp.Precedence.EMERGENCY, "Footbridge gone, two people cut off"
    )
    radio_sim.inject_bytes(rcv_line(11, frame, -92, -2))
    qtbot.waitUntil(alarm.bar.alarm.isVisible, timeout=10_000)

    assert "Footbridge gone" in alarm.bar.text.text() and alarm.bar.badge.text() == "EMERGENCY"
    assert in_front(window.features.alerts, window)  # the alert list came forward …
    assert QApplication.focusWidget() is edit  # … and the form kept the keyboard
    qtbot.keyClicks(edit, " st")
    assert edit.text() == "bridge st"
    assert alarm.sound.played == 1 and alarm.bar.sound_off.isVisible()
    message_id = alarm.bar.message_id
    qtbot.waitUntil(
        lambda: (s := window.features.alerts.selected()) is not None and s.key == f"radio:{message_id}",
        timeout=5000,
    )
    for size in ((1400, 900), (1280, 720)):
        window.resize(*size)
        qtbot.wait(100)
        assert on_screen(alarm.bar.ack_button, window), size
        assert on_screen(alarm.bar.show_button, window), size
        assert alarm.bar.ack_button.isEnabled()
    window.resize(1400, 900)
    qtbot.wait(200)
    assert window.grab().save(str(screenshot_dir / "emergency_alarm.png"))

    alarm.bar.show_button.click()  # the message itself, in the comms log
    assert in_front(window.radio, window) and window.radio._selected_message().id == message_id
    # the radio dock's own banner stands down under the bar: the same sentence twice would
    # take two rows of the comms log at 1280x720 (ui/radio/status.py)
    assert window.radio.alert.message_id == message_id and not window.radio.alert.isVisible()
    for size in ((1400, 900), (1280, 720)):
        window.resize(*size)
        qtbot.wait(100)
        assert on_screen(alarm.bar.ack_button, window), size
    alarm.bar.ack_button.click()
    assert not alarm.bar.alarm.isVisible() and post.radio.get(message_id).acknowledged_by


def test_a_post_alarm_is_not_raised_over_a_form_in_the_same_tab_group(window, post, qtbot) -> None:
    """The activity log's note field has the keyboard; raising the alert list would hide it."""
    window.docks["activity"].raise_()
    window.activateWindow()
    note = window.activity.note_edit
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    hear_emergency(post)
    qtbot.waitUntil(window.alarm.bar.alarm.isVisible, timeout=5000)
    assert (
        note.hasFocus() and in_front(window.activity, window) and not in_front(window.features.alerts, window)
    )


def test_acknowledge_is_decided_before_the_click(window, post, qtbot) -> None:
    hear_emergency(post)
    qtbot.waitUntil(window.alarm.bar.alarm.isVisible, timeout=5000)
    bar, banner, alerts = window.alarm.bar, window.radio.alert, window.features.alerts
    sign_on(post, qtbot, window, Role.VIEWER)
    qtbot.waitUntil(lambda: not bar.ack_button.isEnabled())
    assert "radio operators" in bar.ack_button.toolTip() and bar.warning.isVisible()
    assert "Nobody signed on here may acknowledge" in bar.warning.text()
    window.radio.update_actions()  # its banner is covered by the bar here, but decides the same way
    assert not banner.button.isEnabled() and "radio operators" in banner.button.toolTip()
    qtbot.waitUntil(lambda: alerts.model.rowCount() == 1, timeout=5000)
    alerts.table.selectRow(0)
    assert not alerts.ack_button.isEnabled() and "radio operators" in alerts.ack_button.toolTip()

    sign_on(post, qtbot, window, Role.RADIO)
    qtbot.waitUntil(bar.ack_button.isEnabled)
    assert not bar.warning.isVisible() and alerts.ack_button.isEnabled()

    post.radio.settings.operators_may_acknowledge = False  # the post's setting, off
    sign_on(post, qtbot, window, Role.OPERATOR)
    qtbot.waitUntil(lambda: not bar.ack_button.isEnabled())
    assert "operators" in bar.ack_button.toolTip() and bar.warning.isVisible()
    post.radio.settings.operators_may_acknowledge = True
    sign_on(post, qtbot, window, Role.OPERATOR)
    qtbot.waitUntil(bar.ack_button.isEnabled)
    bar.ack_button.click()
    assert not bar.alarm.isVisible()
    assert post.radio.page()[0].acknowledged_by == ROLE_NAMES[Role.OPERATOR]


def test_to_incident_carries_what_the_message_knew_and_shows_it(window, post, qtbot) -> None:
    heard = datetime.now(UTC) - timedelta(minutes=3)
    position = fp.encode_position("RESCUE1", 40, 47.36912, 8.53874, heard, 81)[0]
    post.radio.ingest.ingest(
        [RawFrame(rcv_line(11, position, -80, 5).rstrip(), heard, "lora-test", 11, position, -80, 5)]
    )
    hear_emergency(post, "Water over the footbridge, two people cut off")
    window.docks["map"].raise_()
    window.docks["radio"].raise_()
    radio = window.radio
    qtbot.waitUntil(lambda: radio.model.rowCount() == 1, timeout=5000)
    radio.table.selectRow(0)
    msg = radio._selected_message()
    window.docks["incidents"].close()  # the incident list is out of sight; filing must show it
    radio.to_incident.click()
    incident = window.incidents.selected()
    assert incident is not None and in_front(window.incidents, window)
    assert incident.severity == Severity.CRITICAL and incident.title.startswith("Water over the footbridge")
    assert (round(incident.lat, 5), round(incident.lon, 5)) == (47.36912, 8.53874)
    assert "RESCUE1" in incident.location_text and incident.reported_by == "RESCUE1"
    assert incident.reported_at == msg.at
    assert f"radio message {msg.id}" in incident.notes and "two people cut off" in incident.notes
    assert (
        post.radio.get(msg.id).linked_entity == "incident" and post.radio.get(msg.id).linked_id == incident.id
    )
    priority = post.radio.incident_draft(msg.__class__(**{**msg.__dict__, "precedence": "PRIORITY"}))
    assert priority.severity == Severity.SERIOUS


def test_plain_text_from_a_foreign_radio_raises_the_alarm(
    window, post, radio_sim, start_runtime, qtbot
) -> None:
    start_runtime(post, radio_sim)
    radio_sim.inject_bytes(
        rcv_line(203, "紧急 河堤决口 村民被困".encode(), -104, -7)
        + rcv_line(204, b"hello from the school radio club", -99, -1)
    )
    qtbot.waitUntil(window.alarm.bar.alarm.isVisible, timeout=10_000)
    assert "plain text, unverified" in window.alarm.bar.text.text() and "#203" in window.alarm.bar.text.text()
    radio = window.radio
    radio.refresh()
    qtbot.waitUntil(lambda: radio.model.rowCount() == 2, timeout=5000)
    rows = [radio.model.index(r, 6).data() for r in range(2)]
    assert all(r.startswith("[plain text, unverified]") for r in rows)
    assert {radio.model.index(r, 4).data() for r in range(2)} == {""}  # no number
    qtbot.waitUntil(lambda: {n.addr for n in radio.nodes_model.rows} >= {203, 204}, timeout=5000)


def test_the_comms_log_is_readable_and_keeps_still_while_choosing(
    window, post, qtbot, tmp_path: Path
) -> None:
    radio = window.radio
    header = radio.table.horizontalHeader()
    assert header.visualIndex(6) == header.count() - 1 and header.stretchLastSection()
    window.docks["radio"].raise_()
    qtbot.wait(100)
    assert radio.table.columnWidth(6) >= 180  # the message reads in the default layout's narrow dock
    assert radio.table.horizontalScrollBar().maximum() == 0
    for n in range(3):
        post.radio.ingest.ingest(
            [
                RawFrame(b"", datetime.now(UTC), "lora-test", 11, f, -80, 5)
                for f in fp.encode_text("MEDIC2", "OPS", 100 + n, fp.Precedence.ROUTINE, f"Status {n}")
            ]
        )
    radio.refresh()
    qtbot.waitUntil(lambda: radio.model.rowCount() == 3, timeout=5000)
    QApplication.sendEvent(radio.table.viewport(), QEvent(QEvent.Type.Enter))  # the pointer is over the log
    post.radio.ingest.ingest(
        [
            RawFrame(b"", datetime.now(UTC), "lora-test", 11, f, -80, 5)
            for f in fp.encode_text("MEDIC2", "OPS", 200, fp.Precedence.ROUTINE, "New traffic")
        ]
    )
    radio.refresh()
    assert radio.model.rowCount() == 3 and radio.new_button.text().startswith("1 new")
    assert not radio.new_button.isHidden()
    QApplication.sendEvent(radio.table.viewport(), QEvent(QEvent.Type.Leave))
    assert radio.model.rowCount() == 4 and radio.new_button.isHidden()
    radio.table.selectRow(1)  # chosen: new traffic waits again
    post.radio.ingest.ingest(
        [
            RawFrame(b"", datetime.now(UTC), "lora-test", 11, f, -80, 5)
            for f in fp.encode_text("MEDIC2", "OPS", 201, fp.Precedence.ROUTINE, "More traffic")
        ]
    )
    radio.refresh()
    assert radio.model.rowCount() == 4 and radio._selected_message().body == "Status 2"
    radio.new_button.click()
    assert radio.model.rowCount() == 5

    radio.table.setColumnWidth(2, 133)  # remembered for the next start
    radio.columns.save()
    again = build_main_window(post, settings=window.settings)
    qtbot.addWidget(again)
    try:
        assert again.radio.table.columnWidth(2) == 133
    finally:
        again.close()


def test_the_alarm_sound_can_be_tested_and_says_when_it_is_off(window, qtbot) -> None:
    """View → Test alarm sound: the cue is given (counted) and the status bar says there is
    no audio device here, so the post knows alarms on this workstation are visible only."""
    [view] = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"]
    [action] = [a for a in view.actions() if a.objectName() == "testAlarmSoundAction"]
    before = window.alarm.sound.played
    action.trigger()
    assert window.alarm.sound.played == before + 1
    assert "Sound off" in window.statusBar().currentMessage()


def test_the_alarm_sound_file_is_a_real_wav(tmp_path: Path) -> None:
    """The file QtMultimedia plays where a Qt installation has it (made at run time)."""
    import wave

    from ops_console.ui.alarm.sound import write_alarm_wav

    path = write_alarm_wav(tmp_path / "sounds" / "alarm.wav", seconds=0.5, rate=8000)
    with wave.open(str(path)) as played:
        assert (played.getnchannels(), played.getsampwidth(), played.getframerate()) == (1, 2, 8000)
        assert played.getnframes() == 4000


def test_a_radio_unplugged_is_on_the_alert_list_and_go_to_brings_the_radio_panel(
    window, post, radio_sim, start_runtime, qtbot
) -> None:
    """Unplugged while the radio dock is behind a tab: the alert list, in front for the
    supervisor, names it at once; Go to record brings the Radio panel and its link strip."""
    runtime = start_runtime(post, radio_sim)
    for modem in runtime.modems:
        modem.command_timeout, modem.retries, modem.probe_interval = 0.3, 1, 0.2
    window.show()
    window.docks["activity"].raise_()
    panel = window.features.alerts
    window.docks["alerts"].raise_()
    radio_sim.unplug()
    qtbot.waitUntil(lambda: any(a.key.startswith("link:") for a in panel.model.alerts), timeout=10_000)
    [row] = [r for r, a in enumerate(panel.model.alerts) if a.key.startswith("link:")]
    panel.table.selectRow(row)
    assert panel.open_button.isEnabled()
    panel.open_button.click()
    qtbot.waitUntil(lambda: in_front(window.radio, window))
    qtbot.waitUntil(lambda: window.radio.link_strip.pill.text() == "Link down", timeout=5000)
    radio_sim.replug()
    qtbot.waitUntil(lambda: not any(a.key.startswith("link:") for a in panel.model.alerts), timeout=15_000)
