"""Audit anchor and roles: the post's identity on the audit head, the record each audited
change left behind, post settings (the PIN policy), and on PostgreSQL a trigger that
refuses UPDATE, DELETE and TRUNCATE of audit entries to every role that does not first
drop it (the application never does).

Revision ID: 0007_audit_anchor
Revises: 0006_inventory_daily_use
Create Date: 2026-12-06 02:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_audit_anchor'
down_revision = '0006_inventory_daily_use'
branch_labels = None
depends_on = None

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION ops_console_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""
PG_TRIGGERS = (
    "CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
    "FOR EACH ROW EXECUTE FUNCTION ops_console_audit_append_only()",
    "CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries "
    "FOR EACH STATEMENT EXECUTE FUNCTION ops_console_audit_append_only()",
)


def upgrade() -> None:
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('record_table', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('record_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('record_hash', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_audit_entries_record', ['record_table', 'record_id'], unique=False)
    with op.batch_alter_table('audit_head', schema=None) as batch_op:
        batch_op.add_column(sa.Column('post_id', sa.String(length=36), nullable=True))
    op.create_table('post_settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_post_settings'))
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for statement in PG_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries")
        op.execute("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries")
        op.execute("DROP FUNCTION IF EXISTS ops_console_audit_append_only()")
    op.drop_table('post_settings')
    with op.batch_alter_table('audit_head', schema=None) as batch_op:
        batch_op.drop_column('post_id')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_record')
        batch_op.drop_column('record_hash')
        batch_op.drop_column('record_id')
        batch_op.drop_column('record_table')
