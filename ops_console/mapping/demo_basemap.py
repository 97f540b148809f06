"""Generates the demo post's basemap: Willow Creek ward as GeoJSON, drawn by code.

The demo must show a real-looking map with no tiles and no network, and its streets
must carry the names in ``ops_console.demo.neighbourhood.PLACES`` so an incident at
"Willow Lane 12" sits on Willow Lane. Everything is laid out in metres north/east of
the demo centre and converted to degrees at the end; buildings are placed by a seeded
generator that keeps them off streets, the river and the parks. The output is
deterministic, committed as ``resources/basemaps/willow_creek.geojson``, and rebuilt
with ``python -m ops_console.mapping.demo_basemap``.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON, PLACES

Metres = tuple[float, float]  # north, east
OUTPUT = Path(__file__).resolve().parents[2] / "resources" / "basemaps" / "willow_creek.geojson"
WARD_RADIUS = 1250.0

# name, class, points (north, east)
STREETS: tuple[tuple[str, str, tuple[Metres, ...]], ...] = (
    ("Canal Road", "primary", ((-380, -1400), (-420, -310), (-405, 30), (-440, 600), (-500, 1400))),
    ("North Gate Road", "primary", ((820, -1400), (835, -60), (800, 1400))),
    ("Harbour Street", "secondary", ((-440, 420), (-300, 420), (100, 440), (700, 430), (1200, 420))),
    ("Mill Street", "secondary", ((-230, -100), (-300, 420), (-290, 1400))),
    ("Stone Bridge Road", "secondary", ((-1200, 30), (-480, 30), (-405, 30), (60, 90), (835, 60))),
    ("Ferry Lane", "residential", ((-220, -1400), (-220, -740), (-230, -100))),
    ("Willow Lane", "residential", ((150, -1300), (150, -520), (160, 90), (150, 440))),
    ("Temple Road", "residential", ((-405, -260), (10, -260), (520, -260), (835, -250))),
    ("Lotus Pond Road", "residential", ((-700, -1300), (-700, -420), (-720, 30), (-760, 1300))),
    ("School Lane", "residential", ((520, -800), (520, -180), (520, 430))),
    ("Granary Road", "residential", ((380, -260), (380, 240), (380, 430))),
    ("Bamboo Court", "residential", ((640, 60), (640, 310), (640, 430))),
    ("Market Street", "residential", ((-120, 420), (-120, 610), (-130, 1300))),
    ("Elders' Walk", "residential", ((260, 430), (260, 560), (270, 1200))),
    ("Pump House Lane", "service", ((-440, 780), (-560, 780))),
    ("Orchard Lane", "residential", ((-560, -1100), (-600, -420), (-600, 30))),
    ("East Wharf Road", "residential", ((-860, 300), (-900, 900))),
)
RAILWAY: tuple[Metres, ...] = ((1400, -430), (-420, -310), (-1400, -250))
RIVER: tuple[Metres, ...] = (
    (-380, -1500),
    (-520, -1000),
    (-470, -450),
    (-520, 0),
    (-500, 400),
    (-610, 800),
    (-600, 1200),
    (-680, 1500),
)
RIVER_WIDTH = 46.0
PARKS: tuple[tuple[str, str, tuple[Metres, ...]], ...] = (
    ("Temple Square", "plaza", ((-30, -310), (-30, -210), (50, -210), (50, -310))),
    ("North Gate Park", "park", ((700, -620), (700, -300), (800, -300), (800, -620))),
    ("Riverside Green", "park", ((-420, 480), (-470, 980), (-545, 980), (-530, 700), (-470, 480))),
    ("Plum Blossom school grounds", "school", ((450, -240), (450, -120), (500, -120), (500, -240))),
    ("Lotus Pond", "water", ((-820, -560), (-780, -460), (-830, -380), (-880, -470))),
)
# pre-planned evacuation areas from the ward's flood plan (active zones are drawn in the post)
PLANNED_ZONES: tuple[tuple[str, tuple[Metres, ...]], ...] = (
    ("Flood plan zone A (riverside west)", ((-300, -1250), (-330, -100), (-640, -100), (-640, -1250))),
    ("Flood plan zone B (riverside east)", ((-360, 120), (-380, 1250), (-760, 1250), (-700, 120))),
)
LANDMARK_KINDS = {
    "school": "school",
    "health": "health",
    "market": "market",
    "pumping": "utility",
    "substation": "utility",
    "bridge": "bridge",
    "day-care": "care",
    "car park": "parking",
    "temple": "civic",
    "granary": "housing",
    "bamboo": "housing",
}


def to_lon_lat(north: float, east: float) -> list[float]:
    lat = CENTRE_LAT + north / 111_320.0
    lon = CENTRE_LON + east / (111_320.0 * math.cos(math.radians(CENTRE_LAT)))
    return [round(lon, 7), round(lat, 7)]


def _segment_distance(p: Metres, a: Metres, b: Metres) -> float:
    (py, px), (ay, ax), (by, bx) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _line_distance(p: Metres, line: tuple[Metres, ...]) -> tuple[float, float]:
    """Distance to a polyline and the direction (radians, east-based) of the nearest segment."""
    best, angle = math.inf, 0.0
    for a, b in zip(line, line[1:]):
        d = _segment_distance(p, a, b)
        if d < best:
            best, angle = d, math.atan2(b[0] - a[0], b[1] - a[1])
    return best, angle


def _inside(p: Metres, ring: tuple[Metres, ...]) -> bool:
    inside, (y, x) = False, p
    for (y1, x1), (y2, x2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _buffer(line: tuple[Metres, ...], half_width: float) -> list[Metres]:
    """A polygon around a polyline (mitred offsets): the river's banks."""
    left, right = [], []
    for i, (n, e) in enumerate(line):
        a, b = line[max(0, i - 1)], line[min(len(line) - 1, i + 1)]
        dn, de = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dn, de) or 1.0
        left.append((n + de / length * half_width, e - dn / length * half_width))
        right.append((n - de / length * half_width, e + dn / length * half_width))
    return left + right[::-1]


