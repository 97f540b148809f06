"""No byte a radio can send breaks a batch, on either engine: NUL, invalid UTF-8 and
control characters are stored (the raw row keeps the exact bytes, a text shows NUL as
␀); a batch that fails for a reason of its own is stored in parts, so one bad frame
never takes the others with it, and an EMERGENCY among them still alarms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ops_console.db.radio_models import Position, RadioMessage
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.radio import derived
from ops_console.radio.derived import NUL_SHOWN

WHEN = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)


def heard(data: bytes, n: int = 0, address: int = 11) -> RawFrame:
    return RawFrame(
        raw=b"+RCV=%d,%d,%s,-80,7" % (address, len(data), data),
        received_at=WHEN + timedelta(seconds=n),
        link="lora",
        address=address,
        data=data,
        rssi=-80,
        snr=7,
    )


def text_with_bytes(sender: str, number: int, precedence: fp.Precedence, escaped: str) -> bytes:
    """A sealed T1 frame whose text is ``escaped`` as it goes on the air (%XX for any byte)."""
    frame = fp.encode_text(sender, "OPS", number, precedence, "x")[0]
    assert frame.startswith(f"T1|{sender}|OPS|{number}|".encode())  # the layout this helper assumes
    head = frame.rsplit(b"|", 1)[0].decode()  # everything up to the text
    body = f"{head}|{escaped}"
    raw = body.encode("ascii")
    return raw + b"*%04X" % fp.crc16(raw)


def count(post, model, *where) -> int:
    with post.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def alerts(events) -> list:
    return [e for e in events if e.topic == "radio.message" and e.data.get("alert")]


@pytest.fixture
def published(any_post):
    seen: list = []
    any_post.bus.subscribe(seen.append)
    return seen


def test_nul_invalid_utf8_and_control_bytes_do_not_cost_the_batch(any_post, published) -> None:
    batch = [
        heard(fp.encode_position("RESCUE1", 1, 47.1, 8.5, WHEN)[0], 0),
        heard(text_with_bytes("MEDIC2", 7, fp.Precedence.ROUTINE, "valve%00open%00now"), 1),
        heard(fp.encode_text("SEARCH3", "OPS", 9, fp.Precedence.EMERGENCY, "Bridge collapsed, 3 hurt")[0], 2),
        heard(text_with_bytes("RG1", 4, fp.Precedence.ROUTINE, "bad%FF%FEutf8%01%1B[31m"), 3),
        heard(b"\x00\xff\x1b\x07garbage|with|bars\x00", 4),
        heard(fp.encode_sensor("RG1", 5, "river1", "level", 2.5, "m\x00\x01", WHEN)[0], 5),
    ]
    any_post.radio.ingest.ingest(batch)
    with any_post.db.read() as s:
        raw = [bytes(r) for r in s.scalars(select(RawRow.data).order_by(RawRow.id))]
        bodies = dict(s.execute(select(RadioMessage.station, RadioMessage.body)).all())
    assert raw == [f.raw for f in batch]  # every frame, byte for byte
    assert bodies["MEDIC2"] == f"valve{NUL_SHOWN}open{NUL_SHOWN}now"
    assert bodies["RG1"].startswith("bad\ufffd")
    assert bodies["SEARCH3"] == "Bridge collapsed, 3 hurt"
    assert count(any_post, Position) == 1
    assert len(alerts(published)) == 1
    assert [m.station for m in any_post.radio.unacknowledged_alerts()] == ["SEARCH3"]
    any_post.radio.ingest.ingest(
        [heard(text_with_bytes("MEDIC2", 7, fp.Precedence.ROUTINE, "valve%00open%00now"), 9)]
    )
    assert count(any_post, RadioMessage, RadioMessage.station == "MEDIC2") == 1  # its repeat is recognised


def test_a_batch_that_fails_is_stored_in_parts_and_the_emergency_still_alarms(
    any_post, published, monkeypatch
) -> None:
    """A bug (here: a constraint we break on purpose) in storing one frame's meaning."""
    poison = fp.encode_text("MEDIC2", "OPS", 66, fp.Precedence.ROUTINE, "this one breaks the batch")[0]
    real = derived.DerivedWriter.write

    def breaks_on_poison(self, conn, batch, *rest):  # type: ignore[no-untyped-def]
        if any(f[4] == poison for f in batch.frames):
            raise IntegrityError("INSERT INTO radio_messages", {}, Exception("constraint failed"))
        return real(self, conn, batch, *rest)

    monkeypatch.setattr(derived.DerivedWriter, "write", breaks_on_poison)
    frames = [heard(fp.encode_position("RESCUE1", n, 47.0 + n / 100, 8.5, WHEN)[0], n) for n in range(1, 40)]
    frames[17] = heard(poison, 17)
    frames[30] = heard(
        fp.encode_text("SEARCH3", "OPS", 12, fp.Precedence.EMERGENCY, "Fire at the depot")[0], 30
    )
    any_post.radio.ingest.ingest(frames)
    with any_post.db.read() as s:
        rows = s.execute(select(RawRow.data, RawRow.status, RawRow.error).order_by(RawRow.id)).all()
    assert [bytes(r.data) for r in rows] == [f.raw for f in frames]  # all, in the order heard
    flagged = [r for r in rows if r.error]
    assert (
        len(flagged) == 1
        and bytes(flagged[0].data) == frames[17].raw
        and "IntegrityError" in flagged[0].error
    )
    assert count(any_post, Position) == 37
    assert [m.station for m in any_post.radio.unacknowledged_alerts()] == ["SEARCH3"]
    assert len(alerts(published)) == 1
    assert any_post.radio.ingest.counts["split_batches"] >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=240), min_size=1, max_size=12), st.booleans())
def test_any_bytes_at_all_are_stored_raw(any_post, chunks, as_text) -> None:
    """Arbitrary payloads (and, as text, arbitrary bytes %-escaped into a sealed T1 frame)."""
    before = count(any_post, RawRow)
    frames = []
    for i, chunk in enumerate(chunks):
        data = (
            text_with_bytes("RG1", i + 1, fp.Precedence.ROUTINE, "".join(f"%{b:02X}" for b in chunk[:60]))
            if as_text
            else chunk
        )
        frames.append(heard(data, i))
    any_post.radio.ingest.ingest(frames)
    assert count(any_post, RawRow) == before + len(frames)
    assert any_post.radio.ingest.backlog == 0 and any_post.radio.ingest.counts["unstorable"] == 0
