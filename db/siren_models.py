"""Outdoor sirens: the controllers, every command sent to them, what they reported, the
alarms they raised, and the scheduled silent/growl tests with their results.

A command row is the console's record of intent and outcome; the ``sirens`` row holds
the last state read back from the controller (never inferred from a command). Commands
and alarms carry ``exercise`` so a drill never mixes with the live record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime


class Siren(Base):
    """One outdoor siren: where it stands, how to reach it, and what it last reported."""

    __tablename__ = "sirens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    unit_id: Mapped[int] = mapped_column(Integer)
    bus_name: Mapped[str] = mapped_column(String(60), default="sirens")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    audible_radius_m: Mapped[float] = mapped_column(Float, default=800.0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # last known state, only ever from a read-back; "unknown" until heard
    state: Mapped[str] = mapped_column(String(12), default="unknown")
    pattern_id: Mapped[int] = mapped_column(Integer, default=0)
    seconds_remaining: Mapped[int] = mapped_column(Integer, default=0)
    battery_v: Mapped[float | None] = mapped_column(Float, nullable=True)
    mains_present: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    faults: Mapped[int] = mapped_column(Integer, default=0)
    temperature_c: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_heard_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    missed_polls: Mapped[int] = mapped_column(Integer, default=0)
    comms_detail: Mapped[str] = mapped_column(Text, default="")
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_sirens_bus_unit", "bus_name", "unit_id", unique=True),)


class SirenCommand(Base):
    """One command to one siren: requested → sent → confirmed | not_started | refused |
    unconfirmed | timeout; ``exercise`` rows are recorded and never sent."""

    __tablename__ = "siren_commands"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[str] = mapped_column(String(40), index=True)
    siren_id: Mapped[int] = mapped_column(ForeignKey("sirens.id", ondelete="CASCADE"), index=True)
    command: Mapped[str] = mapped_column(String(20))  # activate cancel silent_test growl_test
    pattern_id: Mapped[int] = mapped_column(Integer, default=0)
    duration_s: Mapped[int] = mapped_column(Integer, default=0)
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    live: Mapped[bool] = mapped_column(Boolean, default=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    requested_by: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(16), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    schedule_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SirenStatusSample(Base):
    """One poll's battery, mains and temperature, for the history chart (bounded per siren)."""

    __tablename__ = "siren_status_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    siren_id: Mapped[int] = mapped_column(ForeignKey("sirens.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(12))
    battery_v: Mapped[float] = mapped_column(Float)
    mains_present: Mapped[bool] = mapped_column(Boolean)
    temperature_c: Mapped[float] = mapped_column(Float)
    faults: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_siren_status_history_siren_at", "siren_id", "at"),)


class SirenAlarm(Base):
    """Something a person must look at: comms fault, no confirmation, uncommanded activation,
    fault bits. Stays until acknowledged."""

    __tablename__ = "siren_alarms"

    id: Mapped[int] = mapped_column(primary_key=True)
    siren_id: Mapped[int | None] = mapped_column(
        ForeignKey("sirens.id", ondelete="CASCADE"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(24), index=True)
    words: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)
    acknowledged_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SirenTestSchedule(Base):
    """A recurring test: the nth weekday of every month (nth 0 = every week) at a local time."""

    __tablename__ = "siren_test_schedules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))  # silent | growl
    nth: Mapped[int] = mapped_column(Integer)  # 1..5 = first..fifth, 0 = every week
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    time_local: Mapped[str] = mapped_column(String(5))  # "10:00"
    tz: Mapped[str] = mapped_column(String(60))
    siren_ids: Mapped[str] = mapped_column(Text)  # "1,2,3"; empty = every enabled siren
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    next_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_run_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_by: Mapped[str] = mapped_column(String(120))


class SirenTestResult(Base):
    """One siren's outcome in one run of a scheduled (or manual) test."""

    __tablename__ = "siren_test_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int | None] = mapped_column(
        ForeignKey("siren_test_schedules.id", ondelete="SET NULL"), nullable=True, index=True
    )
    siren_id: Mapped[int] = mapped_column(ForeignKey("sirens.id", ondelete="CASCADE"))
    command_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(10))
    run_at: Mapped[datetime] = mapped_column(UtcDateTime)
    passed: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(Text)
    battery_v: Mapped[float | None] = mapped_column(Float, nullable=True)
    faults: Mapped[str] = mapped_column(Text, default="")
