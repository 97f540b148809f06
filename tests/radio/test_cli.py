"""The radio's commands as a person runs them: ``simulate lora``, ``gateway`` with
``--device`` against it (real subprocesses, real pty), stopped by SIGINT / SIGTERM."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from helpers.cli import run_cli
from helpers.processes import read_until, spawn


def test_gateway_stores_what_the_simulator_sends_and_stops_cleanly(tmp_path: Path) -> None:
    sim = spawn(tmp_path, "simulate", "lora", "--interval", "0.1", "--seed", "4")
    try:
        port = read_until(sim, "LoRa modem simulator on").split(" on ", 1)[1].split()[0]
        url = f"sqlite:///{tmp_path / 'post.sqlite'}"
        assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
        gateway = spawn(tmp_path, "--db", url, "gateway", "--device", f"lora:{port}@115200")
        read_until(gateway, "gateway running", "ready (configured)")
        engine = create_engine(url)
        deadline = time.monotonic() + 15
        stored = 0
        while time.monotonic() < deadline and stored < 10:
            time.sleep(0.2)
            with engine.connect() as conn:
                stored = conn.execute(text("SELECT count(*) FROM radio_raw_frames")).scalar_one()
        engine.dispose()
        assert stored >= 10
        gateway.send_signal(signal.SIGTERM)
        read_until(gateway, "gateway stopped")
        assert gateway.wait(10) == 0
    finally:
        sim.send_signal(signal.SIGINT)
        assert sim.wait(10) == 0


def test_gateway_without_a_device_says_how_to_give_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'post.sqlite'}"
    assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
    result = run_cli(tmp_path, "--db", url, "gateway")
    assert result.returncode == 2 and "--device lora:PORT" in result.stderr


def test_a_bad_device_option_is_a_sentence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'post.sqlite'}"
    assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
    result = run_cli(tmp_path, "--db", url, "gateway", "--device", "ttyUSB0")
    assert result.returncode == 1 and "KIND:PORT" in result.stderr
