"""Meshtastic from the command line as a person runs it: ``--help`` names
``meshtastic:/dev/ttyACM0``; ``simulate meshtastic`` serves a node on a pty and the
``gateway`` with ``--device meshtastic:PORT`` stores what the mesh says (real subprocesses)."""

from __future__ import annotations

from pathlib import Path

from helpers.cli import gateway_until, run_cli, simulated_device

MESH_FRAMES = "SELECT count(*) FROM radio_raw_frames WHERE hex(substr(data, 1, 2)) = '94C3'"


def test_help_names_a_meshtastic_device(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0 and "meshtastic:/dev/ttyACM0" in " ".join(result.stdout.split())


def test_gateway_stores_what_the_simulated_mesh_says(tmp_path: Path) -> None:
    with simulated_device(tmp_path, "meshtastic", "--interval", "0.1", "--seed", "4") as port:
        url = f"sqlite:///{tmp_path / 'post.sqlite'}"
        assert gateway_until(tmp_path, url, f"meshtastic:{port}", MESH_FRAMES, at_least=10) >= 10
