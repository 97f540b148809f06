"""Residents who need help: the register (with a (lat, lon, id) index that answers a zone's
bounding box from the index alone) and each resident's whereabouts per mode during an
evacuation (resident_accounts).

Revision ID: 0009_residents
Revises: 0008_audit_mode_index
Create Date: 2026-12-06 07:37:02.872350
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_residents'
down_revision = '0008_audit_mode_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('residents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('street', sa.String(length=120), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('needs', sa.String(length=120), nullable=False),
    sa.Column('urgency', sa.Integer(), nullable=False),
    sa.Column('contact', sa.String(length=120), nullable=False),
    sa.Column('neighbour_contact', sa.String(length=200), nullable=False),
    sa.Column('checker', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residents'))
    )
    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.create_index('ix_residents_position', ['lat', 'lon', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_residents_street'), ['street'], unique=False)

    op.create_table('resident_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('exercise', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('shelter_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_resident_accounts_resident_id_residents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shelter_id'], ['shelters.id'], name=op.f('fk_resident_accounts_shelter_id_shelters'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident_accounts')),
    sa.UniqueConstraint('resident_id', 'exercise', name=op.f('uq_resident_accounts_resident_id'))
    )
    with op.batch_alter_table('resident_accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resident_accounts_shelter_id'), ['shelter_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('resident_accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_accounts_shelter_id'))

    op.drop_table('resident_accounts')
    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_residents_street'))
        batch_op.drop_index('ix_residents_position')

    op.drop_table('residents')
