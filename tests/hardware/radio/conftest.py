"""Fixtures for the LoRa radio tests: simulated modems on real ptys / TCP ports, and
collectors that let a test wait (never sleep) for what the link thread delivers.

Tests import nothing from here (pytest runs in importlib mode and ``conftest`` would name
tests/conftest.py); everything is a fixture.
"""

from __future__ import annotations

import os
import pty
import threading
import tty
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ops_console.hardware.lora.at_modem import AtModem
from ops_console.hardware.lora.types import ModemConfig, ModemState
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.transport.serial_link import SerialLink

FAST_LINK = {"read_timeout": 0.02, "backoff_initial": 0.05, "backoff_cap": 0.2}
FAST_MODEM = {"command_timeout": 0.3, "retries": 1, "probe_interval": 0.2}
CONFIG = ModemConfig(address=1, network_id=6, band_hz=868_100_000, cpin="0BADCAFE" * 4)  # RYLR896: 32 digits


class Collector:
    """A thread-safe list that tests can wait on."""

    def __init__(self) -> None:
        self.items: list = []
        self._cond = threading.Condition()

    def __call__(self, item: object) -> None:
        with self._cond:
            self.items.append(item)
            self._cond.notify_all()

    def extend(self, items: list) -> None:
        with self._cond:
            self.items.extend(items)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[list], bool], timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self.items), timeout)

    def wait_count(self, count: int, timeout: float = 5.0) -> bool:
        return self.wait_for(lambda items: len(items) >= count, timeout)


@pytest.fixture
def sim() -> Iterator[SimulatedModem]:
    """A simulated RYLR896 on a pseudo-terminal, no scheduled traffic, no noise."""
    s = SimulatedModem(transport="pty", seed=7, garbage_rate=0.0, error_rate=0.0)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def tcp_sim() -> Iterator[SimulatedModem]:
    """The same simulated modem behind a loopback TCP port (``socket://``)."""
    s = SimulatedModem(transport="tcp", seed=7, garbage_rate=0.0, error_rate=0.0)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def make_modem() -> Iterator[Callable[..., tuple[AtModem, Collector, Collector]]]:
    """Build a started driver on a URL; returns (modem, frames, states). Closed at teardown."""
    made: list[AtModem] = []

    def make(url: str, config: ModemConfig = CONFIG, wait_ready: bool = True, **kw: object):
        frames, states = Collector(), Collector()
        link = SerialLink(url, name="lora-test", **FAST_LINK)
        modem = AtModem(
            link,
            config,
            on_frames=frames.extend,
            on_state=lambda s, d: states((s, d)),
            **{**FAST_MODEM, **kw},
        )
        made.append(modem)
        modem.start()
        if wait_ready:
            assert modem.wait_for_state(ModemState.READY, 5.0), modem.stats()
        return modem, frames, states

    yield make
    for modem in made:
        modem.close()


def open_pty_at(path: Path) -> tuple[int, int]:
    """A raw pty whose slave is reachable at ``path`` (a symlink); returns (master, slave)."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    if path.is_symlink():
        path.unlink()
    path.symlink_to(os.ttyname(slave))
    return master, slave


@pytest.fixture
def collector() -> type[Collector]:
    """The Collector class: ``collector()`` makes a waitable list."""
    return Collector


@pytest.fixture
def fast_link() -> dict:
    """SerialLink keyword arguments that keep reconnect tests quick."""
    return dict(FAST_LINK)


@pytest.fixture
def pty_at() -> Iterator[Callable[[Path], tuple[int, int]]]:
    """``pty_at(path)`` opens a raw pty reachable at ``path``; fds still open are closed after."""
    opened: list[int] = []

    def make(path: Path) -> tuple[int, int]:
        master, slave = open_pty_at(path)
        opened.extend((master, slave))
        return master, slave

    yield make
    for fd in opened:
        try:
            os.close(fd)
        except OSError:
            pass
