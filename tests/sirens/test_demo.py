"""The demo helpers the --demo start-up calls: six placed sirens and a running simulated bus."""

from __future__ import annotations

from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.hardware.sirens import SirenBus
from ops_console.sirens.demo import build_demo_sirens, start_demo_bus


def test_demo_sirens_are_placed_once_around_the_ward(post):
    service = build_demo_sirens(post)
    build_demo_sirens(post, service)  # a second start adds nothing
    sirens = service.list_sirens()
    assert [s.unit_id for s in sirens] == [1, 2, 3, 4, 5, 6]
    assert all(abs(s.lat - CENTRE_LAT) < 0.01 and abs(s.lon - CENTRE_LON) < 0.01 for s in sirens)
    assert all(500 <= s.audible_radius_m <= 800 for s in sirens)


def test_the_demo_bus_answers_through_the_real_driver():
    sim = start_demo_bus()
    try:
        with SirenBus(sim.port_url, timeout=0.2) as bus:
            statuses = bus.poll_all(range(1, 7))
        assert all(not isinstance(s, Exception) for s in statuses.values())
        assert statuses[6].battery_v < statuses[1].battery_v  # the fleet is not all alike
    finally:
        sim.stop()
