"""The outbox's refusals and the Devices dialog's words read in the console's language (issue #18).

A text too long for the air (LoRa frames or Meshtastic packets), a message over the hour's
airtime budget, a bad call sign, a device that cannot be added, a port that cannot be
opened: each is a stored sentence (ops_console/said.py) that reads in Chinese, with no
English word left, where the zh_CN translator is installed, and in English as before.
"""

from __future__ import annotations

import re

import pytest

from helpers.english_left import english_words
from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.errors import ValidationError
from ops_console.hardware.lora.airtime import DutyCycleBudget
from ops_console.post import Post
from ops_console.said import english, shown

HAN = re.compile(r"[\u4e00-\u9fff]")
TOKENS = {"Meshtastic", "socket", "host", "port", "B"}


def chinese(text: str) -> str:
    assert HAN.search(text), text
    assert english_words(text, TOKENS) == [], text
    return text


def test_a_text_too_long_for_the_outbox_is_refused_in_chinese(post: Post, zh) -> None:
    check = post.radio.outbox.check("ALL", "河水上涨 " * 400)
    assert english(check.problem).startswith("Too long: it needs") and english(check.problem).endswith(
        "Shorten it."
    )
    assert chinese(shown(check.problem)).startswith("内容过长：需要")
    with pytest.raises(ValidationError) as err:
        post.radio.outbox.compose("ALL", "河水上涨 " * 400)
    assert chinese(err.value.problems["text"]) == shown(check.problem)
    mesh = post.radio.outbox.check("CH0", "x" * 233 * 9)
    assert chinese(shown(mesh.problem)) == (
        "对 Meshtastic 而言过长：2097 字节需要 10 个数据包（每包最多 233 字节），一条文本最多发送 8 个。请缩短。"
    )
    with pytest.raises(ValidationError) as err:
        post.radio.outbox.compose("BAD CALL!", "hello")
    assert chinese(err.value.problems["recipient"]).startswith("呼号由 1 至 9 个字符组成")


def test_airtime_over_the_budget_is_refused_in_chinese(post: Post, zh) -> None:
    outbox = post.radio.outbox
    budget, outbox.budget = outbox.budget, DutyCycleBudget(fraction=0.0003)  # about 1 s an hour
    try:
        check = outbox.check("ALL", "x" * 400)
    finally:
        outbox.budget = budget
    assert english(check.problem).startswith("It needs ") and "budget per hour" in english(check.problem)
    assert chinese(shown(check.problem)).startswith("需要占用信道")


def test_the_compose_box_shows_the_refusal_in_chinese(post: Post, qtbot, zh) -> None:
    from ops_console.ui.radio.compose import ComposeBox

    box = ComposeBox(post)
    qtbot.addWidget(box)
    box.text_edit.setPlainText("河水上涨 " * 400)
    assert chinese(box.counter.text()).startswith("内容过长")
    assert not box.send_button.isEnabled()


def test_the_devices_dialog_refuses_and_tests_ports_in_chinese(post: Post, qtbot, zh) -> None:
    from ops_console.ui.radio.devices_dialog import DevicesDialog

    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    dialog = DevicesDialog(post)
    qtbot.addWidget(dialog)
    dialog.port_box.setEditText("")
    dialog.add_device()
    assert "设备需要指定端口" in dialog.result_label.text()
    dialog.port_box.setEditText("/nonexistent/ttyUSB9")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=5000)
    text = dialog.result_label.text()
    assert text == "/nonexistent/ttyUSB9：无法打开：端口不存在（已拔出，或名称有误）", text


def test_frames_not_stored_is_said_in_chinese_on_the_notice_board(post: Post, zh) -> None:
    from ops_console.said import N_, said

    ingest = post.radio.ingest
    ingest._set_problem(  # what a full disk under the database makes it say (test_gateway_faults)
        "disk full: the database post.sqlite cannot grow",
        said(N_("DISK FULL: the database {name} cannot grow"), name="post.sqlite"),
    )
    try:
        [notice] = [n for n in post.notices.recent() if n.source == "radio storage"]
        assert english(notice.text).startswith("Radio frames are not being stored: DISK FULL: the database")
        text = chinese(notice.words)  # what the status bar and the alert list show
        assert "磁盘已满：数据库 post.sqlite 无法继续增大" in text, text
    finally:
        ingest._set_problem("")


