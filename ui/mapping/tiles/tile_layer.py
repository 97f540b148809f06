"""The layer that draws raster tiles (the sources live beside it, see __init__.py).

The layer draws only images that are ready and, meanwhile, a scaled-up ancestor, so the
map is never blank and painting never waits for a disk or a server. Where the source has
no tile (a view deeper than a z13–17 tree, a package configured beyond its levels), the
layer asks for the nearest ancestor the source has and scales it, as any slippy map does.
When the view is outside what the source covers (too far out for its levels, or away from
its area), ``note`` says so in words the map shows, instead of the basemap vanishing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QPainter

from ops_console.mapping.geo import tile_bounds, tile_range, zoom_for_resolution

from ..layers.layer_base import MapLayer
from ..viewport import Viewport
from .tile_source import TileKey, TileSource

MAX_TILES = 600  # tiles in one view beyond which the layer is too far out to draw sensibly
MAX_OVERZOOM = 8  # levels an ancestor may be scaled up (2^8: one source pixel per 256)


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


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

    def _too_far_out(self, vp: Viewport) -> bool:
        x0, y0, x1, y1 = tile_range(self.zoom_for(vp), *vp.world_rect())
        return (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES

    def paint(self, p: QPainter, vp: Viewport) -> None:
        z = self.zoom_for(vp)
        x0, y0, x1, y1 = tile_range(z, *vp.world_rect())
        if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES:
            return  # far below the package's zooms: ``note`` says so on the map
        p.save()
        p.setOpacity(self.opacity)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        wanted: dict[TileKey, float] = {}
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                key = (z, x, y)
                target = self._screen_rect(vp, key)
                image = self.source.image(key)
                if image is not None:
                    p.drawImage(target, image)
                    continue
                self._draw_ancestor(p, target, key)
                for want in self._to_ask(key):
                    wanted.setdefault(
                        want, (target.center() - QPointF(vp.width / 2, vp.height / 2)).manhattanLength()
                    )
        p.restore()
        self.source.request(sorted(wanted, key=wanted.__getitem__))

    def _to_ask(self, key: TileKey) -> list[TileKey]:
        """The tiles to ask for at ``key``: itself, and where the source has none (or could not give
        it now) its nearest ancestor that may exist, as a stand-in; none above one already drawn.
        A tile that failed stays in the list, so the source's retry asks for it (the source skips it
        until then)."""
        z, x, y = key
        asks: list[TileKey] = []
        for dz in range(0, min(z - self.source.min_zoom, MAX_OVERZOOM) + 1):
            at = (z - dz, x >> dz, y >> dz)
            if dz and self.source.image(at) is not None:
                break  # drawn already, scaled
            if self.source.known_missing(at):
                continue
            asks.append(at)
            if not self.source.failed_recently(at):
                break
        return asks

    def _draw_ancestor(self, p: QPainter, target: QRectF, key: TileKey) -> None:
        z, x, y = key
        for dz in range(1, min(z - self.source.min_zoom, MAX_OVERZOOM) + 1):
            parent = self.source.image((z - dz, x >> dz, y >> dz))
            if parent is not None:
                size = parent.width() / (1 << dz)
                src = QRectF((x - ((x >> dz) << dz)) * size, (y - ((y >> dz) << dz)) * size, size, size)
                p.drawImage(target, parent, src)
                return

    def bounds(self) -> tuple[float, float, float, float] | None:
        """The area the source has tiles for (Show all includes it); None for the whole world."""
        return self.source.bounds

    def note(self, vp: Viewport) -> str:
        """Words for the map when this view shows none of the basemap ('' when it shows some)."""
        src = self.source
        b = src.bounds
        if b is not None:
            min_x, min_y, max_x, max_y = vp.world_rect()
            if min_x >= b[2] or max_x <= b[0] or min_y >= b[3] or max_y <= b[1]:
                return tr("{name} does not cover this area (Show all brings it into view)").format(
                    name=self.title
                )
        if self._too_far_out(vp):
            return tr("{name} is not drawn this far out: zoom in (it has zoom levels {lo}–{hi})").format(
                name=self.title, lo=src.min_zoom, hi=src.max_zoom
            )
        return ""

    @staticmethod
    def _screen_rect(vp: Viewport, key: TileKey) -> QRectF:
        min_x, min_y, max_x, max_y = tile_bounds(*key)
        tl, br = vp.to_screen(min_x, max_y), vp.to_screen(max_x, min_y)
        return QRectF(QPointF(round(tl.x()), round(tl.y())), QPointF(round(br.x()), round(br.y())))
