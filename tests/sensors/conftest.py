"""Sensor tests: readings as the radio hears them (real frames through the real ingest)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from helpers.sensors import RIVER, T0, sensor_frame

Feed = Callable[..., None]


@pytest.fixture
def feed(post) -> Feed:  # type: ignore[no-untyped-def]
    """``feed([(value, minutes after T0), …])``: river readings, one batch through the ingest."""

    def run(points, sensor_id: str = RIVER.sensor_id, **kw) -> None:  # type: ignore[no-untyped-def]
        frames = [sensor_frame(sensor_id, v, T0 + timedelta(minutes=m), **kw) for v, m in points]
        post.radio.ingest.ingest(frames)

    return run
