"""People (issue 17): the volunteer roster with skills and certificates, check-ins (one open
stay per volunteer, a partial unique index), PAR roll calls; a team's field state and
accountability timer as columns of ``teams``; the skills a task asks for.

Only ADD COLUMN and CREATE INDEX on the existing tables, so SQLite never copies ``teams``
(a copy drops the table, and its foreign keys would null tasks' teams).

Revision ID: 0013_people
Revises: 0012_sensor_rollups
Create Date: 2026-12-06 07:37:02.462789
"""
from alembic import op
import sqlalchemy as sa
import ops_console.db.types


revision = '0013_people'
down_revision = '0012_sensor_rollups'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('par_roll_calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', ops_console.db.types.UtcDateTime(), nullable=False),
    sa.Column('started_by', sa.String(length=120), nullable=False),
    sa.Column('closed_at', ops_console.db.types.UtcDateTime(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_par_roll_calls'))
    )
    op.create_table('par_roll_call_teams',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('roll_call_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', ops_console.db.types.UtcDateTime(), nullable=True),
    sa.Column('answered_how', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['roll_call_id'], ['par_roll_calls.id'], name=op.f('fk_par_roll_call_teams_roll_call_id_par_roll_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_par_roll_call_teams_team_id_teams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_par_roll_call_teams'))
    )
    with op.batch_alter_table('par_roll_call_teams', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_par_roll_call_teams_roll_call_id'), ['roll_call_id'], unique=False)

    op.create_table('volunteers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('badge', sa.String(length=64), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('languages', sa.String(length=200), nullable=False),
    sa.Column('availability', sa.String(length=200), nullable=False),
    sa.Column('emergency_contact', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', ops_console.db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_at', ops_console.db.types.UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_volunteers_team_id_teams'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteers')),
    sa.UniqueConstraint('badge', name=op.f('uq_volunteers_badge'))
    )
    with op.batch_alter_table('volunteers', schema=None) as batch_op:
        batch_op.create_index('ix_volunteers_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteers_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteers_team_id'), ['team_id'], unique=False)

    op.create_table('volunteer_checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('checked_in_at', ops_console.db.types.UtcDateTime(), nullable=False),
    sa.Column('checked_out_at', ops_console.db.types.UtcDateTime(), nullable=True),
    sa.Column('checked_in_by', sa.String(length=120), nullable=False),
    sa.Column('checked_out_by', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_volunteer_checkins_volunteer_id_volunteers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_checkins'))
    )
    with op.batch_alter_table('volunteer_checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_checkins_checked_in_at'), ['checked_in_at'], unique=False)
        batch_op.create_index('ix_volunteer_checkins_volunteer', ['volunteer_id', 'checked_in_at'], unique=False)
        batch_op.create_index('uq_volunteer_checkins_open', ['volunteer_id'], unique=True, sqlite_where=sa.text('checked_out_at IS NULL'), postgresql_where=sa.text('checked_out_at IS NULL'))

    op.create_table('volunteer_skills',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('skill', sa.String(length=40), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_volunteer_skills_volunteer_id_volunteers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_skills')),
    sa.UniqueConstraint('volunteer_id', 'skill', name='uq_volunteer_skills_key')
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('required_skills', sa.String(length=200), server_default='', nullable=False))

    with op.batch_alter_table('team_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('volunteer_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_team_members_volunteer_id'), ['volunteer_id'], unique=False)

    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='available', nullable=False))
        batch_op.add_column(sa.Column('leader_volunteer_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('radio_node', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('current_task_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('par_minutes', sa.Integer(), server_default='20', nullable=False))
        batch_op.add_column(sa.Column('par_reset_at', ops_console.db.types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column('par_reset_by', sa.String(length=120), server_default='', nullable=False))
        batch_op.add_column(sa.Column('mayday_at', ops_console.db.types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.create_index(batch_op.f('ix_teams_radio_node'), ['radio_node'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teams_radio_node'))
        batch_op.drop_column('active')
        batch_op.drop_column('mayday_at')
        batch_op.drop_column('par_reset_by')
        batch_op.drop_column('par_reset_at')
        batch_op.drop_column('par_minutes')
        batch_op.drop_column('current_task_id')
        batch_op.drop_column('radio_node')
        batch_op.drop_column('leader_volunteer_id')
        batch_op.drop_column('status')

    with op.batch_alter_table('team_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_members_volunteer_id'))
        batch_op.drop_column('volunteer_id')

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('required_skills')

    op.drop_table('volunteer_skills')
    with op.batch_alter_table('volunteer_checkins', schema=None) as batch_op:
        batch_op.drop_index('uq_volunteer_checkins_open', sqlite_where=sa.text('checked_out_at IS NULL'), postgresql_where=sa.text('checked_out_at IS NULL'))
        batch_op.drop_index('ix_volunteer_checkins_volunteer')
        batch_op.drop_index(batch_op.f('ix_volunteer_checkins_checked_in_at'))

    op.drop_table('volunteer_checkins')
    with op.batch_alter_table('volunteers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteers_team_id'))
        batch_op.drop_index(batch_op.f('ix_volunteers_phone'))
        batch_op.drop_index('ix_volunteers_name')

    op.drop_table('volunteers')
    with op.batch_alter_table('par_roll_call_teams', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_par_roll_call_teams_roll_call_id'))

    op.drop_table('par_roll_call_teams')
    op.drop_table('par_roll_calls')
