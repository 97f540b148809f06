"""The bulk-receive fast paths agree with the reference parsers they shortcut.

``telemetry.position_row`` / ``sensor_row`` / ``text_fragment`` stand in for
``field_payload.decode``, and
``reyax_at.RCV`` (through ``Inbound``) for ``parse_line``, on the hot path. Each must
accept exactly the frames its reference accepts, with the same values; anything it
refuses goes to the reference, which says why. Hypothesis generates valid frames and
then damages them byte by byte, since the interesting cases sit next to valid ones.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.lora.inbound import Inbound
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols import reyax_at as at
from ops_console.hardware.protocols.field_payload.fast import (
    position_row,
    sensor_row,
    text_fragment,
    text_row,
)

calls = st.from_regex(r"[A-Z0-9/-]{1,9}", fullmatch=True)
epochs = st.integers(0, 9_999_999_999)
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def sealed(body: bytes) -> bytes:
    return body + b"*%04X" % fp.crc16(body)


def reference(data: bytes) -> tuple | None:  # type: ignore[type-arg]
    """What decode makes of a frame, in the fast paths' tuple shape (None: not a report)."""
    got = fp.decode(data)
    if isinstance(got, fp.PositionReport):
        return got.sender, got.number, got.lat, got.lon, int(got.time.timestamp()), got.battery
    if isinstance(got, fp.SensorReading):
        return got.sender, got.number, got.sensor, got.kind, got.value, got.unit, int(got.time.timestamp())
    return None


def fast(data: bytes) -> tuple | None:  # type: ignore[type-arg]
    return position_row(data) if data[:3] == b"P1|" else sensor_row(data) if data[:3] == b"S1|" else None


@st.composite
def positions(draw: st.DrawFn) -> bytes:
    lat = draw(st.from_regex(r"-?[0-9]{1,3}\.[0-9]{1,7}", fullmatch=True))
    lon = draw(st.from_regex(r"-?[0-9]{1,3}\.[0-9]{1,7}", fullmatch=True))
    battery = draw(st.sampled_from(["", "0", "87", "100", "101", "999", "00"]))
    number = draw(st.integers(0, 99999))
    return sealed(f"P1|{draw(calls)}|{number}|{lat}|{lon}|{draw(epochs)}|{battery}".encode())


@st.composite
def sensors(draw: st.DrawFn) -> bytes:
    token = st.from_regex(r"[A-Za-z0-9_.-]{1,16}", fullmatch=True)
    value = draw(st.from_regex(r"-?[0-9]{1,3}(\.[0-9]{1,4})?([eE][-+]?[0-9]{1,3})?", fullmatch=True))
    unit = fp.escape(draw(st.text(max_size=6)).encode())
    return sealed(
        f"S1|{draw(calls)}|{draw(st.integers(0, 99999))}|{draw(token)}|{draw(token)}|{value}|{unit}|"
        f"{draw(epochs)}".encode()
    )


@given(st.one_of(positions(), sensors()))
def test_fast_paths_decode_valid_reports_like_decode(frame: bytes) -> None:
    assert fast(frame) == reference(frame)


@given(st.one_of(positions(), sensors()), st.data())
def test_fast_paths_refuse_what_decode_refuses(frame: bytes, data: st.DataObject) -> None:
    at_ = data.draw(st.integers(0, len(frame) - 1))
    byte = data.draw(st.integers(0, 255))
    damaged = frame[:at_] + bytes([byte]) + frame[at_ + 1 :]
    resealed = sealed(damaged[:-5])  # the same damage behind a good CRC: the field checks must catch it
    for candidate in (damaged, resealed):
        assert fast(candidate) == reference(candidate)


def test_fast_paths_on_the_spec_examples_and_edges() -> None:
    assert position_row(b"P1|MEDIC2|13|47.37691|8.54170|1714566605|87*3CE8") == (
        "MEDIC2",
        13,
        47.37691,
        8.5417,
        1714566605,
        87,
    )
    assert sensor_row(b"S1|RG1|4|RG1-lvl|water_level|2.31|m|1714566605*C8FC") == (
        "RG1",
        4,
        "RG1-lvl",
        "water_level",
        2.31,
        "m",
        1714566605,
    )
    assert position_row(b"P1|MEDIC2|13|47.37691|8.54170|1714566605|87*3ce8") is not None  # lower-case CRC
    for refused in (
        sealed(b"P1|A|65536|1.0|2.0|1|"),
        sealed(b"P1|A|1|90.5|2.0|1|"),
        sealed(b"P1|A|1|1.0|2.0|1|101"),
        sealed(b"S1|A|1|s|k|1e999|m|1"),
        b"P1|MEDIC2|13|47.37691|8.54170|1714566605|87*3CE9",
    ):
        assert fast(refused) is None and isinstance(fp.decode(refused), fp.DecodeError)
    assert sensor_row(sealed(b"S1|A|1|s|k|5|%C2%B0C|1")) == ("A", 1, "s", "k", 5.0, "°C", 1)


