"""The canvas keeps its vector layers as bitmaps and scrolls them on a pan: the picture
must stay exactly what a full render of the same view shows, data changes must redraw
it, and a zoom must draw everything again. Driven through the real MapCanvas widget."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from helpers.map_frames import CX, CY, H, W, drag, full_render
from ops_console.clock import utc_now
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.mapping.live import NodeTrack, SirenPoint
from ops_console.ui.mapping.canvas import MapCanvas
from ops_console.ui.mapping.layers import MapLayer, Marker, Shape, symbols
from ops_console.ui.mapping.layers.live_layers import LiveTeamLayer, SirenLayer
from ops_console.ui.mapping.layers.record_layers import IncidentLayer, ZoneLayer
from ops_console.ui.mapping.viewport import Viewport


def differing(a: QImage, b: QImage) -> int:
    """How many pixels differ (0 for identical pictures)."""
    if a == b:
        return 0
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))


def zone_layer(rng: random.Random, count: int, largest_m: float = 30.0) -> ZoneLayer:
    """Four-cornered zones; the default size stays inside the bitmaps' margin at 1 m/px."""
    zones = ZoneLayer("zones", "Zones", (CX, CY))
    for i in range(count):
        x, y = CX + rng.uniform(-400, 400), CY + rng.uniform(-300, 300)
        s = rng.uniform(5, largest_m)
        ring = [
            (x - s, y - s),
            (x + s, y - s * 0.5),
            (x + s * 0.7, y + s),
            (x - s, y + s * 0.6),
            (x - s, y - s),
        ]
        zones.put(
            Shape(
                i,
                zones.ring_path(ring),
                ("evacuation", "warning")[i % 2],
                f"Zone {i}" if count < 50 else "",
                centre=(x, y),
                polygon=zones.ring_polygon(ring),
            )
        )
    return zones


def incident_layer(rng: random.Random, count: int) -> IncidentLayer:
    incidents = IncidentLayer("incidents", "Incidents")
    kinds = ("flooding", "fire", "medical", "road_blocked", "structural")
    incidents.set_markers(
        Marker(
            i,
            CX + rng.uniform(-420, 420),
            CY + rng.uniform(-320, 320),
            (kinds[i % 5], i % 4 + 1),
            f"#{i} Call" if count < 50 else "",
        )
        for i in range(count)
    )
    return incidents


@pytest.fixture
def canvas(qtbot):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(W, H)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_view(Viewport(CX, CY, 1.0, W, H))
    return canvas


def test_a_dragged_map_scrolls_its_bitmap_and_shows_what_a_full_render_shows(qtbot, canvas):
    rng = random.Random(3)
    canvas.add_layer(zone_layer(rng, 12))  # dashed, antialiased outlines crossing every strip
    canvas.add_layer(incident_layer(rng, 40))  # symbols with labels
    canvas.grab()
    assert not canvas.layers[1].shows_dots(canvas.frame_vp) and canvas.layers[1].labels_for(canvas.frame_vp)
    before = canvas.frames.full_renders, canvas.frames.scrolls
    frames = drag(qtbot, canvas, [(300, 300), (310, 305), (331, 290), (360, 262), (345, 240)])
    assert canvas.frames.full_renders == before[0]  # no frame of the drag drew the layers whole
    assert canvas.frames.scrolls == before[1] + 4
    assert canvas.frame_vp.cx == pytest.approx(canvas.vp.cx, abs=canvas.vp.res / 2)  # on the level's lattice
    assert differing(frames[-1], full_render(canvas)) == 0


