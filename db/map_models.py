"""The map's own records: risk points and their inspections, shelters, and drawn zones.

Incidents and tasks already carry lat/lon; these tables hold what only the map knows.
Each record is flagged ``exercise`` like incidents, so a drill's risk points and zones
never mix with the live picture. Risk points and shelters are versioned (two stations
editing one shelter's occupancy get a conflict, not a silent overwrite).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime


class RiskPoint(Base):
    """A known hazard in the ward: a flood-prone lane, an old building, a slope, a chemical store."""

    __tablename__ = "risk_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    level: Mapped[int] = mapped_column(Integer)  # 1 low … 4 very high
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(String(120), default="")
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    inspect_every_days: Mapped[int] = mapped_column(Integer, default=30)
    last_inspected_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    mitigation: Mapped[str] = mapped_column(String(20), default="none")  # none planned in_progress done
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class RiskInspection(Base):
    """One visit to a risk point: who looked, what they found, the level they left it at."""

    __tablename__ = "risk_inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    risk_id: Mapped[int] = mapped_column(ForeignKey("risk_points.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    inspector: Mapped[str] = mapped_column(String(120))
    finding: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int] = mapped_column(Integer)


class Shelter(Base):
    """A place residents can go: its capacity, how many are in it now, and whether it is open."""

    __tablename__ = "shelters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    capacity: Mapped[int] = mapped_column(Integer)
    occupancy: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), index=True)  # open full closed
    facilities: Mapped[str] = mapped_column(String(300), default="")  # comma-separated words
    contact: Mapped[str] = mapped_column(String(120), default="")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class Zone(Base):
    """A named evacuation or warning area, drawn as a polygon or a circle.

    ``geometry`` is JSON text: ``[[lon, lat], …]`` for a polygon ring (closed), or
    ``[lon, lat]`` for a circle's centre with ``radius_m`` beside it. Text keeps it
    portable across SQLite and PostgreSQL without a spatial extension.
    """

    __tablename__ = "map_zones"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # evacuation warning
    shape: Mapped[str] = mapped_column(String(10))  # polygon circle
    geometry: Mapped[str] = mapped_column(Text)
    radius_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
