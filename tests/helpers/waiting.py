"""Polling for things that happen on other threads (serial links, workers, simulators)."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait(predicate: Callable[[], bool], timeout: float = 15.0) -> bool:
    """True as soon as ``predicate()`` is; False after ``timeout`` seconds. Generous by
    default: it returns early when things work, and shared CI machines are slow."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
