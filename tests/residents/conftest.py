"""Fixtures for the residents' tests: a few residents around the demo centre and a zone."""

from __future__ import annotations

import pytest

from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.mapping.geo import offset
from ops_console.mapping.zones import ZoneDraft, ZoneKind
from ops_console.residents import Need, ResidentDraft


def at(north: float, east: float) -> tuple[float, float]:
    return offset(CENTRE_LAT, CENTRE_LON, north, east)


SQUARE = tuple(at(n, e) for n, e in ((-100, -100), (-100, 100), (100, 100), (100, -100)))


@pytest.fixture
def at_metres():
    return at


@pytest.fixture
def make_square():
    """Draws a 200 m evacuation square around the centre on the post given."""
    return lambda post: post.map.zones.create(ZoneDraft("Evacuate: centre", ZoneKind.EVACUATION, ring=SQUARE))


def draft(
    name: str, address: str, north: float | None, east: float | None, *needs: Need, **kw
) -> ResidentDraft:
    lat, lon = at(north, east) if north is not None and east is not None else (None, None)
    return ResidentDraft(name, address, lat, lon, tuple(needs), **kw)


@pytest.fixture
def make_draft():
    return draft
