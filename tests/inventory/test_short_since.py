"""A low or empty store says since when it is short (migration 0016, kept by a trigger
beside the totals): set when the cell falls below its minimum, kept while it stays
short whatever moves in between, cleared when it holds its minimum again. It works live
and in a drill, for a minimum raised or lowered, after an upgrade and after a copy. The
post's alert list shows it as the alert's time. On SQLite files and on PostgreSQL.

Before, these alerts had no time. A shelter out of water for two days looked the same
as one out of water for a minute, and it sorted below every timed alert of its
severity.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import select, update

from helpers.posts import open_signed_on, sqlite_url
from ops_console import alerts
from ops_console.clock import utc_now
from ops_console.db import migrate
from ops_console.db.copy import copy_post
from ops_console.db.engine import Database
from ops_console.db.inventory_models import StockBalance, StockThreshold

from .conftest import stock

CLOCKS_APART = timedelta(seconds=5)  # the database's clock against this process's


def since_of(db: Database, item_id: int, location_id: int) -> tuple[datetime | None, datetime | None]:
    with db.read() as s:
        row = s.execute(
            select(StockThreshold.short_since_live, StockThreshold.short_since_exercise).where(
                StockThreshold.item_id == item_id, StockThreshold.location_id == location_id
            )
        ).one()
    return row[0], row[1]


def near_now(at: datetime | None) -> bool:
    return at is not None and abs(at - utc_now()) < CLOCKS_APART


def test_short_since_is_set_kept_and_cleared_by_the_movements(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    cell = (stores.sandbags.id, stores.depot.id)
    inv.set_threshold(*cell, 60, 120)
    assert since_of(any_post.db, *cell) == (None, None)  # 100 on the shelf

    inv.consume(*cell, 50)  # 50 left: short
    fell, drill = since_of(any_post.db, *cell)
    assert near_now(fell) and drill == fell  # the drill's picture holds the live lots too
    time.sleep(0.05)
    inv.receive(*cell, 5)  # 55: still short, since when is unchanged
    inv.consume(*cell, 10)
    assert since_of(any_post.db, *cell) == (fell, fell)
    (alert,) = [a for a in inv.alerts() if a.item_id == stores.sandbags.id]
    assert alert.kind == "low_stock" and alert.since == fell

    inv.receive(*cell, 20)  # 65: holds its minimum again
    assert since_of(any_post.db, *cell) == (None, None)
    assert not [a for a in inv.alerts() if a.item_id == stores.sandbags.id]


def test_a_drill_shortage_is_timed_apart_from_the_live_stock(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    cell = (stores.water.id, stores.depot.id)
    inv.set_threshold(*cell, 30, 60)  # 40 on the shelf
    any_post.shift.exercise = True
    inv.issue(*cell, 25, team_id=stores.team_id)  # the drill's picture: 15
    live, drill = since_of(any_post.db, *cell)
    assert live is None and near_now(drill)
    (alert,) = [a for a in inv.alerts() if a.item_id == stores.water.id]
    assert alert.since == drill
    any_post.shift.exercise = False
    assert not [a for a in inv.alerts() if a.item_id == stores.water.id]
    any_post.exercise.purge()  # the drill's lots go: its picture is the live stock again
    assert since_of(any_post.db, *cell) == (None, None)


def test_a_minimum_raised_above_the_stock_starts_the_time(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    cell = (stores.sandbags.id, stores.depot.id)
    inv.set_threshold(*cell, 50, 120)
    assert since_of(any_post.db, *cell) == (None, None)
    inv.set_threshold(*cell, 150, 200)  # the plan now asks for more than the 100 held
    assert near_now(since_of(any_post.db, *cell)[0])
    inv.set_threshold(*cell, 80, 200)
    assert since_of(any_post.db, *cell) == (None, None)
    inv.set_threshold(stores.water.id, stores.shelter.id, 10, 20)  # a new minimum on an empty cell
    assert near_now(since_of(any_post.db, stores.water.id, stores.shelter.id)[0])


def test_the_post_alert_list_gives_the_store_its_time(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    inv.set_threshold(stores.sandbags.id, stores.depot.id, 60, 120)
    inv.consume(stores.sandbags.id, stores.depot.id, 100)  # out of stock
    (alert,) = [
        a for a in alerts.stock_alerts(any_post, utc_now()) if a.target == ("stock", stores.sandbags.id)
    ]
    assert alert.severity is alerts.Severity.CRITICAL and near_now(alert.since)


def test_an_upgrade_times_the_cells_short_already(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    cell = (stores.sandbags.id, stores.depot.id)
    inv.set_threshold(*cell, 60, 120)
    inv.set_threshold(stores.water.id, stores.depot.id, 10, 60)  # 40 held: not short
    migrate.downgrade(any_post.db, "0015_stock_held")
    inv.consume(*cell, 70)  # short now, with no trigger to say since when
    last_move = utc_now() - timedelta(hours=3)  # as if that consumption was three hours ago
    with any_post.db.write() as s:
        s.execute(
            update(StockBalance)
            .where(StockBalance.item_id == cell[0], StockBalance.location_id == cell[1])
            .values(updated_at=last_move)
        )
    migrate.upgrade(any_post.db)
    live, drill = since_of(any_post.db, *cell)
    assert live is not None and abs(live - last_move) < timedelta(seconds=1) and drill == live
    assert since_of(any_post.db, stores.water.id, stores.depot.id) == (None, None)


def test_a_copied_post_keeps_when_its_stores_fell_short(tmp_path, any_db_url):
    source = open_signed_on(sqlite_url(tmp_path / "source.sqlite"))
    stores = stock(source)
    cell = (stores.sandbags.id, stores.depot.id)
    stores.inv.set_threshold(*cell, 60, 120)
    stores.inv.consume(*cell, 50)
    fell = since_of(source.db, *cell)
    assert fell[0] is not None
    time.sleep(1.1)  # a copy that re-timed the shortage would show a later second
    target = Database(any_db_url)
    copy_post(source.db, target)
    assert since_of(target, *cell) == fell
    source.close()
    target.dispose()
