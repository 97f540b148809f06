"""REYAX modems to the letter of their manuals, against the real simulator on a pty:
the network key's length per model (and never in a log or status line), a refused key
that does not leave the radio sending in clear, and +ERR=17 from a modem still on the air.
"""

from __future__ import annotations

import logging

import pytest

from ops_console.hardware.lora.airtime import Modulation, time_on_air
from ops_console.hardware.lora.at_modem import frame_airtime
from ops_console.hardware.lora.types import ModemConfig, ModemError, ModemState
from ops_console.hardware.protocols import reyax_at as at
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.radio.devices import devices_from_config
from ops_console.said import english

KEY_32 = "C0FFEE00" * 4  # an RYLR896 AES128 key
KEY_8 = "C0FFEE01"  # an RYLR998 password
SF9 = Modulation(9, 125_000, 1, 12)  # the simulator's own default parameters


def test_a_key_of_the_wrong_length_is_named_for_its_model_and_never_shown() -> None:
    specs, problems = devices_from_config(
        [
            {"kind": "lora", "port": "/dev/ttyUSB0", "cpin": KEY_32},  # default RYLR896: right
            {"kind": "lora", "port": "/dev/ttyUSB1", "cpin": KEY_8, "model": "RYLR998"},  # right
            {"kind": "lora", "port": "/dev/ttyUSB2", "cpin": KEY_32, "model": "RYLR998"},
            {"kind": "lora", "port": "/dev/ttyUSB3", "cpin": KEY_8},
            {"kind": "lora", "port": "/dev/ttyUSB4", "model": "RYLR999"},
        ]
    )
    assert [(s.port, s.model, s.modem.model if s.modem else None) for s in specs] == [
        ("/dev/ttyUSB0", "RYLR896", "RYLR896"),
        ("/dev/ttyUSB1", "RYLR998", "RYLR998"),
    ]
    assert len(problems) == 3
    wrong_998, wrong_896, unknown = map(english, problems)  # stored sentences (said.py)
    assert "/dev/ttyUSB2" in wrong_998 and "RYLR998" in wrong_998 and "8 hexadecimal" in wrong_998
    assert 'model = "RYLR896"' in wrong_998  # the hint: it looks like the other model's key
    assert "/dev/ttyUSB3" in wrong_896 and "32 hexadecimal" in wrong_896
    assert "RYLR999" in unknown
    for sentence in problems:
        assert KEY_32 not in sentence and KEY_8 not in sentence
    assert KEY_32 not in repr(specs) and KEY_8 not in repr(specs)


@pytest.mark.parametrize("model", ["RYLR896", "RYLR998"])
def test_each_model_takes_its_own_key_length(model: str, make_modem) -> None:
    sim = SimulatedModem(transport="pty", garbage_rate=0.0, error_rate=0.0, model=model)
    sim.start()
    try:
        key = KEY_32 if model == "RYLR896" else KEY_8
        modem, _, _ = make_modem(sim.port_url, ModemConfig(address=1, cpin=key, model=model))
        assert sim.settings["CPIN"] == key and modem.state is ModemState.READY
    finally:
        sim.stop()


def test_a_refused_key_never_leaves_the_radio_sending_in_clear(make_modem, caplog) -> None:
    # A post that believes its modem is an RYLR896 (32-digit key) but has an RYLR998: the
    # modem answers +ERR to AT+CPIN. It must not become READY and transmit unencrypted.
    sim = SimulatedModem(transport="pty", garbage_rate=0.0, error_rate=0.0, model="RYLR998")
    sim.start()
    caplog.set_level(logging.DEBUG)
    try:
        modem, _, states = make_modem(
            sim.port_url, ModemConfig(address=1, cpin=KEY_32, model="RYLR896"), wait_ready=False
        )
        assert modem.wait_for_state(ModemState.KEY_REFUSED, 5.0), modem.stats()
        stats = modem.stats()
        assert "refused the network key" in english(stats.detail) and "+ERR=4" in english(stats.detail)
        assert stats.errors["key_refused"] == 1
        with pytest.raises(ModemError, match="unencrypted") as err:
            modem.send(0, b"HELLO").result(5.0)
        assert err.value.kind == "key_refused"
        assert sim.transmissions == []
        assert ModemState.READY not in [s for s, _ in states.items]
        shown = [stats.detail, stats.last_error, *(d for _, d in states.items), caplog.text]
        assert not any(KEY_32 in text for text in shown)
        assert "AT+CPIN=<key hidden>" in caplog.text
    finally:
        sim.stop()


def test_err_17_waits_out_the_previous_frame_then_both_fragments_pass(make_modem) -> None:
    # The modem answers +OK as a frame starts and +ERR=17 to the next AT+SEND until it is
    # off the air. Before: the retry came at once (twice) and the second fragment failed.
    sim = SimulatedModem(transport="pty", garbage_rate=0.0, error_rate=0.0, busy_while_transmitting=True)
    sim.start()
    try:
        modem, _, _ = make_modem(sim.port_url, ModemConfig(address=1, modulation=SF9))
        first, second = modem.send(5, b"A" * 60), modem.send(5, b"B" * 60)
        assert first.result(5.0).attempts == 1
        assert second.result(5.0).attempts >= 2
        assert [data[:1] for _, data in sim.transmissions] == [b"A", b"B"]
        assert sim.busy_answers >= 1 and modem.stats().errors["modem_busy"] == sim.busy_answers
    finally:
        sim.stop()


def test_a_modem_that_stays_busy_fails_after_bounded_tries_with_words(sim, make_modem) -> None:
    modem, _, _ = make_modem(sim.port_url, busy_retries=2)
    for _ in range(3):
        sim.fail_next(b"AT+SEND", 17)
    with pytest.raises(ModemError, match=r"\+ERR=17 last TX was not completed") as err:
        modem.send(5, b"x").result(10.0)
    assert err.value.kind == "modem_error"
    assert modem.stats().errors["modem_busy"] == 2 and sim.transmissions == []


def test_airtime_counts_the_eight_bytes_reyax_adds() -> None:
    for size in (1, 20, 120, 240):
        assert frame_airtime(size, SF9) == time_on_air(size + at.ON_AIR_OVERHEAD, SF9)
    assert frame_airtime(20, SF9) > time_on_air(20, SF9)
