"""Field payload v1: encoders, decoder, CRC, and the guarantee that decode never raises."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols.field_payload import Precedence
from ops_console.said import english

WHEN = datetime(2024, 5, 1, 12, 30, 5, tzinfo=UTC)
calls = st.from_regex(r"[A-Z0-9/-]{1,9}", fullmatch=True)


def test_crc_is_ccitt_false() -> None:
    assert fp.crc16(b"123456789") == 0x29B1


def test_text_frame_is_readable_ascii_and_decodes() -> None:
    [frame] = fp.encode_text("RESCUE1", "OPS", 12, Precedence.EMERGENCY, "Trapped | need 2% help")
    assert frame.startswith(b"T1|RESCUE1|OPS|12|E|1/1|Trapped %7C need 2%25 help*")
    assert frame.isascii() and len(frame) <= fp.MAX_FRAME
    assert fp.decode(frame) == fp.TextFragment(
        "RESCUE1", "OPS", 12, Precedence.EMERGENCY, 1, 1, b"Trapped | need 2% help"
    )


def test_ack_position_and_sensor_round_trip() -> None:
    [ack] = fp.encode_ack("OPS", "MEDIC2", 65535)
    assert ack.startswith(b"A1|OPS|MEDIC2|65535*")
    assert fp.decode(ack) == fp.Ack("OPS", "MEDIC2", 65535)
    [pos] = fp.encode_position("MEDIC2", 3, 47.376912, -8.5417, WHEN, 87)
    assert fp.decode(pos) == fp.PositionReport("MEDIC2", 3, 47.37691, -8.5417, WHEN, 87)
    [pos2] = fp.encode_position("MEDIC2", 4, 0.0, 0.0, WHEN)
    assert fp.decode(pos2).battery is None
    [sensor] = fp.encode_sensor("RG1", 9, "RG1-lvl", "water_level", 2.31, "m", WHEN)
    assert fp.decode(sensor) == fp.SensorReading("RG1", 9, "RG1-lvl", "water_level", 2.31, "m", WHEN)


def test_long_text_is_split_within_the_limit() -> None:
    text = "Ünïcödé and ascii " * 60
    frames = fp.encode_text("SEARCH3", "OPS", 44, Precedence.PRIORITY, text)
    assert len(frames) > 1
    assert all(len(f) <= fp.MAX_FRAME for f in frames)
    parts = [fp.decode(f) for f in frames]
    assert [p.index for p in parts] == list(range(1, len(frames) + 1))
    assert b"".join(p.body for p in parts).decode() == text


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: fp.encode_text("bad call", "OPS", 1, Precedence.ROUTINE, "x"), "call sign"),
        (lambda: fp.encode_text("A", "OPS", 70000, Precedence.ROUTINE, "x"), "message number"),
        (lambda: fp.encode_text("A", "OPS", 1, Precedence.ROUTINE, "x" * 30000), "too long"),
        (lambda: fp.encode_position("A", 1, 91.0, 0.0, WHEN), "not on Earth"),
        (lambda: fp.encode_position("A", 1, 0.0, 0.0, datetime(2024, 1, 1)), "timezone"),
        (lambda: fp.encode_sensor("A", 1, "s 1", "k", 1.0, "m", WHEN), "sensor id"),
        (lambda: fp.encode_sensor("A", 1, "s1", "k", float("nan"), "m", WHEN), "finite"),
    ],
)
def test_encoders_refuse_bad_input(call, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        call()


def _sealed(body: bytes) -> bytes:
    return body + b"*%04X" % fp.crc16(body)


@pytest.mark.parametrize(
    ("frame", "reason"),
    [
        (b"", "trailer"),
        (b"T1|A|B|1|R|1/1|hi", "trailer"),
        (b"T1|A|B|1|R|1/1|hi*ZZZZ", "hex"),
        (fp.encode_ack("OPS", "A", 1)[0].replace(b"OPS", b"OPT"), "CRC mismatch"),
        (_sealed(b"X1|A|B|1"), "unknown frame kind"),
        (_sealed(b"A2|A|B|1"), "unknown frame kind"),
        (_sealed(b"A1|A|B"), "expected 3 fields"),
        (_sealed(b"A1|a b|B|1"), "call sign"),
        (_sealed(b"T1|A|B|1|X|1/1|hi"), "precedence"),
        (_sealed(b"T1|A|B|1|R|3/2|hi"), "fragment"),
        (_sealed(b"T1|A|B|1|R|1/1|100%"), "escape"),
        (_sealed(b"P1|A|1|95.00000|0.00000|1700000000|"), "out of range"),
        (_sealed(b"P1|A|1|1.0|2.0|1700000000|101"), "battery"),
        (_sealed(b"S1|A|1|s|k|1e999|m|1700000000"), "not finite"),
        (_sealed("T1|A|B|1|R|1/1|é".encode()), "ASCII"),
    ],
)
def test_decode_bad_frames_give_reasons(frame: bytes, reason: str) -> None:
    result = fp.decode(frame)
    assert isinstance(result, fp.DecodeError)
    assert reason in english(result.reason)
    assert result.raw == frame


@given(st.binary(max_size=300))
def test_fuzz_decode_never_raises(data: bytes) -> None:
    assert isinstance(
        fp.decode(data), (fp.DecodeError, fp.TextFragment, fp.Ack, fp.PositionReport, fp.SensorReading)
    )


@given(st.binary(min_size=8, max_size=200))
def test_fuzz_decode_never_raises_on_sealed_garbage(body: bytes) -> None:
    for kind in (b"T1|", b"A1|", b"P1|", b"S1|"):
        assert fp.decode(_sealed(kind + body)) is not None


@given(
    calls,
    calls,
    st.integers(0, 65535),
    st.sampled_from(list(Precedence)),
    st.text(max_size=2000),
    st.integers(60, 240),
)
def test_fuzz_text_round_trip(sender, recipient, number, prec, text, limit) -> None:
    frames = fp.encode_text(sender, recipient, number, prec, text, limit=limit)
    assert all(len(f) <= limit and f.isascii() and b"\r" not in f and b"\n" not in f for f in frames)
    parts = [fp.decode(f) for f in frames]
    assert all(isinstance(p, fp.TextFragment) and p.total == len(frames) for p in parts)
    assert b"".join(p.body for p in parts).decode("utf-8") == text


@given(
    calls,
    st.integers(0, 65535),
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.integers(0, 4_000_000_000),
    st.none() | st.integers(0, 100),
)
def test_fuzz_position_round_trip(sender, number, lat, lon, epoch, battery) -> None:
    when = datetime.fromtimestamp(epoch, UTC)
    [frame] = fp.encode_position(sender, number, lat, lon, when, battery)
    got = fp.decode(frame)
    assert isinstance(got, fp.PositionReport)
    assert abs(got.lat - lat) <= 5e-6 and abs(got.lon - lon) <= 5e-6
    assert (got.sender, got.number, got.time, got.battery) == (sender, number, when, battery)


@given(calls, st.integers(0, 65535), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
def test_fuzz_sensor_round_trip(sender, number, value, unit) -> None:
    [frame] = fp.encode_sensor(sender, number, "S-1", "level", value, unit, WHEN)
    got = fp.decode(frame)
    assert isinstance(got, fp.SensorReading)
    assert (got.value, got.unit) == (value, unit)


def test_examples_in_the_spec_decode() -> None:
    spec = Path(__file__).resolve().parents[3] / "docs" / "protocols" / "field-payload.md"
    examples = [line for line in spec.read_text().splitlines() if line[:3] in ("T1|", "A1|", "P1|", "S1|")]
    assert len(examples) == 4
    assert not any(isinstance(fp.decode(line.encode()), fp.DecodeError) for line in examples)


@given(st.binary(max_size=300))
def test_escape_by_runs_is_the_byte_by_byte_rule(data: bytes) -> None:
    """Printable ASCII passes except ``%`` and ``|``; every other byte is ``%XX`` (upper case)."""
    expected = "".join(chr(b) if 0x20 <= b <= 0x7E and b not in (0x25, 0x7C) else f"%{b:02X}" for b in data)
    assert fp.escape(data) == expected
