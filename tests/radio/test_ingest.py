"""Received traffic from a simulated modem on a pty, through the real driver, into SQLite:
raw first, then what it means; bad input flagged and kept; repeats stored once."""

from __future__ import annotations

from sqlalchemy import func, select

from helpers.waiting import wait as _wait
from ops_console.db.radio_models import Position, RadioMessage, RadioNode, RawFrame, SensorReading
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line


def count(post, model, *where) -> int:
    with post.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def raw_rows(post):
    """Frames heard (the acks the console sends are raw rows too, direction "out")."""
    with post.db.read() as s:
        return list(s.scalars(select(RawFrame).where(RawFrame.direction == "in").order_by(RawFrame.id)))


def test_simulated_traffic_lands_in_every_table(post, radio_sim, start_runtime, events) -> None:
    start_runtime(post, radio_sim)
    lines = radio_sim.emit_traffic(60)
    assert events.wait_for(lambda _: count(post, RawFrame) >= len(lines))
    rows = raw_rows(post)
    assert [r.data + b"\r\n" for r in rows] == lines
    assert {r.status for r in rows} <= {"parsed", "fragment"}
    assert count(post, Position) + count(post, SensorReading) + count(post, RadioMessage) > 0
    assert count(post, Position) == sum(1 for r in rows if r.data.split(b",", 2)[2].startswith(b"P1|"))
    nodes = {n.callsign: n for n in post.radio.nodes()}
    assert set(nodes) <= {"RESCUE1", "MEDIC2", "SEARCH3", "RG1"} and nodes
    assert all(n.last_heard is not None and n.rssi is not None for n in nodes.values())
    assert any(e.topic == "radio.node" for e in events.items)


def test_bad_input_is_stored_raw_and_flagged(post, radio_sim, start_runtime) -> None:
    runtime = start_runtime(post, radio_sim)
    good = fp.encode_position(
        "RESCUE1", 5, 47.1, 8.5, __import__("datetime").datetime.now(__import__("datetime").UTC)
    )[0]
    bad = [
        b"\x00\xfe\x13\x07\xff\r\n",  # garbage
        b"+RCV=11,4,HELLO,-50,7\r\n",  # wrong length field
        b"+RCV=11,40,HEL\r\n",  # truncated
        b"+VER=\xc3\x28\xff\r\n",  # invalid UTF-8
        b"+ERR=77\r\n",  # unknown error, unsolicited
        b"+RCV=" + b"9" * 700 + b"\r\n",  # overlong
        rcv_line(11, b"P1|RESCUE1|5|47.1|8.5|1|*0000", -60, 5),  # CRC mismatch
    ]
    radio_sim.inject_bytes(b"".join(bad) + rcv_line(11, good, -61, 4))
    assert _wait(lambda: count(post, Position) == 1)
    rows = raw_rows(post)
    invalid = [r for r in rows if r.status == "invalid"]
    assert len(invalid) >= len(bad) and all(r.error for r in invalid)
    assert any(b"\xc3\x28\xff" in r.data for r in invalid) and any(b"\x00\xfe" in r.data for r in invalid)
    assert any("CRC" in r.error for r in invalid)
    status = runtime.status()[0]
    assert status.errors >= 5 and status.invalid >= len(bad) and status.state == "ready"


def test_repeated_frames_and_messages_are_stored_once(post, radio_sim, start_runtime) -> None:
    start_runtime(post, radio_sim)
    now = __import__("datetime").datetime.now(__import__("datetime").UTC)
    pos = fp.encode_position("MEDIC2", 9, 47.2, 8.6, now, 80)[0]
    text = fp.encode_text("MEDIC2", "OPS", 10, fp.Precedence.PRIORITY, "Need water at the school " * 12)
    assert len(text) > 1
    lines = [rcv_line(12, pos, -70, 3)] * 2 + [rcv_line(12, f, -70, 3) for f in text] * 2
    radio_sim.inject_bytes(b"".join(lines))
    assert _wait(lambda: count(post, RawFrame, RawFrame.direction == "in") == len(lines))
    assert count(post, Position) == 1
    assert count(post, RadioMessage, RadioMessage.direction == "in") == 1
    assert count(post, RawFrame, RawFrame.status == "duplicate") == 1 + len(text)
    [msg] = post.radio.page()
    assert msg.body.startswith("Need water") and msg.precedence == "PRIORITY" and msg.needs_attention
    with post.db.read() as s:
        node = s.scalar(select(RadioNode).where(RadioNode.addr == 12))
    assert node.callsign == "MEDIC2" and node.battery == 80 and node.lat == 47.2


def test_repeat_after_restart_is_still_stored_once(post, radio_sim, start_runtime) -> None:
    text = fp.encode_text("SEARCH3", "OPS", 77, fp.Precedence.ROUTINE, "Sector 4 clear")
    runtime = start_runtime(post, radio_sim)
    radio_sim.inject_bytes(b"".join(rcv_line(13, f, -80, 1) for f in text))
    assert _wait(lambda: count(post, RadioMessage) == 1)
    runtime.stop()
    post.radio.ingest.classifier.reassembler = type(
        post.radio.ingest.classifier.reassembler
    )()  # a fresh process
    start_runtime(post, radio_sim)
    radio_sim.inject_bytes(b"".join(rcv_line(13, f, -80, 1) for f in text))
    assert _wait(lambda: count(post, RawFrame, RawFrame.direction == "in") == 2 * len(text))
    assert count(post, RadioMessage) == 1
