"""Reading the stock picture of a big post: the whole levels table, one item's chart, the alerts.

Figures, on a SQLite file with 1,000,000 ledger lines over 2,000 items × 50 locations
(--quick: 20,000 lines over 200 items × 20 locations), each against the same answer
from a plain ``SUM … GROUP BY`` over the ledger:
- ms for InventoryService.level_table() — every item × location with its thresholds,
  state, earliest expiry and recent daily use (days of cover): all the panel needs to
  filter, colour and sort "what runs out first" (target: <= 100 ms);
- ms for InventoryService.series() — one item's level over time, the chart's data
  (target: <= 200 ms);
- ms for InventoryService.alerts() — low stock and expiring lots, as the post's alert
  list asks every few seconds (target: <= 50 ms).
Also printed: levels() as StockLevel values (exports), and the panel's model loading
the table and sorting it by days of cover.

Run: python bench/inventory_levels.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BATCH = 50_000
KINDS = ("issue", "consume", "transfer", "return", "adjust")
PERISHABLE = 20  # every 20th item is received with a use-by date (water, food, medicine)


def _ts(at: datetime) -> str:
    """How SQLAlchemy's SQLite DateTime stores a (naive UTC) time."""
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def _catalogue(conn: sqlite3.Connection, items: int, locations: int, created: str) -> None:
    conn.executemany(
        "INSERT INTO stock_items (id, name, category, unit, critical, barcode, notes, active, created_at) "
        "VALUES (?, ?, ?, 'each', ?, NULL, '', 1, ?)",
        [(i, f"Item {i:05d}", f"Category {i % 12}", int(i % 9 == 0), created) for i in range(1, items + 1)],
    )
    conn.executemany(
        "INSERT INTO stock_locations (id, name, kind, team_id, lat, lon, active, created_at) "
        "VALUES (?, ?, ?, NULL, NULL, NULL, 1, ?)",
        [
            (i, f"Location {i:03d}", ("depot", "shelter", "vehicle", "team")[i % 4], created)
            for i in range(1, locations + 1)
        ],
    )
    conn.executemany(
        "INSERT INTO stock_thresholds (item_id, location_id, minimum, target) VALUES (?, ?, ?, ?)",
        [(i, loc, 40, 120) for i in range(1, items + 1) for loc in range(1, locations + 1, 5)],
    )


def build(path: Path, movements: int, items: int, locations: int, seed: int = 11) -> None:
    """Schema by migration; catalogue, ledger and balances by executemany (the balances
    summed here the way the ledger writer keeps them); the daily-use roll-up then by the
    program's own rebuild from the ledger."""
    from ops_console.db.engine import Database
    from ops_console.inventory import usage
    from ops_console.post import open_post

    open_post(f"sqlite:///{path}").close()
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    start = now - timedelta(days=60)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    _catalogue(conn, items, locations, _ts(start))
    balance: dict[tuple[int, int], list] = {}  # type: ignore[type-arg]  # [quantity, earliest expiry]
    rows = []
    step = (now - start) / movements
    sql = (
        "INSERT INTO stock_movements (at, kind, item_id, from_location_id, to_location_id, quantity, lot, expires_on, "
        "reason, team_id, incident_id, request_id, operator_name, exercise) "
        "VALUES (?, ?, ?, ?, ?, ?, '', ?, '', NULL, NULL, NULL, 'bench', 0)"
    )
    for n in range(movements):
        at = start + step * n
        item, loc = rng.randint(1, items), rng.randint(1, locations)
        have = balance.get((item, loc), [0, None])[0]
        kind = rng.choice(KINDS) if have > 20 else "receive"
        qty = (
            rng.randint(50, 200)
            if kind == "receive"
            else rng.randint(1, min(have, 20) if kind != "return" else 20)
        )
        expires = (
            (at + timedelta(days=rng.randint(30, 400))).date()
            if kind == "receive" and item % PERISHABLE == 0
            else None
        )
        source = target = None
        if kind in ("receive", "return"):
            target = loc
        elif kind == "transfer":
            source, target = loc, rng.randint(1, locations)
            if target == source:
                kind, target = "consume", None
        else:
            source = loc
        if source is not None:
            balance.setdefault((item, source), [0, None])[0] -= qty
        if target is not None:
            cell = balance.setdefault((item, target), [0, None])
            if expires is not None and (cell[0] <= 0 or cell[1] is None or expires < cell[1]):
                cell[1] = expires  # the ledger writer's rule for a lot's expiry
            cell[0] += qty
        rows.append((_ts(at), kind, item, source, target, qty, expires and expires.isoformat()))
        if len(rows) >= BATCH:
            conn.executemany(sql, rows)
            rows.clear()
    conn.executemany(sql, rows)
    conn.executemany(
        "INSERT INTO stock_balances (item_id, location_id, lot, exercise, quantity, expires_on, updated_at) "
        "VALUES (?, ?, '', 0, ?, ?, ?)",
        [(i, loc, q, e and e.isoformat(), _ts(now)) for (i, loc), (q, e) in balance.items()],
    )
    conn.commit()
    conn.close()
    db = Database(f"sqlite:///{path}")
    with db.write() as s:
        usage.rebuild(s)
    with db.connect(begin=True) as c:
        c.exec_driver_sql("ANALYZE")
    db.dispose()


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    """Median milliseconds of ``runs`` calls (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


LEDGER_LEVELS = """
SELECT item_id, location_id, SUM(q) AS q FROM (
  SELECT item_id, to_location_id AS location_id, quantity AS q FROM stock_movements
   WHERE to_location_id IS NOT NULL AND exercise = 0
  UNION ALL
  SELECT item_id, from_location_id, -quantity FROM stock_movements WHERE from_location_id IS NOT NULL AND exercise = 0
) GROUP BY item_id, location_id
"""
LEDGER_HISTORY = """
SELECT at, SUM(CASE WHEN to_location_id IS NOT NULL THEN quantity ELSE 0 END)
         - SUM(CASE WHEN from_location_id IS NOT NULL THEN quantity ELSE 0 END)
  FROM stock_movements WHERE item_id = ? AND exercise = 0 GROUP BY at ORDER BY at
