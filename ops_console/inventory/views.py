"""The inventory's vocabulary and the read-only values it hands to the UI.

Plain enums and frozen values, so the panel never holds a live ORM row. The whole
stock table travels as columns (table.LevelTable, 100,000 cells on a big post);
``StockLevel`` is one row of it as a value, a NamedTuple because exports build one per
cell and a tuple is the cheapest immutable value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import NamedTuple

from ops_console.domain import Priority
from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels, translate

MAX_QUANTITY = 1_000_000  # per movement: more is a typing slip, not a delivery
RATE_DAYS = 7  # "recent issue rate" window for days of cover
EXPIRY_DAYS = 14  # expiry alerts this many days ahead by default


class MovementKind(Labelled, str, Enum):
    """What a ledger line did; each kind fixes which side(s) it touches."""

    RECEIVE = "receive"
    ISSUE = "issue"
    TRANSFER = "transfer"
    RETURN = "return"
    ADJUST = "adjust"
    CONSUME = "consume"


labels(
    MovementKind,
    RECEIVE=QT_TRANSLATE_NOOP("Labels", "Receive"),
    ISSUE=QT_TRANSLATE_NOOP("Labels", "Issue"),
    TRANSFER=QT_TRANSLATE_NOOP("Labels", "Transfer"),
    RETURN=QT_TRANSLATE_NOOP("Labels", "Return"),
    ADJUST=QT_TRANSLATE_NOOP("Labels", "Adjust"),
    CONSUME=QT_TRANSLATE_NOOP("Labels", "Consume"),
)


class LocationKind(Labelled, str, Enum):
    DEPOT = "depot"
    SHELTER = "shelter"
    VEHICLE = "vehicle"
    TEAM = "team"


labels(
    LocationKind,
    DEPOT=QT_TRANSLATE_NOOP("Labels", "Depot"),
    SHELTER=QT_TRANSLATE_NOOP("Labels", "Shelter"),
    VEHICLE=QT_TRANSLATE_NOOP("Labels", "Vehicle"),
    TEAM=QT_TRANSLATE_NOOP("Labels", "Team kit"),
)


class RequestStatus(Labelled, str, Enum):
    """A field request's life: open ones are the first three."""

    REQUESTED = "requested"
    APPROVED = "approved"
    PARTLY_FULFILLED = "partly_fulfilled"
    FULFILLED = "fulfilled"
    DENIED = "denied"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (RequestStatus.REQUESTED, RequestStatus.APPROVED, RequestStatus.PARTLY_FULFILLED)


labels(
    RequestStatus,
    REQUESTED=QT_TRANSLATE_NOOP("Labels", "Requested"),
    APPROVED=QT_TRANSLATE_NOOP("Labels", "Approved"),
    PARTLY_FULFILLED=QT_TRANSLATE_NOOP("Labels", "Partly fulfilled"),
    FULFILLED=QT_TRANSLATE_NOOP("Labels", "Fulfilled"),
    DENIED=QT_TRANSLATE_NOOP("Labels", "Denied"),
    CANCELLED=QT_TRANSLATE_NOOP("Labels", "Cancelled"),
)


class LevelState(Labelled, str, Enum):
    """How a level stands against its thresholds, worst first (also the sort order)."""

    OUT = "out"
    LOW = "low"
    BELOW_TARGET = "below_target"
    OK = "ok"
    NO_THRESHOLD = "no_threshold"


labels(
    LevelState,
    OUT=QT_TRANSLATE_NOOP("Labels", "Out of stock"),
    LOW=QT_TRANSLATE_NOOP("Labels", "Below minimum"),
    BELOW_TARGET=QT_TRANSLATE_NOOP("Labels", "Below target"),
    OK=QT_TRANSLATE_NOOP("Labels", "OK"),
    NO_THRESHOLD=QT_TRANSLATE_NOOP("Labels", "No threshold"),
)


def level_state(quantity: int, minimum: int, target: int) -> LevelState:
    """Out, below minimum, below target or OK; an item nobody set a threshold for is
    only flagged when it is out."""
    if minimum <= 0 and target <= 0:
        return LevelState.OUT if quantity <= 0 else LevelState.NO_THRESHOLD
    if quantity <= 0:
        return LevelState.OUT
    if quantity < minimum:
        return LevelState.LOW
    if quantity < target:
        return LevelState.BELOW_TARGET
    return LevelState.OK


@dataclass(frozen=True)
class ItemView:
    id: int
    name: str
    category: str
    unit: str
    critical: bool
    barcode: str | None
    notes: str = ""


