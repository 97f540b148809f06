"""Reading the stock picture of a big post: the whole levels table, one item's chart, the alerts.

Figures, on a SQLite file with 1,000,000 ledger lines over 2,000 items × 50 locations
(--quick: 20,000 lines over 200 items × 20 locations), each against two baselines: the
*floor* (``baseline``/``ratio``), reading with plain sqlite3 what the service reads (the
balances, thresholds and daily-use roll-up; for one item's chart, the ledger), and the
old way round (``ledger``/``ledger_ratio``), the same answer from a plain ``SUM … GROUP
BY`` over the ledger. Each figure is the median of ``--runs`` runs (default 3) of the
median of several calls:
- ms for InventoryService.level_table() — every item × location with its thresholds,
  state, earliest expiry and recent daily use (days of cover): all the panel needs to
  filter, colour and sort "what runs out first" (target: <= 100 ms);
- ms for InventoryService.series() — one item's level over time, the chart's data
  (target: <= 200 ms);
- ms for InventoryService.alerts() — low stock and expiring lots, as the post's alert
  list asks every few seconds (target: <= 30 ms, issue 14). Its floor reads the total
  each minimum carries, as the service does; also printed: the same alerts by summing
  every minimum's lots (what the service did before those totals).
Also printed: levels() as StockLevel values (exports), and the panel's model loading
the table and sorting it by days of cover.

Run: python bench/inventory_levels.py [--quick] [--runs N]
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

from _report import add_run_options, median_of, repeat, result_line, runs_of  # noqa: E402

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


# the floors: what the service reads (balances, thresholds, the daily-use roll-up), read with
# plain sqlite3 into tuples, no ORM, no columns; the ledger queries above are the old way round
BALANCE_CELLS = (
    "SELECT item_id, location_id, lot, quantity, expires_on FROM stock_balances WHERE exercise = 0"
)
THRESHOLDS = "SELECT item_id, location_id, minimum, target FROM stock_thresholds"
WEEK_USE = """
SELECT item_id, location_id, SUM(quantity) FROM stock_daily_use
 WHERE day >= ? AND exercise = 0 GROUP BY item_id, location_id
"""
# low stock from the total each minimum carries (kept by triggers, migration 0015): what the
# service reads; and the same answer by summing every minimum's lots, as it did before
THRESHOLD_LOW_STOCK = """
SELECT item_id, location_id, minimum, held_live FROM stock_thresholds WHERE minimum > 0 AND held_live < minimum
"""
BALANCE_LOW_STOCK = """
SELECT t.item_id, t.location_id, t.minimum, COALESCE(SUM(b.quantity), 0) AS held FROM stock_thresholds t
  LEFT JOIN stock_balances b ON b.item_id = t.item_id AND b.location_id = t.location_id AND b.exercise = 0
 WHERE t.minimum > 0 GROUP BY t.id HAVING held < t.minimum
"""
BALANCE_EXPIRING = """
SELECT item_id, location_id, lot, expires_on, SUM(quantity) FROM stock_balances
 WHERE expires_on IS NOT NULL AND expires_on <= ? AND exercise = 0 GROUP BY item_id, location_id, lot, expires_on
"""


def result(
    metric: str, value: float, floor: float, ledger: float | None, target: float, summed: float | None = None
) -> str:
    """Judged on ``value``; ``ratio`` against the floor (what the service reads, read with plain
    sqlite3), ``ledger_ratio`` against re-aggregating the ledger (None: the floor is the ledger),
    ``summed_ratio`` against summing the balances' lots where the service reads kept totals."""
    extra = {}
    if summed is not None:
        extra |= {"summed": f"{summed:.1f}ms", "summed_ratio": f"{value / summed if summed else 0:.2f}"}
    if ledger is not None:
        extra |= {"ledger": f"{ledger:.1f}ms", "ledger_ratio": f"{value / ledger if ledger else 0:.2f}"}
    return result_line("inventory_levels", metric, value, "ms", floor, f"<={target:g}", extra=extra or None)


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


