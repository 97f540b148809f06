"""The demo's radio: a simulated RYLR896 with field teams, reached through the real driver.

A pty where the platform has one, else a loopback TCP port (``socket://``), so the
demo shows live traffic, acks and the outbox working without any hardware.
"""

from __future__ import annotations

import logging

from ops_console.hardware.lora.airtime import Modulation
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import FieldTeam

from .neighbourhood import CENTRE_LAT, CENTRE_LON

DEMO_TEAMS = (  # the demo roster's team callsigns, plus the river-gauge sensor node
    FieldTeam("CANAL-1", 11),
    FieldTeam("MED-2", 12),
    FieldTeam("FIRE-3", 13),
    FieldTeam("CARE-5", 15),
    FieldTeam("RG1", 21, "sensor"),
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
