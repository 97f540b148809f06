"""The map canvas: draws the layers for a Viewport and turns mouse, keys and gestures
into panning, zooming, clicks and drawing.

A custom painter rather than a QGraphicsScene: the layers batch their own drawing
(see layers/), so the scene graph would only add per-item bookkeeping. Cacheable
layers are kept as bitmaps that a pan scrolls (frame_cache.py), the GeoJSON basemap as
tiles drawn off the GUI thread (layers/basemap_tiles.py); labels and overlays are drawn
fresh over them each frame. Everything a frame needs is in ``render``, which also draws
into a QImage for tests and benchmarks.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from ops_console.mapping.geo import haversine_m, to_lat_lon, to_mercator

from ..layers import Hit, Label, MapLayer, place_labels
from ..layers.basemap import LAND
from ..layers.basemap_tiles import PAINT_GATE
from ..viewport import Viewport
from .frame_cache import FrameCache, layer_runs
from .overlays import Tool, paint_hud, paint_selection, paint_tool

__all__ = ["DRAG_THRESHOLD", "KEY_ZOOM", "MapCanvas", "Tool"]

DRAG_THRESHOLD = 4
KEY_ZOOM = math.sqrt(2)


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
        # bitmaps of the cacheable layers, scrolled on a pan
        self.frames = FrameCache()
        self.frame_vp = self.vp  # the view the last frame was drawn for (snapped to whole pixels)

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
        return self.zoom_to_bounds(
            (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        )

    def set_tool(self, tool: Tool) -> None:
        self.tool, self.points = tool, []
        self.setCursor(Qt.CursorShape.OpenHandCursor if tool == Tool.PAN else Qt.CursorShape.CrossCursor)
        self.update()

    def select_record(self, kind: str, record_id: int) -> Hit | None:
        """Put the selection ring on a record chosen elsewhere (its row in a panel)."""
        self.selected = self.follow(Hit(kind, record_id, "", "", 0.0, 0.0))
        self.update()
        return self.selected

    def follow(self, selected: Hit | None) -> Hit | None:
        """The selection where its record is now (it moved, or went away: no ring)."""
        if selected is None:
            return None
        for layer in self.layers:
            marker = getattr(layer, "markers", {}).get(selected.id) if layer.kind == selected.kind else None
            if marker is not None:
                return Hit(selected.kind, selected.id, marker.label, marker.detail, marker.x, marker.y)
        return (
            selected
            if not any(layer.kind == selected.kind and hasattr(layer, "markers") for layer in self.layers)
            else None
        )

    def hit_at(self, pos: QPointF) -> Hit | None:
        for layer in reversed(self.layers):
            if layer.visible and (hit := layer.hit(self.vp, pos)) is not None:
                return hit
        return None

    # drawing ---------------------------------------------------------------------------
    def render(self, p: QPainter, hud: bool = True) -> None:  # type: ignore[override]
        """One frame: background, layers (cached runs blitted, each with its last layer's overlay;
        others painted), labels, then the selection, tool and HUD overlays."""
        with PAINT_GATE.painting():  # the basemap's tile worker waits until the frame is drawn
            self._render(p, hud)

    def _render(self, p: QPainter, hud: bool) -> None:
        items = layer_runs(self.layers)
        dpr = p.device().devicePixelRatioF()
        on_lattice = any(isinstance(item, tuple) or item.needs_lattice for item in items)
        vp = self.frames.snap(self.vp, dpr) if on_lattice else self.vp
        self.frame_vp = vp
        p.fillRect(QRectF(0, 0, vp.width, vp.height), QColor(LAND))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        labels: list[Label] = []
        for item in items:
            if isinstance(item, tuple):
                self.frames.draw(p, item, vp, dpr)
                item[-1].overlay(p, vp)  # e.g. street names: over the bitmap, under the layers above
                for layer in item:
                    labels.extend(layer.labels_for(vp))
            else:
                item.labels = labels
                item.paint(p, vp)
                item.labels = None
        self.frames.keep_only(items)
        place_labels(
            p, labels, [box for layer in self.layers if layer.visible for box in layer.keep_clear(vp)]
        )
        self.selected = self.follow(self.selected)
        paint_selection(p, vp, self.selected)
        measured = self.measured_m(include_cursor=True) if self.tool == Tool.MEASURE and self.points else 0.0
        paint_tool(p, vp, self.tool, self.points, self._cursor, measured, self.hud_font)
        if hud:
            notes = [n for layer in self.layers if layer.visible and (n := layer.note(vp))]
            paint_hud(p, vp, self._cursor, self.hud_font, self.attribution, self.status_text, notes)

    def settling(self) -> bool:
        """Whether a layer's picture is still being drawn off the GUI thread (the basemap's tiles)."""
        return any(layer.visible and layer.settling() for layer in self.layers)

    def render_image(self, width: int, height: int, hud: bool = True) -> QImage:
        """The map as it would be drawn at this size (tests, benchmarks, printing). Right after a
        zoom a basemap may still show its previous level scaled: wait while ``settling()``."""
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

    def measured_m(self, include_cursor: bool = False) -> float:
        pts = (
            [self.vp.to_world(self._cursor.x(), self._cursor.y())] if include_cursor and self._cursor else []
        )
        lat_lons = [_lat_lon(x, y) for x, y in self.points + pts]
        return sum(haversine_m(*a, *b) for a, b in zip(lat_lons, lat_lons[1:]))

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
        if self._press is None:  # hovering: the symbol under the cursor says what it is
            self._show_tip(pos)
        lat, lon = self.vp.lat_lon_at(pos.x(), pos.y())
        self.cursor_moved.emit(lat, lon)
        self.update()

    def _show_tip(self, pos: QPointF) -> None:
        hit = self.hit_at(pos)
        tip = f"{hit.label}\n{hit.detail}".strip() if hit is not None else ""
        if tip != self.toolTip():
            self.setToolTip(tip)

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
        moves = {
            Qt.Key.Key_Left: (w / 4, 0),
            Qt.Key.Key_Right: (-w / 4, 0),
            Qt.Key.Key_Up: (0, h / 4),
            Qt.Key.Key_Down: (0, -h / 4),
        }
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
                self.zoom_by(
                    pinch.scaleFactor(), self.mapFromGlobal(pinch.centerPoint().toPoint()).toPointF()
                )
                return True
        if (
            e.type() == QEvent.Type.NativeGesture
            and e.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):  # type: ignore[attr-defined]
            self.zoom_by(1 + e.value(), e.position())  # type: ignore[attr-defined]
            return True
        return super().event(e)

    def leaveEvent(self, e: QEvent) -> None:
        self._cursor = None
        self.update()


def _lat_lon(x: float, y: float) -> tuple[float, float]:
    return to_lat_lon(x, y)