def test_a_spool_already_open_is_refused_in_chinese(tmp_path, zh) -> None:
    from ops_console.radio.spool import FrameSpool, SpoolInUse

    path = tmp_path / "spool.sqlite"
    first = FrameSpool(path)
    try:
        with pytest.raises(SpoolInUse) as err:
            FrameSpool(path)
    finally:
        first.close()
    assert err.value.english == f"The spool {path} is already open in this program."
    assert str(err.value) == f"缓冲文件 {path} 已在本程序中打开。"


def test_a_meshtastic_node_line_in_the_devices_dialog_reads_in_chinese(zh) -> None:
    from datetime import UTC, datetime

    from ops_console.said import N_, said

    line = said(  # as RadioRuntime._mesh_detail makes it for each node the mesh knows
        N_("{node}{where}{battery}{heard}"),
        node="River watch (M9A2B3C03)",
        where=" · 47.37000, 8.54000",
        battery=said(N_(" · battery {percent} %"), percent=57),
        heard=said(
            N_(" · heard {time}"), time=datetime(2026, 12, 6, 3, 4, 5, tzinfo=UTC).strftime("%H:%M:%S")
        ),
    )
    assert english(line) == "River watch (M9A2B3C03) · 47.37000, 8.54000 · battery 57 % · heard 03:04:05"
    assert shown(line) == "River watch (M9A2B3C03) · 47.37000, 8.54000 · 电量 57% · 03:04:05 收到"


def test_an_incomplete_ics213_is_refused_in_chinese(post: Post, zh) -> None:
    from ops_console.radio.ics213 import Ics213

    with pytest.raises(ValidationError) as err:
        post.radio.outbox.compose_ics213("ALL", Ics213("EOC-1", "", "Sandbags", "", ""))
    assert err.value.problems == {
        "sender": "ICS-213 必须填写“发件人”。",
        "message": "ICS-213 必须填写“消息正文”。",
    }
    assert [english(p) for p in err.value._problems.values()] == [
        "From is required on an ICS-213.",
        "Message is required on an ICS-213.",
    ]


def test_an_unplugged_radio_reads_in_chinese_in_the_devices_dialog(
    post: Post, qtbot, start_runtime, zh
) -> None:
    from ops_console.hardware.simulators.lora_modem import SimulatedModem
    from ops_console.ui.radio.devices_dialog import DevicesDialog

    sim = SimulatedModem(transport="tcp", seed=2, garbage_rate=0.0, error_rate=0.0)
    sim.start()
    try:
        start_runtime(post, sim)
        dialog = DevicesDialog(post)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.devices_table.item(0, 4).text() == "就绪", timeout=5000)
    finally:
        sim.stop()  # the cable is pulled: the link cannot reopen its port
    state = dialog.devices_table.item(0, 4)
    qtbot.waitUntil(lambda: (dialog.refresh_devices(), "无法打开" in state.text())[1], timeout=10000)
    assert state.text().startswith("链路中断：链路正在重新连接：无法打开：连接被拒绝"), state.text()
    assert english_words(state.text(), TOKENS) == [], state.text()


def test_a_bad_radio_call_sign_in_the_config_reads_in_chinese(tmp_path, zh) -> None:
    from ops_console.config import load_settings

    path = tmp_path / "config.toml"
    path.write_text('[radio]\ncall_sign = "EOC_1"\n[radio.tactical]\nSHELTER-B = 0\n', encoding="utf-8")
    first, second = load_settings(path).problems
    assert english(first) == (
        "[radio] call_sign = 'EOC_1' is not a call sign: use 1-9 letters, digits or '-' "
        '(e.g. "EOC-1"); the console keeps the call "OPS"'
    )
    assert shown(first) == (
        "[radio] call_sign = 'EOC_1' 不是有效的呼号：请使用 1 至 9 个字母、数字或“-”（例如 \"EOC-1\"）；"
        '控制台继续使用呼号 "OPS"'
    )
    assert shown(second) == "[radio.tactical] SHELTER-B = 0：节点地址必须是 1 至 65535 之间的整数；已忽略"
