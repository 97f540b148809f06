"""Radio traffic: every raw frame heard or sent, the messages made of them, the outbox,
the nodes heard and what they reported (positions, sensor readings).

Raw frames are written before anything is parsed, so a frame that cannot be understood
is still kept (flagged) and nothing heard is ever lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ops_console.clock import utc_now

from .models import Base
from .types import UtcDateTime

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit id for
# a table that grows by millions of rows.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class RawFrame(Base):
    """One line/frame exactly as it crossed the serial port, with its radio metadata."""

    __tablename__ = "radio_raw_frames"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    link: Mapped[str] = mapped_column(String(60))
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    data: Mapped[bytes] = mapped_column(LargeBinary)
    # the radio address heard from (None for lines that are not a valid +RCV); not indexed
    # on purpose (ingest speed): the signal plot scans only the most recent rows
    node_addr: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rssi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    snr: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[str] = mapped_column(
        String(12), default="new"
    )  # new parsed plain invalid duplicate fragment
    error: Mapped[str] = mapped_column(String(300), default="")
    message_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)


class RadioMessage(Base):
    """A message received or sent (text, ICS-213, position, sensor, ack).

    Outbound messages move queued → sent → acked or failed (or cancelled); the columns
    for attempts and the next attempt survive a restart, so the outbox does too.
    """

    __tablename__ = "radio_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(
        String(12)
    )  # text, ics213, plain (no field payload: unverified, number 0)
    station: Mapped[str] = mapped_column(String(20))  # the originating station's call
    number: Mapped[int] = mapped_column(Integer)  # message number per originating station
    sender: Mapped[str] = mapped_column(String(40), default="")
    recipient: Mapped[str] = mapped_column(String(40), default="")
    node_addr: Mapped[int | None] = mapped_column(Integer, nullable=True)
    precedence: Mapped[str] = mapped_column(String(10), default="ROUTINE")
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    status: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(300), default="")
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    link: Mapped[str] = mapped_column(String(60), default="")
    rssi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    snr: Mapped[float | None] = mapped_column(Float, nullable=True)
    raw_frame_id: Mapped[int | None] = mapped_column(BigId, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(
        String(120), default=""
    )  # operator who acknowledged an alert
    linked_entity: Mapped[str] = mapped_column(String(40), default="")
    linked_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)

    # Not unique: message numbers wrap at 65536, so a number comes back within a long
    # operation; duplicates are recognised by station, number *and* content instead.
    # the alert banner asks "unacknowledged EMERGENCY/PRIORITY" every second: an index, not a scan
    __table_args__ = (
        Index("ix_radio_messages_origin", "direction", "station", "number"),
        Index("ix_radio_messages_alerts", "precedence", "acknowledged_by", "direction"),
    )


class MeshPacket(Base):
    """One Meshtastic packet the outbox handed to a node: the message (and which part of it)
    it carries, and what the mesh said of it. Kept in the database, not only in memory, so
    an acknowledgement heard after a restart of the console still finds its message, and a
    text sent in parts is delivered only when every part is."""

    __tablename__ = "radio_mesh_packets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("radio_messages.id", ondelete="CASCADE"), index=True)
    packet_id: Mapped[int] = mapped_column(BigInteger, index=True)  # the node's 32-bit id, unsigned
    part: Mapped[int] = mapped_column(Integer, default=1)
    parts: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(12), default="sent")  # sent, relayed, acked, failed
    words: Mapped[str] = mapped_column(String(300), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class MeshNodeName(Base):
    """What a Meshtastic node calls itself (its NodeInfo user: long and short name), by the
    address the radio tables give it, so the Nodes table, the comms log and the map can
    show "River watch (M9A2B3C03)" instead of the bare number, on every workstation."""

    __tablename__ = "mesh_node_names"

    addr: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    long_name: Mapped[str] = mapped_column(String(40), default="")
    short_name: Mapped[str] = mapped_column(String(10), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class RadioNode(Base):
    """A radio heard on the air: its address, call, signal and last report."""

    __tablename__ = "radio_nodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    addr: Mapped[int] = mapped_column(Integer, unique=True)
    callsign: Mapped[str] = mapped_column(String(40), default="")
    last_heard: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    rssi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    snr: Mapped[float | None] = mapped_column(Float, nullable=True)
    battery: Mapped[float | None] = mapped_column(Float, nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    position_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Position(Base):
    """A position report (teams on the map, tracks)."""

    __tablename__ = "radio_positions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    node_addr: Mapped[int] = mapped_column(Integer)
    callsign: Mapped[str] = mapped_column(String(40), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    battery: Mapped[float | None] = mapped_column(Float, nullable=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_radio_positions_node_at", "node_addr", "at"),)


class SensorReading(Base):
    """A value a sensor node sent (river level, rain, temperature, …)."""

    __tablename__ = "sensor_readings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    sensor_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    node_addr: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_sensor_readings_sensor_at", "sensor_id", "at"),)
