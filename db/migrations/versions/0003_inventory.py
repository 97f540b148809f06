"""Inventory: items, locations, thresholds, the movement ledger, balances and requests.

Revision ID: 0003_inventory
Revises: 0002_radio
Create Date: 2026-11-29 04:24:39.766640
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_inventory'
down_revision = '0002_radio'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stock_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('critical', sa.Boolean(), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_items')),
    sa.UniqueConstraint('barcode', name=op.f('uq_stock_items_barcode')),
    sa.UniqueConstraint('name', name=op.f('uq_stock_items_name'))
    )
    with op.batch_alter_table('stock_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_items_category'), ['category'], unique=False)

    op.create_table('stock_locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_stock_locations_team_id_teams'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_locations')),
    sa.UniqueConstraint('name', name=op.f('uq_stock_locations_name'))
    )
    with op.batch_alter_table('stock_locations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_locations_team_id'), ['team_id'], unique=False)

    op.create_table('stock_balances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=60), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['stock_items.id'], name=op.f('fk_stock_balances_item_id_stock_items')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_stock_balances_location_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_balances')),
    sa.UniqueConstraint('item_id', 'location_id', 'lot', 'exercise', name='uq_stock_balances_key')
    )
    with op.batch_alter_table('stock_balances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_balances_location_id'), ['location_id'], unique=False)

    op.create_table('stock_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requested_by', sa.String(length=120), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('fulfilled', sa.Integer(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('needed_by', sa.DateTime(), nullable=True),
    sa.Column('deliver_to_location_id', sa.Integer(), nullable=True),
    sa.Column('deliver_to_text', sa.String(length=200), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('source_message_id', sa.Integer(), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deliver_to_location_id'], ['stock_locations.id'], name=op.f('fk_stock_requests_deliver_to_location_id_stock_locations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_stock_requests_incident_id_incidents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['stock_items.id'], name=op.f('fk_stock_requests_item_id_stock_items')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_stock_requests_team_id_teams'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_requests'))
    )
    with op.batch_alter_table('stock_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_requests_exercise'), ['exercise'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_requests_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_requests_status'), ['status'], unique=False)

    op.create_table('stock_thresholds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['stock_items.id'], name=op.f('fk_stock_thresholds_item_id_stock_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_stock_thresholds_location_id_stock_locations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_thresholds')),
    sa.UniqueConstraint('item_id', 'location_id', name='uq_stock_thresholds_item_location')
    )
    with op.batch_alter_table('stock_thresholds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_thresholds_location_id'), ['location_id'], unique=False)

    op.create_table('stock_movements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('from_location_id', sa.Integer(), nullable=True),
    sa.Column('to_location_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=60), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('operator_name', sa.String(length=120), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['from_location_id'], ['stock_locations.id'], name=op.f('fk_stock_movements_from_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_stock_movements_incident_id_incidents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['stock_items.id'], name=op.f('fk_stock_movements_item_id_stock_items')),
    sa.ForeignKeyConstraint(['request_id'], ['stock_requests.id'], name=op.f('fk_stock_movements_request_id_stock_requests'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_stock_movements_team_id_teams'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['to_location_id'], ['stock_locations.id'], name=op.f('fk_stock_movements_to_location_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements'))
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_movements_at'), ['at'], unique=False)
        batch_op.create_index('ix_stock_movements_item_at', ['item_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movements_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_movements_request_id'))
        batch_op.drop_index('ix_stock_movements_item_at')
        batch_op.drop_index(batch_op.f('ix_stock_movements_at'))

    op.drop_table('stock_movements')
    with op.batch_alter_table('stock_thresholds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_thresholds_location_id'))

    op.drop_table('stock_thresholds')
    with op.batch_alter_table('stock_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_requests_status'))
        batch_op.drop_index(batch_op.f('ix_stock_requests_item_id'))
        batch_op.drop_index(batch_op.f('ix_stock_requests_exercise'))

    op.drop_table('stock_requests')
    with op.batch_alter_table('stock_balances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_balances_location_id'))

    op.drop_table('stock_balances')
    with op.batch_alter_table('stock_locations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_locations_team_id'))

    op.drop_table('stock_locations')
    with op.batch_alter_table('stock_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_items_category'))

    op.drop_table('stock_items')
