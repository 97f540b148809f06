"""PMTiles raster archives: an archive written by the pmtiles package's own writer (not our
reader) is drawn by the map widget where its tiles belong; truncated, garbage, vector and
unknown-type archives are refused with words, never a crash."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import write
from PySide6.QtGui import QColor

from ops_console.errors import OpsError
from ops_console.mapping.geo import tile_bounds
from ops_console.mapping.pmtiles_reader import PMTilesError, PMTilesReader
from ops_console.ui.mapping.viewport import Viewport
from ops_console.ui.mapping.widget import MapWidget

Z = 14
BASE_X, BASE_Y = 13675, 6728  # XYZ tiles near the demo centre at z14
COLOURS = {
    (Z, BASE_X, BASE_Y): "#ff0000",
    (Z, BASE_X + 1, BASE_Y): "#00ff00",
    (Z, BASE_X, BASE_Y + 1): "#0000ff",
    (Z, BASE_X + 1, BASE_Y + 1): "#ffff00",
}


def write_pmtiles(
    path: Path,
    tiles: dict[tuple[int, int, int], bytes],
    *,
    tile_type: TileType = TileType.PNG,
    compression: Compression = Compression.NONE,
    metadata: dict | None = None,
) -> Path:
    """An archive written with pmtiles.writer, tiles keyed by XYZ (z, x, y)."""
    with write(str(path)) as writer:
        for key in sorted(tiles, key=lambda k: zxy_to_tileid(*k)):
            data = tiles[key]
            writer.write_tile(
                zxy_to_tileid(*key), gzip.compress(data) if compression == Compression.GZIP else data
            )
        writer.finalize(
            {
                "tile_type": tile_type,
                "tile_compression": compression,
                "min_lon_e7": int(120.1e7),
                "min_lat_e7": int(30.2e7),
                "max_lon_e7": int(120.3e7),
                "max_lat_e7": int(30.3e7),
                "center_zoom": Z,
                "center_lon_e7": int(120.17e7),
                "center_lat_e7": int(30.26e7),
            },
            metadata if metadata is not None else {},
        )
    return path


@pytest.fixture
def quad(tmp_path, png_tile):
    """Four tiles: red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    tiles = {key: png_tile(colour) for key, colour in COLOURS.items()}
    return write_pmtiles(
        tmp_path / "quad.pmtiles", tiles, metadata={"name": "Ward PM", "attribution": "© Ward GIS"}
    )


def centre_on_quad(canvas) -> None:  # type: ignore[no-untyped-def]
    """The corner the four tiles share, at the tiles' own resolution (1 tile = 256 px)."""
    corner_x, _, _, corner_y = tile_bounds(Z, BASE_X + 1, BASE_Y + 1)
    res = (tile_bounds(Z, 0, 0)[2] - tile_bounds(Z, 0, 0)[0]) / 256
    canvas.set_view(Viewport(corner_x, corner_y, res, 600, 600))


def assert_quad_drawn(canvas) -> None:  # type: ignore[no-untyped-def]
    image = canvas.render_image(600, 600, hud=False)
    for (px, py), colour in {
        (200, 200): "#ff0000",
        (400, 200): "#00ff00",
        (200, 400): "#0000ff",
        (400, 400): "#ffff00",
    }.items():
        assert QColor(image.pixel(px, py)).name() == colour, (px, py)


def test_header_and_metadata_are_read(quad):
    reader = PMTilesReader(quad)
    info = reader.info
    assert (info.name, info.attribution, info.format, info.tile_compression) == (
        "Ward PM",
        "© Ward GIS",
        "png",
        "none",
    )
    assert (info.min_zoom, info.max_zoom) == (Z, Z)
    assert info.bounds == pytest.approx((120.1, 30.2, 120.3, 30.3))
    assert info.center[:2] == pytest.approx((120.17, 30.26)) and info.center[2] == Z
    assert reader.tile(Z, BASE_X, BASE_Y)[:4] == b"\x89PNG"
    assert (
        reader.tile(Z, 0, 0) is None
        and reader.tile(Z - 1, 0, 0) is None
        and reader.tile(Z, 1 << Z, 0) is None
    )
    reader.close()


