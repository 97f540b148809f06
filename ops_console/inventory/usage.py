"""The daily outflow roll-up behind "what runs out first".

The recent issue rate of a cell (item × location) is its outflow over the last days
divided by the days. Summing the newest ledger lines for every cell costs a scan of
~100,000 lines on a big post, so each outflow also adds its quantity to one row per
item × location × UTC day (``stock_daily_use``) in the movement's own transaction.
The rate then reads a week of that roll-up: a few thousand rows per day at most.

The ledger stays the truth: ``rebuild`` recomputes the roll-up from it (the migration
that introduced the table does the same), and the tests compare the two.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Date, cast, delete, func, insert, select
from sqlalchemy.orm import Session

from ops_console.db.inventory_models import StockDailyUse, StockMovement
from ops_console.db.upsert import insert_for

from .views import MovementKind

# what counts as use: stock that left a location for the field or another location
OUTFLOW = (MovementKind.ISSUE.value, MovementKind.CONSUME.value, MovementKind.TRANSFER.value)


def count(s: Session, move: StockMovement) -> None:
    """Add an outflow to its day's row, creating the row if it is the first of the day.

    An upsert that adds on conflict, so two stations issuing at the same moment both
    count (neither overwrites the other) on SQLite and on PostgreSQL alike."""
    if move.kind not in OUTFLOW or move.from_location_id is None:
        return
    values = {
        "day": move.at.astimezone(timezone.utc).date(),
        "item_id": move.item_id,
        "location_id": move.from_location_id,
        "exercise": move.exercise,
        "quantity": move.quantity,
    }
    insert_ = insert_for(s.get_bind().dialect.name)
    statement = insert_(StockDailyUse).values(values)
    s.execute(
        statement.on_conflict_do_update(
            index_elements=[
                StockDailyUse.day,
                StockDailyUse.item_id,
                StockDailyUse.location_id,
                StockDailyUse.exercise,
            ],
            set_={"quantity": StockDailyUse.quantity + statement.excluded.quantity},
        )
    )


def window(now: datetime, days: int) -> tuple[date, date, float]:
    """The last ``days`` × 24 h up to ``now`` in the roll-up's whole UTC days.

    Returns the first and last whole day inside it (today, so far, is the last) and
    the share of the day before the first that still lies inside the window: that edge
    day's outflow is counted with this weight, as if it had been spread evenly over
    the day. So the rate stays "units per day over the last week" at any hour, instead
    of sagging each morning while today is still short."""
    now = now.astimezone(timezone.utc)
    today = now.date()
    elapsed = (now - datetime.combine(today, time(), timezone.utc)) / timedelta(days=1)
    return today - timedelta(days=days - 1), today, 1.0 - elapsed


def rebuild(s: Session) -> int:
    """Recompute the whole roll-up from the ledger; returns the rows written.

    For a bulk-loaded ledger (the benchmark) and as a repair; ``count`` keeps it
    current otherwise."""
    day = (
        func.date(StockMovement.at) if s.get_bind().dialect.name == "sqlite" else cast(StockMovement.at, Date)
    )
    source = (
        select(
            day,
            StockMovement.item_id,
            StockMovement.from_location_id,
            StockMovement.exercise,
            func.sum(StockMovement.quantity),
        )
        .where(StockMovement.kind.in_(OUTFLOW), StockMovement.from_location_id.is_not(None))
        .group_by(day, StockMovement.item_id, StockMovement.from_location_id, StockMovement.exercise)
    )
    s.execute(delete(StockDailyUse))
    s.execute(
        insert(StockDailyUse).from_select(["day", "item_id", "location_id", "exercise", "quantity"], source)
    )
    return s.scalar(select(func.count()).select_from(StockDailyUse)) or 0  # rowcount: -1 on psycopg here