def test_a_marker_is_where_the_pan_put_it(qtbot, canvas):
    incidents = IncidentLayer("incidents", "Incidents")
    incidents.put(
        Marker(1, CX + 50, CY - 20, ("road_blocked", 4), "")
    )  # 50 px right of, 20 px below the centre
    canvas.add_layer(incidents)
    red = QColor(symbols.severity_colour(4)).rgb()
    image = canvas.grab().toImage()
    assert image.pixel(W // 2 + 50, H // 2 + 20 - 6) == red  # inside the disc, above the white bar
    drag(qtbot, canvas, [(200, 200), (230, 190), (257, 163)])  # the world moves right 57 px and up 37 px
    image = canvas.grab().toImage()
    assert canvas.frames.scrolls >= 2
    assert image.pixel(W // 2 + 50 + 57, H // 2 + 20 - 37 - 6) == red
    assert image.pixel(W // 2 + 50, H // 2 + 20 - 6) != red
    assert differing(image, full_render(canvas)) == 0


def test_thousands_of_dots_and_areas_scroll_exactly_even_by_fractions_of_a_pixel(canvas):
    rng = random.Random(8)
    canvas.add_layer(zone_layer(rng, 400))  # dense: aliased hairlines
    canvas.add_layer(incident_layer(rng, 4000))  # dots
    canvas.grab()
    for dx, dy in ((12.4, -3.7), (-30.2, 18.9), (7.5, 7.5), (-0.3, 0.2), (44.0, -21.0)):
        canvas.set_view(canvas.vp.panned(dx, dy))
        canvas.grab()
        shown = canvas.frame_vp
        assert abs(shown.cx - canvas.vp.cx) <= canvas.vp.res / 2 + 1e-9  # at most half a pixel off
        assert abs(shown.cy - canvas.vp.cy) <= canvas.vp.res / 2 + 1e-9
    assert canvas.frames.full_renders == 1
    assert canvas.layers[1].shows_dots(canvas.frame_vp)
    assert differing(canvas.grab().toImage(), full_render(canvas)) == 0


def test_areas_larger_than_the_margin_differ_at_most_by_a_stair_step_here_and_there(canvas):
    """Qt steps a hairline from where the device's edge clips it, so a line that reached
    beyond a bitmap's margin (EDGE_PX) when it was drawn may have a stair-step one pixel
    off after a scroll. Even 400 overlapping areas of up to 600 px, all outlines crossing
    the edges, leave ~150 such pixels of 307,200 (0.05 %): never a shape moved."""
    canvas.add_layer(zone_layer(random.Random(8), 400, largest_m=300))
    canvas.grab()
    for dx, dy in ((12.4, -3.7), (-30.2, 18.9), (7.5, 7.5), (-0.3, 0.2), (44.0, -21.0), (-90, 60)):
        canvas.set_view(canvas.vp.panned(dx, dy))
        canvas.grab()
    assert differing(canvas.grab().toImage(), full_render(canvas)) <= W * H // 1000


def test_data_changes_and_hiding_a_layer_redraw_the_bitmap(canvas):
    incidents = IncidentLayer("incidents", "Incidents")
    canvas.add_layer(incidents)
    canvas.grab()
    renders = canvas.frames.full_renders
    red = QColor(symbols.severity_colour(4)).rgb()
    incidents.put(Marker(7, CX - 100, CY + 40, ("road_blocked", 4), ""))
    image = canvas.grab().toImage()
    assert canvas.frames.full_renders == renders + 1
    assert image.pixel(W // 2 - 100, H // 2 - 40 - 6) == red
    incidents.put(Marker(7, CX + 100, CY + 40, ("road_blocked", 4), ""))  # moved by a live update
    image = canvas.grab().toImage()
    assert (
        image.pixel(W // 2 - 100, H // 2 - 40 - 6) != red
        and image.pixel(W // 2 + 100, H // 2 - 40 - 6) == red
    )
    incidents.visible = False
    assert canvas.grab().toImage().pixel(W // 2 + 100, H // 2 - 40 - 6) != red


def test_a_zoom_draws_everything_again(canvas):
    canvas.add_layer(incident_layer(random.Random(1), 30))
    canvas.grab()
    renders, scrolls = canvas.frames.full_renders, canvas.frames.scrolls
    canvas.zoom_by(1.25, QPointF(100, 80))
    image = canvas.grab().toImage()
    assert (canvas.frames.full_renders, canvas.frames.scrolls) == (renders + 1, scrolls)
    shown = canvas.frame_vp  # a new zoom level: at the asked resolution, on its lattice
    assert shown.res == canvas.vp.res and abs(shown.cx - canvas.vp.cx) <= shown.res / 2 + 1e-9
    x, y = shown.to_screen(0.0, 0.0).x(), shown.to_screen(0.0, 0.0).y()  # the Mercator origin: on a corner
    assert (x, y) == (pytest.approx(round(x), abs=1e-6), pytest.approx(round(y), abs=1e-6))
    assert differing(image, full_render(canvas)) == 0


class Box(MapLayer):
    """A layer that paints itself whole every frame (like tiles): a filled square at a place."""

    def __init__(self) -> None:
        super().__init__("box", "Box")
        self.paints = 0

    def paint(self, p: QPainter, vp: Viewport) -> None:
        self.paints += 1
        pt = vp.to_screen(CX, CY)
        p.fillRect(QRectF(pt.x() - 60, pt.y() - 60, 120, 120), QColor(20, 120, 20, 160))


def test_a_live_layer_between_cached_layers_is_painted_every_frame_in_its_place(canvas):
    rng = random.Random(4)
    box = Box()
    sirens, teams = SirenLayer("sirens", "Sirens"), LiveTeamLayer("teams", "Teams", visible=True)
    for layer in (zone_layer(rng, 6), sirens, box, incident_layer(rng, 30), teams):
        canvas.add_layer(layer)
    sirens.set_sirens(
        [SirenPoint(1, "Mill St", CENTRE_LAT, CENTRE_LON + 0.001, 150.0, "sounding", 0, utc_now(), 0, True)]
    )
    teams.set_tracks(
        [
            NodeTrack(
                5,
                "CANAL-1",
                None,
                "",
                CENTRE_LAT + 0.0015,
                CENTRE_LON,
                utc_now() - timedelta(minutes=1),
                ((CENTRE_LAT - 0.001, CENTRE_LON - 0.002), (CENTRE_LAT + 0.0015, CENTRE_LON)),
            )
        ]
    )
    canvas.grab()
    paints = box.paints
    for _ in range(3):
        canvas.set_view(canvas.vp.panned(-23, 11))
        canvas.grab()
    assert box.paints == paints + 3
    assert len(canvas.frames._rasters) == 2  # one bitmap under the box, one over it
    assert differing(canvas.grab().toImage(), full_render(canvas)) == 0


@pytest.mark.parametrize("dpr", [2.0, 1.25])
def test_a_high_dpi_frame_scrolls_by_device_pixels(canvas, dpr):
    rng = random.Random(6)
    canvas.add_layer(zone_layer(rng, 10))
    canvas.add_layer(incident_layer(rng, 30))

    def frame() -> QImage:
        image = QImage(round(W * dpr), round(H * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        p = QPainter(image)
        canvas.render(p)
        p.end()
        return image

    frame()
    for dx, dy in ((1 / dpr, 0), (10.5, -7), (-3.2, 4.4)):  # a logical pixel is not a whole device pixel
        canvas.vp = canvas.vp.panned(dx, dy)
        shown = frame()
    assert canvas.frames.scrolls == 3 and canvas.frames.full_renders == 1
    assert abs(canvas.frame_vp.cx - canvas.vp.cx) <= canvas.vp.res / dpr / 2 + 1e-9  # half a device pixel
    canvas.vp = canvas.frame_vp
    canvas.frames.clear()
    assert differing(shown, frame()) == 0


def test_a_zoom_back_scrolls_the_level_kept_and_a_data_change_meanwhile_draws_it_again(canvas):
    rng = random.Random(9)
    incidents = incident_layer(rng, 3000)
    canvas.add_layer(zone_layer(rng, 300))
    canvas.add_layer(incidents)
    canvas.grab()
    renders, scrolls = canvas.frames.full_renders, canvas.frames.scrolls
    canvas.zoom_by(1.25, QPointF(100, 80))
    canvas.grab()
    canvas.set_view(canvas.vp.panned(17.3, -8.6))
    canvas.grab()
    canvas.zoom_by(0.8, QPointF(500, 300))  # back: the level left, but for the last bits of res
    shown = canvas.grab().toImage()
    assert canvas.frame_vp.res == 1.0
    assert (canvas.frames.full_renders, canvas.frames.scrolls) == (renders + 1, scrolls + 2)
    assert differing(shown, full_render(canvas)) == 0
    canvas.zoom_by(1.25)
    canvas.grab()
    incidents.put(Marker(9999, CX + 30, CY + 30, ("road_blocked", 4), ""))  # a live update meanwhile
    renders, scrolls = canvas.frames.full_renders, canvas.frames.scrolls
    canvas.zoom_by(0.8)
    shown = canvas.grab().toImage()
    assert (canvas.frames.full_renders, canvas.frames.scrolls) == (renders + 1, scrolls)  # kept: stale
    assert differing(shown, full_render(canvas)) == 0
