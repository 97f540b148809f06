"""Sensor readings as the radio hears them: a river gauge entry and well-formed S1 frames."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.sensors.kinds import SensorKind
from ops_console.sensors.views import SensorSpec

T0 = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)

RIVER = SensorSpec(
    "RG1-level",
    "River gauge, old bridge",
    SensorKind.WATER_LEVEL,
    "m",
    "Old bridge",
    22.54,
    114.05,
    "RG1",
    60,
    advisory=2.5,
    warning=3.0,
    emergency=3.5,
    hysteresis=0.1,
    rise_amount=0.2,
    rise_window_s=900,
    min_valid=-5.0,
    max_valid=30.0,
)

_numbers = itertools.count(1)


def sensor_frame(
    sensor_id: str,
    value: float,
    heard: datetime,
    *,
    sensor_time: datetime | None = None,
    sender: str = "RG1",
    address: int = 21,
    kind: str = "water_level",
    unit: str = "m",
) -> RawFrame:
    """A well-formed S1 frame as the driver hands it to the ingest."""
    [data] = fp.encode_sensor(
        sender, next(_numbers) % 65535 + 1, sensor_id, kind, value, unit, sensor_time or heard
    )
    return RawFrame(
        rcv_line(address, data, -60, 5).rstrip(b"\r\n"), heard, "lora-test", address, data, -60, 5
    )
