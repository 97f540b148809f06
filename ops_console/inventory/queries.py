"""Reading the stock picture: levels, recent use, alerts and an item's level over time.

The whole-table read groups the small ``stock_balances`` table (one row per item ×
location × lot), never the ledger, and joins names in Python from two small lookups:
that is what keeps it under 100 ms with a million ledger lines. The ledger is read
only for one item's history (an index on item_id, at) and for the recent outflow.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from ops_console.db.inventory_models import StockBalance, StockItem, StockLocation, StockMovement, StockThreshold

from .views import LevelSeries, LocationKind, MovementKind, StockAlert, StockLevel, level_state

OUTFLOW = (MovementKind.ISSUE.value, MovementKind.CONSUME.value, MovementKind.TRANSFER.value)


def _mode(query: Select, column, exercise: bool) -> Select:  # type: ignore[no-untyped-def,type-arg]
    """Live mode sees live rows; an exercise sees live rows plus its own."""
    return query if exercise else query.where(column.is_(False))


def daily_use(s: Session, now: datetime, days: int, exercise: bool) -> dict[tuple[int, int], float]:
    """Units per day that left each item × location lately (issued, consumed, sent on)."""
    query = (select(StockMovement.item_id, StockMovement.from_location_id, func.sum(StockMovement.quantity))
             .where(StockMovement.at >= now - timedelta(days=days), StockMovement.kind.in_(OUTFLOW))
             .group_by(StockMovement.item_id, StockMovement.from_location_id))
    rows = s.execute(_mode(query, StockMovement.exercise, exercise)).all()
    return {(item, loc): total / days for item, loc, total in rows if loc is not None}


def levels(s: Session, *, exercise: bool, now: datetime, rate_days: int | None, location_id: int | None = None,
           category: str | None = None, critical_only: bool = False) -> list[StockLevel]:
    """Every item × location that holds stock, held stock, or has a threshold; with the
    recent daily use when ``rate_days`` is given (a scan of the recent ledger, so the
    table can be shown first and the days of cover filled in after)."""
    items = {row[0]: row for row in s.execute(
        select(StockItem.id, StockItem.name, StockItem.category, StockItem.unit, StockItem.critical)
        .where(StockItem.active.is_(True)))}
    places = {row[0]: row for row in s.execute(
        select(StockLocation.id, StockLocation.name, StockLocation.kind).where(StockLocation.active.is_(True)))}
    # plain rows summed here rather than GROUP BY in SQL: the balance table is small, and
    # grouping through its unique index costs a random table read per row on SQLite
    balance_q = select(StockBalance.item_id, StockBalance.location_id, StockBalance.quantity, StockBalance.expires_on)
    threshold_q = select(StockThreshold.item_id, StockThreshold.location_id, StockThreshold.minimum,
                         StockThreshold.target)
    if location_id is not None:
        balance_q = balance_q.where(StockBalance.location_id == location_id)
        threshold_q = threshold_q.where(StockThreshold.location_id == location_id)
    cells: dict[tuple[int, int], list] = {}  # type: ignore[type-arg]
    for i, loc, qty, expiry in s.execute(_mode(balance_q, StockBalance.exercise, exercise)):
        cell = cells.get((i, loc))
        if cell is None:
            cells[(i, loc)] = [qty, expiry if qty > 0 else None, 0, 0]
            continue
        cell[0] += qty
        if expiry is not None and qty > 0 and (cell[1] is None or expiry < cell[1]):
            cell[1] = expiry
    for i, loc, minimum, target in s.execute(threshold_q):
        cell = cells.get((i, loc))
        if cell is None:
            cells[(i, loc)] = [0, None, minimum, target]
        else:
            cell[2], cell[3] = minimum, target
    use = daily_use(s, now, rate_days, exercise) if rate_days else {}
    kinds = {k.value: k for k in LocationKind}
    out = []
    new, get_use = StockLevel._make, use.get
    for (i, loc), (qty, expiry, minimum, target) in cells.items():
        item, place = items.get(i), places.get(loc)
        if item is None or place is None or (category and item[2] != category) or (critical_only and not item[4]):
            continue
        out.append(new((i, item[1], item[2], item[3], item[4], loc, place[1], kinds[place[2]], qty,
                        minimum, target, level_state(qty, minimum, target), expiry, get_use((i, loc), 0.0))))
    return out


def alerts(all_levels: list[StockLevel], s: Session, *, exercise: bool, today: date, days: int) -> list[StockAlert]:
    """Low stock (below minimum, or out) and lots expiring within ``days``, critical items first."""
    found = []
    for lv in all_levels:
        if lv.minimum > 0 and lv.quantity < lv.minimum:
            kind = "out_of_stock" if lv.quantity <= 0 else "low_stock"
            words = "Out of" if lv.quantity <= 0 else "Low on"
            found.append(StockAlert(kind, lv.item_id, lv.item_name, lv.location_id, lv.location_name, lv.critical,
                                    f"{words} {lv.item_name} at {lv.location_name}: {lv.quantity:,} {lv.unit} "
                                    f"(minimum {lv.minimum:,})", lv.quantity, lv.minimum))
    names = {(lv.item_id, lv.location_id): lv for lv in all_levels}
    query = _mode(select(StockBalance.item_id, StockBalance.location_id, StockBalance.lot, StockBalance.expires_on,
                         func.sum(StockBalance.quantity))
                  .where(and_(StockBalance.expires_on.is_not(None), StockBalance.expires_on <= today + timedelta(days=days)))
                  .group_by(StockBalance.item_id, StockBalance.location_id, StockBalance.lot, StockBalance.expires_on),
                  StockBalance.exercise, exercise)
    for item_id, loc, lot, expires, qty in s.execute(query):
        lv = names.get((item_id, loc))
        if lv is None or qty <= 0:
            continue
        expired = expires < today
        lot_words = f" lot {lot}" if lot else ""
        when = f"expired on {expires.isoformat()}" if expired else f"expires on {expires.isoformat()}"
        found.append(StockAlert("expired" if expired else "expiring", item_id, lv.item_name, loc, lv.location_name,
                                lv.critical, f"{lv.item_name}{lot_words} at {lv.location_name}: {qty:,} {lv.unit} {when}",
                                qty, lv.minimum, expires))
    order = {"out_of_stock": 0, "expired": 1, "low_stock": 2, "expiring": 3}
    found.sort(key=lambda a: (not a.critical, order[a.kind], a.item_name, a.location_name))
    return found


def history(s: Session, item_id: int, location_id: int | None, *, exercise: bool) -> tuple[list[datetime], list[int]]:
    """The item's level after each ledger line, at one location or over all of them."""
    query = _mode(select(StockMovement.at, StockMovement.from_location_id, StockMovement.to_location_id,
                         StockMovement.quantity).where(StockMovement.item_id == item_id),
                  StockMovement.exercise, exercise).order_by(StockMovement.at, StockMovement.id)
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
    query = select(func.coalesce(func.sum(StockThreshold.minimum), 0),
                   func.coalesce(func.sum(StockThreshold.target), 0)).where(StockThreshold.item_id == item_id)
    if location_id is not None:
        query = query.where(StockThreshold.location_id == location_id)
    minimum, target = s.execute(query).one()
    return LevelSeries(item_id, location_id, tuple(times), tuple(values), int(minimum), int(target))
