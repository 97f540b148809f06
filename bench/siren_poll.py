"""How close the siren driver gets to the RS-485 wire's own speed.

Figures, against a simulated bus of 32 controllers on a pty at 19,200 baud 8E1 (the
simulator releases every byte when it would have left a real UART and answers 3 ms after a
request, so the wire, not the pty, sets the pace):
- milliseconds per poll cycle (one 9-register status read of each of the 32 controllers),
  against the bus's theoretical minimum for the same requests: bytes × 11 bits / baud plus a
  3.5-character gap per frame (target: ratio <= 1.5);
- command-to-confirmed latency per siren, p50 and p99: one activation written and its state
  read back, against the same theoretical minimum for that write and read (targets: p50
  ratio <= 1.5, p99 ratio <= 2.5). The tail is a p99 only from 100 commands or more (a full
  run: 128); a quick run's 12 give their ``max``.
Each figure is the median of ``--runs`` runs (default 3; --quick: 1).

Run: python bench/siren_poll.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from ops_console.hardware.protocols.siren_profile import Command, char_time, frame_gap
from ops_console.hardware.simulators.siren_bus import SimulatedSirenBus
from ops_console.hardware.sirens import SirenBus, SirenStatus, next_seq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import add_run_options, median_of, repeat, result_line, runs_of, tail  # noqa: E402

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
    """Judged on the ratio to the wire's minimum (the target is a ratio), printed as ``ratio``."""
    ratio = value_s / baseline_s
    return result_line(
        "siren_poll", metric, value_s * 1000, "ms", baseline_s * 1000, f"<={target}", ok=ratio <= target
    )


def one_run(cycles: int, confirm_units: list[int], rounds: int) -> tuple[str, dict[str, float]]:
    """The tail's honest name, and this run's figures (seconds) and failure counts."""
    sim = SimulatedSirenBus(UNITS, transport="pty", baudrate=BAUD)
    sim.start()
    try:
        with SirenBus(sim.port_url, BAUD, timeout=0.25) as bus:
            poll_cycles(bus, 1)  # open the port, warm the code paths
            cycle_times, poll_failures = poll_cycles(bus, cycles)
            latencies, command_failures = confirm_latencies(bus, confirm_units, rounds)
    finally:
        sim.stop()
    tail_name, slowest = tail(latencies)
    return tail_name, {
        "cycle": statistics.median(cycle_times),
        "p50": percentile(latencies, 50),
        "tail": slowest,
        "commands": len(latencies),
        "poll_failures": poll_failures,
        "command_failures": command_failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_options(parser)
    args = parser.parse_args()
    runs = runs_of(args)
    cycles, confirm_units, rounds = (3, list(UNITS)[:12], 1) if args.quick else (20, list(UNITS), 4)
    named = repeat(lambda: one_run(cycles, confirm_units, rounds), runs)
    tail_name = "p99" if all(name == "p99" for name, _ in named) else named[0][0]
    measured = [m for _, m in named]
    f = {k: median_of([m[k] for m in measured]) for k in measured[0]}

    def per_run(key: str) -> str:
        return ", ".join(f"{m[key]:.0f}" for m in measured)

    cycle_min = len(UNITS) * wire_minimum_s(POLL_REQUEST, POLL_REPLY)
    confirm_min = wire_minimum_s(WRITE_REQUEST, WRITE_REPLY) + wire_minimum_s(POLL_REQUEST, POLL_REPLY)
    print(
        f"poll cycle, {len(UNITS)} controllers at {BAUD} baud: median {f['cycle'] * 1000:.1f} ms over "
        f"{cycles} cycles (wire minimum {cycle_min * 1000:.1f} ms), failed reads "
        f"{per_run('poll_failures')} (per run; figures: median of {runs} runs)"
    )
    print(
        f"activate to confirmed: p50 {f['p50'] * 1000:.1f} ms, {tail_name} {f['tail'] * 1000:.1f} ms over "
        f"{f['commands']:.0f} commands (wire minimum {confirm_min * 1000:.1f} ms), not confirmed "
        f"{per_run('command_failures')} (per run)"
    )
    print(result("cycle_ms", f["cycle"], cycle_min, 1.5))
    print(result("confirm_p50_ms", f["p50"], confirm_min, 1.5))
    print(result(f"confirm_{tail_name}_ms", f["tail"], confirm_min, 2.5))


if __name__ == "__main__":
    main()
