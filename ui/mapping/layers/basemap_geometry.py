"""The basemap's features, grouped for drawing a strip of the view at a time.

Features of one style are grouped by the grid cell (``CELL_M``) their box's centre falls
in, one QPainterPath per group. A strip draws only the groups whose box comes within its
reach, and a whole view draws a few hundred small paths, which Qt rasterises far faster
than one ward-wide path per style (whose fill alone costs ~20 ms at 1920x1080 whatever
the clip). Groups never depend on the view, so strips and full renders composite the
same paths in the same order. Lines, long edges and dashes go through polylines.py, cut
where the view has no say, so that they too come out the same from any view.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QPainterPath, QPolygonF

from .layer_base import EDGE_PX
from .polylines import Polyline, Rect

CELL_M = 250.0  # the grid that groups features (metres)
CHUNK_PX = EDGE_PX  # longest edge handed to Qt where it may clip: its re-stepping stays in the margin


class FeatureGroup:
    """The features of one style in one grid cell: a path (areas closed, lines open), the same
    rings and lines as polylines, and their box in local metres."""

    def __init__(self) -> None:
        self.path = QPainterPath()
        self.lines: list[tuple[Polyline, bool]] = []  # (polyline, closed ring)
        self.box: Rect = (math.inf, math.inf, -math.inf, -math.inf)
        self.longest = 0.0  # the longest segment (metres): whether the path may be handed over whole
        self._chunked: tuple[float, QPainterPath] | None = None  # (res, path) for the last zoom level

    def add(self, polygon: QPolygonF, closed: bool) -> None:
        self.path.addPolygon(polygon)
        if closed:
            self.path.closeSubpath()
        line = Polyline(list(polygon) + ([polygon[0]] if closed and polygon.size() else []))
        self.lines.append((line, closed))
        self.longest = max(self.longest, line.longest)
        if line.xs:
            self.box = (
                min(self.box[0], *line.xs),
                min(self.box[1], *line.ys),
                max(self.box[2], *line.xs),
                max(self.box[3], *line.ys),
            )

    def within(self, rect: Rect) -> bool:
        b = self.box
        return b[2] >= rect[0] and b[0] <= rect[2] and b[3] >= rect[1] and b[1] <= rect[3]

    def area_path(self, res: float) -> QPainterPath:
        """The path to fill (and outline): whole while every edge is short at this zoom, else with
        the edges cut into chunks (kept for the zoom level: a few hundred points for the ward)."""
        if self.longest <= CHUNK_PX * res:
            return self.path
        chunked = self._chunked  # read once: a worker drawing another zoom level may replace it
        if chunked is None or chunked[0] != res:
            path = QPainterPath()
            for line, closed in self.lines:
                path.addPolygon(QPolygonF(line.chunked(CHUNK_PX * res)))
                if closed:
                    path.closeSubpath()
            chunked = self._chunked = (res, path)
        return chunked[1]

    def pieces(self, res: float, rect: Rect) -> QPainterPath:
        """The lines' runs of chunks that come within ``rect``, as open polylines."""
        path = QPainterPath()
        for line, _ in self.lines:
            for piece in line.pieces_near(rect, CHUNK_PX * res):
                path.addPolygon(QPolygonF(piece))
        return path

    def dashes(self, pattern: list[float], rect: Rect) -> QPainterPath:
        """The dashes (``pattern`` in metres) of every line and ring that come within ``rect``."""
        path = QPainterPath()
        for line, _ in self.lines:
            for dash in line.dashes_near(pattern, rect):
                path.addPolygon(QPolygonF(dash))
        return path


def cell_of(polygons: list[QPolygonF]) -> tuple[int, int]:
    """The grid cell of the centre of the polygons' box."""
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for polygon in polygons:
        r = polygon.boundingRect()
        x0, y0, x1, y1 = min(x0, r.left()), min(y0, r.top()), max(x1, r.right()), max(y1, r.bottom())
    return math.floor((x0 + x1) / 2 / CELL_M), math.floor((y0 + y1) / 2 / CELL_M)
