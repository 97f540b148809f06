"""The real ``ops-console`` program in a subprocess, with its own data, log and config dirs:
``run_cli`` for a command that ends, ``spawn`` + ``read_until`` for one that runs on (the
gateway, a simulator) — qutebrowser's end2end testprocess idea, reduced to what we need.
The one helper for starting the CLI in tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def cli_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every CLI subprocess gets: private dirs under ``home``, no dialogs."""
    return {
        **os.environ,
        "OPS_CONSOLE_DATA_DIR": str(home / "data"),
        "OPS_CONSOLE_LOG_DIR": str(home / "logs"),
        "OPS_CONSOLE_CONFIG": str(home / "config.toml"),
        "OPS_CONSOLE_NO_DIALOGS": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONUNBUFFERED": "1",
        **(extra or {}),
    }


def run_cli(
    home: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ops_console", *args],
        capture_output=True,
        text=True,
        env=cli_env(home, env),
        timeout=timeout,
    )


def spawn(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``ops-console ARGS`` and keep it running; stdout and stderr in one text pipe."""
    return subprocess.Popen(
        [sys.executable, "-m", "ops_console", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=cli_env(home, env),
    )


def stop(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str]:
    """SIGTERM, as a service manager stops it: the exit code and what it printed since."""
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=timeout)
    return proc.returncode, out


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


@contextmanager
def simulated_device(home: Path, kind: str, *args: str) -> Iterator[str]:
    """``ops-console simulate KIND ARGS`` running on its pty: yields the port it printed
    ("… simulator on PORT …"); at the end Ctrl+C (SIGINT), which must stop it cleanly."""
    sim = spawn(home, "simulate", kind, *args)
    try:
        yield read_until(sim, "simulator on").split(" on ", 1)[1].split()[0]
    finally:
        sim.send_signal(signal.SIGINT)
        assert sim.wait(10) == 0, "the simulator did not stop cleanly on Ctrl+C"


def gateway_until(
    home: Path, url: str, device: str, count_sql: str, at_least: int, timeout: float = 20
) -> int:
    """``db upgrade`` then ``gateway --device DEVICE`` on ``url``, as a service runs it, until
    ``count_sql`` (one number) reaches ``at_least`` or ``timeout`` seconds pass; then SIGTERM,
    which must print "gateway stopped" and exit 0. Returns the last count."""
    from sqlalchemy import create_engine, text

    assert run_cli(home, "--db", url, "db", "upgrade").returncode == 0
    gateway = spawn(home, "--db", url, "gateway", "--device", device)
    try:
        read_until(gateway, "gateway running", "ready (configured")
        engine = create_engine(url)
        deadline, count = time.monotonic() + timeout, 0
        try:
            while time.monotonic() < deadline and count < at_least:
                time.sleep(0.2)
                with engine.connect() as conn:
                    count = conn.execute(text(count_sql)).scalar_one()
        finally:
            engine.dispose()
        gateway.send_signal(signal.SIGTERM)
        read_until(gateway, "gateway stopped")
        assert gateway.wait(10) == 0
        return count
    finally:
        if gateway.poll() is None:
            gateway.kill()
            gateway.wait(10)
