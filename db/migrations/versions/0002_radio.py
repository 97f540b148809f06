"""Radio traffic: raw frames, messages and outbox, nodes, positions, sensor readings.

Revision ID: 0002_radio
Revises: 0001
Create Date: 2026-11-29 04:05:08.293947
"""
from alembic import op
import sqlalchemy as sa



revision = '0002_radio'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('radio_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('station', sa.String(length=20), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('sender', sa.String(length=40), nullable=False),
    sa.Column('recipient', sa.String(length=40), nullable=False),
    sa.Column('node_addr', sa.Integer(), nullable=True),
    sa.Column('precedence', sa.String(length=10), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=300), nullable=False),
    sa.Column('acked_at', sa.DateTime(), nullable=True),
    sa.Column('link', sa.String(length=60), nullable=False),
    sa.Column('rssi', sa.Integer(), nullable=True),
    sa.Column('snr', sa.Float(), nullable=True),
    sa.Column('raw_frame_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=120), nullable=False),
    sa.Column('linked_entity', sa.String(length=40), nullable=False),
    sa.Column('linked_id', sa.Integer(), nullable=True),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_radio_messages'))
    )
    with op.batch_alter_table('radio_messages', schema=None) as batch_op:
        batch_op.create_index('ix_radio_messages_origin', ['direction', 'station', 'number'], unique=False)
        batch_op.create_index('ix_radio_messages_alerts', ['precedence', 'acknowledged_by', 'direction'], unique=False)
        batch_op.create_index(batch_op.f('ix_radio_messages_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_radio_messages_status'), ['status'], unique=False)

    op.create_table('radio_nodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('addr', sa.Integer(), nullable=False),
    sa.Column('callsign', sa.String(length=40), nullable=False),
    sa.Column('last_heard', sa.DateTime(), nullable=True),
    sa.Column('rssi', sa.Integer(), nullable=True),
    sa.Column('snr', sa.Float(), nullable=True),
    sa.Column('battery', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('position_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_radio_nodes')),
    sa.UniqueConstraint('addr', name=op.f('uq_radio_nodes_addr'))
    )
    op.create_table('radio_positions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('node_addr', sa.Integer(), nullable=False),
    sa.Column('callsign', sa.String(length=40), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('battery', sa.Float(), nullable=True),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_radio_positions'))
    )
    with op.batch_alter_table('radio_positions', schema=None) as batch_op:
        batch_op.create_index('ix_radio_positions_node_at', ['node_addr', 'at'], unique=False)

    op.create_table('radio_raw_frames',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('link', sa.String(length=60), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('node_addr', sa.Integer(), nullable=True),
    sa.Column('rssi', sa.Integer(), nullable=True),
    sa.Column('snr', sa.Float(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('error', sa.String(length=300), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_radio_raw_frames'))
    )
    with op.batch_alter_table('radio_raw_frames', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_radio_raw_frames_received_at'), ['received_at'], unique=False)

    op.create_table('sensor_readings',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('sensor_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('node_addr', sa.Integer(), nullable=True),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sensor_readings'))
    )
    with op.batch_alter_table('sensor_readings', schema=None) as batch_op:
        batch_op.create_index('ix_sensor_readings_sensor_at', ['sensor_id', 'at'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('sensor_readings', schema=None) as batch_op:
        batch_op.drop_index('ix_sensor_readings_sensor_at')

    op.drop_table('sensor_readings')
    with op.batch_alter_table('radio_raw_frames', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_radio_raw_frames_received_at'))

    op.drop_table('radio_raw_frames')
    with op.batch_alter_table('radio_positions', schema=None) as batch_op:
        batch_op.drop_index('ix_radio_positions_node_at')

    op.drop_table('radio_positions')
    op.drop_table('radio_nodes')
    with op.batch_alter_table('radio_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_radio_messages_alerts')
        batch_op.drop_index('ix_radio_messages_origin')
        batch_op.drop_index(batch_op.f('ix_radio_messages_status'))
        batch_op.drop_index(batch_op.f('ix_radio_messages_at'))

    op.drop_table('radio_messages')

