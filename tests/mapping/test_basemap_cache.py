"""The GeoJSON basemap is drawn as raster tiles off the GUI thread and kept: a frame only
blits tiles, a zoom shows the previous picture scaled at once (never blank land) until the
new level's tiles land, and the tiles join into exactly the picture the whole view drawn at
once gives. Its text (street names turned along their streets, landmark names) stays out
of the tiles and is drawn fresh every frame, street names still under the records. Driven
through the real MapCanvas widget with the ward ``--demo`` shows; pixels are checked at
known places of the ward."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from helpers.map_frames import CX, CY, H, W, drag
from ops_console.mapping.geo import to_mercator
from ops_console.mapping.geojson import load_geojson_file
from ops_console.ui.mapping.basemap_loading import DEMO_BASEMAP
from ops_console.ui.mapping.canvas import MapCanvas
from ops_console.ui.mapping.canvas.run_pictures import draw_areas, edge
from ops_console.ui.mapping.layers import Marker, symbols
from ops_console.ui.mapping.layers.basemap import LAND, BasemapLayer
from ops_console.ui.mapping.layers.basemap_tiles import PaintGate, tile_box, tiles_over
from ops_console.ui.mapping.layers.record_layers import IncidentLayer
from ops_console.ui.mapping.viewport import Viewport

# Temple Road runs north-south 301 m west of the centre; its longest stretch, where its
# name goes, has its middle 307 m north. Temple Square is on it, 12 m north.
TEMPLE_ROAD = (CX - 301, CY + 307)
TEMPLE_SQUARE = (CX - 301, CY + 12)
WATER = QColor("#aad3df").rgb()


@pytest.fixture(scope="module")
def ward():
    return load_geojson_file(DEMO_BASEMAP)


@pytest.fixture(scope="module")
def lotus_pond(ward) -> tuple[float, float]:
    """The middle of Lotus Pond (a water area of the ward), in Mercator metres."""
    pond = next(f for f in ward.features if f.name == "Lotus Pond")
    ring = [to_mercator(lat, lon) for lon, lat in pond.parts[0][0]]
    return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)


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
    off by a few levels of 255. A seam between tiles, a shifted dash or a line stepped
    differently would be far more, and brighter."""
    diff = np.abs(pixels(shown) - pixels(full)).max(axis=2)
    assert diff.max() <= 6, f"{int((diff > 6).sum())} pixels differ by up to {diff.max()}"
    assert (diff > 0).sum() <= diff.size // 10_000


def settle(qtbot, canvas: MapCanvas) -> QImage:
    """A frame (which asks for the tiles it lacks), then wait for the basemap's tiles to be
    drawn off the GUI thread; the frame after it."""
    canvas.grab()
    qtbot.waitUntil(lambda: not canvas.settling(), timeout=20_000)
    return canvas.grab().toImage()


