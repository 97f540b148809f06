"""The demo post's stores: about 50 items in 3 depots, 4 shelters and 6 team kits, three
weeks of movements behind them, two items below minimum, one lot about to expire and
three open requests from the field.

Everything goes through InventoryService (as the logistics officer on the demo roster),
so the demo's ledger, balances and audit entries are exactly what the console writes.
Deterministic for a given seed and start time, so screenshots are repeatable.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.inventory_models import StockItem, StockLocation, StockThreshold
from ops_console.db.models import Incident, Operator, Team
from ops_console.demo.neighbourhood import PLACES
from ops_console.domain import Priority, Role
from ops_console.events import EventBus
from ops_console.post import Post
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.services.audit import SYSTEM, Actor
from ops_console.shift import Shift

from . import ledger, queries
from .ledger import InsufficientStock
from .service import InventoryService
from .views import LocationKind, MovementDraft, MovementKind, RequestDraft

# name, category, unit, critical, perishable (lots with expiry), depot stock at the start
CATALOGUE: tuple[tuple[str, str, str, bool, bool, int], ...] = (
    ("Sandbags, filled", "Flood defence", "bag", True, False, 1200),
    ("Sandbags, empty", "Flood defence", "bag", False, False, 3000),
    ("Flood barrier, 2 m", "Flood defence", "section", True, False, 40),
    ("Sand", "Flood defence", "tonne", False, False, 30),
    ("Plastic sheeting 4x6 m", "Flood defence", "sheet", False, False, 150),
    ('Submersible pump 2"', "Pumps & power", "pump", True, False, 12),
    ('Trash pump 3"', "Pumps & power", "pump", True, False, 6),
    ("Discharge hose 20 m", "Pumps & power", "length", False, False, 40),
    ("Generator 5 kVA", "Pumps & power", "unit", True, False, 8),
    ("Petrol can 20 l", "Pumps & power", "can", True, False, 60),
    ("Extension reel 25 m", "Pumps & power", "reel", False, False, 30),
    ("Bottled water 1.5 l", "Water & food", "pack of 6", True, True, 900),
    ("Water pouch 0.5 l", "Water & food", "box of 48", False, True, 120),
    ("Ready meal", "Water & food", "box of 12", False, True, 200),
    ("Energy bars", "Water & food", "box of 24", False, True, 150),
    ("Baby formula", "Water & food", "tin", True, True, 60),
    ("Water purification tablets", "Water & food", "strip of 50", False, True, 100),
    ("First-aid kit, large", "Medical", "kit", True, False, 40),
    ("First-aid kit, belt", "Medical", "kit", True, False, 80),
    ("Oral rehydration salts", "Medical", "box of 20", True, True, 60),
    ("Bandages, assorted", "Medical", "pack", False, True, 200),
    ("Nitrile gloves M", "Medical", "box of 100", False, False, 120),
    ("Nitrile gloves L", "Medical", "box of 100", False, False, 120),
    ("Thermal blanket (foil)", "Medical", "each", False, False, 400),
    ("Stretcher, folding", "Medical", "each", True, False, 12),
    ("AED pads", "Medical", "pair", True, True, 20),
    ("Blanket, wool", "Shelter", "each", True, False, 600),
    ("Camp bed", "Shelter", "each", True, False, 250),
    ("Sleeping mat", "Shelter", "each", False, False, 300),
    ("Hygiene kit", "Shelter", "kit", False, False, 300),
    ("Nappies size 4", "Shelter", "pack", False, False, 80),
    ("Towels", "Shelter", "each", False, False, 300),
    ("Rubbish sacks", "Shelter", "roll of 20", False, False, 100),
    ("Head torch", "Lighting & tools", "each", False, False, 120),
    ("AA batteries", "Lighting & tools", "pack of 24", True, False, 150),
    ("Floodlight, LED", "Lighting & tools", "unit", False, False, 16),
    ("Shovel", "Lighting & tools", "each", False, False, 80),
    ("Chainsaw", "Lighting & tools", "unit", False, False, 4),
    ("Crowbar", "Lighting & tools", "each", False, False, 20),
    ("Barrier tape", "Lighting & tools", "roll", False, False, 100),
    ("Traffic cone", "Lighting & tools", "each", False, False, 120),
    ("Handheld radio", "Communications", "unit", True, False, 30),
    ("Radio battery pack", "Communications", "each", True, False, 60),
    ("Megaphone", "Communications", "unit", False, False, 10),
    ("Hi-vis vest", "PPE", "each", False, False, 200),
    ("Rubber boots 42", "PPE", "pair", False, False, 60),
    ("Rubber boots 44", "PPE", "pair", False, False, 60),
    ("Waders", "PPE", "pair", True, False, 24),
    ("Rain poncho", "PPE", "each", False, False, 400),
    ("Helmet", "PPE", "each", False, False, 60),
)
DEPOTS = ("North Gate car park", "East pumping station", "Temple Square")
SHELTERS = (
    "Plum Blossom primary school",
    "Elders' day-care centre",
    "Community health station",
    "Riverside market",
)
TEAM_NAMES = ("Canal Watch", "First Aid", "Fire Wardens", "Logistics Runners", "Elder Care", "Road Crew")
SHELTER_ITEMS = (
    "Bottled water 1.5 l",
    "Blanket, wool",
    "Camp bed",
    "Ready meal",
    "Hygiene kit",
    "First-aid kit, large",
    "Baby formula",
    "Towels",
)
KIT_ITEMS = (
    "First-aid kit, belt",
    "Radio battery pack",
    "Head torch",
    "Sandbags, filled",
    "Bottled water 1.5 l",
)
DAYS = 21


def _actor(post: Post) -> Actor:
    with post.db.read() as s:
        op = s.scalars(
            select(Operator).where(Operator.role == Role.LOGISTICS.value, Operator.active.is_(True))
        ).first()
    return Actor(op.id, op.name, op.role) if op else SYSTEM


def build_demo_inventory(post: Post, now: datetime | None = None, seed: int = 7) -> InventoryService:
    """Fill the post's stores; returns the service it used (handy for tests and the CLI).

    The history is written in one transaction through the ledger itself (balances and
    audit entries included), which keeps the demo to a second or two.
    """
    now, rng = now or utc_now(), random.Random(seed)
    actor = _actor(post)
    inv = InventoryService(post.db, EventBus(), Shift(actor=actor, exercise=post.shift.exercise))
    start = now - timedelta(days=DAYS)
    places = {p.name: p for p in PLACES}
    with post.db.write() as s:
        # the session's identity map holds rows weakly: keeping the teams and incidents (and
        # below the items and locations) here lets the ledger's lookups of them for each of
        # the ~500 movements come from memory instead of a SELECT each
        held: list[object] = list(s.scalars(select(Team)))
        teams = {t.name: t.id for t in held if isinstance(t, Team)}
        open_incidents = list(
            s.scalars(select(Incident).where(Incident.status != "closed").order_by(Incident.id))
        )
        held += open_incidents
        incidents = [incident.id for incident in open_incidents]
        items = {}
        for i, (name, cat, unit, crit, _per, _qty) in enumerate(CATALOGUE):
            items[name] = _add(
                s,
                actor,
                StockItem(
                    name=name,
                    category=cat,
                    unit=unit,
                    critical=crit,
                    barcode=f"69{4000000 + i * 37:07d}{i % 10}",
                ),
                start,
                held,
            )
        depots = [
            _add(
                s,
                actor,
                StockLocation(name=f"Depot {n}", kind="depot", lat=places[n].lat, lon=places[n].lon),
                start,
                held,
            )
            for n in DEPOTS
        ]
        shelters = [
            _add(
                s,
                actor,
                StockLocation(name=f"Shelter {n}", kind="shelter", lat=places[n].lat, lon=places[n].lon),
                start,
                held,
            )
            for n in SHELTERS
        ]
        kits = [
            _add(s, actor, StockLocation(name=f"{n} kit", kind="team", team_id=teams.get(n)), start, held)
            for n in TEAM_NAMES
        ]
        team_ids: list[int | None] = list(teams.values()) or [None]

        def record(draft: MovementDraft, at: datetime) -> None:
            # no savepoint per movement: the ledger refuses a short outflow before it writes
            # anything (tests/inventory pin that), and 500 savepoints were a third of the demo
            try:
                ledger.record(s, actor, draft, exercise=False, at=at)
            except InsufficientStock:
                pass  # the random walk asked for more than is left: skip, as a real officer would

        for n, (name, _c, _u, _crit, per, qty) in enumerate(CATALOGUE):
            for d, depot in enumerate(depots):
                share = max(qty // (d + 2), 2)
                record(
                    MovementDraft(
                        MovementKind.RECEIVE,
                        items[name],
                        share,
                        to_location_id=depot,
                        lot=f"L{24 + d}{n:02d}" if per else "",
                        expires_on=(now + timedelta(days=rng.randint(90, 500))).date() if per else None,
                        reason="Opening stock",
                    ),
                    start + timedelta(minutes=n + 60 * d),
                )
                s.add(
                    StockThreshold(
                        item_id=items[name], location_id=depot, minimum=max(share // 6, 1), target=share
                    )
                )
        opening = {name: qty // 2 for name, *_r, qty in CATALOGUE}
        for shelter in shelters:
            for name in SHELTER_ITEMS:
                target = max(min(30, opening[name] // 6), 2)
                s.add(
                    StockThreshold(
                        item_id=items[name], location_id=shelter, minimum=max(target // 4, 1), target=target
                    )
                )
                record(
                    MovementDraft(
                        MovementKind.TRANSFER,
                        items[name],
                        target,
                        from_location_id=depots[0],
                        to_location_id=shelter,
                        reason="Shelter opened",
                    ),
                    start + timedelta(hours=6),
                )
        for kit in kits:
            for name in KIT_ITEMS:
                s.add(StockThreshold(item_id=items[name], location_id=kit, minimum=1, target=4))
                record(
                    MovementDraft(
                        MovementKind.TRANSFER,
                        items[name],
                        4,
                        from_location_id=depots[1],
                        to_location_id=kit,
                        reason="Team kit packed",
                    ),
                    start + timedelta(hours=8),
                )
        names = list(items)
        for day in range(1, DAYS):
            for _ in range(14):
                at = start + timedelta(days=day, minutes=rng.randint(0, 1379))
                item, depot, roll = items[rng.choice(names)], rng.choice(depots), rng.random()
                if roll < 0.45:
                    team = rng.choice(team_ids)
                    incident = (
                        rng.choice(incidents) if incidents and (team is None or rng.random() < 0.4) else None
                    )
                    kind = MovementKind.ISSUE if team or incident else MovementKind.CONSUME
                    record(
                        MovementDraft(
                            kind,
                            item,
                            rng.randint(1, 6),
                            from_location_id=depot,
                            team_id=team,
                            incident_id=incident,
                        ),
                        at,
                    )
                elif roll < 0.75:
                    record(
                        MovementDraft(
                            MovementKind.CONSUME,
                            items[rng.choice(SHELTER_ITEMS)],
                            rng.randint(1, 4),
                            from_location_id=rng.choice(shelters),
                        ),
                        at,
                    )
                elif roll < 0.95:
                    record(
                        MovementDraft(
                            MovementKind.RETURN,
                            item,
                            rng.randint(1, 3),
                            to_location_id=depot,
                            team_id=rng.choice(team_ids),
                        ),
                        at,
                    )
                else:
                    record(
                        MovementDraft(
                            MovementKind.ADJUST, item, 1, from_location_id=depot, reason="Damaged in handling"
                        ),
                        at,
                    )
            _resupply(s, record, start + timedelta(days=day, hours=23), depots[0])
        _set_the_scene(s, record, items, depots, shelters, team_ids[0], now)
    _requests(inv, items, shelters, kits, now, teams, incidents)
    return inv


def _add(s: Session, actor: Actor, row: StockItem | StockLocation, at: datetime, held: list[object]) -> int:
    s.add(row)
    held.append(row)  # see build_demo_inventory: the ledger finds it in memory
    s.flush()
    entity = "stock_item" if isinstance(row, StockItem) else "stock_location"
    audit.append(
        s,
        actor,
        f"stock.{entity.split('_')[1]}_add",
        entity,
        row.id,
        said(
            N_("Item added: {name} ({category}, {unit})"), name=row.name, category=row.category, unit=row.unit
        )
        if isinstance(row, StockItem)
        else said(N_("Stock location added: {name} ({kind})"), name=row.name, kind=row.kind),
        after={"name": row.name},
        at=at,
    )
    return row.id


def _resupply(s: Session, record, at: datetime, main_depot: int) -> None:  # type: ignore[no-untyped-def]
    """The evening delivery: depots are restocked to target, shelters and kits from the main depot."""
    depots_first = sorted(
        queries.levels(s, exercise=False, now=at, rate_days=7),
        key=lambda lv: lv.location_kind != LocationKind.DEPOT,
    )
    for lv in depots_first:
        if lv.minimum and lv.quantity < lv.minimum:
            short = lv.target - lv.quantity
            if lv.location_kind == LocationKind.DEPOT:
                record(
                    MovementDraft(
                        MovementKind.RECEIVE,
                        lv.item_id,
                        short,
                        to_location_id=lv.location_id,
                        reason="Evening delivery",
                    ),
                    at,
                )
            else:
                record(
                    MovementDraft(
                        MovementKind.TRANSFER,
                        lv.item_id,
                        short,
                        from_location_id=main_depot,
                        to_location_id=lv.location_id,
                        reason="Evening resupply",
                    ),
                    at,
                )


def _set_the_scene(
    s: Session,
    record,
    items: dict[str, int],
    depots: list[int],
    shelters: list[int],  # type: ignore[no-untyped-def]
    team: int | None,
    now: datetime,
) -> None:
    """Two items below minimum and one lot about to expire, whatever the random walk did."""
    levels = {
        (lv.item_id, lv.location_id): lv for lv in queries.levels(s, exercise=False, now=now, rate_days=7)
    }
    for name, place, kind in (
        ("Sandbags, filled", depots[0], MovementKind.ISSUE),
        ("Bottled water 1.5 l", shelters[0], MovementKind.CONSUME),
    ):
        lv = levels[(items[name], place)]
        surplus = lv.quantity - max(lv.minimum // 2, 1)
        kind = kind if team else MovementKind.CONSUME
        if surplus > 0:
            record(
                MovementDraft(
                    kind,
                    items[name],
                    surplus,
                    from_location_id=place,
                    team_id=team if kind == MovementKind.ISSUE else None,
                    reason="Canal Road underpass wall" if kind == MovementKind.ISSUE else "Evening meal",
                ),
                now - timedelta(hours=2),
            )
    record(
        MovementDraft(
            MovementKind.RECEIVE,
            items["Oral rehydration salts"],
            12,
            to_location_id=depots[2],
            lot="ORS-2311",
            expires_on=(now + timedelta(days=5)).date(),
            reason="Donation from the health station",
        ),
        now - timedelta(days=3),
    )


def _requests(
    inv: InventoryService,
    items: dict[str, int],
    shelters: list[int],
    kits: list[int],
    now: datetime,
    teams: dict[str, int],
    incidents: list[int],
) -> None:
    first = inv.create_request(
        RequestDraft(
            "CANAL-1 (Canal Watch)",
            items["Sandbags, filled"],
            300,
            Priority.URGENT,
            now + timedelta(hours=1),
            deliver_to_text="Canal Road underpass",
            team_id=teams.get("Canal Watch"),
            incident_id=incidents[0] if incidents else None,
            source_text="NEED 300 FILLED SANDBAGS AT CANAL RD UNDERPASS URGENT",
        ),
        at=now - timedelta(minutes=50),
    )
    inv.approve(first.id, first.version, "Runner team loading at North Gate")
    inv.create_request(
        RequestDraft(
            "Shelter lead, Plum Blossom school",
            items["Blanket, wool"],
            80,
            Priority.HIGH,
            now + timedelta(hours=4),
            deliver_to_location_id=shelters[0],
        ),
        at=now - timedelta(minutes=35),
    )
    inv.create_request(
        RequestDraft(
            "MED-2 (First Aid)",
            items["Oral rehydration salts"],
            10,
            Priority.NORMAL,
            None,
            deliver_to_location_id=kits[1],
            team_id=teams.get("First Aid"),
        ),
        at=now - timedelta(minutes=12),
    )
