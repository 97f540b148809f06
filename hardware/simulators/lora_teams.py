"""Simulated field teams and sensor nodes: what the simulated modem "hears" over the air.

Deterministic for a given seed: all randomness comes from one ``random.Random`` and all
times from the clock values passed in, so a test can predict every frame.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.protocols import field_payload as fp


@dataclass(frozen=True)
class Gauge:
    """What a sensor node measures when it is not random: ``start`` rising by ``rise_per_min``
    from the first reading (up to ``ceiling``), with a little noise, so a demo can watch a
    river reach its levels."""

    sensor_id: str
    kind: str
    unit: str
    start: float
    rise_per_min: float
    noise: float = 0.0
    ceiling: float | None = None


@dataclass(frozen=True)
class FieldTeam:
    """One station in the field: ``kind`` is ``team`` (texts, positions) or ``sensor``
    (random readings, or those of its ``gauge``)."""

    call: str
    address: int
    kind: str = "team"
    gauge: Gauge | None = None


DEFAULT_TEAMS = (
    FieldTeam("RESCUE1", 11),
    FieldTeam("MEDIC2", 12),
    FieldTeam("SEARCH3", 13),
    FieldTeam("RG1", 21, "sensor"),
)
SAMPLE_TEXTS = (
    (fp.Precedence.ROUTINE, "Arrived at sector {n}, starting sweep"),
    (fp.Precedence.ROUTINE, "Road to the school is clear, 2 volunteers staying"),
    (fp.Precedence.WELFARE, "Family of 4 at Elm St 12 safe, asks for drinking water"),
    (fp.Precedence.PRIORITY, "Need 20 sandbags and a pump at the bridge, water rising"),
    (fp.Precedence.EMERGENCY, "Person trapped in vehicle at the ford, send rescue now"),
    (fp.Precedence.ROUTINE, "Shift change done. Batteries at 60%, all radios checked | ok"),
)
PRECEDENCE_WEIGHTS = (40, 40, 10, 6, 2, 2)
BULK_STATIONS = 200
"""Field teams in ``FieldTraffic.bulk``'s texts and mixed streams."""
SENSOR_KINDS = (("water_level", "m", 2.0, 0.3), ("rain_1h", "mm", 4.0, 3.0), ("temp", "°C", 12.0, 2.0))


def rcv_line(address: int, data: bytes, rssi: int, snr: int) -> bytes:
    """The line a RYLR896 prints when it hears ``data`` from ``address``."""
    return b"+RCV=%d,%d,%s,%d,%d\r\n" % (address, len(data), data, rssi, snr)


