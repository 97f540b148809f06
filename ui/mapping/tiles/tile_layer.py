"""The layer that draws raster tiles (the sources live beside it, see __init__.py).

The layer draws only images that are ready and, meanwhile, a scaled-up ancestor, so the
map is never blank and painting never waits for a disk or a server.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from ops_console.mapping.geo import tile_bounds, tile_range, zoom_for_resolution

from ..layers.layer_base import MapLayer
from ..viewport import Viewport
from .tile_source import TileKey, TileSource


class TileLayer(MapLayer):
    """Draws a tile source under the vector layers; asks for what is in view."""

    def __init__(
        self, source: TileSource, key: str = "tiles", title: str | None = None, opacity: float = 1.0
    ) -> None:
        super().__init__(key, title or source.name)
        self.source, self.opacity = source, opacity
        self.attribution = source.attribution

    def zoom_for(self, vp: Viewport) -> int:
        return max(self.source.min_zoom, min(self.source.max_zoom, round(zoom_for_resolution(vp.res) + 0.15)))

    def paint(self, p: QPainter, vp: Viewport) -> None:
        z = self.zoom_for(vp)
        x0, y0, x1, y1 = tile_range(z, *vp.world_rect())
        if (x1 - x0 + 1) * (y1 - y0 + 1) > 600:
            return  # far below the package's zooms: nothing sensible to draw
        p.save()
        p.setOpacity(self.opacity)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        wanted: list[tuple[float, TileKey]] = []
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                key = (z, x, y)
                target = self._screen_rect(vp, key)
                image = self.source.image(key)
                if image is not None:
                    p.drawImage(target, image)
                    continue
                if not self.source.known_missing(key):
                    wanted.append(
                        ((target.center() - QPointF(vp.width / 2, vp.height / 2)).manhattanLength(), key)
                    )
                self._draw_ancestor(p, target, key)
        p.restore()
        self.source.request([k for _, k in sorted(wanted)])

    def _draw_ancestor(self, p: QPainter, target: QRectF, key: TileKey) -> None:
        z, x, y = key
        for dz in range(1, min(z - self.source.min_zoom, 6) + 1):
            parent = self.source.image((z - dz, x >> dz, y >> dz))
            if parent is not None:
                size = parent.width() / (1 << dz)
                src = QRectF((x - ((x >> dz) << dz)) * size, (y - ((y >> dz) << dz)) * size, size, size)
                p.drawImage(target, parent, src)
                return

    @staticmethod
    def _screen_rect(vp: Viewport, key: TileKey) -> QRectF:
        min_x, min_y, max_x, max_y = tile_bounds(*key)
        tl, br = vp.to_screen(min_x, max_y), vp.to_screen(max_x, min_y)
        return QRectF(QPointF(round(tl.x()), round(tl.y())), QPointF(round(br.x()), round(br.y())))
