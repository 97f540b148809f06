"""The gateway as a person runs it (real subprocesses, a simulated modem on a real pty),
under the faults issue 13 measured: started while the database is away, stopped with
SIGTERM in the middle of an outage, restarted, a full disk under its spool, and a second
gateway on the same modem. Every frame the simulator sends is stored exactly once, or
the gateway says where it is and exits non-zero."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from helpers.cli import read_until, run_cli, spawn, stop
from helpers.pg import scratch_database
from helpers.posts import pg_url
from helpers.tcp_proxy import BlackHoleProxy
from helpers.waiting import wait
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.radio.spool import frames_waiting
from ops_console.radio.stop_report import EXIT_DISK_FULL, EXIT_PORT_IN_USE

REFUSING = "postgresql+psycopg://postgres@127.0.0.1:1/nothing"  # nothing listens on port 1


@pytest.fixture
def sim():
    modem = SimulatedModem(transport="pty", seed=7, garbage_rate=0.0, error_rate=0.0)
    modem.start()
    yield modem
    modem.stop()


def spooled(path: Path) -> int:
    return frames_waiting(path, timeout=5)


def stored(url: str) -> tuple[int, int, bool]:
    """(raw rows heard, distinct lines among them, ids in the order heard)"""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT received_at, data FROM radio_raw_frames WHERE direction = 'in' ORDER BY id")
            ).all()
    except Exception:  # noqa: BLE001 - no table yet
        return 0, 0, True
    finally:
        engine.dispose()
    times = [r[0] for r in rows]
    return len(rows), len({bytes(r[1]) for r in rows}), times == sorted(times)


def test_gateway_starts_without_its_server_and_nothing_is_lost_across_restarts(sim, tmp_path) -> None:
    server = pg_url()
    if server is None:
        pytest.skip("needs OPS_CONSOLE_TEST_PG (a PostgreSQL server behind the proxy)")
    with scratch_database(server) as url:
        proxy = BlackHoleProxy(make_url(url).port or 5432, make_url(url).host or "127.0.0.1")
        spool = tmp_path / "spool.sqlite"
        args = (
            "--db",
            proxy.url(url),
            "gateway",
            "--device",
            f"lora:{sim.port_url}@115200",
            "--spool",
            str(spool),
        )
        try:
            proxy.blackhole()  # the cable is cut before the gateway starts
            gateway = spawn(tmp_path, *args)
            read_until(gateway, "gateway running", "not reachable now", timeout=40)
            assert sim.stream(300, rate=300) == 300
            assert wait(lambda: spooled(spool) == 300, 20), spooled(spool)
            proxy.forward()  # the server is back; no new traffic: the timer forwards
            assert wait(lambda: stored(url)[0] == 300 and spooled(spool) == 0, 40), (
                stored(url),
                spooled(spool),
            )
            code, out = stop(gateway)
            assert code == 0 and "0 only in memory" in out, out

            proxy.blackhole()  # cut again, then a clean stop in the middle of the outage
            gateway = spawn(tmp_path, *args)
            read_until(gateway, "gateway running", timeout=40)
            assert sim.stream(200, rate=400) == 200
            assert wait(lambda: spooled(spool) == 200, 30), spooled(spool)
            code, out = stop(gateway)
            assert code == 0 and "200 waiting in the spool" in out, out

            proxy.forward()  # restarted with the server there: the spool goes first
            gateway = spawn(tmp_path, *args)
            read_until(gateway, "gateway running", "200 frames wait in the spool", timeout=40)
            assert sim.stream(100, rate=400) == 100
            assert wait(lambda: stored(url)[0] == 600 and spooled(spool) == 0, 40), (
                stored(url),
                spooled(spool),
            )
            code, out = stop(gateway)
            assert code == 0, out
            count, distinct, in_order = stored(url)
            assert (count, distinct, in_order) == (600, 600, True)
        finally:
            proxy.close()


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MB tmpfs of our own (we run as root in CI); skipped, saying why, where mount is refused."""
    where = tmp_path / "small-disk"
    where.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(where)], capture_output=True, text=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({result.stderr.strip() or 'not permitted'})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to the last byte; returns the ballast file (delete it to free the space)."""
    ballast = disk / f"ballast-{uuid.uuid4().hex}"
    with open(ballast, "wb", buffering=0) as out:  # unbuffered: nothing left to fail at close
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    return ballast


def test_a_full_disk_under_the_spool_is_named_and_the_exit_code_says_so(sim, tmp_path, small_disk) -> None:
    spool = small_disk / "spool.sqlite"
    args = ("--db", REFUSING, "gateway", "--device", f"lora:{sim.port_url}@115200", "--spool", str(spool))
    gateway = spawn(tmp_path, *args)
    read_until(gateway, "gateway running", timeout=40)
    assert sim.stream(20, rate=200) == 20
    assert wait(lambda: spooled(spool) == 20, 20)
    ballast = fill(small_disk)
    assert sim.stream(2000, rate=2000) == 2000
    read_until(gateway, "disk full", timeout=30)  # named, in the log on stdout
    os.remove(ballast)  # space returns: what waited in memory goes to the spool
    read_until(gateway, "takes frames again", timeout=30)
    assert wait(lambda: spooled(spool) == 2020, 20), spooled(spool)
    code, out = stop(gateway)
    assert code == 0 and "2020 waiting in the spool" in out, out

    gateway = spawn(tmp_path, *args)  # the disk fills up and stays full until the stop
    read_until(gateway, "gateway running", timeout=40)
    ballast = fill(small_disk)
    assert sim.stream(3000, rate=3000) == 3000
    read_until(gateway, "disk full", timeout=30)
    code, out = stop(gateway)
    assert code == EXIT_DISK_FULL, out
    assert "only in memory (NOT saved)" in out and "disk full" in out, out
    os.remove(ballast)


def test_a_second_gateway_on_the_same_modem_is_refused(sim, tmp_path) -> None:
    assert run_cli(tmp_path, "--db", f"sqlite:///{tmp_path / 'post.sqlite'}", "db", "upgrade").returncode == 0
    first = spawn(
        tmp_path,
        "--db",
        f"sqlite:///{tmp_path / 'post.sqlite'}",
        "gateway",
        "--device",
        f"lora:{sim.port_url}@115200",
        "--spool",
        str(tmp_path / "one.sqlite"),
    )
    try:
        read_until(first, "gateway running", timeout=40)
        second = spawn(
            tmp_path,
            "--db",
            f"sqlite:///{tmp_path / 'post.sqlite'}",
            "gateway",
            "--device",
            f"lora:{sim.port_url}@115200",
            "--spool",
            str(tmp_path / "two.sqlite"),
        )
        out, _ = second.communicate(timeout=60)
        assert second.returncode == EXIT_PORT_IN_USE, out
        assert "in use by another program" in out and sim.port_url in out
    finally:
        code, out = stop(first)
    assert code == 0, out


def test_a_full_disk_under_the_database_is_named_and_nothing_is_lost(small_disk) -> None:
    """The post's own SQLite file on the full disk (no spool: a console): the frames wait
    in memory, the problem says "disk full", and they are stored once space returns."""
    from datetime import UTC, datetime, timedelta

    from helpers.posts import open_signed_on, sqlite_url
    from ops_console.hardware.lora.types import RawFrame
    from ops_console.hardware.protocols import field_payload as fp

    def frames(first: int, count: int) -> list[RawFrame]:
        when = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)
        out = []
        for n in range(first, first + count):
            data = fp.encode_position("SEARCH3", n % 65536, 47.0 + n / 1e5, 8.0, when + timedelta(seconds=n))[
                0
            ]
            out.append(
                RawFrame(
                    b"+RCV=13,%d,%s,-80,7" % (len(data), data),
                    when + timedelta(seconds=n),
                    "lora",
                    13,
                    data,
                    -80,
                    7,
                )
            )
        return out

    post = open_signed_on(sqlite_url(small_disk / "post.sqlite"))
    try:
        ingest = post.radio.ingest
        ingest.ingest(frames(0, 10))
        ballast = fill(small_disk)
        ingest.ingest(frames(10, 5000))
        assert ingest.problem.startswith("disk full"), ingest.problem
        assert ingest.backlog == 5000 and ingest.counts["frames"] == 10
        assert any("DISK FULL" in n.words for n in post.notices.recent())  # the status bar and the alert list
        os.remove(ballast)
        ingest.flush()
        assert ingest.backlog == 0 and ingest.counts["frames"] == 5010 and ingest.problem == ""
    finally:
        post.close()
