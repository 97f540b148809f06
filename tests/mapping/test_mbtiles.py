"""Offline tile packages: a package written independently is drawn where its tiles belong;
damaged, incomplete or wrong-format packages give words or skipped tiles, never a crash."""

import logging

import pytest
from PySide6.QtGui import QColor

from ops_console.mapping.geo import tile_bounds
from ops_console.mapping.mbtiles import MBTilesError, MBTilesReader
from ops_console.ui.mapping.canvas import MapCanvas
from ops_console.ui.mapping.tiles import MBTilesSource, TileLayer
from ops_console.ui.mapping.viewport import Viewport

Z = 14
BASE_X, BASE_Y = 13675, 6728  # XYZ tiles near the demo centre at z14
META = {
    "name": "Ward test",
    "format": "png",
    "minzoom": str(Z),
    "maxzoom": str(Z),
    "bounds": "120.1,30.2,120.3,30.3",
    "center": "120.17,30.26,14",
}


@pytest.fixture
def quad(tmp_path, png_tile, write_mbtiles):
    """Four tiles: red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    tiles = {
        (Z, BASE_X, BASE_Y): png_tile("#ff0000"),
        (Z, BASE_X + 1, BASE_Y): png_tile("#00ff00"),
        (Z, BASE_X, BASE_Y + 1): png_tile("#0000ff"),
        (Z, BASE_X + 1, BASE_Y + 1): png_tile("#ffff00"),
    }
    return write_mbtiles(tmp_path / "quad.mbtiles", tiles, META)


def test_metadata_is_read(quad):
    reader = MBTilesReader(quad)
    assert (reader.info.min_zoom, reader.info.max_zoom, reader.info.format) == (Z, Z, "png")
    assert reader.info.bounds == (120.1, 30.2, 120.3, 30.3) and reader.info.center == (120.17, 30.26, 14)
    assert reader.tile(Z, BASE_X, BASE_Y)[:4] == b"\x89PNG"  # XYZ row asked, TMS row stored
    assert reader.tile(Z, 0, 0) is None
    reader.close()


def test_tiles_are_drawn_where_they_belong(qtbot, quad):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    source = MBTilesSource(quad)
    canvas.add_layer(TileLayer(source))
    # centre on the corner the four tiles share, at the tiles' own resolution (1 tile = 256 px)
    corner_x, _, _, corner_y = tile_bounds(Z, BASE_X + 1, BASE_Y + 1)
    res = (tile_bounds(Z, 0, 0)[2] - tile_bounds(Z, 0, 0)[0]) / 256
    canvas.set_view(Viewport(corner_x, corner_y, res, 600, 600))
    canvas.render_image(600, 600)  # asks for the tiles
    qtbot.waitUntil(lambda: len(source.cache) == 4, timeout=5000)
    image = canvas.render_image(600, 600, hud=False)
    for (px, py), colour in {
        (200, 200): "#ff0000",
        (400, 200): "#00ff00",
        (200, 400): "#0000ff",
        (400, 400): "#ffff00",
    }.items():
        assert QColor(image.pixel(px, py)).name() == colour, (px, py)
    source.close()


def test_missing_metadata_is_guessed_from_the_tiles(tmp_path, png_tile, write_mbtiles, caplog):
    path = write_mbtiles(tmp_path / "bare.mbtiles", {(Z, BASE_X, BASE_Y): png_tile("#123456")}, None)
    with caplog.at_level(logging.WARNING):
        reader = MBTilesReader(path)
    assert (reader.info.format, reader.info.min_zoom, reader.info.max_zoom) == ("png", Z, Z)
    assert "no metadata table" in caplog.text
    reader.close()


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda p: p.write_bytes(b"this is not sqlite at all" * 10), "not a readable tile package"),
        (lambda p: p.write_bytes(p.read_bytes()[:1500]), "tile package|damaged|no 'tiles'"),
        (lambda p: p.write_bytes(b""), "no 'tiles' table"),
    ],
)
def test_corrupt_or_truncated_package_is_refused_with_words(quad, damage, words):
    damage(quad)
    with pytest.raises(MBTilesError, match=words):
        MBTilesReader(quad)


def test_vector_package_is_refused(tmp_path, write_mbtiles):
    path = write_mbtiles(
        tmp_path / "v.mbtiles", {(Z, 1, 1): b"\x1f\x8b" + b"0" * 20}, {**META, "format": "pbf"}
    )
    with pytest.raises(MBTilesError, match="only PNG, JPEG and WebP"):
        MBTilesReader(path)


def test_a_tile_of_the_wrong_format_is_skipped_and_counted(qtbot, tmp_path, png_tile, write_mbtiles, caplog):
    tiles = {
        (Z, BASE_X, BASE_Y): b"<html>not an image</html>",
        (Z, BASE_X + 1, BASE_Y): png_tile("#00ff00"),
        (Z, BASE_X, BASE_Y + 1): b"\x89PNG\r\n\x1a\n truncated",
    }
    source = MBTilesSource(write_mbtiles(tmp_path / "mixed.mbtiles", tiles, META))
    source.request(list(tiles))
    qtbot.waitUntil(lambda: source.bad_tiles == 2 and len(source.cache) == 1, timeout=5000)
    assert source.known_missing((Z, BASE_X, BASE_Y))
    assert "not a PNG/JPEG/WebP" in caplog.text
    source.close()


def test_panning_many_tiles_keeps_memory_bounded(qtbot, tmp_path, png_tile, write_mbtiles):
    tile = png_tile("#336699")
    tiles = {(Z, BASE_X + i, BASE_Y + j): tile for i in range(12) for j in range(12)}
    source = MBTilesSource(
        write_mbtiles(tmp_path / "many.mbtiles", tiles, META), cache_bytes=20 * 256 * 256 * 4
    )
    source.request(list(tiles))
    qtbot.waitUntil(lambda: not source.busy(), timeout=10_000)
    qtbot.wait(50)
    assert len(source.cache) <= 20 and source.cache.peak_bytes <= 20 * 256 * 256 * 4
    source.close()
