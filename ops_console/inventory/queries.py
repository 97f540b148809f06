"""Reading the stock picture: the levels table, alerts and an item's level over time.

The whole-table read (``level_table``) never touches the ledger: it sums the small
``stock_balances`` table (one row per item × location × lot) and takes the recent use
from the daily roll-up, as columns (see columns.py). Alerts read only the minimums
(each with its cell's total, kept by triggers) and the lots that carry an expiry date,
so the post's alert list can ask every few seconds. The ledger itself is read only for
one item's history, through its (item_id, at) index.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ops_console.db.inventory_models import (
    StockBalance,
    StockItem,
    StockLocation,
    StockMovement,
    StockThreshold,
)

from .views import LevelSeries, StockAlert, StockLevel

if TYPE_CHECKING:
    from .table import LevelTable

ALERT_ORDER = {"out_of_stock": 0, "expired": 1, "low_stock": 2, "expiring": 3}


def _mode(query: Select, column, exercise: bool) -> Select:  # type: ignore[no-untyped-def,type-arg]
    """Live mode sees live rows; an exercise sees live rows plus its own."""
    return query if exercise else query.where(column.is_(False))


def level_table(s: Session, *, exercise: bool, now: datetime, rate_days: int | None) -> LevelTable:
    """The whole table as columns, for the panel; the recent use over the ``rate_days``
    days up to ``now`` when given."""
    from .columns import read_table  # numpy loads with the first table, not with the console

    return read_table(s, exercise=exercise, now=now, rate_days=rate_days)


def levels(
    s: Session,
    *,
    exercise: bool,
    now: datetime,
    rate_days: int | None,
    location_id: int | None = None,
    category: str | None = None,
    critical_only: bool = False,
) -> list[StockLevel]:
    """The table as plain values (CSV export, the demo, scripts), optionally filtered."""
    table = level_table(s, exercise=exercise, now=now, rate_days=rate_days)
    if location_id is not None or category or critical_only:
        table = table.take(table.select(category or None, location_id, critical_only))
    return table.levels()


def alerts(s: Session, *, exercise: bool, today: date, days: int) -> list[StockAlert]:
    """Low stock (below minimum, or out) and lots expiring within ``days``, critical items first."""
    found = _low_stock(s, exercise) + _expiring(s, exercise, today, days)
    found.sort(key=lambda a: (not a.critical, ALERT_ORDER[a.kind], a.item_name, a.location_name))
    return found


def _named(query: Select, item_column, place_column) -> Select:  # type: ignore[no-untyped-def,type-arg]
    """Join the names an alert is worded with; inactive items and places raise none."""
    return (
        query.add_columns(StockItem.name, StockItem.unit, StockItem.critical, StockLocation.name)
        .join(StockItem, StockItem.id == item_column)
        .join(StockLocation, StockLocation.id == place_column)
        .where(StockItem.active.is_(True), StockLocation.active.is_(True))
    )


def _low_stock(s: Session, exercise: bool) -> list[StockAlert]:
    """Cells with a minimum whose stock is below it, read from the totals each minimum
    carries (kept by triggers, migration 0015): no lot is summed on the alert poll."""
    t = StockThreshold
    held = t.held_live + t.held_exercise if exercise else t.held_live
    since = t.short_since_exercise if exercise else t.short_since_live
    query = _named(
        select(t.item_id, t.location_id, t.minimum, held, since).where(t.minimum > 0, held < t.minimum),
        t.item_id,
        t.location_id,
    )
    rows = s.connection().execute(query).all()
    return [
        StockAlert(
            "out_of_stock" if qty <= 0 else "low_stock",
            item_id,
            item,
            place_id,
            place,
            critical,
            qty,
            minimum,
            None,
            unit,
            since=short_since,
        )
        for item_id, place_id, minimum, qty, short_since, item, unit, critical, place in rows
    ]


def _expiring(s: Session, exercise: bool, today: date, days: int) -> list[StockAlert]:
    """Lots that still hold stock and expire within ``days`` (or have expired)."""
    b = StockBalance
    lots = _mode(
        select(b.item_id, b.location_id, b.lot, b.expires_on, func.sum(b.quantity).label("held"))
        .where(b.expires_on.is_not(None), b.expires_on <= today + timedelta(days=days))
        .group_by(b.item_id, b.location_id, b.lot, b.expires_on),
        b.exercise,
        exercise,
    ).subquery()
    minimum = (
        select(StockThreshold.minimum)
        .where(StockThreshold.item_id == lots.c.item_id, StockThreshold.location_id == lots.c.location_id)
        .scalar_subquery()
    )
    query = _named(
        select(lots, func.coalesce(minimum, 0)).where(lots.c.held > 0), lots.c.item_id, lots.c.location_id
    )
    rows = s.connection().execute(query).all()
    return [
        StockAlert(
            "expired" if expires < today else "expiring",
            item_id,
            item,
            place_id,
            place,
            critical,
            qty,
            low,
            expires,
            unit,
            lot,
        )
        for item_id, place_id, lot, expires, qty, low, item, unit, critical, place in rows
    ]


def history(
    s: Session, item_id: int, location_id: int | None, *, exercise: bool
) -> tuple[list[datetime], list[int]]:
    """The item's level after each ledger line, at one location or over all of them."""
    query = _mode(
        select(
            StockMovement.at,
            StockMovement.from_location_id,
            StockMovement.to_location_id,
            StockMovement.quantity,
        ).where(StockMovement.item_id == item_id),
        StockMovement.exercise,
        exercise,
    ).order_by(StockMovement.at, StockMovement.id)
    times: list[datetime] = []
    values: list[int] = []
    level = 0
    for at, source, target, qty in s.execute(query):
        if location_id is None:
            delta = (qty if target is not None else 0) - (qty if source is not None else 0)
        else:
            delta = (qty if target == location_id else 0) - (qty if source == location_id else 0)
        if not delta:
            continue
        level += delta
        if times and times[-1] == at:
            values[-1] = level
        else:
            times.append(at)
            values.append(level)
    return times, values


def series(s: Session, item_id: int, location_id: int | None, *, exercise: bool) -> LevelSeries:
    """History plus the threshold lines (summed over locations for the total)."""
    times, values = history(s, item_id, location_id, exercise=exercise)
    query = select(
        func.coalesce(func.sum(StockThreshold.minimum), 0), func.coalesce(func.sum(StockThreshold.target), 0)
    ).where(StockThreshold.item_id == item_id)
    if location_id is not None:
        query = query.where(StockThreshold.location_id == location_id)
    minimum, target = s.execute(query).one()
    return LevelSeries(item_id, location_id, tuple(times), tuple(values), int(minimum), int(target))
