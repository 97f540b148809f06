"""Bitmaps of the cacheable layers, scrolled on a pan instead of drawn again.

Consecutive visible cacheable layers (see layers/layer_base.py) form a *run*; each run is kept
as one transparent pixmap of the view. A pan frame then costs a scroll of that image,
the strips that came into view, and a blit; a zoom, a resize or a change of any layer's
data (its ``version``) draws the run in full. Layers that paint whole (tiles, which
arrive asynchronously) are drawn live between the runs; a layer with an overlay (the
basemap's street names) ends its run, so the canvas can draw the overlay between it
and the layers above.

A scrolled bitmap must show exactly what a full render would, so views of one zoom
level are snapped to a common lattice of device pixels, anchored where that zoom level
was first drawn: a pan moves the picture by whole pixels (the shown view is at most half
a device pixel from the requested centre, and the canvas draws everything in a frame
from that one snapped view). Strips are cleared and drawn with the painter clipped to
them, and layers choose their level of detail from the whole view, so strips join
seamlessly. Qt's line rasteriser clips lines at the edges of the *device* before stepping
along them, which moves a hairline's stair-steps by a pixel; so each bitmap has an
unpainted margin of ``EDGE_PX`` round the view, and a line crossing the view's edge by
less than that is stepped the same way whichever frame drew it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap

from ..layers.layer_base import EDGE_PX, MapLayer
from ..viewport import Viewport

Run = tuple[MapLayer, ...]


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
        self._lattice: tuple[tuple[float, int, int, float], float, float] | None = None
        self.full_renders = 0  # for tests and the benchmark: how often a run was drawn whole
        self.scrolls = 0

    def clear(self) -> None:
        self._rasters.clear()
        self._lattice = None

    def snap(self, vp: Viewport, dpr: float) -> Viewport:
        """``vp`` moved (by under half a device pixel) onto the lattice of its zoom level."""
        key = (vp.res, vp.width, vp.height, dpr)
        if self._lattice is None or self._lattice[0] != key:
            self._lattice = (key, vp.cx, vp.cy)
            return vp
        _, ax, ay = self._lattice
        step = vp.res / dpr
        return Viewport(
            ax + round((vp.cx - ax) / step) * step,
            ay + round((vp.cy - ay) / step) * step,
            vp.res,
            vp.width,
            vp.height,
        )

    def keep_only(self, items: list[MapLayer | Run]) -> None:
        """Drop the bitmaps of runs that no longer exist (a layer hidden, added or removed)."""
        keys = {_key(item) for item in items if isinstance(item, tuple)}
        for key in [k for k in self._rasters if k not in keys]:
            del self._rasters[key]

    def draw(self, p: QPainter, run: Run, vp: Viewport, dpr: float) -> None:
        """Blit the run's picture for ``vp`` (a snapped view) onto ``p``, device pixel for device pixel."""
        pixmap, e = self.pixmap(run, vp, dpr), _edge(dpr)
        w, h = round(vp.width * dpr), round(vp.height * dpr)
        p.drawPixmap(QRectF(0, 0, w / dpr, h / dpr), pixmap, QRectF(e, e, w, h))

    def pixmap(self, run: Run, vp: Viewport, dpr: float) -> QPixmap:
        """The run's bitmap for ``vp`` (the view plus margins), scrolled or redrawn as needed."""
        key, versions = _key(run), tuple(layer.version for layer in run)
        r = self._rasters.get(key)
        if (
            r is None
            or r.versions != versions
            or r.dpr != dpr
            or r.vp.res != vp.res
            or r.pixmap.size() != _size(vp, dpr)
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

    def _full(
        self, key: tuple[int, ...], run: Run, vp: Viewport, dpr: float, versions: tuple[int, ...]
    ) -> QPixmap:
        old = self._rasters.get(key)
        size = _size(vp, dpr)
        pixmap = old.pixmap if old is not None and old.pixmap.size() == size else None
        if pixmap is None:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)  # gives the pixmap an alpha channel
        pixmap.setDevicePixelRatio(dpr)
        _draw_areas(pixmap, run, vp, [QRectF(0, 0, vp.width, vp.height)])
        self._rasters[key] = _Raster(run, pixmap, vp, dpr, versions)
        self.full_renders += 1
        return pixmap

    def _scroll(self, r: _Raster, vp: Viewport, dx: int, dy: int) -> None:
        """Move the picture by (dx, dy) device pixels in place, then draw what came into view."""
        r.pixmap.scroll(dx, dy, r.pixmap.rect())
        _draw_areas(r.pixmap, r.run, vp, _strips(vp, dx, dy, r.dpr))
        self.scrolls += 1


def _key(run: Run) -> tuple[int, ...]:
    return tuple(id(layer) for layer in run)


def _edge(dpr: float) -> int:
    """The margin in whole device pixels (so the view starts on a pixel at any scale)."""
    return round(EDGE_PX * dpr)


def _size(vp: Viewport, dpr: float) -> QSize:
    return QSize(round(vp.width * dpr) + 2 * _edge(dpr), round(vp.height * dpr) + 2 * _edge(dpr))


def _draw_areas(pixmap: QPixmap, run: Run, vp: Viewport, areas: list[QRectF]) -> None:
    """Clear each area and draw the run's layers into it, in view coordinates.

    The clip masks pixels only: Qt still steps lines from the pixmap's own edges, which
    are the same (the view plus EDGE_PX) in every frame."""
    p = QPainter(pixmap)
    dpr = pixmap.devicePixelRatio()
    p.translate(_edge(dpr) / dpr, _edge(dpr) / dpr)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for area in areas:
        p.save()
        p.setClipRect(area)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.fillRect(area, Qt.GlobalColor.transparent)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for layer in run:
            layer.draw(p, vp, area)
        p.restore()
    p.end()


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