class FieldTraffic:
    """Generate the traffic of several teams and answer what the console sends them."""

    def __init__(
        self,
        rng: random.Random,
        teams: tuple[FieldTeam, ...] = DEFAULT_TEAMS,
        centre: tuple[float, float] = (47.3769, 8.5417),
        console_call: str = "OPS",
        garbage_rate: float = 0.02,
        error_rate: float = 0.02,
    ) -> None:
        self.rng, self.teams, self.console_call = rng, teams, console_call
        self.garbage_rate, self.error_rate = garbage_rate, error_rate
        self._numbers = {t.call: 0 for t in teams}
        self._where = {
            t.call: (centre[0] + rng.uniform(-0.01, 0.01), centre[1] + rng.uniform(-0.01, 0.01))
            for t in teams
        }
        self._battery = {t.call: rng.randint(60, 100) for t in teams}
        self._inbox = Reassembler(timeout=600.0)
        self._acked: set[tuple[str, int]] = set()
        self.received: list[fp.TextMessage] = []
        self._gauge_start: dict[str, datetime] = {}  # a gauge's first reading: its rise counts from there

    def next_lines(self, now: datetime) -> list[bytes]:
        """Lines for the next traffic event (a text may take several frames)."""
        roll = self.rng.random()
        if roll < self.garbage_rate:
            return [self._garbage()]
        if roll < self.garbage_rate + self.error_rate:
            return [b"+ERR=12\r\n"]
        team = self.rng.choice(self.teams)
        if team.kind == "sensor":
            frames = self._sensor(team, now)
        elif self.rng.random() < 0.5:
            frames = self._position(team, now)
        else:
            frames = self._text(team)
        return [self._heard(team, frame) for frame in frames]

    def bulk(self, count: int, now: datetime, mix: str = "positions") -> list[bytes]:
        """``count`` well-formed +RCV lines, e.g. for an ingest benchmark: ``positions`` from
        this traffic's teams, or from ``BULK_STATIONS`` field teams ``texts`` (the sample
        texts, one frame each, to the console) or a ``mixed`` stream of 70 % positions, 25 %
        texts and 5 % acks (of numbers the console may have sent). Many stations, so no
        station's number wraps and comes back as a repeat within a run of a million."""
        if mix == "positions":
            lines: list[bytes] = []
            for i in range(count):
                team = self.teams[i % len(self.teams)]
                lines.extend(self._heard(team, f) for f in self._position(team, now))
            return lines
        if mix not in ("texts", "mixed"):
            raise ValueError(f"unknown traffic mix {mix!r}: positions, texts or mixed")
        teams = [FieldTeam(f"FT{i}", 100 + i) for i in range(BULK_STATIONS)]
        for team in teams:
            self._numbers.setdefault(team.call, 0)
            self._where.setdefault(team.call, self._where[self.teams[0].call])
            self._battery.setdefault(team.call, 90)
        lines = []
        while len(lines) < count:
            team = teams[len(lines) % len(teams)]
            roll = self.rng.random() if mix == "mixed" else 0.8
            if roll < 0.70:
                frames = self._position(team, now)
            elif roll < 0.95:
                frames = self._text(team)
            else:
                frames = fp.encode_ack(team.call, self.console_call, self.rng.randint(1, 65535))
            lines.extend(self._heard(team, f) for f in frames)
        return lines[:count]

    def hear_from_console(self, address: int, data: bytes, now: float) -> list[bytes]:
        """The console transmitted ``data`` to ``address`` (0 = all): return the acks heard back."""
        frag = fp.decode(data)
        if not isinstance(frag, fp.TextFragment):
            return []
        key = (frag.sender, frag.number)
        team = next((t for t in self.teams if t.call == frag.recipient), None)
        if team is None or address not in (0, team.address):
            return []
        message = self._inbox.add(frag, now)
        if message is not None:
            self.received.append(message)
            self._acked.add(key)
        elif key not in self._acked:
            return []
        # fixed signal figures: this runs on the port thread, the RNG belongs to the traffic
        return [rcv_line(team.address, f, -70, 8) for f in fp.encode_ack(team.call, frag.sender, frag.number)]

    # -- frame makers --------------------------------------------------------------------

    def _next_number(self, team: FieldTeam) -> int:
        self._numbers[team.call] = (self._numbers[team.call] + 1) % 65536
        return self._numbers[team.call]

    def _heard(self, team: FieldTeam, frame: bytes) -> bytes:
        return rcv_line(team.address, frame, self.rng.randint(-120, -40), self.rng.randint(-12, 12))

    def _text(self, team: FieldTeam) -> list[bytes]:
        prec, template = self.rng.choices(SAMPLE_TEXTS, PRECEDENCE_WEIGHTS)[0]
        text = template.format(n=self.rng.randint(1, 9))
        return fp.encode_text(team.call, self.console_call, self._next_number(team), prec, text)

    def _position(self, team: FieldTeam, now: datetime) -> list[bytes]:
        lat, lon = self._where[team.call]
        lat, lon = lat + self.rng.uniform(-2e-4, 2e-4), lon + self.rng.uniform(-2e-4, 2e-4)
        self._where[team.call] = (lat, lon)
        battery = max(0, self._battery[team.call] - self.rng.randint(0, 1))
        self._battery[team.call] = battery
        return fp.encode_position(team.call, self._next_number(team), lat, lon, now, battery)

    def _sensor(self, team: FieldTeam, now: datetime) -> list[bytes]:
        gauge = team.gauge
        if gauge is not None:
            minutes = (now - self._gauge_start.setdefault(team.call, now)).total_seconds() / 60
            level = gauge.start + gauge.rise_per_min * minutes + self.rng.gauss(0, gauge.noise)
            if gauge.ceiling is not None:
                level = min(level, gauge.ceiling)
            return fp.encode_sensor(
                team.call,
                self._next_number(team),
                gauge.sensor_id,
                gauge.kind,
                round(level, 3),
                gauge.unit,
                now,
            )
        kind, unit, mean, spread = self.rng.choice(SENSOR_KINDS)
        value = round(self.rng.gauss(mean, spread), 2)
        return fp.encode_sensor(
            team.call, self._next_number(team), f"{team.call}-{kind[:4]}", kind, value, unit, now
        )

    def _garbage(self) -> bytes:
        noise = bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 24)))
        return noise.replace(b"\n", b"") + b"\r\n"
