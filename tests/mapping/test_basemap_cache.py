"""The GeoJSON basemap is kept as a bitmap like the record layers: a pan scrolls it and
draws only the strips that came into view, and the picture must stay what a full render
of the same view shows. Its text (street names turned along their streets, landmark
names) stays out of the bitmap and is drawn fresh every frame, street names still under
the records. Driven through the real MapCanvas widget with the ward ``--demo`` shows."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from helpers.map_frames import CX, CY, H, W, drag, full_render
from ops_console.mapping.geojson import load_geojson_file
from ops_console.ui.mapping.basemap_loading import DEMO_BASEMAP
from ops_console.ui.mapping.canvas import MapCanvas
from ops_console.ui.mapping.layers import Marker, symbols
from ops_console.ui.mapping.layers.basemap import LAND, BasemapLayer
from ops_console.ui.mapping.layers.record_layers import IncidentLayer
from ops_console.ui.mapping.viewport import Viewport

# Temple Road runs north-south 301 m west of the centre; its longest stretch, where its
# name goes, has its middle 307 m north. Temple Square is on it, 12 m north.
TEMPLE_ROAD = (CX - 301, CY + 307)
TEMPLE_SQUARE = (CX - 301, CY + 12)


@pytest.fixture(scope="module")
def ward():
    return load_geojson_file(DEMO_BASEMAP)


@pytest.fixture
def canvas(qtbot):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(W, H)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(bytes(image.constBits()), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


def assert_same_picture(shown: QImage, full: QImage) -> None:
    """Equal, but for what Qt's flattening of round caps and joins leaves now and then (it
    depends on the last bits of the view's offset): a few pixels, at most one in 10,000,
    off by a few levels of 255 (200 random pans of the ward: at most 7 pixels, 4 levels).
    A seam, a shifted dash or a line stepped differently would be far more, and brighter."""
    diff = np.abs(pixels(shown) - pixels(full)).max(axis=2)
    assert diff.max() <= 6, f"{int((diff > 6).sum())} pixels differ by up to {diff.max()}"
    assert (diff > 0).sum() <= W * H // 10_000


def incidents(*positions: tuple[float, float]) -> IncidentLayer:
    layer = IncidentLayer("incidents", "Incidents")
    layer.set_markers(Marker(i, x, y, ("road_blocked", 4), "") for i, (x, y) in enumerate(positions))
    return layer


def test_a_dragged_basemap_scrolls_its_bitmap_and_shows_what_a_full_render_shows(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents((CX + 40, CY + 30), (CX - 120, CY - 60), (CX + 200, CY - 150)))
    canvas.set_view(Viewport(CX - 150, CY + 200, 1.0, W, H))  # streets, blocks, the river's banks, names
    canvas.grab()
    assert basemap.labels_for(canvas.frame_vp)
    assert len(canvas.frames._rasters) == 2  # the basemap's bitmap, its street names, then the records'
    before = canvas.frames.full_renders, canvas.frames.scrolls
    frames = drag(qtbot, canvas, [(300, 300), (310, 305), (331, 290), (360, 262), (345, 240), (250, 330)])
    assert canvas.frames.full_renders == before[0]  # no frame of the drag drew a layer whole
    assert canvas.frames.scrolls == before[1] + 2 * 5
    assert_same_picture(frames[-1], full_render(canvas))


@pytest.mark.parametrize("res", [0.25, 1.0, 3.0, 12.0])
def test_pans_by_fractions_of_a_pixel_at_any_zoom_join_seamlessly(canvas, ward, res):
    """Close in, edges and dashes are far longer than the view; far out, the ward is small."""
    canvas.add_layer(BasemapLayer(ward))
    canvas.set_view(Viewport(CX + 80, CY - 420, res, W, H))  # the river, the railway and a flood area
    canvas.grab()
    for dx, dy in ((12.4, -3.7), (-30.2, 18.9), (7.5, 7.5), (-0.3, 0.2), (44.0, -21.0), (-90, 60), (150, 5)):
        canvas.set_view(canvas.vp.panned(dx, dy))
        canvas.grab()
    assert canvas.frames.full_renders == 1
    assert_same_picture(canvas.grab().toImage(), full_render(canvas))


@pytest.mark.parametrize("dpr", [2.0, 1.25])
def test_a_high_dpi_basemap_scrolls_by_device_pixels(canvas, ward, dpr):
    canvas.add_layer(BasemapLayer(ward))
    canvas.vp = Viewport(CX - 150, CY + 200, 1.0, W, H)

    def frame() -> QImage:
        image = QImage(round(W * dpr), round(H * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        p = QPainter(image)
        canvas.render(p)
        p.end()
        return image

    frame()
    for dx, dy in ((1 / dpr, 0), (10.5, -7), (-3.2, 4.4), (40, -30)):  # not whole device pixels
        canvas.vp = canvas.vp.panned(dx, dy)
        shown = frame()
    assert canvas.frames.scrolls == 4 and canvas.frames.full_renders == 1
    canvas.vp = canvas.frame_vp
    canvas.frames.clear()
    diff = np.abs(pixels(shown) - pixels(frame())).max(axis=2)
    assert diff.max() <= 6 and (diff > 0).sum() <= diff.size // 10_000  # as assert_same_picture


def settle(qtbot, canvas: MapCanvas) -> QImage:
    """Wait for the basemap's new zoom level to be drawn off the GUI thread; the frame after it."""
    qtbot.waitUntil(lambda: not canvas.frames.settling(), timeout=10_000)
    return canvas.grab().toImage()


