"""The GeoJSON basemap as raster tiles: drawn off the GUI thread, kept, then only blitted.

A vector basemap is slow to draw (a ward's 1,700 buildings, streets cased and dashed:
40–80 ms a zoom level on this machine), and PySide6 keeps the GIL for the whole of each
QPainter call, so drawing it on a worker still stalls the GUI thread's frames (measured:
a Python loop on the GUI thread ran at ~1 % of its speed while a worker was inside
``drawPath``). So it is drawn as a raster basemap would be: into 256-device-pixel tiles
on a grid anchored at the Mercator origin, one grid per zoom level (the view's exact
resolution, so a tile lands pixel for pixel and streets stay crisp; the canvas snaps the
view onto that lattice). A frame only blits the tiles it has; the ones it lacks are
drawn by jobs on one worker thread (ui/common/jobs.py), visible tiles nearest the centre
first, then a ring round the view so a pan finds them ready. While they are drawn, the
frame shows the same place from the levels lately shown, scaled (the previous frame's
picture), under the missing tiles only, crisp again tile by tile. Beyond what those levels
cover (the band a zoom out uncovers), an *overview* stands in: the whole basemap drawn
once at about ``OVERVIEW_PX`` across and kept, so the basemap is never bare land there.

The worker keeps out of the GUI thread's way: it hands tiles over in short batches
(``BATCH_S``) and, between tiles, waits while a map frame is being painted (``PAINT_GATE``),
so a frame is delayed by at most the one tile being drawn when it began (a few ms),
instead of trading the GIL with the worker every switch interval for the whole frame.

Each tile is drawn with the layer's own ``draw`` into a bitmap with the canvas's unpainted
margin round it (``EDGE_PX``, see polylines.py), so tiles join seamlessly: a tiled view
equals the whole view drawn at once but for a few grey levels where Qt flattens a round
join differently. Tiles away from the basemap's box are known blank and never drawn.
Decoded tiles live in a byte-bounded LRU cache; no disk cache: drawing a tile (~1 ms)
costs no more than reading and decoding a PNG of it, and levels are the view's exact
resolutions, which another session rarely asks for again.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from ...common.jobs import Job, JobLane, start_job
from ..viewport import Viewport
from .layer_base import EDGE_PX

if TYPE_CHECKING:
    from .layer_base import MapLayer

TILE = 256  # a tile's side in device pixels
BATCH_S = 0.02  # a job draws tiles for about this long, then hands them to the GUI thread
CACHE_BYTES = 64 * 1024 * 1024  # ~256 tiles: four levels of a 1920x1080 view with their rings
LEVELS_SCALED = 3  # levels lately shown that stand in, scaled, for tiles not drawn yet
SCALE_LIMIT = 8.0  # a level this much finer than the view is too many tiles to stand in
OVERVIEW_PX = 1024  # the whole basemap at about this many device pixels: the stand-in of last resort

Level = tuple[float, float]  # (res, dpr): one grid of tiles
TileKey = tuple[float, float, int, int]  # res, dpr, column (east), row (south)


class PaintGate:
    """Tile workers pause (the GIL released) while the GUI thread paints a map frame."""

    def __init__(self) -> None:
        self._idle = threading.Event()
        self._idle.set()
        self._depth = 0  # GUI thread only: frames may nest (a widget grabbed inside a paint)
        self._painter = 0  # the thread that paints frames

    @contextmanager
    def painting(self) -> Iterator[None]:
        self._painter = threading.get_ident()
        self._depth += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth:
                self._idle.set()

    def wait(self, timeout_s: float = 0.2) -> None:
        """Worker side: return once no frame is being painted (or after ``timeout_s``, never stuck);
        at once on the painting thread itself (a test drawing a tile inside a frame)."""
        if not self._idle.is_set() and threading.get_ident() != self._painter:
            self._idle.wait(timeout_s)


PAINT_GATE = PaintGate()


def span(res: float, dpr: float) -> float:
    """A tile's side in Mercator metres at this level."""
    return TILE * res / dpr


