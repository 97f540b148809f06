"""The radio's commands as a person runs them: ``simulate lora``, ``gateway`` with
``--device`` against it (real subprocesses, real pty), stopped by SIGINT / SIGTERM."""

from __future__ import annotations

from pathlib import Path

from helpers.cli import gateway_until, run_cli, simulated_device


def test_gateway_stores_what_the_simulator_sends_and_stops_cleanly(tmp_path: Path) -> None:
    with simulated_device(tmp_path, "lora", "--interval", "0.1", "--seed", "4") as port:
        url = f"sqlite:///{tmp_path / 'post.sqlite'}"
        stored = gateway_until(
            tmp_path, url, f"lora:{port}@115200", "SELECT count(*) FROM radio_raw_frames", 10, timeout=15
        )
        assert stored >= 10


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
