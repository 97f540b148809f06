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

from ops_console.known_error import OpsError
from ops_console.said import N_, said

MAX_FRAME = 240
"""Largest frame the RYLR896/RYLR998 carry in one AT+SEND."""
MAX_FRAGMENTS = 99
VERSION = "1"
NO_TRAILER = said(N_("no *CRC trailer"))
"""The reason ``decode`` gives for data that is not a frame at all (plain text, perhaps).

Every reason is a stored sentence (ops_console/said.py): a raw row keeps it in no language
and the reader sees it in theirs; the fixed ones are made once, here and below."""


class PayloadRefused(OpsError, ValueError):
    """A frame we refuse to build; ``str()`` says why in the reader's language (a stored
    sentence, ops_console/said.py; ``.english`` for a log line)."""


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
            raise PayloadRefused(
                said(N_("a frame limit of {limit} bytes leaves no room for text"), limit=limit)
            )
        chunks = _split_escaped(escaped, room)
        if len(chunks) < 10**digits:
            break
    if len(chunks) > MAX_FRAGMENTS:
        raise PayloadRefused(
            said(
                N_("text too long: it needs {count} fragments, at most {most}"),
                count=len(chunks),
                most=MAX_FRAGMENTS,
            )
        )
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
        raise PayloadRefused(said(N_("position {lat}, {lon} is not on Earth"), lat=lat, lon=lon))
    if battery is not None and not 0 <= battery <= 100:
        raise PayloadRefused(said(N_("battery {battery} is not a percentage"), battery=battery))
    batt = "" if battery is None else str(battery)
    return [_seal(f"P{VERSION}|{sender}|{number}|{lat:.5f}|{lon:.5f}|{_epoch(time)}|{batt}")]


def encode_sensor(
    sender: str, number: int, sensor: str, kind: str, value: float, unit: str, time: datetime
) -> list[bytes]:
    """Frame for one sensor reading; ``value`` keeps full float precision."""
    _check_call(sender)
    _check_number(number)
    if not (_TOKEN.match(sensor) and _TOKEN.match(kind)):
        raise PayloadRefused(said(N_("sensor id and kind must be 1-16 of A-Z a-z 0-9 _ . -")))
    if not math.isfinite(value):
        raise PayloadRefused(said(N_("a sensor value must be a finite number")))
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
        raise PayloadRefused(said(N_("call sign {call} must be 1-9 of A-Z 0-9 / -"), call=repr(call)))


def _check_number(number: int) -> None:
    if not isinstance(number, int) or not 0 <= number <= 65535:
        raise PayloadRefused(said(N_("message number {number} is outside 0..65535"), number=repr(number)))


def _epoch(time: datetime) -> int:
    if time.tzinfo is None:
        raise PayloadRefused(said(N_("times must be timezone-aware (UTC on the air)")))
    return int(time.timestamp())


# -- decoder -----------------------------------------------------------------------------

_CRC_NOT_HEX = said(N_("CRC is not 4 hex digits"))
_CRC_MISMATCH = said(N_("CRC mismatch (frame corrupted)"))
_FRAME_IS_NOT_ASCII = said(N_("frame is not ASCII"))
_BAD_CALL_IN_TEXT = said(N_("bad call sign, number or fragment i/n"))
_PART_OUT_OF_RANGE = said(N_("fragment, number or precedence out of range"))
_BAD_ESCAPE = said(N_("text has a bad %-escape or a raw reserved character"))
_BAD_CALL_IN_ACK = said(N_("bad call sign or number in ack"))
_BAD_CALL_IN_POSITION = said(N_("bad call sign or number in position"))
_BAD_LATITUDE_LONGITUDE_OR_TIME = said(N_("bad latitude, longitude or time"))
_POSITION_OUT_OF_RANGE = said(N_("position out of range"))
_BATTERY_IS_NOT_A_PERCENTAGE = said(N_("battery is not a percentage"))
_BAD_CALL_IN_SENSOR = said(N_("bad call sign or number in sensor reading"))
_BAD_SENSOR_ID_KIND_OR_VALUE = said(N_("bad sensor id, kind or value"))
_BAD_UNIT_OR_TIME = said(N_("bad unit or time"))
_SENSOR_VALUE_IS_NOT_FINITE = said(N_("sensor value is not finite"))


