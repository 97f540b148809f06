"""The benches' shared reporting: tails named for what they are, verdicts judged on the figure
printed first, RESULT lines that the smoke test's pattern reads."""

import argparse
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import add_run_options, result_line, runs_of, tail, verdict  # noqa: E402
from test_bench_smoke import RESULT  # noqa: E402


@pytest.mark.parametrize(
    "n, name, value",
    [
        (12, "max", 12.0),
        (50, "max", 50.0),
        (80, "second_worst", 79.0),
        (99, "second_worst", 98.0),
        (200, "p99", 198.0),
    ],
)
def test_a_tail_from_fewer_than_100_samples_is_not_called_p99(n, name, value):
    assert tail([float(v) for v in range(n, 0, -1)]) == (name, value)


def test_the_verdict_is_judged_on_the_printed_figure():
    line = result_line("b", "worst_ms", 120.0, "ms", 10.0, "<100", extra={"reference": "300.0ms"})
    assert line == "RESULT b worst_ms=120.0ms baseline=10.0ms ratio=12.00 reference=300.0ms target=<100 MISS"
    assert RESULT.match(line)
    assert verdict(100.0, "<=100") and not verdict(100.0, "<100ms") and verdict(0.5, ">=0.5")


def test_runs_default_to_three_and_quick_to_one():
    parser = argparse.ArgumentParser()
    add_run_options(parser)
    assert runs_of(parser.parse_args([])) == 3
    assert runs_of(parser.parse_args(["--quick"])) == 1
    assert runs_of(parser.parse_args(["--quick", "--runs", "2"])) == 2
