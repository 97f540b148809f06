"""The residents panel on the demo post: progress, marking, privacy per role, welfare
tasks, and a zone of 5,000 residents listed without holding the GUI thread."""

import time

from PySide6.QtCore import QTimer
from sqlalchemy import insert

from ops_console.db.resident_models import Resident
from ops_console.events import Event
from ops_console.mapping.geo import offset
from ops_console.mapping.zones import ZoneDraft, ZoneKind
from ops_console.residents import Whereabouts
from ops_console.residents.snapshot import HIDDEN, zone_snapshot
from ops_console.topics import Topic
from ops_console.ui.common.jobs import pending_jobs
from ops_console.ui.residents import ResidentsPanel


def make_panel(qtbot, post):
    panel = ResidentsPanel(post.residents, post, None)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.snapshot is not None and pending_jobs() == 0, timeout=20_000)
    return panel


def refreshed_after(qtbot, panel, action):
    with qtbot.waitSignal(panel.refreshed, timeout=20_000):
        action()
    qtbot.waitUntil(lambda: pending_jobs() == 0, timeout=20_000)


def test_zone_progress_and_marking_at_the_shelter(qtbot, full_demo_post, themed, screenshot_dir):
    post = full_demo_post
    panel = make_panel(qtbot, post)
    zone_id = panel.snapshot.zone_id
    progress = post.residents.evacuation.progress(zone_id)
    assert panel.zone.currentText().endswith("(evacuation)")
    assert (panel.progress.value(), panel.progress.maximum()) == (progress.accounted, progress.total)
    assert panel.model.rowCount() == progress.total
    assert panel.table.isVisible() or not panel.isVisible()
    panel.resize(900, 620)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab().save(str(screenshot_dir / "residents_zone.png"))

    panel.only_open.setChecked(True)  # the unaccounted report
    assert panel.model.rowCount() == progress.total - progress.accounted
    row = 0
    target = panel.model.rows[row]
    panel.table.selectRow(row)
    panel.mark_as.setCurrentIndex(panel.mark_as.findData(Whereabouts.EVACUATED.value))
    hall = next(s for s in post.map.shelters.list() if s.name.startswith("Plum Blossom"))
    panel.shelter.setCurrentIndex(panel.shelter.findData(hall.id))
    refreshed_after(qtbot, panel, panel.mark.click)
    assert panel.progress.value() == progress.accounted + 1
    assert target.id not in {r.id for r in panel.model.rows}  # left the report
    assert post.map.shelters.get(hall.id).occupancy == hall.occupancy + 1


def test_viewer_sees_counts_only_with_the_reason(qtbot, full_demo_post):
    post = full_demo_post
    post.operators.sign_on("Zhao Lei", "1234")  # the demo's viewer
    panel = make_panel(qtbot, post)
    snap = panel.snapshot
    assert snap.rows is None and snap.progress.total > 0 and panel.model.rowCount() == 0
    assert panel.hidden.text() == HIDDEN and "320 residents" in panel.counts.text()
    for button in (panel.mark, panel.open_record, panel.tasks, panel.export):
        assert not button.isEnabled() and button.toolTip()
    assert "supervisor" in panel.export.toolTip()


def test_buttons_wait_for_the_register_and_for_a_selected_resident(qtbot, full_demo_post):
    """Before the first read the rights are not known: nothing acts (an operator's panel had
    "Export register…" enabled until then). "Mark selected" and "Open record…" wait for a
    row instead of saying so after the click."""
    post = full_demo_post
    post.operators.sign_on("Wang Fang", "1234")  # an operator: may mark, may not export
    panel = ResidentsPanel(post.residents, post, None)
    qtbot.addWidget(panel)
    acting = (panel.mark, panel.open_record, panel.tasks, panel.export)
    assert panel.snapshot is None  # the read runs on a worker
    assert all(not b.isEnabled() and b.toolTip().startswith("Reading") for b in acting)
    qtbot.waitUntil(lambda: panel.snapshot is not None and pending_jobs() == 0, timeout=20_000)
    assert not panel.export.isEnabled() and "supervisor" in panel.export.toolTip()
    assert panel.tasks.isEnabled()
    for button in (panel.mark, panel.open_record):
        assert not button.isEnabled() and button.toolTip() == "Select a resident in the list first."
    panel.table.selectRow(0)
    assert panel.mark.isEnabled() and panel.open_record.isEnabled()


def test_welfare_tasks_and_export_from_the_panel(qtbot, full_demo_post, tmp_path):
    post = full_demo_post
    panel = make_panel(qtbot, post)
    before = len(post.tasks.list())
    panel.create_tasks()
    qtbot.waitUntil(lambda: "welfare-check tasks" in panel.message.text(), timeout=20_000)
    made = len(post.tasks.list()) - before
    streets = {r.street for r in panel.snapshot.rows if not r.whereabouts.accounted}
    assert made == len(streets) and panel.message.text().startswith(str(made))
    panel.export_to(tmp_path / "register.csv")
    qtbot.waitUntil(lambda: "exported" in panel.message.text(), timeout=20_000)
    assert (tmp_path / "register.csv").stat().st_mode & 0o077 == 0  # personal data: owner only
    assert panel.message.text() == "320 residents exported."


def test_zone_with_5000_residents_keeps_the_gui_turning(qtbot, post, settled_heap):
    lat0, lon0 = 31.0, 121.0
    rows = []
    for i in range(5000):
        lat, lon = offset(lat0, lon0, (i % 70) * 2.0, (i // 70) * 2.0)
        rows.append(
            {
                "name": f"R{i}",
                "address": f"Lane {i % 50} {i}",
                "street": f"Lane {i % 50}",
                "lat": lat,
                "lon": lon,
                "needs": "mobility",
                "urgency": 4,
                "version": 1,
            }
        )
    with post.db.write() as s:
        s.execute(insert(Resident), rows)
    ring = (
        offset(lat0, lon0, -5, -5),
        offset(lat0, lon0, -5, 200),
        offset(lat0, lon0, 200, 200),
        offset(lat0, lon0, 200, -5),
    )
    zone = post.map.zones.create(ZoneDraft("Big", ZoneKind.EVACUATION, ring=ring))
    started = time.perf_counter()
    direct = zone_snapshot(post.residents, post.map.zones, post.map.shelters, zone.id)
    direct_s = time.perf_counter() - started
    assert len(direct.rows) == 5000

    panel = ResidentsPanel(post.residents, post, None)
    qtbot.addWidget(panel)
    ticks: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.waitUntil(lambda: panel.snapshot is not None, timeout=30_000)
    timer.stop()
    assert panel.model.rowCount() == 5000
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 3 and max(gaps) < max(0.1, direct_s / 2), (max(gaps), direct_s)


def test_a_zone_drawn_on_the_map_is_shown_with_its_residents(qtbot, full_demo_post, at_metres):
    post = full_demo_post
    panel = make_panel(qtbot, post)
    ring = tuple(at_metres(n, e) for n, e in ((-700, -1000), (-700, 1000), (0, 1000), (0, -1000)))
    zone = post.map.zones.create(ZoneDraft("Warn: south half", ZoneKind.WARNING, ring=ring))
    refreshed_after(qtbot, panel, lambda: panel.map_changed(Event(Topic.ZONE_CHANGED, zone.id)))
    assert panel.zone.currentData() == zone.id
    inside = post.residents.evacuation.resident_ids(zone.id)
    assert panel.model.rowCount() == len(inside) > 0
