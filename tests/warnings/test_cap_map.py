"""A CAP alert received from the city is drawn on the map with its area, live; its Cancel
takes it off again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from helpers.public_warnings import SENT, alert_xml
from ops_console.ui.bridge import PostBridge
from ops_console.ui.mapping.widget import DEMO_BASEMAP, MapWidget


@pytest.fixture
def map_widget(post, qtbot, themed, tmp_path):  # type: ignore[no-untyped-def]
    bridge = PostBridge(post.bus)
    widget = MapWidget(
        post,
        bridge,
        settings=QSettings(str(tmp_path / "m.ini"), QSettings.Format.IniFormat),
        basemaps=[DEMO_BASEMAP],
    )
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close_map()
    bridge.detach()


def test_a_received_cap_area_is_drawn_and_its_cancel_removes_it(post, map_widget, qtbot):
    zones = map_widget.layers["zones"]
    post.warnings.inbox.import_bytes(alert_xml("CITY-1"))
    qtbot.waitUntil(lambda: any(s.label == "CAP: River over the banks" for s in zones.shapes.values()))
    post.warnings.inbox.import_bytes(alert_xml("CITY-2", "Cancel", f"city@example.gov,CITY-1,{SENT}"))
    qtbot.waitUntil(lambda: not any(s.label.startswith("CAP:") for s in zones.shapes.values()))


def test_a_watched_folder_picks_up_a_new_cap_file(post, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from ops_console.ui.warnings.watch import CapFolderWatch

    folder = tmp_path / "inbox"
    folder.mkdir()
    watch = CapFolderWatch(post.warnings.inbox, folder, interval_ms=50)
    try:
        (folder / "city.xml").write_bytes(alert_xml("CITY-9"))
        qtbot.waitUntil(
            lambda: [r.identifier for r in post.warnings.inbox.list_received()] == ["CITY-9"], timeout=5000
        )
        (folder / "bad.xml").write_bytes(b"<alert")
        qtbot.waitUntil(
            lambda: any("bad.xml refused" in n.words for n in post.notices.recent()), timeout=5000
        )
    finally:
        watch.stop()


def test_a_cap_area_is_framed_whole_and_its_zones_shown(post, map_widget, qtbot):
    """*Go to record* of a CAP alert: the map brings its area whole into view, whatever was on
    screen, and turns on the zones layer that draws it (its legend entry too)."""
    from ops_console.mapping.geo import to_mercator

    map_widget.legend.set_checked("zones", False)  # the person had hidden the zones
    map_widget.centre_on(30.26, 120.17)  # far from the alert's streets
    view = post.warnings.inbox.import_bytes(alert_xml("CITY-3"))
    south, west, north, east = view.area.bounds()
    assert (south, west, north, east) == (31.2, 121.4, 31.21, 121.42)

    assert map_widget.show_area(south, west, north, east)
    canvas = map_widget.canvas
    screen = canvas.rect()
    points = [canvas.vp.to_screen(*to_mercator(lat, lon)) for lat in (south, north) for lon in (west, east)]
    assert all(screen.contains(p.toPoint()) for p in points), "a corner of the area is off screen"
    span = max(abs(points[0].x() - points[3].x()), abs(points[0].y() - points[3].y()))
    assert span >= screen.width() / 4, "the area is a speck, not framed"
    assert map_widget.layers["zones"].visible
    assert map_widget.legend.is_checked("zones")
