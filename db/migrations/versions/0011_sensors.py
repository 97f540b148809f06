"""Sensors: the register (kind, unit, place, reporting node and interval, levels with
hysteresis, rate-of-rise rule, physical range) and the alerts their readings raised.

Revision ID: 0011_sensors
Revises: 0010_warnings
Create Date: 2026-12-06 07:45:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_sensors'
down_revision = '0010_warnings'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sensors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sensor_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('node_call', sa.String(length=40), nullable=False),
    sa.Column('interval_s', sa.Integer(), nullable=False),
    sa.Column('advisory', sa.Float(), nullable=True),
    sa.Column('warning', sa.Float(), nullable=True),
    sa.Column('emergency', sa.Float(), nullable=True),
    sa.Column('hysteresis', sa.Float(), nullable=False),
    sa.Column('rise_amount', sa.Float(), nullable=True),
    sa.Column('rise_window_s', sa.Integer(), nullable=True),
    sa.Column('min_valid', sa.Float(), nullable=True),
    sa.Column('max_valid', sa.Float(), nullable=True),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sensors')),
    sa.UniqueConstraint('sensor_id', name=op.f('uq_sensors_sensor_id'))
    )
    op.create_table('sensor_alerts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('sensor_id', sa.String(length=40), nullable=False),
    sa.Column('rule', sa.String(length=12), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('detail', sa.String(length=300), nullable=False),
    sa.Column('raised_at', sa.DateTime(), nullable=False),
    sa.Column('alarm_message_id', sa.Integer(), nullable=True),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sensor_alerts'))
    )
    with op.batch_alter_table('sensor_alerts', schema=None) as batch_op:
        batch_op.create_index('ix_sensor_alerts_sensor_id', ['sensor_id', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sensor_alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_sensor_alerts_sensor_id')
    op.drop_table('sensor_alerts')
    op.drop_table('sensors')
