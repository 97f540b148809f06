"""A map snapshot for paper: the area of the open incidents, drawn off-screen on a QImage.

The console's map canvas is a widget (ui/mapping) and the reports must run from the CLI
and off the GUI thread, so this draws the map's own layers again, plainly, with QtGui
only: zones as outlines, sirens as triangles, open incidents as markers whose *shape* (square critical,
diamond serious, circles smaller to larger) *and number* give the severity (1-4) as well as their colour, so a black-and-white copy still
reads. A GeoJSON basemap (the demo ward's, or the post's own) is drawn light underneath; tile
archives are not (a printed copy must not depend on which tiles a workstation has);
a scale bar and north arrow say how far things are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

from ops_console.mapping.geo import format_distance, ground_scale, nice_distance, offset, to_mercator
from ops_console.mapping.geojson import Feature, GeoJSONError, load_geojson_file

log = logging.getLogger(__name__)

NUMBERED_UP_TO = 400  # markers beyond this are too many to read a number in; the shape still says it
SEVERITY_COLOURS = {
    1: QColor(70, 130, 180),
    2: QColor(230, 160, 0),
    3: QColor(220, 90, 0),
    4: QColor(190, 0, 0),
}


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    severity: int = 0  # 0: not an incident (a siren)


def snapshot_png(
    incidents: Sequence[MapPoint],
    sirens: Sequence[MapPoint] = (),
    zones: Sequence[Sequence[tuple[float, float]]] = (),
    size: tuple[int, int] = (1600, 1000),
    basemap: Sequence[Feature] = (),
    circles: Sequence[tuple[float, float, float]] = (),
) -> bytes | None:
    """PNG bytes of the area around the open incidents (and sirens), or None with nothing to place."""
    placed = [p for p in (*incidents, *sirens) if -85 < p.lat < 85 and -180 <= p.lon <= 180]
    if not placed:
        return None
    width, height = size
    extent = [(p.lat, p.lon) for p in placed] + [pt for ring in zones for pt in ring]
    for lat, lon, radius_m in circles:  # the circle's north-south and east-west edges
        extent += [offset(lat, lon, radius_m, radius_m), offset(lat, lon, -radius_m, -radius_m)]
    xs, ys = zip(*(to_mercator(lat, lon) for lat, lon in extent if -85 < lat < 85 and -180 <= lon <= 180))
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span = max(max_x - min_x, (max_y - min_y) * width / height, 200.0) * 1.15
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2
    scale = width / span  # pixels per mercator metre

    def at(lat: float, lon: float) -> QPointF:
        x, y = to_mercator(lat, lon)
        return QPointF(width / 2 + (x - cx) * scale, height / 2 - (y - cy) * scale)

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(248, 248, 244))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(max(12, height // 50))
    font.setBold(True)
    p.setFont(font)
    _basemap(p, basemap, at)
    pen = QPen(QColor(90, 90, 90), 2, Qt.PenStyle.DashLine)
    p.setPen(pen)
    for ring in zones:
        if len(ring) >= 3:
            p.drawPolygon(QPolygonF([at(lat, lon) for lat, lon in ring]))
    for lat, lon, radius_m in circles:  # circular zones (an evacuation radius round a point)
        if -85 < lat < 85:
            radius_px = radius_m / ground_scale(lat) * scale
            p.drawEllipse(at(lat, lon), radius_px, radius_px)
    r = max(6.0, height / 90)
    for s in sirens:
        c = at(s.lat, s.lon)
        p.setPen(QPen(QColor(0, 0, 0), 2))
        p.setBrush(QColor(255, 255, 255))
        p.drawPolygon(
            QPolygonF([c + QPointF(0, -r * 1.3), c + QPointF(r * 1.2, r), c + QPointF(-r * 1.2, r)])
        )
    numbered = len(incidents) <= NUMBERED_UP_TO
    for inc in sorted(incidents, key=lambda i: i.severity):  # the worst drawn last, on top
        c = at(inc.lat, inc.lon)
        size_r = r * (0.8 + 0.25 * inc.severity)
        p.setPen(QPen(QColor(0, 0, 0), 1.5))
        p.setBrush(SEVERITY_COLOURS.get(inc.severity, QColor(120, 120, 120)))
        if inc.severity >= 4:  # critical: a square, never colour alone
            p.drawRect(QRectF(c.x() - size_r, c.y() - size_r, 2 * size_r, 2 * size_r))
        elif inc.severity == 3:  # serious: a diamond
            p.drawPolygon(
                QPolygonF(
                    [
                        c + QPointF(0, -size_r),
                        c + QPointF(size_r, 0),
                        c + QPointF(0, size_r),
                        c + QPointF(-size_r, 0),
                    ]
                )
            )
        else:
            p.drawEllipse(c, size_r, size_r)
        if numbered:
            p.setPen(QColor(255, 255, 255))
            p.drawText(
                QRectF(c.x() - size_r, c.y() - size_r, 2 * size_r, 2 * size_r),
                Qt.AlignmentFlag.AlignCenter,
                str(inc.severity),
            )
    _scale_bar(p, width, height, scale, placed)
    p.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes, the binding takes str
    return bytes(QByteArray(buffer.data()).data())


def _basemap(p: QPainter, features: Sequence[Feature], at: Callable[[float, float], QPointF]) -> None:
    """The GeoJSON basemap's areas and lines, light, so the markers stay what the eye finds."""
    p.setPen(QPen(QColor(200, 200, 200), 1))
    p.setBrush(QColor(232, 232, 226))
    for f in features:
        if f.kind == "polygon":
            for polygon in f.parts:
                for ring in polygon[:1]:
                    p.drawPolygon(QPolygonF([at(lat, lon) for lon, lat, *_ in ring]))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor(170, 170, 170), 3))
    for f in features:
        if f.kind == "line":
            for line in f.parts:
                p.drawPolyline(QPolygonF([at(lat, lon) for lon, lat, *_ in line]))


def basemap_features(paths: Sequence[Path]) -> list[Feature]:
    """The features of the post's GeoJSON basemaps (tile archives are not drawn on paper);
    a file that cannot be read is left out, the map still prints."""
    features: list[Feature] = []
    for path in paths:
        if path.suffix.lower() not in (".geojson", ".json"):
            continue
        try:
            stat = path.stat()
            key = (str(path), stat.st_mtime_ns, stat.st_size)
            if key not in _PARSED:  # a post prints its SITREP every few hours: parse the ward once
                _PARSED.clear()
                _PARSED[key] = load_geojson_file(path).features
            features += _PARSED[key]
        except (OSError, GeoJSONError) as exc:
            log.warning("basemap %s left off the report's map: %s", path, getattr(exc, "english", exc))
    return features


_PARSED: dict[tuple[str, int, int], list[Feature]] = {}


def _scale_bar(p: QPainter, width: int, height: int, scale: float, placed: Sequence[MapPoint]) -> None:
    lat = sum(pt.lat for pt in placed) / len(placed)
    metres_per_px = ground_scale(lat) / scale
    metres = nice_distance(metres_per_px * width / 5)
    length = metres / metres_per_px
    x0, y0 = 30.0, height - 30.0
    p.setPen(QPen(QColor(0, 0, 0), 4))
    p.drawLine(QPointF(x0, y0), QPointF(x0 + length, y0))
    p.setPen(QColor(0, 0, 0))
    p.drawText(QPointF(x0, y0 - 10), format_distance(metres))
    p.drawText(QPointF(width - 60.0, 50.0), "N ↑")
