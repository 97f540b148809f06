"""The demo post's sensors: a river gauge, two rain gauges and a wind mast, registered with
levels, and a week of quiet readings behind them so the chart has a history. During the
demo their nodes (ops_console/demo/radio.py: DEMO_GAUGES) report rising values over the
simulated radio, so the whole chain — reading, level, alert, EMERGENCY alarm — can be watched.
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import insert

from ops_console.clock import utc_now
from ops_console.db.radio_models import SensorReading
from ops_console.db.sensor_models import Sensor
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.post import Post
from ops_console.said import N_, said
from ops_console.services import audit

from .kinds import SensorKind
from .register_io import with_defaults
from .views import SensorSpec

HISTORY_DAYS = 7
STEP = timedelta(minutes=10)


def _near(north_m: float, east_m: float) -> tuple[float, float]:
    return CENTRE_LAT + north_m / 111_320.0, CENTRE_LON + east_m / (111_320.0 * 0.8643)


DEMO_SENSORS: tuple[tuple[SensorSpec, float, float], ...] = (  # (entry, quiet mean, daily swing)
    (
        SensorSpec("RG1-level", "River gauge, Willow Creek bridge", SensorKind.WATER_LEVEL, "m", "Willow Creek bridge",
                   *_near(-180, 540), "RG1", 60, 2.5, 3.0, 3.5, 0.05, 0.2, 900),
        1.9, 0.08,
    ),
    (
        SensorSpec("RN1-rain", "Rain gauge, school roof", SensorKind.RAIN_GAUGE, "mm", "Primary school roof",
                   *_near(260, -320), "RN1", 60, 10.0, 20.0, 40.0, 1.0),
        1.5, 1.2,
    ),
    (
        SensorSpec("RN2-rain", "Rain gauge, hill reservoir", SensorKind.RAIN_GAUGE, "mm", "Hill reservoir",
                   *_near(720, 180), "RN2", 60, 10.0, 20.0, 40.0, 1.0),
        1.2, 1.0,
    ),
    (
        SensorSpec("WD1-wind", "Wind mast, harbour", SensorKind.WIND, "m/s", "Harbour wall",
                   *_near(-420, -260), "WD1", 60, 13.9, 20.8, 28.5, 1.0),
        6.0, 2.0,
    ),
)  # fmt: skip


def build_demo_sensors(post: Post, *, now: datetime | None = None, seed: int = 7) -> None:
    """Register the demo sensors (audited as the system) and write their quiet week."""
    now = now or utc_now()
    rng = random.Random(seed)
    addresses = {"RG1": 21, "RN1": 22, "RN2": 23, "WD1": 24}
    with post.db.write() as s:
        for spec, mean, swing in DEMO_SENSORS:
            spec = with_defaults(spec)
            row = Sensor(
                **{k: (v.value if isinstance(v, SensorKind) else v) for k, v in asdict(spec).items()}
            )
            s.add(row)
            s.flush()
            audit.append(s, audit.SYSTEM, "sensor.add", "sensor", row.id, said(N_("Sensor {id} ({name}) registered"), id=spec.sensor_id, name=spec.name),
                         after={"sensor_id": spec.sensor_id, "name": spec.name}, record=row)  # fmt: skip
            steps = int(timedelta(days=HISTORY_DAYS) / STEP)
            # one executemany of plain rows, not 1,008 ORM objects per sensor: nothing reads
            # them back here, and the console's first start waits for this
            s.execute(
                insert(SensorReading),
                [
                    {
                        "sensor_id": spec.sensor_id,
                        "kind": spec.kind.value,
                        "value": round(
                            max(
                                0.0, mean + swing * math.sin(i / 144 * 2 * math.pi) + rng.gauss(0, swing / 10)
                            ),
                            3,
                        ),
                        "unit": spec.unit,
                        "at": now - STEP * (steps - 1 - i),  # the last one now: not "silent" at first start
                        "node_addr": addresses[spec.node_call],
                        "exercise": False,
                    }
                    for i in range(steps)
                ],
            )
    post.sensors.rebuild_rollups()  # the week was written here, not heard: rolled up as an import is