def test_a_zoom_shows_the_last_picture_scaled_then_the_new_level_drawn_off_the_gui_thread(
    qtbot, canvas, ward
):
    canvas.add_layer(BasemapLayer(ward))
    canvas.add_layer(incidents((CX + 40, CY + 30), (CX - 120, CY - 60)))
    canvas.set_view(Viewport(CX, CY, 2.0, W, H))
    canvas.grab()
    renders, stand_ins = canvas.frames.full_renders, canvas.frames.stand_ins
    canvas.zoom_by(1.25, QPointF(100, 80))
    stand_in = canvas.grab().toImage()
    assert canvas.frames.settling()  # the basemap's new level is being drawn on a worker
    assert canvas.frames.stand_ins == stand_ins + 1
    assert canvas.frames.full_renders == renders + 1  # only the records were drawn on the GUI thread
    settled = settle(qtbot, canvas)
    assert canvas.frames.full_renders == renders + 2  # the basemap's new level, drawn on the worker
    assert (pixels(settled) == pixels(full_render(canvas))).all()  # crisp: exactly a full render
    drawn = (pixels(settled) != pixels(land_only(canvas))).any(axis=2)  # where the basemap draws
    near = np.abs(pixels(stand_in) - pixels(settled)).max(axis=2) <= 16
    assert drawn.mean() > 0.1 and near[drawn].mean() > 0.8  # the old picture, scaled into its place


def land_only(canvas: MapCanvas) -> QImage:
    hidden = [layer for layer in canvas.layers if isinstance(layer, BasemapLayer)]
    for layer in hidden:
        layer.visible = False
    image = canvas.grab().toImage()
    for layer in hidden:
        layer.visible = True
    return image


def test_zooming_on_while_a_level_is_drawn_ends_on_the_level_in_view_then_pans_scroll_it(qtbot, canvas, ward):
    canvas.add_layer(BasemapLayer(ward))
    canvas.set_view(Viewport(CX, CY, 1.0, W, H))
    canvas.grab()
    for factor, (dx, dy) in ((1.25, (10, 4)), (0.8, (-7, 3)), (0.8, (20, -9)), (1.5, (3, 3))):
        canvas.zoom_by(factor, QPointF(300, 200))
        canvas.grab()
        canvas.set_view(canvas.vp.panned(dx, dy))  # panned while the level is drawing
        canvas.grab()
    settled = settle(qtbot, canvas)
    assert not canvas.frames.settling()
    assert canvas.frame_vp.res == canvas.vp.res
    assert_same_picture(settled, full_render(canvas))
    scrolls = canvas.frames.scrolls
    canvas.set_view(canvas.vp.panned(-33.4, 21.2))
    shown = canvas.grab().toImage()
    assert canvas.frames.scrolls == scrolls + 1 and not canvas.frames.settling()
    assert_same_picture(shown, full_render(canvas))


def test_a_zoom_back_to_the_level_shown_while_another_is_drawing_keeps_the_level_shown(qtbot, canvas, ward):
    canvas.add_layer(BasemapLayer(ward))
    canvas.set_view(Viewport(CX, CY, 1.5, W, H))
    before = canvas.grab().toImage()
    canvas.zoom_by(2.0)
    canvas.grab()
    canvas.zoom_by(0.5)  # back before the worker is done
    canvas.grab()
    assert_same_picture(settle(qtbot, canvas), before)
    assert canvas.frame_vp.res == 1.5


