"""Shared by the benchmarks: how a figure is named, how runs are combined, how RESULT reads.

A verdict must be computed from the figure its RESULT line prints, so every bench builds
its lines here. A tail from fewer than 100 samples is not a 99th percentile: ``tail``
names it as what it is (the worst sample, or the second worst). Machines are noisy and one
loaded run must not decide a verdict, so figures with a target are the median of
``--runs`` runs (default 3; ``--quick`` makes it 1 unless asked otherwise).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
from collections.abc import Callable, Sequence
from typing import TypeVar

# Every bench that draws or builds widgets runs without a screen (a server, CI, an SSH
# session) unless told otherwise: Qt reads this when the first application is made.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")


def add_run_options(
    parser: argparse.ArgumentParser, quick_help: str = "a smoke run of a few seconds"
) -> None:
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help="runs whose median is reported for figures with a target (default 3; --quick: 1)",
    )


def runs_of(args: argparse.Namespace) -> int:
    return max(1, args.runs if args.runs is not None else (1 if args.quick else 3))


def repeat(measure: Callable[[], T], runs: int, label: str = "run") -> list[T]:
    """``measure()`` ``runs`` times, saying which run is going (long benches print progress)."""
    out = []
    for n in range(runs):
        if runs > 1:
            print(f"{label} {n + 1} of {runs} …", flush=True)
        out.append(measure())
    return out


def median_of(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def tail(values: Sequence[float]) -> tuple[str, float]:
    """The slow end of a sample under an honest name: ``p99`` from 100 samples or more, else the
    sample the 99th-percentile rank would pick, called ``max`` or ``second_worst`` (or ``p<n>``
    rank words beyond that never happen below 100 samples)."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return "max", float("inf")
    index = min(n - 1, round(0.99 * (n - 1)))
    if n >= 100:
        return "p99", ordered[index]
    return ("max" if index == n - 1 else "second_worst"), ordered[index]


def verdict(value: float, target: str) -> bool:
    """``target`` as printed (``<=33``, ``>=0.5``, ``<100ms``): does ``value`` meet it?"""
    match = re.fullmatch(r"(<=|>=|<|>)([0-9.]+)\D*", target)
    if match is None:
        raise ValueError(f"target {target!r} must be <=, >=, < or > and a number")
    op, bound = match.group(1), float(match.group(2))
    return {"<=": value <= bound, ">=": value >= bound, "<": value < bound, ">": value > bound}[op]


def result_line(
    bench: str,
    metric: str,
    value: float,
    unit: str,
    baseline: float,
    target: str,
    *,
    digits: int = 1,
    extra: dict[str, str] | None = None,
    ok: bool | None = None,
) -> str:
    """``RESULT <bench> <metric>=<value> baseline=<b> ratio=<value/b> [more=…] target=<t> PASS|MISS``;
    the verdict is judged on ``value``, the figure printed first (unless ``ok`` is given)."""
    ratio = value / baseline if baseline else 0.0
    more = "".join(f" {k}={v}" for k, v in (extra or {}).items())
    passed = verdict(value, target) if ok is None else ok
    return (
        f"RESULT {bench} {metric}={value:.{digits}f}{unit} baseline={baseline:.{digits}f}{unit} "
        f"ratio={ratio:.2f}{more} target={target} {'PASS' if passed else 'MISS'}"
    )
