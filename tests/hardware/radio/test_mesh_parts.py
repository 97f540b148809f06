"""Texts longer than one Meshtastic packet: the split (UTF-8 never cut inside a character,
a header other apps show readably) and the collector that puts parts back together or
hands back what arrived when a part never does. Pure functions, so hypothesis drives them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.mesh import parts
from ops_console.hardware.mesh.types import DATA_PAYLOAD_LEN

CHINESE_600 = "河水在人行桥处上涨，请派沙袋和两名队员到学校。" * 9  # 9 x 69 bytes = 621 bytes


def test_a_600_byte_chinese_text_goes_in_three_readable_parts() -> None:
    assert len(CHINESE_600.encode()) > 600
    payloads = parts.split(CHINESE_600)
    assert len(payloads) == 3
    assert [p[:6] for p in payloads] == [b"(1/3) ", b"(2/3) ", b"(3/3) "]
    assert all(len(p) <= DATA_PAYLOAD_LEN for p in payloads)
    pieces = [p[6:].decode("utf-8") for p in payloads]  # each part decodes alone: no character cut
    assert "".join(pieces) == CHINESE_600


def test_a_text_that_fits_goes_as_it_is_and_too_many_parts_are_refused() -> None:
    assert parts.split("x" * 233) == [b"x" * 233]
    assert len(parts.split("x" * 234)) == 2
    with pytest.raises(ValueError, match="at most 8"):
        parts.split("x" * 233 * 9)
    assert parts.parts_needed("x" * 233 * 9) == 10


def test_english_parts_end_at_a_space() -> None:
    text = " ".join(f"word{i}" for i in range(80))
    payloads = parts.split(text)
    assert all(p.endswith(b" ") for p in payloads[:-1])
    assert b"".join(p[6:] for p in payloads).decode() == text


@given(st.text(min_size=0, max_size=1800))
def test_split_then_parse_gives_back_the_text(text: str) -> None:
    try:
        payloads = parts.split(text)
    except ValueError:
        assert parts.parts_needed(text) > parts.MAX_PARTS
        return
    assert all(len(p) <= DATA_PAYLOAD_LEN for p in payloads)
    if len(payloads) == 1:
        assert payloads[0] == text.encode()
        return
    parsed = [parts.parse(p) for p in payloads]
    assert [(i, n) for i, n, _b in parsed] == [(i, len(payloads)) for i in range(1, len(payloads) + 1)]  # type: ignore[misc]
    assert b"".join(b for _i, _n, b in parsed).decode() == text  # type: ignore[misc]
    for _i, _n, body in parsed:  # type: ignore[misc]
        body.decode("utf-8")  # every part alone is whole characters


@pytest.mark.parametrize(
    "payload", [b"(0/3) x", b"(4/3) x", b"(1/1) x", b"(1/3)x", b"hello (1/3) x", b"(1/300) x"]
)
def test_texts_that_are_not_parts(payload: bytes) -> None:
    assert parts.parse(payload) is None


def test_collector_gives_one_number_and_completes() -> None:
    c = parts.PartCollector(timeout=60)
    key = (7, 0xFFFFFFFF, 0)
    assert c.add(key, 2, 3, b"b", 100, 0.0) == 100
    assert c.add(key, 1, 3, b"a", 101, 1.0) == 100
    assert c.add(key, 3, 3, b"c", 102, 2.0) == 100
    assert c.completed == 1 and len(c) == 0 and c.expire(3.0) == []
    assert c.add(key, 3, 3, b"c", 150, 4.0) == 100  # the same part again: the same message
    assert c.repeats == 1


def test_collector_hands_back_what_arrived_after_the_timeout() -> None:
    c = parts.PartCollector(timeout=60)
    key = (7, 9, 0)
    c.add(key, 1, 3, b"a", 100, 0.0)
    c.add(key, 3, 3, b"c", 101, 5.0)
    assert c.expire(59.0) == []
    (gone,) = c.expire(60.0)
    assert (gone.number, gone.missing, gone.parts) == (100, (2,), {1: b"a", 3: b"c"})
    assert b"part 2 of 3 not received" in gone.gap(2)


def test_a_new_message_from_the_same_sender_ends_the_one_before() -> None:
    c = parts.PartCollector(timeout=60)
    key = (7, 9, 0)
    c.add(key, 1, 2, b"first", 100, 0.0)
    assert c.add(key, 1, 2, b"other", 110, 10.0) == 110  # part 1 again, other words: a new message
    (gone,) = c.expire(11.0)
    assert (gone.number, gone.missing) == (100, (2,))
