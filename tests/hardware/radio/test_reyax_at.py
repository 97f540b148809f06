"""The pure AT layer: LineFramer, parse_line and the command encoders."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.protocols import reyax_at as at
from ops_console.hardware.protocols.reyax_at import LineFramer, Overlong, parse_line
from ops_console.said import english


@pytest.mark.parametrize(
    ("chunks", "lines"),
    [
        ([b"+OK\r\n"], [b"+OK"]),
        ([b"+OK\n+READY\n"], [b"+OK", b"+READY"]),
        ([b"+O", b"K\r", b"\n"], [b"+OK"]),
        ([b"\r\n\r\n+OK\r\n"], [b"+OK"]),
        ([b"\x00\xff\x13junk\r\n+OK\r\n"], [b"\x00\xff\x13junk", b"+OK"]),
        ([b"+RCV=1,3,a\rb,-5,2\r\n"], [b"+RCV=1,3,a\rb,-5,2"]),
        ([b"no end yet"], []),
    ],
)
def test_framer_splits_lines(chunks: list[bytes], lines: list[bytes]) -> None:
    framer = LineFramer()
    out = [item for chunk in chunks for item in framer.feed(chunk)]
    assert out == lines


def test_framer_reports_overlong_lines_in_pieces_and_recovers() -> None:
    framer = LineFramer(max_line=10)
    out = framer.feed(b"A" * 25) + framer.feed(b"BBB\r\n+OK\r\n")
    assert out == [Overlong(b"A" * 10, 1), Overlong(b"A" * 10, 2), Overlong(b"AAAAABBB", 3), b"+OK"]
    assert len(framer.pending) == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"+OK", at.Ok()),
        (b"+READY", at.Ready()),
        (b"+ERR=4", at.Error(4, "unknown command")),
        (b"+ERR=13", at.Error(13, "TX data exceeds 240 bytes")),
        (b"+ERR=99", at.Error(99, "unknown error 99")),
        (b"+ADDRESS=120", at.Reply("ADDRESS", "120")),
        (b"+RESET", at.Reply("RESET", "")),
        (b"+RCV=50,5,HELLO,-99,40", at.Received(50, 5, b"HELLO", -99, 40)),
        (b"+RCV=50,7,A,B,C,D,-40,-3", at.Received(50, 7, b"A,B,C,D", -40, -3)),
        (b"+RCV=7,4,\xff\xfe\x00\x80,-60,5", at.Received(7, 4, b"\xff\xfe\x00\x80", -60, 5)),
        (b"\x00\xff+OK", at.Ok()),
    ],
)
def test_parse_line_good(line: bytes, expected: at.AtResponse) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"+RCV=50,4,HELLO,-99,40", "length field 4"),  # wrong length field
        (b"+RCV=50,9,HELLO,-99,40", "length field 9"),  # wrong length, too long
        (b"+RCV=50,30,HELLO", "truncated"),  # truncated frame
        (b"+RCV=50,5,HELLO,-99", "RSSI/SNR missing"),  # truncated after data
        (b"+RCV=x,5,HELLO,-99,40", "not a number"),
        (b"+RCV=50,5,HELLO,loud,40", "RSSI or SNR"),
        (b"+ERR=", "numeric code"),
        (b"+VER=\xff\xfe", "UTF-8"),  # invalid UTF-8
        (b"\xc3\xa0\xa1\xff", "noise"),
        (b"\xc3\x28\xa0\xa1", "not an AT response"),
        (b"hello", "not an AT response"),
        (b"+", "not an AT response"),
    ],
)
def test_parse_line_bad_is_unparsed_with_reason(line: bytes, reason: str) -> None:
    result = parse_line(line)
    assert isinstance(result, at.Unparsed)
    assert result.raw == line
    assert reason in english(result.reason)


def test_every_documented_error_code_has_its_manuals_words() -> None:
    # RYLR89x/RYLR40x guide: 1 2 3 4 10 11 12 13 15; RYLR998/RYLR498 guide: 1 2 4 5 10 12-15 17-20
    for code in (1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20):
        assert not at.error_words(code).startswith("unknown error")
    assert at.error_words(3) == 'there is no "=" symbol in the AT command'
    assert at.error_words(11) == "RX is over time"
    assert at.error_words(16) == "unknown error 16"


def test_encoders() -> None:
    assert at.encode_send(5, b"HI,THERE") == b"AT+SEND=5,8,HI,THERE\r\n"
    assert at.encode_address(120) == b"AT+ADDRESS=120\r\n"
    assert at.encode_network_id(6) == b"AT+NETWORKID=6\r\n"
    assert at.encode_band(868_500_000) == b"AT+BAND=868500000\r\n"
    assert at.encode_parameter(12, 125_000, 1, 4) == b"AT+PARAMETER=12,7,1,4\r\n"
    assert at.encode_cpin("0badcafe" * 4) == b"AT+CPIN=" + b"0BADCAFE" * 4 + b"\r\n"
    assert at.encode_cpin("0badcafe", "RYLR998") == b"AT+CPIN=0BADCAFE\r\n"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: at.encode_send(5, b"x" * 241), "at most 240"),
        (lambda: at.encode_send(5, b""), "empty"),
        (lambda: at.encode_send(5, b"a\r\nAT+RESET"), "CR or LF"),
        (lambda: at.encode_send(70000, b"x"), "address"),
        (lambda: at.encode_parameter(12, 100_000, 1, 4), "bandwidth"),
        (lambda: at.encode_cpin("12345"), "32 hexadecimal"),
        (lambda: at.encode_cpin("12345", "RYLR998"), "8 hexadecimal"),
        (lambda: at.encode_network_id(17), "network id"),
    ],
)
def test_encoders_refuse_with_a_clear_reason(call, words: str) -> None:
    with pytest.raises(at.CommandError, match=words):
        call()


@given(st.lists(st.binary(max_size=64), max_size=20), st.integers(1, 40))
def test_fuzz_framer_never_loses_bytes_and_stays_bounded(chunks: list[bytes], max_line: int) -> None:
    framer = LineFramer(max_line)
    out = [item for chunk in chunks for item in framer.feed(chunk)]
    assert len(framer.pending) <= max_line
    pieces = [item.data if isinstance(item, Overlong) else item for item in out]
    assert all(0 < len(p) <= max_line and b"\n" not in p for p in pieces)
    kept = b"".join(pieces) + framer.pending
    assert kept.replace(b"\r", b"") == b"".join(chunks).replace(b"\r", b"").replace(b"\n", b"")


@given(st.binary(max_size=300))
def test_fuzz_parse_line_never_raises(line: bytes) -> None:
    result = parse_line(line)
    assert isinstance(result, (at.Received, at.Ok, at.Error, at.Ready, at.Reply, at.Unparsed))


@given(
    st.integers(0, 65535),
    st.binary(min_size=1, max_size=240).filter(lambda d: b"\r" not in d and b"\n" not in d),
    st.integers(-164, 0),
    st.integers(-20, 20),
)
def test_fuzz_rcv_round_trip(address: int, data: bytes, rssi: int, snr: int) -> None:
    line = b"+RCV=%d,%d,%s,%d,%d" % (address, len(data), data, rssi, snr)
    assert parse_line(line) == at.Received(address, len(data), data, rssi, snr)


@given(
    st.one_of(st.text(max_size=40), st.text("0123456789abcdefABCDEF", min_size=6, max_size=40)),
    st.sampled_from(at.MODELS),
)
def test_fuzz_a_key_problem_never_raises_and_never_repeats_the_key(text: str, model: str) -> None:
    problem = at.cpin_problem(text, model)
    digits = at.CPIN_DIGITS[model]
    hex_only = all(c in "0123456789abcdefABCDEF" for c in text)
    valid = len(text) == digits and hex_only and int(text, 16) > 0
    assert (problem == "") == valid
    if hex_only and len(text) >= 6:  # a key-like string never shows up in the sentence
        assert text not in problem
    if not valid:
        with pytest.raises(at.CommandError):
            at.encode_cpin(text, model)
