"""Fixtures for the siren feature: a post with six sirens, the simulated bus on a real pty,
and a runtime with short intervals talking to it through the real driver."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from ops_console.hardware.simulators.siren_bus import SimulatedSirenBus
from ops_console.sirens.demo import build_demo_sirens
from ops_console.sirens.runtime import SirenRuntime
from ops_console.sirens.service import SirenService

FAST_BUS = {"timeout": 0.1, "read_attempts": 2}


@pytest.fixture
def sirens(post) -> SirenService:
    """The siren service of ``post`` (SQLite file) with the six demo sirens."""
    return build_demo_sirens(post, SirenService(post.db, post.bus, post.shift, post.operators))


@pytest.fixture
def any_sirens(any_post) -> SirenService:
    return build_demo_sirens(
        any_post, SirenService(any_post.db, any_post.bus, any_post.shift, any_post.operators)
    )


@pytest.fixture
def siren_window(qtbot, tmp_path) -> Iterator[Callable[..., object]]:
    """``siren_window(post)``: the real main window on ``post`` with the six demo sirens and
    China's signal set, shown at 1280x720 with the Task board in front (Sirens behind it)."""
    from PySide6.QtCore import QSettings

    from ops_console.ui.app import build_main_window

    built = []

    def build(post):  # type: ignore[no-untyped-def]
        build_demo_sirens(post, post.sirens)
        settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
        win = build_main_window(post, settings=settings)
        post.sirens.country = "CN"  # as the demo has it (the window set the configured one)
        qtbot.addWidget(win)
        win.resize(1280, 720)  # the smallest size posts use (chosen: not maximised at first start)
        win.show()
        qtbot.waitExposed(win)
        win.resize(1280, 720)  # again once shown: the minimum sizes of the docks settle on show
        win.docks["tasks"].show()
        win.docks["tasks"].raise_()
        built.append(win)
        return win

    yield build
    for win in built:  # before the post closes (ask for the post before this fixture)
        win.close()


@pytest.fixture
def sim() -> Iterator[SimulatedSirenBus]:
    bus = SimulatedSirenBus(range(1, 7), transport="pty")
    bus.start()
    yield bus
    bus.stop()


@pytest.fixture
def make_runtime(sim) -> Iterator[Callable[..., SirenRuntime]]:
    made: list[SirenRuntime] = []

    def make(service: SirenService, **kw: object) -> SirenRuntime:
        options = {
            "poll_interval_s": 0.3,
            "sounding_interval_s": 0.3,
            "confirm_timeout_s": 5.0,
            "bus_options": FAST_BUS,
            **kw,
        }
        rt = SirenRuntime(service, {"sirens": sim.port_url}, **options)
        made.append(rt)
        rt.start()
        return rt

    yield make
    for rt in made:
        rt.stop()


@pytest.fixture
def wait_for() -> Callable[..., object]:
    """``wait_for(condition, timeout)``: the condition's truthy value, or a failed test."""

    def wait(condition: Callable[[], object], timeout: float = 8.0, what: str = "condition") -> object:
        deadline = time.monotonic() + timeout
        pause = threading.Event()
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {timeout} s waiting for {what}")
            pause.wait(0.03)

    return wait
