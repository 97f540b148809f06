"""The alert dock on real posts: it reads off the GUI thread, follows events, jumps to the
record, acknowledges, and the status-bar counter keeps it in sight."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from ops_console.alerts import Severity
from ops_console.db.siren_models import Siren
from ops_console.demo import build_full_demo
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.post import open_post
from ops_console.sirens.records import SirenRecords
from ops_console.ui.alerts import AlertPanel
from ops_console.ui.bridge import PostBridge


@pytest.fixture
def demo_post(tmp_path):
    post = open_post(f"sqlite:///{tmp_path / 'post.db'}")
    build_full_demo(post)
    post.operators.sign_on("Chen Jing", "1234")
    yield post
    post.close()


@pytest.fixture
def panel(demo_post, qtbot, themed):
    bridge = PostBridge(demo_post.bus)
    widget = AlertPanel(demo_post, bridge)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=10_000)
    yield widget
    widget.wait_idle()
    bridge.detach()


def hear_emergency(post) -> None:
    frames = fp.encode_text("RESCUE1", "OPS", 41, fp.Precedence.EMERGENCY, "Water over the footbridge, two cut off")
    post.radio.ingest.ingest([RawFrame(b"+RCV=11,%d,%s,-80,5" % (len(f), f), datetime.now(UTC), "lora-test", 11, f,
                                       -80, 5.0) for f in frames])


def test_an_emergency_heard_on_the_radio_appears_on_top_within_a_second(panel, demo_post, qtbot) -> None:
    before = panel.model.rowCount()
    with qtbot.waitSignal(panel.counts_changed, timeout=5000) as counted:
        hear_emergency(demo_post)  # publishes radio.message → debounced re-read on the pool
    total, critical = counted.args
    top = panel.model.alerts[0]
    assert total == before + 1 and critical >= 1
    assert top.source == "radio" and top.severity == Severity.CRITICAL
    assert "EMERGENCY" in panel.model.index(0, 2).data() and "▲▲▲" in panel.model.index(0, 0).data()


def test_acknowledge_removes_the_radio_alert_and_go_to_names_the_record(panel, demo_post, qtbot) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        hear_emergency(demo_post)
    panel.table.selectRow(0)
    alert = panel.selected()
    assert alert.source == "radio" and panel.ack_button.isEnabled()
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.open_button.click()
    assert opened.args == ["radio_message", alert.target[1]]
    panel.ack_button.click()
    qtbot.waitUntil(lambda: all(a.key != alert.key for a in panel.model.alerts), timeout=5000)
    assert demo_post.radio.unacknowledged_alerts() == []


def test_stock_alerts_cannot_be_acknowledged_only_dealt_with(panel) -> None:
    row = next(i for i, a in enumerate(panel.model.alerts) if a.source == "inventory")
    panel.table.selectRow(row)
    assert not panel.ack_button.isEnabled() and panel.open_button.isEnabled()


def test_screenshot_of_the_alert_list(panel, demo_post, qtbot, screenshot_dir) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        hear_emergency(demo_post)
        with demo_post.db.write() as s:
            siren = s.scalars(select(Siren).limit(1)).one()
            SirenRecords._alarm(s, siren, "comms_fault", f"{siren.name}: no answer from the controller")
    qtbot.waitUntil(lambda: any(a.source == "sirens" for a in panel.model.alerts), timeout=5000)
    panel.show()
    panel.grab().save(str(screenshot_dir / "alerts.png"))


def test_the_main_window_counts_alerts_in_the_status_bar_and_the_counter_opens_the_list(window, post, qtbot) -> None:
    window.show()
    hear_emergency(post)
    qtbot.waitUntil(lambda: window.status.alert_button.isVisible(), timeout=5000)
    assert "1 alert" in window.status.alert_button.text() and "1 critical" in window.status.alert_button.text()
    window.docks["activity"].raise_()
    window.status.alert_button.click()
    qtbot.waitUntil(lambda: not window.docks["alerts"].visibleRegion().isEmpty())
    assert window.docks["activity"].visibleRegion().isEmpty(), "the alert list now lies on top of its tab group"
