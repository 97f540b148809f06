"""The activity log's pages by mode: an index on audit_entries (exercise, id), so a page of
exercise entries in a log of 200,000 live ones (or the reverse) is a range of the index
instead of a walk over every entry of the other mode (158 ms for the first page).

Revision ID: 0008_audit_mode_index
Revises: 0007_audit_anchor
Create Date: 2026-12-06 06:20:00.000000
"""
from alembic import op


revision = '0008_audit_mode_index'
down_revision = '0007_audit_anchor'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain CREATE INDEX (never a batch copy of the append-only table)
    op.create_index('ix_audit_entries_mode', 'audit_entries', ['exercise', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_entries_mode', table_name='audit_entries')
