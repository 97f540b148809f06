"""Imports every model module so ``Base.metadata`` knows the whole schema.

Alembic's env.py and anything that needs all tables (db copy, tests) import this
module; each feature adds its own model module to the list below.
"""

from ops_console.db import (
    inventory_models,  # noqa: F401  (stock, ledger, requests)
    map_models,  # noqa: F401  (risk points, shelters, zones)
    models,  # noqa: F401  (foundation tables)
    people_models,  # noqa: F401  (volunteers, check-ins, PAR roll calls)
    radio_models,  # noqa: F401  (radio traffic)
    resident_models,  # noqa: F401  (residents who need help, evacuation accounting)
    sensor_models,  # noqa: F401  (sensor register, sensor alerts)
    siren_models,  # noqa: F401  (sirens, commands, alarms, tests)
    warning_models,  # noqa: F401  (public warnings, CAP messages, deliveries, CAP alerts received)
)
from ops_console.db.models import Base

__all__ = ["Base"]
