"""Inventory: each stock minimum carries what its cell holds (issue 14), so the alert list
finds the short cells by reading the thresholds alone.

``held_live`` is the sum of the cell's live balance rows, ``held_exercise`` that of its
drill rows (an exercise's picture is both together). Summing every minimum's lots on
each poll was ~20 ms at 20,000 minimums; reading the totals is a scan of the
thresholds.

The totals are kept by the database itself, in triggers on ``stock_balances`` and
``stock_thresholds``, so no writer can leave them stale: the ledger, the exercise
purge, a restore or a hand-written fix all go through them. A threshold set for a cell
takes the cell's current sum. On PostgreSQL both triggers first take a
transaction-level advisory lock on the cell (the two-integer key space is
``(item_id, location_id)``), so a threshold created by one workstation while another
moves stock into the same new cell cannot miss the movement.

A later migration that rebuilds either table on SQLite (``batch_alter_table`` with a
copy) drops these triggers and must create them again: ``tests/inventory/
test_stock_held.py`` checks the totals at the head revision.

Revision ID: 0015_stock_held
Revises: 0014_mesh_packets
Create Date: 2026-12-06 23:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0015_stock_held'
down_revision = '0014_mesh_packets'
branch_labels = None
depends_on = None

# a balance row's quantity, signed, as the two totals it counts towards
_LIVE = "CASE WHEN {row}.exercise THEN 0 ELSE {row}.quantity END"
_DRILL = "CASE WHEN {row}.exercise THEN {row}.quantity ELSE 0 END"
_ADD = (
    "UPDATE stock_thresholds SET held_live = held_live {sign} " + _LIVE + ", "
    "held_exercise = held_exercise {sign} " + _DRILL + " "
    "WHERE item_id = {row}.item_id AND location_id = {row}.location_id;"
)
_SUM = (
    "(SELECT COALESCE(SUM(b.quantity), 0) FROM stock_balances b "
    "WHERE b.item_id = NEW.item_id AND b.location_id = NEW.location_id AND {which}b.exercise)"
)
_RECOUNT = (
    "UPDATE stock_thresholds SET held_live = " + _SUM.format(which="NOT ") + ", "
    "held_exercise = " + _SUM.format(which="") + " WHERE id = NEW.id;"
)
# the balance columns whose change moves a total
_MOVES = "OLD.quantity IS NOT NEW.quantity OR OLD.exercise IS NOT NEW.exercise OR OLD.item_id IS NOT NEW.item_id OR OLD.location_id IS NOT NEW.location_id"

SQLITE_TRIGGERS = {
    "stock_held_balance_insert": (
        "CREATE TRIGGER stock_held_balance_insert AFTER INSERT ON stock_balances "
        "WHEN NEW.quantity <> 0 BEGIN " + _ADD.format(sign="+", row="NEW") + " END"
    ),
    "stock_held_balance_update": (
        "CREATE TRIGGER stock_held_balance_update AFTER UPDATE OF item_id, location_id, exercise, quantity "
        f"ON stock_balances WHEN {_MOVES} BEGIN "
        + _ADD.format(sign="-", row="OLD")
        + " "
        + _ADD.format(sign="+", row="NEW")
        + " END"
    ),
    "stock_held_balance_delete": (
        "CREATE TRIGGER stock_held_balance_delete AFTER DELETE ON stock_balances "
        "WHEN OLD.quantity <> 0 BEGIN " + _ADD.format(sign="-", row="OLD") + " END"
    ),
    "stock_held_threshold_insert": (
        "CREATE TRIGGER stock_held_threshold_insert AFTER INSERT ON stock_thresholds BEGIN "
        + _RECOUNT
        + " END"
    ),
    "stock_held_threshold_move": (
        "CREATE TRIGGER stock_held_threshold_move AFTER UPDATE OF item_id, location_id ON stock_thresholds "
        "BEGIN " + _RECOUNT + " END"
    ),
}

PG_FUNCTIONS = (
    """
CREATE OR REPLACE FUNCTION ops_console_stock_held_balance() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_advisory_xact_lock(OLD.item_id, OLD.location_id);
        """ + _ADD.format(sign="-", row="OLD") + """
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_advisory_xact_lock(NEW.item_id, NEW.location_id);
        """ + _ADD.format(sign="+", row="NEW") + """
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE OR REPLACE FUNCTION ops_console_stock_held_threshold() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(NEW.item_id, NEW.location_id);
    NEW.held_live := """ + _SUM.format(which="NOT ") + """;
    NEW.held_exercise := """ + _SUM.format(which="") + """;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
""",
)
PG_TRIGGERS = {
    "stock_held_balance_insert": (
        "CREATE TRIGGER stock_held_balance_insert AFTER INSERT ON stock_balances FOR EACH ROW "
        "WHEN (NEW.quantity <> 0) EXECUTE FUNCTION ops_console_stock_held_balance()"
    ),
    "stock_held_balance_update": (
        "CREATE TRIGGER stock_held_balance_update AFTER UPDATE OF item_id, location_id, exercise, quantity "
        "ON stock_balances FOR EACH ROW WHEN ((OLD.item_id, OLD.location_id, OLD.exercise, OLD.quantity) "
        "IS DISTINCT FROM (NEW.item_id, NEW.location_id, NEW.exercise, NEW.quantity)) "
        "EXECUTE FUNCTION ops_console_stock_held_balance()"
    ),
    "stock_held_balance_delete": (
        "CREATE TRIGGER stock_held_balance_delete AFTER DELETE ON stock_balances FOR EACH ROW "
        "WHEN (OLD.quantity <> 0) EXECUTE FUNCTION ops_console_stock_held_balance()"
    ),
    "stock_held_threshold": (
        "CREATE TRIGGER stock_held_threshold BEFORE INSERT OR UPDATE OF item_id, location_id "
        "ON stock_thresholds FOR EACH ROW EXECUTE FUNCTION ops_console_stock_held_threshold()"
    ),
}
_TABLE_OF = {"balance": "stock_balances", "threshold": "stock_thresholds"}

# the totals of the minimums that exist already, from their cells' balance rows
BACKFILL = (
    "UPDATE stock_thresholds SET "
    "held_live = (SELECT COALESCE(SUM(b.quantity), 0) FROM stock_balances b WHERE b.item_id = "
    "stock_thresholds.item_id AND b.location_id = stock_thresholds.location_id AND NOT b.exercise), "
    "held_exercise = (SELECT COALESCE(SUM(b.quantity), 0) FROM stock_balances b WHERE b.item_id = "
    "stock_thresholds.item_id AND b.location_id = stock_thresholds.location_id AND b.exercise)"
)


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    with op.batch_alter_table('stock_thresholds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('held_live', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('held_exercise', sa.Integer(), server_default='0', nullable=False))
    op.execute(BACKFILL)
    if _postgres():
        for function in PG_FUNCTIONS:
            op.execute(function)
        for statement in PG_TRIGGERS.values():
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS.values():
            op.execute(statement)


def downgrade() -> None:
    if _postgres():
        for name in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {_TABLE_OF[name.split('_')[2]]}")
        op.execute("DROP FUNCTION IF EXISTS ops_console_stock_held_threshold()")
        op.execute("DROP FUNCTION IF EXISTS ops_console_stock_held_balance()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('stock_thresholds', schema=None) as batch_op:
        batch_op.drop_column('held_exercise')
        batch_op.drop_column('held_live')
