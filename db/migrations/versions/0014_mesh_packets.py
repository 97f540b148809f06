"""Meshtastic packets of the outbox (issue 15): which message, and which part of it, each
packet the console handed to a node carries, and what the mesh said of it, so an ACK heard
after a restart still marks its message and a text sent in parts follows all of them; and
the names Meshtastic nodes give themselves (NodeInfo), by address.

Only new tables: nothing existing is copied.

Revision ID: 0014_mesh_packets
Revises: 0013_people
Create Date: 2026-12-06 11:10:00.000000
"""
from alembic import op
import sqlalchemy as sa
import ops_console.db.types


revision = '0014_mesh_packets'
down_revision = '0013_people'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('radio_mesh_packets',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('packet_id', sa.BigInteger(), nullable=False),
    sa.Column('part', sa.Integer(), nullable=False),
    sa.Column('parts', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('words', sa.String(length=300), nullable=False),
    sa.Column('at', ops_console.db.types.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['radio_messages.id'], name=op.f('fk_radio_mesh_packets_message_id_radio_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_radio_mesh_packets'))
    )
    with op.batch_alter_table('radio_mesh_packets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_radio_mesh_packets_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_radio_mesh_packets_packet_id'), ['packet_id'], unique=False)

    op.create_table('mesh_node_names',
    sa.Column('addr', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('long_name', sa.String(length=40), nullable=False),
    sa.Column('short_name', sa.String(length=10), nullable=False),
    sa.Column('updated_at', ops_console.db.types.UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('addr', name=op.f('pk_mesh_node_names'))
    )


def downgrade() -> None:
    op.drop_table('mesh_node_names')
    with op.batch_alter_table('radio_mesh_packets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_radio_mesh_packets_packet_id'))
        batch_op.drop_index(batch_op.f('ix_radio_mesh_packets_message_id'))
    op.drop_table('radio_mesh_packets')
