"""REYAX RYLR896/RYLR998 AT command set: a pure line framer, a line parser and encoders.

No I/O here on purpose: the link thread feeds bytes in, and everything that can go wrong
with bytes from a wire (noise, overlong lines, bad UTF-8, lying length fields) is decided
by small functions that are trivial to test and fuzz. See docs/protocols/reyax-at.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ops_console.known_error import OpsError
from ops_console.said import N_, said

MAX_PAYLOAD = 240
"""Largest AT+SEND data field the RYLR896/RYLR998 accept (+ERR=13 beyond it)."""

DEFAULT_MAX_LINE = 512
"""Longest line the framer keeps: a +RCV of 240 data bytes is about 270 bytes."""

MODELS = ("RYLR896", "RYLR998")
"""Modem models whose AT command guides this module follows (docs/protocols/reyax-at.md)."""
DEFAULT_MODEL = "RYLR896"

CPIN_DIGITS: dict[str, int] = {"RYLR896": 32, "RYLR998": 8}
"""Hex digits of the AT+CPIN network password per model. The RYLR89x/RYLR40x guide gives a
32-digit AES128 key (00000000000000000000000000000001..FFFF...F); the RYLR998/RYLR498 guide
of 23-Oct-2023 an 8-digit password (00000001..FFFFFFFF) that a reset clears."""

ON_AIR_OVERHEAD = 8
"""Bytes the REYAX firmware adds to every AT+SEND payload on the air (RYLR89x guide, "the
payload part will increase more 8 bytes than the actual data length"): airtime counts them."""

ERROR_WORDS: dict[int, str] = {
    1: N_('there is no "enter" (CR LF) at the end of the AT command'),
    2: N_('the head of the AT command is not the "AT" string'),
    3: N_('there is no "=" symbol in the AT command'),
    4: N_("unknown command"),
    5: N_("the data to be sent does not match the actual length"),
    10: N_("TX is over time"),
    11: N_("RX is over time"),
    12: N_("CRC error"),
    13: N_("TX data exceeds 240 bytes"),
    14: N_("failed to write flash memory"),
    15: N_("unknown failure"),
    17: N_("last TX was not completed"),
    18: N_("preamble value is not allowed"),
    19: N_("RX failed, header error"),
    20: N_('the time setting of the "smart receiving power saving mode" is not allowed'),
}
"""+ERR codes in the words of the guides: 3 and 11 from the RYLR89x/RYLR40x guide only,
5, 14 and 17-20 from the RYLR998/RYLR498 guide only, the rest from both."""

BUSY_ERRORS = frozenset({10, 15, 17})
"""+ERR codes that mean "the radio is still busy" (17: the last transmission is not
finished; 10 and 15 are what older firmware answers then): wait out the previous frame's
airtime, then try again."""

BANDWIDTH_CODES: dict[int, int] = {
    7800: 0,
    10400: 1,
    15600: 2,
    20800: 3,
    31250: 4,
    41700: 5,
    62500: 6,
    125000: 7,
    250000: 8,
    500000: 9,
}
"""AT+PARAMETER bandwidth code for each bandwidth in Hz."""


class CommandError(OpsError, ValueError):
    """An AT command we refuse to build; the message says why (shown to the operator).

    Raised with a stored sentence (ops_console/said.py): ``str()`` reads in the language of
    the console that shows it, ``.english`` is for a log line."""


# -- framing -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overlong:
    """A piece of a line longer than the framer allows; carries the raw bytes so none are lost."""

    data: bytes
    part: int


class LineFramer:
    """Split a byte stream into lines ending in LF (a CR before it is dropped).

    Memory stays bounded: a line that grows past ``max_line`` bytes is handed out in
    ``Overlong`` pieces of at most ``max_line`` bytes until its LF arrives.
    """

    def __init__(self, max_line: int = DEFAULT_MAX_LINE) -> None:
        if max_line < 1:
            raise ValueError("max_line must be positive")
        self.max_line = max_line
        self._buf = b""
        self._overlong_part = 0

    @property
    def pending(self) -> bytes:
        """Bytes of an unfinished line (useful to hand on when the link closes)."""
        return self._buf

    def feed(self, data: bytes) -> list[bytes | Overlong]:
        """Add bytes; return complete lines (without CR LF) and Overlong pieces, in order."""
        buf = self._buf + data if self._buf else bytes(data)
        # a CR right before LF is part of the line end (a lone CR elsewhere is kept)
        pieces = buf.replace(b"\r\n", b"\n").split(b"\n")
        if not self._overlong_part and max(map(len, pieces)) <= self.max_line:
            self._buf = pieces.pop()  # the common case, in C: no line is too long
            return list(filter(None, pieces))
        self._buf = b""
        out: list[bytes | Overlong] = []
        for line in pieces[:-1]:
            self._emit(line, out, ended=True)
        self._emit(pieces[-1], out, ended=False)
        return out

    def _emit(self, line: bytes, out: list[bytes | Overlong], ended: bool) -> None:
        limit = self.max_line
        if self._overlong_part or len(line) > limit:
            while len(line) > limit:
                self._overlong_part += 1
                out.append(Overlong(line[:limit], self._overlong_part))
                line = line[limit:]
            if ended:
                if line:
                    self._overlong_part += 1
                    out.append(Overlong(line, self._overlong_part))
                self._overlong_part = 0
                return
        if ended:
            if line:
                out.append(line)
        else:
            self._buf = line


# -- responses ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Received:
    """``+RCV=<addr>,<len>,<data>,<rssi>,<snr>``: a frame heard over the air."""

    address: int
    length: int
    data: bytes
    rssi: int
    snr: int


@dataclass(frozen=True, slots=True)
class Ok:
    """``+OK``: the last command succeeded."""


@dataclass(frozen=True, slots=True)
class Error:
    """``+ERR=<code>``: the last command failed (or, unsolicited, a receive error)."""

    code: int
    words: str


@dataclass(frozen=True, slots=True)
class Ready:
    """``+READY``: the modem (re)booted and lost any volatile state."""


@dataclass(frozen=True, slots=True)
class Reply:
    """Any other ``+KEY=value`` or ``+KEY`` answer, e.g. ``+ADDRESS=5`` or ``+RESET``."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A line that is not valid AT output; ``reason`` says what was wrong."""

    raw: bytes
    reason: str


AtResponse = Received | Ok | Error | Ready | Reply | Unparsed

OK = Ok()
READY = Ready()
_NOISE = bytes(range(0x00, 0x20)) + bytes(range(0x7F, 0x100))


def error_words(code: int) -> str:
    """Words for a +ERR code in English, so logs never show a bare number."""
    return ERROR_WORDS.get(code, f"unknown error {code}")


def error_said(code: int) -> str:
    """Words for a +ERR code as a stored sentence (ops_console/said.py): what a person reads,
    in the language of the console that shows it (``error_words`` is its English)."""
    if code in ERROR_WORDS:
        return said(ERROR_WORDS[code])
    return said(N_("unknown error {code}"), code=code)


RCV = re.compile(rb"\+RCV=(\d{1,5}),(\d{1,4}),(.*),([-+]?\d{1,6}),([-+]?\d{1,6})\Z", re.DOTALL)
"""A whole +RCV line (no leading noise) in one match, for the bulk receive path: when group
3 is as long as group 2 says, ``parse_line`` gives Received(groups) for the same line
(greedy ``.*`` leaves exactly the last two comma fields to RSSI and SNR, as the length
field does). Lines it does not match go through ``parse_line`` for their reason."""


def parse_line(line: bytes) -> AtResponse:
    """Parse one line (without CR LF). Never raises: bad input becomes ``Unparsed``.

    Leading control/non-ASCII bytes (UART noise at power-up) are skipped; the caller
    keeps the raw line anyway.
    """
    text = line.lstrip(_NOISE)
    if text.startswith(b"+RCV="):
        return _parse_rcv(line, text[5:])
    if text == b"+OK":
        return OK
    if text == b"+READY":
        return READY
    if text.startswith(b"+ERR="):
        code = text[5:]
        if code.isdigit() and len(code) <= 6:
            return Error(int(code), error_words(int(code)))
        return Unparsed(line, said(N_("+ERR without a numeric code")))
    if text.startswith(b"+") and len(text) > 1:
        return _parse_reply(line, text[1:])
    if not text:
        return Unparsed(line, said(N_("only noise bytes")))
    return Unparsed(line, said(N_("not an AT response")))


def _parse_reply(line: bytes, body: bytes) -> AtResponse:
    key, _, value = body.partition(b"=")
    if not key.isalnum() or not key.isascii():
        return Unparsed(line, said(N_("malformed +KEY")))
    try:
        return Reply(key.decode("ascii"), value.decode("utf-8"))
    except UnicodeDecodeError:
        return Unparsed(line, said(N_("reply value is not valid UTF-8")))


def _parse_rcv(line: bytes, body: bytes) -> AtResponse:
    addr, sep1, rest = body.partition(b",")
    length, sep2, rest = rest.partition(b",")
    if not (sep1 and sep2 and addr.isdigit() and length.isdigit()):
        return Unparsed(line, said(N_("+RCV address or length is not a number")))
    if len(addr) > 5 or len(length) > 4:
        return Unparsed(line, said(N_("+RCV address or length out of range")))
    n = int(length)
    data, tail = rest[:n], rest[n:]
    if len(data) < n:
        return Unparsed(
            line,
            said(N_("+RCV truncated: length field {n}, only {got} bytes follow"), n=n, got=len(rest)),
        )
    fields = tail.split(b",")
    if len(fields) != 3 or fields[0] != b"":
        return Unparsed(
            line,
            said(N_("+RCV length field {n} does not fit the line (wrong length, or RSSI/SNR missing)"), n=n),
        )
    rssi, snr = _signed(fields[1]), _signed(fields[2])
    if rssi is None or snr is None:
        return Unparsed(line, said(N_("+RCV RSSI or SNR is not a number")))
    return Received(int(addr), n, data, rssi, snr)


def _signed(field: bytes) -> int | None:
    digits = field[1:] if field[:1] in (b"-", b"+") else field
    if not digits.isdigit() or len(digits) > 6:
        return None
    return int(field)


# -- encoders ----------------------------------------------------------------------------


def encode_send(address: int, data: bytes, limit: int = MAX_PAYLOAD) -> bytes:
    """``AT+SEND=<addr>,<len>,<data>``; refuses what the modem would reject or garble."""
    _check_range(N_("address"), address, 0, 65535)
    if not data:
        raise CommandError(said(N_("nothing to send: the data is empty")))
    if len(data) > limit:
        raise CommandError(
            said(
                N_("payload is {size} bytes; the modem takes at most {limit} per frame"),
                size=len(data),
                limit=limit,
            )
        )
    if b"\r" in data or b"\n" in data:
        raise CommandError(said(N_("payload contains CR or LF, which would end the AT command early")))
    return b"AT+SEND=%d,%d,%s\r\n" % (address, len(data), data)


def encode_probe() -> bytes:
    """``AT``: the modem answers +OK when it is alive."""
    return b"AT\r\n"


def encode_address(address: int) -> bytes:
    """``AT+ADDRESS=<0..65535>``: this modem's own address."""
    _check_range(N_("address"), address, 0, 65535)
    return b"AT+ADDRESS=%d\r\n" % address


def encode_network_id(network_id: int) -> bytes:
    """``AT+NETWORKID=<0..16 or 18>``: modems only hear others on the same network id."""
    if network_id != 18:
        _check_range(N_("network id"), network_id, 0, 16)
    return b"AT+NETWORKID=%d\r\n" % network_id


def encode_band(frequency_hz: int) -> bytes:
    """``AT+BAND=<Hz>``: centre frequency (the SX127x family covers 137 MHz to 1020 MHz)."""
    _check_range(N_("frequency"), frequency_hz, 137_000_000, 1_020_000_000)
    return b"AT+BAND=%d\r\n" % frequency_hz


def encode_parameter(spreading_factor: int, bandwidth_hz: int, coding_rate: int, preamble: int) -> bytes:
    """``AT+PARAMETER=<SF>,<BW code>,<CR 1..4>,<preamble>``."""
    _check_range(N_("spreading factor"), spreading_factor, 5, 12)
    _check_range(N_("coding rate"), coding_rate, 1, 4)
    _check_range(N_("preamble"), preamble, 4, 25)
    if bandwidth_hz not in BANDWIDTH_CODES:
        raise CommandError(
            said(
                N_("bandwidth {hz} Hz is not one of {allowed}"),
                hz=bandwidth_hz,
                allowed=str(sorted(BANDWIDTH_CODES)),
            )
        )
    code = BANDWIDTH_CODES[bandwidth_hz]
    return b"AT+PARAMETER=%d,%d,%d,%d\r\n" % (spreading_factor, code, coding_rate, preamble)


def cpin_problem(password: object, model: str = DEFAULT_MODEL) -> str:
    """Why ``password`` cannot be ``model``'s network password ('' when it can), as a stored
    sentence (ops_console/said.py: ``shown`` for a person, ``english`` for a log).

    The sentence never contains the password: it is a key, and these sentences reach logs,
    the status bar and the config problems list.
    """
    if model not in CPIN_DIGITS:
        return unknown_model(model)
    digits = CPIN_DIGITS[model]
    if not isinstance(password, str):
        return said(
            N_("the {model} network password (cpin) must be a string of {digits} hexadecimal digits"),
            model=model,
            digits=digits,
        )
    if len(password) != digits or any(c not in "0123456789ABCDEFabcdef" for c in password):
        other = [m for m, n in CPIN_DIGITS.items() if n == len(password) and m != model]
        hint = (
            said(
                N_(' ({length} digits is the {other}\'s; set model = "{other}")'),
                length=len(password),
                other=other[0],
            )
            if other
            else ""
        )
        return said(
            N_(
                "the {model} network password (cpin) must be {digits} hexadecimal digits, "
                "this one has {length} characters{hint}"
            ),
            model=model,
            digits=digits,
            length=len(password),
            hint=hint,
        )
    if int(password, 16) == 0:
        return said(N_("the {model} network password (cpin) must not be all zeros"), model=model)
    return ""


def unknown_model(model: object) -> str:
    """The stored sentence for a modem model this module does not know."""
    return said(
        N_("unknown modem model {model} (known: {known})"), model=repr(model), known=", ".join(MODELS)
    )


def encode_cpin(password: str, model: str = DEFAULT_MODEL) -> bytes:
    """``AT+CPIN=<key>``: only modems with the same password hear each other; the key length
    depends on the model (``CPIN_DIGITS``)."""
    problem = cpin_problem(password, model)
    if problem:
        raise CommandError(problem)
    return b"AT+CPIN=%s\r\n" % password.upper().encode("ascii")


def redact(line: bytes) -> str:
    """A command line as it may be shown or logged: printable, and an AT+CPIN key hidden."""
    text = line.strip().decode("ascii", "replace")
    if text.upper().startswith("AT+CPIN="):
        return "AT+CPIN=<key hidden>"
    return text


def _check_range(what: str, value: int, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CommandError(
            said(
                N_("{what} {value} is outside {low}..{high}"),
                what=said(what),
                value=repr(value),
                low=low,
                high=high,
            )
        )