def measure(path: Path, items: int, calls: int) -> dict[str, float]:
    """One run: every figure (each the median of ``calls`` calls) and what the report prints."""
    from ops_console.db.engine import Database
    from ops_console.events import EventBus
    from ops_console.inventory import InventoryService
    from ops_console.shift import Shift

    db = Database(f"sqlite:///{path}")
    inventory = InventoryService(db, EventBus(), Shift())
    table = inventory.level_table()
    few = max(calls // 2, 1)
    out: dict[str, float] = {"cells": len(table)}
    out["levels_ms"] = timed(inventory.level_table, calls)
    out["bare_ms"] = timed(lambda: inventory.level_table(rate_days=None), calls)
    out["values_ms"] = timed(inventory.levels, few)
    model_ms = panel_ms(table, calls)
    out["model_ms"] = -1.0 if model_ms is None else model_ms
    alerts = inventory.alerts()
    out["alerts_ms"] = timed(inventory.alerts, calls)
    for k in ("out_of_stock", "low_stock", "expired", "expiring"):
        out[f"alerts_{k}"] = sum(1 for a in alerts if a.kind == k)
    sample = random.Random(5).sample(range(1, items + 1), min(calls, items))
    out["points"] = len(inventory.series(sample[0]).times)
    out["history_ms"] = statistics.median(timed(lambda i=i: inventory.series(i), 1) for i in sample)
    db.dispose()
    conn = sqlite3.connect(path)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    week, day = (now - timedelta(days=7)).date().isoformat(), _ts(now - timedelta(days=7))
    soon = (now + timedelta(days=30)).date().isoformat()

    def balances_read() -> None:
        conn.execute(BALANCE_CELLS).fetchall()
        conn.execute(THRESHOLDS).fetchall()
        conn.execute(WEEK_USE, (week,)).fetchall()

    def floor_alerts() -> None:
        conn.execute(THRESHOLD_LOW_STOCK).fetchall()
        conn.execute(BALANCE_EXPIRING, (soon,)).fetchall()

    def summed_alerts() -> None:
        conn.execute(BALANCE_LOW_STOCK).fetchall()
        conn.execute(BALANCE_EXPIRING, (soon,)).fetchall()

    out["floor_levels_ms"] = timed(balances_read, calls)
    out["floor_alerts_ms"] = timed(floor_alerts, calls)
    out["summed_alerts_ms"] = timed(summed_alerts, calls)
    out["ledger_levels_ms"] = timed(lambda: conn.execute(LEDGER_LEVELS).fetchall(), few)
    out["ledger_use_ms"] = timed(lambda: conn.execute(LEDGER_USE, (day,)).fetchall(), few)
    out["ledger_alerts_ms"] = timed(lambda: conn.execute(LEDGER_LOW_STOCK).fetchall(), few)
    out["ledger_history_ms"] = statistics.median(
        timed(lambda i=i: _running(conn.execute(LEDGER_HISTORY, (i,)).fetchall()), 1) for i in sample
    )
    conn.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_options(parser)
    args = parser.parse_args(argv)
    runs = runs_of(args)
    movements, items, locations, calls = (20_000, 200, 20, 5) if args.quick else (1_000_000, 2_000, 50, 7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.sqlite"
        print(f"writing {movements:,} movements over {items:,} items × {locations} locations …", flush=True)
        started = time.perf_counter()
        build(path, movements, items, locations)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
        measured = repeat(lambda: measure(path, items, calls), runs)
    f = {k: median_of([m[k] for m in measured]) for k in measured[0]}  # each figure: the median of the runs
    print(f"figures: the median of {runs} run(s), each the median of {calls} calls")
    print(
        f"levels table: {f['cells']:,.0f} item × location cells with days of cover in {f['levels_ms']:.1f} ms "
        f"(without recent use: {f['bare_ms']:.1f} ms; as StockLevel values: {f['values_ms']:.1f} ms)"
    )
    print(
        f"  floor, balances + thresholds + the week's roll-up with plain sqlite3: {f['floor_levels_ms']:.1f} ms; "
        f"ledger SUM … GROUP BY: {f['ledger_levels_ms']:.1f} ms, plus the week's use from the ledger: "
        f"{f['ledger_use_ms']:.1f} ms"
    )
    if f["model_ms"] >= 0:
        print(f"  panel model: load the table and sort by what runs out first: {f['model_ms']:.1f} ms")
    print(
        f"one item's chart: {f['points']:,.0f} points in {f['history_ms']:.1f} ms "
        f"(ledger GROUP BY at: {f['ledger_history_ms']:.1f} ms)"
    )
    counts = ", ".join(
        f"{f['alerts_' + k]:,.0f} {k}" for k in ("out_of_stock", "low_stock", "expired", "expiring")
    )
    print(
        f"alerts: {counts} in {f['alerts_ms']:.1f} ms "
        f"(floor, low stock from the minimums' totals and expiring lots from the balances with plain "
        f"sqlite3: {f['floor_alerts_ms']:.1f} ms; the same summing every minimum's lots: "
        f"{f['summed_alerts_ms']:.1f} ms; low stock from a ledger SUM … GROUP BY: {f['ledger_alerts_ms']:.1f} ms)"
    )
    print(
        result(
            "levels_ms", f["levels_ms"], f["floor_levels_ms"], f["ledger_levels_ms"] + f["ledger_use_ms"], 100
        )
    )
    # one item's history is read from the ledger by the service too: its floor is the ledger query
    print(result("item_history_ms", f["history_ms"], f["ledger_history_ms"], None, 200))
    print(
        result(
            "alerts_ms",
            f["alerts_ms"],
            f["floor_alerts_ms"],
            f["ledger_alerts_ms"],
            30,
            f["summed_alerts_ms"],
        )
    )


def _running(rows: list[tuple[str, int]]) -> list[int]:
    level, out = 0, []
    for _at, delta in rows:
        level += delta
        out.append(level)
    return out


if __name__ == "__main__":
    main()
