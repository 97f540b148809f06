"""The map dock driven like a person would: drag, wheel, keys, clicks, right-clicks, drawing,
search; live updates from the bridge; the view remembered; and a screenshot of the demo."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu, QMessageBox

from ops_console.clock import utc_now
from ops_console.domain import IncidentKind, Severity
from ops_console.mapping.geo import to_mercator
from ops_console.mapping.services import MapServices
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.mapping.canvas import Tool
from ops_console.ui.mapping.dialogs import ZoneDialog
from ops_console.ui.mapping.layers.record_layers import ShelterLayer, TeamPosition
from ops_console.ui.mapping.panels import RiskRegisterPanel, ShelterPanel
from ops_console.ui.mapping.widget import DEMO_BASEMAP, MapWidget


@pytest.fixture
def bridge(demo_post):
    b = PostBridge(demo_post.bus)
    yield b
    b.detach()


@pytest.fixture
def map_widget(demo_post, bridge, qtbot, themed, map_settings):
    widget = MapWidget(demo_post, bridge, settings=map_settings, basemaps=[DEMO_BASEMAP])
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.zoom_to_layer("basemap0")
    yield widget
    widget.close_map()


def screen_of(widget, lat, lon):
    return widget.canvas.vp.to_screen(*to_mercator(lat, lon)).toPoint()


def test_drag_wheel_and_keys_pan_and_zoom(map_widget, qtbot):
    canvas = map_widget.canvas
    start = canvas.vp
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    for x in range(410, 520, 10):
        qtbot.mouseMove(canvas, QPoint(x, 430))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(520, 430))
    assert canvas.vp.cx == pytest.approx(start.cx - 110 * start.res, rel=1e-9)
    assert canvas.vp.cy == pytest.approx(start.cy + 30 * start.res, rel=1e-9)
    res = canvas.vp.res
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.vp.res == pytest.approx(res / 2**0.5)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.vp.res == pytest.approx(res)
    from PySide6.QtGui import QWheelEvent

    anchor = QPointF(300, 200)
    before = canvas.vp.to_world(anchor.x(), anchor.y())
    event = QWheelEvent(
        anchor,
        canvas.mapToGlobal(anchor),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    canvas.wheelEvent(event)
    assert canvas.vp.res == pytest.approx(res / 2)
    assert canvas.vp.to_world(anchor.x(), anchor.y()) == pytest.approx(before)  # zoom keeps the cursor's spot


def test_click_on_incident_shows_details_and_signals(map_widget, demo_post, qtbot):
    incident = next(i for i in demo_post.incidents.list() if i.lat is not None and i.status.value != "closed")
    map_widget.centre_on(incident.lat, incident.lon)
    with qtbot.waitSignal(map_widget.object_activated) as blocker:
        qtbot.mouseClick(
            map_widget.canvas,
            Qt.MouseButton.LeftButton,
            pos=screen_of(map_widget, incident.lat, incident.lon),
        )
    assert blocker.args[1] > 0 and blocker.args[0] in ("incident", "task", "risk", "shelter")
    assert map_widget.card.isVisible()


def test_live_update_moves_only_that_incident(map_widget, demo_post, qtbot):
    layer = map_widget.layers["incidents"]
    count = layer.count()
    view = demo_post.incidents.create(
        IncidentDraft("Wall collapse", IncidentKind.STRUCTURAL, Severity.CRITICAL, lat=30.2611, lon=120.1688)
    )
    qtbot.waitUntil(lambda: view.id in layer.markers, timeout=2000)
    assert layer.count() == count + 1 and layer.markers[view.id].style == ("structural", 4)
    demo_post.incidents.close(view.id, view.version, "Made safe")
    qtbot.waitUntil(lambda: view.id not in layer.markers, timeout=2000)


def test_right_click_offers_to_create_here(map_widget, qtbot):
    canvas = map_widget.canvas
    with qtbot.waitSignal(map_widget.create_incident_requested) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=QPoint(500, 300))
        menu = map_widget.findChild(QMenu, "mapContextMenu")
        menu.actions()[0].trigger()
    lat, lon = blocker.args
    assert (lat, lon) == pytest.approx(canvas.vp.lat_lon_at(500, 300))
    menu.close()
    dialog = map_widget.new_shelter(lat, lon)
    dialog.name.setText("Sports hall annex")
    dialog.capacity.setValue(80)
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(
            m.label.startswith("Sports hall annex") for m in map_widget.layers["shelters"].markers.values()
        )
    )


def test_draw_a_polygon_zone_and_measure(map_widget, qtbot):
    canvas = map_widget.canvas
    canvas.set_tool(Tool.MEASURE)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    assert canvas.measured_m() == pytest.approx(100 * canvas.vp.ground_m_per_px(), rel=0.01)
    canvas.set_tool(Tool.POLYGON)
    with qtbot.waitSignal(canvas.polygon_drawn) as blocker:
        for pos in (QPoint(300, 300), QPoint(420, 300), QPoint(420, 420)):
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert len(blocker.args[0]) == 3
    dialog = map_widget.findChild(ZoneDialog, "zoneDialog")
    dialog.name.setText("Evacuate: Mill Street")
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(s.label == "Evacuate: Mill Street" for s in map_widget.layers["zones"].shapes.values())
    )


def test_search_by_name_and_coordinates_and_centre_on(map_widget):
    hits = map_widget.search("Stone Bridge")
    assert hits and "Stone Bridge" in hits[0].label
    map_widget.search("30.2555, 120.1655")
    assert map_widget.canvas.vp.lat_lon_at(
        map_widget.canvas.width() / 2, map_widget.canvas.height() / 2
    ) == pytest.approx((30.2555, 120.1655), abs=1e-6)


def test_view_and_layers_are_remembered(demo_post, bridge, qtbot, map_settings):
    first = MapWidget(demo_post, bridge, settings=map_settings)
    qtbot.addWidget(first)
    first.centre_on(30.2581, 120.1733)
    first.set_layer_visible("tasks", False)
    first.close_map()
    second = MapWidget(demo_post, bridge, settings=map_settings)
    qtbot.addWidget(second)
    lat, lon = second.canvas.vp.lat_lon_at(second.canvas.width() / 2, second.canvas.height() / 2)
    assert (lat, lon) == pytest.approx((30.2581, 120.1733), abs=1e-6)
    assert not second.layers["tasks"].visible
    second.close_map()


def test_team_positions_turn_grey_when_stale(map_widget):
    from datetime import timedelta

    teams = map_widget.layers["teams"]
    map_widget.set_team_position(
        TeamPosition(1, "CANAL-1", 30.259, 120.168, utc_now() - timedelta(minutes=20))
    )
    map_widget.set_team_position(TeamPosition(2, "MED-2", 30.261, 120.171, utc_now()))
    assert teams.markers[1].style is True and teams.markers[2].style is False


def test_panels_beside_the_map(demo_post, bridge, qtbot, map_widget):
    services = MapServices.for_post(demo_post)
    risks, shelters = RiskRegisterPanel(services, bridge), ShelterPanel(services, bridge)
    qtbot.addWidget(risks)
    qtbot.addWidget(shelters)
    overdue = [r for r in risks.model.rows if r.is_overdue()]
    row = risks.model.row_of(overdue[0].id)
    assert risks.model.data(risks.model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    risks.locate_requested.connect(map_widget.centre_on)
    risks.table.selectRow(row)
    centre = map_widget.canvas.vp.lat_lon_at(map_widget.canvas.width() / 2, map_widget.canvas.height() / 2)
    assert centre == pytest.approx((overdue[0].lat, overdue[0].lon), abs=1e-6)
    target = next(s for s in shelters.model.rows if s.status.value == "open")
    shelters.table.selectRow(shelters.model.row_of(target.id))
    shelters.count.setValue(target.capacity)
    shelters.apply_count()  # one action
    qtbot.waitUntil(lambda: next(s for s in shelters.model.rows if s.id == target.id).status.value == "full")
    marker = map_widget.layers["shelters"].markers[target.id]
    assert marker.style == ("full", 10)


def test_screenshot_of_the_demo_map(map_widget, screenshot_dir, qtbot):
    map_widget.canvas.zoom_by(1.25)
    map_widget.canvas._cursor = QPointF(640, 420)
    map_widget.grab()  # the new level's basemap tiles are drawn off the GUI thread: wait for them
    qtbot.waitUntil(lambda: not map_widget.canvas.settling(), timeout=20_000)
    image = map_widget.grab().toImage()
    assert image.width() >= 1400 and image.height() >= 900
    path = screenshot_dir / "map.png"
    assert image.save(str(path))
    # the river's blue is on the map, and not everything is one colour
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, 1100, 7) for y in range(40, 880, 7)}
    assert len(colours) > 12 and "#aad3df" in colours


def test_a_count_above_capacity_asks_first_and_shows_as_over_everywhere(demo_post, qtbot):
    from ops_console import alerts

    bridge = PostBridge(demo_post.bus)
    services = MapServices.for_post(demo_post)
    shelters = ShelterPanel(services, bridge)
    qtbot.addWidget(shelters)
    target = next(s for s in shelters.model.rows if s.status.value == "open")
    shelters.table.selectRow(shelters.model.row_of(target.id))
    shelters.count.setValue(target.capacity + 20)
    box = shelters.apply_count()
    assert box is not None and "20 over capacity" in box.text()
    assert (
        services.shelters.get(target.id).occupancy == target.occupancy
    )  # nothing recorded before the answer
    box.reject()
    assert services.shelters.get(target.id).occupancy == target.occupancy  # Cancel keeps the old count
    box = shelters.apply_count()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: services.shelters.get(target.id).occupancy == target.capacity + 20)
    shelters.reload()
    row = shelters.model.row_of(target.id)
    assert shelters.model.data(shelters.model.index(row, 2)).endswith("20 over")  # the list
    layer = ShelterLayer("shelters", "Shelters")
    layer.put_shelter(services.shelters.get(target.id))
    assert layer.markers[target.id].label.endswith("OVER by 20")  # the map
    (alert,) = [a for a in alerts.collect(demo_post) if a.key == f"shelter:{target.id}"]  # the alert list
    assert alert.title.startswith("Shelter over capacity") and alert.severity is alerts.Severity.WARNING
    bridge.detach()


def test_a_symbol_says_what_it_is_on_hover(map_widget, demo_post, qtbot):
    incident = next(i for i in demo_post.incidents.list() if i.lat is not None and i.status.value != "closed")
    map_widget.centre_on(incident.lat, incident.lon)
    canvas = map_widget.canvas
    expected = canvas.hit_at(QPointF(screen_of(map_widget, incident.lat, incident.lon)))
    assert expected is not None
    qtbot.mouseMove(canvas, screen_of(map_widget, incident.lat, incident.lon))
    qtbot.waitUntil(lambda: expected.label in canvas.toolTip(), timeout=2000)
    qtbot.mouseMove(canvas, QPoint(3, 3))  # empty land: no tooltip
    qtbot.waitUntil(lambda: canvas.toolTip() == "", timeout=2000)


def test_legend_words_are_never_cut(map_widget, qtbot):
    """A narrow legend scrolls sideways; its words keep their full width (and say themselves on hover)."""
    tree = map_widget.legend.tree
    map_widget.legend.resize(120, 400)  # narrower than "Shelter open (dark = share taken)"
    qtbot.wait(50)
    widest = max(
        tree.fontMetrics().horizontalAdvance(tree.topLevelItem(i).child(j).text(0))
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    )
    assert tree.columnWidth(0) >= widest
    first = tree.topLevelItem(0)
    assert first.toolTip(0) == first.text(0)


def test_the_selection_ring_follows_its_record(map_widget, demo_post, qtbot):
    """Chosen in a panel, the ring goes to the record; it moves with it and goes when it does."""
    view = demo_post.incidents.create(
        IncidentDraft("Wall collapse", IncidentKind.STRUCTURAL, Severity.CRITICAL, lat=30.2611, lon=120.1688)
    )
    layer, canvas = map_widget.layers["incidents"], map_widget.canvas
    qtbot.waitUntil(lambda: view.id in layer.markers, timeout=2000)
    ring = canvas.select_record("incident", view.id)
    assert ring is not None and (ring.x, ring.y) == (layer.markers[view.id].x, layer.markers[view.id].y)
    before = layer.markers[view.id].x
    view = demo_post.incidents.update(
        view.id,
        view.version,
        IncidentDraft("Wall collapse", IncidentKind.STRUCTURAL, Severity.CRITICAL, lat=30.2611, lon=120.1700),
    )
    qtbot.waitUntil(lambda: layer.markers[view.id].x != before, timeout=2000)
    canvas.grab()  # a frame: the ring is where the record is now
    assert canvas.selected is not None and canvas.selected.x == layer.markers[view.id].x
    demo_post.incidents.close(view.id, view.version, "Made safe")
    qtbot.waitUntil(lambda: view.id not in layer.markers, timeout=2000)
    canvas.grab()  # a frame: the ring is gone with its record
    assert canvas.selected is None


def test_a_viewer_is_told_before_drawing_that_the_map_is_read_only(map_widget, demo_post, qtbot):
    """A viewer could pick "Draw zone", draw, name the zone and only then be refused by the
    service, losing what was drawn and typed. The tools and the right-click entries that add
    records are now disabled with the reason, and follow a change of operator."""
    from ops_console.config import DEMO_PIN

    canvas, tools = map_widget.canvas, map_widget.tool_actions
    map_widget.tool_actions[Tool.POLYGON].trigger()  # the supervisor starts a zone
    assert canvas.tool == Tool.POLYGON
    demo_post.operators.sign_on("Zhao Lei", DEMO_PIN)  # the viewer takes the seat
    qtbot.waitUntil(lambda: not tools[Tool.POLYGON].isEnabled())
    assert canvas.tool == Tool.PAN and tools[Tool.PAN].isChecked()
    for tool in (Tool.POLYGON, Tool.CIRCLE):
        assert not tools[tool].isEnabled() and "viewer" in tools[tool].toolTip()
    assert tools[Tool.MEASURE].isEnabled()  # reading the map stays open
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=QPoint(500, 300))
    menu = map_widget.findChild(QMenu, "mapContextMenu")
    adding, reading = menu.actions()[:4], [a for a in menu.actions()[4:] if not a.isSeparator()]
    assert all(not a.isEnabled() and "viewer" in a.toolTip() for a in adding)
    assert reading and all(a.isEnabled() for a in reading)  # centre here, copy coordinates
    assert menu.toolTipsVisible()
    menu.close()

    demo_post.operators.sign_on("Wang Fang", DEMO_PIN)  # an operator may add again
    qtbot.waitUntil(lambda: tools[Tool.POLYGON].isEnabled())
    assert tools[Tool.CIRCLE].isEnabled() and tools[Tool.POLYGON].toolTip() in ("", "Draw zone")
