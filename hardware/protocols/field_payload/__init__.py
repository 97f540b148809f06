"""Field payload v1: what field terminals and sensor nodes put in the AT+SEND data field.

The format is specified in docs/protocols/field-payload.md. In short, one frame is
``<K>1|field|field|...*CRC`` with K in T (text fragment), A (ack), P (position),
S (sensor), and CRC the CRC-16/CCITT-FALSE of everything before ``*`` in 4 hex digits.
It is printable ASCII so it survives the text-based AT interface and can be typed or read
by a person on a serial terminal. Pure functions only: ``decode`` never raises.
"""

from __future__ import annotations

import math
import re
from binascii import crc_hqx
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from urllib.parse import unquote_to_bytes

MAX_FRAME = 240
"""Largest frame the RYLR896/RYLR998 carry in one AT+SEND."""
MAX_FRAGMENTS = 99
VERSION = "1"
NO_TRAILER = "no *CRC trailer"
"""The reason ``decode`` gives for data that is not a frame at all (plain text, perhaps)."""


class Precedence(str, Enum):
    """Radiogram precedence; the one-letter value is what goes on the air."""

    EMERGENCY = "E"
    PRIORITY = "P"
    WELFARE = "W"
    ROUTINE = "R"


@dataclass(frozen=True, slots=True)
class TextFragment:
    """Fragment ``index`` of ``total`` (1-based) of a text message; ``body`` is UTF-8 bytes."""

    sender: str
    recipient: str
    number: int
    precedence: Precedence
    index: int
    total: int
    body: bytes


@dataclass(frozen=True, slots=True)
class TextMessage:
    """A whole text message, after reassembly of its fragments."""

    sender: str
    recipient: str
    number: int
    precedence: Precedence
    text: str


@dataclass(frozen=True, slots=True)
class Ack:
    """``sender`` confirms it received message ``number`` from ``recipient``."""

    sender: str
    recipient: str
    number: int


@dataclass(frozen=True, slots=True)
class PositionReport:
    """Where a team is; battery in percent when the terminal knows it."""

    sender: str
    number: int
    lat: float
    lon: float
    time: datetime
    battery: int | None


@dataclass(frozen=True, slots=True)
class SensorReading:
    """One reading from a sensor node (e.g. river gauge ``RG1`` water_level 2.31 m)."""

    sender: str
    number: int
    sensor: str
    kind: str
    value: float
    unit: str
    time: datetime


@dataclass(frozen=True, slots=True)
class DecodeError:
    """Why ``raw`` is not a valid field payload frame."""

    reason: str
    raw: bytes


Decoded = TextFragment | Ack | PositionReport | SensorReading

CALL = re.compile(r"[A-Z0-9/-]{1,9}\Z")
_NUMBER = re.compile(r"\d{1,5}\Z")
_TOKEN = re.compile(r"[A-Za-z0-9_.-]{1,16}\Z")
_DECIMAL = re.compile(r"-?\d{1,3}\.\d{1,7}\Z")
_FLOAT = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?\Z")
_TIME = re.compile(r"\d{1,10}\Z")
_ESCAPED = re.compile(r"(?:[ -$&-{}~]|%[0-9A-F]{2})*\Z")
_PART = re.compile(r"(\d{1,2})/(\d{1,2})\Z")
_UNSAFE_RUN = re.compile(rb"[^\x20-\x24\x26-\x7b\x7d\x7e]+")
"""A run of bytes the escaped form writes as ``%XX``: all but printable ASCII, ``%`` and ``|``."""


def crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): binascii does it in C."""
    return crc_hqx(data, 0xFFFF)


def escape(data: bytes) -> str:
    """Percent-encode everything but printable ASCII; also ``%`` and the separator ``|``.

    Whole runs at a time (``bytes.hex`` with ``%`` between), found by a regex: a Chinese
    text is one run, and a byte-by-byte join took 40 us for a 200-byte text."""
    return _UNSAFE_RUN.sub(_escape_run, data).decode("ascii")


def _escape_run(m: re.Match[bytes]) -> bytes:
    return b"%" + m[0].hex("%").upper().encode("ascii")


# -- the exercise marker ------------------------------------------------------------------

EXERCISE_WORDS = ("EXERCISE", "演习", "演练")
"""A text whose first word is one of these is a drill message (see the spec, "Exercise marker")."""
_EXERCISE_FIRST = frozenset(
    {w[0] for w in EXERCISE_WORDS} | {w[0].lower() for w in EXERCISE_WORDS if w.isascii()}
)


def exercise_marked(text: str) -> bool:
    """Does this message text say it is a drill? Its first word (after any spaces or line
    breaks, any case) is EXERCISE (or 演习 / 演练), as radio operators open drill traffic
    ("EXERCISE EXERCISE EXERCISE ..."). ``EXERCISED`` or ``EXERCISES`` do not count: the
    word must end there. Pure and total: any string in, a bool out, never an exception.
    A console hearing such a text on a real radio stores it as exercise; any other text
    heard on a real radio is live, whatever mode the console is in."""
    start = text.lstrip()
    if start[:1] not in _EXERCISE_FIRST:  # nearly every text: one look, not one per word
        return False
    for word in EXERCISE_WORDS:
        head = start[: len(word)]
        if not word.isascii():  # no spaces between words in Chinese: the word itself is enough
            if head == word:
                return True
            continue
        if head.isascii() and head.upper() == word:  # ASCII only: "exercıse" (dotless i) is not the word
            after = start[len(word) : len(word) + 1]
            return not (after.isalnum() or after == "_")
    return False


# -- encoders ----------------------------------------------------------------------------


def encode_text(
    sender: str, recipient: str, number: int, precedence: Precedence, text: str, limit: int = MAX_FRAME
) -> list[bytes]:
    """Frames for a text message, split into as many fragments as ``limit`` requires."""
    _check_call(sender)
    _check_call(recipient)
    _check_number(number)
    prefix = f"T{VERSION}|{sender}|{recipient}|{number}|{Precedence(precedence).value}|"
    escaped = escape(text.encode("utf-8"))
    for digits in (1, 2):
        room = limit - len(prefix) - (2 * digits + 2) - 5
        if room < 3:
            raise ValueError(f"a frame limit of {limit} bytes leaves no room for text")
        chunks = _split_escaped(escaped, room)
        if len(chunks) < 10**digits:
            break
    if len(chunks) > MAX_FRAGMENTS:
        raise ValueError(f"text too long: it needs {len(chunks)} fragments, at most {MAX_FRAGMENTS}")
    n = len(chunks)
    return [_seal(f"{prefix}{i}/{n}|{chunk}") for i, chunk in enumerate(chunks, 1)]


def encode_ack(sender: str, recipient: str, number: int) -> list[bytes]:
    """Frame acknowledging message ``number`` that ``recipient`` sent to ``sender``."""
    _check_call(sender)
    _check_call(recipient)
    _check_number(number)
    return [_seal(f"A{VERSION}|{sender}|{recipient}|{number}")]


def encode_position(
    sender: str, number: int, lat: float, lon: float, time: datetime, battery: int | None = None
) -> list[bytes]:
    """Frame for a position report; lat/lon go out with 5 decimals (about 1 m)."""
    _check_call(sender)
    _check_number(number)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"position {lat}, {lon} is not on Earth")
    if battery is not None and not 0 <= battery <= 100:
        raise ValueError(f"battery {battery} is not a percentage")
    batt = "" if battery is None else str(battery)
    return [_seal(f"P{VERSION}|{sender}|{number}|{lat:.5f}|{lon:.5f}|{_epoch(time)}|{batt}")]


def encode_sensor(
    sender: str, number: int, sensor: str, kind: str, value: float, unit: str, time: datetime
) -> list[bytes]:
    """Frame for one sensor reading; ``value`` keeps full float precision."""
    _check_call(sender)
    _check_number(number)
    if not (_TOKEN.match(sensor) and _TOKEN.match(kind)):
        raise ValueError("sensor id and kind must be 1-16 of A-Z a-z 0-9 _ . -")
    if not math.isfinite(value):
        raise ValueError("a sensor value must be a finite number")
    body = f"S{VERSION}|{sender}|{number}|{sensor}|{kind}|{float(value)!r}|{escape(unit.encode())}|{_epoch(time)}"
    return [_seal(body)]


def _seal(body: str) -> bytes:
    raw = body.encode("ascii")
    return raw + b"*%04X" % crc16(raw)


def _split_escaped(escaped: str, room: int) -> list[str]:
    """Cut into pieces of at most ``room`` characters, never inside a %XX escape."""
    chunks, start = [], 0
    while start < len(escaped):
        end = min(start + room, len(escaped))
        cut = escaped.rfind("%", max(start, end - 2), end)
        if cut != -1 and cut + 3 > end and end < len(escaped):
            end = cut
        chunks.append(escaped[start:end])
        start = end
    return chunks or [""]


def _check_call(call: str) -> None:
    if not isinstance(call, str) or not CALL.match(call):
        raise ValueError(f"call sign {call!r} must be 1-9 of A-Z 0-9 / -")


def _check_number(number: int) -> None:
    if not isinstance(number, int) or not 0 <= number <= 65535:
        raise ValueError(f"message number {number!r} is outside 0..65535")


def _epoch(time: datetime) -> int:
    if time.tzinfo is None:
        raise ValueError("times must be timezone-aware (UTC on the air)")
    return int(time.timestamp())


# -- decoder -----------------------------------------------------------------------------


def decode(data: bytes) -> Decoded | DecodeError:
    """Decode one frame. Never raises: anything wrong comes back as ``DecodeError``."""
    if len(data) < 8 or data[-5:-4] != b"*":
        return DecodeError(NO_TRAILER, data)
    body, crc = data[:-5], data[-4:]
    if not all(c in b"0123456789ABCDEFabcdef" for c in crc):
        return DecodeError("CRC is not 4 hex digits", data)
    if int(crc, 16) != crc16(body):
        return DecodeError("CRC mismatch (frame corrupted)", data)
    if not body.isascii():
        return DecodeError("frame is not ASCII", data)
    fields = body.decode("ascii").split("|")
    parser = _PARSERS.get(fields[0])
    if parser is None:
        return DecodeError(f"unknown frame kind or version {fields[0][:8]!r}", data)
    try:
        return parser(fields[1:], data)
    except (ValueError, OverflowError, OSError) as exc:
        return DecodeError(f"bad field: {exc}", data)


def _fields(fields: list[str], count: int, raw: bytes) -> DecodeError | None:
    if len(fields) != count:
        return DecodeError(f"expected {count} fields, got {len(fields)}", raw)
    return None


def _calls_ok(*calls: str) -> bool:
    return all(CALL.match(c) for c in calls)


def _decode_text(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 6, raw)
    if bad:
        return bad
    sender, recipient, number, prec, part, text = f
    m = _PART.match(part)
    if not (_calls_ok(sender, recipient) and _NUMBER.match(number) and m):
        return DecodeError("bad call sign, number or fragment i/n", raw)
    index, total = int(m[1]), int(m[2])
    if not 1 <= index <= total or int(number) > 65535 or prec not in "EPWR" or len(prec) != 1:
        return DecodeError("fragment, number or precedence out of range", raw)
    if not _ESCAPED.match(text):
        return DecodeError("text has a bad %-escape or a raw reserved character", raw)
    return TextFragment(
        sender, recipient, int(number), Precedence(prec), index, total, unquote_to_bytes(text)
    )


def _decode_ack(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 3, raw)
    if bad:
        return bad
    if not (_calls_ok(f[0], f[1]) and _NUMBER.match(f[2]) and int(f[2]) <= 65535):
        return DecodeError("bad call sign or number in ack", raw)
    return Ack(f[0], f[1], int(f[2]))


def _decode_position(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 6, raw)
    if bad:
        return bad
    sender, number, lat, lon, time, batt = f
    if not (_calls_ok(sender) and _NUMBER.match(number) and int(number) <= 65535):
        return DecodeError("bad call sign or number in position", raw)
    if not (_DECIMAL.match(lat) and _DECIMAL.match(lon) and _TIME.match(time)):
        return DecodeError("bad latitude, longitude or time", raw)
    la, lo = float(lat), float(lon)
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        return DecodeError("position out of range", raw)
    if batt and not (batt.isdigit() and len(batt) <= 3 and int(batt) <= 100):
        return DecodeError("battery is not a percentage", raw)
    when = datetime.fromtimestamp(int(time), UTC)
    return PositionReport(sender, int(number), la, lo, when, int(batt) if batt else None)


def _decode_sensor(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 7, raw)
    if bad:
        return bad
    sender, number, sensor, kind, value, unit, time = f
    if not (_calls_ok(sender) and _NUMBER.match(number) and int(number) <= 65535):
        return DecodeError("bad call sign or number in sensor reading", raw)
    if not (_TOKEN.match(sensor) and _TOKEN.match(kind) and _FLOAT.match(value)):
        return DecodeError("bad sensor id, kind or value", raw)
    if not (_ESCAPED.match(unit) and _TIME.match(time)):
        return DecodeError("bad unit or time", raw)
    val = float(value)
    if not math.isfinite(val):
        return DecodeError("sensor value is not finite", raw)
    unit_text = unquote_to_bytes(unit).decode("utf-8", "replace")
    when = datetime.fromtimestamp(int(time), UTC)
    return SensorReading(sender, int(number), sensor, kind, val, unit_text, when)


_PARSERS = {
    f"T{VERSION}": _decode_text,
    f"A{VERSION}": _decode_ack,
    f"P{VERSION}": _decode_position,
    f"S{VERSION}": _decode_sensor,
}