"""
# low stock straight from the ledger: every cell summed, then held against its minimum
LEDGER_LOW_STOCK = f"""
SELECT t.item_id, t.location_id, t.minimum, COALESCE(l.q, 0) FROM stock_thresholds t
  LEFT JOIN ({LEDGER_LEVELS}) AS l ON l.item_id = t.item_id AND l.location_id = t.location_id
 WHERE t.minimum > 0 AND COALESCE(l.q, 0) < t.minimum
"""
# recent use straight from the ledger: what the roll-up replaces
LEDGER_USE = """
SELECT item_id, from_location_id, SUM(quantity) FROM stock_movements
 WHERE at >= ? AND kind IN ('issue', 'consume', 'transfer') AND exercise = 0 GROUP BY item_id, from_location_id
"""


def result(metric: str, value: float, baseline: float, target: float) -> str:
    ratio = value / baseline if baseline else 0.0
    return (
        f"RESULT inventory_levels {metric}={value:.1f}ms baseline={baseline:.1f}ms ratio={ratio:.2f} "
        f"target=<={target:g} {'PASS' if value <= target else 'MISS'}"
    )


def panel_ms(table, runs: int) -> float | None:  # type: ignore[no-untyped-def]
    """The panel's model taking the table and sorting it by days of cover (None without Qt)."""
    try:
        from PySide6.QtCore import QCoreApplication, Qt

        from ops_console.ui.inventory.model import STOCK_COLUMNS, StockTableModel
    except ImportError:
        return None
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (models want an application)
    model = StockTableModel()

    def load_and_sort() -> None:
        model.set_table(table)
        model.sort(STOCK_COLUMNS.index("cover"), Qt.SortOrder.AscendingOrder)
        model.data(model.index(0, 0))

    return timed(load_and_sort, runs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    args = parser.parse_args(argv)
    movements, items, locations, runs = (20_000, 200, 20, 5) if args.quick else (1_000_000, 2_000, 50, 7)
    from ops_console.db.engine import Database
    from ops_console.events import EventBus
    from ops_console.inventory import InventoryService
    from ops_console.shift import Shift

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.sqlite"
        print(f"writing {movements:,} movements over {items:,} items × {locations} locations …", flush=True)
        started = time.perf_counter()
        build(path, movements, items, locations)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
        db = Database(f"sqlite:///{path}")
        inventory = InventoryService(db, EventBus(), Shift())
        table = inventory.level_table()
        levels_ms = timed(inventory.level_table, runs)
        bare_ms = timed(lambda: inventory.level_table(rate_days=None), runs)
        values_ms = timed(inventory.levels, max(runs // 2, 1))
        model_ms = panel_ms(table, runs)
        alerts = inventory.alerts()
        alerts_ms = timed(inventory.alerts, runs)
        sample = random.Random(5).sample(range(1, items + 1), min(runs, items))
        points = len(inventory.series(sample[0]).times)
        history_ms = statistics.median(timed(lambda i=i: inventory.series(i), 1) for i in sample)
        db.dispose()
        conn = sqlite3.connect(path)
        week = _ts(datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=7))
        ledger_levels_ms = timed(lambda: conn.execute(LEDGER_LEVELS).fetchall(), max(runs // 2, 1))
        ledger_use_ms = timed(lambda: conn.execute(LEDGER_USE, (week,)).fetchall(), max(runs // 2, 1))
        ledger_alerts_ms = timed(lambda: conn.execute(LEDGER_LOW_STOCK).fetchall(), max(runs // 2, 1))
        ledger_history_ms = statistics.median(
            timed(lambda i=i: _running(conn.execute(LEDGER_HISTORY, (i,)).fetchall()), 1) for i in sample
        )
        conn.close()
    print(
        f"levels table: {len(table):,} item × location cells with days of cover in {levels_ms:.1f} ms "
        f"(without recent use: {bare_ms:.1f} ms; as StockLevel values: {values_ms:.1f} ms)"
    )
    print(
        f"  ledger SUM … GROUP BY: {ledger_levels_ms:.1f} ms, plus the week's use from the ledger: {ledger_use_ms:.1f} ms"
    )
    if model_ms is not None:
        print(f"  panel model: load the table and sort by what runs out first: {model_ms:.1f} ms")
    print(
        f"one item's chart: {points:,} points in {history_ms:.1f} ms (ledger GROUP BY at: {ledger_history_ms:.1f} ms)"
    )
    kinds = {
        k: sum(1 for a in alerts if a.kind == k) for k in ("out_of_stock", "low_stock", "expired", "expiring")
    }
    print(
        f"alerts: {len(alerts):,} ({', '.join(f'{n:,} {k}' for k, n in kinds.items())}) in {alerts_ms:.1f} ms "
        f"(low stock from a ledger SUM … GROUP BY: {ledger_alerts_ms:.1f} ms)"
    )
    print(result("levels_ms", levels_ms, ledger_levels_ms + ledger_use_ms, 100))
    print(result("item_history_ms", history_ms, ledger_history_ms, 200))
    print(result("alerts_ms", alerts_ms, ledger_alerts_ms, 50))


def _running(rows: list[tuple[str, int]]) -> list[int]:
    level, out = 0, []
    for _at, delta in rows:
        level += delta
        out.append(level)
    return out


if __name__ == "__main__":
    main()