def test_tiles_are_drawn_in_the_map_widget(qtbot, post, map_settings, quad):
    widget = MapWidget(post, settings=map_settings)
    qtbot.addWidget(widget)
    layer = widget.add_pmtiles(quad)
    assert layer.title == "Ward PM" and "© Ward GIS" in widget.canvas.attribution
    centre_on_quad(widget.canvas)
    widget.canvas.render_image(600, 600)  # asks for the tiles; a worker thread reads them
    qtbot.waitUntil(lambda: len(layer.source.cache) == 4, timeout=5000)
    assert_quad_drawn(widget.canvas)
    widget.close_map()


def test_gzip_tiles_and_leaf_directories_are_read(tmp_path, png_tile):
    """Enough scattered tiles of varied sizes that the writer splits the directory into leaves."""
    rng = random.Random(7)
    keys = {(16, rng.randrange(30000, 34000), rng.randrange(20000, 24000)) for _ in range(12000)}
    tiles = {(z, x, y): f"tile {x} {y}".encode() + bytes(rng.randrange(50)) for z, x, y in keys}
    tiles[(16, 34001, 24001)] = png_tile("#00ff00")
    reader = PMTilesReader(write_pmtiles(tmp_path / "big.pmtiles", tiles, compression=Compression.GZIP))
    assert reader.header["leaf_directory_length"] > 0 and reader.info.tile_compression == "gzip"
    for key in rng.sample(sorted(tiles), 200):
        assert reader.tile(*key) == tiles[key]
    assert reader.tile(16, 34001, 24001)[:4] == b"\x89PNG"
    assert reader.tile(16, 29999, 20000) is None
    reader.close()


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda p: p.write_bytes(p.read_bytes()[:-100]), "ends early"),
        (lambda p: p.write_bytes(p.read_bytes()[:300]), "ends early"),
        (lambda p: p.write_bytes(p.read_bytes()[:60]), "too short"),
        (lambda p: p.write_bytes(b""), "too short"),
        (lambda p: p.write_bytes(b"this is not a tile archive at all " * 40), "not a PMTiles archive"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(400)), "MBTiles"),
        (lambda p: p.write_bytes(p.read_bytes()[:7] + b"\x02" + p.read_bytes()[8:]), "version 2"),
        (lambda p: p.write_bytes(p.read_bytes()[:127] + b"\x00" * 20 + p.read_bytes()[147:]), "damaged"),
    ],
)
def test_damaged_archive_is_refused_with_words(quad, damage, words):
    damage(quad)
    with pytest.raises(PMTilesError, match=words) as caught:
        PMTilesReader(quad)
    assert isinstance(caught.value, OpsError)  # the UI shows it as a message, not the crash dialog


def test_vector_archive_is_refused(tmp_path):
    path = write_pmtiles(
        tmp_path / "roads.pmtiles", {(Z, 1, 1): gzip.compress(b"\x1a\x00")}, tile_type=TileType.MVT
    )
    with pytest.raises(PMTilesError, match=r"vector tiles \(MVT\).*not supported"):
        PMTilesReader(path)


@pytest.mark.parametrize("tile_type", [TileType.UNKNOWN, TileType.AVIF])
def test_unknown_or_undrawable_tile_type_is_refused(tmp_path, png_tile, tile_type):
    path = write_pmtiles(tmp_path / "odd.pmtiles", {(Z, 1, 1): png_tile("#123456")}, tile_type=tile_type)
    with pytest.raises(PMTilesError, match="unknown or unsupported type"):
        PMTilesReader(path)


def test_a_tile_type_code_from_the_future_is_refused(quad):
    data = bytearray(quad.read_bytes())
    data[99] = 42
    quad.write_bytes(bytes(data))
    with pytest.raises(PMTilesError, match="code 42"):
        PMTilesReader(quad)


def test_missing_file_and_a_damaged_archive_in_the_widget_raise_words(qtbot, post, map_settings, tmp_path):
    widget = MapWidget(post, settings=map_settings)
    qtbot.addWidget(widget)
    with pytest.raises(PMTilesError, match="does not exist"):
        widget.add_pmtiles(tmp_path / "absent.pmtiles")
    (tmp_path / "junk.pmtiles").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(PMTilesError, match="not a PMTiles archive"):
        widget.add_pmtiles(tmp_path / "junk.pmtiles")
    assert widget.tile_layers == []
    widget.close_map()
