"""The columnar levels table and the daily-use roll-up agree with the ledger, on both engines.

A seeded random walk of movements (several days, lots with expiry dates, refused
overdraws) goes through the real service; the expected picture is then summed by hand
from the ledger rows, the way the benchmark's baseline does it in SQL.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.inventory_models import StockBalance, StockDailyUse, StockMovement, StockThreshold
from ops_console.inventory import InsufficientStock, LevelState, MovementDraft, MovementKind, usage
from ops_console.inventory.table import states
from ops_console.inventory.views import level_state

KINDS = (
    MovementKind.RECEIVE,
    MovementKind.ISSUE,
    MovementKind.TRANSFER,
    MovementKind.CONSUME,
    MovementKind.RETURN,
)


def walk(stores, steps: int, seed: int, now: datetime) -> None:
    """Random movements over the last ten days between the three locations of ``stores``."""
    rng = random.Random(seed)
    items = [stores.sandbags.id, stores.water.id]
    places = [stores.depot.id, stores.shelter.id, stores.kit.id]
    stores.inv.set_threshold(stores.water.id, stores.shelter.id, 30, 80)
    stores.inv.set_threshold(stores.water.id, stores.kit.id, 5, 10)
    for n in range(steps):
        kind, item = rng.choice(KINDS), rng.choice(items)
        source, target = rng.sample(places, 2)
        at = now - timedelta(days=10) + timedelta(hours=n * 240 / steps)
        lot = rng.choice(["", "A", "B"]) if item == stores.water.id else ""
        expires = date(2031, 1, 1) + timedelta(days=rng.randint(0, 90)) if lot else None
        sides = {
            "receive": {"to_location_id": target},
            "return": {"to_location_id": target},
            "issue": {"from_location_id": source},
            "consume": {"from_location_id": source},
            "transfer": {"from_location_id": source, "to_location_id": target},
        }[kind.value]
        draft = MovementDraft(
            kind,
            item,
            rng.randint(1, 40),
            lot=lot if "to_location_id" in sides else "",
            expires_on=expires if kind == MovementKind.RECEIVE else None,
            team_id=stores.team_id if kind in (MovementKind.ISSUE, MovementKind.RETURN) else None,
            **sides,
        )
        try:
            stores.inv.record(draft, at=at)
        except InsufficientStock:
            pass


def ledger_lines(stores):
    with stores.inv._db.read() as s:
        return s.execute(
            select(
                StockMovement.at,
                StockMovement.kind,
                StockMovement.item_id,
                StockMovement.from_location_id,
                StockMovement.to_location_id,
                StockMovement.quantity,
                StockMovement.exercise,
            )
        ).all()


def summed(lines) -> dict[tuple[int, int], int]:
    cells: dict[tuple[int, int], int] = defaultdict(int)
    for _at, _kind, item, source, target, qty, _ex in lines:
        if source is not None:
            cells[(item, source)] -= qty
        if target is not None:
            cells[(item, target)] += qty
    return dict(cells)


def outflow_by_day(lines) -> dict[tuple[date, int, int, bool], int]:
    days: dict[tuple[date, int, int, bool], int] = defaultdict(int)
    for at, kind, item, source, _target, qty, exercise in lines:
        if kind in usage.OUTFLOW and source is not None:
            days[(at.astimezone(timezone.utc).date(), item, source, exercise)] += qty
    return dict(days)


@pytest.mark.parametrize("seed", [3, 8])
def test_the_table_is_the_ledger_summed(any_stores, seed):
    now = utc_now()
    walk(any_stores, 80, seed, now)
    lines = ledger_lines(any_stores)
    table = any_stores.inv.level_table(now=now)
    got = {(lv.item_id, lv.location_id): lv for lv in table.levels()}
    expected = summed(lines)
    assert {k: lv.quantity for k, lv in got.items() if k in expected} == expected
    assert all(lv.quantity == 0 for k, lv in got.items() if k not in expected)  # a threshold, no stock yet
    with any_stores.inv._db.read() as s:
        thresholds = {
            (i, loc): (low, top)
            for i, loc, low, top in s.execute(
                select(
                    StockThreshold.item_id,
                    StockThreshold.location_id,
                    StockThreshold.minimum,
                    StockThreshold.target,
                )
            )
        }
        lots = s.execute(
            select(
                StockBalance.item_id, StockBalance.location_id, StockBalance.quantity, StockBalance.expires_on
            )
        ).all()
    for key, (low, top) in thresholds.items():
        assert (got[key].minimum, got[key].target) == (low, top)
    for key, lv in got.items():
        held = [e for i, loc, q, e in lots if (i, loc) == key and q > 0 and e is not None]
        assert lv.earliest_expiry == (min(held) if held else None)
        assert lv.state == level_state(lv.quantity, lv.minimum, lv.target)
    first, last, share = usage.window(now, 7)
    use = defaultdict(float)
    for (day, item, place, _ex), qty in outflow_by_day(lines).items():
        use[(item, place)] += (
            qty if first <= day <= last else qty * share if day == first - timedelta(days=1) else 0
        )
    assert {k: round(lv.daily_use, 9) for k, lv in got.items() if lv.daily_use} == {
        k: round(v / 7, 9) for k, v in use.items() if v
    }


def test_the_daily_roll_up_is_the_ledger_grouped_and_rebuilds_the_same(any_stores):
    walk(any_stores, 60, 5, utc_now())
    expected = outflow_by_day(ledger_lines(any_stores))
    with any_stores.inv._db.read() as s:
        kept = {
            (d, i, loc, ex): q
            for d, i, loc, ex, q in s.execute(
                select(
                    StockDailyUse.day,
                    StockDailyUse.item_id,
                    StockDailyUse.location_id,
                    StockDailyUse.exercise,
                    StockDailyUse.quantity,
                )
            )
        }
    assert kept == expected and len({d for d, *_ in kept}) >= 5
    with any_stores.inv._db.write() as s:
        assert usage.rebuild(s) == len(expected)
        again = {(d, i, loc, ex): q for d, i, loc, ex, q in s.execute(select(StockDailyUse.__table__))}
    assert again == expected


def test_an_exercise_sees_live_stock_plus_its_own_and_the_purge_takes_its_use(any_post, any_stores):
    inv, water, depot = any_stores.inv, any_stores.water, any_stores.depot
    any_post.shift.exercise = True
    inv.issue(water.id, depot.id, 14, team_id=any_stores.team_id)
    drill = inv.level_table().levels()
    cell = next(lv for lv in drill if (lv.item_id, lv.location_id) == (water.id, depot.id))
    assert cell.quantity == 26 and cell.daily_use == pytest.approx(2.0)
    any_post.shift.exercise = False
    live = next(
        lv for lv in inv.level_table().levels() if (lv.item_id, lv.location_id) == (water.id, depot.id)
    )
    assert live.quantity == 40 and live.daily_use == 0
    any_post.exercise.purge()
    with inv._db.read() as s:
        assert s.execute(select(StockDailyUse.exercise)).all() == []


def test_the_rate_window_counts_the_part_of_the_edge_day_inside_it():
    now = datetime(2026, 11, 29, 6, 0, tzinfo=timezone.utc)
    first, last, share = usage.window(now, 7)
    assert (first, last, share) == (date(2026, 11, 23), date(2026, 11, 29), 0.75)
    assert usage.window(now.astimezone(timezone(timedelta(hours=8))), 7) == (first, last, share)


@given(st.lists(st.tuples(st.integers(-5, 30), st.integers(0, 20), st.integers(0, 40)), max_size=50))
def test_column_states_follow_the_same_rules_as_one_level(cells):
    import numpy as np

    quantity, minimum, target = (np.array([c[n] for c in cells], np.int64) for n in range(3))
    got = [list(LevelState)[s] for s in states(quantity, minimum, target)]
    assert got == [level_state(q, low, top) for q, low, top in cells]


def test_filters_and_sort_orders_of_the_table(stores):
    inv = stores.inv
    inv.issue(stores.sandbags.id, stores.depot.id, 70, team_id=stores.team_id)
    inv.transfer(stores.water.id, stores.depot.id, stores.shelter.id, 10)
    inv.issue(stores.water.id, stores.shelter.id, 1, team_id=stores.team_id)
    table = inv.level_table()
    levels = table.levels()
    rows = table.select()
    by_cover = [levels[i] for i in table.order(rows, "cover")]
    assert by_cover == sorted(levels, key=lambda lv: (lv.days_of_cover is None, lv.days_of_cover or 0))
    by_name = [levels[i].item_name for i in table.order(rows, "item", descending=True)]
    assert by_name == sorted((lv.item_name for lv in levels), key=str.casefold, reverse=True)
    assert {levels[i].location_id for i in table.select(location_id=stores.shelter.id)} == {stores.shelter.id}
    assert {levels[i].item_id for i in table.select(critical_only=True)} == {stores.sandbags.id}
    assert [levels[i].category for i in table.select(category="Water & food")] == ["Water & food"] * 2
    assert len(table.select(category="No such category")) == 0
    assert table.row_of(stores.water.id, stores.shelter.id) is not None and table.row_of(999, 1) is None


def test_alerts_are_the_short_cells_and_the_lots_about_to_expire(any_stores):
    s_, now = any_stores, utc_now()
    walk(s_, 40, 13, now)
    today = now.astimezone().date()
    s_.inv.receive(s_.water.id, s_.kit.id, 3, lot="OLD", expires_on=today - timedelta(days=1))
    s_.inv.receive(s_.water.id, s_.depot.id, 2, lot="SOON", expires_on=today + timedelta(days=3))
    s_.inv.receive(s_.sandbags.id, s_.depot.id, 2, lot="LATER", expires_on=today + timedelta(days=30))
    s_.inv.set_threshold(s_.sandbags.id, s_.shelter.id, 10_000, 20_000)
    held = summed(ledger_lines(s_))
    alerts = s_.inv.alerts(days=14)
    with s_.inv._db.read() as s:
        minima = s.execute(
            select(StockThreshold.item_id, StockThreshold.location_id, StockThreshold.minimum)
        ).all()
    short = {(i, loc) for i, loc, low in minima if low > 0 and held.get((i, loc), 0) < low}
    assert {(a.item_id, a.location_id) for a in alerts if a.kind in ("low_stock", "out_of_stock")} == short
    assert all(
        (a.kind == "out_of_stock") == (a.quantity <= 0)
        for a in alerts
        if a.kind in ("low_stock", "out_of_stock")
    )
    dated = [(a.kind, a.location_id, a.quantity, a.expires_on) for a in alerts if a.expires_on]
    assert dated == [
        ("expired", s_.kit.id, 3, today - timedelta(days=1)),
        ("expiring", s_.depot.id, 2, today + timedelta(days=3)),
    ]
    assert alerts[0].critical and alerts[0].item_id == s_.sandbags.id  # critical items first
