"""The demo post's register: a few hundred fictional residents along the ward's streets.

Laid along the streets of the generated basemap (mapping/demo_basemap.py) with house
numbers, a handful with no position (an address the map cannot place: listed, not on
the map), and some of those inside the demo's Canal Road evacuation zone already
accounted for, so the zone's progress bar has something to show. Registered in one
bulk insert with one audit entry (the first start must stay quick); the accounting goes
through EvacuationService as the demo supervisor, so shelters' counts follow as live.
Deterministic for a seed; every name and number is made up.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import insert, select

from ops_console.clock import utc_now
from ops_console.db.map_models import Shelter, Zone
from ops_console.db.resident_models import Resident
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.demo.roster import VOLUNTEERS
from ops_console.mapping.demo import _actor
from ops_console.mapping.demo_basemap import STREETS
from ops_console.mapping.geo import offset
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.shift import Shift

from .accounting import EvacuationService
from .geometry import in_ring
from .needs import Need, Whereabouts, store_needs, urgency

RESIDENTS = 320
UNPLACED = 9
IN_RIVERSIDE = 48  # of them, living inside the demo's Canal Road evacuation zone
# mapping/demo.py's evacuation ring (north, east metres); these streets cross it
RIVERSIDE_RING = ((-330, -720), (-360, -150), (-470, -120), (-560, -380), (-520, -760))
RIVERSIDE_STREETS = ("Canal Road", "Orchard Lane", "Ferry Lane")
_FAMILY = (
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
)
_GIVEN = (
    "Guiying",
    "Xiulan",
    "Jianguo",
    "Yumei",
    "Fengying",
    "Zhiqiang",
    "Shuzhen",
    "Baoshan",
    "Lihua",
    "Deming",
)
# weights: most need one thing, some several; mobility is the commonest need of elders
_NEED_WEIGHTS = (
    (Need.MOBILITY, 0.42),
    (Need.HEARING_SIGHT, 0.2),
    (Need.LANGUAGE, 0.12),
    (Need.INFANT, 0.1),
    (Need.OXYGEN, 0.07),
    (Need.DIALYSIS, 0.06),
)


def _needs(rng: random.Random) -> tuple[Need, ...]:
    chosen = {n for n, w in _NEED_WEIGHTS if rng.random() < w}
    return tuple(n for n in Need if n in chosen) or (rng.choice([n for n, _ in _NEED_WEIGHTS]),)


def _along(rng: random.Random, points: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    i = rng.randrange(len(points) - 1)
    (n1, e1), (n2, e2) = points[i], points[i + 1]
    t = rng.random()
    return n1 + (n2 - n1) * t + rng.uniform(-18, 18), e1 + (e2 - e1) * t + rng.uniform(-18, 18)


def _riverside(rng: random.Random) -> tuple[float, float]:
    while True:
        north, east = rng.uniform(-560, -330), rng.uniform(-760, -120)
        if in_ring(north, east, RIVERSIDE_RING):
            return north, east


def _rows(rng: random.Random) -> list[dict[str, Any]]:
    streets = [(name, points) for name, cls, points in STREETS if cls != "service"]
    now, rows = utc_now(), []
    for i in range(RESIDENTS):
        name, points = streets[i % len(streets)]
        if i >= RESIDENTS - IN_RIVERSIDE:
            name = RIVERSIDE_STREETS[i % len(RIVERSIDE_STREETS)]
            north, east = _riverside(rng)
        else:
            north, east = _along(rng, points)
        lat, lon = offset(CENTRE_LAT, CENTRE_LON, north, east)
        placed = i >= UNPLACED
        needs = _needs(rng)
        rows.append(
            {
                "name": f"{_FAMILY[rng.randrange(len(_FAMILY))]} {_GIVEN[rng.randrange(len(_GIVEN))]}",
                "address": f"{name} {rng.randint(1, 160)}"
                + (f", flat {rng.randint(1, 30)}" if rng.random() < 0.3 else ""),
                "street": name,
                "lat": round(lat, 6) if placed else None,
                "lon": round(lon, 6) if placed else None,
                "needs": store_needs(needs),
                "urgency": urgency(needs),
                "contact": f"139 0571 {rng.randint(1000, 9999)}",
                "neighbour_contact": f"Neighbour at no. {rng.randint(1, 160)}: 137 0571 {rng.randint(1000, 9999)}",
                "checker": VOLUNTEERS[rng.randrange(len(VOLUNTEERS))][0],
                "notes": "Lives alone" if rng.random() < 0.4 else "",
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
    return rows


def build_demo_residents(post: Any, seed: int = 7) -> None:
    """Register the demo's residents and account for some inside the evacuation zone."""
    rng = random.Random(seed)
    actor = _actor(post)
    rows = _rows(rng)
    with post.db.write() as s:
        s.execute(insert(Resident), rows)
        audit.append(
            s,
            actor,
            "resident.import",
            "resident",
            None,
            said(N_("Demo register: {n} residents who need help registered"), n=len(rows)),
            after={"count": len(rows)},
        )
        zone_id = s.scalars(select(Zone.id).where(Zone.kind == "evacuation", Zone.active.is_(True))).first()
        shelter_ids = s.scalars(select(Shelter.id).where(Shelter.status == "open").order_by(Shelter.id)).all()
    if zone_id is None or not shelter_ids:
        return
    shift = Shift(actor=actor, exercise=post.shift.exercise)
    evacuation = EvacuationService(post.db, post.bus, shift, post.tasks, post.map.zones)
    ids = evacuation.resident_ids(zone_id)
    rng.shuffle(ids)
    plan = [Whereabouts.EVACUATED] * (len(ids) * 2 // 5) + [Whereabouts.STAYING] * 3
    plan += [Whereabouts.NOT_FOUND] * 2 + [Whereabouts.NEEDS_TRANSPORT] * 3
    for resident_id, whereabouts in zip(ids, plan, strict=False):
        shelter = shelter_ids[0] if whereabouts is Whereabouts.EVACUATED else None
        evacuation.mark(resident_id, whereabouts, shelter)
