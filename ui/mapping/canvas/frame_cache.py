"""Bitmaps of the cacheable layers, scrolled on a pan instead of drawn again.

Consecutive visible cacheable layers (see layers/layer_base.py) form a *run*; each run is kept
as one transparent pixmap of the view. A pan frame then costs a scroll of that image,
the strips that came into view, and a blit; a zoom, a resize or a change of any layer's
data (its ``version``) draws the run in full. Layers that paint whole (tiles, which
arrive asynchronously) are drawn live between the runs; a layer with an overlay (the
basemap's street names) ends its run, so the canvas can draw the overlay between it
and the layers above.

A scrolled bitmap must show exactly what a full render would, so views of one zoom
level are snapped to a common lattice of device pixels, the one on which the Mercator
origin falls on a pixel corner (so the tiled basemap's tiles, on a grid anchored there,
land on whole pixels too, layers/basemap_tiles.py): a pan moves the picture by whole pixels (the shown view is at most half
a device pixel from the requested centre, and the canvas draws everything in a frame
from that one snapped view). Strips are cleared and drawn with the painter clipped to
them, and layers choose their level of detail from the whole view, so strips join
seamlessly. Qt's line rasteriser clips lines at the edges of the *device* before stepping
along them, which moves a hairline's stair-steps by a pixel; so each bitmap has an
unpainted margin of ``EDGE_PX`` round the view, and a line crossing the view's edge by
less than that is stepped the same way whichever frame drew it.

Every run also keeps its bitmap of the zoom level it last left (``LEVELS_KEPT``), while its
data is unchanged, and each level keeps its lattice: zoomed back (by the inverse factor, or
to "Show all" again), the view snaps onto the pixels that bitmap was drawn on, and it
scrolls into place as on a pan instead of being drawn again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from ..layers.layer_base import MapLayer
from ..viewport import Viewport
from .run_pictures import Run, draw_areas, edge, size_for

LEVELS_KEPT = 2  # zoom levels of a run kept as bitmaps, the current one included (~10 MB each at 1920x1080)


def layer_runs(layers: list[MapLayer]) -> list[MapLayer | Run]:
    """The visible layers bottom to top, consecutive cacheable ones grouped into runs; only a
    run's last layer can have an overlay."""
    items: list[MapLayer | Run] = []
    for layer in layers:
        if not layer.visible:
            continue
        if layer.cacheable and items and isinstance(items[-1], tuple) and not items[-1][-1].has_overlay:
            items[-1] = items[-1] + (layer,)
        elif layer.cacheable:
            items.append((layer,))
        else:
            items.append(layer)
    return items


@dataclass
class _Raster:
    run: Run  # held, so that the layers' ids cannot be reused while this bitmap exists
    pixmap: QPixmap  # a raster pixmap: QPixmap.scroll moves its pixels in place, no second buffer
    vp: Viewport
    dpr: float
    versions: tuple[int, ...]


