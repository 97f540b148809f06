"""Inventory: each stock minimum says since when its cell has been short, so the post's
alert list gives a low or empty store its time ("Since"), as every other alert has.

Before, a shelter out of bottled water had no time on its alert. That alert sorted below
every alert of its severity that had one, and nobody could tell an hour-old shortage
from a two-day-old one.

``short_since_live`` is when the live stock of the cell went below its minimum.
``short_since_exercise`` is the same for the drill's picture, which is the live and drill
lots together. Each is NULL while the cell holds its minimum, or when it has none. The
database keeps them in the same way as the totals they follow (migration 0015): a
trigger on ``stock_thresholds`` fires when a total or the minimum changes. It sets the
time when the cell falls short and keeps it while the cell stays short, whatever moves
in between. It clears it once the cell holds its minimum again. The time is the
database's own clock, in UTC: the moment of the movement's write.

Cells already short when this migration runs get the time of their newest balance row
(the last movement into or out of the cell), or the upgrade's own time where no row
exists. That time is the closest the stored rows can give.

Revision ID: 0016_stock_short_since
Revises: 0015_stock_held
Create Date: 2026-12-07 14:15:00.000000
"""
from alembic import op
import sqlalchemy as sa
import ops_console.db.types


revision = '0016_stock_short_since'
down_revision = '0015_stock_held'
branch_labels = None
depends_on = None

# whether a threshold row's cell is short, live and in the drill's picture
_SHORT_LIVE = "({row}.minimum > 0 AND {row}.held_live < {row}.minimum)"
_SHORT_DRILL = "({row}.minimum > 0 AND {row}.held_live + {row}.held_exercise < {row}.minimum)"
_NOW_SQLITE = "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')"  # as SQLAlchemy writes a DATETIME
_NOW_PG = "(now() AT TIME ZONE 'UTC')"


def _since(short: str, column: str, now: str, row: str) -> str:
    """The column's new value: kept while short, set when the cell falls short, else NULL."""
    return f"CASE WHEN {short.format(row=row)} THEN COALESCE({row}.{column}, {now}) ELSE NULL END"


def _stale(row: str) -> str:
    """Whether either column disagrees with the cell's state (only then is it written)."""
    return (
        f"({_SHORT_LIVE.format(row=row)}) IS NOT ({row}.short_since_live IS NOT NULL) OR "
        f"({_SHORT_DRILL.format(row=row)}) IS NOT ({row}.short_since_exercise IS NOT NULL)"
    )


_SQLITE_SET = (
    "UPDATE stock_thresholds SET "
    f"short_since_live = {_since(_SHORT_LIVE, 'short_since_live', _NOW_SQLITE, 'NEW')}, "
    f"short_since_exercise = {_since(_SHORT_DRILL, 'short_since_exercise', _NOW_SQLITE, 'NEW')} "
    "WHERE id = NEW.id;"
)
SQLITE_TRIGGERS = {
    # the totals (migration 0015's triggers) and the minimum are written by UPDATE, and a new
    # threshold's totals too (its insert trigger recounts them), so one trigger sees them all
    "stock_short_since": (
        "CREATE TRIGGER stock_short_since AFTER UPDATE OF held_live, held_exercise, minimum "
        f"ON stock_thresholds WHEN {_stale('NEW')} BEGIN {_SQLITE_SET} END"
    ),
}

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ops_console_stock_short_since() RETURNS trigger AS $$
BEGIN
    NEW.short_since_live := {_since(_SHORT_LIVE, 'short_since_live', _NOW_PG, 'NEW')};
    NEW.short_since_exercise := {_since(_SHORT_DRILL, 'short_since_exercise', _NOW_PG, 'NEW')};
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
"""
PG_TRIGGERS = {
    # BEFORE triggers run in name order: after stock_held_threshold has set a new row's totals
    "stock_short_since": (
        "CREATE TRIGGER stock_short_since BEFORE INSERT OR UPDATE OF held_live, held_exercise, minimum, "
        "item_id, location_id ON stock_thresholds FOR EACH ROW "
        "EXECUTE FUNCTION ops_console_stock_short_since()"
    ),
}

# the cells short today, from their newest balance row
_NEWEST = (
    "(SELECT MAX(b.updated_at) FROM stock_balances b WHERE b.item_id = stock_thresholds.item_id "
    "AND b.location_id = stock_thresholds.location_id{drill})"
)


def _backfill(now: str) -> str:
    live = _NEWEST.format(drill=" AND NOT b.exercise")
    drill = _NEWEST.format(drill="")
    return (
        "UPDATE stock_thresholds SET "
        f"short_since_live = CASE WHEN {_SHORT_LIVE.format(row='stock_thresholds')} "
        f"THEN COALESCE({live}, {now}) ELSE NULL END, "
        f"short_since_exercise = CASE WHEN {_SHORT_DRILL.format(row='stock_thresholds')} "
        f"THEN COALESCE({drill}, {now}) ELSE NULL END"
    )


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    # plain ADD COLUMN: a batch copy of the table on SQLite would drop 0015's triggers
    op.add_column('stock_thresholds', sa.Column('short_since_live', ops_console.db.types.UtcDateTime(), nullable=True))
    op.add_column('stock_thresholds', sa.Column('short_since_exercise', ops_console.db.types.UtcDateTime(), nullable=True))
    if _postgres():
        op.execute(_backfill(_NOW_PG))
        op.execute(PG_FUNCTION)
        for statement in PG_TRIGGERS.values():
            op.execute(statement)
    else:
        op.execute(_backfill(_NOW_SQLITE))
        for statement in SQLITE_TRIGGERS.values():
            op.execute(statement)


def downgrade() -> None:
    if _postgres():
        for name in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON stock_thresholds")
        op.execute("DROP FUNCTION IF EXISTS ops_console_stock_short_since()")
        op.drop_column('stock_thresholds', 'short_since_exercise')
        op.drop_column('stock_thresholds', 'short_since_live')
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.drop_column('stock_thresholds', 'short_since_exercise')  # SQLite 3.35+: no table copy
        op.drop_column('stock_thresholds', 'short_since_live')
