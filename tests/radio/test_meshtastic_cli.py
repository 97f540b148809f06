"""Meshtastic from the command line as a person runs it: ``--help`` names
``meshtastic:/dev/ttyACM0``; ``simulate meshtastic`` serves a node on a pty and the
``gateway`` with ``--device meshtastic:PORT`` stores what the mesh says (real subprocesses)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from helpers.cli import run_cli
from helpers.processes import read_until, spawn


def test_help_names_a_meshtastic_device(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0 and "meshtastic:/dev/ttyACM0" in " ".join(result.stdout.split())


def test_gateway_stores_what_the_simulated_mesh_says(tmp_path: Path) -> None:
    sim = spawn(tmp_path, "simulate", "meshtastic", "--interval", "0.1", "--seed", "4")
    try:
        port = read_until(sim, "Meshtastic node simulator on").split(" on ", 1)[1].split()[0]
        url = f"sqlite:///{tmp_path / 'post.sqlite'}"
        assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
        gateway = spawn(tmp_path, "--db", url, "gateway", "--device", f"meshtastic:{port}")
        read_until(gateway, "gateway running", "ready (configured")
        engine = create_engine(url)
        deadline = time.monotonic() + 20
        stored = 0
        while time.monotonic() < deadline and stored < 10:
            time.sleep(0.2)
            with engine.connect() as conn:
                stored = conn.execute(
                    text("SELECT count(*) FROM radio_raw_frames WHERE hex(substr(data, 1, 2)) = '94C3'")
                ).scalar_one()
        engine.dispose()
        assert stored >= 10
        gateway.send_signal(signal.SIGTERM)
        read_until(gateway, "gateway stopped")
        assert gateway.wait(10) == 0
    finally:
        sim.send_signal(signal.SIGINT)
        assert sim.wait(10) == 0