def decode(data: bytes) -> Decoded | DecodeError:
    """Decode one frame. Never raises: anything wrong comes back as ``DecodeError``."""
    if len(data) < 8 or data[-5:-4] != b"*":
        return DecodeError(NO_TRAILER, data)
    body, crc = data[:-5], data[-4:]
    if not all(c in b"0123456789ABCDEFabcdef" for c in crc):
        return DecodeError(_CRC_NOT_HEX, data)
    if int(crc, 16) != crc16(body):
        return DecodeError(_CRC_MISMATCH, data)
    if not body.isascii():
        return DecodeError(_FRAME_IS_NOT_ASCII, data)
    fields = body.decode("ascii").split("|")
    parser = _PARSERS.get(fields[0])
    if parser is None:
        return DecodeError(said(N_("unknown frame kind or version {kind}"), kind=repr(fields[0][:8])), data)
    try:
        return parser(fields[1:], data)
    except (ValueError, OverflowError, OSError) as exc:
        return DecodeError(
            said(N_("bad field: {error}"), error=getattr(exc, "stored", None) or str(exc)), data
        )


def _fields(fields: list[str], count: int, raw: bytes) -> DecodeError | None:
    if len(fields) != count:
        return DecodeError(said(N_("expected {count} fields, got {got}"), count=count, got=len(fields)), raw)
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
        return DecodeError(_BAD_CALL_IN_TEXT, raw)
    index, total = int(m[1]), int(m[2])
    if not 1 <= index <= total or int(number) > 65535 or prec not in "EPWR" or len(prec) != 1:
        return DecodeError(_PART_OUT_OF_RANGE, raw)
    if not _ESCAPED.match(text):
        return DecodeError(_BAD_ESCAPE, raw)
    return TextFragment(
        sender, recipient, int(number), Precedence(prec), index, total, unquote_to_bytes(text)
    )


def _decode_ack(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 3, raw)
    if bad:
        return bad
    if not (_calls_ok(f[0], f[1]) and _NUMBER.match(f[2]) and int(f[2]) <= 65535):
        return DecodeError(_BAD_CALL_IN_ACK, raw)
    return Ack(f[0], f[1], int(f[2]))


def _decode_position(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 6, raw)
    if bad:
        return bad
    sender, number, lat, lon, time, batt = f
    if not (_calls_ok(sender) and _NUMBER.match(number) and int(number) <= 65535):
        return DecodeError(_BAD_CALL_IN_POSITION, raw)
    if not (_DECIMAL.match(lat) and _DECIMAL.match(lon) and _TIME.match(time)):
        return DecodeError(_BAD_LATITUDE_LONGITUDE_OR_TIME, raw)
    la, lo = float(lat), float(lon)
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        return DecodeError(_POSITION_OUT_OF_RANGE, raw)
    if batt and not (batt.isdigit() and len(batt) <= 3 and int(batt) <= 100):
        return DecodeError(_BATTERY_IS_NOT_A_PERCENTAGE, raw)
    when = datetime.fromtimestamp(int(time), UTC)
    return PositionReport(sender, int(number), la, lo, when, int(batt) if batt else None)


def _decode_sensor(f: list[str], raw: bytes) -> Decoded | DecodeError:
    bad = _fields(f, 7, raw)
    if bad:
        return bad
    sender, number, sensor, kind, value, unit, time = f
    if not (_calls_ok(sender) and _NUMBER.match(number) and int(number) <= 65535):
        return DecodeError(_BAD_CALL_IN_SENSOR, raw)
    if not (_TOKEN.match(sensor) and _TOKEN.match(kind) and _FLOAT.match(value)):
        return DecodeError(_BAD_SENSOR_ID_KIND_OR_VALUE, raw)
    if not (_ESCAPED.match(unit) and _TIME.match(time)):
        return DecodeError(_BAD_UNIT_OR_TIME, raw)
    val = float(value)
    if not math.isfinite(val):
        return DecodeError(_SENSOR_VALUE_IS_NOT_FINITE, raw)
    unit_text = unquote_to_bytes(unit).decode("utf-8", "replace")
    when = datetime.fromtimestamp(int(time), UTC)
    return SensorReading(sender, int(number), sensor, kind, val, unit_text, when)


_PARSERS = {
    f"T{VERSION}": _decode_text,
    f"A{VERSION}": _decode_ack,
    f"P{VERSION}": _decode_position,
    f"S{VERSION}": _decode_sensor,
}
