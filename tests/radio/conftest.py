"""Fixtures for the radio integration tests: a simulated RYLR896 on a real pty, and a
RadioRuntime that reaches it through the real SerialLink and AtModem into a real post."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from helpers.events import EventRecorder
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime

Events = EventRecorder  # the radio tests' name for it


@pytest.fixture
def radio_sim() -> Iterator[SimulatedModem]:
    """A simulated modem on a pty, no scheduled traffic and no noise (tests inject it)."""
    sim = SimulatedModem(transport="pty", seed=3, garbage_rate=0.0, error_rate=0.0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def events(post: Post) -> Events:
    recorder = Events()
    post.bus.subscribe(recorder)
    return recorder


@pytest.fixture
def start_runtime() -> Iterator[Callable[..., RadioRuntime]]:
    """``start_runtime(post, sim)``: a started runtime on the simulator's port, stopped after."""
    made: list[RadioRuntime] = []

    def make(post: Post, sim: SimulatedModem, *, wait: bool = True, **kw: object) -> RadioRuntime:
        runtime = RadioRuntime(post.radio, [DeviceSpec("lora", sim.port_url, 115200, "lora-test")], **kw)
        made.append(runtime)
        runtime.start()
        if wait:
            assert runtime.wait_ready(5.0), runtime.status()
        return runtime

    yield make
    for runtime in made:
        runtime.stop()


@pytest.fixture
def sim_b() -> Iterator[SimulatedModem]:
    """A second simulated modem, for posts with two radios."""
    sim = SimulatedModem(transport="pty", seed=5, garbage_rate=0.0, error_rate=0.0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def panel(post: Post, qtbot, themed):  # type: ignore[no-untyped-def]
    """The radio panel on the test post, shut down (and its bridge detached) afterwards."""
    from ops_console.ui.bridge import PostBridge
    from ops_console.ui.radio import RadioPanel

    bridge = PostBridge(post.bus)
    widget = RadioPanel(post, bridge)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    yield widget
    widget.shutdown()
    bridge.detach()
