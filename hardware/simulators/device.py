"""What the simulated serial devices share: a port (a pseudo-terminal, or a loopback TCP port
where there is none), a life cycle, scheduled traffic on a thread of its own, raw writes,
and how the command line serves one until Ctrl+C.

A device (the REYAX modem in lora_modem.py, the Meshtastic node in mesh_node.py, the siren
bus in siren_bus.py) says what it does with the bytes the console writes (``_on_bytes``) and
what one scheduled event is (``tick``); the rest is here once.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable
from typing import TypeVar

from ops_console.hardware.simulators.endpoints import PtyEndpoint, TcpEndpoint
from ops_console.hardware.simulators.stopping import stop_on_signals


class SimulatedDevice:
    """``start()`` it, point a SerialLink at ``port_url``, ``stop()`` it."""

    thread_name = "sim-traffic"

    def __init__(
        self,
        *,
        transport: str = "pty",
        tcp_port: int = 0,
        interval: float | None = None,
        endpoint: PtyEndpoint | TcpEndpoint | None = None,
    ) -> None:
        if transport not in ("pty", "tcp"):
            raise ValueError("transport is 'pty' or 'tcp'")
        self.endpoint = endpoint or (PtyEndpoint() if transport == "pty" else TcpEndpoint(tcp_port))
        self.interval = interval
        self._cond = threading.Condition()  # what tests wait for (``_wait``)
        self._write_lock = threading.Lock()  # writes from the reader, timers and the traffic thread
        self._stop = threading.Event()
        self._traffic_thread: threading.Thread | None = None

    # -- life cycle ----------------------------------------------------------------------

    @property
    def port_url(self) -> str:
        """What to give SerialLink: a device path (pty) or ``socket://127.0.0.1:PORT``."""
        return self.endpoint.url

    @property
    def device_path(self) -> str | None:
        """The stable device path of the pty (a symlink to the current /dev/pts/N), else None."""
        return self.endpoint.device_path

    def start(self) -> None:
        """Open the port and, when an ``interval`` was given, start the scheduled traffic."""
        self.endpoint.start(self._on_bytes)
        if self.interval:
            self._traffic_thread = threading.Thread(
                target=self._traffic_loop, name=self.thread_name, daemon=True
            )
            self._traffic_thread.start()

    def stop(self) -> None:
        """Stop the traffic and close the port."""
        self._stop.set()
        if self._traffic_thread is not None:
            self._traffic_thread.join(5.0)
        self.endpoint.stop()

    def unplug(self) -> None:
        """The port vanishes (the console sees an I/O error or a closed socket)."""
        self.endpoint.unplug()

    def replug(self) -> None:
        """The port comes back at the same path / TCP port."""
        self.endpoint.replug()

    def inject_bytes(self, data: bytes) -> bool:
        """Write raw bytes as the device would (noise, half a frame, a corrupt header)."""
        with self._write_lock:
            return self.endpoint.write(data)

    # -- what a device says --------------------------------------------------------------

    def tick(self) -> None:
        """One scheduled event (every ``interval`` seconds once started)."""
        raise NotImplementedError

    def _on_bytes(self, data: bytes) -> None:
        """What the console wrote (called on the endpoint's thread)."""
        raise NotImplementedError

    def _traffic_loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.tick()

    def _wait(self, done: Callable[[], bool], timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(done, timeout)


D = TypeVar("D", bound=SimulatedDevice)


def arguments(prog: str, description: str, interval_help: str, centre_help: str) -> argparse.ArgumentParser:
    """The options every ``ops-console simulate …`` takes: where to serve, the seed, how
    often something happens, and where on the map."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "--tcp", type=int, metavar="PORT", help="serve on 127.0.0.1:PORT (0 = any) instead of a pty"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--interval", type=float, default=2.0, help=interval_help)
    parser.add_argument("--centre", default="47.3769,8.5417", help=centre_help)
    return parser


def centre_of(text: str) -> tuple[float, float]:
    """``--centre LAT,LON`` as numbers."""
    lat, lon = (float(v) for v in text.split(","))
    return lat, lon


def serve(make: Callable[[], D], banner: str, then: Callable[[D], None] | None = None) -> int:
    """Start the device ``make`` builds, print ``banner`` (``{url}`` is its port), run
    ``then`` if given, and serve until Ctrl+C or SIGTERM; always stop it."""
    stop_on_signals()
    sim = make()
    sim.start()
    print(banner.replace("{url}", sim.port_url), flush=True)
    try:
        if then is not None:
            then(sim)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0
