"""RTU frame arithmetic: CRC-16, frames, and naming what is wrong with a reply."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.sirens import rtu
from ops_console.hardware.sirens.rtu import ReplyProblem, diagnose_reply


def test_crc16_matches_the_modbus_reference_frame():
    # "01 03 00 00 00 0A" -> CRC C5 CD (a frame every Modbus tutorial shows)
    assert rtu.with_crc(bytes.fromhex("01 03 00 00 00 0A")).hex(" ") == "01 03 00 00 00 0a c5 cd"
    assert rtu.crc_ok(bytes.fromhex("01 03 00 00 00 0a c5 cd"))
    assert not rtu.crc_ok(bytes.fromhex("01 03 00 00 00 0a c5 ce"))


def test_requests_parse_back():
    read = rtu.parse_request(rtu.read_request(7, rtu.READ_INPUT, 0, 9))
    assert read == rtu.Request(7, rtu.READ_INPUT, 0, 9)
    write = rtu.parse_request(rtu.write_request(3, 0, [1, 101, 180, 5]))
    assert write == rtu.Request(3, rtu.WRITE_MULTIPLE, 0, 4, (1, 101, 180, 5))
    assert rtu.parse_request(rtu.with_crc(bytes((3, 0x06, 0, 0, 0, 1)))) == rtu.Request(3, 0x06)


def test_a_request_with_a_bad_crc_or_shape_is_dropped():
    frame = bytearray(rtu.write_request(3, 0, [1, 2, 3, 4]))
    frame[-1] ^= 1
    assert rtu.parse_request(bytes(frame)) is None
    assert rtu.parse_request(rtu.with_crc(bytes((3, 0x10, 0, 0, 0, 4, 9, 1)))) is None
    assert rtu.parse_request(b"\x01") is None


GOOD = rtu.read_reply(5, rtu.READ_INPUT, [0] * 9)


@pytest.mark.parametrize(
    "heard, problem, replied",
    [
        (b"", ReplyProblem.NO_ANSWER, None),
        (GOOD[:-1] + bytes((GOOD[-1] ^ 0xFF,)), ReplyProblem.CRC, None),
        (GOOD[:12], ReplyProblem.TRUNCATED, None),
        (rtu.with_crc(b"\x06" + GOOD[1:-2]), ReplyProblem.WRONG_UNIT, 6),
        (b"\xff\xfe\xfd", ReplyProblem.GARBLED, None),
        (rtu.exception_reply(5, rtu.READ_INPUT, 2)[:4], ReplyProblem.TRUNCATED, None),
    ],
)
def test_diagnose_names_the_problem(heard, problem, replied):
    assert diagnose_reply(heard, 5, rtu.READ_INPUT, 9) == (problem, replied)


@given(st.binary(max_size=40), st.integers(1, 247), st.sampled_from([3, 4, 16]), st.integers(1, 9))
def test_diagnose_and_parse_never_crash_on_noise(data, unit, function, count):
    problem, _ = diagnose_reply(data, unit, function, count)
    assert isinstance(problem, ReplyProblem)
    rtu.parse_request(data)
