"""A post whose database is away still answers its teams: a message safe in the spool
file is acked at once (not when the server returns), a repeat of it is acked again, and
the duty-cycle budget survives a restart without the database (the local airtime ledger
beside the spool). Real parts: the gateway as a process, a simulated modem on a pty, a
PostgreSQL address where nothing listens."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import read_until, spawn, stop
from helpers.waiting import wait
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.radio.airtime_ledger import ledger_beside
from ops_console.radio.spool import frames_waiting

REFUSING = "postgresql+psycopg://postgres@127.0.0.1:1/nothing"  # nothing listens on port 1


@pytest.fixture
def sim():
    modem = SimulatedModem(transport="pty", seed=11, garbage_rate=0.0, error_rate=0.0)
    modem.start()
    yield modem
    modem.stop()


def acks_heard(sim: SimulatedModem) -> list[tuple[int, str, int]]:
    out = []
    for address, frame in sim.transmissions:
        item = fp.decode(frame)
        if isinstance(item, fp.Ack):
            out.append((address, item.recipient, item.number))
    return out


def test_a_gateway_without_its_database_acks_and_keeps_its_budget_across_a_restart(sim, tmp_path) -> None:
    spool = tmp_path / "spool.sqlite"
    args = ("--db", REFUSING, "gateway", "--device", f"lora:{sim.port_url}@115200", "--spool", str(spool))
    [text] = fp.encode_text("RESCUE1", "OPS", 7, fp.Precedence.EMERGENCY, "Two trapped at the weir")
    [other] = fp.encode_text("RESCUE1", "EOC-9", 8, fp.Precedence.ROUTINE, "for another post")

    gateway = spawn(tmp_path, *args)
    try:
        read_until(gateway, "gateway running", timeout=40)
        sim.inject_bytes(rcv_line(14, other, -70, 6) + rcv_line(14, text, -70, 6))
        assert wait(lambda: frames_waiting(spool) == 2, 20)
        assert wait(lambda: acks_heard(sim) == [(14, "RESCUE1", 7)], 15), sim.transmissions
    finally:
        code, out = stop(gateway)
    assert code == 0 and "2 waiting in the spool" in out, out
    ledger = ledger_beside(spool)
    assert len(ledger.read_text().splitlines()) == 1  # the ack, on disk for the next life

    gateway = spawn(tmp_path, *args)  # restarted, the server still away
    try:
        out = read_until(gateway, "budgets restored", timeout=40)
        assert "restored: 1 frames" in out, out
        sim.inject_bytes(rcv_line(14, text, -70, 6))  # our ack was lost: the team repeats
        assert wait(lambda: len(acks_heard(sim)) == 2, 15), sim.transmissions
    finally:
        code, out = stop(gateway)
    assert code == 0 and "3 waiting in the spool" in out, out
    assert len(ledger.read_text().splitlines()) == 2


def test_a_torn_ledger_line_is_skipped_and_the_rest_counts(tmp_path: Path) -> None:
    """A power cut mid-write leaves half a line: it is skipped (counted), never fatal."""
    from datetime import UTC, datetime, timedelta

    from ops_console.radio.airtime_ledger import AirtimeLedger

    now = datetime(2026, 12, 6, 5, 0, tzinfo=UTC)
    ledger = AirtimeLedger(tmp_path / "x-airtime.log")
    ledger.record("lora1", now - timedelta(minutes=90), 40)  # outside the hour: trimmed
    ledger.record("lora1", now - timedelta(minutes=10), 30)
    ledger.record("lora2", now - timedelta(minutes=5), 20)
    ledger.close()
    with open(ledger.path, "a", encoding="utf-8") as out:
        out.write("2026-12-06T04:59:59+00:00\tlor")  # torn
    sent = ledger.since(3600, now)
    assert [(s.link, s.size) for s in sent] == [("lora1", 30), ("lora2", 20)] and ledger.skipped == 1
    assert len(ledger.path.read_text().splitlines()) == 2  # trimmed to the window
    assert ledger.path.stat().st_mode & 0o777 == 0o600


def test_a_repeat_of_a_stored_message_is_acked_again_and_stored_once(post, radio_sim, start_runtime) -> None:
    """The team repeats because our ack did not reach it: without a second ack it would
    keep repeating and at last report the message as not delivered."""
    start_runtime(post, radio_sim)
    [text] = fp.encode_text("RESCUE1", "OPS", 3, fp.Precedence.PRIORITY, "Need a pump at the school")
    radio_sim.inject_bytes(rcv_line(14, text, -70, 6))
    assert wait(lambda: len(acks_heard(radio_sim)) == 1, 10)
    radio_sim.inject_bytes(rcv_line(14, text, -70, 6))
    assert wait(lambda: len(acks_heard(radio_sim)) == 2, 10), radio_sim.transmissions
    assert post.radio.message_count() == 1


def test_the_ack_queue_keeps_one_ack_per_message_and_counts_what_a_flood_gives_up(post, caplog) -> None:
    """Two radios hearing one message make one ack; a flood beyond what airtime could ever
    send gives up the oldest acks, counted and logged, never silently."""
    from ops_console.radio.routing import LinkRouter
    from ops_console.radio.worker import ACK_QUEUE, OutboxWorker

    worker = OutboxWorker(
        post.radio.outbox, lambda: [], LinkRouter(lambda: post.radio.outbox.budget, lambda a: None)
    )
    worker.queue_ack(14, "RESCUE1", 7)
    worker.queue_ack(14, "RESCUE1", 7)
    assert len(worker._acks) == 1 and worker.acks_dropped == 0
    for n in range(ACK_QUEUE + 9):
        worker.queue_ack(20, "CANAL-1", n)
    assert len(worker._acks) == ACK_QUEUE and worker.acks_dropped == 10
    assert (14, "RESCUE1", 7) not in worker._acks  # the oldest went first
    assert any("acks given up" in r.getMessage() for r in caplog.records)


def test_a_batch_of_acks_queues_like_one_ack_at_a_time(post) -> None:
    """queue_acks (one call per stored batch) leaves the queue as the same acks queued one
    by one would: in order, one per message, the oldest given up beyond ACK_QUEUE."""
    from ops_console.radio.routing import LinkRouter
    from ops_console.radio.worker import ACK_QUEUE, OutboxWorker

    def worker() -> OutboxWorker:
        return OutboxWorker(
            post.radio.outbox, lambda: [], LinkRouter(lambda: post.radio.outbox.budget, lambda a: None)
        )

    keys = [(20, "CANAL-1", n % (ACK_QUEUE + 40)) for n in range(ACK_QUEUE + 100)]  # repeats among them
    one_by_one, at_once = worker(), worker()
    for key in keys:
        one_by_one.queue_ack(*key)
    at_once.queue_acks(keys[:50])
    at_once.queue_acks(keys[50:])
    assert list(at_once._acks) == list(one_by_one._acks) and len(at_once._acks) == ACK_QUEUE
    dropped = one_by_one.acks_dropped
    assert at_once.acks_dropped == dropped > 40  # a repeat of an ack given up queues it again
    at_once.queue_acks([])
    assert at_once.acks_dropped == dropped
