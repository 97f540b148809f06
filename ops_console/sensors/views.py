"""Frozen values the sensor service hands out: register entries, the panel's rows, the
chart's series, and the structured sensor alert other features build on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from ops_console.labels import translate
from ops_console.said import N_, label, said, shown

from .kinds import AlertRule, Level, SensorKind
from .rules import Lines


@dataclass(frozen=True)
class SensorSpec:
    """What the register says about a sensor (also the form's and the import's row)."""

    sensor_id: str
    name: str
    kind: SensorKind
    unit: str = ""
    location: str = ""
    lat: float | None = None
    lon: float | None = None
    node_call: str = ""
    interval_s: int = 600
    advisory: float | None = None
    warning: float | None = None
    emergency: float | None = None
    hysteresis: float = 0.0
    rise_amount: float | None = None
    rise_window_s: int | None = None
    min_valid: float | None = None
    max_valid: float | None = None
    enabled: bool = True
    notes: str = ""

    @cached_property
    def lines(self) -> Lines:  # once per entry: the evaluation asks for every reading
        return Lines(self.advisory, self.warning, self.emergency, self.hysteresis)

    def line_of(self, level: int) -> float | None:
        return self.lines.values[level - 1] if 1 <= level <= 3 else None

    def rule_said(self, level: int) -> str:
        """``warning ≥ 3.0 m`` — the rule a level stands for, as a stored sentence
        (ops_console/said.py: an alert keeps it in no language)."""
        line = self.line_of(level)
        if line is None:
            return ""
        return said(
            N_("{level} ≥ {line} {unit}"),
            level=label(Level(level), lower=True),
            line=f"{line:g}",
            unit=self.unit,
        )

    def rule_words(self, level: int) -> str:
        """``rule_said`` in the reader's language."""
        return shown(self.rule_said(level))

    def rise_said(self) -> str:
        if self.rise_amount is None or not self.rise_window_s:
            return ""
        return said(
            N_("up {amount} {unit} in {minutes} min"),
            amount=f"{self.rise_amount:g}",
            unit=self.unit,
            minutes=self.rise_window_s // 60,
        )

    def rise_words(self) -> str:
        return shown(self.rise_said())


@dataclass(frozen=True)
class SensorRow:
    """One line of the Sensors panel: the register entry (None for a sensor heard but not
    registered) and the latest reading, level and trend."""

    sensor_id: str
    spec: SensorSpec | None
    kind_word: str  # as the node sent it, for unknown sensors
    value: float | None
    unit: str
    at: datetime | None  # when the latest reading was taken (sensor time)
    level: Level
    trend: int  # -1 falling, 0 steady, +1 rising (over the last readings)
    silent: bool
    version: int = 0

    @property
    def name(self) -> str:
        return self.spec.name if self.spec else self.sensor_id

    @property
    def registered(self) -> bool:
        return self.spec is not None


@dataclass(frozen=True)
class SensorAlert:
    """A sensor alert as a structured record: what another feature needs to act on it
    (e.g. draft a public warning) without reading the sensor tables itself."""

    id: int | None  # None for a condition computed on reading (silent)
    sensor_id: str
    name: str
    kind: SensorKind | None
    value: float | None
    unit: str
    level: Level
    rule: AlertRule
    detail: str  # the rule as stored (ops_console/said.py): "emergency ≥ 3.5 m", "up 0.22 m in 15 min"
    at: datetime  # when the reading was heard (for silent: the last reading)
    location: str
    lat: float | None
    lon: float | None
    exercise: bool = False
    alarm_message_id: int | None = None

    @property
    def detail_words(self) -> str:
        """The rule in the reader's language (the stored detail is in none)."""
        return shown(self.detail)

    @property
    def words(self) -> str:
        """One sentence with the value, the rule and the time (UTC; panels show local)."""
        value = (
            f"{self.value:g} {self.unit}".strip()
            if self.value is not None
            else translate("Alerts", "no value")
        )
        where = (
            translate("Alerts", "{name} at {place}").format(name=self.name, place=self.location)
            if self.location
            else self.name
        )
        return translate("Alerts", "{where}: {value} — {rule}: {detail} ({time} UTC)").format(
            where=where,
            value=value,
            rule=self.rule.label.lower(),
            detail=self.detail_words,
            time=f"{self.at:%H:%M}",
        )


@dataclass(frozen=True)
class Series:
    """Readings of one sensor over a span, already thinned to at most a few thousand points:
    ``mins``/``maxs`` per time bucket keep every peak visible (min/max decimation)."""

    sensor_id: str
    start: float  # epoch seconds
    end: float
    times: tuple[float, ...] = ()
    values: tuple[float, ...] = ()
    mins: tuple[float, ...] = ()
    maxs: tuple[float, ...] = ()
    bucket_s: float = 0.0  # 0: raw readings
    raw_count: int = 0
    lines: Lines = field(default_factory=Lines)
    unit: str = ""
