"""Area layers (zones, bench polygons): polygons kept in metres around the layer's origin.

Each shape is built once as a QPolygonF (or a QPainterPath for circles) in local metres
and drawn through the view's transform, so a frame never re-projects a coordinate.
Shapes are batched by style (one pen and brush per batch) and culled against the area
being drawn with bounding boxes computed once per data change.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from ..viewport import Viewport
from .layer_base import Hit, Label, MapLayer
from .marker_layer import LABEL_LIMIT

SHAPE_DETAIL_LIMIT = 300  # above this many areas, draw them aliased with hairlines
CULL_MARGIN_PX = 4  # a pen's half width and antialiasing beyond a shape's corners

Entry = tuple[float, float, float, float, "Shape"]  # local bounding box, then the shape


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
    """Areas: one pen and brush per style, then one small polygon at a time."""

    cacheable = True

    def __init__(self, key: str, title: str, origin: tuple[float, float], visible: bool = True) -> None:
        super().__init__(key, title, visible)
        self.origin = origin
        self.shapes: dict[int, Shape] = {}
        self._batches: dict[Hashable, list[Entry]] | None = None
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        self.font.setBold(True)

    def style_pen_brush(self, style: Hashable) -> tuple[QPen, QBrush]:
        pen = QPen(QColor("#6b4c9a"), 1.5)
        pen.setCosmetic(True)
        return pen, QBrush(QColor(107, 76, 154, 50))

    def label_colour(self, shape: Shape) -> str:
        return "#3d2a63"

    def ring_polygon(self, ring: Iterable[tuple[float, float]]) -> QPolygonF:
        ox, oy = self.origin
        return QPolygonF([QPointF(x - ox, y - oy) for x, y in ring])

    def ring_path(self, ring: Iterable[tuple[float, float]]) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(self.ring_polygon(ring))
        path.closeSubpath()
        return path

    # contents
    def set_shapes(self, shapes: Iterable[Shape]) -> None:
        self.shapes = {s.id: s for s in shapes}
        self._dirty()

    def put(self, shape: Shape) -> None:
        self.shapes[shape.id] = shape
        self._dirty()

    def remove(self, shape_id: int) -> None:
        if self.shapes.pop(shape_id, None) is not None:
            self._dirty()

    def _dirty(self) -> None:
        self._batches = None
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

    # drawing
    def batches(self) -> dict[Hashable, list[Entry]]:
        if self._batches is None:
            self._batches = {}
            for s in self.shapes.values():
                r = s.path.controlPointRect()
                self._batches.setdefault(s.style, []).append((r.left(), r.top(), r.right(), r.bottom(), s))
        return self._batches

    def draw(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        if not self.shapes:
            return
        ox, oy = self.origin
        x0, y0, x1, y1 = vp.area_rect(area, CULL_MARGIN_PX)
        x0, y0, x1, y1 = x0 - ox, y0 - oy, x1 - ox, y1 - oy
        dense = len(self.shapes) > SHAPE_DETAIL_LIMIT
        p.save()
        p.setTransform(vp.transform(ox, oy), True)  # combined: the painter may be offset into a bitmap
        if dense:  # hundreds of areas in view: aliased hairlines (antialiased fills cost 20x more)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for style, entries in self.batches().items():
            pen, brush = self.style_pen_brush(style)
            if dense:
                pen.setWidth(0)
                pen.setStyle(Qt.PenStyle.SolidLine)
            p.setPen(pen)
            p.setBrush(brush)
            for (
                bx0,
                by0,
                bx1,
                by1,
                s,
            ) in entries:  # one small polygon at a time: far faster than one huge path
                if bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
                    continue
                if s.polygon is not None:
                    p.drawPolygon(s.polygon)
                else:
                    p.drawPath(s.path)
        p.restore()

    def labels_for(self, vp: Viewport) -> list[Label]:
        if len(self.shapes) > LABEL_LIMIT:
            return []
        labels = []
        for s in self.shapes.values():
            if s.label:
                pt = vp.to_screen(*s.centre)
                labels.append(
                    Label(
                        self.label_priority,
                        pt.x(),
                        pt.y(),
                        s.label,
                        self.label_colour(s),
                        self.font,
                        centred=True,
                    )
                )
        return labels

    # questions
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
        return [
            Hit(self.kind or self.key, s.id, s.label, s.detail, *s.centre)
            for s in self.shapes.values()
            if needle in s.label.casefold()
        ]
