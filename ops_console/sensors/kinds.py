"""The sensor vocabulary: kinds, levels and alert rules, with their words, declared once.

A kind carries a physically possible range: a river gauge cannot read 300 m, a rain gauge
cannot read below zero. A value outside it (or not a number) is a broken sensor or a
garbled frame, never a flood, so it raises its own alert and is kept out of the levels.
"""

from __future__ import annotations

from enum import Enum, IntEnum

from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels, translate


class SensorKind(Labelled, str, Enum):
    WATER_LEVEL = "water_level"
    RAIN_GAUGE = "rain_gauge"
    WIND = "wind"
    SMOKE_AIR = "smoke_air"
    SOIL_MOISTURE = "soil_moisture"
    CUSTOM = "custom"


labels(
    SensorKind,
    WATER_LEVEL=QT_TRANSLATE_NOOP("Labels", "Water level"),
    RAIN_GAUGE=QT_TRANSLATE_NOOP("Labels", "Rain gauge"),
    WIND=QT_TRANSLATE_NOOP("Labels", "Wind"),
    SMOKE_AIR=QT_TRANSLATE_NOOP("Labels", "Smoke / air"),
    SOIL_MOISTURE=QT_TRANSLATE_NOOP("Labels", "Soil moisture"),
    CUSTOM=QT_TRANSLATE_NOOP("Labels", "Custom"),
)

DEFAULT_UNITS: dict[SensorKind, str] = {
    SensorKind.WATER_LEVEL: "m",
    SensorKind.RAIN_GAUGE: "mm",
    SensorKind.WIND: "m/s",
    SensorKind.SMOKE_AIR: "µg/m³",
    SensorKind.SOIL_MOISTURE: "%",
    SensorKind.CUSTOM: "",
}

PHYSICAL_RANGE: dict[SensorKind, tuple[float | None, float | None]] = {
    SensorKind.WATER_LEVEL: (-20.0, 100.0),  # metres on a gauge board
    SensorKind.RAIN_GAUGE: (0.0, 500.0),  # mm in an hour: well above any recorded
    SensorKind.WIND: (0.0, 120.0),  # m/s: above the strongest gust ever measured
    SensorKind.SMOKE_AIR: (0.0, 50_000.0),
    SensorKind.SOIL_MOISTURE: (0.0, 100.0),  # percent
    SensorKind.CUSTOM: (None, None),  # only "not a number" is impossible
}

KIND_WORDS: dict[str, SensorKind] = {  # what a register file or a node may call a kind
    "water_level": SensorKind.WATER_LEVEL,
    "water level": SensorKind.WATER_LEVEL,
    "river": SensorKind.WATER_LEVEL,
    "level": SensorKind.WATER_LEVEL,
    "rain_gauge": SensorKind.RAIN_GAUGE,
    "rain gauge": SensorKind.RAIN_GAUGE,
    "rain": SensorKind.RAIN_GAUGE,
    "rain_1h": SensorKind.RAIN_GAUGE,
    "wind": SensorKind.WIND,
    "wind_speed": SensorKind.WIND,
    "smoke_air": SensorKind.SMOKE_AIR,
    "smoke": SensorKind.SMOKE_AIR,
    "air": SensorKind.SMOKE_AIR,
    "smoke/air": SensorKind.SMOKE_AIR,
    "soil_moisture": SensorKind.SOIL_MOISTURE,
    "soil moisture": SensorKind.SOIL_MOISTURE,
    "soil": SensorKind.SOIL_MOISTURE,
    "custom": SensorKind.CUSTOM,
}


def kind_of(word: str) -> SensorKind | None:
    """The kind a person or a node meant (``Water level``, ``rain_1h`` …), else None."""
    return KIND_WORDS.get(" ".join(word.strip().casefold().replace("-", "_").split()))


READING_WORDS = {  # what a Meshtastic node's environment telemetry calls a reading (hardware/mesh/frames.py)
    "temperature": QT_TRANSLATE_NOOP("Labels", "Temperature"),
    "humidity": QT_TRANSLATE_NOOP("Labels", "Humidity"),
    "pressure": QT_TRANSLATE_NOOP("Labels", "Air pressure"),
    "gas_resistance": QT_TRANSLATE_NOOP("Labels", "Gas resistance"),
    "iaq": QT_TRANSLATE_NOOP("Labels", "Indoor air quality"),
    "distance": QT_TRANSLATE_NOOP("Labels", "Distance"),
    "illuminance": QT_TRANSLATE_NOOP("Labels", "Illuminance"),
    "wind_direction": QT_TRANSLATE_NOOP("Labels", "Wind direction"),
    "wind_gust": QT_TRANSLATE_NOOP("Labels", "Wind gust"),
    "rain_24h": QT_TRANSLATE_NOOP("Labels", "Rain in 24 h"),
    "soil_temperature": QT_TRANSLATE_NOOP("Labels", "Soil temperature"),
    "radiation": QT_TRANSLATE_NOOP("Labels", "Radiation"),
    "weight": QT_TRANSLATE_NOOP("Labels", "Weight"),
}


def reading_words(code: str) -> str:
    """A reading's kind as a person reads it, in the reader's language: the register's kind
    (``rain_1h`` is a rain gauge), a telemetry reading's word, else the node's own word."""
    kind = kind_of(code)
    if kind is not None:
        return kind.label
    if code in READING_WORDS:
        return translate("Labels", READING_WORDS[code])
    return code.replace("_", " ")


class Level(Labelled, IntEnum):
    """Higher is worse; NORMAL is below every line."""

    NORMAL = 0
    ADVISORY = 1
    WARNING = 2
    EMERGENCY = 3


labels(
    Level,
    NORMAL=QT_TRANSLATE_NOOP("Labels", "Normal"),
    ADVISORY=QT_TRANSLATE_NOOP("Labels", "Advisory"),
    WARNING=QT_TRANSLATE_NOOP("Labels", "Warning"),
    EMERGENCY=QT_TRANSLATE_NOOP("Labels", "Emergency"),
)


class AlertRule(Labelled, str, Enum):
    """Why a sensor alert was raised."""

    LEVEL_UP = "level_up"
    LEVEL_DOWN = "level_down"
    RISE = "rise"
    SILENT = "silent"
    IMPOSSIBLE = "impossible"
    UNKNOWN = "unknown"
    CLOCK = "clock"
    BURST = "burst"


labels(
    AlertRule,
    LEVEL_UP=QT_TRANSLATE_NOOP("Labels", "Level crossed upwards"),
    LEVEL_DOWN=QT_TRANSLATE_NOOP("Labels", "Level fell back"),
    RISE=QT_TRANSLATE_NOOP("Labels", "Rate of rise"),
    SILENT=QT_TRANSLATE_NOOP("Labels", "Silent"),
    IMPOSSIBLE=QT_TRANSLATE_NOOP("Labels", "Impossible value"),
    UNKNOWN=QT_TRANSLATE_NOOP("Labels", "Unknown sensor"),
    CLOCK=QT_TRANSLATE_NOOP("Labels", "Clock far off"),
    BURST=QT_TRANSLATE_NOOP("Labels", "Flood of readings"),
)
