"""What part of the world a map view shows: a centre in Web Mercator metres and a resolution.

Layers keep their geometry in metres relative to their own origin (a nearby point), so
that the numbers handed to Qt's rasteriser stay small and precise even at street level
13,000 km from the projection's origin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from ops_console.mapping.geo import HALF_WORLD, ground_scale, to_lat_lon, to_mercator

MIN_RES = 0.05  # Mercator m/px: closer than any survey needs
MAX_RES = 2 * HALF_WORLD / 256  # the whole world in one tile


@dataclass(frozen=True)
class Viewport:
    """Centre (cx, cy) in Mercator metres, ``res`` Mercator metres per pixel, size in pixels."""

    cx: float
    cy: float
    res: float
    width: int
    height: int

    @classmethod
    def at(cls, lat: float, lon: float, res: float, width: int, height: int) -> Viewport:
        cx, cy = to_mercator(lat, lon)
        return cls(cx, cy, res, width, height)

    def to_screen(self, x: float, y: float) -> QPointF:
        return QPointF((x - self.cx) / self.res + self.width / 2, (self.cy - y) / self.res + self.height / 2)

    def to_world(self, px: float, py: float) -> tuple[float, float]:
        return self.cx + (px - self.width / 2) * self.res, self.cy - (py - self.height / 2) * self.res

    def lat_lon_at(self, px: float, py: float) -> tuple[float, float]:
        return to_lat_lon(*self.to_world(px, py))

    def transform(self, ox: float = 0.0, oy: float = 0.0) -> QTransform:
        """Local metres (x - ox, y - oy) → screen pixels."""
        k = 1.0 / self.res
        return QTransform(
            k, 0, 0, -k, (ox - self.cx) * k + self.width / 2, (self.cy - oy) * k + self.height / 2
        )

    def world_rect(self, margin_px: float = 0.0) -> tuple[float, float, float, float]:
        """(min_x, min_y, max_x, max_y) in metres covered by the view, plus a margin."""
        hw, hh = (self.width / 2 + margin_px) * self.res, (self.height / 2 + margin_px) * self.res
        return self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh

    def area_rect(self, area: QRectF, margin_px: float = 0.0) -> tuple[float, float, float, float]:
        """(min_x, min_y, max_x, max_y) in metres under a screen rectangle, plus a margin."""
        x0, y1 = self.to_world(area.left() - margin_px, area.top() - margin_px)
        x1, y0 = self.to_world(area.right() + margin_px, area.bottom() + margin_px)
        return x0, y0, x1, y1

    def ground_m_per_px(self) -> float:
        """Ground metres per pixel at the view's centre (what the scale bar needs)."""
        return self.res * ground_scale(to_lat_lon(self.cx, self.cy)[0])

    def zoomed(self, factor: float, anchor: QPointF | None = None) -> Viewport:
        """Zoom in by ``factor`` (>1 closer) keeping the world point under ``anchor`` still."""
        res = min(MAX_RES, max(MIN_RES, self.res / factor))
        if anchor is None:
            return Viewport(self.cx, self.cy, res, self.width, self.height)
        wx, wy = self.to_world(anchor.x(), anchor.y())
        cx = wx - (anchor.x() - self.width / 2) * res
        cy = wy + (anchor.y() - self.height / 2) * res
        return Viewport(cx, _clamp_y(cy), res, self.width, self.height)

    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """Move the picture by (dx, dy) pixels (drag right: the world moves right)."""
        cx = self.cx - dx_px * self.res
        if cx > HALF_WORLD:
            cx -= 2 * HALF_WORLD
        elif cx < -HALF_WORLD:
            cx += 2 * HALF_WORLD
        return Viewport(cx, _clamp_y(self.cy + dy_px * self.res), self.res, self.width, self.height)

    def resized(self, width: int, height: int) -> Viewport:
        return Viewport(self.cx, self.cy, self.res, max(1, width), max(1, height))

    def fit(self, min_x: float, min_y: float, max_x: float, max_y: float, margin_px: int = 40) -> Viewport:
        """A view showing the whole rectangle (a single point gets street level)."""
        w, h = max(1, self.width - 2 * margin_px), max(1, self.height - 2 * margin_px)
        res = max((max_x - min_x) / w, (max_y - min_y) / h, 0.6)
        res = min(MAX_RES, max(MIN_RES, res))
        return Viewport((min_x + max_x) / 2, (min_y + max_y) / 2, res, self.width, self.height)


def _clamp_y(y: float) -> float:
    return max(-HALF_WORLD, min(HALF_WORLD, y))


def zoom_label(res: float) -> str:
    """The slippy-map zoom level a resolution corresponds to (for the status line)."""
    return f"z{math.log2(2 * HALF_WORLD / (256 * res)):.1f}"
