"""Reading the stock table as columns: balances, thresholds, expiry and recent use.

Each query hands back one comma-joined string per column (``group_concat`` on SQLite,
``string_agg`` on PostgreSQL), which numpy parses at C speed. 100,000 balance rows thus
cross into Python as three strings, not 300,000 objects — making those objects was
the floor of the old read (~400 ms on a big post). All aggregates of one SELECT walk
the same rows in the same order, so the columns stay aligned; a ``count(*)`` from the
same SELECT proves that no value went missing.

Cells are keyed ``item_id << 32 | location_id`` (both are 32-bit columns): one sorted
int64 array in which lots are summed, thresholds and recent use are matched up.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
from sqlalchemy import ColumnElement, Integer, Text, cast, func, literal_column, select
from sqlalchemy.orm import Session

from ops_console.db.inventory_models import (
    StockBalance,
    StockDailyUse,
    StockItem,
    StockLocation,
    StockThreshold,
)

from . import usage
from .table import NO_EXPIRY, ItemNames, LevelTable, PlaceNames
from .views import LocationKind


class ColumnsOutOfStep(RuntimeError):
    """A joined column had a different length from its row count (a NULL slipped in)."""


def _joined(s: Session, column: ColumnElement[int]) -> ColumnElement[str]:
    """The column's values joined by commas. The separator is written into the SQL: as
    a bound parameter it doubles SQLite's time (it is re-read for every row)."""
    if s.get_bind().dialect.name == "postgresql":
        return func.string_agg(cast(column, Text), literal_column("','"))
    return func.group_concat(column)  # SQLite's separator is a comma by default


def read_columns(
    s: Session, columns: list[ColumnElement[int]], *where: ColumnElement[bool]
) -> list[np.ndarray]:
    """Integer columns (NOT NULL ones only: a joined string skips NULLs) as int64 arrays."""
    count, *texts = (
        s.connection().execute(select(func.count(), *(_joined(s, c) for c in columns)).where(*where)).one()
    )
    arrays = [np.fromstring(text or "", dtype=np.int64, sep=",") for text in texts]
    if any(len(a) != count for a in arrays):
        raise ColumnsOutOfStep(f"expected {count} values per column, got {[len(a) for a in arrays]}")
    return arrays


def cell_keys(item_ids: np.ndarray, location_ids: np.ndarray) -> np.ndarray:
    return (item_ids << 32) | location_ids


