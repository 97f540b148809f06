"""Fixtures for the siren tests: a simulated RS-485 bus of controllers on a real pty (or a
loopback TCP port) on a clock the test moves, and a driver pointed at it.

Tests import nothing from here (pytest runs in importlib mode); everything is a fixture.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from ops_console.hardware.simulators.siren_bus import SimulatedSirenBus
from ops_console.hardware.sirens import SirenBus

FAST = {"timeout": 0.1, "read_attempts": 2}


class FakeClock:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sim(clock: FakeClock) -> Iterator[SimulatedSirenBus]:
    """Six controllers (units 1-6) on a pseudo-terminal at 19,200 baud."""
    bus = SimulatedSirenBus(range(1, 7), transport="pty", clock=clock)
    bus.start()
    yield bus
    bus.stop()


@pytest.fixture
def tcp_sim(clock: FakeClock) -> Iterator[SimulatedSirenBus]:
    """The same bus behind ``socket://127.0.0.1:PORT``."""
    bus = SimulatedSirenBus(range(1, 7), transport="tcp", clock=clock)
    bus.start()
    yield bus
    bus.stop()


@pytest.fixture
def make_bus() -> Iterator[Callable[..., SirenBus]]:
    """``make_bus(url, **kw)``: a SirenBus with short timeouts, closed at teardown."""
    made: list[SirenBus] = []

    def make(url: str, **kw: object) -> SirenBus:
        bus = SirenBus(url, **{**FAST, **kw})
        made.append(bus)
        return bus

    yield make
    for bus in made:
        bus.close()


@pytest.fixture
def bus(sim: SimulatedSirenBus, make_bus: Callable[..., SirenBus]) -> SirenBus:
    """A driver on the pty of ``sim``."""
    return make_bus(sim.port_url)
