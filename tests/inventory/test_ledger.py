"""The ledger: levels are sums of movements, every movement is audited, bad input is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.db.inventory_models import StockBalance, StockMovement
from ops_console.db.models import AuditEntry
from ops_console.domain import Role
from ops_console.errors import PermissionDenied, ValidationError
from ops_console.inventory import InsufficientStock, LevelState, MovementDraft, MovementKind
from ops_console.services import audit


def level(stores, item, location) -> int:
    return next(
        (
            lv.quantity
            for lv in stores.inv.levels()
            if lv.item_id == item.id and lv.location_id == location.id
        ),
        0,
    )


def test_every_kind_of_movement_changes_the_level_and_writes_an_audit_entry(any_post, any_stores):
    s = any_stores
    inv = s.inv
    inv.transfer(s.sandbags.id, s.depot.id, s.shelter.id, 30)
    inv.issue(s.sandbags.id, s.depot.id, 20, team_id=s.team_id)
    inv.return_stock(s.sandbags.id, s.depot.id, 5, team_id=s.team_id)
    inv.consume(s.sandbags.id, s.shelter.id, 10)
    inv.adjust(s.sandbags.id, s.depot.id, -2, "Two bags split open")
    assert level(s, s.sandbags, s.depot) == 100 - 30 - 20 + 5 - 2
    assert level(s, s.sandbags, s.shelter) == 20
    with any_post.db.read() as db:
        actions = db.scalars(select(AuditEntry.action).where(AuditEntry.entity == "stock_movement")).all()
        moves = db.scalar(select(func.count()).select_from(StockMovement))
    assert sorted(actions) == sorted(
        [
            "stock.receive",
            "stock.receive",
            "stock.transfer",
            "stock.issue",
            "stock.return",
            "stock.consume",
            "stock.adjust",
        ]
    )
    assert moves == len(actions)
    assert audit.verify(any_post.db).ok


def test_the_level_is_the_sum_of_the_ledger(stores):
    inv = stores.inv
    inv.transfer(stores.sandbags.id, stores.depot.id, stores.shelter.id, 25)
    inv.consume(stores.sandbags.id, stores.shelter.id, 5)
    with stores.inv._db.read() as s:  # the ledger, summed by hand
        legs = s.execute(
            select(
                StockMovement.from_location_id, StockMovement.to_location_id, StockMovement.quantity
            ).where(StockMovement.item_id == stores.sandbags.id)
        ).all()
        balances = dict(
            s.execute(
                select(StockBalance.location_id, StockBalance.quantity).where(
                    StockBalance.item_id == stores.sandbags.id
                )
            ).all()
        )
    summed: dict[int, int] = {}
    for source, target, qty in legs:
        if source:
            summed[source] = summed.get(source, 0) - qty
        if target:
            summed[target] = summed.get(target, 0) + qty
    assert summed == balances == {stores.depot.id: 75, stores.shelter.id: 20}


def test_negative_stock_is_refused_with_a_clear_message(stores):
    with pytest.raises(
        InsufficientStock,
        match=r"Only 40 pack of 6 of Bottled water 1.5 l at Depot North Gate; "
        r"cannot issue 41",
    ) as caught:
        stores.inv.issue(stores.water.id, stores.depot.id, 41, team_id=stores.team_id)
    assert caught.value.available == 40
    assert level(stores, stores.water, stores.depot) == 40


@pytest.mark.parametrize(
    "quantity, words",
    [
        (0, "more than zero"),
        (-5, "more than zero"),
        ("12", "whole number"),
        (2.5, "whole number"),
        (True, "whole number"),
        (10**9, "check the number"),
    ],
)
def test_bad_quantities_are_refused_at_the_field(stores, quantity, words):
    with pytest.raises(ValidationError) as caught:
        stores.inv.receive(stores.sandbags.id, stores.depot.id, quantity)
    assert words in caught.value.problems["quantity"]
    assert level(stores, stores.sandbags, stores.depot) == 100


def test_an_adjustment_needs_a_reason_and_a_non_zero_difference(stores):
    with pytest.raises(ValidationError) as caught:
        stores.inv.adjust(stores.sandbags.id, stores.depot.id, -3, "  ")
    assert "reason" in caught.value.problems
    with pytest.raises(ValidationError, match="zero"):
        stores.inv.adjust(stores.sandbags.id, stores.depot.id, 0, "count")


def test_an_issue_names_its_recipient_and_unknown_places_are_refused(stores):
    with pytest.raises(ValidationError) as caught:
        stores.inv.issue(stores.sandbags.id, stores.depot.id, 5)
    assert "recipient" in caught.value.problems
    with pytest.raises(ValidationError) as caught:
        stores.inv.receive(stores.sandbags.id, 9999, 5)
    assert "to_location_id" in caught.value.problems
    with pytest.raises(ValidationError):
        stores.inv.transfer(stores.sandbags.id, stores.depot.id, stores.depot.id, 5)


def test_viewers_may_not_move_stock(post, stores):
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    with pytest.raises(PermissionDenied, match="may not issue stock"):
        stores.inv.issue(stores.sandbags.id, stores.depot.id, 1, team_id=stores.team_id)


def test_outflow_without_a_lot_takes_the_first_expiry_first(stores):
    inv, water = stores.inv, stores.water
    soon, later = date.today() + timedelta(days=20), date.today() + timedelta(days=200)
    inv.receive(water.id, stores.shelter.id, 10, lot="B", expires_on=later)
    inv.receive(water.id, stores.shelter.id, 10, lot="A", expires_on=soon)
    moves = inv.consume(water.id, stores.shelter.id, 15)
    assert [(m.lot, m.quantity) for m in moves] == [("A", 10), ("B", 5)]


def test_thresholds_give_states_and_low_stock_and_expiry_alerts(stores):
    inv = stores.inv
    inv.set_threshold(stores.sandbags.id, stores.depot.id, 120, 300)
    inv.set_threshold(stores.water.id, stores.depot.id, 10, 60)
    inv.set_threshold(stores.water.id, stores.shelter.id, 5, 20)  # nothing there yet: out
    inv.receive(
        stores.water.id, stores.depot.id, 5, lot="W-7", expires_on=(utc_now() + timedelta(days=3)).date()
    )
    states = {(lv.item_id, lv.location_id): lv.state for lv in inv.levels()}
    assert states[(stores.sandbags.id, stores.depot.id)] == LevelState.LOW
    assert states[(stores.water.id, stores.depot.id)] == LevelState.BELOW_TARGET
    assert states[(stores.water.id, stores.shelter.id)] == LevelState.OUT
    alerts = inv.alerts(days=7)
    assert [a.kind for a in alerts] == ["low_stock", "out_of_stock", "expiring"]  # critical item first
    assert "Low on Sandbags, filled at Depot North Gate: 100 bag (minimum 120)" == alerts[0].message
    assert "lot W-7" in alerts[2].message
    assert alerts[1].message.startswith("Out of ") and alerts[1].message.endswith("(minimum 5)")
    expires = (utc_now() + timedelta(days=3)).date().isoformat()
    assert alerts[2].message.endswith(f": 5 {alerts[2].unit} expires on {expires}")
    assert not [a for a in inv.alerts(days=1) if a.kind == "expiring"]
    with pytest.raises(ValidationError):
        inv.set_threshold(stores.water.id, stores.depot.id, 50, 10)


def test_days_of_cover_come_from_the_recent_issue_rate(stores):
    inv = stores.inv
    inv.record(
        MovementDraft(
            MovementKind.ISSUE,
            stores.sandbags.id,
            14,
            from_location_id=stores.depot.id,
            team_id=stores.team_id,
        ),
        at=utc_now() - timedelta(days=2),
    )
    inv.record(
        MovementDraft(
            MovementKind.ISSUE,
            stores.sandbags.id,
            50,
            from_location_id=stores.depot.id,
            team_id=stores.team_id,
        ),
        at=utc_now() - timedelta(days=30),
    )  # too old to count
    lv = next(lv for lv in inv.levels() if lv.item_id == stores.sandbags.id)
    assert lv.daily_use == pytest.approx(2.0)
    assert lv.days_of_cover == pytest.approx(36 / 2.0)


def test_the_history_steps_per_location_and_in_total(stores):
    inv = stores.inv
    inv.transfer(stores.sandbags.id, stores.depot.id, stores.shelter.id, 30)
    inv.consume(stores.sandbags.id, stores.shelter.id, 10)
    inv.set_threshold(stores.sandbags.id, stores.shelter.id, 5, 25)
    assert inv.series(stores.sandbags.id, stores.shelter.id).levels == (30, 20)
    total = inv.series(stores.sandbags.id)
    assert total.levels == (100, 90) and total.minimum == 5 and total.target == 25


def test_exercise_movements_never_change_the_live_stock(post, stores):
    post.shift.exercise = True
    stores.inv.issue(stores.sandbags.id, stores.depot.id, 90, team_id=stores.team_id)
    assert level(stores, stores.sandbags, stores.depot) == 10  # the drill sees live minus its own
    with pytest.raises(InsufficientStock):
        stores.inv.issue(stores.sandbags.id, stores.depot.id, 11, team_id=stores.team_id)
    post.shift.exercise = False
    assert level(stores, stores.sandbags, stores.depot) == 100


def test_items_and_locations_are_unique_and_found_by_barcode(stores):
    with pytest.raises(ValidationError):
        stores.inv.add_item("Sandbags, filled", "Flood defence", "bag")
    assert stores.inv.item_by_code(" 6940002 ").id == stores.water.id
    assert stores.inv.item_by_code("nothing") is None


def test_a_short_outflow_is_refused_before_anything_is_written(post, stores):
    """The demo (inventory/demo.py) records hundreds of movements in one transaction without
    a savepoint each, skipping the ones the ledger refuses: that is only sound while a
    refusal leaves the transaction exactly as it found it."""
    from ops_console.inventory import ledger
    from ops_console.services.audit import SYSTEM

    short = MovementDraft(
        MovementKind.TRANSFER,
        stores.sandbags.id,
        101,
        from_location_id=stores.depot.id,
        to_location_id=stores.shelter.id,
    )
    with post.db.write() as s:
        counts = [
            s.scalar(select(func.count()).select_from(t)) for t in (StockMovement, StockBalance, AuditEntry)
        ]
        with pytest.raises(InsufficientStock):
            ledger.record(s, SYSTEM, short, exercise=False)
        assert not s.new and not s.dirty and not s.deleted
        after = [
            s.scalar(select(func.count()).select_from(t)) for t in (StockMovement, StockBalance, AuditEntry)
        ]
        assert after == counts  # not even the shelter's empty balance row
        ledger.record(s, SYSTEM, replace(short, quantity=100), exercise=False)  # the same transaction goes on
    assert level(stores, stores.sandbags, stores.shelter) == 100