def positions(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each wanted key sits in the sorted ``keys``, and which wanted keys are there."""
    at = np.searchsorted(keys, wanted)
    found = at < len(keys)
    found[found] = keys[at[found]] == wanted[found]
    return at, found


def _mode(column: ColumnElement[bool], exercise: bool) -> list[ColumnElement[bool]]:
    """Live mode sees live rows; an exercise sees live rows plus its own."""
    return [] if exercise else [column.is_(False)]


def read_table(s: Session, *, exercise: bool, now: datetime, rate_days: int | None) -> LevelTable:
    """Every item × location that holds, held or should hold stock (has a threshold),
    of active items at active locations, with the recent daily use when ``rate_days``."""
    items, places = _names(s)
    keys, quantity, minimum, target = _cells(s, exercise)
    columns = {
        "item_id": keys >> 32,
        "location_id": keys & 0xFFFFFFFF,
        "quantity": quantity,
        "minimum": minimum,
        "target": target,
        "expiry": _expiry(s, keys, exercise),
        "daily_use": _daily_use(s, keys, exercise, now, rate_days),
    }
    keep = np.isin(columns["item_id"], list(items)) & np.isin(columns["location_id"], list(places))
    return LevelTable({k: v[keep] for k, v in columns.items()}, items, places)


def _names(s: Session) -> tuple[dict[int, ItemNames], dict[int, PlaceNames]]:
    """The active catalogue (a few thousand rows), to label the rows shown."""
    run = s.connection().execute  # Core rows: the ORM's result handling would cost more than the read
    items = {
        i: ItemNames(name, category, unit, critical)
        for i, name, category, unit, critical in run(
            select(
                StockItem.id, StockItem.name, StockItem.category, StockItem.unit, StockItem.critical
            ).where(StockItem.active.is_(True))
        )
    }
    places = {
        i: PlaceNames(name, LocationKind(kind))
        for i, name, kind in run(
            select(StockLocation.id, StockLocation.name, StockLocation.kind).where(
                StockLocation.active.is_(True)
            )
        )
    }
    return items, places


def _cells(s: Session, exercise: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sorted cell keys with each cell's stock (its lots summed; in an exercise, the live
    rows and the drill's own) and thresholds; a threshold alone makes a cell too."""
    b_item, b_place, b_qty = read_columns(
        s,
        [StockBalance.item_id, StockBalance.location_id, StockBalance.quantity],
        *_mode(StockBalance.exercise, exercise),
    )
    t_item, t_place, t_min, t_target = read_columns(
        s, [StockThreshold.item_id, StockThreshold.location_id, StockThreshold.minimum, StockThreshold.target]
    )
    keys, cell = np.unique(
        np.concatenate([cell_keys(b_item, b_place), cell_keys(t_item, t_place)]), return_inverse=True
    )
    quantity, minimum, target = (np.zeros(len(keys), np.int64) for _ in range(3))
    np.add.at(quantity, cell[: len(b_qty)], b_qty)
    minimum[cell[len(b_qty) :]], target[cell[len(b_qty) :]] = t_min, t_target
    return keys, quantity, minimum, target


def _expiry(s: Session, keys: np.ndarray, exercise: bool) -> np.ndarray:
    """The earliest expiry (a date ordinal) among the lots of each cell that still hold
    stock; only perishable lots carry a date, and they are found through their index."""
    out = np.full(len(keys), NO_EXPIRY, np.int32)
    b = StockBalance
    item_ids, place_ids, days = read_columns(
        s,
        [b.item_id, b.location_id, _ordinal(s, b.expires_on)],
        b.expires_on.is_not(None),
        b.quantity > 0,
        *_mode(b.exercise, exercise),
    )
    at, found = positions(keys, cell_keys(item_ids, place_ids))
    np.minimum.at(out, at[found], days[found].astype(np.int32))
    return out


def _ordinal(s: Session, column: ColumnElement[date]) -> ColumnElement[int]:
    """A date as Python's ``date.toordinal()``, computed by the database (a number
    crosses in a joined string; 5,000 date objects cost more than the rest of a column)."""
    if s.get_bind().dialect.name == "postgresql":
        return literal_column("1") + (column - literal_column("DATE '0001-01-01'"))
    return cast(func.julianday(column) - literal_column("1721424.5"), Integer)  # julianday of 0000-12-31 noon


def _daily_use(
    s: Session, keys: np.ndarray, exercise: bool, now: datetime, rate_days: int | None
) -> np.ndarray:
    """Units per day that left each cell over the last ``rate_days`` days, from the roll-up
    (the whole days inside the window, plus the part of the day before it that is)."""
    if not rate_days:
        return np.zeros(len(keys))
    first, last, edge_share = usage.window(now, rate_days)
    edge = first - timedelta(days=1)
    total = _outflow(s, keys, exercise, first, last) + edge_share * _outflow(s, keys, exercise, edge, edge)
    return total / rate_days


def _outflow(s: Session, keys: np.ndarray, exercise: bool, first: date, last: date) -> np.ndarray:
    """Units that left each cell from ``first`` to ``last`` (whole UTC days)."""
    u_item, u_place, u_qty = read_columns(
        s,
        [StockDailyUse.item_id, StockDailyUse.location_id, StockDailyUse.quantity],
        StockDailyUse.day >= first,
        StockDailyUse.day <= last,
        *_mode(StockDailyUse.exercise, exercise),
    )
    at, found = positions(keys, cell_keys(u_item, u_place))
    return np.bincount(at[found], weights=u_qty[found], minlength=len(keys))
