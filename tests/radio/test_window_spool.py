"""The console window keeps what its radios hear while the database is away the way the
gateway does: in a spool file (one per database), never only in memory. Closing the
window in an outage keeps every frame on disk and says so; the next start forwards them
in order. A real PostgreSQL server behind a TCP proxy that refuses to pass traffic, a
simulated modem on a pty, the composition root's own PostDevices."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from helpers.pg import SHORT_TIMEOUTS, scratch_database
from helpers.posts import open_signed_on, pg_url
from helpers.tcp_proxy import BlackHoleProxy
from helpers.waiting import wait
from ops_console.db import engine as db_engine
from ops_console.db.radio_models import RadioMessage
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.post import open_post
from ops_console.post_devices import default_spool
from ops_console.quit_check import what_would_stop
from ops_console.radio.devices import DeviceSpec

pytestmark = pytest.mark.pg


def texts(n: int) -> bytes:
    lines = b""
    for k in range(1, n + 1):
        [frame] = fp.encode_text("RESCUE1", "OPS", k, fp.Precedence.ROUTINE, f"sandbags placed, row {k}")
        lines += rcv_line(14, frame, -70, 6)
    return lines


def received(post) -> list[int]:
    with post.db.read() as s:
        return list(
            s.scalars(
                select(RadioMessage.number).where(RadioMessage.direction == "in").order_by(RadioMessage.id)
            )
        )


def test_a_window_closed_during_an_outage_keeps_every_frame_for_the_next_start(
    radio_sim, monkeypatch, tmp_path
) -> None:
    server = pg_url()
    if server is None:
        pytest.skip("needs OPS_CONSOLE_TEST_PG (a PostgreSQL server behind the proxy)")
    monkeypatch.setattr(db_engine, "PG_TIMEOUTS", SHORT_TIMEOUTS)
    with scratch_database(server) as url:
        direct = open_signed_on(url)
        proxy = BlackHoleProxy(make_url(url).port or 5432, make_url(url).host or "127.0.0.1")
        via_proxy = proxy.url(url)
        try:
            console = open_post(via_proxy)
            console.radio.settings.devices = [DeviceSpec("lora", radio_sim.port_url, 115200, "lora-test")]
            runtime = console.devices.start_radio(demo=False)
            assert runtime is not None and runtime.wait_ready(5.0)
            spool = console.radio.ingest.spool
            assert spool is not None and spool.path == default_spool(via_proxy)

            proxy.blackhole()  # the cable to the server is cut
            radio_sim.inject_bytes(texts(5))
            assert wait(lambda: len(spool) == 5, 20), console.radio.ingest.whereabouts()
            assert wait(lambda: len(radio_sim.transmissions) == 5, 15)  # acked from the spool
            [line] = [w for w in what_would_stop(console) if "radio frame" in w]
            assert "5 radio frames heard wait for the database in the spool file" in line

            console.devices.stop()  # the window closes in the outage
            report = console.devices.radio_report
            assert report is not None and report.kept and report.spool == 5 and report.exit_code == 0
            console.close()
            assert spool.path.exists()

            proxy.forward()  # the next start, the server back: the spool goes first
            console = open_post(via_proxy)
            console.radio.settings.devices = [DeviceSpec("lora", radio_sim.port_url, 115200, "lora-test")]
            console.radio.ingest.retry_interval = 0.3
            assert console.devices.start_radio(demo=False) is not None
            assert wait(lambda: received(direct) == [1, 2, 3, 4, 5], 20), received(direct)
            console.devices.stop()
            assert console.devices.radio_report.kept  # type: ignore[union-attr]
            console.close()
            assert not spool.path.exists()  # nothing waits: no file left behind
            assert len(radio_sim.transmissions) == 5  # the store did not ack them a second time
        finally:
            proxy.close()
            direct.close()
