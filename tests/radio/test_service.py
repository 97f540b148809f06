"""The radio service on every engine (SQLite and PostgreSQL): ingest of driver batches,
outbox transitions, acks matched, alerts, filing; and the device option parser."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.inventory.views import LocationKind
from ops_console.radio.devices import DeviceSpec, devices_from_config, parse_device
from ops_console.radio.views import MessageFilter
from ops_console.said import english


def frame(address: int, data: bytes, rssi: int = -80, snr: float = 5.0) -> RawFrame:
    raw = b"+RCV=%d,%d,%s,%d,%g" % (address, len(data), data, rssi, snr)
    return RawFrame(raw, datetime.now(UTC), "lora-test", address, data, rssi, snr)


def test_ingest_and_outbox_on_every_engine(any_post) -> None:
    post = any_post
    now = datetime.now(UTC)
    text = fp.encode_text("RESCUE1", "OPS", 3, fp.Precedence.EMERGENCY, "Bridge is collapsing, over")
    batch = [
        frame(11, fp.encode_position("RESCUE1", 2, 47.3, 8.5, now, 77)[0]),
        frame(21, fp.encode_sensor("RG1", 4, "RG1-wate", "water_level", 2.31, "m", now)[0]),
        *[frame(11, f) for f in text],
        RawFrame(b"+RCV=garbage", now, "lora-test", error="not a +RCV line"),
        frame(11, b"T1|broken*FFFF"),
    ]
    post.radio.ingest.ingest(batch)
    post.radio.ingest.ingest(batch[:1])  # a repeat
    [msg] = post.radio.page()
    assert msg.precedence == "EMERGENCY" and msg.needs_attention and msg.node_addr == 11
    assert post.radio.unacknowledged_alerts() == [msg]
    assert {n.callsign for n in post.radio.nodes()} == {"RESCUE1", "RG1"}
    assert post.radio.ingest.counts["invalid"] == 2 and post.radio.ingest.counts["duplicate"] == 1
    assert post.radio.signal_history(11)[-1][1] == -80

    out = post.radio.outbox.compose("RESCUE1", "Rescue team on its way")
    assert out.node_addr == 11
    due = post.radio.outbox.next_due(utc_now())
    assert due is not None and due.id == out.id
    post.radio.outbox.mark_sent(due, "lora-test")
    post.radio.ingest.ingest([frame(11, fp.encode_ack("RESCUE1", "OPS", out.number)[0])])
    assert post.radio.get(out.id).status == "acked"

    acked = post.radio.acknowledge_alert(msg.id)
    assert acked.acknowledged_by and not post.radio.unacknowledged_alerts()
    kind, task_id = post.radio.create_from_message(msg.id, "task")
    assert kind == "task" and post.radio.get(msg.id).linked_id == task_id
    assert [m.id for m in post.radio.page(MessageFilter(text="collapsing"))] == [msg.id]
    assert post.radio.page(MessageFilter(direction="out"))[0].id == out.id


def test_acknowledging_an_emergency_takes_its_repeats_and_nothing_else(any_post) -> None:
    """A team calls the same EMERGENCY until it is answered: one acknowledgement answers
    those calls; another call from the same team, or the same words from another team,
    still waits. A repeat heard afterwards alarms again."""
    post = any_post
    trapped, other = "Person trapped in vehicle at the ford", "Second car in the water"

    def hear(station: str, address: int, number: int, words: str) -> None:
        frames = fp.encode_text(station, "OPS", number, fp.Precedence.EMERGENCY, words)
        post.radio.ingest.ingest([frame(address, f) for f in frames])

    hear("FIRE3", 31, 1, trapped)
    hear("FIRE3", 31, 2, trapped)
    hear("FIRE3", 31, 3, other)
    hear("CARE5", 35, 1, trapped)
    hear("FIRE3", 31, 4, trapped)
    waiting = post.radio.unacknowledged_alerts()
    assert len(waiting) == 5
    first = min((m for m in waiting if m.station == "FIRE3" and m.body == trapped), key=lambda m: m.id)
    post.radio.acknowledge_alert(first.id)
    left = {(m.station, m.number) for m in post.radio.unacknowledged_alerts()}
    assert left == {("FIRE3", 3), ("CARE5", 1)}
    with post.db.read() as s:
        summaries = [
            english(e)
            for e in s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "radio.alert_ack"))
        ]
    assert len(summaries) == 3 and sum("as a repeat of #1" in t for t in summaries) == 2
    hear("FIRE3", 31, 5, trapped)  # called again after the answer: a new alarm
    assert {(m.station, m.number) for m in post.radio.unacknowledged_alerts()} == left | {("FIRE3", 5)}


def test_database_outage_keeps_frames_in_memory_and_stores_them_later(post, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    ingest = post.radio.ingest
    real = ingest._store
    calls = {"n": 0}

    def failing(frames, *rest):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        return real(frames, *rest)

    monkeypatch.setattr(ingest, "_store", failing)
    now = datetime.now(UTC)
    ingest.ingest([frame(11, fp.encode_position("RESCUE1", 1, 47.3, 8.5, now)[0])])
    assert ingest.backlog == 1 and ingest.counts["db_errors"] == 1
    ingest.ingest([frame(11, fp.encode_position("RESCUE1", 2, 47.3, 8.5, now)[0])])
    assert ingest.backlog == 0 and ingest.counts["frames"] == 2


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("lora:/dev/ttyUSB0@115200", DeviceSpec("lora", "/dev/ttyUSB0", 115200)),
        ("lora:/dev/ttyUSB1", DeviceSpec("lora", "/dev/ttyUSB1", 115200)),
        ("LoRa:socket://127.0.0.1:7001", DeviceSpec("lora", "socket://127.0.0.1:7001", 115200)),
        ("lora:COM3@9600", DeviceSpec("lora", "COM3", 9600)),
    ],
)
def test_device_option(text, spec) -> None:
    assert parse_device(text) == spec


@pytest.mark.parametrize("text", ["ttyUSB0", "siren:/dev/ttyS0", "lora:"])
def test_bad_device_option_says_what_is_expected(text) -> None:
    with pytest.raises(ValueError, match="KIND:PORT|unknown device kind"):
        parse_device(text)


def test_devices_from_config() -> None:
    specs, problems = devices_from_config(
        [
            {"kind": "lora", "port": "/dev/ttyUSB0", "baud": 57600, "name": "roof"},
            {"kind": "siren", "port": "/dev/ttyS1"},
            {"kind": "lora"},
        ]
    )
    assert specs == [DeviceSpec("lora", "/dev/ttyUSB0", 57600, "roof")] and len(problems) == 1


def test_a_received_message_becomes_a_resource_request_in_one_action(post) -> None:
    inv = post.inventory
    sandbags = inv.add_item("Sandbags", "Flood defence", "bag", critical=True)
    inv.add_location("Stone Bridge", LocationKind.DEPOT)
    text = "Need 20 sandbags at Stone Bridge, water rising"
    post.radio.ingest.ingest(
        [frame(11, fp.encode_text("CANAL-1", "OPS", 7, fp.Precedence.PRIORITY, text)[0])]
    )
    msg = post.radio.page(MessageFilter(text="sandbags"))[0]
    kind, request_id = post.radio.create_from_message(msg.id, "request")
    request = inv.get_request(request_id)
    assert kind == "request" and request.item_id == sandbags.id and request.quantity == 20
    assert post.radio.get(msg.id).linked_entity == "request"


def test_device_table_configures_the_modem() -> None:
    specs, problems = devices_from_config(
        [
            {
                "kind": "lora",
                "port": "/dev/ttyUSB0",
                "address": 5,
                "network_id": 9,
                "band_hz": 868_100_000,
                "spreading_factor": 10,
                "cpin": "ABCD1234",
                "model": "RYLR998",
            },
            {"kind": "lora", "port": "/dev/ttyUSB1", "spreading_factor": 42},
        ]
    )
    modem = specs[0].modem
    assert (modem.address, modem.network_id, modem.band_hz, modem.cpin) == (5, 9, 868_100_000, "ABCD1234")
    assert modem.modulation.spreading_factor == 10
    assert len(specs) == 1 and "#2" in english(problems[0])