class FrameCache:
    """The canvas's bitmaps, one per run, and the pixel lattice pans are snapped to."""

    def __init__(self) -> None:
        self._rasters: dict[tuple[int, ...], _Raster] = {}
        # the zoom levels lately shown, newest last: zoomed back by the inverse factor, a view
        # takes the exact resolution its kept bitmaps were drawn at
        self._levels: list[float] = []
        self._kept: dict[tuple[int, ...], list[_Raster]] = {}  # each run's other recent levels
        self.full_renders = 0  # for tests and the benchmark: how often a run was drawn whole
        self.scrolls = 0

    def clear(self) -> None:
        self._rasters.clear()
        self._kept.clear()
        self._levels.clear()

    def snap(self, vp: Viewport, dpr: float) -> Viewport:
        """``vp`` moved (by under half a device pixel) onto the lattice of its zoom level: the
        pixels on which the Mercator origin falls on a pixel corner."""
        res = next((r for r in self._levels if abs(r - vp.res) <= 1e-9 * vp.res), vp.res)
        if res in self._levels:  # the same level, but for the last bits: its exact resolution
            self._levels.remove(res)
        self._levels = self._levels[-LEVELS_KEPT:] + [res]
        step = res / dpr
        ax, ay = vp.width / 2 * res, -vp.height / 2 * res  # a view centred here has x = y = 0 on a corner
        return Viewport(
            ax + round((vp.cx - ax) / step) * step,
            ay + round((vp.cy - ay) / step) * step,
            res,
            vp.width,
            vp.height,
        )

    def keep_only(self, items: list[MapLayer | Run]) -> None:
        """Drop the bitmaps of runs that no longer exist (a layer hidden, added or removed)."""
        keys = {_key(item) for item in items if isinstance(item, tuple)}
        for key in [k for k in self._rasters if k not in keys]:
            del self._rasters[key]
        for key in [k for k in self._kept if k not in keys]:
            del self._kept[key]

    def draw(self, p: QPainter, run: Run, vp: Viewport, dpr: float) -> None:
        """Blit the run's picture for ``vp`` (a snapped view) onto ``p``, device pixel for device pixel."""
        pixmap, e = self.pixmap(run, vp, dpr), edge(dpr)
        w, h = round(vp.width * dpr), round(vp.height * dpr)
        p.drawPixmap(QRectF(0, 0, w / dpr, h / dpr), pixmap, QRectF(e, e, w, h))

    def pixmap(self, run: Run, vp: Viewport, dpr: float) -> QPixmap:
        """The run's bitmap for ``vp`` (the view plus margins), scrolled or redrawn as needed."""
        key, versions = _key(run), tuple(layer.version for layer in run)
        r = self._back_to_level(key, vp.res, versions, dpr)
        if (
            r is None
            or r.versions != versions
            or r.dpr != dpr
            or r.vp.res != vp.res
            or r.pixmap.size() != size_for(vp, dpr)
        ):
            return self._full(key, run, vp, dpr, versions)
        dx = round((r.vp.cx - vp.cx) / vp.res * dpr)
        dy = round((vp.cy - r.vp.cy) / vp.res * dpr)
        if abs(dx) >= vp.width * dpr or abs(dy) >= vp.height * dpr:
            return self._full(key, run, vp, dpr, versions)
        if dx or dy:
            self._scroll(r, vp, dx, dy)
        r.vp = vp
        return r.pixmap

    def _back_to_level(
        self, key: tuple[int, ...], res: float, versions: tuple[int, ...], dpr: float
    ) -> _Raster | None:
        """The run's bitmap, after swapping in the one kept for zoom level ``res`` if there is one
        of the same data (a zoom back to a level lately shown: it scrolls to the view like a pan's)."""
        r, kept = self._rasters.get(key), self._kept.setdefault(key, [])
        if r is None or r.vp.res == res:
            return r
        level = next((k for k in kept if (k.vp.res, k.versions, k.dpr) == (res, versions, dpr)), None)
        if level is None:
            return r
        kept.remove(level)
        self._keep(key, r)
        self._rasters[key] = level
        return level

    def _keep(self, key: tuple[int, ...], r: _Raster) -> None:
        """Keep a run's bitmap of a level it leaves (with the current one, ``LEVELS_KEPT`` levels)."""
        kept = self._kept.setdefault(key, [])
        same = [k for k in kept if k.vp.res != r.vp.res and (k.versions, k.dpr) == (r.versions, r.dpr)]
        kept[:] = same[: LEVELS_KEPT - 2]
        kept.insert(0, r)

    def _full(
        self, key: tuple[int, ...], run: Run, vp: Viewport, dpr: float, versions: tuple[int, ...]
    ) -> QPixmap:
        old = self._rasters.get(key)
        size = size_for(vp, dpr)
        if old is not None and old.vp.res != vp.res and (old.versions, old.dpr) == (versions, dpr):
            self._keep(key, old)  # a zoom: the level left may be the next one shown
            old = None
        pixmap = old.pixmap if old is not None and old.pixmap.size() == size else None
        if pixmap is None:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)  # gives the pixmap an alpha channel
        pixmap.setDevicePixelRatio(dpr)
        draw_areas(pixmap, run, vp, [QRectF(0, 0, vp.width, vp.height)])
        self._rasters[key] = _Raster(run, pixmap, vp, dpr, versions)
        self.full_renders += 1
        return pixmap

    def _scroll(self, r: _Raster, vp: Viewport, dx: int, dy: int) -> None:
        """Move the picture by (dx, dy) device pixels in place, then draw what came into view."""
        r.pixmap.scroll(dx, dy, r.pixmap.rect())
        draw_areas(r.pixmap, r.run, vp, _strips(vp, dx, dy, r.dpr))
        self.scrolls += 1


def _key(run: Run) -> tuple[int, ...]:
    return tuple(id(layer) for layer in run)


def _strips(vp: Viewport, dx: int, dy: int, dpr: float) -> list[QRectF]:
    """The view rectangles (logical pixels) uncovered by a scroll of (dx, dy) device pixels."""
    w, h = round(vp.width * dpr), round(vp.height * dpr)
    strips = []
    x0, x1 = (0, dx) if dx > 0 else (w + dx, w)
    if dx:
        strips.append(QRectF(x0 / dpr, 0, (x1 - x0) / dpr, h / dpr))
    if dy:
        y0, y1 = (0, dy) if dy > 0 else (h + dy, h)
        left, right = (x1, w) if dx > 0 else (0, x0 if dx else w)
        strips.append(QRectF(left / dpr, y0 / dpr, (right - left) / dpr, (y1 - y0) / dpr))
    return strips