def test_hiding_the_basemap_drops_its_bitmap_and_showing_it_draws_the_view_it_comes_back_to(canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents((CX, CY)))
    canvas.set_view(Viewport(CX, CY, 1.5, W, H))
    shown = canvas.grab().toImage()
    basemap.visible = False
    hidden = canvas.grab().toImage()
    assert len(canvas.frames._rasters) == 1  # only the records' bitmap is kept
    land = pixels(hidden)[:, :, :3] == [QColor(LAND).blue(), QColor(LAND).green(), QColor(LAND).red()]
    assert land.all(axis=2).mean() > 0.95  # bare land but for the marker, its label and the HUD
    assert (pixels(shown) != pixels(hidden)).any(axis=2).mean() > 0.5
    canvas.set_view(canvas.vp.panned(-75, 40))  # moved while hidden: the old bitmap would be stale
    canvas.grab()
    basemap.visible = True
    renders = canvas.frames.full_renders
    back = canvas.grab().toImage()
    assert canvas.frames.full_renders == renders + 1  # drawn afresh for this view
    assert_same_picture(back, full_render(canvas))
    canvas.set_view(canvas.vp.panned(75, -40))
    assert_same_picture(canvas.grab().toImage(), shown)


def changed_box(a: QImage, b: QImage, around: tuple[float, float], reach: int) -> tuple[int, int]:
    """Width and height of the box of pixels that differ within ``reach`` of a screen point."""
    x, y = round(around[0]), round(around[1])
    diff = (pixels(a) != pixels(b)).any(axis=2)[y - reach : y + reach, x - reach : x + reach]
    ys, xs = np.nonzero(diff)
    return (int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)) if len(xs) else (0, 0)


def test_street_and_place_names_are_drawn_every_frame_over_the_bitmap(canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(TEMPLE_ROAD[0] + 150, TEMPLE_ROAD[1], 1.5, W, H))
    road = canvas.vp.to_screen(*TEMPLE_ROAD)  # (220, 240)
    square = canvas.vp.to_screen(*TEMPLE_SQUARE)  # (220, 437)
    full = canvas.grab().toImage()
    overlay, labels_for = basemap.overlay, basemap.labels_for
    basemap.overlay = lambda p, vp: None
    no_street_names = canvas.grab().toImage()
    basemap.overlay, basemap.labels_for = overlay, lambda vp: []
    no_place_names = canvas.grab().toImage()
    basemap.labels_for = labels_for
    assert canvas.frames.full_renders == 1  # the text was never in the bitmap: it was not redrawn
    width, height = changed_box(full, no_street_names, (road.x(), road.y()), 60)
    assert height > 40 and width < 20  # "Temple Road" runs down its street, turned a quarter
    width, height = changed_box(full, no_place_names, (square.x() + 40, square.y() - 6), 40)
    assert width > 40 and 6 < height < 20  # "Temple Square", level, beside its dot
    assert (pixels(full) == pixels(canvas.grab().toImage())).all()


def test_street_names_stay_under_the_records(canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents(TEMPLE_ROAD))  # right on the street's name
    canvas.set_view(Viewport(TEMPLE_ROAD[0] + 150, TEMPLE_ROAD[1], 1.5, W, H))
    road = canvas.vp.to_screen(*TEMPLE_ROAD)
    x, y = round(road.x()), round(road.y())
    image = canvas.grab().toImage()
    basemap.overlay = lambda p, vp: None
    unnamed = canvas.grab().toImage()
    assert changed_box(image, unnamed, (x, y), 40)[1] > 40  # the name is there, round the symbol
    symbol = (slice(y - 9, y + 9), slice(x - 9, x + 9))
    assert (pixels(image)[symbol] == pixels(unnamed)[symbol]).all()  # but no letter over the symbol
    assert image.pixel(x, y - 6) == QColor(symbols.severity_colour(4)).rgb()


def test_a_zoom_back_to_a_recent_level_scrolls_its_kept_bitmap_without_drawing(qtbot, canvas, ward):
    canvas.add_layer(BasemapLayer(ward))
    canvas.set_view(Viewport(CX, CY, 1.2, W, H))
    canvas.grab()
    canvas.zoom_by(0.8, QPointF(200, 150))  # out to 1.5 m/px (1.2 / 0.8 is 1.4999999999999998)
    canvas.grab()
    settle(qtbot, canvas)
    canvas.set_view(canvas.vp.panned(23.6, -11.3))
    canvas.grab()
    renders, stand_ins, scrolls = canvas.frames.full_renders, canvas.frames.stand_ins, canvas.frames.scrolls
    canvas.zoom_by(1.25, QPointF(410, 260))  # back in: 1.2 m/px but for the last bits
    back_in = canvas.grab().toImage()
    back_in_vp = canvas.frame_vp
    assert back_in_vp.res == 1.2  # onto the level kept, and its lattice
    canvas.zoom_by(0.8, QPointF(100, 400))  # and out again
    back_out = canvas.grab().toImage()
    assert not canvas.frames.settling() and canvas.frames.stand_ins == stand_ins
    assert (canvas.frames.full_renders, canvas.frames.scrolls) == (renders, scrolls + 2)
    assert_same_picture(back_out, full_render(canvas))
    canvas.vp = canvas.frame_vp = back_in_vp
    assert_same_picture(back_in, full_render(canvas))
