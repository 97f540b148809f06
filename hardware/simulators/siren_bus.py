"""A simulated RS-485 bus of siren controllers, speaking Modbus RTU on a pty or loopback TCP.

Real bytes with real CRC-16, timed like the wire: a request is taken to occupy the line for
11 bits per byte from when its first byte arrived, it ends after 3.5 characters of silence,
the addressed controller answers after a turnaround, and every reply byte is released when
its last bit would have left a UART at the configured baud rate. Deadlines are absolute
(computed from the reply's start), so scheduling jitter never accumulates. This is the
simulator emulating the wire, not anybody waiting for a device.

Usage: ``bus = SimulatedSirenBus(range(1, 7)); bus.start(); SirenBus(bus.port_url)``;
``bus.fail(3, Failure.SILENT)``, ``bus.heal(3)``, ``bus.unplug()``/``bus.replug()``.
Run ``python -m ops_console.hardware.simulators.siren_bus`` for six sirens until Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ops_console.hardware.protocols.siren_profile import DEFAULT_BAUDRATE, char_time, frame_gap
from ops_console.hardware.simulators.device import SimulatedDevice
from ops_console.hardware.simulators.endpoints import PtyEndpoint
from ops_console.hardware.simulators.siren_controller import ONE_SHOT, Failure, SimulatedSiren
from ops_console.hardware.simulators.stopping import stop_on_signals
from ops_console.hardware.sirens import rtu

__all__ = ["Failure", "SimulatedSiren", "SimulatedSirenBus", "main"]


class _SirenPty(PtyEndpoint):
    """The shared pty endpoint, under a name that says what is on the other end."""

    device_path: str

    def __init__(self) -> None:
        super().__init__()
        self.device_path = os.path.join(os.path.dirname(self.device_path), "ttyRS485-sirens")


class SimulatedSirenBus(SimulatedDevice):
    """N controllers on one simulated line; ``start()`` it and point a ``SirenBus`` at ``port_url``.

    The port, its life cycle and unplug/replug are the shared device's (device.py); the bus
    adds its own thread, which times the wire (the module's docstring)."""

    thread_name = "siren-bus-sim"

    def __init__(
        self,
        units: Iterable[int] = range(1, 7),
        *,
        transport: str = "pty",
        tcp_port: int = 0,
        baudrate: int = DEFAULT_BAUDRATE,
        turnaround_s: float = 0.003,
        slow_s: float = 0.3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(
            transport=transport, tcp_port=tcp_port, endpoint=_SirenPty() if transport == "pty" else None
        )
        self.sirens = {unit: SimulatedSiren(unit, clock) for unit in units}
        self.baudrate, self.turnaround_s, self.slow_s = baudrate, turnaround_s, slow_s
        self.counters: Counter[str] = Counter()
        self.writes: list[tuple[int, tuple[int, ...]]] = []  # every 0x10 write seen on the line
        self.lock = threading.RLock()  # guards the controllers; tests may hold it to inspect them
        self._char, self._gap = char_time(baudrate), frame_gap(baudrate)
        self._rx = bytearray()
        self._rx_first = self._rx_last = 0.0
        self._thread: threading.Thread | None = None

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        self._stop.clear()
        super().start()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(5.0)
        super().stop()

    # -- test hooks -------------------------------------------------------------------------

    def fail(self, unit: int, *failures: Failure) -> None:
        """Make ``unit`` misbehave; LOCAL_ACTIVATION starts it sounding right away."""
        with self.lock:
            siren = self.sirens[unit]
            siren.failures.update(failures)
            if Failure.LOCAL_ACTIVATION in failures:
                siren.sound_locally()

    def heal(self, unit: int, *failures: Failure) -> None:
        """Clear the given failures of ``unit`` (all of them when none are named)."""
        with self.lock:
            siren = self.sirens[unit]
            siren.failures.difference_update(failures or set(siren.failures))

    def siren(self, unit: int) -> SimulatedSiren:
        return self.sirens[unit]

    # -- the wire ---------------------------------------------------------------------------

    def _on_bytes(self, data: bytes) -> None:
        """Endpoint thread: queue what arrived, stamped, for the bus thread."""
        now = time.monotonic()
        with self._cond:
            if not self._rx:
                self._rx_first = now
            self._rx.extend(data)
            self._rx_last = now
            self._cond.notify_all()

    def _run(self) -> None:
        while not self._stop.is_set():
            got = self._next_frame()
            if isinstance(self.endpoint, PtyEndpoint):
                self.endpoint.forget_line_settings()  # a restarted console can open it at 8E1 again
            if got is None:
                continue
            frame, wire_end = got
            reply = self._respond(frame)
            if reply and self._is_slow(frame):
                self._answer_late(reply, wire_end + max(self.turnaround_s, self._gap) + self.slow_s)
            elif reply:
                self._transmit(reply, wire_end + max(self.turnaround_s, self._gap))
                self.counters["replies"] += 1

    def _answer_late(self, reply: bytes, due: float) -> None:
        """A slow controller answers at ``due`` whatever else happens on the line meanwhile
        (the bus goes on serving the others); the whole frame goes out in one write."""

        def answer() -> None:
            if self._stop.wait(max(0.0, due - time.monotonic())):
                return
            if self.endpoint.write(reply):
                self.counters["late_replies"] += 1
            else:
                self.counters["dropped_replies"] += 1

        threading.Thread(target=answer, name="siren-sim-late", daemon=True).start()

    def _is_slow(self, frame: bytes) -> bool:
        with self.lock:
            siren = self.sirens.get(frame[0])
            return siren is not None and Failure.SLOW in siren.failures

    def _next_frame(self) -> tuple[bytes, float] | None:
        """One request, ended by 3.5 characters of silence after it left the wire."""
        with self._cond:
            if not self._rx:
                self._cond.wait(0.2)
                if not self._rx:
                    return None
            while True:
                wire_end = self._rx_first + len(self._rx) * self._char
                quiet_at = max(wire_end, self._rx_last) + self._gap
                remaining = quiet_at - time.monotonic()
                if remaining <= 0 or self._stop.is_set():
                    break
                self._cond.wait(remaining)
            frame = bytes(self._rx)
            self._rx.clear()
        return frame, wire_end

    def _transmit(self, data: bytes, start: float) -> None:
        """Release each byte when its stop bit would have left the UART (absolute deadlines)."""
        sent = 0
        while sent < len(data) and not self._stop.is_set():
            now = time.monotonic()
            due = min(len(data), int((now - start) / self._char))
            if due > sent:
                if not self.endpoint.write(data[sent:due]):
                    self.counters["dropped_replies"] += 1
                    return
                sent = due
                continue
            self._stop.wait(start + (sent + 1) * self._char - now)

    def _respond(self, frame: bytes) -> bytes | None:
        """The bytes to send back for one request frame, failures applied; None for silence."""
        request = rtu.parse_request(frame)
        if request is None:
            self.counters["bad_requests"] += 1  # a real slave says nothing to a bad frame
            return None
        self.counters["requests"] += 1
        is_write = request.function == rtu.WRITE_MULTIPLE
        if is_write:
            self.writes.append((request.unit, request.values))
        with self.lock:
            siren = self.sirens.get(request.unit)
            if siren is None or Failure.SILENT in siren.failures:
                return None  # unit 0 (broadcast) or nobody home
            if is_write and self._take(siren, Failure.LOSE_WRITE_ONCE):
                return None
            reply = siren.handle(request)
            if is_write and self._take(siren, Failure.LOSE_REPLY_ONCE):
                return None
            if is_write and self._take(siren, Failure.UNPLUG_AFTER_WRITE):
                # from another thread: unplugging joins the endpoint thread, never this one
                threading.Thread(target=self.unplug, name="siren-sim-unplug", daemon=True).start()
                return None
            return self._garble(siren, reply)

    @staticmethod
    def _take(siren: SimulatedSiren, failure: Failure) -> bool:
        """Consume a one-shot failure if it is armed."""
        if failure in siren.failures and failure in ONE_SHOT:
            siren.failures.discard(failure)
            return True
        return False

    @staticmethod
    def _garble(siren: SimulatedSiren, reply: bytes) -> bytes:
        if Failure.WRONG_UNIT in siren.failures:
            reply = rtu.with_crc(bytes(((siren.unit % 247) + 1,)) + reply[1:-2])
        if Failure.CORRUPT_CRC in siren.failures:
            reply = reply[:-1] + bytes((reply[-1] ^ 0x5A,))
        if Failure.TRUNCATE in siren.failures:
            reply = reply[: max(2, len(reply) - 4)]
        return reply


def main(argv: Sequence[str] | None = None) -> int:
    """``ops-console simulate sirens``: six sirens on a pty (or TCP) until Ctrl+C."""
    parser = argparse.ArgumentParser(prog="ops-console simulate sirens", description=__doc__.splitlines()[0])
    parser.add_argument("--transport", choices=("pty", "tcp"), default="pty")
    parser.add_argument("--tcp-port", type=int, default=0)
    parser.add_argument("--units", type=int, default=6, help="controllers at unit ids 1..N (default 6)")
    parser.add_argument("--baud", type=int, default=DEFAULT_BAUDRATE)
    args = parser.parse_args(argv)
    stop_on_signals()
    bus = SimulatedSirenBus(
        range(1, args.units + 1), transport=args.transport, tcp_port=args.tcp_port, baudrate=args.baud
    )
    try:
        bus.start()
        print(
            f"siren bus: {args.units} controllers (units 1-{args.units}) at {args.baud} baud 8E1 "
            f"on {bus.port_url}",
            flush=True,
        )
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        bus.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
