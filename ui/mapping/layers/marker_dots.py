"""Thousands of markers as dots: one QPolygonF per colour, for the whole layer and per grid cell.

A Python call per marker would cost more than a frame's budget; ``drawPoints`` with a
cosmetic square pen draws a whole batch in C++ (aliased squares are ~15x faster than
antialiased round points, which Qt strokes one by one, and read the same at this
density). The per-cell batches let a strip of a scrolled frame draw only the cells it
touches, instead of Qt transforming and clipping every point of the layer for a 40-pixel
strip. Colours are always drawn in one fixed order, colour-major across cells, so
overlapping dots stack in a strip exactly as they do in a full render.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from ..viewport import Viewport

RING_PX, DOT_PX = 8, 6
CELL_LIMIT = 96  # a strip touching more grid cells than this draws the whole batches, clipped

Batch = dict[str, QPolygonF]  # colour → points, in metres relative to the origin


class Positioned(Protocol):
    x: float
    y: float
    style: Hashable


def _pen(colour: str, width: int) -> QPen:
    pen = QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap)
    pen.setCosmetic(True)
    return pen


class DotBatches:
    """Marker positions batched by colour, once per data change (built lazily by the layer)."""

    def __init__(
        self, markers: Iterable[Positioned], colour_of: Callable[[Hashable], str], cell: float
    ) -> None:
        items = list(markers)
        self.cell = cell
        self.origin = (items[0].x, items[0].y) if items else (0.0, 0.0)
        ox, oy = self.origin
        whole: dict[str, list[QPointF]] = {}
        cells: dict[tuple[int, int], dict[str, list[QPointF]]] = {}
        colours: dict[Hashable, str] = {}
        for m in items:
            colour = colours.get(m.style)
            if colour is None:
                colour = colours[m.style] = colour_of(m.style)
            pt = QPointF(m.x - ox, m.y - oy)
            whole.setdefault(colour, []).append(pt)
            key = (math.floor(m.x / cell), math.floor(m.y / cell))
            cells.setdefault(key, {}).setdefault(colour, []).append(pt)
        self.colours = list(whole)  # the drawing order, the same for every strip
        self.whole: Batch = {c: QPolygonF(pts) for c, pts in whole.items()}
        self.cells: dict[tuple[int, int], Batch] = {
            k: {c: QPolygonF(p) for c, p in v.items()} for k, v in cells.items()
        }
        self._ring = _pen("white", RING_PX)
        self._pens = {c: _pen(c, DOT_PX) for c in self.colours}

    def paint(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        batches = self._batches_for(vp, area)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setTransform(vp.transform(*self.origin), True)  # combined: the painter may be offset into a bitmap
        p.setPen(self._ring)  # every white ring under every coloured dot, as one picture
        for batch in batches:
            for poly in batch.values():
                p.drawPoints(poly)
        for colour in self.colours:
            p.setPen(self._pens[colour])
            for batch in batches:
                poly = batch.get(colour)
                if poly is not None:
                    p.drawPoints(poly)
        p.restore()

    def _batches_for(self, vp: Viewport, area: QRectF) -> list[Batch]:
        if area.contains(QRectF(0, 0, vp.width, vp.height)):
            return [self.whole]
        x0, y0, x1, y1 = vp.area_rect(area, RING_PX / 2 + 1)
        c = self.cell
        i0, j0, i1, j1 = math.floor(x0 / c), math.floor(y0 / c), math.floor(x1 / c), math.floor(y1 / c)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > CELL_LIMIT:
            return [self.whole]
        return [
            self.cells[(i, j)] for i in range(i0, i1 + 1) for j in range(j0, j1 + 1) if (i, j) in self.cells
        ]
