"""The Meshtastic stream framer on byte strings: frames, the debug log between them, corrupt
lengths, oversized and undecodable frames, frames split across reads, the magic bytes
inside log text; and a hypothesis fuzz that no input loses a frame or a byte."""

from __future__ import annotations

import meshtastic.stream_interface as package_stream
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from meshtastic.protobuf import mesh_pb2

from ops_console.hardware.protocols import meshtastic_stream as ms
from ops_console.said import english


def frame_of(msg: mesh_pb2.FromRadio) -> bytes:
    return ms.encode(msg.SerializeToString())


def accept(payload: bytes) -> bool:
    msg = mesh_pb2.FromRadio()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - protobuf's DecodeError: not a frame
        return False
    return msg.WhichOneof("payload_variant") is not None


def kinds(items: list) -> list[str]:
    return [type(i).__name__ for i in items]


MY_INFO = frame_of(mesh_pb2.FromRadio(my_info=mesh_pb2.MyNodeInfo(my_node_num=0xC0FFEE01)))
DONE = frame_of(mesh_pb2.FromRadio(config_complete_id=42))


def test_constants_match_the_package() -> None:
    assert (ms.START1, ms.START2, ms.HEADER_LEN, ms.MAX_PAYLOAD) == (
        package_stream.START1,
        package_stream.START2,
        package_stream.HEADER_LEN,
        package_stream.MAX_TO_FROM_RADIO_SIZE,
    )


def test_encode_header_is_big_endian_length() -> None:
    assert ms.encode(b"x" * 300)[:4] == b"\x94\xc3\x01\x2c"
    with pytest.raises(ValueError, match="at most 512"):
        ms.encode(b"x" * 513)


def test_frames_between_debug_text() -> None:
    f = ms.StreamFramer(accept)
    items = f.feed(b"DEBUG | boot\r\n" + MY_INFO + b"INFO | hello\r\n" + DONE)
    assert kinds(items) == ["Noise", "Frame", "Noise", "Frame"]
    assert items[1].raw == MY_INFO and items[3].payload == DONE[4:]
    assert items[0].data == b"DEBUG | boot\r\n"


def test_frame_split_across_reads_at_every_byte() -> None:
    blob = MY_INFO + b"log\n" + DONE
    for cut in range(1, len(blob)):
        f = ms.StreamFramer(accept)
        items = f.feed(blob[:cut]) + f.feed(blob[cut:])
        assert [i.raw for i in items if isinstance(i, ms.Frame)] == [MY_INFO, DONE], cut
        assert f.pending == 0


def test_corrupt_length_is_rejected_and_the_next_frame_found() -> None:
    f = ms.StreamFramer(accept)
    items = f.feed(b"\x94\xc3\xff\xff" + b"junk" + MY_INFO)
    assert kinds(items)[0] == "Rejected" and "corrupt length 65535" in english(items[0].reason)
    assert [i.raw for i in items if isinstance(i, ms.Frame)] == [MY_INFO]


def test_oversized_frame_513_is_not_waited_for() -> None:
    f = ms.StreamFramer(accept)
    items = f.feed(b"\x94\xc3\x02\x01" + b"z" * 20 + DONE)
    assert any(isinstance(i, ms.Rejected) for i in items)
    assert [i.raw for i in items if isinstance(i, ms.Frame)] == [DONE]
    assert f.pending == 0


def test_undecodable_protobuf_is_rejected_not_fatal() -> None:
    bad = ms.encode(b"\xff\xff\xff\xff\xff")  # a field header with no end: protobuf refuses it
    f = ms.StreamFramer(accept)
    items = f.feed(bad + DONE)
    assert kinds(items)[0] == "Rejected" and english(items[0].reason) == "payload does not decode"
    assert [i.raw for i in items if isinstance(i, ms.Frame)] == [DONE]


def test_magic_bytes_in_log_text_do_not_swallow_a_real_frame() -> None:
    """The log line claims 16 bytes; they hold the start of a real frame, which is still found."""
    line = b"DEBUG | stray \x94\xc3\x00\x10 in the log\r\n"
    f = ms.StreamFramer(accept)
    items = f.feed(line[:20]) + f.feed(line[20:] + MY_INFO + DONE)
    assert [i.raw for i in items if isinstance(i, ms.Frame)] == [MY_INFO, DONE]
    assert b"".join(i.data for i in items if isinstance(i, ms.Noise)) == line


def test_reset_drops_an_unfinished_frame() -> None:
    f = ms.StreamFramer(accept)
    assert f.feed(MY_INFO[:7]) == []
    assert f.reset() == MY_INFO[:7]
    assert [type(i) for i in f.feed(DONE)] == [ms.Frame]


chunks = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.sampled_from([MY_INFO, DONE, b"\x94", b"\xc3", b"\x94\xc3", b"\x94\xc3\x00", b"\x94\xc3\xff\xff"]),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(pieces=chunks, cuts=st.lists(st.integers(0, 2000), max_size=8))
def test_fuzz_every_byte_comes_out_once_and_whole_frames_survive(
    pieces: list[bytes], cuts: list[int]
) -> None:
    """Noise and frames together are exactly the stream (nothing lost, nothing twice),
    whatever the read boundaries; frames placed after plain text all come out."""
    blob = b"".join(pieces)
    f = ms.StreamFramer(accept)
    items: list = []
    start = 0
    for cut in sorted({min(c, len(blob)) for c in cuts}):
        items += f.feed(blob[start:cut])
        start = cut
    items += f.feed(blob[start:])
    out = b"".join(
        i.raw if isinstance(i, ms.Frame) else i.data for i in items if not isinstance(i, ms.Rejected)
    )
    assert out + f.reset() == blob
    for item in items:
        if isinstance(item, ms.Frame):
            assert item.raw[:2] == ms.MAGIC and len(item.payload) <= ms.MAX_PAYLOAD and accept(item.payload)


@settings(max_examples=200, deadline=None)
@given(noise=st.binary(max_size=60).filter(lambda b: b"\x94" not in b))
def test_fuzz_frames_after_noise_free_of_the_magic_are_all_found(noise: bytes) -> None:
    f = ms.StreamFramer(accept)
    items = f.feed(noise + MY_INFO + noise + DONE)
    assert [i.raw for i in items if isinstance(i, ms.Frame)] == [MY_INFO, DONE]
