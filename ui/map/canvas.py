"""The map canvas: draws the layers for a Viewport and turns mouse, keys and gestures
into panning, zooming, clicks and drawing.

A custom painter rather than a QGraphicsScene: the layers batch their own drawing
(see layers.py), so the scene graph would only add per-item bookkeeping. Everything a
frame needs is in ``render``, which also draws into a QImage for tests and benchmarks.
"""
from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QMouseEvent, QPainter, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QWidget

from ops_console.mapping.geo import format_distance, haversine_m, nice_distance, to_lat_lon, to_mercator
from ops_console.mapping.grid import mgrs

from .basemap import LAND
from .layers import Hit, Label, MapLayer, place_labels
from .viewport import Viewport, zoom_label

DRAG_THRESHOLD = 4
KEY_ZOOM = math.sqrt(2)


class Tool(Enum):
    PAN = "pan"
    MEASURE = "measure"
    POLYGON = "polygon"
    CIRCLE = "circle"


class MapCanvas(QWidget):
    """Draws ``layers`` bottom to top; owns the view and the drawing tools' state."""

    # the view moved or zoomed (the widget stores it in QSettings)
    view_changed = Signal()
    # the cursor is over (lat, lon)
    cursor_moved = Signal(float, float)
    # a plain click landed on an object: carries the Hit (None for empty map)
    clicked = Signal(object)
    # right button: carries the global position and the (lat, lon) under it
    context_requested = Signal(QPoint, float, float)
    # a polygon was drawn: carries [(lat, lon), …]
    polygon_drawn = Signal(list)
    # a circle was drawn: carries centre lat, lon and the radius in ground metres
    circle_drawn = Signal(float, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.layers: list[MapLayer] = []
        self.vp = Viewport.at(0, 0, 2000.0, 800, 600)
        self.tool = Tool.PAN
        self.points: list[tuple[float, float]] = []  # tool points in Mercator metres
        self.selected: Hit | None = None
        self.status_text = ""  # e.g. a tile server offline
        self.attribution = ""
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragging = False
        self._cursor: QPointF | None = None
        self.hud_font = QFont()
        self.hud_font.setPointSizeF(8.5)

    # layers and view ------------------------------------------------------------------
    def add_layer(self, layer: MapLayer) -> MapLayer:
        layer.on_change = self.update
        self.layers.append(layer)
        self.update()
        return layer

    def layer(self, key: str) -> MapLayer | None:
        return next((l for l in self.layers if l.key == key), None)

    def set_view(self, vp: Viewport) -> None:
        self.vp = vp.resized(self.width(), self.height())
        self.update()
        self.view_changed.emit()

    def centre_on(self, lat: float, lon: float, res: float | None = None) -> None:
        x, y = to_mercator(lat, lon)
        self.set_view(Viewport(x, y, res or self.vp.res, self.width(), self.height()))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_view(self.vp.zoomed(factor, anchor))

    def zoom_to_bounds(self, bounds: tuple[float, float, float, float] | None) -> bool:
        if bounds is None:
            return False
        self.set_view(self.vp.resized(self.width(), self.height()).fit(*bounds))
        return True

    def zoom_to_all(self) -> bool:
        boxes = [b for l in self.layers if l.visible and (b := l.bounds()) is not None]
        if not boxes:
            return False
        return self.zoom_to_bounds((min(b[0] for b in boxes), min(b[1] for b in boxes),
                                    max(b[2] for b in boxes), max(b[3] for b in boxes)))

    def set_tool(self, tool: Tool) -> None:
        self.tool, self.points = tool, []
        self.setCursor(Qt.CursorShape.OpenHandCursor if tool == Tool.PAN else Qt.CursorShape.CrossCursor)
        self.update()

    def hit_at(self, pos: QPointF) -> Hit | None:
        for layer in reversed(self.layers):
            if layer.visible and (hit := layer.hit(self.vp, pos)) is not None:
                return hit
        return None

    # drawing ---------------------------------------------------------------------------
    def render(self, p: QPainter, hud: bool = True) -> None:  # type: ignore[override]
        p.fillRect(QRectF(0, 0, self.vp.width, self.vp.height), QColor(LAND))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        labels: list[Label] = []
        for layer in self.layers:
            if layer.visible:
                layer.labels = labels
                layer.paint(p, self.vp)
                layer.labels = None
        place_labels(p, labels)
        self._paint_selection(p)
        self._paint_tool(p)
        if hud:
            self._paint_hud(p)

    def render_image(self, width: int, height: int, hud: bool = True) -> QImage:
        """The map as it would be drawn at this size (tests, benchmarks, printing)."""
        saved = self.vp
        self.vp = self.vp.resized(width, height)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        self.render(painter, hud)
        painter.end()
        self.vp = saved
        return image

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        self.render(painter)
        painter.end()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.vp = self.vp.resized(self.width(), self.height())
        super().resizeEvent(event)

    def _paint_selection(self, p: QPainter) -> None:
        if self.selected is None:
            return
        pt = self.vp.to_screen(self.selected.x, self.selected.y)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(255, 255, 255, 220), 6))
        p.drawEllipse(pt, 17, 17)
        p.setPen(QPen(QColor("#2b6cb0"), 3))
        p.drawEllipse(pt, 17, 17)

    def _paint_tool(self, p: QPainter) -> None:
        if self.tool == Tool.PAN or not self.points:
            return
        pts = [self.vp.to_screen(x, y) for x, y in self.points]
        if self._cursor is not None and self.tool in (Tool.MEASURE, Tool.POLYGON):
            pts.append(self._cursor)
        pen = QPen(QColor("#1d2733"), 2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor(43, 108, 176, 40) if self.tool != Tool.MEASURE else Qt.BrushStyle.NoBrush)
        if self.tool == Tool.CIRCLE and len(pts) >= 1 and self._cursor is not None:
            r = math.hypot(self._cursor.x() - pts[0].x(), self._cursor.y() - pts[0].y())
            p.drawEllipse(pts[0], r, r)
        elif self.tool == Tool.POLYGON:
            p.drawPolygon(QPolygonF(pts))
        else:
            p.drawPolyline(QPolygonF(pts))
            total = self.measured_m(include_cursor=True)
            draw_box(p, pts[-1] + QPointF(10, -10), format_distance(total), self.hud_font)
        p.setBrush(QColor("white"))
        p.setPen(QPen(QColor("#1d2733"), 1.5))
        for pt in pts[: len(self.points)]:
            p.drawEllipse(pt, 3.5, 3.5)

    def measured_m(self, include_cursor: bool = False) -> float:
        pts = [self.vp.to_world(self._cursor.x(), self._cursor.y())] if include_cursor and self._cursor else []
        lat_lons = [_lat_lon(x, y) for x, y in self.points + pts]
        return sum(haversine_m(*a, *b) for a, b in zip(lat_lons, lat_lons[1:]))

    def _paint_hud(self, p: QPainter) -> None:
        p.setFont(self.hud_font)
        w, h = self.vp.width, self.vp.height
        # scale bar: a round ground distance that fits in ~120 px at the view's latitude
        metres = nice_distance(120 * self.vp.ground_m_per_px())
        length = metres / self.vp.ground_m_per_px() if metres else 0
        base = QPointF(12, h - 34)
        p.fillRect(QRectF(base.x() - 6, base.y() - 16, length + 70, 26), QColor(255, 255, 255, 200))
        p.setPen(QPen(QColor("#1d2733"), 2))
        p.drawPolyline(QPolygonF([base + QPointF(0, -6), base, base + QPointF(length, 0), base + QPointF(length, -6)]))
        p.drawText(base + QPointF(length + 6, 4), format_distance(metres))
        text = zoom_label(self.vp.res)
        if self._cursor is not None:
            lat, lon = self.vp.lat_lon_at(self._cursor.x(), self._cursor.y())
            grid = mgrs(lat, lon) or "—"
            text = f"{lat:.5f}, {lon:.5f}   MGRS {grid}   {text}"
        draw_box(p, QPointF(12, h - 8), text, self.hud_font)
        if self.attribution:
            width = p.fontMetrics().horizontalAdvance(self.attribution)
            draw_box(p, QPointF(w - width - 16, h - 8), self.attribution, self.hud_font, QColor("#4a5563"))
        if self.status_text:
            width = p.fontMetrics().horizontalAdvance(self.status_text)
            draw_box(p, QPointF((w - width) / 2, 24), self.status_text, self.hud_font, QColor("white"), QColor("#b34700"))

    # input -----------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        pos = e.position()
        if e.button() == Qt.MouseButton.RightButton:
            lat, lon = self.vp.lat_lon_at(pos.x(), pos.y())
            self.context_requested.emit(e.globalPosition().toPoint(), lat, lon)
            return
        if e.button() != Qt.MouseButton.LeftButton:
            return
        self._press = self._last = pos
        self._dragging = False
        if self.tool == Tool.CIRCLE:
            self.points = [self.vp.to_world(pos.x(), pos.y())]

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        pos = e.position()
        self._cursor = pos
        if self._press is not None and self.tool in (Tool.PAN, Tool.MEASURE, Tool.POLYGON):
            if not self._dragging and (pos - self._press).manhattanLength() > DRAG_THRESHOLD:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging and self._last is not None:
                delta = pos - self._last
                self.vp = self.vp.panned(delta.x(), delta.y())
                self.view_changed.emit()
        self._last = pos
        lat, lon = self.vp.lat_lon_at(pos.x(), pos.y())
        self.cursor_moved.emit(lat, lon)
        self.update()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        pos, dragged = e.position(), self._dragging
        self._press, self._dragging = None, False
        self.setCursor(Qt.CursorShape.OpenHandCursor if self.tool == Tool.PAN else Qt.CursorShape.CrossCursor)
        if self.tool == Tool.CIRCLE and self.points:
            cx, cy = self.points[0]
            edge = self.vp.to_world(pos.x(), pos.y())
            (lat, lon), (lat2, lon2) = _lat_lon(cx, cy), _lat_lon(*edge)
            radius = haversine_m(lat, lon, lat2, lon2)
            self.points = []
            if radius > 3 * self.vp.ground_m_per_px():
                self.circle_drawn.emit(lat, lon, radius)
        elif dragged:
            pass
        elif self.tool in (Tool.MEASURE, Tool.POLYGON):
            self.points.append(self.vp.to_world(pos.x(), pos.y()))
        else:
            self.selected = self.hit_at(pos)
            self.clicked.emit(self.selected)
        self.update()

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        if self.tool == Tool.POLYGON:
            self.finish_polygon()
        elif self.tool == Tool.PAN:
            self.zoom_by(2.0, e.position())

    def finish_polygon(self) -> None:
        corners = list(dict.fromkeys(self.points))
        if len(corners) >= 3:
            self.polygon_drawn.emit([_lat_lon(x, y) for x, y in corners])
            self.points = []
            self.update()

    def wheelEvent(self, e: QWheelEvent) -> None:
        steps = e.angleDelta().y() / 120 if e.angleDelta().y() else e.pixelDelta().y() / 50
        if steps:
            self.zoom_by(2 ** (steps / 2), e.position())

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key, w, h = e.key(), self.width(), self.height()
        moves = {Qt.Key.Key_Left: (w / 4, 0), Qt.Key.Key_Right: (-w / 4, 0), Qt.Key.Key_Up: (0, h / 4),
                 Qt.Key.Key_Down: (0, -h / 4)}
        if key in moves:
            self.set_view(self.vp.panned(*moves[key]))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(KEY_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / KEY_ZOOM)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.zoom_to_all()
        elif key == Qt.Key.Key_Escape:
            self.set_tool(Tool.PAN)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tool == Tool.POLYGON:
            self.finish_polygon()
        else:
            super().keyPressEvent(e)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Gesture:
            pinch = e.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor(), self.mapFromGlobal(pinch.centerPoint().toPoint()).toPointF())
                return True
        if e.type() == QEvent.Type.NativeGesture and e.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # type: ignore[attr-defined]
            self.zoom_by(1 + e.value(), e.position())  # type: ignore[attr-defined]
            return True
        return super().event(e)

    def leaveEvent(self, e: QEvent) -> None:
        self._cursor = None
        self.update()


def _lat_lon(x: float, y: float) -> tuple[float, float]:
    return to_lat_lon(x, y)


def draw_box(p: QPainter, baseline: QPointF, text: str, font: QFont, colour: QColor | None = None,
             background: QColor | None = None) -> None:
    """Text on a rounded, slightly transparent panel (coordinates, attribution, status)."""
    p.setFont(font)
    m = p.fontMetrics()
    rect = QRectF(baseline.x() - 5, baseline.y() - m.ascent() - 3, m.horizontalAdvance(text) + 10, m.height() + 5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(background or QColor(255, 255, 255, 215))
    p.drawRoundedRect(rect, 3, 3)
    p.setPen(colour or QColor("#1d2733"))
    p.drawText(baseline, text)
