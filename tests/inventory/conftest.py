"""Fixtures for the inventory: the service on a real post, and a small stocked catalogue."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ops_console.inventory import InventoryService, ItemView, LocationKind, LocationView


@dataclass
class Stores:
    """A depot, a shelter and a team kit, with sandbags and bottled water in the depot."""

    inv: InventoryService
    sandbags: ItemView
    water: ItemView
    depot: LocationView
    shelter: LocationView
    kit: LocationView
    team_id: int


def stock(post) -> Stores:
    from ops_console.db.models import Team

    with post.db.write() as s:
        team = Team(name="Canal Watch", callsign="CANAL-1")
        s.add(team)
        s.flush()
        team_id = team.id
    inv = InventoryService(post.db, post.bus, post.shift)
    sandbags = inv.add_item("Sandbags, filled", "Flood defence", "bag", critical=True, barcode="6940001")
    water = inv.add_item("Bottled water 1.5 l", "Water & food", "pack of 6", barcode="6940002")
    depot = inv.add_location("Depot North Gate", LocationKind.DEPOT, lat=30.267, lon=120.169)
    shelter = inv.add_location("Shelter Plum Blossom school", LocationKind.SHELTER, lat=30.264, lon=120.168)
    kit = inv.add_location("Canal Watch kit", LocationKind.TEAM, team_id=team_id)
    inv.receive(sandbags.id, depot.id, 100)
    inv.receive(water.id, depot.id, 40)
    return Stores(inv, sandbags, water, depot, shelter, kit, team_id)


@pytest.fixture
def stores(post) -> Stores:
    return stock(post)


@pytest.fixture
def any_stores(any_post) -> Stores:
    return stock(any_post)
