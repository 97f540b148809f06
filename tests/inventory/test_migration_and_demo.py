"""The 0003 and 0006 revisions match the models and step down cleanly; 0006 rolls up an
existing ledger; the demo stores look as promised."""

from __future__ import annotations

from datetime import timedelta

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from ops_console.clock import utc_now
from ops_console.db import migrate
from ops_console.db.inventory_models import StockDailyUse
from ops_console.db.schema import Base
from ops_console.inventory import MovementDraft, MovementKind
from ops_console.services import audit

INVENTORY_TABLES = {
    "stock_items",
    "stock_locations",
    "stock_thresholds",
    "stock_requests",
    "stock_movements",
    "stock_balances",
    "stock_daily_use",
}


def test_the_migration_matches_the_models_and_downgrades(any_post):
    with any_post.db.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diff if "stock_" in repr(d)] == []
    migrate.downgrade(any_post.db, "0003_inventory-1")
    assert not INVENTORY_TABLES & set(inspect(any_post.db.engine).get_table_names())
    migrate.upgrade(any_post.db)
    assert INVENTORY_TABLES <= set(inspect(any_post.db.engine).get_table_names())


def test_the_demo_inventory(post):
    from ops_console.demo import build_demo_post
    from ops_console.inventory.demo import build_demo_inventory

    build_demo_post(post)
    inv = build_demo_inventory(post)
    kinds = [a.kind for a in inv.alerts()]
    assert kinds.count("low_stock") + kinds.count("out_of_stock") == 2 and kinds.count("expiring") == 1
    assert len(inv.requests()) == 3 and 45 <= len(inv.items()) <= 55
    locations = inv.locations()
    assert [loc.kind.value for loc in locations].count("team") == 6
    assert all(loc.team_id for loc in locations if loc.kind.value == "team")
    assert all(loc.lat for loc in locations if loc.kind.value in ("depot", "shelter"))
    assert audit.verify(post.db).ok


def test_the_daily_use_revision_rolls_up_an_existing_ledger(any_post, any_stores):
    inv, s_ = any_stores.inv, any_stores
    inv.record(
        MovementDraft(
            MovementKind.ISSUE, s_.sandbags.id, 10, from_location_id=s_.depot.id, team_id=s_.team_id
        ),
        at=utc_now() - timedelta(days=3),
    )
    inv.transfer(s_.sandbags.id, s_.depot.id, s_.shelter.id, 20)
    inv.consume(s_.water.id, s_.depot.id, 5)
    inv.consume(s_.water.id, s_.depot.id, 2)
    inv.receive(s_.water.id, s_.shelter.id, 9)  # not an outflow: no row

    def rolled_up() -> set[tuple]:  # type: ignore[type-arg]
        with any_post.db.read() as s:
            return {tuple(r) for r in s.execute(select(StockDailyUse.__table__))}

    kept = rolled_up()
    migrate.downgrade(any_post.db, "0005_sirens")
    assert "stock_daily_use" not in inspect(any_post.db.engine).get_table_names()
    migrate.upgrade(any_post.db)
    assert rolled_up() == kept and sorted(r[-1] for r in kept) == [7, 10, 20]
