"""Point layers that stay fluid with tens of thousands of markers.

With up to ``ICON_LIMIT`` markers in view a layer draws each one's symbol (pixmaps
cached per look); with thousands it switches to dots (marker_dots.py), which is what a
person can read at that density anyway. A grid index answers "what is near this
pixel" for clicks and "what is in this strip" for drawing and the level of detail.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainter, QPixmap

from ..viewport import Viewport
from .layer_base import Hit, Label, MapLayer
from .marker_dots import DotBatches

ICON_LIMIT = 1500  # above this many markers in view, draw dots
LABEL_LIMIT = 60  # above this many, no text labels
CELL_M = 250.0
ICON_MARGIN_PX = 16  # half the largest symbol, and then some: symbols straddling a strip's edge


@dataclass
class Marker:
    id: int
    x: float  # Web Mercator metres
    y: float
    style: Hashable
    label: str = ""
    detail: str = ""


class GridIndex:
    """Markers bucketed by a square grid in metres: fast rectangle and nearest queries."""

    def __init__(self, markers: Iterable[Marker], cell: float = CELL_M) -> None:
        self.cell = cell
        self.buckets: dict[tuple[int, int], list[Marker]] = {}
        for m in markers:
            self.buckets.setdefault((math.floor(m.x / cell), math.floor(m.y / cell)), []).append(m)

    def estimate(self, x0: float, y0: float, x1: float, y1: float) -> int:
        """How many markers lie in the cells touching the rectangle (cheap upper bound)."""
        c = self.cell
        i0, j0, i1, j1 = math.floor(x0 / c), math.floor(y0 / c), math.floor(x1 / c), math.floor(y1 / c)
        return sum(len(v) for k, v in self.buckets.items() if i0 <= k[0] <= i1 and j0 <= k[1] <= j1)

    def query(self, x0: float, y0: float, x1: float, y1: float) -> list[Marker]:
        c = self.cell
        i0, j0, i1, j1 = math.floor(x0 / c), math.floor(y0 / c), math.floor(x1 / c), math.floor(y1 / c)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(self.buckets):
            cells = [k for k in self.buckets if i0 <= k[0] <= i1 and j0 <= k[1] <= j1]
        else:
            cells = [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1) if (i, j) in self.buckets]
        return [m for k in cells for m in self.buckets[k] if x0 <= m.x <= x1 and y0 <= m.y <= y1]


class MarkerLayer(MapLayer):
    """Point objects drawn as symbols, or as coloured dots when thousands are in view."""

    cacheable = True

    def __init__(self, key: str, title: str, visible: bool = True) -> None:
        super().__init__(key, title, visible)
        self.markers: dict[int, Marker] = {}
        self._index: GridIndex | None = None
        self._dots: DotBatches | None = None
        self._lod: tuple[Viewport, bool] | None = None  # the last view's dots-or-symbols choice
        self.font = QFont()
        self.font.setPointSizeF(8.5)

    # what subclasses define
    def pixmap(self, style: Hashable) -> QPixmap:
        raise NotImplementedError

    def dot_colour(self, style: Hashable) -> str:
        return "#0072b2"

    def label_colour(self, marker: Marker) -> str:
        return "#1d2733"

    # contents
    def set_markers(self, markers: Iterable[Marker]) -> None:
        self.markers = {m.id: m for m in markers}
        self._dirty()

    def put(self, marker: Marker) -> None:
        self.markers[marker.id] = marker
        self._dirty()

    def remove(self, marker_id: int) -> None:
        if self.markers.pop(marker_id, None) is not None:
            self._dirty()

    def _dirty(self) -> None:
        self._index, self._dots, self._lod = None, None, None
        self.changed()

    def index(self) -> GridIndex:
        if self._index is None:
            self._index = GridIndex(self.markers.values())
        return self._index

    def count(self) -> int:
        return len(self.markers)

    def bounds(self) -> tuple[float, float, float, float] | None:
        if not self.markers:
            return None
        xs = [m.x for m in self.markers.values()]
        ys = [m.y for m in self.markers.values()]
        return min(xs), min(ys), max(xs), max(ys)

    # drawing
    def shows_dots(self, vp: Viewport) -> bool:
        """Dots or symbols, decided for the whole view (so every strip of a frame agrees)."""
        if self._lod is None or self._lod[0] != vp:
            rect = vp.world_rect(ICON_MARGIN_PX)
            index = self.index()
            dots = index.estimate(*rect) > ICON_LIMIT * 1.5 or len(index.query(*rect)) > ICON_LIMIT
            self._lod = (vp, dots)
        return self._lod[1]

    def draw(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        if not self.markers:
            return
        if self.shows_dots(vp):
            if self._dots is None:
                self._dots = DotBatches(self.markers.values(), self.dot_colour, CELL_M)
            self._dots.paint(p, vp, area)
            return
        w2, h2, cx, cy, res = vp.width / 2, vp.height / 2, vp.cx, vp.cy, vp.res
        near = self.index().query(*vp.area_rect(area, ICON_MARGIN_PX))
        for m in sorted(near, key=lambda m: (-m.y, m.id)):  # southern symbols drawn last, on top
            pm = self.pixmap(m.style)
            p.drawPixmap(
                QPointF((m.x - cx) / res + w2 - pm.width() / 2, (cy - m.y) / res + h2 - pm.height() / 2), pm
            )

    def labels_for(self, vp: Viewport) -> list[Label]:
        if not self.markers or self.shows_dots(vp):
            return []
        visible = self.index().query(*vp.world_rect(ICON_MARGIN_PX))
        if len(visible) > LABEL_LIMIT:
            return []
        w2, h2, cx, cy, res = vp.width / 2, vp.height / 2, vp.cx, vp.cy, vp.res
        return [
            Label(
                self.label_priority,
                (m.x - cx) / res + w2 + 13,
                (cy - m.y) / res + h2 + 4,
                m.label,
                self.label_colour(m),
                self.font,
            )
            for m in visible
            if m.label
        ]

    def symbol_boxes(self, vp: Viewport, which: Callable[[Marker], bool]) -> list[QRectF]:
        """Screen boxes of the chosen markers' symbols in view (empty while drawn as dots,
        when no labels are shown either)."""
        if not self.visible or not self.markers or self.shows_dots(vp):
            return []
        w2, h2, cx, cy, res = vp.width / 2, vp.height / 2, vp.cx, vp.cy, vp.res
        boxes = []
        for m in self.index().query(*vp.world_rect(ICON_MARGIN_PX)):
            if which(m):
                pm = self.pixmap(m.style)
                w, h = pm.width() / pm.devicePixelRatio() - 4, pm.height() / pm.devicePixelRatio() - 4
                boxes.append(QRectF((m.x - cx) / res + w2 - w / 2, (cy - m.y) / res + h2 - h / 2, w, h))
        return boxes

    # questions
    def hit(self, vp: Viewport, pos: QPointF) -> Hit | None:
        if not self.kind or not self.markers:
            return None
        x, y = vp.to_world(pos.x(), pos.y())
        r = 13 * vp.res
        near = self.index().query(x - r, y - r, x + r, y + r)
        if not near:
            return None
        m = min(near, key=lambda m: (m.x - x) ** 2 + (m.y - y) ** 2)
        return Hit(self.kind, m.id, m.label, m.detail, m.x, m.y)

    def search(self, text: str) -> list[Hit]:
        needle = text.casefold()
        return [
            Hit(self.kind or self.key, m.id, m.label, m.detail, m.x, m.y)
            for m in self.markers.values()
            if needle in m.label.casefold()
        ]
