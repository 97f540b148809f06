"""A simulated REYAX RYLR896 or RYLR998 on a pseudo-terminal or a loopback TCP port.

It answers the AT command set like the real modem (+OK, +ERR=n, +READY, queries; the
network password has the model's length, 32 hex digits on an RYLR896, 8 on an RYLR998),
"hears" simulated field teams (texts, positions, sensor readings, the odd burst of noise
or +ERR=12) and has those teams acknowledge what the console sends them. Tests drive it
deterministically: a seeded RNG, ``inject_line``, ``set_silent``, ``emit_ready``,
``reboot_on_next``, ``fail_next``, ``unplug``/``replug``; benchmarks use ``stream``.
With ``busy_while_transmitting`` it behaves as the firmware does: +OK as a transmission
starts, and +ERR=17 to an AT+SEND that comes before the previous frame (its data plus the
firmware's 8 bytes) has left the antenna.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from ops_console.hardware.lora.airtime import Modulation, time_on_air
from ops_console.hardware.protocols.reyax_at import (
    BANDWIDTH_CODES,
    CPIN_DIGITS,
    DEFAULT_MODEL,
    MAX_PAYLOAD,
    MODELS,
    ON_AIR_OVERHEAD,
    LineFramer,
)
from ops_console.hardware.simulators.device import SimulatedDevice, arguments, centre_of, serve
from ops_console.hardware.simulators.lora_teams import DEFAULT_TEAMS, FieldTeam, FieldTraffic

log = logging.getLogger(__name__)

DEFAULTS = {
    "ADDRESS": "0",
    "NETWORKID": "18",
    "BAND": "915000000",
    "PARAMETER": "9,7,1,12",
    "CPIN": "No Password!",
    "VER": "RYLR896_SIM1.0",
    "UID": "000000000000000000000001",
    "IPR": "115200",
    "MODE": "0",
    "CRFOP": "15",
}
_RANGES = {
    "ADDRESS": (0, 65535),
    "NETWORKID": (0, 18),
    "BAND": (137_000_000, 1_020_000_000),
    "IPR": (300, 115200),
    "MODE": (0, 2),
    "CRFOP": (0, 15),
}


class SimulatedModem(SimulatedDevice):
    """One simulated modem; ``start()`` it, point a SerialLink at ``port_url``, ``stop()`` it."""

    def __init__(
        self,
        *,
        transport: str = "pty",
        tcp_port: int = 0,
        seed: int = 0,
        teams: Sequence[FieldTeam] = DEFAULT_TEAMS,
        centre: tuple[float, float] = (47.3769, 8.5417),
        console_call: str = "OPS",
        interval: float | None = None,
        garbage_rate: float = 0.02,
        error_rate: float = 0.02,
        clock: Callable[[], float] = time.monotonic,
        model: str = DEFAULT_MODEL,
        busy_while_transmitting: bool = False,
    ) -> None:
        if model not in MODELS:
            raise ValueError(f"model is one of {MODELS}")
        super().__init__(transport=transport, tcp_port=tcp_port, interval=interval)
        self.model, self.busy_while_transmitting = model, busy_while_transmitting
        self._on_air_until = 0.0  # clock value the current transmission ends
        self.busy_answers = 0  # +ERR=17 given (tests count them)
        self.traffic = FieldTraffic(
            random.Random(seed), tuple(teams), centre, console_call, garbage_rate, error_rate
        )
        self.clock = clock
        self.settings = self._defaults()
        self.silent = False
        self.transmissions: list[tuple[int, bytes]] = []
        self.commands: list[bytes] = []
        self._framer = LineFramer()
        self._script: list[tuple[bytes, str]] = []

    # -- test and benchmark hooks --------------------------------------------------------

    def inject_line(self, line: bytes) -> bool:
        """Emit ``line`` as if the modem printed it (CR LF added when missing)."""
        return self.inject_bytes(line if line.endswith(b"\n") else line + b"\r\n")

    def emit_traffic(self, events: int = 1) -> list[bytes]:
        """Emit the next ``events`` traffic events now; returns the lines written."""
        lines = [line for _ in range(events) for line in self.traffic.next_lines(datetime.now(UTC))]
        self.endpoint.write(b"".join(lines))
        return lines

    def set_silent(self, silent: bool) -> None:
        """A silent modem reads commands but never answers (hung firmware, wrong baud rate)."""
        self.silent = silent

    def emit_ready(self) -> None:
        """The modem reboots: settings go back to defaults and it prints +READY."""
        self.settings = self._defaults()
        self.endpoint.write(b"+READY\r\n")

    def reboot_on_next(self, prefix: bytes = b"AT+SEND") -> None:
        """The next command starting with ``prefix`` reboots the modem instead of answering."""
        with self._cond:
            self._script.append((prefix, "reboot"))

    def fail_next(self, prefix: bytes, code: int) -> None:
        """The next command starting with ``prefix`` gets ``+ERR=code``."""
        with self._cond:
            self._script.append((prefix, f"+ERR={code}"))

    def wait_for_transmissions(self, count: int, timeout: float) -> bool:
        """Block until the console made ``count`` successful AT+SENDs in total."""
        return self._wait(lambda: len(self.transmissions) >= count, timeout)

    def wait_for_commands(self, count: int, timeout: float) -> bool:
        """Block until ``count`` command lines arrived (answered or not)."""
        return self._wait(lambda: len(self.commands) >= count, timeout)

    def stream(self, count: int, rate: float | None = None, batch: int = 500) -> int:
        """Write ``count`` +RCV lines, ``rate`` per second or as fast as the port takes them."""
        sent, start = 0, self.clock()
        while sent < count and not self._stop.is_set():
            size = min(batch, count - sent) if rate is None else min(max(1, int(rate / 100)), count - sent)
            if not self.endpoint.write(b"".join(self.traffic.bulk(size, datetime.now(UTC)))):
                break
            sent += size
            if rate is not None:
                self._stop.wait(max(0.0, start + sent / rate - self.clock()))
        return sent

    # -- the modem -----------------------------------------------------------------------

    def tick(self) -> None:
        """One scheduled event: the next thing the teams say."""
        self.emit_traffic(1)

    def _on_bytes(self, data: bytes) -> None:
        for line in self._framer.feed(data):
            if not isinstance(line, bytes):
                self.endpoint.write(b"+ERR=1\r\n")
                continue
            with self._cond:
                self.commands.append(line)
                self._cond.notify_all()
                scripted = self._scripted(line)
            if self.silent:
                continue
            if scripted == "reboot":
                self.emit_ready()
            elif scripted:
                self.endpoint.write(scripted.encode() + b"\r\n")
            else:
                self.endpoint.write(self._answer(line))

    def _scripted(self, line: bytes) -> str | None:
        for i, (prefix, action) in enumerate(self._script):
            if line.startswith(prefix):
                del self._script[i]
                return action
        return None

    def _answer(self, line: bytes) -> bytes:
        if not line.startswith(b"AT"):
            return b"+ERR=2\r\n"
        if line == b"AT":
            return b"+OK\r\n"
        if line.startswith(b"AT+SEND="):
            return self._send(line[8:])
        try:
            text = line[3:].decode("ascii")
        except UnicodeDecodeError:
            return b"+ERR=4\r\n"
        if line == b"AT+RESET":
            self.settings = self._defaults()
            return b"+RESET\r\n+READY\r\n"
        if text.endswith("?") and text[:-1] in self.settings:
            return f"+{text[:-1]}={self.settings[text[:-1]]}\r\n".encode()
        key, _, value = text.partition("=")
        return self._set(key, value)

    def _set(self, key: str, value: str) -> bytes:
        if key in _RANGES:
            low, high = _RANGES[key]
            if not value.isdigit() or not low <= int(value) <= high:
                return b"+ERR=4\r\n"
        elif key == "PARAMETER":
            parts = value.split(",")
            if len(parts) != 4 or not all(p.isdigit() for p in parts):
                return b"+ERR=4\r\n"
            if not 4 <= int(parts[3]) <= 25:
                return b"+ERR=18\r\n"
            if not 5 <= int(parts[0]) <= 12 or int(parts[1]) not in BANDWIDTH_CODES.values():
                return b"+ERR=4\r\n"
        elif key == "CPIN":
            digits = CPIN_DIGITS[self.model]
            if len(value) != digits or any(c not in "0123456789ABCDEF" for c in value):
                return b"+ERR=4\r\n"
        else:
            return b"+ERR=4\r\n"
        self.settings[key] = value
        return b"+OK\r\n"

    def _defaults(self) -> dict[str, str]:
        return {**DEFAULTS, "VER": f"{self.model}_SIM1.0"}

    def modulation(self) -> Modulation:
        """The modulation AT+PARAMETER set (what decides how long a frame is on the air)."""
        sf, bw, cr, preamble = (int(v) for v in self.settings["PARAMETER"].split(","))
        hz = next((h for h, code in BANDWIDTH_CODES.items() if code == bw), 125_000)
        return Modulation(sf, hz, cr, preamble)

    def _send(self, body: bytes) -> bytes:
        addr, _, rest = body.partition(b",")
        length, _, data = rest.partition(b",")
        if not (addr.isdigit() and length.isdigit()) or int(addr) > 65535:
            return b"+ERR=4\r\n"
        if int(length) > MAX_PAYLOAD:
            return b"+ERR=13\r\n"
        if len(data) != int(length):
            return b"+ERR=5\r\n"
        if self.busy_while_transmitting:
            now = self.clock()
            if now < self._on_air_until:
                self.busy_answers += 1
                return b"+ERR=17\r\n"
            self._on_air_until = now + time_on_air(len(data) + ON_AIR_OVERHEAD, self.modulation())
        with self._cond:
            self.transmissions.append((int(addr), data))
            self._cond.notify_all()
        acks = self.traffic.hear_from_console(int(addr), data, self.clock())
        return b"+OK\r\n" + b"".join(acks)


def main(argv: Sequence[str] | None = None) -> int:
    """``ops-console simulate lora``: serve a simulated modem until Ctrl+C."""
    parser = arguments(
        "ops-console simulate lora",
        __doc__.split("\n")[0],
        "seconds between traffic events",
        "LAT,LON the teams move around",
    )
    parser.add_argument("--rate", type=float, help="instead: stream +RCV frames at this many per second")
    parser.add_argument("--count", type=int, default=10**9, help="with --rate: stop after this many frames")
    parser.add_argument(
        "--model", choices=MODELS, default=DEFAULT_MODEL, help="the modem's AT command guide (key length)"
    )
    parser.add_argument(
        "--busy",
        action="store_true",
        help="answer +ERR=17 to an AT+SEND while the previous frame is still on the air",
    )
    args = parser.parse_args(argv)

    def make() -> SimulatedModem:
        return SimulatedModem(
            transport="tcp" if args.tcp is not None else "pty",
            tcp_port=args.tcp or 0,
            seed=args.seed,
            centre=centre_of(args.centre),
            interval=None if args.rate else args.interval,
            model=args.model,
            busy_while_transmitting=args.busy,
        )

    def stream(sim: SimulatedModem) -> None:
        if args.rate:
            sim.stream(args.count, None if args.rate <= 0 else args.rate)

    return serve(make, f"LoRa modem simulator on {{url}}  ({args.model}; Ctrl+C to stop)", stream)


if __name__ == "__main__":
    raise SystemExit(main())
