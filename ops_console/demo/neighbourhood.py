"""The demo post's fictional neighbourhood: Willow Creek ward, its streets and landmarks.

Places have fixed coordinates around one centre so that incidents, tasks and (later)
the map, sirens and shelters all line up. Nothing here is a real address.
"""

from __future__ import annotations

from dataclasses import dataclass

CENTRE_LAT = 30.2600
CENTRE_LON = 120.1700
POST_NAME = "Willow Creek Community Command Post"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float


def _at(name: str, north_m: float, east_m: float) -> Place:
    """A place offset from the centre in metres (good enough at this scale)."""
    lat = CENTRE_LAT + north_m / 111_320.0
    lon = CENTRE_LON + east_m / (111_320.0 * 0.8643)  # cos(30.26°)
    return Place(name, round(lat, 6), round(lon, 6))


PLACES: tuple[Place, ...] = (
    _at("Canal Road underpass", -420, -310),
    _at("Willow Lane 12", 150, -520),
    _at("Old Granary flats, block C", 380, 240),
    _at("Riverside market", -120, 610),
    _at("Plum Blossom primary school", 520, -180),
    _at("Harbour Street / Mill Street junction", -300, 420),
    _at("Community health station", 60, 90),
    _at("East pumping station", -560, 780),
    _at("Stone Bridge", -480, 30),
    _at("Elders' day-care centre", 260, 560),
    _at("Bamboo Court, building 4", 640, 310),
    _at("Substation 3, Ferry Lane", -220, -740),
    _at("North Gate car park", 820, -60),
    _at("Temple Square", 10, -260),
    _at("Lotus Pond Road 88", -700, -420),
)
