"""A map that never goes blank: tiles asked for while a server was down come when it is back,
views deeper than the data show the nearest ancestor scaled, and a view outside what a
basemap covers is said on the map. Tiles are served by a real local HTTP server that can be
switched off and on, packages are written with plain sqlite3 (no GDAL), and pixels are
checked at known places."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from ops_console.config import load_settings
from ops_console.mapping.basemap_config import configured_basemaps
from ops_console.mapping.geo import resolution_for_zoom, tile_bounds, to_lat_lon
from ops_console.mapping.mbtiles import MBTilesReader
from ops_console.ui.mapping.canvas import MapCanvas
from ops_console.ui.mapping.layers.basemap import LAND
from ops_console.ui.mapping.tiles import MBTilesSource, TileLayer, XYZSource
from ops_console.ui.mapping.viewport import Viewport
from ops_console.ui.mapping.widget import MapWidget

X15, Y15 = 27351, 13457  # the z15 tile of the tree; its centre is the centre of every view here
TREE = {15: "#ff0000", 14: "#00ff00", 13: "#0000ff"}  # one colour per level: which one is drawn shows


def tree_key(z: int) -> tuple[int, int, int]:
    return z, X15 >> (15 - z), Y15 >> (15 - z)


def centre() -> tuple[float, float]:
    min_x, min_y, max_x, max_y = tile_bounds(15, X15, Y15)
    return (min_x + max_x) / 2, (min_y + max_y) / 2


def view_at(z: float, size: int = 256) -> Viewport:
    return Viewport(*centre(), resolution_for_zoom(z), size, size)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A client that hangs up mid-answer (the map closed, a request aborted) is no fault here."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class TileServer:
    """XYZ tiles over HTTP from a thread; ``down()`` closes the port (connection refused), ``up()``
    opens it again on the same port. Tiles not in ``tiles`` get a real 404."""

    def __init__(self, tiles: dict[tuple[int, int, int], bytes]) -> None:
        self.tiles, self.asked = tiles, []
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self.up()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                z, x, y = (int(part) for part in self.path.removesuffix(".png").split("/")[-3:])
                server.asked.append((z, x, y))
                body = server.tiles.get((z, x, y))
                if body is None:
                    self.send_error(404, "no such tile")
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def up(self) -> None:
        self._server = _QuietServer(("127.0.0.1", self.port), self._handler())
        self.port = self._server.server_port
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{{z}}/{{x}}/{{y}}.png"


@pytest.fixture
def tree_server(png_tile):
    server = TileServer({tree_key(z): png_tile(colour) for z, colour in TREE.items()})
    yield server
    server.down()


def centre_colour(canvas: MapCanvas, vp: Viewport) -> str:
    canvas.set_view(vp)
    image = canvas.render_image(vp.width, vp.height, hud=False)
    return QColor(image.pixel(vp.width // 2, vp.height // 2)).name()


def tile_canvas(qtbot, source) -> tuple[MapCanvas, TileLayer]:  # type: ignore[no-untyped-def]
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    layer = TileLayer(source)
    canvas.add_layer(layer)
    return canvas, layer


def test_tiles_first_asked_while_the_server_is_down_come_when_it_is_back(qtbot, tree_server):
    tree_server.down()
    source = XYZSource(tree_server.url, timeout_ms=3000)
    source.OFFLINE_RETRY_S = 0.8  # the banner's 30 s, shortened for the test
    canvas, _ = tile_canvas(qtbot, source)
    with qtbot.waitSignal(source.state_changed, timeout=5000) as offline:
        assert centre_colour(canvas, view_at(15)) == QColor(LAND).name()  # nothing yet: asks
    assert offline.args[0].startswith("Offline:") and "retrying in" in offline.args[0]
    centre_colour(canvas, view_at(15))  # asked again while offline: only the disk cache answers
    qtbot.wait(100)
    assert not source.known_missing(tree_key(15)), "a tile that could not be fetched is not 'missing'"

    tree_server.up()  # the link is back: the retry the banner promised fetches the tile, no repaint needed
    qtbot.waitUntil(lambda: source.image(tree_key(15)) is not None, timeout=5000)
    assert source.retries >= 1 and source.state == ""
    assert centre_colour(canvas, view_at(15)) == TREE[15]
    source.close()


def test_a_real_404_is_missing_and_not_asked_again(qtbot, tree_server):
    source = XYZSource(tree_server.url, timeout_ms=3000)
    absent = (15, X15 + 5, Y15)
    source.request([absent])
    qtbot.waitUntil(lambda: source.known_missing(absent), timeout=5000)
    source.schedule_retry(0.05)
    qtbot.waitUntil(lambda: source.retries == 1, timeout=2000)
    qtbot.wait(200)
    assert tree_server.asked.count(absent) == 1 and source.state == ""
    source.close()


def test_an_answer_that_is_no_image_is_retried_not_missing(qtbot, tree_server):
    key = tree_key(15)
    good = tree_server.tiles[key]
    tree_server.tiles[key] = b"<html>captive portal</html>"
    source = XYZSource(tree_server.url, timeout_ms=3000)
    source.RETRY_S = 0.5
    source.request([key])
    qtbot.waitUntil(lambda: source.bad_tiles == 1, timeout=5000)
    assert not source.known_missing(key)
    tree_server.tiles[key] = good  # the portal was passed
    qtbot.waitUntil(lambda: source.image(key) is not None, timeout=5000)
    assert source.state == ""
    source.close()


@pytest.mark.parametrize("view_zoom", [15, 17, 18.6])
def test_views_deeper_than_an_xyz_tree_show_its_deepest_tile_scaled(qtbot, tree_server, view_zoom):
    source = XYZSource(tree_server.url, timeout_ms=3000)  # default max_zoom 19 over a z13-15 tree
    canvas, _ = tile_canvas(qtbot, source)
    vp = view_at(view_zoom)
    qtbot.waitUntil(lambda: centre_colour(canvas, vp) == TREE[15], timeout=8000)
    image = canvas.render_image(vp.width, vp.height, hud=False)
    assert {QColor(image.pixel(x, y)).name() for x in (5, 128, 250) for y in (5, 128, 250)} == {TREE[15]}
    assert tree_key(14) not in tree_server.asked, "the nearest ancestor is fetched, not one further up"
    source.close()


def write_tree(write_mbtiles, png_tile, path: Path, **meta: str) -> Path:  # type: ignore[no-untyped-def]
    metadata = {"name": "Tree", "format": "png", "minzoom": "13", "maxzoom": "15", **meta}
    return write_mbtiles(path, {tree_key(z): png_tile(c) for z, c in TREE.items()}, metadata)


def test_a_package_whose_metadata_claims_deeper_levels_shows_its_deepest_tile(
    qtbot, tmp_path, png_tile, write_mbtiles
):
    path = write_tree(write_mbtiles, png_tile, tmp_path / "lies.mbtiles", maxzoom="18")
    source = MBTilesSource(path)
    canvas, _ = tile_canvas(qtbot, source)
    qtbot.waitUntil(lambda: centre_colour(canvas, view_at(18)) == TREE[15], timeout=8000)
    assert source.known_missing(
        (18, (X15 << 3) + 4, (Y15 << 3) + 4)
    )  # an empty row is missing: its ancestor came
    source.close()


def test_an_mbtiles_package_configured_beyond_its_levels_is_drawn(
    qtbot, post, map_settings, tmp_path, png_tile, write_mbtiles
):
    config = tmp_path / "post" / "config.toml"
    (config.parent / "maps").mkdir(parents=True)
    config.write_text('[[basemap]]\nkind = "mbtiles"\npath = "maps/tree.mbtiles"\nmax_zoom = 19\n')
    write_tree(write_mbtiles, png_tile, config.parent / "maps" / "tree.mbtiles")
    widget = MapWidget(
        post, settings=map_settings, basemaps=configured_basemaps(load_settings(config), False)
    )
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.basemaps.pending == 0 and bool(widget.tile_layers), timeout=10_000)
    (layer,) = widget.tile_layers
    assert layer.source.max_zoom == 15, "the package's own levels, not the config's 19"
    for layer_key in list(widget.layers):  # the tiles alone, so the centre pixel is the tile's
        widget.set_layer_visible(layer_key, False)
    qtbot.waitUntil(lambda: centre_colour(widget.canvas, view_at(19)) == TREE[15], timeout=8000)
    widget.close_map()


def test_the_map_says_when_the_view_is_outside_what_a_basemap_covers(
    qtbot, tmp_path, png_tile, write_mbtiles
):
    west, north = to_lat_lon(tile_bounds(15, X15, Y15)[0], tile_bounds(15, X15, Y15)[3])[::-1]
    east, south = to_lat_lon(tile_bounds(15, X15, Y15)[2], tile_bounds(15, X15, Y15)[1])[::-1]
    bounds = f"{west},{south},{east},{north}"
    source = MBTilesSource(write_tree(write_mbtiles, png_tile, tmp_path / "t.mbtiles", bounds=bounds))
    canvas, layer = tile_canvas(qtbot, source)
    assert layer.note(view_at(15)) == ""
    far_out = view_at(9, 600)  # six levels above the package's top level: it is not drawn
    assert "zoom in" in layer.note(far_out) and "13–15" in layer.note(far_out)
    min_x, min_y, max_x, max_y = tile_bounds(15, X15, Y15)
    away = Viewport(max_x + 5000, max_y, resolution_for_zoom(15), 256, 256)
    assert "does not cover this area" in layer.note(away)

    canvas.set_view(away)  # the note is on the map, in the badge under the status line
    note_colour = QColor("#4a5563").rgb()
    with_hud, without = canvas.render_image(256, 256), canvas.render_image(256, 256, hud=False)

    def badge_pixels(image: QImage) -> int:
        return sum(image.pixel(x, y) == note_colour for x in range(256) for y in range(40))

    assert badge_pixels(with_hud) > 200 and badge_pixels(without) == 0

    assert canvas.zoom_to_all(), "Show all includes the basemap's bounds"
    v_min_x, v_min_y, v_max_x, v_max_y = canvas.vp.world_rect()
    assert v_min_x <= min_x + 1 and v_max_x >= max_x - 1 and v_min_y <= min_y + 1 and v_max_y >= max_y - 1
    source.close()


def test_a_package_without_bounds_gets_them_from_its_tiles(tmp_path, png_tile, write_mbtiles):
    reader = MBTilesReader(write_tree(write_mbtiles, png_tile, tmp_path / "nb.mbtiles"))
    west, south, east, north = reader.info.bounds
    lat_n, lon_w = to_lat_lon(*tile_bounds(*tree_key(13))[0::3][:2])
    lat_s, lon_e = to_lat_lon(tile_bounds(*tree_key(13))[2], tile_bounds(*tree_key(13))[1])
    assert (west, east) == pytest.approx((lon_w, lon_e)) and (south, north) == pytest.approx((lat_s, lat_n))
    reader.close()


def test_a_package_that_cannot_be_read_for_a_while_is_read_again(qtbot, tmp_path, png_tile, write_mbtiles):
    """A stick that stops answering mid-session (here: the file is garbage for a while, with a new
    change counter so SQLite drops its cached pages, then put back) leaves tiles 'failed', not
    'missing': they are read again once the file is readable."""
    path = write_tree(write_mbtiles, png_tile, tmp_path / "stick.mbtiles")
    good = path.read_bytes()
    source = MBTilesSource(path)
    source.RETRY_S = 0.5
    counter = (int.from_bytes(good[24:28], "big") + 1).to_bytes(4, "big")
    path.write_bytes(good[:24] + counter + good[28:100] + b"\xa5" * (len(good) - 100))
    key = tree_key(15)
    source.request([key])
    qtbot.waitUntil(lambda: source.failed_recently(key) or source.known_missing(key), timeout=5000)
    assert not source.known_missing(key), "a read error is not an empty row"
    assert source.read_failures == 1 and "cannot be read" in source.state
    path.write_bytes(good)  # readable again
    qtbot.waitUntil(lambda: source.image(key) is not None, timeout=5000)
    assert source.state == ""
    source.close()
