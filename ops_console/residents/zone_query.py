"""Residents inside a drawn zone: the position index answers the box, Python the exact shape.

Two steps because neither engine here has a spatial extension (zones are stored as text,
mapping/zones.py): ``lat BETWEEN … AND lon BETWEEN …`` is a range of the (lat, lon, id)
index and returns only the candidates in the zone's bounding box, read from the index
alone; the even-odd test (geometry.py) then keeps those really inside. ``full_scan`` is
the plain way (every resident read and tested) that the benchmark measures against.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.db.resident_models import Resident
from ops_console.mapping.zones import ZoneView

from .geometry import Box, circle_box, in_circle, in_ring, ring_box


def zone_box(zone: ZoneView) -> Box:
    if zone.centre is not None:
        return circle_box(zone.centre[0], zone.centre[1], zone.radius_m or 0.0)
    return ring_box(zone.ring)


def keep_inside(zone: ZoneView, points: Iterable[Any]) -> list[int]:
    """Ids of the (id, lat, lon) points inside ``zone``."""
    if zone.centre is not None:
        centre, radius = zone.centre, zone.radius_m or 0.0
        return [pid for pid, lat, lon in points if in_circle(lat, lon, centre, radius)]
    ring = zone.ring
    return [pid for pid, lat, lon in points if in_ring(lat, lon, ring)]


def ids_in_zone(s: Session, zone: ZoneView) -> list[int]:
    """Ids of the registered residents inside ``zone`` (residents with no position never are)."""
    box = zone_box(zone)
    candidates = s.execute(
        select(Resident.id, Resident.lat, Resident.lon).where(
            Resident.lat.between(box.min_lat, box.max_lat), Resident.lon.between(box.min_lon, box.max_lon)
        )
    )
    return keep_inside(zone, candidates)


def full_scan(s: Session, zone: ZoneView) -> list[int]:
    """The same answer the plain way: every positioned resident read and tested (the baseline)."""
    rows = s.execute(select(Resident.id, Resident.lat, Resident.lon).where(Resident.lat.is_not(None)))
    return keep_inside(zone, rows)
