"""Inventory: the stock ledger, field requests and the stock picture (Qt-free).

``InventoryService`` is the one entry point (``post.inventory`` once wired); the pure
parts — CSV parsing and reading requests out of radio messages — live in ``csv_io``
and ``message`` so they can be fuzzed without a database.
"""

from .ledger import InsufficientStock
from .requests import REQUEST_CHANGED
from .service import CATALOGUE, CHANGED, InventoryService
from .views import (
    EXPIRY_DAYS,
    MAX_QUANTITY,
    ItemView,
    LevelSeries,
    LevelState,
    LocationKind,
    LocationView,
    MovementDraft,
    MovementKind,
    MovementView,
    RequestDraft,
    RequestStatus,
    RequestView,
    StockAlert,
    StockLevel,
)

__all__ = [
    "InventoryService",
    "InsufficientStock",
    "CHANGED",
    "CATALOGUE",
    "REQUEST_CHANGED",
    "EXPIRY_DAYS",
    "MAX_QUANTITY",
    "ItemView",
    "LevelSeries",
    "LevelState",
    "LocationKind",
    "LocationView",
    "MovementDraft",
    "MovementKind",
    "MovementView",
    "RequestDraft",
    "RequestStatus",
    "RequestView",
    "StockAlert",
    "StockLevel",
]