@dataclass(frozen=True)
class LocationView:
    id: int
    name: str
    kind: LocationKind
    team_id: int | None
    lat: float | None
    lon: float | None


class StockLevel(NamedTuple):
    """One cell of the stock table: an item at a location, summed over its lots."""

    item_id: int
    item_name: str
    category: str
    unit: str
    critical: bool
    location_id: int
    location_name: str
    location_kind: LocationKind
    quantity: int
    minimum: int
    target: int
    state: LevelState
    earliest_expiry: date | None
    daily_use: float  # recent outflow per day (issue, consume, transfer out)

    @property
    def days_of_cover(self) -> float | None:
        """Days until it runs out at the recent rate; None when nothing was used lately."""
        if self.daily_use <= 0:
            return None
        return max(self.quantity, 0) / self.daily_use


@dataclass(frozen=True)
class MovementDraft:
    """What a person enters for one movement; the service checks and records it."""

    kind: MovementKind
    item_id: int
    quantity: int
    from_location_id: int | None = None
    to_location_id: int | None = None
    lot: str = ""
    expires_on: date | None = None
    reason: str = ""
    team_id: int | None = None
    incident_id: int | None = None
    request_id: int | None = None


@dataclass(frozen=True)
class MovementView:
    id: int
    at: datetime
    kind: MovementKind
    item_id: int
    item_name: str
    quantity: int
    from_location: str
    to_location: str
    lot: str
    expires_on: date | None
    reason: str
    recipient: str  # the team or incident an issue went to / a return came from
    request_id: int | None
    operator_name: str


@dataclass(frozen=True)
class RequestDraft:
    """A resource request as the field (or the radio operator) states it."""

    requested_by: str
    item_id: int
    quantity: int
    priority: Priority = Priority.NORMAL
    needed_by: datetime | None = None
    deliver_to_location_id: int | None = None
    deliver_to_text: str = ""
    team_id: int | None = None
    incident_id: int | None = None
    source_text: str = ""
    source_message_id: int | None = None


@dataclass(frozen=True)
class RequestView:
    id: int
    requested_by: str
    item_id: int
    item_name: str
    unit: str
    quantity: int
    fulfilled: int
    priority: Priority
    status: RequestStatus
    needed_by: datetime | None
    deliver_to: str  # a location's name or the free text
    deliver_to_location_id: int | None
    team_id: int | None
    incident_id: int | None
    source_text: str
    decision_reason: str
    created_at: datetime
    version: int

    @property
    def outstanding(self) -> int:
        return max(self.quantity - self.fulfilled, 0)


class StockAlert(NamedTuple):
    """A line for the post's alert list: ``kind`` is low_stock, out_of_stock, expiring or expired.

    A NamedTuple like ``StockLevel``, and worded only when read (``message``): a big post
    has thousands of alerts, read every few seconds, of which the panel words thirty."""

    kind: str
    item_id: int
    item_name: str
    location_id: int
    location_name: str
    critical: bool
    quantity: int = 0
    minimum: int = 0
    expires_on: date | None = None
    unit: str = ""
    lot: str = ""
    since: datetime | None = None  # low or out of stock: when the cell fell short (UTC)

    @property
    def message(self) -> str:
        """The alert's sentence in the installed language (ops_console/labels.py)."""
        item, place, qty, unit = self.item_name, self.location_name, self.quantity, self.unit
        if self.kind in ("low_stock", "out_of_stock"):
            words = (
                translate("StockAlerts", "Out of {item} at {place}: {qty} {unit} (minimum {min})")
                if self.kind == "out_of_stock"
                else translate("StockAlerts", "Low on {item} at {place}: {qty} {unit} (minimum {min})")
            )
            return words.format(item=item, place=place, qty=f"{qty:,}", unit=unit, min=f"{self.minimum:,}")
        on = self.expires_on.isoformat() if self.expires_on is not None else "?"
        if self.kind == "expired":
            words = translate("StockAlerts", "{item}{lot} at {place}: {qty} {unit} expired on {on}")
        else:
            words = translate("StockAlerts", "{item}{lot} at {place}: {qty} {unit} expires on {on}")
        lot = translate("StockAlerts", " lot {lot}").format(lot=self.lot) if self.lot else ""
        return words.format(item=item, lot=lot, place=place, qty=f"{qty:,}", unit=unit, on=on)


@dataclass(frozen=True)
class LevelSeries:
    """An item's level over time (step points) and the thresholds to draw with it."""

    item_id: int
    location_id: int | None  # None: all locations together
    times: tuple[datetime, ...]
    levels: tuple[int, ...]
    minimum: int
    target: int
