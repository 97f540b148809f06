"""The Warnings panel driven like a supervisor would: controls a role may not use are
disabled with the reason, approve with the PIN in the dialog, issue with channel ticks, the
delivery view shows each channel side by side (a refusing siren beside a radio that went
out reads "Partial"), retry of a failed channel. Screenshots: the delivery view and the
printed notice (the PDF's page rendered with pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import update

from helpers.posts import PIN, ROLE_NAMES
from helpers.public_warnings import SECOND, approved_flood, draft_flood
from ops_console.db.siren_models import Siren
from ops_console.domain import Role
from ops_console.early_warning.views import CHANNELS
from ops_console.ui.bridge import PostBridge
from ops_console.ui.warnings import WarningsPanel
from ops_console.ui.warnings.dialogs import StepDialog


@pytest.fixture
def panel(spost, qtbot, themed):  # type: ignore[no-untyped-def]
    bridge = PostBridge(spost.bus)
    p = WarningsPanel(spost.warnings, spost.map.zones, spost.sirens, spost.shift, bridge)
    qtbot.addWidget(p)
    p.resize(1180, 640)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.detach()
    bridge.detach()


def step_dialog(panel) -> StepDialog:  # type: ignore[no-untyped-def]
    (open_now,) = [d for d in panel.findChildren(StepDialog, "warningStepDialog") if d.isVisible()]
    return open_now


def test_controls_a_role_may_not_use_are_disabled_with_the_reason(spost, panel, qtbot):
    draft_flood(spost)
    panel.reload()
    assert not panel.approve_button.isEnabled()  # the drafter is on shift
    assert "another supervisor must approve it (four-eyes rule)" in panel.reason.text()
    spost.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    panel._update_controls()
    assert not panel.new_button.isEnabled() and not panel.approve_button.isEnabled()
    assert "A viewer cannot draft warnings." in panel.reason.text()
    assert "Only a supervisor may approve" in panel.reason.text()


def test_a_new_draft_is_the_one_chosen_and_reads_in_the_consoles_language(spost, panel, qtbot):
    """After "New warning…" the draft is selected, so Approve acts on it, not on the warning
    chosen before; the list and the heading give the headline in the reader's language first."""
    older = draft_flood(spost)
    panel.reload()
    panel.select_warning(older.id)
    panel.new_button.click()
    dialog = panel.findChildren(QDialog, "warningDraftDialog")[-1]
    dialog.place.setText("Willow Lane")
    dialog.by_sirens.setChecked(True)
    dialog.siren_list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.finished):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    new = panel.current()
    assert new is not None and new.id == dialog.result_id != older.id
    assert "Willow Lane" in panel.list.item(panel.list.currentRow(), 3).text()


def test_the_warning_list_gives_the_chinese_headline_on_a_chinese_console(spost, panel, chinese):
    w = draft_flood(spost)
    panel.reload()
    panel.select_warning(w.id)
    row = panel.list.currentRow()
    assert panel.list.item(row, 3).text() == w.headline("zh-CN") != w.headline("en-US")
    first, second = panel.heading.text().split("\n")[:2]
    assert w.headline("zh-CN") in first and second == w.headline("en-US")


def test_approve_and_issue_through_the_dialogs(spost, panel, qtbot):
    w = draft_flood(spost)
    spost.operators.sign_on(SECOND, PIN)
    panel.reload()
    assert panel.approve_button.isEnabled()
    panel.approve_button.click()
    dialog = step_dialog(panel)
    dialog.pin.setText("000000")
    dialog.go.click()
    qtbot.waitUntil(lambda: "PIN was not accepted" in dialog.problem.text())
    dialog.pin.setText(PIN)
    with qtbot.waitSignal(dialog.finished):
        dialog.go.click()
    assert spost.warnings.get(w.id).state == "approved"
    qtbot.waitUntil(lambda: panel.issue_button.isEnabled())
    panel.issue_button.click()
    dialog = step_dialog(panel)
    assert [c for c in CHANNELS if dialog.ticks[c].isChecked()] == list(CHANNELS)
    dialog.ticks["sirens"].setChecked(False)
    dialog.ticks["pdf"].setChecked(False)
    dialog.pin.setText(PIN)
    with qtbot.waitSignal(dialog.finished):
        dialog.go.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: panel.delivery.rowCount() == 1)
    assert panel.delivery.item(0, 1).text() == "not ticked"
    assert panel.delivery.item(0, 3).text().startswith("✓ Delivered")  # the CAP file


