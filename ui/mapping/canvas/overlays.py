"""What the canvas draws over the layers every frame: the selection ring, the drawing
tools' rubber band, and the heads-up display (scale bar, cursor position, attribution,
status badge). These change with every mouse move, so they are never cached.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from ops_console.mapping.geo import format_distance, nice_distance
from ops_console.mapping.grid import mgrs

from ..layers.layer_base import Hit
from ..viewport import Viewport, zoom_label


class Tool(Enum):
    PAN = "pan"
    MEASURE = "measure"
    POLYGON = "polygon"
    CIRCLE = "circle"


def paint_selection(p: QPainter, vp: Viewport, selected: Hit | None) -> None:
    if selected is None:
        return
    pt = vp.to_screen(selected.x, selected.y)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor(255, 255, 255, 220), 6))
    p.drawEllipse(pt, 17, 17)
    p.setPen(QPen(QColor("#2b6cb0"), 3))
    p.drawEllipse(pt, 17, 17)


def paint_tool(
    p: QPainter,
    vp: Viewport,
    tool: Tool,
    points: list[tuple[float, float]],
    cursor: QPointF | None,
    measured_m: float,
    font: QFont,
) -> None:
    """The shape being drawn: its corners, and for the measure tool the distance so far."""
    if tool == Tool.PAN or not points:
        return
    pts = [vp.to_screen(x, y) for x, y in points]
    if cursor is not None and tool in (Tool.MEASURE, Tool.POLYGON):
        pts.append(cursor)
    p.setPen(QPen(QColor("#1d2733"), 2, Qt.PenStyle.DashLine))
    p.setBrush(QColor(43, 108, 176, 40) if tool != Tool.MEASURE else Qt.BrushStyle.NoBrush)
    if tool == Tool.CIRCLE and cursor is not None:
        r = math.hypot(cursor.x() - pts[0].x(), cursor.y() - pts[0].y())
        p.drawEllipse(pts[0], r, r)
    elif tool == Tool.POLYGON:
        p.drawPolygon(QPolygonF(pts))
    elif tool == Tool.MEASURE:
        p.drawPolyline(QPolygonF(pts))
        draw_box(p, pts[-1] + QPointF(10, -10), format_distance(measured_m), font)
    p.setBrush(QColor("white"))
    p.setPen(QPen(QColor("#1d2733"), 1.5))
    for pt in pts[: len(points)]:
        p.drawEllipse(pt, 3.5, 3.5)


def paint_hud(
    p: QPainter,
    vp: Viewport,
    cursor: QPointF | None,
    font: QFont,
    attribution: str,
    status: str,
    notes: Sequence[str] = (),
) -> None:
    """Scale bar, cursor coordinates with MGRS and zoom, attribution, a status badge, and under
    it one line per layer note (a basemap that does not cover the view)."""
    p.setFont(font)
    w, h = vp.width, vp.height
    # scale bar: a round ground distance that fits in ~120 px at the view's latitude
    metres = nice_distance(120 * vp.ground_m_per_px())
    length = metres / vp.ground_m_per_px() if metres else 0
    base = QPointF(12, h - 34)
    p.fillRect(QRectF(base.x() - 6, base.y() - 16, length + 70, 26), QColor(255, 255, 255, 200))
    p.setPen(QPen(QColor("#1d2733"), 2))
    p.drawPolyline(
        QPolygonF([base + QPointF(0, -6), base, base + QPointF(length, 0), base + QPointF(length, -6)])
    )
    p.drawText(base + QPointF(length + 6, 4), format_distance(metres))
    text = zoom_label(vp.res)
    if cursor is not None:
        lat, lon = vp.lat_lon_at(cursor.x(), cursor.y())
        grid = mgrs(lat, lon) or "—"
        text = f"{lat:.5f}, {lon:.5f}   MGRS {grid}   {text}"
    draw_box(p, QPointF(12, h - 8), text, font)
    if attribution:
        width = p.fontMetrics().horizontalAdvance(attribution)
        draw_box(p, QPointF(w - width - 16, h - 8), attribution, font, QColor("#4a5563"))
    top = 24.0
    if status:
        width = p.fontMetrics().horizontalAdvance(status)
        draw_box(p, QPointF((w - width) / 2, top), status, font, QColor("white"), QColor("#b34700"))
        top += p.fontMetrics().height() + 8
    for note in notes:
        width = p.fontMetrics().horizontalAdvance(note)
        draw_box(p, QPointF((w - width) / 2, top), note, font, QColor("white"), QColor("#4a5563"))
        top += p.fontMetrics().height() + 8


def draw_box(
    p: QPainter,
    baseline: QPointF,
    text: str,
    font: QFont,
    colour: QColor | None = None,
    background: QColor | None = None,
) -> None:
    """Text on a rounded, slightly transparent panel (coordinates, attribution, status)."""
    p.setFont(font)
    m = p.fontMetrics()
    rect = QRectF(
        baseline.x() - 5, baseline.y() - m.ascent() - 3, m.horizontalAdvance(text) + 10, m.height() + 5
    )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(background or QColor(255, 255, 255, 215))
    p.drawRoundedRect(rect, 3, 3)
    p.setPen(colour or QColor("#1d2733"))
    p.drawText(baseline, text)
