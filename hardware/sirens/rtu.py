"""Modbus RTU frame arithmetic for the siren bus: CRC-16, building frames, naming bad ones.

Pure functions shared by the simulator (which builds every byte it sends) and the driver
(which, when pymodbus gives up on a reply, looks at the bytes that did arrive to say *why*:
nothing at all, a CRC error, a reply cut short, or a reply from another unit). pymodbus
reports all of these as one "no response received"; an operator needs to know which.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

READ_HOLDING, READ_INPUT, WRITE_MULTIPLE = 0x03, 0x04, 0x10
EXCEPTION_FLAG = 0x80
MIN_FRAME = 4  # unit, function, two CRC bytes


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_TABLE = _crc_table()


def crc16(data: bytes) -> int:
    """Modbus CRC-16 (poly 0xA001 reflected, start 0xFFFF); sent low byte first."""
    crc = 0xFFFF
    for byte in data:
        crc = (crc >> 8) ^ _TABLE[(crc ^ byte) & 0xFF]
    return crc


def with_crc(body: bytes) -> bytes:
    """``body`` (unit, function, data) followed by its CRC, low byte first."""
    return body + crc16(body).to_bytes(2, "little")


def crc_ok(frame: bytes) -> bool:
    """True when the last two bytes of ``frame`` are the CRC of the rest."""
    return len(frame) >= MIN_FRAME and crc16(frame[:-2]) == int.from_bytes(frame[-2:], "little")


# -- frames the simulator sends (and tests build) ----------------------------------------------


def read_reply(unit: int, function: int, values: list[int]) -> bytes:
    """Reply to 0x03/0x04: byte count then the registers, big-endian."""
    data = b"".join(v.to_bytes(2, "big") for v in values)
    return with_crc(bytes((unit, function, len(data))) + data)


def write_reply(unit: int, address: int, count: int) -> bytes:
    """Reply to 0x10: the start address and quantity echoed."""
    return with_crc(bytes((unit, WRITE_MULTIPLE)) + address.to_bytes(2, "big") + count.to_bytes(2, "big"))


def exception_reply(unit: int, function: int, code: int) -> bytes:
    """An exception response: function with the high bit set, then the code."""
    return with_crc(bytes((unit, function | EXCEPTION_FLAG, code)))


def read_request(unit: int, function: int, address: int, count: int) -> bytes:
    return with_crc(bytes((unit, function)) + address.to_bytes(2, "big") + count.to_bytes(2, "big"))


def write_request(unit: int, address: int, values: list[int]) -> bytes:
    data = b"".join(v.to_bytes(2, "big") for v in values)
    head = bytes((unit, WRITE_MULTIPLE)) + address.to_bytes(2, "big") + len(values).to_bytes(2, "big")
    return with_crc(head + bytes((len(data),)) + data)


@dataclass(frozen=True)
class Request:
    """A request as a slave sees it, after its CRC checked out."""

    unit: int
    function: int
    address: int = 0
    count: int = 0
    values: tuple[int, ...] = ()


def parse_request(frame: bytes) -> Request | None:
    """A request frame (delimited by silence) or None when its CRC or shape is wrong.

    A real slave stays silent on a bad frame, so there is nothing to say about it here.
    Function codes the profile does not use come back with no address (the slave answers
    "illegal function").
    """
    if not crc_ok(frame):
        return None
    unit, function, body = frame[0], frame[1], frame[2:-2]
    if function in (READ_HOLDING, READ_INPUT):
        if len(body) != 4:
            return None
        return Request(unit, function, int.from_bytes(body[:2], "big"), int.from_bytes(body[2:], "big"))
    if function == WRITE_MULTIPLE:
        if len(body) < 5 or body[4] != len(body) - 5 or body[4] % 2:
            return None
        count = int.from_bytes(body[2:4], "big")
        values = tuple(int.from_bytes(body[i : i + 2], "big") for i in range(5, len(body), 2))
        return Request(unit, function, int.from_bytes(body[:2], "big"), count, values)
    return Request(unit, function)


# -- what went wrong with a reply ----------------------------------------------------------------


class ReplyProblem(Enum):
    NO_ANSWER = "no answer"
    CRC = "CRC error"
    TRUNCATED = "truncated reply"
    WRONG_UNIT = "reply from the wrong unit"
    GARBLED = "unreadable reply"


def expected_length(function: int, count: int) -> int:
    """Length of a good reply to ``function`` (reads: 5 + 2 per register; 0x10: 8)."""
    if function in (READ_HOLDING, READ_INPUT):
        return 5 + 2 * count
    return 8


def diagnose_reply(heard: bytes, unit: int, function: int, count: int) -> tuple[ReplyProblem, int | None]:
    """Why ``heard`` (all bytes that came back for one request) is not a usable reply.

    Returns the problem and, for WRONG_UNIT, the unit id that answered.
    """
    if not heard:
        return ReplyProblem.NO_ANSWER, None
    if heard[0] != unit:
        if len(heard) >= 2 and _frame_with_valid_crc(heard):
            return ReplyProblem.WRONG_UNIT, heard[0]
        return ReplyProblem.GARBLED, None
    want = (
        5 if len(heard) >= 2 and heard[1] == function | EXCEPTION_FLAG else expected_length(function, count)
    )
    if len(heard) < want:
        return ReplyProblem.TRUNCATED, None
    if not crc_ok(heard[:want]):
        return ReplyProblem.CRC, None
    return ReplyProblem.GARBLED, None


def frame_length(data: bytes) -> int:
    """Length of the whole reply frame with a good CRC at the start of ``data`` (0: none).

    The length follows from the header as a master reads it: an exception is 5 bytes, a
    read reply 5 + its byte count, a 0x10 echo 8."""
    if len(data) < MIN_FRAME:
        return 0
    function = data[1]
    if function & EXCEPTION_FLAG:
        size = 5
    elif function in (READ_HOLDING, READ_INPUT):
        size = 5 + data[2]
    elif function == WRITE_MULTIPLE:
        size = 8
    else:
        return 0
    return size if len(data) >= size and crc_ok(data[:size]) else 0


def _frame_with_valid_crc(data: bytes) -> bool:
    """True when some prefix of ``data`` is a whole frame with a good CRC."""
    return any(crc_ok(data[:end]) for end in range(MIN_FRAME, len(data) + 1))
