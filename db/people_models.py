"""People: the volunteer roster, their skills and certificates, check-ins, and PAR roll calls.

A team (``teams``, foundation tables) gains its field state here as columns: status,
leader, radio node, current task, accountability timer. The timer is not a stored
countdown but the time it was last reset (``par_reset_at``) and its length: a team's
radio node heard later than that (``radio_nodes.last_heard``, written by the radio
ingest in the frame's own transaction) counts as a reset too, so the radio needs no
second path into this feature and the state is the same on every workstation.

A volunteer is checked in while a ``volunteer_checkins`` row of theirs has no
``checked_out_at``; a partial unique index allows one such row per volunteer, so a badge
scanned twice at two stations cannot open two stays on either engine.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime


class Volunteer(Base):
    """A person on the post's roster; contact details stay on the post's own machine."""

    __tablename__ = "volunteers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    badge: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), nullable=True, index=True
    )
    languages: Mapped[str] = mapped_column(String(200), default="")
    availability: Mapped[str] = mapped_column(String(200), default="")
    emergency_contact: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_volunteers_name", "name"),)


class VolunteerSkill(Base):
    """A skill a volunteer has, with the expiry of its certificate when it has one."""

    __tablename__ = "volunteer_skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"))
    skill: Mapped[str] = mapped_column(String(40))
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (UniqueConstraint("volunteer_id", "skill", name="uq_volunteer_skills_key"),)


class VolunteerCheckin(Base):
    """One stay at the post (ICS-211): in, and out when they leave or the shift closes them."""

    __tablename__ = "volunteer_checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"))
    checked_in_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    checked_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    checked_in_by: Mapped[str] = mapped_column(String(120), default="")
    checked_out_by: Mapped[str] = mapped_column(String(120), default="")

    __table_args__ = (
        # one open stay per volunteer, enforced by the database on both engines: the
        # migration (0013) makes the index partial on each. Only SQLite's clause is named
        # here: naming PostgreSQL's made every start import SQLAlchemy's PostgreSQL dialect
        # (60-70 ms before the window, on a post that never uses it)
        Index(
            "uq_volunteer_checkins_open",
            "volunteer_id",
            unique=True,
            sqlite_where=text("checked_out_at IS NULL"),
        ),
        Index("ix_volunteer_checkins_volunteer", "volunteer_id", "checked_in_at"),
    )


class ParRollCall(Base):
    """A post-wide PAR check: started, then closed complete or incomplete."""

    __tablename__ = "par_roll_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(120))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")


class ParRollCallTeam(Base):
    """One team asked in a roll call; answered only when its node (or a voice check) answered."""

    __tablename__ = "par_roll_call_teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    roll_call_id: Mapped[int] = mapped_column(ForeignKey("par_roll_calls.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    outbox_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    answered_how: Mapped[str] = mapped_column(String(40), default="")