def whole_view(canvas: MapCanvas, dpr: float = 1.0) -> QImage:
    """The last frame's view with every basemap drawn at once, as one picture (no tiles), and
    the frame's own text over it: what the tiled map must look like."""
    vp = canvas.frame_vp
    e = edge(dpr)
    image = QImage(round(vp.width * dpr), round(vp.height * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor(LAND))
    p = QPainter(image)
    for layer in canvas.layers:
        if isinstance(layer, BasemapLayer) and layer.visible:
            picture = QImage(image.width() + 2 * e, image.height() + 2 * e, image.format())
            picture.fill(Qt.GlobalColor.transparent)
            picture.setDevicePixelRatio(dpr)
            draw_areas(picture, (layer,), vp, [QRectF(0, 0, vp.width, vp.height)])
            p.drawImage(QPointF(-e / dpr, -e / dpr), picture)
    p.end()
    return image


def basemap_only(canvas: MapCanvas, dpr: float = 1.0) -> QImage:
    """The frame's basemap tiles alone on land (no text, no other layer), for ``whole_view``."""
    vp = canvas.frame_vp
    image = QImage(round(vp.width * dpr), round(vp.height * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor(LAND))
    p = QPainter(image)
    for layer in canvas.layers:
        if isinstance(layer, BasemapLayer) and layer.visible:
            layer.tiles.paint(p, vp)
    p.end()
    return image


def frame(canvas: MapCanvas, dpr: float) -> QImage:
    image = QImage(round(W * dpr), round(H * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    p = QPainter(image)
    canvas.render(p)
    p.end()
    return image


def incidents(*positions: tuple[float, float]) -> IncidentLayer:
    layer = IncidentLayer("incidents", "Incidents")
    layer.set_markers(Marker(i, x, y, ("road_blocked", 4), "") for i, (x, y) in enumerate(positions))
    return layer


def test_the_first_frame_never_waits_and_the_basemap_shows_at_known_places_once_its_tiles_land(
    qtbot, canvas, ward, lotus_pond
):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(lotus_pond[0] - 100, lotus_pond[1] + 60, 1.0, W, H))
    first = canvas.grab().toImage()
    assert canvas.settling() and basemap.tiles.missing > 0  # drawn on a worker, not in this frame
    pond = canvas.frame_vp.to_screen(*lotus_pond)
    assert first.pixel(round(pond.x()), round(pond.y())) == QColor(LAND).rgb()  # land until it lands
    settled = settle(qtbot, canvas)
    assert basemap.tiles.missing == 0 and basemap.tiles.rendered > 0
    assert settled.pixel(round(pond.x()), round(pond.y())) == WATER
    assert_same_picture(basemap_only(canvas), whole_view(canvas))


@pytest.mark.parametrize("res", [0.25, 1.0, 3.0, 12.0])
def test_tiles_join_into_the_picture_of_the_whole_view_drawn_at_once(qtbot, canvas, ward, res):
    """Close in, edges and dashes are far longer than a tile; far out, the ward is in a few tiles."""
    canvas.add_layer(BasemapLayer(ward))
    canvas.set_view(Viewport(CX + 80.3, CY - 420.7, res, W, H))  # the river, the railway and a flood area
    settle(qtbot, canvas)
    assert_same_picture(basemap_only(canvas), whole_view(canvas))


@pytest.mark.parametrize("dpr", [2.0, 1.25])
def test_high_dpi_tiles_land_on_device_pixels_and_join(qtbot, canvas, ward, dpr):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.hide()  # drawn only on this screen: the offscreen window's own frames are at 1.0
    canvas.vp = Viewport(CX - 150.2, CY + 200.9, 1.0, W, H)
    frame(canvas, dpr)
    qtbot.waitUntil(lambda: not canvas.settling(), timeout=20_000)
    frame(canvas, dpr)
    assert basemap.tiles.missing == 0
    tiles = [image for key, image in basemap.tiles._images.items() if key[1] == dpr]  # for this screen
    assert tiles and all((t.width(), t.devicePixelRatio()) == (256, dpr) for t in tiles)  # device pixels
    assert_same_picture(basemap_only(canvas, dpr), whole_view(canvas, dpr))


def test_a_pan_over_drawn_tiles_only_blits_them(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents((CX + 40, CY + 30), (CX - 120, CY - 60), (CX + 200, CY - 150)))
    canvas.set_view(Viewport(CX - 150, CY + 200, 1.0, W, H))
    settle(qtbot, canvas)  # the view's tiles, and a ring of them round it
    missing, paint = [], basemap.tiles.paint

    def counted(p: QPainter, vp: Viewport) -> None:
        paint(p, vp)
        missing.append(basemap.tiles.missing)

    basemap.tiles.paint = counted  # type: ignore[method-assign]
    frames = drag(qtbot, canvas, [(300, 300), (310, 305), (331, 290), (360, 262), (345, 240), (250, 330)])
    assert len(missing) >= 5 and not any(missing)  # every frame of the drag had all its tiles
    assert_same_picture(basemap_only(canvas), whole_view(canvas))
    assert frames[-1] != frames[0]


def land_only(canvas: MapCanvas) -> QImage:
    hidden = [layer for layer in canvas.layers if isinstance(layer, BasemapLayer)]
    for layer in hidden:
        layer.visible = False
    image = canvas.grab().toImage()
    for layer in hidden:
        layer.visible = True
    return image


def test_a_zoom_shows_the_last_picture_scaled_at_once_then_the_new_level_crisp(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents((CX + 40, CY + 30), (CX - 120, CY - 60)))
    canvas.set_view(Viewport(CX, CY, 2.0, W, H))
    settle(qtbot, canvas)
    stand_ins = basemap.tiles.stand_ins
    canvas.zoom_by(1.25, QPointF(100, 80))
    stand_in = canvas.grab().toImage()
    assert basemap.tiles.missing > 0 and canvas.settling()  # the new level is being drawn on a worker
    assert basemap.tiles.stand_ins == stand_ins + 1
    settled = settle(qtbot, canvas)
    assert basemap.tiles.missing == 0
    assert_same_picture(basemap_only(canvas), whole_view(canvas))  # crisp: the new level's own tiles
    drawn = (pixels(settled) != pixels(land_only(canvas))).any(axis=2)  # where the basemap draws
    near = np.abs(pixels(stand_in) - pixels(settled)).max(axis=2) <= 16
    assert drawn.mean() > 0.1 and near[drawn].mean() > 0.8  # the old picture, scaled into its place


def test_a_stand_in_fills_only_where_tiles_are_missing_and_never_covers_drawn_ones(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(CX, CY, 2.0, W, H))
    settle(qtbot, canvas)  # a coarser level round the view, to stand in
    canvas.zoom_by(1.25)
    settle(qtbot, canvas)
    canvas.set_view(canvas.vp.panned(350, 0))  # west: past the ring of tiles round the view
    canvas.grab()
    assert basemap.tiles.missing > 0
    vp = canvas.frame_vp
    drawn = np.zeros((H, W), bool)  # the pixels of this level's tiles the frame had
    for i, j in tiles_over(vp.world_rect(), (vp.res, 1.0)):
        if (vp.res, 1.0, i, j) in basemap.tiles._images:
            x0, _, x1, y1 = tile_box((vp.res, 1.0, i, j))
            corner = vp.to_screen(x0, y1)
            left, top, side = round(corner.x()), round(corner.y()), round((x1 - x0) / vp.res)
            drawn[max(0, top) : max(0, top + side), max(0, left) : max(0, left + side)] = True
    stand_in, left_out = basemap_only(canvas), land_only(canvas)
    settle(qtbot, canvas)
    a, b, land = pixels(stand_in), pixels(basemap_only(canvas)), pixels(left_out)
    assert 0.3 < drawn.mean() < 0.95
    assert (a[drawn] == b[drawn]).all()  # drawn tiles: exactly as settled, nothing scaled over them
    missing = ~drawn  # missing tiles: the coarser level scaled, not bare land
    assert (a[missing] != land[missing]).any(axis=1).mean() > 0.3
    assert (np.abs(a[missing] - b[missing]).max(axis=1) <= 16).mean() > 0.8


def test_a_zoom_out_shows_the_whole_ward_coarse_beyond_the_last_view_never_bare_land(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(CX, CY, 1.0, W, H))
    settle(qtbot, canvas)  # this level, its ring, and the overview of the whole ward
    assert any(key[:2] == basemap.tiles.overview_level(1.0) for key in basemap.tiles._overview)
    canvas.zoom_by(0.25)  # out to 4 m/px: the last view and its ring are the middle third
    canvas.grab()
    assert basemap.tiles.missing > 0
    stand_in, bare = pixels(basemap_only(canvas)), pixels(land_only(canvas))
    settled = pixels(settle(qtbot, canvas) and basemap_only(canvas))
    band = np.ones((H, W), bool)
    band[H // 2 - 100 : H // 2 + 100, W // 2 - 150 : W // 2 + 150] = False  # beyond the last view's tiles
    ward_there = (settled != bare).any(axis=2) & band
    assert ward_there.mean() > 0.3
    shown = (stand_in != bare).any(axis=2)
    assert shown[ward_there].mean() > 0.9  # the ward is there at once, coarse
    assert (np.abs(stand_in - settled).max(axis=2)[ward_there] <= 40).mean() > 0.7


def test_zooming_on_and_panning_while_tiles_are_drawn_ends_on_the_level_in_view(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(CX, CY, 1.0, W, H))
    settle(qtbot, canvas)
    for factor, (dx, dy) in ((1.25, (10, 4)), (0.8, (-7, 3)), (0.8, (20, -9)), (1.5, (3, 3))):
        canvas.zoom_by(factor, QPointF(300, 200))
        canvas.grab()
        canvas.set_view(canvas.vp.panned(dx, dy))  # panned while the level is drawing
        canvas.grab()
    settle(qtbot, canvas)
    assert canvas.frame_vp.res == canvas.vp.res and basemap.tiles.missing == 0
    assert_same_picture(basemap_only(canvas), whole_view(canvas))


def test_a_zoom_back_to_a_level_with_its_tiles_draws_none(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(CX, CY, 1.2, W, H))
    settle(qtbot, canvas)
    canvas.zoom_by(0.8, QPointF(200, 150))  # out to 1.5 m/px (1.2 / 0.8 is 1.4999999999999998)
    settle(qtbot, canvas)
    rendered, stand_ins = basemap.tiles.rendered, basemap.tiles.stand_ins
    canvas.zoom_by(1.25, QPointF(320, 240))  # back in: 1.2 m/px but for the last bits
    canvas.grab()
    assert canvas.frame_vp.res == 1.2  # the level's exact resolution, so its tiles are found
    assert basemap.tiles.missing == 0 and basemap.tiles.stand_ins == stand_ins
    assert basemap.tiles.rendered == rendered
    assert_same_picture(basemap_only(canvas), whole_view(canvas))


def test_hiding_the_basemap_shows_land_and_showing_it_again_needs_no_tile(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents((CX, CY)))
    canvas.set_view(Viewport(CX, CY, 1.5, W, H))
    shown = settle(qtbot, canvas)
    basemap.visible = False
    hidden = canvas.grab().toImage()
    assert not canvas.settling()
    land = pixels(hidden)[:, :, :3] == [QColor(LAND).blue(), QColor(LAND).green(), QColor(LAND).red()]
    assert land.all(axis=2).mean() > 0.95  # bare land but for the marker, its label and the HUD
    assert (pixels(shown) != pixels(hidden)).any(axis=2).mean() > 0.5
    rendered = basemap.tiles.rendered
    basemap.visible = True
    assert_same_picture(canvas.grab().toImage(), shown)
    assert basemap.tiles.rendered == rendered


def test_far_from_the_ward_no_tile_of_the_view_is_drawn(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(CX + 50_000, CY, 1.0, W, H))
    settle(qtbot, canvas)
    assert basemap.tiles.missing == 0 and not basemap.tiles._images  # blank tiles: none drawn
    assert 0 < basemap.tiles.rendered == len(basemap.tiles._overview) <= 25  # only the ward's overview


def test_a_tile_worker_waits_while_a_frame_is_painted():
    """The worker pauses (the GIL free) while the GUI thread paints, instead of trading the GIL
    with it through the whole frame; outside a frame it does not wait."""
    gate, started, passed = PaintGate(), threading.Event(), []
    worker = threading.Thread(
        target=lambda: (started.set(), gate.wait(timeout_s=5), passed.append(time.monotonic()))
    )
    with gate.painting():
        gate.wait()  # the painting thread itself never waits
        worker.start()
        assert started.wait(5)
        time.sleep(0.05)
        assert not passed  # still waiting
        released = time.monotonic()
    worker.join(5)
    assert passed and passed[0] >= released
    t = time.monotonic()
    gate.wait()
    assert time.monotonic() - t < 0.05


def changed_box(a: QImage, b: QImage, around: tuple[float, float], reach: int) -> tuple[int, int]:
    """Width and height of the box of pixels that differ within ``reach`` of a screen point."""
    x, y = round(around[0]), round(around[1])
    diff = (pixels(a) != pixels(b)).any(axis=2)[y - reach : y + reach, x - reach : x + reach]
    ys, xs = np.nonzero(diff)
    return (int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)) if len(xs) else (0, 0)


def test_street_and_place_names_are_drawn_every_frame_over_the_tiles(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.set_view(Viewport(TEMPLE_ROAD[0] + 150, TEMPLE_ROAD[1], 1.5, W, H))
    road = canvas.vp.to_screen(*TEMPLE_ROAD)  # (220, 240)
    square = canvas.vp.to_screen(*TEMPLE_SQUARE)  # (220, 437)
    full = settle(qtbot, canvas)
    rendered = basemap.tiles.rendered
    overlay, labels_for = basemap.overlay, basemap.labels_for
    basemap.overlay = lambda p, vp: None
    no_street_names = canvas.grab().toImage()
    basemap.overlay, basemap.labels_for = overlay, lambda vp: []
    no_place_names = canvas.grab().toImage()
    basemap.labels_for = labels_for
    assert basemap.tiles.rendered == rendered  # the text was never in the tiles: none was drawn again
    width, height = changed_box(full, no_street_names, (road.x(), road.y()), 60)
    assert height > 40 and width < 20  # "Temple Road" runs down its street, turned a quarter
    width, height = changed_box(full, no_place_names, (square.x() + 40, square.y() - 6), 40)
    assert width > 40 and 6 < height < 20  # "Temple Square", level, beside its dot
    assert (pixels(full) == pixels(canvas.grab().toImage())).all()


def test_street_names_stay_under_the_records(qtbot, canvas, ward):
    basemap = BasemapLayer(ward)
    canvas.add_layer(basemap)
    canvas.add_layer(incidents(TEMPLE_ROAD))  # right on the street's name
    canvas.set_view(Viewport(TEMPLE_ROAD[0] + 150, TEMPLE_ROAD[1], 1.5, W, H))
    road = canvas.vp.to_screen(*TEMPLE_ROAD)
    x, y = round(road.x()), round(road.y())
    image = settle(qtbot, canvas)
    basemap.overlay = lambda p, vp: None
    unnamed = canvas.grab().toImage()
    assert changed_box(image, unnamed, (x, y), 40)[1] > 40  # the name is there, round the symbol
    symbol = (slice(y - 9, y + 9), slice(x - 9, x + 9))
    assert (pixels(image)[symbol] == pixels(unnamed)[symbol]).all()  # but no letter over the symbol
    assert image.pixel(x, y - 6) == QColor(symbols.severity_colour(4)).rgb()
