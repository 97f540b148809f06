"""Every benchmark runs as a quick smoke run and prints its RESULT lines.

The figures are not judged here (machines are noisy; a MISS is information, not a
failure): this only proves each benchmark still works end to end.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"
# the figure judged, its baseline and ratio, then any further baselines (reference=, ledger=, …)
RESULT = re.compile(r"^RESULT \S+ \S+=\S+ baseline=\S+ ratio=\S+( \w+=\S+)* target=\S+ (PASS|MISS)$", re.M)


@pytest.mark.slow
@pytest.mark.parametrize(
    "script", sorted(p for p in BENCH_DIR.glob("*.py") if not p.name.startswith("_")), ids=lambda p: p.stem
)
def test_benchmark_smoke_run(script, tmp_path):
    result = subprocess.run(
        [sys.executable, str(script), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"no RESULT line in:\n{result.stdout[-2000:]}"
    assert all(RESULT.match(line) for line in lines), "\n".join(l for l in lines if not RESULT.match(l))
