"""The register of residents who need help, and where each one is during an evacuation.

A resident is a real person of the ward, not a record of one drill, so ``residents`` has
no exercise flag. Where a person is during an evacuation does depend on the mode: a
drill's "evacuated" must never hide a real person still at home, so each mode keeps its
own row in ``resident_accounts`` (one per resident and mode; no row means nobody has
accounted for them yet), and the exercise purge removes the drill's rows with the rest.

The position index (lat, lon, id) lets a zone's bounding box be answered from the index
alone on both engines; the exact point-in-polygon test runs on those candidates only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime


class Resident(Base):
    """A vulnerable resident: who, where, what they need, and who usually checks on them."""

    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(
        String(120), default="", index=True
    )  # from the address, for walk lists
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    needs: Mapped[str] = mapped_column(String(120), default="")  # comma-separated Need values
    urgency: Mapped[int] = mapped_column(Integer, default=0)  # the most urgent need's rank, for ordering
    contact: Mapped[str] = mapped_column(String(120), default="")
    neighbour_contact: Mapped[str] = mapped_column(String(200), default="")
    checker: Mapped[str] = mapped_column(String(120), default="")  # the volunteer who usually checks on them
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_residents_position", "lat", "lon", "id"),)


class ResidentAccount(Base):
    """Where one resident is in one mode (live or exercise): evacuated, staying, not found …"""

    __tablename__ = "resident_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20))  # Whereabouts value
    shelter_id: Mapped[int | None] = mapped_column(
        ForeignKey("shelters.id", ondelete="SET NULL"), nullable=True, index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    by: Mapped[str] = mapped_column(String(120), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("resident_id", "exercise"),)
