"""Map: risk points and their inspections, shelters, and named evacuation/warning zones.

Revision ID: 0004_map
Revises: 0003_inventory
Create Date: 2026-11-29 05:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_map'
down_revision = '0003_inventory'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('risk_points',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('reported_by', sa.String(length=120), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('inspect_every_days', sa.Integer(), nullable=False),
    sa.Column('last_inspected_at', sa.DateTime(), nullable=True),
    sa.Column('mitigation', sa.String(length=20), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_points'))
    )
    with op.batch_alter_table('risk_points', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_points_exercise'), ['exercise'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_points_kind'), ['kind'], unique=False)

    op.create_table('risk_inspections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('risk_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('inspector', sa.String(length=120), nullable=False),
    sa.Column('finding', sa.Text(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['risk_id'], ['risk_points.id'], name=op.f('fk_risk_inspections_risk_id_risk_points'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_inspections'))
    )
    with op.batch_alter_table('risk_inspections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_inspections_risk_id'), ['risk_id'], unique=False)

    op.create_table('shelters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('occupancy', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('facilities', sa.String(length=300), nullable=False),
    sa.Column('contact', sa.String(length=120), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shelters'))
    )
    with op.batch_alter_table('shelters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shelters_exercise'), ['exercise'], unique=False)
        batch_op.create_index(batch_op.f('ix_shelters_status'), ['status'], unique=False)

    op.create_table('map_zones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('shape', sa.String(length=10), nullable=False),
    sa.Column('geometry', sa.Text(), nullable=False),
    sa.Column('radius_m', sa.Float(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_map_zones'))
    )
    with op.batch_alter_table('map_zones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_map_zones_exercise'), ['exercise'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('map_zones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_map_zones_exercise'))
    op.drop_table('map_zones')
    with op.batch_alter_table('shelters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shelters_status'))
        batch_op.drop_index(batch_op.f('ix_shelters_exercise'))
    op.drop_table('shelters')
    with op.batch_alter_table('risk_inspections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_inspections_risk_id'))
    op.drop_table('risk_inspections')
    with op.batch_alter_table('risk_points', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_points_kind'))
        batch_op.drop_index(batch_op.f('ix_risk_points_exercise'))
    op.drop_table('risk_points')
