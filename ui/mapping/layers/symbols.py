"""Map symbols, painted in code (no image files): one cached pixmap per look.

Shape says what a thing is (circle: incident, rounded square: task, triangle: team,
house: shelter, warning triangle: risk point); colour says how bad or how full, using
the console's Okabe-Ito severity colours, so the legend and the tables agree; the
glyph inside says the kind. Shapes still read in greyscale or on a washed-out projector.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ops_console.domain import Severity
from ops_console.ui.common.theme import SEVERITY_COLOURS

SIZE = 24
LEVEL_COLOURS = {1: "#56b4e9", 2: "#c9b800", 3: "#e69f00", 4: "#d55e00"}
PRIORITY_COLOURS = {1: "#7a8796", 2: "#0072b2", 3: "#e69f00", 4: "#d55e00"}
SHELTER_COLOURS = {"open": "#009e73", "full": "#e69f00", "closed": "#7a8796"}
TEAM_COLOUR, STALE_COLOUR = "#2b5fab", "#9aa3ad"
OUTLINE = QColor("#1d2733")


def severity_colour(severity: int) -> str:
    return SEVERITY_COLOURS[Severity(max(1, min(4, severity)))][1]


def _glyph(p: QPainter, glyph: str, c: QPointF, r: float) -> None:
    """A white pictogram of ``glyph`` centred on ``c`` within radius ``r``."""
    white = QColor("white")
    p.setPen(
        QPen(
            white,
            max(1.6, r * 0.22),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    x, y = c.x(), c.y()
    if glyph == "flooding":
        for dy in (-r * 0.35, r * 0.25):
            path = QPainterPath(QPointF(x - r * 0.6, y + dy))
            path.cubicTo(x - r * 0.3, y + dy - r * 0.3, x, y + dy + r * 0.3, x + r * 0.6, y + dy - r * 0.05)
            p.drawPath(path)
    elif glyph == "fire":
        path = QPainterPath(QPointF(x, y - r * 0.7))
        path.cubicTo(x + r * 0.7, y - r * 0.1, x + r * 0.5, y + r * 0.6, x, y + r * 0.6)
        path.cubicTo(x - r * 0.5, y + r * 0.6, x - r * 0.6, y, x, y - r * 0.7)
        p.setBrush(white)
        p.drawPath(path)
    elif glyph == "medical":
        p.drawLine(QPointF(x, y - r * 0.55), QPointF(x, y + r * 0.55))
        p.drawLine(QPointF(x - r * 0.55, y), QPointF(x + r * 0.55, y))
    elif glyph == "power_outage":
        p.setBrush(white)
        p.setPen(QPen(white, 1))
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(x + r * 0.15, y - r * 0.7),
                    QPointF(x - r * 0.4, y + r * 0.1),
                    QPointF(x, y + r * 0.1),
                    QPointF(x - r * 0.15, y + r * 0.7),
                    QPointF(x + r * 0.4, y - r * 0.1),
                    QPointF(x, y - r * 0.1),
                ]
            )
        )
    elif glyph == "road_blocked":
        p.drawLine(QPointF(x - r * 0.55, y), QPointF(x + r * 0.55, y))
    elif glyph == "structural":
        p.drawPolyline(
            QPolygonF(
                [
                    QPointF(x - r * 0.5, y + r * 0.5),
                    QPointF(x - r * 0.5, y - r * 0.1),
                    QPointF(x, y - r * 0.55),
                    QPointF(x + r * 0.5, y - r * 0.1),
                    QPointF(x + r * 0.5, y + r * 0.5),
                    QPointF(x - r * 0.5, y + r * 0.5),
                ]
            )
        )
    elif glyph == "missing_person":
        p.setBrush(white)
        p.drawEllipse(QPointF(x, y - r * 0.35), r * 0.2, r * 0.2)
        p.drawLine(QPointF(x, y - r * 0.05), QPointF(x, y + r * 0.55))
    elif glyph in ("hazmat", "risk", "other"):
        p.drawLine(QPointF(x, y - r * 0.5), QPointF(x, y + r * 0.12))
        p.setBrush(white)
        p.drawEllipse(QPointF(x, y + r * 0.45), r * 0.05, r * 0.05)
    elif glyph == "task":
        p.drawPolyline(
            QPolygonF(
                [
                    QPointF(x - r * 0.45, y),
                    QPointF(x - r * 0.1, y + r * 0.35),
                    QPointF(x + r * 0.5, y - r * 0.35),
                ]
            )
        )


def _canvas(size: int = SIZE) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@lru_cache(maxsize=256)
def incident_symbol(kind: str, severity: int) -> QPixmap:
    pixmap, p = _canvas()
    p.setPen(QPen(QColor("white"), 2))
    p.setBrush(QColor(severity_colour(severity)))
    p.drawEllipse(QRectF(2, 2, SIZE - 4, SIZE - 4))
    _glyph(p, kind, QPointF(SIZE / 2, SIZE / 2), SIZE / 2 - 3)
    p.end()
    return pixmap


@lru_cache(maxsize=64)
def task_symbol(priority: int) -> QPixmap:
    pixmap, p = _canvas(20)
    p.setPen(QPen(QColor("white"), 2))
    p.setBrush(QColor(PRIORITY_COLOURS.get(priority, "#0072b2")))
    p.drawRoundedRect(QRectF(2, 2, 16, 16), 3, 3)
    _glyph(p, "task", QPointF(10, 10), 7)
    p.end()
    return pixmap


@lru_cache(maxsize=8)
def team_symbol(stale: bool) -> QPixmap:
    pixmap, p = _canvas()
    p.setPen(QPen(QColor("white"), 2))
    p.setBrush(QColor(STALE_COLOUR if stale else TEAM_COLOUR))
    p.drawPolygon(QPolygonF([QPointF(12, 2), QPointF(22, 21), QPointF(2, 21)]))
    p.end()
    return pixmap


@lru_cache(maxsize=64)
def shelter_symbol(status: str, fill_tenths: int) -> QPixmap:
    """A house whose walls fill from the floor up with the share of places taken."""
    pixmap, p = _canvas(26)
    house = QPolygonF([QPointF(13, 2), QPointF(24, 11), QPointF(24, 24), QPointF(2, 24), QPointF(2, 11)])
    p.setPen(QPen(QColor("white"), 2))
    p.setBrush(QColor(SHELTER_COLOURS.get(status, "#7a8796")))
    p.drawPolygon(house)
    level = 22 - 11 * min(10, max(0, fill_tenths)) / 10
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, 150))
    p.drawRect(QRectF(6, 12, 14, 10))
    p.setBrush(QColor("#1d2733"))
    p.drawRect(QRectF(6, level, 14, 22 - level))
    p.end()
    return pixmap


@lru_cache(maxsize=16)
def risk_symbol(level: int, overdue: bool) -> QPixmap:
    pixmap, p = _canvas()
    tri = QPolygonF([QPointF(12, 1.5), QPointF(23, 21.5), QPointF(1, 21.5)])
    p.setPen(QPen(QColor("#b00020") if overdue else OUTLINE, 2.4 if overdue else 1.4))
    p.setBrush(QColor(LEVEL_COLOURS.get(level, "#7a8796")))
    p.drawPolygon(tri)
    _glyph(p, "risk", QPointF(12, 14), 8)
    p.end()
    return pixmap


RESIDENT_COLOURS = {  # by whereabouts: still to do (orange), safe (green), open problem (red)
    "unaccounted": "#e69f00",
    "evacuated": "#009e73",
    "staying": "#56b4e9",
    "not_found": "#d55e00",
    "needs_transport": "#d55e00",
}


@lru_cache(maxsize=16)
def resident_symbol(whereabouts: str) -> QPixmap:
    """A small diamond: a resident who needs help, coloured by where they are."""
    pixmap, p = _canvas(14)
    p.setPen(QPen(QColor("white"), 1.5))
    p.setBrush(QColor(RESIDENT_COLOURS.get(whereabouts, "#e69f00")))
    p.drawPolygon(QPolygonF([QPointF(7, 1), QPointF(13, 7), QPointF(7, 13), QPointF(1, 7)]))
    p.end()
    return pixmap
