"""The sensor register and the alerts its evaluation raised.

The readings themselves stay where the radio ingest writes them (``sensor_readings`` in
radio_models.py): one reading store. A register row is what the post knows about a sensor
(what it measures, where it is, when it should report, its levels and rate-of-rise rule);
``sensor_id`` is the id the node sends, the key that joins the two.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .radio_models import BigId
from .types import UtcDateTime


class Sensor(Base):
    """One registered sensor: levels rise advisory → warning → emergency (each optional)."""

    __tablename__ = "sensors"

    id: Mapped[int] = mapped_column(primary_key=True)
    sensor_id: Mapped[str] = mapped_column(String(40), unique=True)  # as sent over the radio
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))  # SensorKind value
    unit: Mapped[str] = mapped_column(String(16), default="")
    location: Mapped[str] = mapped_column(String(200), default="")  # in words, for alerts
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    node_call: Mapped[str] = mapped_column(String(40), default="")  # the radio node that reports it
    interval_s: Mapped[int] = mapped_column(Integer, default=600)  # expected reporting interval
    advisory: Mapped[float | None] = mapped_column(Float, nullable=True)
    warning: Mapped[float | None] = mapped_column(Float, nullable=True)
    emergency: Mapped[float | None] = mapped_column(Float, nullable=True)
    hysteresis: Mapped[float] = mapped_column(Float, default=0.0)  # a level ends below its line minus this
    rise_amount: Mapped[float | None] = mapped_column(Float, nullable=True)  # e.g. 0.20 (m) …
    rise_window_s: Mapped[int | None] = mapped_column(Integer, nullable=True)  # … within 900 s
    min_valid: Mapped[float | None] = mapped_column(Float, nullable=True)  # physically possible range
    max_valid: Mapped[float | None] = mapped_column(Float, nullable=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)


class SensorAlertRow(Base):
    """An alert the evaluation raised: a level crossed (up or down), a rate of rise, an
    impossible value, an unknown sensor, a clock far off, a flood of readings."""

    __tablename__ = "sensor_alerts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    sensor_id: Mapped[str] = mapped_column(String(40))
    rule: Mapped[str] = mapped_column(String(12))  # AlertRule value
    level: Mapped[int] = mapped_column(Integer, default=0)  # Level after the reading (0 normal … 3)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str] = mapped_column(String(16), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)  # when the reading was heard
    detail: Mapped[str] = mapped_column(String(300), default="")  # the rule in words
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    alarm_message_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the EMERGENCY alarm
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_sensor_alerts_sensor_id", "sensor_id", "id"),)


class SensorRollup(Base):
    """Per sensor and hour (of the sensor's own time): min, max, sum and count of its readings,
    kept by the ingest in the readings' transaction, so a chart over a month or a year reads
    a few thousand rows instead of scanning half a million readings."""

    __tablename__ = "sensor_rollups"

    sensor_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)  # epoch seconds // 3600
    vmin: Mapped[float] = mapped_column(Float)
    vmax: Mapped[float] = mapped_column(Float)
    vsum: Mapped[float] = mapped_column(Float)
    n: Mapped[int] = mapped_column(Integer)