def test_delivery_view_side_by_side_partial_and_retry(spost, panel, qtbot, screenshot_dir: Path):
    with spost.db.write() as s:  # Canal Bridge is out of service: the siren door refuses it
        s.execute(update(Siren).where(Siren.id == 2).values(enabled=False))
    w = approved_flood(spost)
    summary = spost.warnings.issue(w.id, PIN, list(CHANNELS))
    radio = spost.radio.get(int(next(d for d in summary.deliveries if d.channel == "radio").ref))
    spost.radio.outbox.mark_sent(radio, "lora0")  # the outbox worker put it on air
    panel.reload()
    qtbot.waitUntil(lambda: panel.delivery.rowCount() == 1)
    cells = [panel.delivery.item(0, c).text() for c in range(1, 6)]
    assert cells[0].startswith("✗ Failed") and "out of service" in cells[0]
    assert cells[1].startswith("✓ Delivered") and "broadcast sent (Emergency)" in cells[1]
    assert cells[2].startswith("✓ Delivered") and cells[3].startswith("✓ Delivered")
    assert cells[4] == "Partial"
    assert "Partial" in panel.list.item(0, 4).text()
    panel.delivery.resizeRowsToContents()
    panel.grab().save(str(screenshot_dir / "warning_delivery.png"))
    assert not panel.retry_button.isEnabled()  # nothing failed is selected yet, and it says so
    assert panel.retry_button.toolTip() == "Select a failed channel in the delivery table first."
    panel.delivery.setCurrentCell(0, 1)
    assert panel.retry_button.isEnabled() and panel.retry_button.toolTip() == ""
    with spost.db.write() as s:
        s.execute(update(Siren).where(Siren.id == 2).values(enabled=True))
    panel.retry_button.click()
    dialog = step_dialog(panel)
    dialog.pin.setText(PIN)
    with qtbot.waitSignal(dialog.finished):
        dialog.go.click()
    qtbot.waitUntil(lambda: panel.delivery.item(0, 1).text().startswith("… Sending"))
    assert (
        panel.timeline.item(panel.timeline.count() - 1)
        .text()
        .endswith(panel.timeline.item(panel.timeline.count() - 1).text().split(": ", 1)[1])
    )
    assert any("retried" in panel.timeline.item(i).text() for i in range(panel.timeline.count()))


def test_the_printed_notice_is_one_a4_page_in_both_languages(spost, screenshot_dir: Path, tmp_path: Path):
    w = approved_flood(spost)
    summary = spost.warnings.issue(w.id, PIN, ["pdf"])
    pdf = Path(summary.deliveries[0].ref)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "(A4)" in info, info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Flood warning for Willow Creek" in text and "预警" in text and "避难所" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(tmp_path / "notice")], check=True
    )
    shutil.copy(tmp_path / "notice.png", screenshot_dir / "warning_notice.png")
    assert (screenshot_dir / "warning_notice.png").stat().st_size > 5000


def test_draft_warning_in_one_click_from_a_sensor_alert_on_the_alert_list(spost, qtbot):
    from dataclasses import replace
    from datetime import timedelta

    from helpers.sensors import RIVER, T0, sensor_frame
    from ops_console.ui.alerts import AlertPanel

    siren = spost.sirens.get(1)
    spost.sensors.save(replace(RIVER, lat=siren.lat, lon=siren.lon))
    spost.radio.ingest.ingest(
        [sensor_frame(RIVER.sensor_id, v, T0 + timedelta(minutes=m)) for v, m in ((2.0, 0), (3.7, 1))]
    )
    bridge = PostBridge(spost.bus)
    alerts = AlertPanel(spost, bridge)
    qtbot.addWidget(alerts)
    alerts.show()
    try:
        alerts.refresh()
        qtbot.waitUntil(lambda: alerts.select_key(f"sensor:{RIVER.sensor_id}:level"))
        assert alerts.draft_button.isEnabled()
        with qtbot.waitSignal(alerts.warning_drafted) as drafted:
            alerts.draft_button.click()
        w = spost.warnings.get(drafted.args[0])
        assert w.state == "draft" and w.place == "Old bridge" and "3.7 m" in w.texts["en-US"]["description"]
        assert siren.id in w.area.siren_ids
        alerts.select_key("no such alert")
        alerts.table.clearSelection()
        assert not alerts.draft_button.isEnabled()
    finally:
        alerts.wait_idle()
        bridge.detach()
