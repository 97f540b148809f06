"""Live map data: sirens with their last read-back state, radio nodes at their last
position with a short track, and sensors with their latest value.

Qt-free and read-only: each loader opens one ``post.db.read()`` session and returns
frozen views, so the map can call them from a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ops_console.clock import utc_now
from ops_console.db.models import Team
from ops_console.db.radio_models import MeshNodeName, Position, RadioNode, SensorReading
from ops_console.db.sensor_models import Sensor
from ops_console.db.siren_models import Siren
from ops_console.sensors.kinds import reading_words

TEAM_STALE_AFTER = timedelta(minutes=15)
SENSOR_STALE_AFTER = timedelta(minutes=30)
TRACK_POINTS = 10
COMMS_FAULT_AFTER = 3  # missed polls in a row (as ops_console.sirens.views)

SIREN_LOOKS = ("idle", "sounding", "testing", "fault", "comms")  # what the map colours by


@dataclass(frozen=True)
class SirenPoint:
    id: int
    name: str
    lat: float
    lon: float
    audible_radius_m: float
    state: str  # as read back: idle sounding testing fault unknown
    faults: int
    last_heard_at: datetime | None
    missed_polls: int
    enabled: bool

    @property
    def comms_ok(self) -> bool:
        return self.last_heard_at is not None and self.missed_polls < COMMS_FAULT_AFTER

    @property
    def look(self) -> str:
        """One of SIREN_LOOKS: sounding/testing win, then fault, then lost comms or unknown."""
        if self.state in ("sounding", "testing"):
            return self.state
        if self.state == "fault" or self.faults:
            return "fault"
        if not self.comms_ok or self.state not in SIREN_LOOKS:
            return "comms"
        return "idle"


@dataclass(frozen=True)
class NodeTrack:
    node_addr: int
    callsign: str
    team_id: int | None
    team_name: str
    lat: float
    lon: float
    at: datetime
    track: tuple[tuple[float, float], ...]  # oldest first, ending at (lat, lon)

    def stale(self, now: datetime | None = None) -> bool:
        return (now or utc_now()) - self.at > TEAM_STALE_AFTER


@dataclass(frozen=True)
class SensorPoint:
    sensor_id: str
    kind: str
    value: float
    unit: str
    at: datetime
    node_addr: int
    lat: float
    lon: float

    def stale(self, now: datetime | None = None) -> bool:
        return (now or utc_now()) - self.at > SENSOR_STALE_AFTER

    @property
    def text(self) -> str:
        return f"{reading_words(self.kind)} {self.value:g} {self.unit}".strip()


def _siren(s: Siren) -> SirenPoint:
    return SirenPoint(
        s.id,
        s.name,
        s.lat,
        s.lon,
        s.audible_radius_m or 0.0,
        s.state or "unknown",
        s.faults or 0,
        s.last_heard_at,
        s.missed_polls or 0,
        bool(s.enabled),
    )


def load_sirens(post) -> list[SirenPoint]:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return [_siren(r) for r in s.scalars(select(Siren).order_by(Siren.id)).all()]


def load_siren(post, siren_id: int) -> SirenPoint | None:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        row = s.get(Siren, siren_id)
        return _siren(row) if row is not None else None


def load_tracks(post, points: int = TRACK_POINTS) -> list[NodeTrack]:  # type: ignore[no-untyped-def]
    """Every radio node with a position (sensor stations excepted, unless their call is a team's):
    the newest of its node row and its position reports, and its last ``points`` reports."""
    with post.db.read() as s:
        teams = {
            t.callsign.strip().casefold(): (t.id, t.name)
            for t in s.scalars(select(Team)).all()
            if t.callsign and t.callsign.strip()
        }
        nodes = {n.addr: n for n in s.scalars(select(RadioNode)).all()}
        mesh_names = {
            a: long or short
            for a, long, short in s.execute(
                select(MeshNodeName.addr, MeshNodeName.long_name, MeshNodeName.short_name)
            ).all()
        }
        addrs = set(s.scalars(select(Position.node_addr).distinct()).all())
        addrs |= {a for a, n in nodes.items() if n.lat is not None and n.lon is not None and n.position_at}
        # a node that only sends sensor readings is a station, not a team (the sensors layer shows it)
        stations = set(s.scalars(select(SensorReading.node_addr).distinct()).all())
        out = []
        for addr in sorted(addrs):
            rows = s.scalars(
                select(Position)
                .where(Position.node_addr == addr)
                .order_by(Position.at.desc(), Position.id.desc())
                .limit(points)
            ).all()
            node = nodes.get(addr)
            track = [(p.lat, p.lon) for p in reversed(rows)]
            lat = lon = at = None
            callsign = ""
            if rows:
                lat, lon, at, callsign = rows[0].lat, rows[0].lon, rows[0].at, rows[0].callsign
            if (
                node is not None
                and node.lat is not None
                and node.lon is not None
                and node.position_at
                and (at is None or node.position_at > at)
            ):
                lat, lon, at = node.lat, node.lon, node.position_at
                track.append((lat, lon))
            if lat is None or lon is None or at is None:
                continue
            callsign = (node.callsign if node is not None and node.callsign else callsign) or f"#{addr}"
            team_id, team_name = teams.get(callsign.strip().casefold(), (None, ""))
            if team_id is None and addr in stations:
                continue
            team_name = team_name or mesh_names.get(addr, "")  # a Meshtastic node by its own name
            out.append(NodeTrack(addr, callsign, team_id, team_name, lat, lon, at, tuple(track[-points:])))
        return out


def load_sensors(post) -> list[SensorPoint]:  # type: ignore[no-untyped-def]
    """The latest reading of every sensor with a position: the register's, else its node's."""
    with post.db.read() as s:
        newest = (
            select(SensorReading.sensor_id, func.max(SensorReading.at).label("at"))
            .group_by(SensorReading.sensor_id)
            .subquery()
        )
        rows = s.scalars(
            select(SensorReading)
            .join(newest, (SensorReading.sensor_id == newest.c.sensor_id) & (SensorReading.at == newest.c.at))
            .order_by(SensorReading.sensor_id, SensorReading.id.desc())
        ).all()
        nodes = {n.addr: n for n in s.scalars(select(RadioNode)).all()}
        placed = {  # the register's position wins: a gauge is where it was installed
            sid: (lat, lon)
            for sid, lat, lon in s.execute(select(Sensor.sensor_id, Sensor.lat, Sensor.lon)).all()
            if lat is not None and lon is not None
        }
        out, seen = [], set()
        for r in rows:
            node = nodes.get(r.node_addr) if r.node_addr is not None else None
            where = placed.get(r.sensor_id)
            if where is None and node is not None and node.lat is not None and node.lon is not None:
                where = (node.lat, node.lon)
            if r.sensor_id in seen or where is None:
                continue
            seen.add(r.sensor_id)
            out.append(
                SensorPoint(
                    r.sensor_id, r.kind, r.value, r.unit or "", r.at, r.node_addr or 0, where[0], where[1]
                )
            )
        return out
