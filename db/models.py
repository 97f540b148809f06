"""The post's tables as typed SQLAlchemy 2.x models.

Every table the foundation needs lives here; later features (messages, devices, stock,
sirens) add their own modules next to this one and their own Alembic revisions.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ops_console.clock import utc_now

from .types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base whose MetaData names constraints predictably for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Operator(Base):
    """A person who can sign on to a workstation; the role decides what they may do."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    callsign: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Team(Base):
    """A field team (volunteers under one callsign) that tasks are assigned to."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    callsign: Mapped[str] = mapped_column(String(40), default="")
    specialty: Mapped[str] = mapped_column(String(80), default="")
    # field state (issue 17): ops_console/people/teams.py keeps the rules
    status: Mapped[str] = mapped_column(String(20), default="available", server_default="available")
    leader_volunteer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    radio_node: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    current_task_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    par_minutes: Mapped[int] = mapped_column(Integer, default=20, server_default="20")
    # the accountability timer last reset by hand or by a status change; the node heard later counts too
    par_reset_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    par_reset_by: Mapped[str] = mapped_column(String(120), default="", server_default="")
    mayday_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    members: Mapped[list[TeamMember]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="TeamMember.name"
    )


class TeamMember(Base):
    """A volunteer on a team; contact details stay on the post's own machine."""

    __tablename__ = "team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    skills: Mapped[str] = mapped_column(String(200), default="")
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    # the roster entry this member came from (no foreign key: adding one would make SQLite
    # copy the table in the migration; a volunteer is never deleted, only made inactive)
    volunteer_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    team: Mapped[Team] = relationship(back_populates="members")


class Incident(Base):
    """Something happening in the neighbourhood that the post responds to."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    location_text: Mapped[str] = mapped_column(String(200), default="")
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reported_by: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class Task(Base):
    """A piece of work on the task board, optionally for an incident and a team."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), nullable=True, index=True
    )
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), nullable=True, index=True
    )
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    location_text: Mapped[str] = mapped_column(String(200), default="")
    # skills the task asks for, comma-separated words of ops_console/people/skills.py
    required_skills: Mapped[str] = mapped_column(String(200), default="", server_default="")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """One append-only line of the post's record, chained to the previous by SHA-256.

    Free-text activity-log lines typed by operators are audit entries too (action
    ``log.note``), so the ICS-214 activity log is one ordered table.
    """

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    operator_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    operator_name: Mapped[str] = mapped_column(String(120), index=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    before_json: Mapped[str] = mapped_column(Text, default="null")
    after_json: Mapped[str] = mapped_column(Text, default="null")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # the record this change left behind (table, id, hash of its new state), so that a
    # record edited later outside the program is found by ``audit verify``
    record_table: Mapped[str | None] = mapped_column(String(40), nullable=True)
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    record_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (
        Index("ix_audit_entries_entity", "entity", "entity_id"),
        Index("ix_audit_entries_record", "record_table", "record_id"),
        # the activity log pages one mode newest first: a range of this index, never a walk
        # over the other mode's entries (ActivityService.page_query)
        Index("ix_audit_entries_mode", "exercise", "id"),
    )


class AuditHead(Base):
    """The single row that points at the newest audit entry.

    Writers lock this row (``SELECT … FOR UPDATE``) so that audit entries from several
    workstations are appended one at a time and the hash chain never forks; verification
    compares it with the last entry so that deleting the tail is detected too.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    # which post this is: names the audit key kept outside the database (services/audit_anchor)
    post_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class PostSetting(Base):
    """One setting of the post itself (not of a workstation), e.g. the PIN length policy."""

    __tablename__ = "post_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
