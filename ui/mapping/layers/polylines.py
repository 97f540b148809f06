"""Long lines and edges handed to Qt a chunk at a time, cut where the view has no say.

The basemap's bitmap is drawn a strip at a time, each strip from a different view, so
everything it draws must come out the same whichever view drew it. Two things in Qt's
raster engine depend on the view. A path reaching far beyond the device (more than the
device's own size) is clipped to it before it is rasterised, and every edge the clip
cuts is stepped afresh from the cut, which moves it by up to a few levels of grey; an
edge no longer than the bitmap's unpainted margin (layer_base.EDGE_PX) can only change
pixels in that margin. And the dash stroker skips the parts of a line outside the
device without keeping the pattern's phase exactly, so the dashes of a long line land
elsewhere whenever the view moves. Stroking a whole street for a 40-pixel strip is also
most of what that strip would cost.

So a line or ring is kept with the distance along it at each point, and each segment is
cut into equal chunks of at most ``step`` (a number of pixels at the zoom level's scale)
at fixed fractions of it. A strip asks for the *pieces* that reach it (runs of chunks,
joined as in the whole line; a run ends out of the strip's reach, where a round cap
looks no different from a round join), for the *dashes* that reach it (dash k always
spanning the same distances from the line's start, the pattern restarting on every
line as Qt's does; drawn with a solid pen), or for the whole ring *chunked*.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QPointF

Rect = tuple[float, float, float, float]  # min x, min y, max x, max y


class Polyline:
    """One polyline (or closed ring) in local metres, with the distance along it at each point."""

    def __init__(self, points: Sequence[QPointF]) -> None:
        self.xs = [p.x() for p in points]
        self.ys = [p.y() for p in points]
        self.cum = [0.0]
        self.longest = 0.0  # the longest segment
        for i in range(1, len(points)):
            span = math.hypot(self.xs[i] - self.xs[i - 1], self.ys[i] - self.ys[i - 1])
            self.cum.append(self.cum[-1] + span)
            self.longest = max(self.longest, span)

    def at(self, d: float) -> QPointF:
        """The point ``d`` metres along the line."""
        i = min(max(bisect_right(self.cum, d) - 1, 0), len(self.cum) - 2)
        span = self.cum[i + 1] - self.cum[i]
        t = (d - self.cum[i]) / span if span > 0 else 0.0
        return QPointF(
            self.xs[i] + t * (self.xs[i + 1] - self.xs[i]), self.ys[i] + t * (self.ys[i + 1] - self.ys[i])
        )

    def dash(self, d0: float, d1: float) -> list[QPointF]:
        """The stretch of the line from ``d0`` to ``d1`` metres, corners included."""
        i0, i1 = bisect_right(self.cum, d0), bisect_right(self.cum, d1)
        return (
            [self.at(d0)]
            + [
                QPointF(self.xs[i], self.ys[i])
                for i in range(i0, min(i1, len(self.xs)))
                if d0 < self.cum[i] < d1
            ]
            + [self.at(d1)]
        )

    def dashes_near(self, pattern: Sequence[float], rect: Rect) -> list[list[QPointF]]:
        """The dashes (``pattern``: on, off, on, off… in metres) that come within ``rect``."""
        total, period = self.cum[-1], sum(pattern)
        if len(self.cum) < 2 or total <= 0 or period <= 0:
            return []
        on = [(sum(pattern[:j]), sum(pattern[: j + 1])) for j in range(0, len(pattern) - 1, 2)]
        wanted: set[tuple[int, int]] = set()
        for i in range(len(self.cum) - 1):
            stretch = _clip(self.xs[i], self.ys[i], self.xs[i + 1], self.ys[i + 1], rect)
            if stretch is None:
                continue
            span = self.cum[i + 1] - self.cum[i]
            d0, d1 = self.cum[i] + stretch[0] * span, self.cum[i] + stretch[1] * span
            for k in range(math.floor(d0 / period), math.floor(d1 / period) + 1):
                wanted.update(
                    (k, j) for j, (s, e) in enumerate(on) if k * period + s <= d1 and k * period + e >= d0
                )
        dashes = []
        for k, j in sorted(wanted):
            start, end = k * period + on[j][0], min(total, k * period + on[j][1])
            if start < total:
                dashes.append(self.dash(start, end))
        return dashes

    def pieces_near(self, rect: Rect, step: float) -> list[list[QPointF]]:
        """The runs of chunks (each segment cut into equal chunks of at most ``step``) within ``rect``."""
        runs: list[list[QPointF]] = []
        run: list[QPointF] | None = None  # open while the last chunk taken ended on a corner
        for i in range(len(self.cum) - 1):
            span = self.cum[i + 1] - self.cum[i]
            if span <= 0:
                continue
            stretch = _clip(self.xs[i], self.ys[i], self.xs[i + 1], self.ys[i + 1], rect)
            if stretch is None:
                run = None
                continue
            n = max(1, math.ceil(span / step))
            c0, c1 = min(n - 1, math.floor(stretch[0] * n)), min(n - 1, math.floor(stretch[1] * n))
            if run is None or c0 > 0:
                run = [self._on(i, c0 / n)]
                runs.append(run)
            run.extend(self._on(i, (c + 1) / n) for c in range(c0, c1 + 1))
            if c1 < n - 1:
                run = None
        return runs

    def chunked(self, step: float) -> list[QPointF]:
        """Every point, with each segment cut into equal chunks of at most ``step``."""
        pts = []
        for i in range(len(self.cum) - 1):
            n = max(1, math.ceil((self.cum[i + 1] - self.cum[i]) / step))
            pts.extend(self._on(i, k / n) for k in range(n))
        pts.append(QPointF(self.xs[-1], self.ys[-1]))
        return pts

    def _on(self, i: int, t: float) -> QPointF:
        """The point at ``t`` (0..1) of segment ``i``: its corners exactly at 0 and 1."""
        if t <= 0 or t >= 1:
            j = i if t <= 0 else i + 1
            return QPointF(self.xs[j], self.ys[j])
        return QPointF(
            self.xs[i] + t * (self.xs[i + 1] - self.xs[i]), self.ys[i] + t * (self.ys[i + 1] - self.ys[i])
        )


def _clip(x0: float, y0: float, x1: float, y1: float, rect: Rect) -> tuple[float, float] | None:
    """The part (t0, t1 of 0..1) of a segment inside ``rect`` (Liang-Barsky), or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - rect[0]), (dx, rect[2] - x0), (-dy, y0 - rect[1]), (dy, rect[3] - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return t0, t1
