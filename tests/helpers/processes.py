"""The real ``ops-console`` program as a subprocess: start it, read its output until
given lines appear (qutebrowser's end2end testprocess idea, reduced to what we need)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def spawn(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "OPS_CONSOLE_DATA_DIR": str(home / "data"), "OPS_CONSOLE_LOG_DIR": str(home / "logs"),
           "OPS_CONSOLE_CONFIG": str(home / "config.toml"), "OPS_CONSOLE_NO_DIALOGS": "1", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "ops_console", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def read_until(proc: subprocess.Popen[str], *needles: str, timeout: float = 20.0) -> str:
    """Read output until every needle was printed, in any order (log lines from the link
    thread may come before or after the main thread's own lines); returns the last line."""
    seen, missing, deadline = [], set(needles), time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        if not line:
            break
        seen.append(line)
        missing = {n for n in missing if n not in line}
        if not missing:
            return line
    raise AssertionError(f"{sorted(missing)!r} not printed; got:\n{''.join(seen)}")
