"""Map layers: batched markers and polygons that stay fluid with tens of thousands of objects.

A QGraphicsItem per marker makes Qt walk, transform and paint 20,000 objects every
frame. Instead each layer paints all its objects itself: with few markers in view it
draws each one's symbol (pixmaps cached per look); with thousands it switches to one
``drawPoints`` call per colour (a cosmetic round pen draws every dot in C++), which is
what a person can read at that density anyway. A grid index answers "what is near this
pixel" for clicks and "what is in view" for the level-of-detail choice.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from .viewport import Viewport

ICON_LIMIT = 1500  # above this many markers in view, draw dots
LABEL_LIMIT = 60  # above this many, no text labels
CELL_M = 250.0
SHAPE_DETAIL_LIMIT = 300  # above this many areas, draw them aliased with hairlines


@dataclass
class Marker:
    id: int
    x: float  # Web Mercator metres
    y: float
    style: Hashable
    label: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Hit:
    """An object under the cursor: which layer kind, its id, and words for a details card."""

    kind: str
    id: int
    label: str
    detail: str
    x: float
    y: float


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


def draw_label(p: QPainter, x: float, y: float, text: str, colour: str = "#1d2733") -> None:
    """Text with a white halo, readable over any basemap."""
    p.setPen(QColor(255, 255, 255, 230))
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1)):
        p.drawText(QPointF(x + dx, y + dy), text)
    p.setPen(QColor(colour))
    p.drawText(QPointF(x, y), text)


@dataclass(order=True)
class Label:
    """A label waiting for placement: lower ``priority`` is placed first and wins overlaps."""

    priority: int
    x: float = field(compare=False)
    y: float = field(compare=False)
    text: str = field(compare=False)
    colour: str = field(compare=False, default="#1d2733")
    font: QFont | None = field(compare=False, default=None)


def place_labels(p: QPainter, labels: list[Label]) -> int:
    """Draw labels best first, skipping any that would overlap one already drawn."""
    taken: list[QRectF] = []
    drawn = 0
    for label in sorted(labels):
        if label.font is not None:
            p.setFont(label.font)
        m = p.fontMetrics()
        rect = QRectF(label.x - 2, label.y - m.ascent() - 1, m.horizontalAdvance(label.text) + 4, m.height() + 2)
        if any(rect.intersects(t) for t in taken):
            continue
        taken.append(rect)
        draw_label(p, label.x, label.y, label.text, label.colour)
        drawn += 1
    return drawn


class MapLayer:
    """Base of every layer: a key, a title for the legend, visibility and a change callback."""

    kind = ""  # the record kind for object_activated ("incident", "task", …); "" = not clickable
    label_priority = 5

    def __init__(self, key: str, title: str, visible: bool = True) -> None:
        self.key, self.title, self.visible = key, title, visible
        self.on_change: Callable[[], None] | None = None
        self.labels: list[Label] | None = None  # set by the canvas for one frame

    def label(self, p: QPainter, x: float, y: float, text: str, colour: str, font: QFont) -> None:
        """Queue a label for collision-free placement (or draw it at once outside a canvas frame)."""
        if self.labels is None:
            p.setFont(font)
            draw_label(p, x, y, text, colour)
        else:
            self.labels.append(Label(self.label_priority, x, y, text, colour, font))

    def changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def paint(self, p: QPainter, vp: Viewport) -> None:
        raise NotImplementedError

    def hit(self, vp: Viewport, pos: QPointF) -> Hit | None:
        return None

    def bounds(self) -> tuple[float, float, float, float] | None:
        return None

    def legend(self) -> list[tuple[QPixmap, str]]:
        return []

    def search(self, text: str) -> list[Hit]:
        return []

    def count(self) -> int:
        return 0


class MarkerLayer(MapLayer):
    """Point objects drawn as symbols, or as coloured dots when thousands are in view."""

    def __init__(self, key: str, title: str, visible: bool = True) -> None:
        super().__init__(key, title, visible)
        self.markers: dict[int, Marker] = {}
        self._index: GridIndex | None = None
        self._groups: dict[Hashable, QPolygonF] | None = None
        self._origin = (0.0, 0.0)
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
        self._index, self._groups = None, None
        self.changed()

    def index(self) -> GridIndex:
        if self._index is None:
            self._index = GridIndex(self.markers.values())
        return self._index

    def _dot_groups(self) -> dict[Hashable, QPolygonF]:
        if self._groups is None:
            first = next(iter(self.markers.values()), None)
            self._origin = (first.x, first.y) if first else (0.0, 0.0)
            ox, oy = self._origin
            points: dict[Hashable, list[QPointF]] = {}
            for m in self.markers.values():
                points.setdefault(m.style, []).append(QPointF(m.x - ox, m.y - oy))
            self._groups = {style: QPolygonF(pts) for style, pts in points.items()}
        return self._groups

    def count(self) -> int:
        return len(self.markers)

    def bounds(self) -> tuple[float, float, float, float] | None:
        if not self.markers:
            return None
        xs = [m.x for m in self.markers.values()]
        ys = [m.y for m in self.markers.values()]
        return min(xs), min(ys), max(xs), max(ys)

    def paint(self, p: QPainter, vp: Viewport) -> None:
        if not self.markers:
            return
        rect = vp.world_rect(16)
        if self.index().estimate(*rect) > ICON_LIMIT * 1.5:
            self._paint_dots(p, vp)
            return
        visible = self.index().query(*rect)
        if len(visible) > ICON_LIMIT:
            self._paint_dots(p, vp)
            return
        w2, h2, cx, cy, res = vp.width / 2, vp.height / 2, vp.cx, vp.cy, vp.res
        for m in sorted(visible, key=lambda m: -m.y):  # southern symbols drawn last, on top
            pm = self.pixmap(m.style)
            p.drawPixmap(QPointF((m.x - cx) / res + w2 - pm.width() / 2, (cy - m.y) / res + h2 - pm.height() / 2), pm)
        if len(visible) <= LABEL_LIMIT:
            for m in visible:
                if m.label:
                    self.label(p, (m.x - cx) / res + w2 + 13, (cy - m.y) / res + h2 + 4, m.label,
                               self.label_colour(m), self.font)

    def _paint_dots(self, p: QPainter, vp: Viewport) -> None:
        groups = self._dot_groups()
        p.save()
        # thousands of dots: aliased squares are 15x faster than antialiased round points
        # (Qt strokes each round point as a path), and read the same at this density
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setTransform(vp.transform(*self._origin))
        ring = QPen(QColor("white"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap)
        ring.setCosmetic(True)
        for poly in groups.values():
            p.setPen(ring)
            p.drawPoints(poly)
        for style, poly in groups.items():
            pen = QPen(QColor(self.dot_colour(style)), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.drawPoints(poly)
        p.restore()

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
        return [Hit(self.kind or self.key, m.id, m.label, m.detail, m.x, m.y)
                for m in self.markers.values() if needle in m.label.casefold()]


@dataclass
class Shape:
    """A polygon or circle in Mercator metres, as a path relative to the layer origin."""

    id: int
    path: QPainterPath
    style: Hashable
    label: str = ""
    detail: str = ""
    centre: tuple[float, float] = (0.0, 0.0)
    polygon: QPolygonF | None = None  # plain rings draw much faster as polygons than as paths


class ShapeLayer(MapLayer):
    """Areas (zones, bench polygons): one combined path per style, drawn in one call each."""

    def __init__(self, key: str, title: str, origin: tuple[float, float], visible: bool = True) -> None:
        super().__init__(key, title, visible)
        self.origin = origin
        self.shapes: dict[int, Shape] = {}
        self._groups: dict[Hashable, list[Shape]] | None = None
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        self.font.setBold(True)

    def style_pen_brush(self, style: Hashable) -> tuple[QPen, QBrush]:
        pen = QPen(QColor("#6b4c9a"), 1.5)
        pen.setCosmetic(True)
        return pen, QBrush(QColor(107, 76, 154, 50))

    def ring_polygon(self, ring: Iterable[tuple[float, float]]) -> QPolygonF:
        ox, oy = self.origin
        return QPolygonF([QPointF(x - ox, y - oy) for x, y in ring])

    def ring_path(self, ring: Iterable[tuple[float, float]]) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(self.ring_polygon(ring))
        path.closeSubpath()
        return path

    def set_shapes(self, shapes: Iterable[Shape]) -> None:
        self.shapes = {s.id: s for s in shapes}
        self._groups = None
        self.changed()

    def put(self, shape: Shape) -> None:
        self.shapes[shape.id] = shape
        self._groups = None
        self.changed()

    def remove(self, shape_id: int) -> None:
        if self.shapes.pop(shape_id, None) is not None:
            self._groups = None
            self.changed()

    def count(self) -> int:
        return len(self.shapes)

    def bounds(self) -> tuple[float, float, float, float] | None:
        if not self.shapes:
            return None
        rect = QRectF()
        for s in self.shapes.values():
            rect = rect.united(s.path.boundingRect())
        ox, oy = self.origin
        return rect.left() + ox, rect.top() + oy, rect.right() + ox, rect.bottom() + oy

    def paint(self, p: QPainter, vp: Viewport) -> None:
        if not self.shapes:
            return
        if self._groups is None:
            self._groups = {}
            for s in self.shapes.values():
                self._groups.setdefault(s.style, []).append(s)
        p.save()
        p.setTransform(vp.transform(*self.origin))
        view = vp.local_rect(*self.origin, 4)
        dense = len(self.shapes) > SHAPE_DETAIL_LIMIT
        if dense:  # hundreds of areas in view: aliased hairlines keep a frame under 33 ms
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for style, shapes in self._groups.items():
            pen, brush = self.style_pen_brush(style)
            if dense:
                pen.setWidth(0)
                pen.setStyle(Qt.PenStyle.SolidLine)
            p.setPen(pen)
            p.setBrush(brush)
            for s in shapes:  # one small polygon at a time: Qt fills these far faster than one huge path
                if not view.intersects(s.path.controlPointRect()):
                    continue
                if s.polygon is not None:
                    p.drawPolygon(s.polygon)
                else:
                    p.drawPath(s.path)
        p.restore()
        if len(self.shapes) <= LABEL_LIMIT:
            p.setFont(self.font)
            for s in self.shapes.values():
                if s.label:
                    pt = vp.to_screen(*s.centre)
                    self.label(p, pt.x() - p.fontMetrics().horizontalAdvance(s.label) / 2, pt.y(), s.label,
                               self.label_colour(s), self.font)

    def label_colour(self, shape: Shape) -> str:
        return "#3d2a63"

    def hit(self, vp: Viewport, pos: QPointF) -> Hit | None:
        if not self.kind:
            return None
        x, y = vp.to_world(pos.x(), pos.y())
        local = QPointF(x - self.origin[0], y - self.origin[1])
        for s in reversed(list(self.shapes.values())):
            if s.path.boundingRect().contains(local) and s.path.contains(local):
                return Hit(self.kind, s.id, s.label, s.detail, *s.centre)
        return None

    def search(self, text: str) -> list[Hit]:
        needle = text.casefold()
        return [Hit(self.kind or self.key, s.id, s.label, s.detail, *s.centre)
                for s in self.shapes.values() if needle in s.label.casefold()]
