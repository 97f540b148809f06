"""MGRS grid references (WGS84, UTM zones between 80° S and 84° N).

The cursor shows MGRS because it is what search-and-rescue teams and the military
agencies a post works with read from their GPS sets: '51R UQ 12345 67890' is a 1 m
reference, and dropping digits from each half gives 10 m or 100 m references that a
radio operator can read out. Polar areas (UPS) are not covered: the map shows degrees
only there. The formulas are the standard transverse Mercator series (USGS PP 1395).
"""

from __future__ import annotations

import math

_A = 6_378_137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_EP2 = _E2 / (1 - _E2)
_K0 = 0.9996
_BANDS = "CDEFGHJKLMNPQRSTUVWXX"
_COLUMN_SETS = ("STUVWXYZ", "ABCDEFGH", "JKLMNPQR")  # indexed by zone % 3
_ROWS = "ABCDEFGHJKLMNPQRSTUV"


def utm_zone(lat: float, lon: float) -> int:
    """The UTM zone, with the Norway and Svalbard exceptions."""
    lon = ((lon + 180) % 360) - 180
    zone = int((lon + 180) // 6) + 1
    if 56 <= lat < 64 and 3 <= lon < 12:
        return 32
    if 72 <= lat < 84 and lon >= 0:
        for limit, z in ((9, 31), (21, 33), (33, 35), (42, 37)):
            if lon < limit:
                return z
    return min(zone, 60)


def to_utm(lat: float, lon: float) -> tuple[int, float, float]:
    """(zone, easting, northing) in metres; northing has the 10,000 km false northing south."""
    zone = utm_zone(lat, lon)
    phi = math.radians(lat)
    lam = math.radians(lon - ((zone - 1) * 6 - 180 + 3))
    sin, cos, tan = math.sin(phi), math.cos(phi), math.tan(phi)
    n = _A / math.sqrt(1 - _E2 * sin * sin)
    t, c, a = tan * tan, _EP2 * cos * cos, cos * lam
    e4, e6 = _E2 * _E2, _E2**3
    m = _A * (
        (1 - _E2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
        - (3 * _E2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * math.sin(2 * phi)
        + (15 * e4 / 256 + 45 * e6 / 1024) * math.sin(4 * phi)
        - (35 * e6 / 3072) * math.sin(6 * phi)
    )
    easting = (
        _K0 * n * (a + (1 - t + c) * a**3 / 6 + (5 - 18 * t + t * t + 72 * c - 58 * _EP2) * a**5 / 120)
        + 500_000
    )
    northing = _K0 * (
        m
        + n
        * tan
        * (
            a * a / 2
            + (5 - t + 9 * c + 4 * c * c) * a**4 / 24
            + (61 - 58 * t + t * t + 600 * c - 330 * _EP2) * a**6 / 720
        )
    )
    if lat < 0:
        northing += 10_000_000
    return zone, easting, northing


def mgrs(lat: float, lon: float, digits: int = 5) -> str | None:
    """'51R UQ 12345 67890' for ``digits`` = 5 (1 m); None outside 80° S – 84° N."""
    if not (math.isfinite(lat) and math.isfinite(lon)) or not -80 <= lat < 84:
        return None
    zone, easting, northing = to_utm(lat, lon)
    band = _BANDS[int((lat + 80) // 8)]
    column = _COLUMN_SETS[zone % 3][int(easting // 100_000) - 1]
    row_index = int(northing // 100_000) % 20
    if zone % 2 == 0:
        row_index = (row_index + 5) % 20
    row = _ROWS[row_index]
    scale = 10 ** (5 - digits)
    e = int(easting % 100_000) // scale
    n = int(northing % 100_000) // scale
    return f"{zone}{band} {column}{row} {e:0{digits}d} {n:0{digits}d}"
