"""A gateway keeps what it hears in a local spool while the database is away, and
forwards it in order, without duplicates, when the database is back."""

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from helpers.waiting import wait
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio.spool import FrameSpool, SpoolInUse

START = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)


def frame(n: int) -> RawFrame:
    payload = fp.encode_text("CANAL-1", "OPS", n, fp.Precedence.ROUTINE, f"water level report {n}")[0]
    raw = b"+RCV=11,%d,%s,-80,7" % (len(payload), payload)
    return RawFrame(
        raw=raw,
        received_at=START + timedelta(seconds=n),
        link="lora",
        address=11,
        data=payload,
        rssi=-80,
        snr=7,
    )


def stored_raw(post) -> list[bytes]:
    with post.db.read() as s:
        return list(s.scalars(select(RawRow.data).order_by(RawRow.id)))


def lock(db_url):
    locker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    return locker


def test_frames_wait_in_the_spool_and_are_forwarded_in_order(post, db_url, tmp_path, monkeypatch):
    monkeypatch.setattr("ops_console.db.engine.BUSY_TIMEOUT_MS", 100)
    from ops_console.post import open_post

    gateway = open_post(db_url)  # its engine has the short busy timeout
    ingest = gateway.radio.ingest
    spool = FrameSpool(tmp_path / "spool.sqlite")
    ingest.use_spool(spool)
    ingest.ingest([frame(1), frame(2)])
    locker = lock(db_url)
    try:
        ingest.ingest([frame(3), frame(4)])
        ingest.ingest([frame(5)])
        assert len(spool) == 3 and ingest.counts["spooled"] == 3
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    ingest.ingest([frame(6)])
    assert len(spool) == 0 and ingest.counts["forwarded"] == 4  # 3 held, then 6 behind them
    assert stored_raw(gateway) == [frame(n).raw for n in range(1, 7)]
    gateway.close()
    spool.close()


def test_a_forward_interrupted_after_its_commit_is_not_stored_twice(post, tmp_path):
    spool = FrameSpool(tmp_path / "spool.sqlite")
    spool.append([frame(1), frame(2), frame(3)])
    post.radio.ingest.ingest([frame(1), frame(2)])  # committed, but the gateway died before the spool delete
    post.radio.ingest.use_spool(spool)
    post.radio.ingest.ingest([frame(4)])
    assert stored_raw(post) == [frame(n).raw for n in (1, 2, 3, 4)]
    spool.close()


def test_spool_survives_a_gateway_restart(tmp_path):
    first = FrameSpool(tmp_path / "spool.sqlite")
    first.append([frame(7), frame(8)])
    first.close()
    again = FrameSpool(tmp_path / "spool.sqlite")
    last, frames = again.head(10)
    assert [f.raw for f in frames] == [frame(7).raw, frame(8).raw] and frames[0].received_at == frame(
        7
    ).received_at
    again.drop_through(last)
    assert len(again) == 0
    again.close()


def test_a_second_owner_of_a_spool_is_refused_in_words(tmp_path):
    """Two owners would forward each other's frames: the second is told, the first goes on."""
    path = tmp_path / "spool.sqlite"
    first = FrameSpool(path)
    with pytest.raises(SpoolInUse, match="in use|already open"):
        FrameSpool(path)
    other = subprocess.run(
        [sys.executable, "-c", f"from ops_console.radio.spool import FrameSpool; FrameSpool({str(path)!r})"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.returncode != 0 and "in use by another running Ops Console" in other.stderr
    first.append([frame(1)])
    first.close()
    again = FrameSpool(path)  # released on close
    assert len(again) == 1
    again.close()


def test_frames_read_before_a_kill_come_back_from_the_journal_once(post, tmp_path):
    """A kill -9 between reading and storing: the journal has every frame read. Those the
    killed run had committed (its journal not yet trimmed) are found on the server and
    dropped; the rest are stored, in order."""
    path = tmp_path / "spool.sqlite"
    killed = FrameSpool(path)
    post.radio.ingest.use_spool(killed)
    post.radio.ingest.submit([frame(1), frame(2), frame(3)])  # journaled, then handed over
    post.radio.ingest.submit([frame(4), frame(5)])
    post.radio.ingest.ingest([frame(1), frame(2), frame(3)])  # the first batch was committed…
    assert killed.journaled() == 5  # …and the process died before trimming the journal
    killed.close()

    again = FrameSpool(path)
    acks: list[tuple[int, str, int]] = []
    restarted = post.radio.ingest.__class__(post.db, post.bus, on_ack_needed=lambda *key: acks.append(key))
    restarted.use_spool(again)  # recovery: the journal goes to the spool, checked against the server
    assert again.journaled() == 0 and len(again) == 5
    restarted.flush()
    assert stored_raw(post) == [frame(n).raw for n in range(1, 6)]  # none twice, none lost
    assert restarted.counts["already_stored"] == 3 and len(again) == 0
    assert acks == [(11, "CANAL-1", 4), (11, "CANAL-1", 5)]  # never acked by the killed run: acked now
    again.close()


def test_a_stored_batch_trims_the_journal_and_a_spooled_one_moves_out_of_it(
    post, db_url, tmp_path, monkeypatch
):
    monkeypatch.setattr("ops_console.db.engine.BUSY_TIMEOUT_MS", 100)
    from ops_console.post import open_post

    gateway = open_post(db_url)
    ingest = gateway.radio.ingest
    spool = FrameSpool(tmp_path / "spool.sqlite")
    ingest.use_spool(spool)
    ingest.start()
    try:
        ingest.submit([frame(1), frame(2)])
        assert wait(lambda: stored_raw(gateway) == [frame(1).raw, frame(2).raw])
        assert wait(lambda: spool.journaled() == 0)
        locker = lock(db_url)
        try:
            ingest.submit([frame(3)])
            assert wait(lambda: len(spool) == 1)
            assert spool.journaled() == 0  # in the spool, not in both
        finally:
            locker.execute("ROLLBACK")
            locker.close()
    finally:
        ingest.stop()
        gateway.close()
        spool.close()
