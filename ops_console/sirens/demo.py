"""The demo's six sirens around Willow Creek ward, and a simulated bus for them to live on."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from ops_console.db.siren_models import Siren
from ops_console.demo.neighbourhood import _at
from ops_console.hardware.simulators.siren_bus import SimulatedSirenBus
from ops_console.services.audit import SYSTEM
from ops_console.sirens.service import SirenService

log = logging.getLogger(__name__)
DEMO_BUS = "sirens"

# (name, unit, metres north, metres east, audible radius m)
DEMO_SIRENS = (
    ("S1 North Gate", 1, 760, -80, 650),
    ("S2 Plum Blossom school", 2, 470, -420, 600),
    ("S3 Temple Square", 3, 20, -240, 700),
    ("S4 Riverside market", 4, -140, 580, 650),
    ("S5 Stone Bridge", 5, -500, 60, 600),
    ("S6 East pumping station", 6, -560, 760, 750),
)


def build_demo_sirens(post, service: SirenService | None = None) -> SirenService:
    """Put the six demo sirens in the post's database (once); returns the service used."""
    service = (
        service
        or getattr(post, "sirens", None)
        or SirenService(post.db, post.bus, post.shift, post.operators)
    )
    with post.db.read() as s:
        if s.scalar(select(func.count()).select_from(Siren)):
            return service
    for name, unit, north, east, radius in DEMO_SIRENS:
        place = _at(name, north, east)
        service.add_siren(
            name, unit, place.lat, place.lon, audible_radius_m=radius, bus_name=DEMO_BUS, by=SYSTEM
        )
    return service


def start_demo_bus(units=range(1, 7)) -> SimulatedSirenBus:
    """Six simulated controllers on a pseudo-terminal (loopback TCP where there is none), running.

    Give ``bus.port_url`` to ``SirenRuntime(service, {"sirens": bus.port_url})``; ``bus.stop()`` at exit.
    """
    try:
        bus = SimulatedSirenBus(units, transport="pty")
        bus.start()
    except (OSError, ImportError, AttributeError) as exc:
        log.info("no pseudo-terminal for the siren simulator (%s); using loopback TCP", exc)
        bus = SimulatedSirenBus(units, transport="tcp")
        bus.start()
    vary_demo_fleet(bus)
    return bus


def vary_demo_fleet(bus: SimulatedSirenBus) -> None:
    """A little variety, as in any real fleet: batteries and cabinet temperatures differ."""
    with bus.lock:
        for unit, cv, temp in zip(
            sorted(bus.sirens), (2718, 2694, 2731, 2655, 2702, 2589), (183, 201, 176, 224, 195, 212)
        ):
            bus.sirens[unit].battery_cv = float(cv)
            bus.sirens[unit].temperature_dc = temp
