"""The demo post's map records: a dozen risk points, four shelters and two zones.

Written through the map's services as the demo supervisor, so the demo's audit trail
is exactly what the console writes. Positions are metres from the demo centre, laid
onto the generated basemap (risk points on its lanes, shelters in its big buildings).
Deterministic for a given seed; some inspections are deliberately overdue so the
register has something to highlight.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.models import Operator
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.domain import Role
from ops_console.mapping.geo import offset
from ops_console.services.audit import SYSTEM, Actor
from ops_console.shift import Shift

from .risks import Mitigation, RiskDraft, RiskKind, RiskLevel, RiskService
from .services import MapServices
from .shelters import ShelterDraft, ShelterService, ShelterStatus
from .zones import ZoneDraft, ZoneKind, ZoneService

# name, kind, level, north, east, inspect every (days), mitigation
RISKS: tuple[tuple[str, RiskKind, RiskLevel, float, float, int, Mitigation], ...] = (
    (
        "Canal Road underpass sump",
        RiskKind.FLOOD_PRONE_LANE,
        RiskLevel.VERY_HIGH,
        -430,
        -330,
        7,
        Mitigation.IN_PROGRESS,
    ),
    ("Willow Lane low point", RiskKind.FLOOD_PRONE_LANE, RiskLevel.HIGH, 140, -600, 14, Mitigation.PLANNED),
    (
        "Old Granary block C, cracked gable",
        RiskKind.OLD_BUILDING,
        RiskLevel.HIGH,
        395,
        215,
        30,
        Mitigation.PLANNED,
    ),
    ("Bamboo Court retaining wall", RiskKind.SLOPE, RiskLevel.MEDIUM, 665, 330, 30, Mitigation.NONE),
    (
        "Paint store behind Riverside market",
        RiskKind.CHEMICAL_STORE,
        RiskLevel.HIGH,
        -95,
        650,
        60,
        Mitigation.DONE,
    ),
    ("Mill Street drain grating", RiskKind.BLOCKED_DRAIN, RiskLevel.MEDIUM, -285, 180, 7, Mitigation.NONE),
    ("Temple Road camphor tree", RiskKind.TREE, RiskLevel.MEDIUM, 260, -245, 90, Mitigation.NONE),
    ("Ferry Lane overhead line", RiskKind.POWER_LINE, RiskLevel.HIGH, -205, -820, 30, Mitigation.PLANNED),
    ("Lotus Pond embankment", RiskKind.SLOPE, RiskLevel.HIGH, -760, -470, 14, Mitigation.IN_PROGRESS),
    (
        "East Wharf fuel depot",
        RiskKind.CHEMICAL_STORE,
        RiskLevel.VERY_HIGH,
        -880,
        640,
        30,
        Mitigation.PLANNED,
    ),
    (
        "Stone Bridge abutment scour",
        RiskKind.FLOOD_PRONE_LANE,
        RiskLevel.MEDIUM,
        -455,
        60,
        30,
        Mitigation.NONE,
    ),
    ("Harbour Street tenements 19-23", RiskKind.OLD_BUILDING, RiskLevel.LOW, 30, 465, 180, Mitigation.NONE),
)
FINDINGS = (
    "Water pooling after rain, marked off.",
    "No change since last visit.",
    "Crack widened by 2 mm.",
    "Cleared debris; flows again.",
    "Residents informed; signage in place.",
)
# name, north, east, capacity, occupancy, status, facilities, contact
SHELTERS: tuple[tuple[str, float, float, int, int, ShelterStatus, tuple[str, ...], str], ...] = (
    (
        "Plum Blossom primary school hall",
        545,
        -150,
        220,
        134,
        ShelterStatus.OPEN,
        ("beds", "kitchen", "accessible toilets", "generator"),
        "Head teacher Ma Lan",
    ),
    (
        "North Gate sports centre",
        760,
        -420,
        400,
        400,
        ShelterStatus.FULL,
        ("beds", "showers", "first aid", "pets"),
        "Warden Guo Tao",
    ),
    (
        "Temple Square community hall",
        75,
        -330,
        120,
        37,
        ShelterStatus.OPEN,
        ("kitchen", "heating"),
        "Warden Lin Rui",
    ),
    (
        "Elders' day-care centre (overflow)",
        290,
        600,
        60,
        0,
        ShelterStatus.CLOSED,
        ("accessible toilets", "medical room"),
        "Nurse He Yan",
    ),
)


def _actor(post) -> Actor:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        op = s.scalars(select(Operator).where(Operator.role == Role.SUPERVISOR.value).limit(1)).first()
    return Actor(op.id, op.name, op.role) if op else SYSTEM


def _at(north: float, east: float) -> tuple[float, float]:
    lat, lon = offset(CENTRE_LAT, CENTRE_LON, north, east)
    return round(lat, 6), round(lon, 6)


def build_demo_map(post, seed: int = 7) -> MapServices:  # type: ignore[no-untyped-def]
    """Add the demo's risk points, shelters and zones to ``post``; returns the services used."""
    rng, now = random.Random(seed), utc_now()
    shift = Shift(actor=_actor(post), exercise=post.shift.exercise)
    services = MapServices(
        RiskService(post.db, post.bus, shift),
        ShelterService(post.db, post.bus, shift),
        ZoneService(post.db, post.bus, shift),
    )
    for name, kind, level, north, east, every, mitigation in RISKS:
        lat, lon = _at(north, east)
        risk = services.risks.create(
            RiskDraft(name, kind, level, lat, lon, inspect_every_days=every, mitigation=mitigation),
            reported_at=now - timedelta(days=rng.randint(60, 400)),
        )
        overdue = rng.random() < 0.35
        visits = rng.randint(1, 3)
        for visit in range(visits):  # oldest first; the newest decides whether it is overdue
            days_ago = every * (1.3 if overdue else 0.4) + (visits - 1 - visit) * every * 0.8
            services.risks.log_inspection(
                risk.id,
                rng.choice(FINDINGS),
                level,
                at=now - timedelta(days=days_ago, hours=rng.randint(0, 8)),
            )
    for name, north, east, capacity, occupancy, status, facilities, contact in SHELTERS:
        lat, lon = _at(north, east)
        services.shelters.create(
            ShelterDraft(name, lat, lon, capacity, occupancy, status, facilities, contact)
        )
    ring = tuple(_at(n, e) for n, e in ((-330, -720), (-360, -150), (-470, -120), (-560, -380), (-520, -760)))
    services.zones.create(
        ZoneDraft(
            "Evacuate: Canal Road riverside",
            ZoneKind.EVACUATION,
            ring=ring,
            notes="Ground floors below the 4 m flood line; go to Plum Blossom school hall.",
        )
    )
    services.zones.create(
        ZoneDraft(
            "Warning: East Wharf fuel depot",
            ZoneKind.WARNING,
            centre=_at(-880, 640),
            radius_m=220.0,
            notes="Keep windows shut; no naked flames.",
        )
    )
    return services
