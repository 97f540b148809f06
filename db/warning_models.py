"""Public warnings: the warning itself, every CAP message it became, its deliveries per
channel, and CAP alerts imported from the city.

A warning row holds its current state; the audit log holds every step (the timeline is
read from it). ``version`` moves on every transition and transitions are conditional
UPDATEs on the state, so two workstations approving or issuing at once cannot both win.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime


class PublicWarning(Base):
    """One warning to the neighbourhood: draft → approved → issued → updated → cancelled/all clear."""

    __tablename__ = "public_warnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(String(80), unique=True)  # CAP identifier stem
    hazard: Mapped[str] = mapped_column(String(20))  # flood typhoon fire hazmat all_clear
    state: Mapped[str] = mapped_column(String(12), index=True)
    # {"zh-CN": {"headline", "description", "instruction"}, "en-US": {...}}: the texts as filled in
    texts_json: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(String(200), default="")
    # area: "zone" (zone_id), "sirens" (siren_ids) — the geometry is copied at drafting so
    # the record keeps what residents were told even when the zone is later withdrawn
    area_kind: Mapped[str] = mapped_column(String(10))
    area_desc: Mapped[str] = mapped_column(String(200))
    area_json: Mapped[str] = mapped_column(
        Text
    )  # {"polygons": [[[lat, lon], ...]], "circles": [[lat, lon, km]]}
    zone_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    siren_ids: Mapped[str] = mapped_column(String(400), default="")  # "1,2,3"
    exercise: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    drafted_by: Mapped[str] = mapped_column(String(120))
    approved_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    issued_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)


class WarningMessage(Base):
    """One CAP message a warning became (Alert, Update, Cancel), kept byte for byte as sent."""

    __tablename__ = "warning_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    warning_id: Mapped[int] = mapped_column(ForeignKey("public_warnings.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 … within the warning
    msg_type: Mapped[str] = mapped_column(String(8))  # Alert Update Cancel
    identifier: Mapped[str] = mapped_column(String(100), unique=True)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    cap_xml: Mapped[str] = mapped_column(Text)


class WarningDelivery(Base):
    """One channel of one message: pending → sending → delivered | failed (retry makes it pending)."""

    __tablename__ = "warning_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("warning_messages.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(10))  # sirens radio cap pdf
    state: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str] = mapped_column(Text, default="")
    ref: Mapped[str] = mapped_column(String(400), default="")  # siren request, radio message id, file path
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    __table_args__ = (Index("ix_warning_deliveries_message_channel", "message_id", "channel", unique=True),)


class ImportedCapAlert(Base):
    """A CAP 1.2 message received from outside (the city): shown on the alert list and the map."""

    __tablename__ = "cap_alerts_in"

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(String(200))
    sender: Mapped[str] = mapped_column(String(200))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(10))
    msg_type: Mapped[str] = mapped_column(String(8))
    references: Mapped[str] = mapped_column(Text, default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    event: Mapped[str] = mapped_column(String(200), default="")
    severity: Mapped[str] = mapped_column(String(12), default="")
    area_desc: Mapped[str] = mapped_column(Text, default="")
    area_json: Mapped[str] = mapped_column(Text, default="{}")
    # the alert an Update or Cancel refers to (its own row id); None for an Alert or an unknown reference
    refers_to_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)  # a later Update/Cancel replaced it
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(400), default="")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    acknowledged_by: Mapped[str | None] = mapped_column(String(120), nullable=True)

    __table_args__ = (Index("ix_cap_alerts_in_sender_identifier", "sender", "identifier", unique=True),)
