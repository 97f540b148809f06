"""A GeoJSON basemap drawn with simple, quiet styles (the operational layers go on top).

Features are grouped by style into one QPainterPath each, built once in metres around
the layer's origin; a frame is then a dozen ``drawPath`` calls whatever the number of
buildings. Street widths follow the zoom (a street is metres wide, not pixels) with a
floor so they stay visible zoomed out; names are drawn along the streets when there is
room to read them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ops_console.mapping.geo import to_mercator
from ops_console.mapping.geojson import Feature, ParsedLayer

from .layers import MapLayer, draw_label
from .viewport import Viewport

LAND = "#eeebe4"


@dataclass(frozen=True)
class Style:
    """How one (layer, class) pair is drawn; ``width_m`` scales lines with the zoom."""

    z: int
    fill: str | None = None
    stroke: str | None = None
    width_px: float = 1.0
    width_m: float = 0.0
    casing: str | None = None
    dash: tuple[float, ...] = ()
    label: str = ""


STYLES: dict[tuple[str, str], Style] = {
    ("boundary", "ward"): Style(0, "#f6f4ef", "#8a7fa8", 2.0, dash=(6, 3, 1, 3), label="Ward boundary"),
    ("planned_zones", "evacuation"): Style(1, "#26d55e00", "#e0895a", 1.2, dash=(5, 4), label="Planned evacuation area (flood plan)"),
    ("landuse", "park"): Style(2, "#d8ead0", "#b9d3ad", 1.0, label="Park"),
    ("landuse", "plaza"): Style(2, "#e9e3d8", "#cfc6b5", 1.0, label="Square"),
    ("landuse", "school"): Style(2, "#f0e4c8", "#dccaa0", 1.0, label="School grounds"),
    ("landuse", "water"): Style(3, "#aad3df", "#8cbfd0", 1.0, label="Water"),
    ("water", "river"): Style(3, "#aad3df", "#8cbfd0", 1.0, label="River"),
    ("buildings", "building"): Style(4, "#d9d0c9", "#c4b8ae", 0.8, label="Building"),
    ("railway", "rail"): Style(5, None, "#6f6f6f", 2.0, width_m=3, dash=(4, 4), casing="#ffffff", label="Railway"),
    ("streets", "service"): Style(6, None, "#ffffff", 2.0, width_m=5, casing="#b9aea0", label="Lane"),
    ("streets", "residential"): Style(7, None, "#ffffff", 3.0, width_m=8, casing="#b9aea0", label="Street"),
    ("streets", "secondary"): Style(8, None, "#f7f4b8", 3.0, width_m=12, casing="#c7b97a", label="Secondary road"),
    ("streets", "primary"): Style(9, None, "#fcd6a4", 3.5, width_m=16, casing="#c9955b", label="Main road"),
}
DEFAULT_STYLE = Style(4, "#e4e0da", "#a9a39a", 1.0)


class BasemapLayer(MapLayer):
    """A vector basemap from a parsed GeoJSON layer (the demo ward, or a council export)."""

    label_priority = 6

    def __init__(self, parsed: ParsedLayer, title: str = "Basemap", key: str = "basemap",
                 attribution: str = "") -> None:
        super().__init__(key, title)
        self.attribution = attribution
        self.skipped = parsed.skipped
        self._paths: dict[Style, QPainterPath] = {}
        self._lines: list[tuple[str, list[tuple[float, float]], Style]] = []  # names along streets
        self._points: list[tuple[str, float, float, str]] = []
        first = _first_position(parsed.features[0]) if parsed.features else None
        self.origin = to_mercator(first[1], first[0]) if first else (0.0, 0.0)
        self._bounds: list[float] = [math.inf, math.inf, -math.inf, -math.inf]
        for feature in parsed.features:
            self._add(feature)
        self.font = QFont()
        self.font.setPointSizeF(8)
        self.place_font = QFont(self.font)
        self.place_font.setItalic(True)

    def _local(self, lon: float, lat: float) -> QPointF:
        x, y = to_mercator(lat, lon)
        b = self._bounds
        b[0], b[1], b[2], b[3] = min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)
        return QPointF(x - self.origin[0], y - self.origin[1])

    def _add(self, f: Feature) -> None:
        style = STYLES.get((str(f.properties.get("layer", "")), str(f.properties.get("class", ""))), DEFAULT_STYLE)
        if f.kind == "point":
            for (lon, lat), in f.parts:
                x, y = to_mercator(lat, lon)
                self._local(lon, lat)
                self._points.append((f.name, x, y, str(f.properties.get("class", ""))))
            return
        path = self._paths.setdefault(style, QPainterPath())
        if f.kind == "line":
            for line in f.parts:
                path.addPolygon(QPolygonF([self._local(lon, lat) for lon, lat in line]))  # open polyline
                if f.name:
                    self._lines.append((f.name, [to_mercator(lat, lon) for lon, lat in line], style))
        else:
            for polygon in f.parts:
                for ring in polygon:
                    path.addPolygon(QPolygonF([self._local(lon, lat) for lon, lat in ring]))
                    path.closeSubpath()

    def bounds(self) -> tuple[float, float, float, float] | None:
        return tuple(self._bounds) if math.isfinite(self._bounds[0]) else None  # type: ignore[return-value]

    def count(self) -> int:
        return sum(1 for _ in self._paths) + len(self._points)

    def paint(self, p: QPainter, vp: Viewport) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(vp.transform(*self.origin))
        ordered = sorted(self._paths.items(), key=lambda kv: kv[0].z)
        for casing_pass in (True, False):  # all casings under all road fills: clean junctions
            for style, path in ordered:
                if style.fill is not None:
                    if casing_pass:
                        continue
                    p.setBrush(QBrush(QColor(style.fill)))
                    p.setPen(_pen(style.stroke, style.width_px, style.dash) if style.stroke else Qt.PenStyle.NoPen)
                    p.drawPath(path)
                    continue
                width = max(style.width_px, style.width_m / vp.res)
                p.setBrush(Qt.BrushStyle.NoBrush)
                if casing_pass and style.casing:
                    p.setPen(_pen(style.casing, width + 2, ()))
                    p.drawPath(path)
                elif not casing_pass:
                    p.setPen(_pen(style.stroke or "#888", width, style.dash))
                    p.drawPath(path)
        p.restore()
        self._paint_labels(p, vp)

    def _paint_labels(self, p: QPainter, vp: Viewport) -> None:
        if vp.res > 4.0:
            return
        p.setFont(self.font)
        metrics = p.fontMetrics()
        for name, pts, style in self._lines:
            screen = [vp.to_screen(x, y) for x, y in pts]
            a, b = max(zip(screen, screen[1:]), key=lambda s: (s[1] - s[0]).manhattanLength())
            length = math.hypot(b.x() - a.x(), b.y() - a.y())
            text_w = metrics.horizontalAdvance(name)
            if length < text_w + 30 or not (0 <= (a.x() + b.x()) / 2 <= vp.width and 0 <= (a.y() + b.y()) / 2 <= vp.height):
                continue
            angle = math.degrees(math.atan2(b.y() - a.y(), b.x() - a.x()))
            if angle > 90 or angle < -90:
                angle += 180
            p.save()
            p.translate((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            p.rotate(angle)
            draw_label(p, -text_w / 2, metrics.ascent() / 2 - 1, name, "#4a4036")
            p.restore()
        if vp.res > 2.5:
            return
        for name, x, y, cls in self._points:
            pt = vp.to_screen(x, y)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#7d6b5d"))
            p.drawEllipse(pt, 2.5, 2.5)
            self.label(p, pt.x() + 5, pt.y() - 4, name, "#5d4e42", self.place_font)

    def legend(self) -> list[tuple[QPixmap, str]]:
        used = {s for s in self._paths}
        return [(_swatch(s), s.label) for s in sorted(used, key=lambda s: -s.z) if s.label]

    def search(self, text: str):  # type: ignore[no-untyped-def]
        from .layers import Hit
        needle = text.casefold()
        hits = [Hit("place", 0, name, "Landmark", x, y) for name, x, y, _ in self._points if needle in name.casefold()]
        for name, pts, _ in self._lines:
            if needle in name.casefold():
                x, y = pts[len(pts) // 2]
                hits.append(Hit("place", 0, name, "Street", x, y))
        return hits


def _first_position(f: Feature) -> tuple[float, float]:
    part = f.parts[0][0] if f.kind == "polygon" else f.parts[0]
    return part[0]


def _pen(colour: str | None, width: float, dash: tuple[float, ...]) -> QPen:
    pen = QPen(QColor(colour or "#888888"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    if dash:
        pen.setDashPattern(list(dash))
    return pen


def _swatch(style: Style) -> QPixmap:
    pixmap = QPixmap(22, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if style.fill is not None:
        p.setBrush(QColor(style.fill))
        p.setPen(_pen(style.stroke, 1, style.dash[:2]) if style.stroke else Qt.PenStyle.NoPen)
        p.drawRect(2, 2, 18, 10)
    else:
        if style.casing:
            p.setPen(_pen(style.casing, 6, ()))
            p.drawLine(2, 7, 20, 7)
        p.setPen(_pen(style.stroke, 4 if style.casing else 2, style.dash))
        p.drawLine(2, 7, 20, 7)
    p.end()
    return pixmap