def _feature(layer: str, geometry: dict, **props: object) -> dict:
    return {"type": "Feature", "properties": {"layer": layer, **props}, "geometry": geometry}


def _polygon(ring: list[Metres] | tuple[Metres, ...]) -> dict:
    coords = [to_lon_lat(n, e) for n, e in ring]
    return {"type": "Polygon", "coordinates": [coords + [coords[0]]]}


def _buildings(rng: random.Random) -> list[dict]:
    """Building footprints on a jittered lattice, turned to face the nearest street."""
    out, step = [], 38.0
    parks = [p[2] for p in PARKS]
    for row in range(-34, 35):
        for col in range(-34, 35):
            n, e = row * step + rng.uniform(-6, 6), col * step + rng.uniform(-6, 6)
            if math.hypot(n, e) > WARD_RADIUS - 40 or rng.random() < 0.16:
                continue
            road, angle = min((_line_distance((n, e), s[2]) for s in STREETS), key=lambda t: t[0])
            if (
                road < 22
                or _line_distance((n, e), RIVER)[0] < RIVER_WIDTH + 30
                or _line_distance((n, e), RAILWAY)[0] < 24
                or any(_inside((n, e), p) for p in parks)
            ):
                continue
            if road > 150 and rng.random() < 0.55:
                continue  # fields and yards further from the streets
            w, d = rng.uniform(14, 30), rng.uniform(10, 20)
            ca, sa = math.cos(angle), math.sin(angle)
            corners = [
                (n + x * sa + y * ca, e + x * ca - y * sa)
                for x, y in ((-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2))
            ]
            out.append(_feature("buildings", _polygon(corners), **{"class": "building"}))
    return out


def _landmark_kind(name: str) -> str:
    low = name.lower()
    return next((kind for word, kind in LANDMARK_KINDS.items() if word in low), "place")


def build_basemap(seed: int = 7) -> dict:
    """The whole ward as one FeatureCollection; each feature says its ``layer``."""
    rng = random.Random(seed)
    features: list[dict] = []
    ward = [
        (
            WARD_RADIUS * math.sin(a / 36 * 2 * math.pi) * (1 + 0.05 * math.sin(a)),
            WARD_RADIUS * math.cos(a / 36 * 2 * math.pi),
        )
        for a in range(36)
    ]
    features.append(_feature("boundary", _polygon(ward), name="Willow Creek ward", **{"class": "ward"}))
    for name, ring in PLANNED_ZONES:
        features.append(_feature("planned_zones", _polygon(ring), name=name, **{"class": "evacuation"}))
    for name, kind, ring in PARKS:
        features.append(_feature("landuse", _polygon(ring), name=name, **{"class": kind}))
    features.append(
        _feature(
            "water", _polygon(_buffer(RIVER, RIVER_WIDTH / 2)), name="Willow Creek", **{"class": "river"}
        )
    )
    features.extend(_buildings(rng))
    features.append(
        _feature(
            "railway",
            {"type": "LineString", "coordinates": [to_lon_lat(n, e) for n, e in RAILWAY]},
            name="Riverside freight line",
            **{"class": "rail"},
        )
    )
    for name, cls, points in STREETS:
        features.append(
            _feature(
                "streets",
                {"type": "LineString", "coordinates": [to_lon_lat(n, e) for n, e in points]},
                name=name,
                **{"class": cls},
            )
        )
    for place in PLACES:
        features.append(
            _feature(
                "landmarks",
                {"type": "Point", "coordinates": [place.lon, place.lat]},
                name=place.name,
                **{"class": _landmark_kind(place.name)},
            )
        )
    return {
        "type": "FeatureCollection",
        "name": "Willow Creek ward (fictional demo)",
        "attribution": "Demo basemap generated by Ops Console — fictional places",
        "features": features,
    }


def write_basemap(path: Path = OUTPUT, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(build_basemap(seed), separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


if __name__ == "__main__":
    print(write_basemap())