def tile_box(key: TileKey) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) in Mercator metres; rows count southwards from y = 0."""
    res, dpr, i, j = key
    s = span(res, dpr)
    return i * s, -(j + 1) * s, (i + 1) * s, -j * s


def tiles_over(box: tuple[float, float, float, float], level: Level) -> list[tuple[int, int]]:
    """The (column, row) of every tile of ``level`` touching ``box``."""
    s = span(*level)
    x0, y0, x1, y1 = box
    cols = range(math.floor(x0 / s), math.ceil(x1 / s))
    rows = range(math.floor(-y1 / s), math.ceil(-y0 / s))
    return [(i, j) for i in cols for j in rows]


def render_tile(layer: MapLayer, key: TileKey) -> QImage:
    """Worker side: one tile, drawn with the canvas's margin round it, then cut out."""
    from ..canvas.run_pictures import draw_areas, edge

    res, dpr, i, j = key
    x0, _, _, y1 = tile_box(key)
    e, side = edge(dpr), TILE / dpr  # the margin in device pixels, the tile in logical ones
    w = math.ceil(side)  # a view just wider than the tile, its left top corner on the tile's
    vp = Viewport(x0 + w / 2 * res, y1 - w / 2 * res, res, w, w)
    image = QImage(TILE + 2 * e, TILE + 2 * e, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(dpr)
    draw_areas(image, (layer,), vp, [QRectF(0, 0, side, side)])
    tile = image.copy(e, e, TILE, TILE)
    tile.setDevicePixelRatio(dpr)
    return tile


def render_batch(layer: MapLayer, keys: tuple[TileKey, ...]) -> list[tuple[TileKey, QImage]]:
    """Worker side: tiles in the order asked, for about ``BATCH_S``; waits out the GUI's frames."""
    done: list[tuple[TileKey, QImage]] = []
    start = time.perf_counter()
    for key in keys:
        PAINT_GATE.wait()
        done.append((key, render_tile(layer, key)))
        if time.perf_counter() - start >= BATCH_S:
            break
    return done


def _draw_piece(
    p: QPainter, vp: Viewport, tile: TileKey, image: QImage, area: tuple[float, float, float, float]
) -> None:
    """The part of ``tile``'s image that falls within ``area`` (world metres), scaled onto the view."""
    tx0, ty0, tx1, ty1 = tile_box(tile)
    x0, y0, x1, y1 = max(tx0, area[0]), max(ty0, area[1]), min(tx1, area[2]), min(ty1, area[3])
    if x0 >= x1 or y0 >= y1:
        return
    per_px = (tx1 - tx0) / TILE  # metres per pixel of the tile's image
    source = QRectF((x0 - tx0) / per_px, (ty1 - y1) / per_px, (x1 - x0) / per_px, (y1 - y0) / per_px)
    corner = vp.to_screen(x0, y1)
    p.drawImage(QRectF(corner.x(), corner.y(), (x1 - x0) / vp.res, (y1 - y0) / vp.res), image, source)


def _lane() -> JobLane:
    """One worker thread for every basemap's tiles (they hold the GIL: a second would only queue)."""
    global _LANE
    if _LANE is None:
        _LANE = JobLane("basemap-tiles", parent=QCoreApplication.instance())
    return _LANE


_LANE: JobLane | None = None


class BasemapTiles:
    """The tiles of one basemap layer: those drawn, those wanted, and the job drawing some."""

    def __init__(self, layer: MapLayer, cache_bytes: int = CACHE_BYTES) -> None:
        self.layer = layer
        self.max_bytes, self.bytes = cache_bytes, 0
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()
        self._overview: dict[TileKey, QImage] = {}  # the whole basemap, coarse: kept, never evicted
        self._wanted: list[TileKey] = []  # most wanted first: in view by distance, then the ring
        self._job: Job | None = None
        self._recent: list[Level] = []  # levels lately shown, newest first
        self.rendered = 0  # tiles drawn (tests and the benchmark)
        self.stand_ins = 0  # frames that showed another level scaled where tiles were missing
        self.missing = 0  # tiles the last frame lacked (tests and the benchmark)

    # the GUI thread's side ---------------------------------------------------------------------
    def settling(self) -> bool:
        """Whether tiles are still being drawn for the last view (tests, benchmark)."""
        return self._job is not None or bool(self._wanted)

    def clear(self) -> None:
        self._images.clear()
        self._overview.clear()
        self.bytes = 0
        self._recent.clear()

    def paint(self, p: QPainter, vp: Viewport) -> None:
        """The view's tiles that are drawn; under those that are not, recent levels scaled. ``vp``
        must be on the canvas's lattice (world 0 on a device pixel) for tiles to land on pixels."""
        dpr = p.device().devicePixelRatioF()
        level = (vp.res, dpr)
        d = vp.res / dpr
        ox = round(-vp.cx / d + vp.width * dpr / 2)  # device pixel of Mercator x = 0 in the view
        oy = round(vp.cy / d + vp.height * dpr / 2)
        missing: list[tuple[float, TileKey]] = []  # by distance from the view's centre
        for i, j in tiles_over(vp.world_rect(), level):
            key = (vp.res, dpr, i, j)
            if self._blank(key):
                continue
            target = QRectF((ox + i * TILE) / dpr, (oy + j * TILE) / dpr, TILE / dpr, TILE / dpr)
            image = self._get(key)
            if image is not None:
                if key in self._images:
                    self._images.move_to_end(key)
                p.drawImage(target, image)
            else:
                dist = (target.center() - QRectF(0, 0, vp.width, vp.height).center()).manhattanLength()
                missing.append((dist, key))
        self.missing = len(missing)
        nearest_first = [key for _, key in sorted(missing, key=lambda m: m[0])]
        if nearest_first:
            self._stand_in(p, vp, dpr, nearest_first)
        self._shown(level)
        ring = [
            key
            for i, j in tiles_over(vp.world_rect(TILE / dpr), level)
            if self._get(key := (vp.res, dpr, i, j)) is None and not self._blank(key)
        ]
        overview = self.overview_level(dpr)
        whole = [] if overview is None else [(*overview, i, j) for i, j in tiles_over(self._box(), overview)]
        wanted = nearest_first + [k for k in whole if k not in self._overview] + ring
        self._want(list(dict.fromkeys(wanted)))  # in view first, then the overview, once each

    def overview_level(self, dpr: float) -> Level | None:
        """The level at which the whole basemap is about ``OVERVIEW_PX`` device pixels across:
        drawn once (16 tiles or so) and kept, it stands in wherever no recent level has tiles
        (the band a zoom out uncovers beyond the last view and its ring)."""
        b = self.layer.bounds()
        if b is None:
            return None
        return max(b[2] - b[0], b[3] - b[1], 1.0) / OVERVIEW_PX * dpr, dpr

    def _box(self) -> tuple[float, float, float, float]:
        """What the layer draws, widest pen included (empty for an empty layer)."""
        b = self.layer.bounds()
        return (b[0] - 30, b[1] - 30, b[2] + 30, b[3] + 30) if b is not None else (0.0, 0.0, 0.0, 0.0)

    def _get(self, key: TileKey) -> QImage | None:
        return self._images.get(key) or self._overview.get(key)

    def _shown(self, level: Level) -> None:
        if not self._recent or self._recent[0] != level:
            self._recent = [level] + [lv for lv in self._recent if lv != level][:LEVELS_SCALED]

    def _stand_in(self, p: QPainter, vp: Viewport, dpr: float, missing: list[TileKey]) -> None:
        """Where tiles are missing: the levels lately shown that have tiles there, scaled, the
        nearest in time drawn last (on top). What the previous frames showed, never blank land.

        Each missing tile takes only the pieces of other levels' tiles that fall on it, from
        the newest level that covers it whole (or the overview) upwards: drawing every level's
        tiles over the missing tiles' bounding box under a clip region drew ~2.5 views of
        scaled pixels, and such frames were the map's slowest (stand-ins ~20 ms of 40)."""
        overview = self.overview_level(dpr)
        levels = [
            lv
            for lv in [*self._recent, overview]  # newest first, the overview last
            if lv is not None and lv[1] == dpr and lv[0] != vp.res and lv[0] / vp.res >= 1 / SCALE_LIMIT
        ]
        levels = list(dict.fromkeys(levels))
        if not levels:
            return
        vx0, vy0, vx1, vy1 = vp.world_rect()
        bx0, by0, bx1, by1 = self._box()  # beyond it every level's tiles are blank
        p.save()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # a stand-in for a few frames
        drew = False
        for key in missing:
            tx0, ty0, tx1, ty1 = tile_box(key)
            area = (max(tx0, vx0, bx0), max(ty0, vy0, by0), min(tx1, vx1, bx1), min(ty1, vy1, by1))
            if area[0] >= area[2] or area[1] >= area[3]:
                continue
            for pieces in reversed(self._covering(levels, area)):  # bottom to top
                for tile, image in pieces:
                    if image is not None:
                        _draw_piece(p, vp, tile, image, area)
                        drew = True
        p.restore()
        self.stand_ins += drew

    def _covering(
        self, levels: list[Level], area: tuple[float, float, float, float]
    ) -> list[list[tuple[TileKey, QImage | None]]]:
        """The levels' tiles over ``area``, newest level first, down to the first one whose
        tiles cover it whole (the older ones would only be overdrawn)."""
        out = []
        for level in levels:
            pieces = [((*level, i, j), self._get((*level, i, j))) for i, j in tiles_over(area, level)]
            out.append(pieces)
            if all(image is not None or self._blank(tile) for tile, image in pieces):
                break
        return out

    def _blank(self, key: TileKey) -> bool:
        """The tile is away from everything the layer draws (widest pen and margin included)."""
        b = self.layer.bounds()
        if b is None:
            return True
        m = EDGE_PX * key[0] + 30.0  # a street's casing is at most ~20 m wide
        x0, y0, x1, y1 = tile_box(key)
        return x1 < b[0] - m or x0 > b[2] + m or y1 < b[1] - m or y0 > b[3] + m

    def _want(self, keys: list[TileKey]) -> None:
        self._wanted = keys
        self._pump()

    def _pump(self) -> None:
        """Start the next batch if none is drawing (one job at a time: the worker holds the GIL)."""
        if self._job is not None:
            return
        self._wanted = [k for k in self._wanted if k not in self._images and k not in self._overview]
        if not self._wanted:
            return
        layer, keys = self.layer, tuple(self._wanted)
        owner = getattr(layer.on_change, "__self__", None)  # the canvas: once it is gone, nobody is told
        self._job = start_job(
            _lane(),
            lambda: render_batch(layer, keys),
            self._landed,
            self._failed,
            owner=owner if isinstance(owner, QObject) else None,
        )

    def _landed(self, tiles: list[tuple[TileKey, QImage]]) -> None:
        """GUI thread: a batch is drawn; keep it, ask for a frame, draw what is still wanted."""
        self._job = None
        for key, image in tiles:
            self._put(key, image)
        self.rendered += len(tiles)
        self._pump()
        if tiles and self.layer.on_change is not None:
            self.layer.on_change()

    def _failed(self, exc: Exception) -> None:
        """A tile job raised (a bug): stop asking, so frames do not wait for nothing, and let the
        crash hook show it."""
        self._job = None
        self._wanted = []
        raise exc

    def _put(self, key: TileKey, image: QImage) -> None:
        if key[:2] == self.overview_level(key[1]):
            self._overview[key] = image
            return
        old = self._images.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._images[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.max_bytes and len(self._images) > 1:
            _, gone = self._images.popitem(last=False)
            self.bytes -= gone.sizeInBytes()
