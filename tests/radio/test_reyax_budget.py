"""The duty-cycle budget counts what REYAX modems really put on the air: each frame's data
plus the firmware's 8 bytes, and nothing for a frame the modem refused (+ERR). A real
runtime, database and simulated modem on a pty; a refused network key is said loudly."""

from __future__ import annotations

import time

from sqlalchemy import select

from helpers.posts import open_signed_on
from helpers.waiting import wait
from ops_console.config import Settings
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.airtime import DutyCycleBudget
from ops_console.hardware.lora.at_modem import frame_airtime
from ops_console.hardware.lora.types import ModemConfig
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.radio.airtime_log import AirtimeLog
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.routing import LinkRouter
from ops_console.radio.runtime import RadioRuntime
from ops_console.said import english


def test_a_frame_the_modem_refused_is_not_charged_nor_stored_as_sent(post, radio_sim, start_runtime) -> None:
    runtime = start_runtime(post, radio_sim)
    link = runtime.modems[0].link.name
    radio_sim.fail_next(b"AT+SEND", 4)  # +ERR=4: the modem did not transmit it
    msg = post.radio.outbox.compose("ALL", "refused once")
    assert wait(lambda: "+ERR=4" in english(post.radio.get(msg.id).last_error))
    assert runtime.router.usage(link, time.monotonic())[0] == 0.0
    assert AirtimeLog(post.db).since(3600) == []


def test_a_frame_sent_is_charged_with_the_modems_overhead_and_stored_raw(
    post, radio_sim, start_runtime
) -> None:
    runtime = start_runtime(post, radio_sim)
    modem = runtime.modems[0]
    msg = post.radio.outbox.compose("ALL", "on the air")
    assert wait(lambda: post.radio.get(msg.id).status == "sent")
    sent = [data for _, data in radio_sim.transmissions]
    used, _ = runtime.router.usage(modem.link.name, time.monotonic())
    assert abs(used - sum(frame_airtime(len(d), modem.modulation) for d in sent)) < 1e-9
    stored = AirtimeLog(post.db).since(3600)
    assert [s.size for s in stored] == [len(d) for d in sent]
    with post.db.engine.connect() as conn:  # what went out is kept raw, byte for byte (ICS-309)
        rows = conn.execute(select(RawRow.data, RawRow.status).where(RawRow.direction == "out")).all()
    assert [(bytes(data), status) for data, status in rows] == [(d, "sent") for d in sent]
    # after a restart the budget is rebuilt from the stored rows with the same overhead
    rebuilt = LinkRouter(DutyCycleBudget).restore(stored, lambda _: modem.modulation, 0.0, stored[-1].at)
    assert abs(rebuilt - used) < 1e-9
    check = post.radio.outbox.check("ALL", "on the air")  # the compose dialog's figure, too
    assert check.frames == 1
    assert check.airtime == frame_airtime(check.payload_bytes, post.radio.outbox.modulation)


def test_a_refused_key_is_a_problem_notice_and_nothing_goes_out(post) -> None:
    key = "C0FFEE00" * 4
    sim = SimulatedModem(transport="pty", garbage_rate=0.0, error_rate=0.0, model="RYLR998")
    sim.start()
    runtime = RadioRuntime(
        post.radio,
        [DeviceSpec("lora", sim.port_url, 115200, "field", ModemConfig(address=1, cpin=key))],
    )
    runtime.start()
    try:
        assert wait(lambda: any("refused the network key" in n.words for n in post.notices.recent()))
        said = [n for n in post.notices.recent() if "network key" in n.words]
        assert said[0].level == "problem" and "field" in said[0].words
        assert all(key not in n.words for n in post.notices.recent())
        post.radio.outbox.compose("ALL", "must not go out in clear")
        time.sleep(1.5)  # give the worker time it would need to send
        assert sim.transmissions == []
        assert runtime.status()[0].state == "network key refused"
    finally:
        runtime.stop()
        sim.stop()


def test_a_device_left_out_for_its_key_is_a_problem_notice_not_silence(db_url) -> None:
    key = "C0FFEE00" * 4
    settings = Settings(devices=[{"kind": "lora", "port": "/dev/ttyUSB5", "model": "RYLR998", "cpin": key}])
    post = open_signed_on(db_url, settings=settings)
    try:
        assert post.radio.settings.devices == []
        [notice] = [n for n in post.notices.recent() if "/dev/ttyUSB5" in n.words]
        assert notice.level == "problem" and "8 hexadecimal" in notice.words and "not opened" in notice.words
        assert key not in notice.words
    finally:
        post.close()


def test_the_link_strip_says_a_refused_key_in_red(qtbot) -> None:
    from ops_console.radio.links import LinkStatus
    from ops_console.ui.radio.status import LinkStrip

    strip = LinkStrip()
    qtbot.addWidget(strip)
    detail = "not sending: the modem refused the network key (AT+CPIN=<key hidden>: +ERR=4 unknown command)"
    ready = LinkStatus("base", "/dev/ttyUSB0", "ready", "configured", 0, 0, 0, "", 0, 0, 0, "", None)
    refused = LinkStatus(
        "field", "/dev/ttyUSB1", "network key refused", detail, 0, 0, 1, "", 0, 0, 0, "", None
    )
    strip.show_status([ready, refused])
    assert strip.pill.text() == "Key refused: not sending" and "#b3261e" in strip.pill.styleSheet()
    assert "refused the network key" in strip.toolTip()
