"""The 0003 revision matches the models and steps down cleanly; the demo stores look as promised."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from ops_console.db import migrate
from ops_console.db.schema import Base
from ops_console.services import audit

INVENTORY_TABLES = {"stock_items", "stock_locations", "stock_thresholds", "stock_requests", "stock_movements",
                    "stock_balances"}


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
