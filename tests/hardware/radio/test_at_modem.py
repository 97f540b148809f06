"""AtModem + SimulatedModem over a real pty (and socket://): configure, send, receive, ack,
and each bad input the issue names — logged, counted, visible in the state, raw bytes kept."""

from __future__ import annotations

import logging

import pytest

from ops_console.hardware.lora.types import ModemError, ModemState, RawFrame, SendResult
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.said import english

CONFIG_LINES = [
    b"AT",
    b"AT+ADDRESS=1",
    b"AT+NETWORKID=6",
    b"AT+BAND=868100000",
    b"AT+CPIN=" + b"0BADCAFE" * 4,
]


def bad_frames(frames) -> list[RawFrame]:
    return [f for f in frames.items if f.error is not None]


def test_configures_the_modem_on_start(sim: SimulatedModem, make_modem) -> None:
    modem, _, states = make_modem(sim.port_url)
    assert sim.commands[:5] == CONFIG_LINES
    assert (sim.settings["ADDRESS"], sim.settings["NETWORKID"], sim.settings["CPIN"]) == (
        "1",
        "6",
        "0BADCAFE" * 4,
    )
    assert [s for s, _ in states.items][-2:] == [ModemState.CONFIGURING, ModemState.READY]


def test_send_gets_ok_and_the_team_acks(sim: SimulatedModem, make_modem) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    [frame] = fp.encode_text("OPS", "RESCUE1", 41, fp.Precedence.PRIORITY, "Bring the pump, over")
    result = modem.send(11, frame).result(5.0)
    assert isinstance(result, SendResult) and result.attempts == 1 and result.airtime > 0
    assert sim.transmissions == [(11, frame)]
    assert frames.wait_count(1)
    ack = frames.items[0]
    assert ack.ok and ack.address == 11 and ack.rssi == -70 and ack.snr == 8
    assert fp.decode(ack.data) == fp.Ack("RESCUE1", "OPS", 41)
    assert ack.raw.startswith(b"+RCV=11,") and ack.link == "lora-test"
    assert ack.received_at.tzinfo is not None


def test_multi_fragment_message_is_acked_once_complete(sim: SimulatedModem, make_modem) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    parts = fp.encode_text("OPS", "MEDIC2", 7, fp.Precedence.WELFARE, "Shelter list: " + "name; " * 80)
    assert len(parts) > 1
    for part in parts:
        modem.send(12, part).result(5.0)
    assert frames.wait_count(1)
    assert fp.decode(frames.items[0].data) == fp.Ack("MEDIC2", "OPS", 7)
    assert sim.traffic.received[0].text.startswith("Shelter list: name; ")


def test_receives_simulated_traffic_in_batches(sim: SimulatedModem, make_modem) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    lines = sim.emit_traffic(20)
    assert frames.wait_count(len(lines))
    assert [f.raw + b"\r\n" for f in frames.items] == lines
    decoded = [fp.decode(f.data) for f in frames.items]
    assert not any(isinstance(d, fp.DecodeError) for d in decoded)
    assert modem.stats().frames == len(lines) == modem.link.stats().frames


def test_works_over_socket_url(tcp_sim: SimulatedModem, make_modem) -> None:
    modem, frames, _ = make_modem(tcp_sim.port_url)
    assert modem.send(13, b"hello").result(5.0).length == 5
    tcp_sim.emit_traffic(3)
    assert frames.wait_count(3)


@pytest.mark.parametrize(
    ("inject", "kind", "reason"),
    [
        (b"\x00\xfe\x13\x07\xff\r\n", "unparsed", "only noise"),  # garbage between lines
        (b"+RCV=11,4,HELLO,-50,7\r\n", "unparsed", "length field 4"),  # wrong length field
        (b"+RCV=11,40,HEL\r\n", "unparsed", "truncated"),  # truncated frame
        (b"+VER=\xc3\x28\xff\r\n", "unparsed", "not valid UTF-8"),  # invalid UTF-8
        (b"+ERR=77\r\n", "unsolicited", "unknown error 77"),  # unknown +ERR code
        (b"+RCV=" + b"9" * 700 + b"\r\n", "overlong", "longer than 512 bytes"),  # overlong line
    ],
)
def test_bad_input_is_logged_counted_shown_and_handed_on(
    sim, make_modem, caplog, inject, kind, reason
) -> None:
    caplog.set_level(logging.WARNING)
    modem, frames, _ = make_modem(sim.port_url)
    sim.inject_bytes(b"+RCV=11,2,ok,-40,5\r\n" + inject + b"+RCV=12,2,ok,-41,6\r\n")
    assert frames.wait_for(lambda items: sum(f.ok for f in items) == 2)
    [bad, *more] = bad_frames(frames)
    assert reason in english(bad.error)  # a stored sentence (said.py), read in English
    assert b"".join(f.raw for f in bad_frames(frames)) == inject.rstrip(b"\r\n")
    assert [f.address for f in frames.items if f.ok] == [11, 12]  # order and neighbours kept
    stats = modem.stats()
    assert stats.errors[kind] == 1 + len(more) and reason in english(stats.last_error)
    assert stats.link.errors >= 1 and stats.state is ModemState.READY
    assert kind in caplog.text


