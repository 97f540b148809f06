"""The total each stock minimum carries (migration 0015, kept by the database's triggers)
always equals the sum of its cell's lots: after every kind of movement, live and in a
drill, a minimum set before or after the stock, a purge, an existing post upgraded, and
a minimum set on one workstation while another moves stock into the same new cell. The
low-stock alerts read those totals, so a stale total would be a missed or false alert.
On SQLite files and on PostgreSQL."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable

from sqlalchemy import select, text

from helpers.posts import open_signed_on, sqlite_url
from ops_console.db import migrate
from ops_console.db.copy import copy_post
from ops_console.db.engine import Database
from ops_console.db.inventory_models import StockThreshold
from ops_console.inventory import InsufficientStock, InventoryService

from .conftest import stock

# the same answer the slow way round: every minimum's lots summed from the balance rows
SUMMED = """
SELECT t.item_id, t.location_id,
       COALESCE(SUM(CASE WHEN b.exercise THEN 0 ELSE b.quantity END), 0),
       COALESCE(SUM(CASE WHEN b.exercise THEN b.quantity ELSE 0 END), 0)
  FROM stock_thresholds t
  LEFT JOIN stock_balances b ON b.item_id = t.item_id AND b.location_id = t.location_id
 GROUP BY t.id, t.item_id, t.location_id
