"""Basemaps from the config file in the real map widget: loaded in order off the GUI thread,
stacked first-at-the-bottom, and a map that cannot load is named on the map while the
others still load."""

from __future__ import annotations

import shutil
from pathlib import Path

from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import write
from PySide6.QtGui import QColor

from ops_console.config import load_settings
from ops_console.mapping.basemap_config import DEMO_BASEMAP, configured_basemaps
from ops_console.mapping.geo import tile_bounds
from ops_console.ui.mapping.layers.basemap import BasemapLayer
from ops_console.ui.mapping.viewport import Viewport
from ops_console.ui.mapping.widget import MapWidget

Z = 14
BASE_X, BASE_Y = 13675, 6728
COLOURS = {
    (Z, BASE_X, BASE_Y): "#ff0000",
    (Z, BASE_X + 1, BASE_Y): "#00ff00",
    (Z, BASE_X, BASE_Y + 1): "#0000ff",
    (Z, BASE_X + 1, BASE_Y + 1): "#ffff00",
}
META = {"name": "Grey MB", "format": "png", "minzoom": str(Z), "maxzoom": str(Z), "attribution": "© MB"}


def write_pmtiles(path: Path, tiles: dict[tuple[int, int, int], bytes]) -> Path:
    """Written with pmtiles.writer, independent of the map's reader."""
    with write(str(path)) as writer:
        for key in sorted(tiles, key=lambda k: zxy_to_tileid(*k)):
            writer.write_tile(zxy_to_tileid(*key), tiles[key])
        writer.finalize(
            {"tile_type": TileType.PNG, "tile_compression": Compression.NONE},
            {"name": "Ward PM", "attribution": "© PM"},
        )
    return path


def post_config(tmp_path: Path, tables: str) -> Path:
    path = tmp_path / "post" / "config.toml"
    (path.parent / "maps").mkdir(parents=True, exist_ok=True)
    path.write_text(tables, encoding="utf-8")
    return path


def table(kind: str, where: str, extra: str = "") -> str:
    key = "url" if kind == "xyz" else "path"
    return f'[[basemap]]\nkind = "{kind}"\n{key} = "{where}"\n{extra}\n'


def loaded_widget(qtbot, post, map_settings, config: Path) -> tuple[MapWidget, list]:  # type: ignore[no-untyped-def]
    specs = configured_basemaps(load_settings(config), demo=False)
    widget = MapWidget(post, settings=map_settings, basemaps=specs)
    qtbot.addWidget(widget)
    # nothing was opened on the GUI thread: the layers come when the GUI polls the workers
    assert widget.basemaps.pending == len(specs) and widget.tile_layers == []
    results: list = []
    widget.basemap_loaded.connect(lambda layer, error: results.append((layer, error)))
    qtbot.waitUntil(lambda: widget.basemaps.pending == 0, timeout=10_000)
    return widget, results


def test_config_maps_load_in_order_and_failures_are_named(
    qtbot, post, map_settings, tmp_path, png_tile, write_mbtiles
):
    maps = tmp_path / "post" / "maps"
    config = post_config(
        tmp_path,
        table("mbtiles", "maps/grey.mbtiles", 'title = "Aerial"')
        + table("pmtiles", "maps/absent.pmtiles")
        + table("pmtiles", "maps/ward.pmtiles", "max_zoom = 18")
        + '[[basemap]]\nkind = "wms"\nurl = "https://x/{z}/{x}/{y}"\n\n'
        + table("geojson", "maps/ward.geojson", 'attribution = "© Ward council"')
        + table("pmtiles", "maps/junk.pmtiles")
        + table("xyz", "http://127.0.0.1:9/{z}/{x}/{y}.png", 'title = "Online"\nmax_zoom = 17'),
    )
    write_mbtiles(maps / "grey.mbtiles", {(Z, BASE_X, BASE_Y): png_tile("#808080")}, META)
    write_pmtiles(maps / "ward.pmtiles", {k: png_tile(c) for k, c in COLOURS.items()})
    shutil.copy(DEMO_BASEMAP, maps / "ward.geojson")
    (maps / "junk.pmtiles").write_bytes(b"<html>404 Not Found</html>" * 20)
    widget, results = loaded_widget(qtbot, post, map_settings, config)

    aerial, ward, online = widget.tile_layers
    assert widget.canvas.layers[:3] == [aerial, ward, online]  # first configured at the bottom
    assert (aerial.title, ward.title, online.title) == ("Aerial", "Ward PM", "Online")
    # a package's own levels win over a deeper max_zoom (deeper views scale its tiles); a server's is unknown
    assert (ward.source.max_zoom, online.source.max_zoom) == (14, 17)
    geojson = next(layer for layer in widget.canvas.layers if isinstance(layer, BasemapLayer))
    assert geojson.attribution == "© Ward council"
    assert widget.canvas.layers.index(geojson) == widget.canvas.layers.index(widget.layers["zones"]) - 1
    assert [layer for layer, _ in results] == [aerial, None, ward, None, geojson, None, online]

    absent, wms, junk = widget.basemaps.problems
    assert "absent.pmtiles does not exist" in absent
    assert wms.startswith("[[basemap]] #4: kind = 'wms'")
    assert "junk.pmtiles is not a PMTiles archive" in junk
    assert junk in widget.canvas.status_text and "+2 more" in widget.canvas.status_text
    widget.close_map()