def test_invalid_utf8_inside_a_frame_is_kept_as_bytes(sim, make_modem) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    sim.inject_line(b"+RCV=11,4,\xff\xfe\x00\x80,-50,7")
    assert frames.wait_count(1)
    assert frames.items[0].data == b"\xff\xfe\x00\x80"
    assert isinstance(fp.decode(frames.items[0].data), fp.DecodeError)


def test_line_split_across_reads_is_joined(sim, make_modem) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    sim.inject_bytes(b"+RCV=11,5,HEL")
    sim.inject_bytes(b"LO,-50,7\r\n")
    assert frames.wait_count(1) and frames.items[0].data == b"HELLO"


def test_modem_error_fails_the_send_with_words(sim, make_modem) -> None:
    modem, _, _ = make_modem(sim.port_url)
    sim.fail_next(b"AT+SEND", 99)
    with pytest.raises(ModemError, match=r"\+ERR=99 unknown error 99") as err:
        modem.send(11, b"x").result(5.0)
    assert (err.value.kind, err.value.code) == ("modem_error", 99)
    assert modem.stats().send_failures == 1


def test_retryable_modem_error_is_retried(sim, make_modem) -> None:
    modem, _, _ = make_modem(sim.port_url)
    sim.fail_next(b"AT+SEND", 17)  # last TX not completed: try again
    assert modem.send(11, b"x").result(5.0).attempts == 2
    assert modem.stats().errors["modem_busy"] == 1


def test_oversize_payload_is_refused_before_sending(sim, make_modem) -> None:
    modem, _, _ = make_modem(sim.port_url)
    with pytest.raises(ModemError, match="at most 240") as err:
        modem.send(11, b"x" * 241).result(1.0)
    assert err.value.kind == "rejected"
    assert not any(c.startswith(b"AT+SEND") for c in sim.commands)


def test_ready_in_the_middle_of_a_send_reconfigures_and_retries(sim, make_modem, caplog) -> None:
    caplog.set_level(logging.WARNING)
    modem, _, _ = make_modem(sim.port_url)
    sim.reboot_on_next(b"AT+SEND")
    assert modem.send(11, b"urgent").result(5.0).length == 6
    assert sim.transmissions == [(11, b"urgent")]  # sent once, after the reboot
    after = sim.commands[5:]
    assert after[0].startswith(b"AT+SEND") and after[1:6] == CONFIG_LINES and after[6].startswith(b"AT+SEND")
    assert sim.settings["ADDRESS"] == "1"
    assert modem.stats().errors["reboot"] == 1 and "rebooted" in caplog.text


def test_unsolicited_ready_reapplies_configuration(sim, make_modem) -> None:
    modem, _, states = make_modem(sim.port_url)
    sim.emit_ready()
    assert states.wait_for(lambda items: [s for s, _ in items].count(ModemState.READY) == 2)
    assert sim.settings["NETWORKID"] == "6"


def test_silent_modem_fails_with_reason_and_recovers(sim, make_modem) -> None:
    sim.set_silent(True)
    modem, _, states = make_modem(sim.port_url, wait_ready=False)
    assert modem.wait_for_state(ModemState.NOT_RESPONDING, 5.0)
    assert "did not answer AT after 2 attempts" in english(modem.stats().detail)
    with pytest.raises(ModemError, match="did not answer") as err:
        modem.send(11, b"anyone?").result(5.0)
    assert err.value.kind == "timeout"
    assert modem.stats().errors["timeout"] >= 2
    sim.set_silent(False)
    assert modem.wait_for_state(ModemState.READY, 5.0)
    assert modem.send(11, b"back").result(5.0).length == 4


def test_port_vanishing_mid_send_then_delivered_after_replug(sim, make_modem) -> None:
    modem, _, _ = make_modem(sim.port_url, command_timeout=1.0)
    sim.unplug()
    assert modem.wait_for_state(ModemState.LINK_DOWN, 2.0)
    future = modem.send(11, b"queued while unplugged")
    assert not future.done()
    sim.replug()
    assert future.result(10.0).length == 22
    assert sim.transmissions == [(11, b"queued while unplugged")]
    assert sim.settings["ADDRESS"] == "1"
    assert modem.stats().link.reconnects == 1


def test_callback_exceptions_do_not_stop_reception(sim, make_modem) -> None:
    modem, frames, _ = make_modem(sim.port_url)
    modem.on_frame = lambda frame: 1 / 0
    sim.inject_line(b"+RCV=11,2,ok,-40,5")
    sim.inject_line(b"+RCV=11,2,ok,-40,5")
    assert frames.wait_count(2)
    assert modem.stats().errors["callback"] >= 1
