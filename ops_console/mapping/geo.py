"""Web Mercator (EPSG:3857) maths, slippy-map tile numbers and ground distances.

The map draws in Web Mercator metres because every tile source (XYZ servers, MBTiles)
is cut in it. A Mercator metre is only a ground metre at the equator: on the ground it
is ``cos(lat)`` of that, so the scale bar and the measuring tool use ``ground_scale``
and great-circle distances, which keeps them right at any latitude.
"""

from __future__ import annotations

import math

EARTH_RADIUS = 6_378_137.0  # WGS84 semi-major axis, the sphere Web Mercator uses
MAX_LAT = 85.05112877980659  # where Web Mercator's square world ends
HALF_WORLD = math.pi * EARTH_RADIUS  # 20,037,508.34 m
TILE_SIZE = 256
MEAN_RADIUS = 6_371_008.8  # for haversine distances


def clamp_lat(lat: float) -> float:
    return max(-MAX_LAT, min(MAX_LAT, lat))


def to_mercator(lat: float, lon: float) -> tuple[float, float]:
    """Degrees → (x, y) metres; latitudes beyond the Mercator square are clamped to its edge."""
    lat = clamp_lat(lat)
    x = math.radians(lon) * EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * EARTH_RADIUS
    return x, y


def to_lat_lon(x: float, y: float) -> tuple[float, float]:
    """(x, y) metres → (lat, lon) degrees."""
    lon = math.degrees(x / EARTH_RADIUS)
    lat = math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS)) - math.pi / 2)
    return lat, lon


def ground_scale(lat: float) -> float:
    """Ground metres per Mercator metre at ``lat`` (1 at the equator, 0.5 at 60°)."""
    return math.cos(math.radians(clamp_lat(lat)))


def resolution_for_zoom(zoom: float) -> float:
    """Mercator metres per pixel of a 256-pixel tile pyramid at ``zoom``."""
    return 2 * HALF_WORLD / (TILE_SIZE * 2**zoom)


def zoom_for_resolution(res: float) -> float:
    return math.log2(2 * HALF_WORLD / (TILE_SIZE * res))


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """An XYZ tile's (min_x, min_y, max_x, max_y) in Mercator metres (y=0 is the north edge)."""
    size = 2 * HALF_WORLD / 2**z
    min_x = -HALF_WORLD + x * size
    max_y = HALF_WORLD - y * size
    return min_x, max_y - size, min_x + size, max_y


def tile_range(z: int, min_x: float, min_y: float, max_x: float, max_y: float) -> tuple[int, int, int, int]:
    """The XYZ tiles (x0, y0, x1, y1 inclusive) covering a Mercator rectangle at zoom ``z``."""
    n = 2**z
    size = 2 * HALF_WORLD / n

    def clip(v: float) -> int:
        return max(0, min(n - 1, int(math.floor(v))))

    return (
        clip((min_x + HALF_WORLD) / size),
        clip((HALF_WORLD - max_y) / size),
        clip((max_x + HALF_WORLD) / size),
        clip((HALF_WORLD - min_y) / size),
    )


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (within 0.5 % of the ellipsoid: enough for a ward)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * MEAN_RADIUS * math.asin(min(1.0, math.sqrt(h)))


def circle_extent_deg(lat: float, radius_m: float) -> tuple[float, float]:
    """How far (degrees of latitude, of longitude) a circle of ``radius_m`` around a point at
    ``lat`` reaches, on the sphere ``haversine_m`` measures: a box this size holds every
    point that ``haversine_m`` puts inside the circle (a box on 111,320 m a degree was
    0.01 % smaller and lost the points on its rim). Longitude spans the whole world where
    the circle reaches over a pole."""
    angle = radius_m / MEAN_RADIUS
    dlat = math.degrees(angle)
    reach = math.sin(min(angle, math.pi / 2)) / max(1e-12, math.cos(math.radians(lat)))
    dlon = 180.0 if reach >= 1.0 or angle >= math.pi / 2 else math.degrees(math.asin(reach))
    return dlat, dlon


def offset(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    """A point ``north_m``/``east_m`` ground metres away (flat-earth: fine within a few km)."""
    return (lat + north_m / 111_320.0, lon + east_m / (111_320.0 * max(1e-6, math.cos(math.radians(lat)))))


def nice_distance(metres: float) -> float:
    """The largest 1-2-5 × 10ⁿ distance not above ``metres`` (scale-bar lengths)."""
    if metres <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(metres))
    for step in (5, 2, 1):
        if step * power <= metres:
            return step * power
    return power


def format_distance(metres: float) -> str:
    if metres >= 1000:
        km = metres / 1000
        return f"{km:.0f} km" if km >= 10 or km == int(km) else f"{km:.1f} km"
    return f"{metres:.0f} m"


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """'30.26, 120.17' or '30.26 N 120.17 E' → (lat, lon); None when it is not a coordinate."""
    cleaned = text.upper().replace(",", " ").replace("°", " ")
    parts = cleaned.split()
    numbers: list[float] = []
    signs: list[int] = []
    for part in parts:
        if part in ("N", "E"):
            continue
        if part in ("S", "W"):
            if signs:
                signs[-1] = -1
            continue
        hemi = part[-1] if part[-1] in "NSEW" else ""
        try:
            numbers.append(float(part.rstrip("NSEW")))
        except ValueError:
            return None
        signs.append(-1 if hemi in ("S", "W") else 1)
    if len(numbers) != 2:
        return None
    lat, lon = numbers[0] * signs[0], numbers[1] * signs[1]
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
