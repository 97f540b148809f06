"""How close the siren driver gets to the RS-485 wire's own speed.

Figures, against a simulated bus of 32 controllers on a pty at 19,200 baud 8E1 (the
simulator releases every byte when it would have left a real UART and answers 3 ms after a
request, so the wire, not the pty, sets the pace):
- milliseconds per poll cycle (one 9-register status read of each of the 32 controllers),
  against the bus's theoretical minimum for the same requests: bytes × 11 bits / baud plus a
  3.5-character gap per frame (target: ratio <= 1.5);
- command-to-confirmed latency per siren, p50 and p99: one activation written and its state
  read back, against the same theoretical minimum for that write and read (targets: p50
  ratio <= 1.5, p99 ratio <= 2.5).

Run: python bench/siren_poll.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import time

from ops_console.hardware.protocols.siren_profile import Command, char_time, frame_gap
from ops_console.hardware.simulators.siren_bus import SimulatedSirenBus
from ops_console.hardware.sirens import SirenBus, SirenStatus, next_seq

UNITS = range(1, 33)
BAUD = 19_200
POLL_REQUEST, POLL_REPLY = 8, 5 + 2 * 9
WRITE_REQUEST, WRITE_REPLY = 9 + 2 * 4, 8


def wire_minimum_s(*frames: int) -> float:
    """Seconds the wire needs for these frames, each followed by its 3.5-character gap."""
    return sum(frames) * char_time(BAUD) + len(frames) * frame_gap(BAUD)


def poll_cycles(bus: SirenBus, cycles: int) -> tuple[list[float], int]:
    """Wall seconds per full poll cycle, and how many reads failed."""
    times, failures = [], 0
    for _ in range(cycles):
        started = time.perf_counter()
        results = bus.poll_all(UNITS)
        times.append(time.perf_counter() - started)
        failures += sum(not isinstance(r, SirenStatus) for r in results.values())
    return times, failures


def confirm_latencies(bus: SirenBus, units: list[int], rounds: int) -> tuple[list[float], int]:
    """Seconds from issuing an activation to its confirmed read-back, per siren and round."""
    latencies, failures = [], 0
    for _ in range(rounds):
        for unit in units:
            seq = next_seq(bus.read_status(unit).last_seq)
            if not bus.issue_command(unit, Command.ARM, seq=seq).confirmed:
                failures += 1
                continue
            started = time.perf_counter()
            outcome = bus.issue_command(unit, Command.ACTIVATE, 101, 180, seq=next_seq(seq))
            latencies.append(time.perf_counter() - started)
            failures += not outcome.confirmed
            bus.issue_command(unit, Command.CANCEL, seq=next_seq(next_seq(seq)))
    return latencies, failures


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def result(metric: str, value_s: float, baseline_s: float, target: float) -> str:
    ratio = value_s / baseline_s
    verdict = "PASS" if ratio <= target else "MISS"
    return (
        f"RESULT siren_poll {metric}={value_s * 1000:.1f}ms baseline={baseline_s * 1000:.1f}ms "
        f"ratio={ratio:.2f} target=<={target} {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    args = parser.parse_args()
    cycles, confirm_units, rounds = (3, list(UNITS)[:12], 1) if args.quick else (20, list(UNITS), 4)

    sim = SimulatedSirenBus(UNITS, transport="pty", baudrate=BAUD)
    sim.start()
    try:
        with SirenBus(sim.port_url, BAUD, timeout=0.25) as bus:
            poll_cycles(bus, 1)  # open the port, warm the code paths
            cycle_times, poll_failures = poll_cycles(bus, cycles)
            latencies, command_failures = confirm_latencies(bus, confirm_units, rounds)
    finally:
        sim.stop()

    cycle_min = len(UNITS) * wire_minimum_s(POLL_REQUEST, POLL_REPLY)
    confirm_min = wire_minimum_s(WRITE_REQUEST, WRITE_REPLY) + wire_minimum_s(POLL_REQUEST, POLL_REPLY)
    cycle = statistics.median(cycle_times)
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    print(
        f"poll cycle, {len(UNITS)} controllers at {BAUD} baud: median {cycle * 1000:.1f} ms over "
        f"{cycles} cycles (wire minimum {cycle_min * 1000:.1f} ms), {poll_failures} failed reads"
    )
    print(
        f"activate to confirmed: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms over "
        f"{len(latencies)} commands (wire minimum {confirm_min * 1000:.1f} ms), "
        f"{command_failures} not confirmed"
    )
    print(result("cycle_ms", cycle, cycle_min, 1.5))
    print(result("confirm_p50_ms", p50, confirm_min, 1.5))
    print(result("confirm_p99_ms", p99, confirm_min, 2.5))


if __name__ == "__main__":
    main()
