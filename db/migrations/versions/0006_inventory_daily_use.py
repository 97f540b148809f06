"""Inventory: the daily outflow roll-up (stock_daily_use), filled from the ledger; two
indexes on stock_balances for the alert list.

The recent issue rate ("what runs out first") read the newest ledger lines of every
cell; this table keeps their sum per item × location × UTC day, maintained with each
movement. An existing ledger is rolled up here once, by the same rule the program
uses (issue, consume and transfer count, on the side they leave). The alert list sums
a cell's lots from ``ix_stock_balances_cell`` alone and finds lots about to expire
through ``ix_stock_balances_expires_on``.

Revision ID: 0006_inventory_daily_use
Revises: 0005_sirens
Create Date: 2026-11-29 07:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_inventory_daily_use'
down_revision = '0005_sirens'
branch_labels = None
depends_on = None

BACKFILL = """
INSERT INTO stock_daily_use (day, item_id, location_id, exercise, quantity)
SELECT {day}, item_id, from_location_id, exercise, SUM(quantity) FROM stock_movements
 WHERE kind IN ('issue', 'consume', 'transfer') AND from_location_id IS NOT NULL
 GROUP BY {day}, item_id, from_location_id, exercise
"""


def upgrade() -> None:
    op.create_table('stock_daily_use',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['stock_items.id'], name=op.f('fk_stock_daily_use_item_id_stock_items')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_stock_daily_use_location_id_stock_locations')),
    sa.PrimaryKeyConstraint('day', 'item_id', 'location_id', 'exercise', name=op.f('pk_stock_daily_use')),
    sqlite_with_rowid=False
    )
    # the ledger stores naive UTC times: the day is their date part on either engine
    day = "date(at)" if op.get_bind().dialect.name == "sqlite" else "CAST(at AS DATE)"
    op.execute(BACKFILL.format(day=day))
    with op.batch_alter_table('stock_balances', schema=None) as batch_op:
        batch_op.create_index('ix_stock_balances_cell', ['item_id', 'location_id', 'exercise', 'quantity'], unique=False)
        batch_op.create_index('ix_stock_balances_expires_on', ['expires_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stock_balances', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_balances_expires_on')
        batch_op.drop_index('ix_stock_balances_cell')
    op.drop_table('stock_daily_use')