"""


def carried(db: Database) -> dict[tuple[int, int], tuple[int, int]]:
    with db.read() as s:
        rows = s.execute(
            select(
                StockThreshold.item_id,
                StockThreshold.location_id,
                StockThreshold.held_live,
                StockThreshold.held_exercise,
            )
        ).all()
    return {(i, loc): (live, drill) for i, loc, live, drill in rows}


def summed(db: Database) -> dict[tuple[int, int], tuple[int, int]]:
    with db.read() as s:
        rows = s.execute(text(SUMMED)).all()
    return {(i, loc): (live, drill) for i, loc, live, drill in rows}


def test_the_totals_follow_every_movement_live_and_in_a_drill(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    items = [stores.sandbags.id, stores.water.id]
    places = [stores.depot.id, stores.shelter.id, stores.kit.id]
    inv.set_threshold(stores.sandbags.id, stores.depot.id, 50, 120)  # stock there already
    inv.set_threshold(stores.water.id, stores.shelter.id, 10, 30)  # none there yet
    rng = random.Random(14)
    refused = 0
    for step in range(120):
        any_post.shift.exercise = step % 3 == 2
        item, here, there = rng.choice(items), rng.choice(places), rng.choice(places)
        qty = rng.randint(1, 25)
        lot = rng.choice(["", "", "A1"])
        try:
            match rng.choice(["receive", "issue", "transfer", "consume", "return", "adjust"]):
                case "receive":
                    inv.receive(item, here, qty, lot=lot)
                case "issue":
                    inv.issue(item, here, qty, team_id=stores.team_id, lot=lot)
                case "transfer" if here != there:
                    inv.transfer(item, here, there, qty, lot=lot)
                case "consume":
                    inv.consume(item, here, qty, lot=lot)
                case "return":
                    inv.return_stock(item, here, qty, team_id=stores.team_id, lot=lot)
                case _:
                    inv.adjust(item, here, rng.choice([-1, 1]) * qty, "count", lot=lot)
        except InsufficientStock:
            refused += 1
        if step == 60:  # a minimum set halfway, on a cell with live and drill lots
            inv.set_threshold(stores.water.id, stores.depot.id, 35, 60)
        assert carried(any_post.db) == summed(any_post.db), f"step {step}"
    assert refused < 100  # most movements went through: the walk did change the stock
    assert any(drill for _live, drill in carried(any_post.db).values())
    any_post.shift.exercise = False
    any_post.exercise.purge()
    assert carried(any_post.db) == summed(any_post.db)
    assert all(drill == 0 for _live, drill in carried(any_post.db).values())


def test_low_stock_alerts_read_the_totals_in_each_mode(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    inv.set_threshold(stores.sandbags.id, stores.depot.id, 60, 120)
    assert not [a for a in inv.alerts() if a.kind == "low_stock"]  # 100 on the shelf
    any_post.shift.exercise = True
    inv.issue(stores.sandbags.id, stores.depot.id, 50, team_id=stores.team_id)
    drill = [a for a in inv.alerts() if a.item_id == stores.sandbags.id]
    assert [(a.kind, a.quantity) for a in drill] == [("low_stock", 50)]
    any_post.shift.exercise = False
    assert not [a for a in inv.alerts() if a.item_id == stores.sandbags.id]  # live stock untouched
    inv.consume(stores.sandbags.id, stores.depot.id, 100)
    assert [(a.kind, a.quantity) for a in inv.alerts() if a.item_id == stores.sandbags.id] == [
        ("out_of_stock", 0)
    ]


def test_an_existing_post_is_given_its_totals_by_the_upgrade(any_post, any_stores):
    stores, inv = any_stores, any_stores.inv
    inv.set_threshold(stores.sandbags.id, stores.depot.id, 50, 120)
    inv.set_threshold(stores.water.id, stores.depot.id, 50, 120)
    any_post.shift.exercise = True
    inv.issue(stores.water.id, stores.depot.id, 15, team_id=stores.team_id)
    any_post.shift.exercise = False
    migrate.downgrade(any_post.db, "0014_mesh_packets")
    inv.consume(stores.sandbags.id, stores.depot.id, 30)  # no trigger keeps anything now
    migrate.upgrade(any_post.db)
    assert carried(any_post.db) == {
        (stores.sandbags.id, stores.depot.id): (70, 0),
        (stores.water.id, stores.depot.id): (40, -15),
    }


def test_a_minimum_set_while_another_station_fills_the_new_cell(any_db_url, any_stores):
    """One workstation sets a minimum for the shelter's water while another receives the
    shelter's first water in the same instant; whichever commits first, the total counts
    the delivery (PostgreSQL: the cell's advisory lock; SQLite: one writer at a time)."""
    stores = any_stores
    stations = [open_signed_on(any_db_url, create_operators=False) for _ in range(2)]
    services = [InventoryService(p.db, p.bus, p.shift) for p in stations]
    for round_ in range(6):
        shelter = stores.inv.add_location(f"Shelter {round_}", stores.shelter.kind).id
        errors = at_once(
            lambda shelter=shelter: services[0].set_threshold(stores.water.id, shelter, 10, 30),
            lambda shelter=shelter, n=7 + round_: services[1].receive(stores.water.id, shelter, n),
        )
        assert not errors, (round_, errors)
        assert carried(stores.inv._db)[(stores.water.id, shelter)] == (7 + round_, 0), round_
    for p in stations:
        p.close()


def at_once(*acts: Callable[[], object]) -> list[str]:
    """Run each act on a thread of its own, released together; the errors they raised."""
    barrier, errors = threading.Barrier(len(acts)), []

    def run(act: Callable[[], object]) -> None:
        barrier.wait()
        try:
            act()
        except Exception as exc:  # noqa: BLE001 — returned, and asserted on by the caller
            errors.append(repr(exc))

    threads = [threading.Thread(target=run, args=(act,)) for act in acts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return errors


def test_a_post_copied_to_another_engine_keeps_true_totals(tmp_path, any_db_url):
    """``ops-console db copy`` inserts the minimums and the lots in whatever order the
    tables sort in, with the source's totals in the rows: the target's own triggers
    must end with its own sums, neither counting a lot twice nor missing one."""
    source = open_signed_on(sqlite_url(tmp_path / "source.sqlite"))
    stores = stock(source)
    stores.inv.set_threshold(stores.sandbags.id, stores.depot.id, 50, 120)
    stores.inv.set_threshold(stores.water.id, stores.shelter.id, 5, 20)
    stores.inv.transfer(stores.water.id, stores.depot.id, stores.shelter.id, 12)
    source.shift.exercise = True
    stores.inv.issue(stores.sandbags.id, stores.depot.id, 30, team_id=stores.team_id)
    target = Database(any_db_url)
    copy_post(source.db, target)
    assert carried(target) == carried(source.db) == summed(target)
    assert carried(target)[(stores.sandbags.id, stores.depot.id)] == (100, -30)
    source.close()
    target.dispose()