def slow_frames(chunk: bytes) -> list[RawFrame]:
    """What Inbound made of every line before the fast path: parse_line, line by line."""
    out = []
    for line in at.LineFramer().feed(chunk):
        resp = at.parse_line(line)
        if isinstance(resp, at.Received):
            out.append(RawFrame(line, NOW, "l", resp.address, resp.data, resp.rssi, resp.snr))
        elif isinstance(resp, at.Unparsed):
            out.append(RawFrame(line, NOW, "l", error=resp.reason))
    return out


rcv_parts = st.tuples(
    st.integers(0, 99999),
    st.binary(max_size=40).filter(lambda d: b"\n" not in d),
    st.integers(-2, 2),
    st.sampled_from([b"-80", b"+5", b"7", b"-", b"1234567", b"x"]),
    st.sampled_from([b"3", b"-12", b"", b"0,1"]),
)


@given(st.lists(rcv_parts, min_size=1, max_size=8), st.sampled_from([b"\r\n", b"\n"]))
def test_inbound_fast_path_makes_the_frames_parse_line_makes(lines, end: bytes) -> None:
    chunk = b"".join(
        b"+RCV=%d,%d,%s,%s,%s" % (addr, max(0, len(data) + skew), data, rssi, snr) + end
        for addr, data, skew, rssi, snr in lines
    )
    inbound = Inbound("l", lambda kind, message: None)
    assert inbound.feed(chunk, NOW, lambda *_: None) == slow_frames(chunk)


@st.composite
def text_frames(draw: st.DrawFn) -> bytes:
    frames = fp.encode_text(
        draw(calls),
        draw(calls),
        draw(st.integers(0, 65535)),
        draw(st.sampled_from(list(fp.Precedence))),
        draw(st.text(max_size=80)),
        limit=draw(st.integers(48, 240)),
    )
    return draw(st.sampled_from(frames))


def text_reference(data: bytes) -> fp.TextFragment | None:
    got = fp.decode(data)
    return got if isinstance(got, fp.TextFragment) else None


@given(text_frames())
def test_text_fast_path_decodes_valid_fragments_like_decode(frame: bytes) -> None:
    assert text_fragment(frame) == text_reference(frame) is not None
    sender, number, recipient, precedence, index, total, body, whole = text_row(frame)  # type: ignore[misc]
    ref = text_reference(frame)
    assert (sender, number, recipient, precedence, index, total, body) == (
        ref.sender,  # type: ignore[union-attr]
        ref.number,  # type: ignore[union-attr]
        ref.recipient,  # type: ignore[union-attr]
        ref.precedence.value,  # type: ignore[union-attr]
        ref.index,  # type: ignore[union-attr]
        ref.total,  # type: ignore[union-attr]
        ref.body,  # type: ignore[union-attr]
    )
    # the text of a message whole in one frame, as the reassembler would give it
    assert whole == (body.decode("utf-8", "replace") if total == 1 else None)
    # nothing in it the garbage collector tracks: the tuple is untracked at its first collection
    assert not any(gc.is_tracked(value) for value in text_row(frame))  # type: ignore[union-attr]


@given(text_frames(), st.data())
def test_text_fast_path_refuses_what_decode_refuses(frame: bytes, data: st.DataObject) -> None:
    at_ = data.draw(st.integers(0, len(frame) - 1))
    byte = data.draw(st.integers(0, 255))
    damaged = frame[:at_] + bytes([byte]) + frame[at_ + 1 :]
    for candidate in (damaged, sealed(damaged[:-5])):
        assert text_fragment(candidate) == text_reference(candidate)


def test_text_fast_path_on_the_edges() -> None:
    good = sealed(b"T1|MEDIC2|OPS|13|E|1/2|Water %C3%BC 100%25 up")
    assert text_fragment(good) == fp.TextFragment(
        "MEDIC2", "OPS", 13, fp.Precedence.EMERGENCY, 1, 2, "Water ü 100% up".encode()
    )
    assert text_fragment(good[:-4] + good[-4:].lower()) == text_reference(good[:-4] + good[-4:].lower())
    for body in (
        b"T1|MEDIC2|OPS|13|E|1/2|lower %c3%bc escape",
        b"T1|MEDIC2|OPS|13|E|1/2|a lone % sign",
        b"T1|MEDIC2|OPS|13|E|1/2|one|field too many",
        b"T1|MEDIC2|OPS|65536|R|1/1|number too big",
        b"T1|MEDIC2|OPS|13|R|0/1|fragment 0",
        b"T1|MEDIC2|OPS|13|R|3/2|fragment after the last",
        b"T1|MEDIC2|OPS|13|X|1/1|no such precedence",
        b"T1|medic2|OPS|13|R|1/1|lower-case call",
        b"T1|MEDIC2|OPS|13|R|1/1|DEL \x7f",
        b"T1|MEDIC2|OPS|13|R|1/1|tab \t",
    ):
        assert text_fragment(sealed(body)) is None and text_reference(sealed(body)) is None, body
    assert text_fragment(sealed(b"T1|MEDIC2|OPS|13|R|1/1|")) == text_reference(
        sealed(b"T1|MEDIC2|OPS|13|R|1/1|")
    )
    assert text_fragment(good[:-1] + b"G") is None and text_fragment(good + b"\r") is None
