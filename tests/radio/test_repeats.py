"""Repeats of position and sensor reports are recognised across a console restart and
across a database outage; the raw frames are always kept, flagged as duplicates."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sqlalchemy import func, select

from helpers.posts import open_signed_on
from helpers.waiting import wait
from ops_console.db import engine as db_engine
from ops_console.db.radio_models import Position, RadioMessage, SensorReading
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime

WHEN = datetime(2024, 5, 1, 12, 0, 5, tzinfo=UTC)


def count(post, model, *where) -> int:
    with post.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def statuses(post) -> list[str]:
    with post.db.read() as s:
        return list(s.scalars(select(RawRow.status).order_by(RawRow.id)))


def reports() -> list[bytes]:
    return [
        fp.encode_position("MEDIC2", 40, 47.2, 8.6, WHEN, 80)[0],
        fp.encode_sensor("RG1", 41, "RG1-lvl", "water_level", 2.31, "m", WHEN)[0],
    ]


def heard(data: bytes, address: int = 12, rssi: int = -70) -> RawFrame:
    return RawFrame(
        rcv_line(address, data, rssi, 3).rstrip(), datetime.now(UTC), "lora-test", address, data, rssi, 3
    )


def test_a_relay_repeating_reports_after_a_restart_is_flagged(db_url, radio_sim) -> None:
    """The whole path twice, on one SQLite file: pty → driver → ingest, stop, a new post."""
    lines = [rcv_line(12, r, -70, 3) for r in reports()]
    for run in (1, 2):
        post = open_signed_on(db_url)
        runtime = RadioRuntime(post.radio, [DeviceSpec("lora", radio_sim.port_url, 115200, "lora-test")])
        runtime.start()
        try:
            assert runtime.wait_ready(5.0)
            relayed = [rcv_line(31, r, -95, -4) for r in reports()]  # heard again through a relay
            radio_sim.inject_bytes(b"".join(lines if run == 1 else relayed))
            assert wait(lambda: count(post, RawRow) == 2 * run)  # noqa: B023 - waited for here, in this turn
        finally:
            runtime.stop()
            post.close()
    post = open_signed_on(db_url)
    try:
        assert count(post, Position) == 1 and count(post, SensorReading) == 1
        assert statuses(post) == ["parsed", "parsed", "duplicate", "duplicate"]
    finally:
        post.close()


def test_repeats_after_a_restart_on_every_engine(any_db_url) -> None:
    first = open_signed_on(any_db_url)
    first.radio.ingest.ingest([heard(r) for r in reports()])
    first.close()
    again = open_signed_on(any_db_url)  # a new process: nothing in memory
    try:
        fresh = fp.encode_position("MEDIC2", 42, 47.3, 8.7, WHEN, 79)[0]
        wrapped = fp.encode_position("MEDIC2", 40, 47.4, 8.8, WHEN, 78)[0]  # number 40 again, new report
        again.radio.ingest.ingest([heard(r, 31, -95) for r in reports()] + [heard(fresh), heard(wrapped)])
        assert count(again, Position) == 3 and count(again, SensorReading) == 1
        assert statuses(again) == ["parsed", "parsed", "duplicate", "duplicate", "parsed", "parsed"]
        assert again.radio.ingest.counts["duplicate"] == 2
    finally:
        again.close()


def test_reports_heard_during_a_database_outage_are_not_taken_for_repeats(db_url, monkeypatch) -> None:
    """A real outage: another program holds the write lock, so the batch waits in memory.
    When it is stored, its reports and text are new, not repeats of the failed attempt."""
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 50)  # give up on the lock quickly
    post = open_signed_on(db_url)
    text = fp.encode_text("MEDIC2", "OPS", 43, fp.Precedence.ROUTINE, "Road to the school is open")
    try:
        post.radio.ingest.ingest([heard(r) for r in reports()])  # connects, knows the stored reports
        blocker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        during = [heard(fp.encode_position("MEDIC2", 44, 47.5, 8.9, WHEN)[0]), *[heard(f) for f in text]]
        post.radio.ingest.ingest(during)
        assert post.radio.ingest.backlog == len(during) and count(post, RawRow) == 2
        blocker.execute("ROLLBACK")
        blocker.close()
        post.radio.ingest.ingest([heard(reports()[0])])  # the backlog goes first, then a repeat
        assert count(post, Position) == 2 and count(post, RadioMessage, RadioMessage.direction == "in") == 1
        assert statuses(post)[2:] == ["parsed", "parsed", "duplicate"]
    finally:
        post.close()


def test_a_large_batch_is_stored_whole_and_reads_back(any_post) -> None:
    """1,300 reports: several multi-row statements and halving remainders (bulk.py)."""
    frames = [
        heard(fp.encode_position("SEARCH3", n, 47.0 + n / 1e4, 8.0, WHEN, n % 101)[0], 13)
        for n in range(1300)
    ]
    any_post.radio.ingest.ingest(frames)
    with any_post.db.read() as s:
        rows = s.execute(select(Position.lat, Position.at, Position.battery).order_by(Position.id)).all()
        raw = s.execute(select(RawRow.received_at, RawRow.data).order_by(RawRow.id)).all()
    assert [round(r.lat, 4) for r in rows] == [round(47.0 + n / 1e4, 4) for n in range(1300)]
    assert {r.at for r in rows} == {WHEN} and rows[-1].battery == 1299 % 101
    assert [r.data for r in raw] == [f.raw for f in frames] and raw[0].received_at == frames[0].received_at


def test_a_node_first_stored_by_another_workstation_does_not_cost_a_batch(any_db_url) -> None:
    """Two posts on one database: this one knows its nodes, the other stores address 12
    first; this one's next batch from 12 still becomes a position (an upsert, not a
    unique-key failure that left the batch stored raw only)."""
    here, there = open_signed_on(any_db_url), open_signed_on(any_db_url)
    try:
        here.radio.ingest.ingest([heard(reports()[1], 21)])  # here now knows the nodes in the database
        there.radio.ingest.ingest([heard(fp.encode_position("MEDIC2", 1, 47.0, 8.0, WHEN)[0])])
        here.radio.ingest.ingest([heard(fp.encode_position("MEDIC2", 2, 47.1, 8.1, WHEN, 55)[0])])
        assert count(here, Position) == 2 and here.radio.ingest.counts["raw_only"] == 0
        assert {(n.addr, n.battery) for n in here.radio.nodes()} == {(12, 55.0), (21, None)}
    finally:
        here.close()
        there.close()


def test_a_bug_in_storing_what_frames_mean_keeps_them_raw(post, monkeypatch) -> None:
    """A bug cannot be had on purpose without changing the code, so this one is injected:
    the frames are stored raw, flagged, and the next batch is understood as usual."""

    def broken(*_args):  # type: ignore[no-untyped-def]
        raise TypeError("a bug")

    monkeypatch.setattr(post.radio.ingest.derived, "write", broken)
    post.radio.ingest.ingest([heard(r) for r in reports()])
    monkeypatch.undo()
    post.radio.ingest.ingest([heard(r) for r in reports()])  # not repeats: the first were not understood
    assert statuses(post) == ["new", "new", "parsed", "parsed"]
    assert count(post, Position) == 1 and post.radio.ingest.counts["raw_only"] == 2
