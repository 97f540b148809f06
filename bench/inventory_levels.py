"""Reading the stock picture of a big post: the whole levels table and one item's chart.

Figures, on a SQLite file with 1,000,000 ledger lines over 2,000 items × 50 locations
(--quick: 20,000 lines over 200 items × 20 locations):
- ms for InventoryService.levels(rate_days=None) — every item × location with its
  thresholds, state and earliest expiry (the days-of-cover variant is printed too) — against a plain ``SUM … GROUP BY`` over the ledger (target: <= 100 ms);
- ms for InventoryService.series() — one item's level over time, the chart's data —
  against the same running level from a plain ``SUM … GROUP BY`` per time over the
  ledger (target: <= 200 ms).

Run: python bench/inventory_levels.py [--quick]
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BATCH = 50_000
KINDS = ("issue", "consume", "transfer", "return", "adjust")


def _ts(at: datetime) -> str:
    """How SQLAlchemy's SQLite DateTime stores a (naive UTC) time."""
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, movements: int, items: int, locations: int, seed: int = 11) -> None:
    """Schema by migration, then the catalogue, ledger, balances and thresholds by executemany."""
    from ops_console.post import open_post

    open_post(f"sqlite:///{path}").close()
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    start = now - timedelta(days=60)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    created = _ts(start)
    conn.executemany("INSERT INTO stock_items (id, name, category, unit, critical, barcode, notes, active, created_at) "
                     "VALUES (?, ?, ?, 'each', ?, NULL, '', 1, ?)",
                     [(i, f"Item {i:05d}", f"Category {i % 12}", int(i % 9 == 0), created) for i in range(1, items + 1)])
    conn.executemany("INSERT INTO stock_locations (id, name, kind, team_id, lat, lon, active, created_at) "
                     "VALUES (?, ?, ?, NULL, NULL, NULL, 1, ?)",
                     [(i, f"Location {i:03d}", ("depot", "shelter", "vehicle", "team")[i % 4], created)
                      for i in range(1, locations + 1)])
    balance: dict[tuple[int, int], int] = {}
    rows = []
    step = (now - start) / movements
    sql = ("INSERT INTO stock_movements (at, kind, item_id, from_location_id, to_location_id, quantity, lot, expires_on, "
           "reason, team_id, incident_id, request_id, operator_name, exercise) "
           "VALUES (?, ?, ?, ?, ?, ?, '', NULL, '', NULL, NULL, NULL, 'bench', 0)")
    for n in range(movements):
        at = _ts(start + step * n)
        item, loc = rng.randint(1, items), rng.randint(1, locations)
        have = balance.get((item, loc), 0)
        kind = rng.choice(KINDS) if have > 20 else "receive"
        qty = rng.randint(50, 200) if kind == "receive" else rng.randint(1, min(have, 20) if kind != "return" else 20)
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
            balance[(item, source)] = balance.get((item, source), 0) - qty
        if target is not None:
            balance[(item, target)] = balance.get((item, target), 0) + qty
        rows.append((at, kind, item, source, target, qty))
        if len(rows) >= BATCH:
            conn.executemany(sql, rows)
            rows.clear()
    conn.executemany(sql, rows)
    conn.executemany("INSERT INTO stock_balances (item_id, location_id, lot, exercise, quantity, expires_on, updated_at) "
                     "VALUES (?, ?, '', 0, ?, NULL, ?)", [(i, loc, q, _ts(now)) for (i, loc), q in balance.items()])
    conn.executemany("INSERT INTO stock_thresholds (item_id, location_id, minimum, target) VALUES (?, ?, ?, ?)",
                     [(i, loc, 40, 120) for i in range(1, items + 1) for loc in range(1, locations + 1, 5)])
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


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
SELECT item_id, location_id, SUM(q) FROM (
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


def result(metric: str, value: float, baseline: float, target: float) -> str:
    ratio = value / baseline if baseline else 0.0
    return (f"RESULT inventory_levels {metric}={value:.1f}ms baseline={baseline:.1f}ms ratio={ratio:.2f} "
            f"target=<={target:g} {'PASS' if value <= target else 'MISS'}")


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
        cells = len(inventory.levels(rate_days=None))
        levels_ms = timed(lambda: inventory.levels(rate_days=None), runs)
        cover_ms = timed(inventory.levels, max(runs // 2, 1))  # plus 7 days of recent use (days of cover)
        sample = random.Random(5).sample(range(1, items + 1), min(runs, items))
        points = len(inventory.series(sample[0]).times)
        history_ms = statistics.median(timed(lambda i=i: inventory.series(i), 1) for i in sample)
        db.dispose()
        conn = sqlite3.connect(path)
        ledger_levels_ms = timed(lambda: conn.execute(LEDGER_LEVELS).fetchall(), max(runs // 2, 1))
        ledger_history_ms = statistics.median(
            timed(lambda i=i: _running(conn.execute(LEDGER_HISTORY, (i,)).fetchall()), 1) for i in sample)
        conn.close()
    print(f"levels table: {cells:,} item × location cells in {levels_ms:.1f} ms "
          f"(ledger SUM … GROUP BY: {ledger_levels_ms:.1f} ms); with days of cover: {cover_ms:.1f} ms")
    print(f"one item's chart: {points:,} points in {history_ms:.1f} ms (ledger GROUP BY at: {ledger_history_ms:.1f} ms)")
    print(result("levels_ms", levels_ms, ledger_levels_ms, 100))
    print(result("item_history_ms", history_ms, ledger_history_ms, 200))


def _running(rows: list[tuple[str, int]]) -> list[int]:
    level, out = 0, []
    for _at, delta in rows:
        level += delta
        out.append(level)
    return out


if __name__ == "__main__":
    main()
