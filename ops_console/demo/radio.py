"""The demo's radios: a simulated RYLR896 with field teams and a simulated Meshtastic node
with neighbours, each reached through the real driver.

A pty where the platform has one, else a loopback TCP port (``socket://``), so the
demo shows live traffic, acks and the outbox working without any hardware.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from ops_console.hardware.lora.airtime import Modulation
from ops_console.hardware.simulators.endpoints import PtyEndpoint, TcpEndpoint
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import FieldTeam, Gauge

from .neighbourhood import CENTRE_LAT, CENTRE_LON

if TYPE_CHECKING:
    from ops_console.hardware.simulators.mesh_node import SimulatedMeshNode

DEMO_GAUGES = (  # rising through the demo: the river's levels are reached within half an hour
    Gauge("RG1-level", "water_level", "m", 2.2, 0.05, noise=0.01, ceiling=4.2),
    Gauge("RN1-rain", "rain_gauge", "mm", 6.0, 0.8, noise=0.3, ceiling=60.0),
    Gauge("RN2-rain", "rain_gauge", "mm", 4.0, 0.6, noise=0.3, ceiling=55.0),
    Gauge("WD1-wind", "wind", "m/s", 8.0, 0.3, noise=0.8, ceiling=32.0),
)
DEMO_TEAMS = (  # the demo roster's team callsigns, plus the sensor nodes (ops_console/sensors/demo.py)
    FieldTeam("CANAL-1", 11),
    FieldTeam("MED-2", 12),
    FieldTeam("FIRE-3", 13),
    FieldTeam("CARE-5", 15),
    FieldTeam("RG1", 21, "sensor", DEMO_GAUGES[0]),
    FieldTeam("RN1", 22, "sensor", DEMO_GAUGES[1]),
    FieldTeam("RN2", 23, "sensor", DEMO_GAUGES[2]),
    FieldTeam("WD1", 24, "sensor", DEMO_GAUGES[3]),
)

DEMO_MODULATION = Modulation(spreading_factor=9, bandwidth_hz=125_000, coding_rate=1, preamble=12)
"""The simulator's factory setting (AT+PARAMETER=9,7,1,12)."""
DEMO_DUTY_CYCLE = 0.10
"""Demo only: a console acks every field message, and at 1 % the demo's busy teams would
spend the hour's airtime in minutes; the outbox then (correctly) waits for the next slot."""

log = logging.getLogger(__name__)
_WARD = {"teams": DEMO_TEAMS, "centre": (CENTRE_LAT, CENTRE_LON)}


def start_simulator(interval: float = 3.0, seed: int = 11) -> SimulatedModem:
    """Start a simulator with scheduled traffic; the caller stops it."""
    try:
        import pty  # noqa: F401 - only to learn whether this platform has ptys

        sim = SimulatedModem(transport="pty", seed=seed, interval=interval, **_WARD)
        sim.start()
    except (ImportError, OSError) as exc:
        log.info("demo radio: no pty (%s); using a loopback TCP port", exc)
        sim = SimulatedModem(transport="tcp", seed=seed, interval=interval, **_WARD)
        sim.start()
    log.info("demo radio: simulated LoRa modem on %s", sim.port_url)
    return sim


class DemoMeshNode:
    """The demo's simulated Meshtastic node, started on a thread of its own: importing the
    ``meshtastic`` package takes ~0.1 s, and the demo's radios start on the GUI thread right
    after the first paint. The pty path is known at once (the link retries until it is there)."""

    def __init__(self, interval: float, seed: int) -> None:
        try:
            import pty  # noqa: F401 - only to learn whether this platform has ptys

            self.endpoint: PtyEndpoint | TcpEndpoint = PtyEndpoint()
        except (ImportError, OSError) as exc:
            log.info("demo mesh: no pty (%s); using a loopback TCP port", exc)
            self.endpoint = TcpEndpoint()
            self.endpoint.start(lambda data: None)  # binds the port now, so its URL is known
            self.endpoint.unplug()
        self.sim: SimulatedMeshNode | None = None
        self._thread = threading.Thread(
            target=self._start, args=(interval, seed), name="demo-mesh", daemon=True
        )
        self._thread.start()

    @property
    def port_url(self) -> str:
        return self.endpoint.url

    def _start(self, interval: float, seed: int) -> None:
        from ops_console.hardware.simulators.mesh_node import SimulatedMeshNode

        sim = SimulatedMeshNode(
            seed=seed,
            interval=interval,
            centre=(CENTRE_LAT, CENTRE_LON),
            reboot_every=600.0,
            endpoint=self.endpoint,
        )
        sim.start()
        self.sim = sim
        log.info("demo mesh: simulated Meshtastic node on %s", sim.port_url)

    def stop(self) -> None:
        self._thread.join(10.0)
        if self.sim is not None:
            self.sim.stop()
        else:
            self.endpoint.stop()


def start_mesh_simulator(interval: float = 3.0, seed: int = 15) -> DemoMeshNode:
    """A simulated Meshtastic node with neighbours moving around the demo's neighbourhood
    (and a reboot every ten minutes), starting in the background; the caller stops it."""
    return DemoMeshNode(interval * 1.5, seed)
