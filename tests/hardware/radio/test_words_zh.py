"""What the radio drivers tell a person reads in the console's language (issue #18).

Each real bad input the drivers meet — garbage on a REYAX modem's line, a +ERR code, a
key of the wrong length, an unplugged port, a field frame that does not decode — gives a
stored sentence (ops_console/said.py): with the zh_CN translator installed it reads in
Chinese with no English word left (protocol tokens such as AT, +ERR, +RCV, CRC and the
bytes heard are data, not words to translate), and in English exactly as before.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from helpers.english_left import english_words
from ops_console.hardware.lora.types import ModemError
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols import reyax_at as at
from ops_console.hardware.transport.link_state import LinkState
from ops_console.hardware.transport.serial_link import SerialLink, port_problem
from ops_console.said import english, shown

TOKENS = {
    # the AT command set's own tokens and a few protocol words kept in Latin letters
    *("AT", "ERR", "RCV", "KEY", "SEND", "CPIN", "READY", "TX", "RX", "CRC", "CR", "LF"),
    *("UTF", "ASCII", "NAK", "cpin", "model", "baud", "drill", "port", "device", "want_config"),
}
HAN = re.compile(r"[\u4e00-\u9fff]")


def reads_chinese(stored: str, data: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    text = shown(stored)
    assert HAN.search(text), text
    assert english_words(text, TOKENS | set(data)) == [], text
    return text


def test_garbage_on_a_reyax_line_gives_a_reason_in_chinese(sim, make_modem, zh) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    sim.inject_bytes(
        b"+RCV=11,2,ok,-40,5\r\n"
        b"\x00\xfe\x13\x07\xff\r\n"  # noise between lines
        b"+RCV=11,4,HELLO,-50,7\r\n"  # a length field that lies
        b"+RCV=11,40,HEL\r\n"  # truncated
        b"+VER=\xc3\x28\xff\r\n"  # not UTF-8
        b"+ERR=77\r\n"  # an unsolicited, unknown error code
        b"+RCV=12,2,ok,-41,6\r\n"
    )
    assert frames.wait_for(lambda items: sum(f.ok for f in items) == 2)
    bad = [f.error for f in frames.items if f.error is not None]
    assert [english(e) for e in bad] == [
        "only noise bytes",
        "+RCV length field 4 does not fit the line (wrong length, or RSSI/SNR missing)",
        "+RCV truncated: length field 40, only 3 bytes follow",
        "reply value is not valid UTF-8",
        "unsolicited +ERR=77 (unknown error 77)",
    ]
    assert [reads_chinese(e) for e in bad] == [
        "只有噪声字节",
        "+RCV 的长度字段 4 与该行不符（长度有误，或缺少 RSSI/SNR）",
        "+RCV 被截断：长度字段为 40，后面只有 3 字节",
        "应答内容不是有效的 UTF-8",
        "未经请求的 +ERR=77（未知错误 77）",
    ]
    last = modem.stats().last_error  # what the Devices dialog's "Last error" shows
    assert reads_chinese(last, {"b", "x"}).startswith("未经请求的 +ERR=77")


def test_every_err_code_has_its_manuals_words_in_chinese(zh) -> None:
    for code in (*at.ERROR_WORDS, 16):
        words = at.error_said(code)
        assert english(words) == at.error_words(code)
        reads_chinese(words)
    assert shown(at.error_said(13)) == "发射数据超过 240 字节"
    assert shown(at.error_said(16)) == "未知错误 16"


def test_a_modem_error_reads_in_chinese_and_logs_in_english(sim, make_modem, zh) -> None:
    modem, _, _ = make_modem(sim.port_url)
    sim.fail_next(b"AT+SEND", 12)
    with pytest.raises(ModemError) as err:
        modem.send(11, b"x").result(5.0)
    assert err.value.english == "AT+SEND=11 failed: +ERR=12 CRC error"
    assert str(err.value) == "AT+SEND=11 失败：+ERR=12 CRC 校验错误"
    reads_chinese(err.value.stored)


@pytest.mark.parametrize(
    ("key", "model", "english_words_", "chinese"),
    [
        (
            "0BADCAFE" * 4,
            "RYLR998",
            "the RYLR998 network password (cpin) must be 8 hexadecimal digits, this one has 32 "
            'characters (32 digits is the RYLR896\'s; set model = "RYLR896")',
            "RYLR998 的网络密码（cpin）必须是 8 位十六进制数字，当前填写的有 32 个字符"
            '（32 位是 RYLR896 的密钥长度；请设置 model = "RYLR896"）',
        ),
        (
            "12345",
            "RYLR896",
            "the RYLR896 network password (cpin) must be 32 hexadecimal digits, this one has 5 characters",
            "RYLR896 的网络密码（cpin）必须是 32 位十六进制数字，当前填写的有 5 个字符",
        ),
        ("0" * 8, "RYLR998", "the RYLR998 network password (cpin) must not be all zeros", None),
    ],
)
def test_a_bad_cpin_key_reads_in_chinese_and_never_shows_the_key(
    zh, key, model, english_words_, chinese
) -> None:
    problem = at.cpin_problem(key, model)
    assert english(problem) == english_words_
    text = reads_chinese(problem)
    if chinese:
        assert text == chinese
    assert key not in text and key not in problem
    with pytest.raises(at.CommandError) as err:
        at.encode_cpin(key, model)
    assert str(err.value) == text and err.value.english == english_words_


def test_a_bad_cpin_key_in_a_device_table_reads_in_chinese(zh) -> None:
    from ops_console.radio.devices import devices_from_config

    key = "0BADCAFE" * 4
    specs, [problem] = devices_from_config(
        [{"kind": "lora", "port": "/dev/ttyUSB2", "cpin": key, "model": "RYLR998"}]
    )
    assert specs == []
    assert english(problem).startswith("[[device]] #1 (/dev/ttyUSB2): the RYLR998 network password (cpin)")
    text = reads_chinese(problem)
    assert (
        text.startswith("[[device]] 第 1 项（/dev/ttyUSB2）：RYLR998 的网络密码（cpin）") and key not in text
    )


def test_an_unplugged_port_says_so_in_chinese(tmp_path: Path, fast_link, zh) -> None:
    from ops_console.radio.links import LinkStatus
    from ops_console.ui.radio.status import link_tip, state_words

    link = SerialLink(str(tmp_path / "ttyUSB9"), max_attempts=2, **fast_link)
    link.start()
    try:
        assert link.wait_for_state(LinkState.FAILED, 5.0)
        detail = link.stats().detail
    finally:
        link.close()
    assert (
        english(detail)
        == "gave up after 2 attempts: cannot open: the port is not there (unplugged, or a wrong name)"
    )
    assert reads_chinese(detail) == "尝试 2 次后放弃：无法打开：端口不存在（已拔出，或名称有误）"
    status = LinkStatus("LoRa 1", "/dev/ttyUSB9", "link down", detail, 0, 0, 1, "", 0, 0, 0, "", None)
    assert link_tip(status) == f"LoRa 1: {state_words('link down')} — {shown(detail)}"
    assert english_words(link_tip(status), TOKENS) == []


@pytest.mark.parametrize(
    ("code", "english_", "chinese"),
    [
        (
            errno.EACCES,
            "permission denied (is this user in the dialout group?)",
            "权限不足（当前用户是否在 dialout 组中？）",
        ),
        (errno.EBUSY, "the port is busy (opened by another program?)", "端口忙（是否被另一个程序打开？）"),
        (errno.EIO, "input/output error (the device was unplugged?)", "输入/输出错误（设备是否已拔出？）"),
    ],
)
def test_port_faults_in_words(zh, code: int, english_: str, chinese: str) -> None:
    import serial

    fault = serial.SerialException(code, f"could not open port /dev/ttyUSB0: [Errno {code}] ...")
    words = port_problem(fault)
    assert english(words) == english_
    assert reads_chinese(words, {"dialout"}) == chinese


@pytest.mark.parametrize(
    "frame",
    [
        b"hello there",  # no trailer at all
        b"T1|A|B|1|R|1/1|hi*ZZZZ",
        b"T1|A|B|1|R|1/1|hi*0000",
        fp.encode_text("A", "B", 1, fp.Precedence.ROUTINE, "x")[0].replace(b"T1", b"Q9"),
    ],
)
def test_a_field_frame_that_does_not_decode_says_why_in_chinese(zh, frame: bytes) -> None:
    result = fp.decode(frame)
    assert isinstance(result, fp.DecodeError)
    reads_chinese(result.reason, {"Q9"})
    assert english(result.reason)  # and still reads in English


def test_a_text_too_long_for_the_air_reads_in_chinese(zh) -> None:
    with pytest.raises(ValueError) as err:
        fp.encode_text("EOC-1", "ALL", 1, fp.Precedence.ROUTINE, "x" * 30_000)
    assert "text too long: it needs" in err.value.english  # type: ignore[attr-defined]
    reads_chinese(err.value.stored)  # type: ignore[attr-defined]


def test_every_mesh_routing_error_reads_in_chinese(zh) -> None:
    from ops_console.hardware.mesh.types import ROUTING_WORDS, routing_words
    from ops_console.radio.outbox import whole_state

    for code in (*ROUTING_WORDS, 99):
        words = routing_words(code)
        assert english(words) == ROUTING_WORDS.get(code, f"routing error {code}")
        reads_chinese(words)
    assert shown(routing_words(1)) == "没有到达该节点的路由"
    assert shown(routing_words(9)) == "暂缓发送：已达到法定占空比上限"
    state, why = whole_state([(1, 3, "acked", ""), (2, 3, "failed", routing_words(7)), (3, 3, "sent", "")])
    assert (state, english(why)) == ("failed", "part 2 of 3: too large for one packet")
    assert reads_chinese(why) == "第 2 部分（共 3 部分）：超出单个数据包的容量"
