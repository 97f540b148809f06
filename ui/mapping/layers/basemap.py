"""A GeoJSON basemap drawn with simple, quiet styles (the operational layers go on top).

Its geometry is drawn as raster tiles, off the GUI thread, and kept (basemap_tiles.py): a
frame, pan or zoom, only blits tiles, with recent levels scaled where tiles are still
being drawn. Features are built once in metres around the layer's origin, in groups by
style and place (basemap_geometry.py); a tile draws only the groups within its reach, and
lines, long edges and dashes are cut where the view has no say (polylines.py), so that
tiles join into the picture the whole view drawn at once gives.

Street widths follow the zoom (a street is metres wide, not pixels) with a floor so they
stay visible zoomed out. Text stays out of the tiles, crisp at any zoom: street names, turned along
their street, are drawn fresh each frame in ``overlay`` (right over the basemap and under
the records), and landmark names go through the canvas's label placement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QPolygonF

from ops_console.mapping.geo import to_mercator
from ops_console.mapping.geojson import Feature, ParsedLayer

from ..viewport import Viewport
from .basemap_geometry import FeatureGroup, cell_of
from .basemap_tiles import PAINT_GATE, BasemapTiles
from .layer_base import Hit, Label, MapLayer, draw_label, place_labels

LAND = "#eeebe4"
Box = tuple[float, float, float, float]  # min x, min y, max x, max y


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
    ("planned_zones", "evacuation"): Style(
        1, "#26d55e00", "#e0895a", 1.2, dash=(5, 4), label="Planned evacuation area (flood plan)"
    ),
    ("landuse", "park"): Style(2, "#d8ead0", "#b9d3ad", 1.0, label="Park"),
    ("landuse", "plaza"): Style(2, "#e9e3d8", "#cfc6b5", 1.0, label="Square"),
    ("landuse", "school"): Style(2, "#f0e4c8", "#dccaa0", 1.0, label="School grounds"),
    ("landuse", "water"): Style(3, "#aad3df", "#8cbfd0", 1.0, label="Water"),
    ("water", "river"): Style(3, "#aad3df", "#8cbfd0", 1.0, label="River"),
    ("buildings", "building"): Style(4, "#d9d0c9", "#c4b8ae", 0.8, label="Building"),
    ("railway", "rail"): Style(
        5, None, "#6f6f6f", 2.0, width_m=3, dash=(4, 4), casing="#ffffff", label="Railway"
    ),
    ("streets", "service"): Style(6, None, "#ffffff", 2.0, width_m=5, casing="#b9aea0", label="Lane"),
    ("streets", "residential"): Style(7, None, "#ffffff", 3.0, width_m=8, casing="#b9aea0", label="Street"),
    ("streets", "secondary"): Style(
        8, None, "#f7f4b8", 3.0, width_m=12, casing="#c7b97a", label="Secondary road"
    ),
    ("streets", "primary"): Style(9, None, "#fcd6a4", 3.5, width_m=16, casing="#c9955b", label="Main road"),
}
DEFAULT_STYLE = Style(4, "#e4e0da", "#a9a39a", 1.0)


class BasemapLayer(MapLayer):
    """A vector basemap from a parsed GeoJSON layer (the demo ward, or a council export)."""

    label_priority = 6
    needs_lattice = True  # its tiles land on whole device pixels of the canvas's lattice

    def __init__(
        self, parsed: ParsedLayer, title: str = "Basemap", key: str = "basemap", attribution: str = ""
    ) -> None:
        super().__init__(key, title)
        self.attribution = attribution
        self.skipped = parsed.skipped
        self._cells: dict[Style, dict[tuple[int, int], FeatureGroup]] = {}
        self._lines: list[tuple[str, list[tuple[float, float]], Style, Box]] = []  # names along streets
        self._points: list[tuple[str, float, float, str]] = []
        first = _first_position(parsed.features[0]) if parsed.features else None
        self.origin = to_mercator(first[1], first[0]) if first else (0.0, 0.0)
        self._bounds: list[float] = [math.inf, math.inf, -math.inf, -math.inf]
        for feature in parsed.features:
            self._add(feature)
        # bottom to top; equal z keep the file's order (a stable sort, as before)
        self._styles = sorted(((s, list(g.values())) for s, g in self._cells.items()), key=lambda sg: sg[0].z)
        self.font = QFont()
        self.font.setPointSizeF(8)
        self.place_font = QFont(self.font)
        self.place_font.setItalic(True)
        self.tiles = BasemapTiles(self)  # draw() reads only what is fixed above: safe on a worker

    def _local(self, lon: float, lat: float) -> QPointF:
        x, y = to_mercator(lat, lon)
        b = self._bounds
        b[0], b[1], b[2], b[3] = min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)
        return QPointF(x - self.origin[0], y - self.origin[1])

    def _add(self, f: Feature) -> None:
        style = STYLES.get(
            (str(f.properties.get("layer", "")), str(f.properties.get("class", ""))), DEFAULT_STYLE
        )
        if f.kind == "point":
            for ((lon, lat),) in f.parts:
                x, y = to_mercator(lat, lon)
                self._local(lon, lat)
                self._points.append((f.name, x, y, str(f.properties.get("class", ""))))
            return
        polygons = [
            QPolygonF([self._local(lon, lat) for lon, lat in ring])
            for part in f.parts
            for ring in (part if f.kind == "polygon" else [part])
        ]
        group = self._cells.setdefault(style, {}).setdefault(cell_of(polygons), FeatureGroup())
        for polygon in polygons:
            group.add(polygon, closed=f.kind == "polygon")  # a line stays an open polyline
        if f.kind == "line" and f.name:
            for line in f.parts:
                pts = [to_mercator(lat, lon) for lon, lat in line]
                xs, ys = [x for x, _ in pts], [y for _, y in pts]
                self._lines.append((f.name, pts, style, (min(xs), min(ys), max(xs), max(ys))))

    def bounds(self) -> tuple[float, float, float, float] | None:
        return tuple(self._bounds) if math.isfinite(self._bounds[0]) else None  # type: ignore[return-value]

    def count(self) -> int:
        return len(self._styles) + len(self._points)

    def paint(self, p: QPainter, vp: Viewport) -> None:
        """The tiles drawn for this view (others on their way, recent levels scaled meanwhile), then
        the street names over them and the landmark names into the canvas's label placement."""
        self.tiles.paint(p, vp)
        self.overlay(p, vp)
        labels = self.labels_for(vp)
        if self.labels is not None:
            self.labels.extend(labels)
        else:
            place_labels(p, labels)

    def settling(self) -> bool:
        return self.tiles.settling()

    def draw(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        """A tile's picture, on the tile worker: the groups within reach of ``area``; all street
        casings first, under every fill (clean junctions); areas filled, then outlined, style by style."""
        ox, oy = self.origin
        x0, y0, x1, y1 = vp.area_rect(area)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(vp.transform(ox, oy), True)  # combined: the painter may be offset into a bitmap
        for casing_pass in (True, False):
            for style, groups in self._styles:
                if casing_pass and (style.fill is not None or not style.casing):
                    continue
                PAINT_GATE.wait()  # on the tile worker: not while the GUI thread paints a frame
                width = (
                    style.width_px if style.fill is not None else max(style.width_px, style.width_m / vp.res)
                )
                m = ((width + 2) / 2 + 2) * vp.res  # half the widest pen (a casing), and antialiasing
                rect = (x0 - ox - m, y0 - oy - m, x1 - ox + m, y1 - oy + m)
                near = [g for g in groups if g.within(rect)]
                if not near:
                    continue
                if style.fill is not None:
                    outlines = [g.area_path(vp.res) for g in near]
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(QBrush(QColor(style.fill)))
                    for path in outlines:
                        p.drawPath(path)
                    if style.stroke is None:
                        continue
                if style.dash and not casing_pass:  # solid dashes at fixed places (polylines.py)
                    pattern = [d * width * vp.res for d in style.dash]
                    outlines = [g.dashes(pattern, rect) for g in near]
                elif style.fill is None:
                    outlines = [g.pieces(vp.res, rect) for g in near]
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(_pen(style.casing, width + 2, ()) if casing_pass else _pen(style.stroke, width, ()))
                for path in outlines:
                    p.drawPath(path)
        p.restore()

    def overlay(self, p: QPainter, vp: Viewport) -> None:
        """Street names along their streets where there is room, and landmark dots; fresh each frame."""
        if vp.res > 4.0:
            return
        p.save()
        p.setFont(self.font)
        metrics = p.fontMetrics()
        vx0, vy0, vx1, vy1 = vp.world_rect()
        for name, pts, _style, (bx0, by0, bx1, by1) in self._lines:
            if bx1 < vx0 or bx0 > vx1 or by1 < vy0 or by0 > vy1:
                continue  # the label's anchor (a segment's middle) could not be in view
            screen = [vp.to_screen(x, y) for x, y in pts]
            a, b = max(zip(screen, screen[1:]), key=lambda s: (s[1] - s[0]).manhattanLength())
            length = math.hypot(b.x() - a.x(), b.y() - a.y())
            text_w = metrics.horizontalAdvance(name)
            if length < text_w + 30 or not (
                0 <= (a.x() + b.x()) / 2 <= vp.width and 0 <= (a.y() + b.y()) / 2 <= vp.height
            ):
                continue
            angle = math.degrees(math.atan2(b.y() - a.y(), b.x() - a.x()))
            if angle > 90 or angle < -90:
                angle += 180
            p.save()
            p.translate((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            p.rotate(angle)
            draw_label(p, -text_w / 2, metrics.ascent() / 2 - 1, name, "#4a4036")
            p.restore()
        if vp.res <= 2.5:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#7d6b5d"))
            for _name, x, y, _cls in self._points:
                p.drawEllipse(vp.to_screen(x, y), 2.5, 2.5)
        p.restore()

    def labels_for(self, vp: Viewport) -> list[Label]:
        """Landmark names, placed with every other label over all layers (closer than 2.5 m/px)."""
        if vp.res > 2.5:
            return []
        labels = []
        for name, x, y, _cls in self._points:
            pt = vp.to_screen(x, y)
            labels.append(
                Label(self.label_priority, pt.x() + 5, pt.y() - 4, name, "#5d4e42", self.place_font)
            )
        return labels

    def legend(self) -> list[tuple[QPixmap, str]]:
        used = {s for s, _ in self._styles}
        return [(_swatch(s), s.label) for s in sorted(used, key=lambda s: -s.z) if s.label]

    def search(self, text: str) -> list[Hit]:
        needle = text.casefold()
        hits = [
            Hit("place", 0, name, "Landmark", x, y)
            for name, x, y, _ in self._points
            if needle in name.casefold()
        ]
        for name, pts, _, _ in self._lines:
            if needle in name.casefold():
                x, y = pts[len(pts) // 2]
                hits.append(Hit("place", 0, name, "Street", x, y))
        return hits


def _first_position(f: Feature) -> tuple[float, float]:
    part = f.parts[0][0] if f.kind == "polygon" else f.parts[0]
    return part[0]


def _pen(colour: str | None, width: float, dash: tuple[float, ...]) -> QPen:
    pen = QPen(
        QColor(colour or "#888888"),
        width,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
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
