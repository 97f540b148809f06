"""A reading's kind reads in the reader's language wherever it is shown (map label, sensors
table, SITREP): the register's kinds, a Meshtastic node's telemetry words, else as sent."""

from __future__ import annotations

from datetime import UTC, datetime

from ops_console.hardware.mesh.frames import ENVIRONMENT
from ops_console.mapping.live import SensorPoint
from ops_console.sensors.kinds import reading_words


def _point(kind: str) -> SensorPoint:
    return SensorPoint("MESH-1", kind, 990.5, "hPa", datetime.now(UTC), 1, 30.0, 120.0)


def test_english_words_for_register_kinds_telemetry_and_unknown_codes():
    assert reading_words("rain_1h") == "Rain gauge"
    assert reading_words("pressure") == "Air pressure"
    assert reading_words("vibration_x") == "vibration x"  # a node's own word, as it sent it
    assert _point("pressure").text == "Air pressure 990.5 hPa"


def test_every_telemetry_reading_a_mesh_node_sends_has_chinese_words(chinese):
    from helpers.english_left import english_words

    left = {
        kind: reading_words(kind)
        for kind, _unit in ENVIRONMENT.values()
        if english_words(reading_words(kind))
    }
    assert not left, left
    assert _point("pressure").text == "气压 990.5 hPa"
