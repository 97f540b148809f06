"""Two stations issue the last units at the same moment: one gets a clear refusal, and
stock never goes negative — on SQLite files and on PostgreSQL, with separate engines.
Both stations' issues are counted in the daily-use roll-up (neither upsert is lost)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from helpers.posts import open_signed_on
from ops_console.db.inventory_models import StockDailyUse
from ops_console.inventory import InsufficientStock, InventoryService


def test_two_stations_issue_the_last_units_at_the_same_time(any_db_url, any_stores):
    stores = any_stores
    stations = [open_signed_on(any_db_url, create_operators=False) for _ in range(2)]
    services = [InventoryService(p.db, p.bus, p.shift) for p in stations]
    barrier, results = threading.Barrier(2), []

    def issue(inv: InventoryService) -> None:
        barrier.wait()
        try:
            inv.issue(stores.water.id, stores.depot.id, 30, team_id=stores.team_id)  # 40 on the shelf
            results.append("issued")
        except InsufficientStock as exc:
            results.append(str(exc))

    threads = [threading.Thread(target=issue, args=(inv,)) for inv in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for p in stations:
        p.close()
    assert sorted(results)[1] == "issued" and sorted(results)[0].startswith(
        "Only 10 pack of 6 of Bottled water"
    )
    level = next(lv for lv in stores.inv.levels() if lv.item_id == stores.water.id)
    assert level.quantity == 10


def test_many_small_issues_from_two_stations_never_overdraw(any_db_url, any_stores):
    stores = any_stores
    stations = [open_signed_on(any_db_url, create_operators=False) for _ in range(2)]
    services = [InventoryService(p.db, p.bus, p.shift) for p in stations]
    issued = [0, 0]

    def drain(n: int) -> None:
        for _ in range(30):
            try:
                services[n].issue(stores.water.id, stores.depot.id, 3, team_id=stores.team_id)
                issued[n] += 3
            except InsufficientStock:
                return

    threads = [threading.Thread(target=drain, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for p in stations:
        p.close()
    left = next(lv for lv in stores.inv.levels() if lv.item_id == stores.water.id).quantity
    assert sum(issued) == 39 and left == 1
    with stores.inv._db.read() as s:
        counted = s.scalar(
            select(func.sum(StockDailyUse.quantity)).where(StockDailyUse.item_id == stores.water.id)
        )
    assert counted == 39