def test_upper_maps_cover_lower_ones_where_both_have_tiles(
    qtbot, post, map_settings, tmp_path, png_tile, write_mbtiles
):
    maps = tmp_path / "post" / "maps"
    config = post_config(
        tmp_path, table("mbtiles", "maps/grey.mbtiles") + table("pmtiles", "maps/ward.pmtiles")
    )
    grey = {(Z, BASE_X + dx, BASE_Y + dy): png_tile("#808080") for dx in range(3) for dy in range(2)}
    write_mbtiles(maps / "grey.mbtiles", grey, META)
    write_pmtiles(maps / "ward.pmtiles", {k: png_tile(c) for k, c in COLOURS.items()})
    widget, _ = loaded_widget(qtbot, post, map_settings, config)
    corner_x, _, _, corner_y = tile_bounds(Z, BASE_X + 1, BASE_Y + 1)
    res = (tile_bounds(Z, 0, 0)[2] - tile_bounds(Z, 0, 0)[0]) / 256
    widget.canvas.set_view(Viewport(corner_x, corner_y, res, 600, 600))
    widget.canvas.render_image(600, 600)  # asks both sources for their tiles
    qtbot.waitUntil(
        lambda: len(widget.tile_layers[0].source.cache) == 6 and len(widget.tile_layers[1].source.cache) == 4,
        timeout=5000,
    )
    image = widget.canvas.render_image(600, 600, hud=False)
    for (px, py), colour in {
        (200, 200): "#ff0000",
        (400, 200): "#00ff00",
        (200, 400): "#0000ff",
        (400, 400): "#ffff00",
        (580, 200): "#808080",
    }.items():
        assert QColor(image.pixel(px, py)).name() == colour, (px, py)
    assert widget.canvas.attribution == "© MB · © PM"
    widget.close_map()


def test_the_demo_ward_is_used_only_with_demo_and_no_maps_configured(tmp_path):
    absent = tmp_path / "absent.toml"
    assert configured_basemaps(load_settings(absent), demo=True) == [DEMO_BASEMAP]
    assert configured_basemaps(load_settings(absent), demo=False) == []
    config = post_config(tmp_path, table("pmtiles", "maps/region.pmtiles"))
    (spec,) = configured_basemaps(load_settings(config), demo=True)
    assert spec.kind == "pmtiles" and spec.path == tmp_path / "post" / "maps" / "region.pmtiles"


def test_open_geojson_reports_through_the_signal(qtbot, post, map_settings, tmp_path):
    widget = MapWidget(post, settings=map_settings)
    qtbot.addWidget(widget)
    (tmp_path / "broken.geojson").write_text("{ not json", encoding="utf-8")
    with qtbot.waitSignal(widget.basemap_loaded) as bad:
        widget.open_geojson(tmp_path / "broken.geojson")
    assert bad.args[0] is None and "broken.geojson" in bad.args[1]
    with qtbot.waitSignal(widget.basemap_loaded) as good:
        widget.open_geojson(DEMO_BASEMAP)
    assert isinstance(good.args[0], BasemapLayer) and good.args[1] == ""
    assert good.args[0].title == "Streets and buildings"
    widget.close_map()


def test_closing_while_maps_load_adds_nothing_afterwards(qtbot, post, map_settings, tmp_path, png_tile):
    config = post_config(tmp_path, table("pmtiles", "maps/ward.pmtiles") * 3)
    write_pmtiles(tmp_path / "post" / "maps" / "ward.pmtiles", {k: png_tile(c) for k, c in COLOURS.items()})
    widget = MapWidget(
        post, settings=map_settings, basemaps=configured_basemaps(load_settings(config), demo=False)
    )
    qtbot.addWidget(widget)
    widget.close_map()
    qtbot.wait(200)
    assert widget.tile_layers == [] and widget.basemaps.pending == 0
