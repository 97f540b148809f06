"""Inventory: items, the places stock is kept, the movement ledger and field requests.

The ledger (``stock_movements``) is the truth and is only ever appended to; a stock
level is the sum of its movements. ``stock_balances`` holds that sum per item ×
location × lot, maintained in the same transaction as each movement, so that reading
the whole table is cheap and a writer can lock the one row it decrements (two
stations issuing the last units cannot both succeed).

Quantities are whole units (a pallet, a pack of 6 × 1.5 l): integer sums are exact on
every engine, where decimals would round differently on SQLite and PostgreSQL.
Exercise movements are kept apart (``exercise``): in an exercise the picture is the
live stock plus the drill's own movements, and the live stock never changes.
``stock_daily_use`` rolls the ledger's outflow up per item × location × day, also in
the movement's transaction, so "what runs out first" (the recent issue rate) never
scans the ledger. Each minimum (``stock_thresholds``) carries its cell's total, kept
by the database's own triggers, so the alert list never sums lots either.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets 64 bits for the ledger.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class StockItem(Base):
    """Something the post keeps: sandbags, pumps, bottled water, first-aid kits."""

    __tablename__ = "stock_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    category: Mapped[str] = mapped_column(String(60), index=True)
    unit: Mapped[str] = mapped_column(String(40), default="each")
    critical: Mapped[bool] = mapped_column(Boolean, default=False)
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class StockLocation(Base):
    """Where stock is kept: a depot, a shelter, a vehicle or a team's kit."""

    __tablename__ = "stock_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # depot shelter vehicle team
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), nullable=True, index=True
    )
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class StockThreshold(Base):
    """Minimum (alert below it) and target (restock up to it) for an item at a location."""

    __tablename__ = "stock_thresholds"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_items.id", ondelete="CASCADE"))
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id", ondelete="CASCADE"), index=True)
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    target: Mapped[int] = mapped_column(Integer, default=0)
    # what the cell holds, live and in the drill: kept by triggers on stock_balances and on
    # this table (migration 0015), never written by the program, so the alert list finds
    # the short cells without summing every minimum's lots
    held_live: Mapped[int] = mapped_column(Integer, server_default="0")
    held_exercise: Mapped[int] = mapped_column(Integer, server_default="0")
    # since when the cell is short of its minimum (live; the drill's picture), NULL while it
    # is not: kept by a trigger beside the totals (migration 0016), the low-stock alert's time
    short_since_live: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    short_since_exercise: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (UniqueConstraint("item_id", "location_id", name="uq_stock_thresholds_item_location"),)


class StockRequest(Base):
    """A request for resources from the field (ICS-213RR in spirit).

    requested → approved → partly_fulfilled → fulfilled, or denied (with a reason) or
    cancelled; fulfilment happens through movements that carry this request's id.
    """

    __tablename__ = "stock_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    requested_by: Mapped[str] = mapped_column(String(120))
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_items.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    fulfilled: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    needed_by: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    deliver_to_location_id: Mapped[int | None] = mapped_column(
        ForeignKey("stock_locations.id", ondelete="SET NULL"), nullable=True
    )
    deliver_to_text: Mapped[str] = mapped_column(String(200), default="")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"), nullable=True)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), nullable=True
    )
    source_text: Mapped[str] = mapped_column(Text, default="")  # the radio message, word for word
    source_message_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class StockMovement(Base):
    """One line of the ledger: ``quantity`` (always > 0) leaves ``from`` and enters ``to``.

    receive: to only; issue/consume: from only (issue names a team or incident);
    transfer: both; return: to only (from a team or incident); adjust: either one,
    with a mandatory reason. Rows are never updated or deleted (except an exercise purge).
    """

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    kind: Mapped[str] = mapped_column(String(12))
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_items.id"))
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"), nullable=True)
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"), nullable=True)
    quantity: Mapped[int] = mapped_column(Integer)
    lot: Mapped[str] = mapped_column(String(60), default="")
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"), nullable=True)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), nullable=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("stock_requests.id", ondelete="SET NULL"), nullable=True, index=True
    )
    operator_name: Mapped[str] = mapped_column(String(120), default="")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_stock_movements_item_at", "item_id", "at"),)


class StockBalance(Base):
    """The running sum of the ledger for one item × location × lot (live or exercise).

    Maintained only by the inventory service, in the movement's own transaction, and
    locked (FOR UPDATE) before it is decremented. ``expires_on`` is the earliest expiry
    received into this lot while it held stock.
    """

    __tablename__ = "stock_balances"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_items.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), index=True)
    lot: Mapped[str] = mapped_column(String(60), default="")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    __table_args__ = (
        UniqueConstraint("item_id", "location_id", "lot", "exercise", name="uq_stock_balances_key"),
        # a cell's stock summed from the index alone (low-stock alerts, one lookup per minimum)
        Index("ix_stock_balances_cell", "item_id", "location_id", "exercise", "quantity"),
        # lots that expire soon, without reading the lots that never do
        Index("ix_stock_balances_expires_on", "expires_on"),
    )


class StockDailyUse(Base):
    """Units that left one item × location on one UTC day (issued, consumed, sent on).

    A roll-up of the ledger, written in the movement's own transaction by an atomic
    upsert, so the recent issue rate of every cell is a short range read by ``day``
    instead of a scan over the newest ledger lines. ``exercise`` keeps a drill's
    outflow apart, and lets the exercise purge remove it with the drill's movements.
    """

    __tablename__ = "stock_daily_use"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("stock_items.id"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), primary_key=True)
    exercise: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)

    # SQLite: rows stored in key order (no rowid), so a range of days is one covering read
    __table_args__ = {"sqlite_with_rowid": False}
