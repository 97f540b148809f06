"""Which points lie inside a zone: a bounding box for the index, then the exact test.

Pure functions on (lat, lon) degrees. A polygon uses the even-odd ray test (a point
exactly on an edge may fall either way, as on any map); a circle uses the great-circle
distance the map's measuring tool uses. At a ward's scale the flat ray test on degrees
draws the same line the map does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ops_console.mapping.geo import circle_extent_deg, haversine_m

Ring = Sequence[tuple[float, float]]  # (lat, lon) corners


@dataclass(frozen=True)
class Box:
    """A (lat, lon) rectangle: what the database's position index can answer."""

    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float


def ring_box(ring: Ring) -> Box:
    lats, lons = [p[0] for p in ring], [p[1] for p in ring]
    return Box(min(lats), min(lons), max(lats), max(lons))


def circle_box(lat: float, lon: float, radius_m: float) -> Box:
    """The circle's box on the distance test's own sphere, a little generous against
    rounding (the exact test, ``in_circle``, decides)."""
    dlat, dlon = circle_extent_deg(lat, radius_m)
    return Box(lat - dlat * 1.001, lon - dlon * 1.001, lat + dlat * 1.001, lon + dlon * 1.001)


def in_ring(lat: float, lon: float, ring: Ring) -> bool:
    """Even-odd ray test along the longitude axis."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        lat_i, lon_i = ring[i]
        lat_j, lon_j = ring[j]
        if (lat_i > lat) != (lat_j > lat):
            cross = lon_i + (lat - lat_i) * (lon_j - lon_i) / (lat_j - lat_i)
            if lon < cross:
                inside = not inside
        j = i
    return inside


def in_circle(lat: float, lon: float, centre: tuple[float, float], radius_m: float) -> bool:
    return haversine_m(lat, lon, centre[0], centre[1]) <= radius_m
