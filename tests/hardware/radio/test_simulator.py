"""The simulated RYLR896 answers like the real one, is deterministic, and can stream."""

from __future__ import annotations

import threading

import pytest

from ops_console.hardware.simulators import lora_modem
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.transport.link_state import LinkState
from ops_console.hardware.transport.serial_link import SerialLink


@pytest.fixture
def raw_link(sim: SimulatedModem, collector, fast_link):
    """A bare SerialLink to the simulator; returns (link, received-bytes collector)."""
    data = collector()
    link = SerialLink(sim.port_url, on_data=data, **fast_link)
    link.start()
    assert link.wait_for_state(LinkState.CONNECTED, 2.0)
    yield link, data
    link.close()


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        (b"AT", b"+OK"),
        (b"AT+ADDRESS=120", b"+OK"),
        (b"AT+ADDRESS?", b"+ADDRESS=0"),
        (b"AT+NETWORKID=99", b"+ERR=4"),
        (b"AT+PARAMETER=12,7,1,4", b"+OK"),
        (b"AT+PARAMETER=12,7,1,99", b"+ERR=18"),
        (b"AT+CPIN=12AB", b"+ERR=4"),
        (b"AT+SEND=5,3,HELLO", b"+ERR=5"),
        (b"AT+SEND=5,241," + b"x" * 241, b"+ERR=13"),
        (b"AT+FOO=1", b"+ERR=4"),
        (b"HELLO", b"+ERR=2"),
        (b"AT+VER?", b"+VER=RYLR896_SIM1.0"),
        (b"AT+RESET", b"+RESET\r\n+READY"),
    ],
)
def test_answers_like_a_rylr896(raw_link, command: bytes, answer: bytes) -> None:
    link, data = raw_link
    link.send(command + b"\r\n")
    assert data.wait_for(lambda items: b"".join(items).endswith(b"\r\n") and answer in b"".join(items))
    assert b"".join(data.items) == answer + b"\r\n"


def test_same_seed_same_traffic() -> None:
    a = SimulatedModem(seed=42)
    b = SimulatedModem(seed=42)
    when = lora_modem.datetime(2024, 1, 1, tzinfo=lora_modem.UTC)
    assert [a.traffic.next_lines(when) for _ in range(30)] == [b.traffic.next_lines(when) for _ in range(30)]
    a.endpoint.stop()
    b.endpoint.stop()


def test_scheduled_traffic_mixes_kinds_with_noise() -> None:
    sim = SimulatedModem(seed=5, garbage_rate=0.1, error_rate=0.1)
    when = lora_modem.datetime(2024, 1, 1, tzinfo=lora_modem.UTC)
    lines = [line for _ in range(300) for line in sim.traffic.next_lines(when)]
    kinds = {line.split(b",")[2][:2] for line in lines if line.startswith(b"+RCV=")}
    assert {b"T1", b"P1", b"S1"} <= kinds
    assert b"+ERR=12\r\n" in lines
    assert any(not line.startswith(b"+") for line in lines)
    sim.endpoint.stop()


def test_stream_delivers_every_frame(raw_link, sim: SimulatedModem) -> None:
    link, data = raw_link
    assert sim.stream(2000) == 2000
    assert data.wait_for(lambda items: b"".join(items).count(b"\n") >= 2000)


def test_interval_traffic_and_main_help(capsys) -> None:
    sim = SimulatedModem(seed=1, interval=0.01)
    heard = threading.Event()
    sim.endpoint.write = lambda data: heard.set() or True  # observe the traffic thread only
    sim.start()
    assert heard.wait(2.0)
    sim.stop()
    with pytest.raises(SystemExit):
        lora_modem.main(["--help"])
    assert "simulate lora" in capsys.readouterr().out


def test_simulate_lora_as_an_rylr998_that_is_busy_while_transmitting(collector, fast_link) -> None:
    """``ops-console simulate lora --model RYLR998 --busy``: its key length, its name, and
    +ERR=17 to an AT+SEND that comes while the previous frame is on the air."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "ops_console.hardware.simulators.lora_modem", "--model", "RYLR998", "--busy"],
        stdout=subprocess.PIPE,
        text=True,
    )
    data, link = collector(), None
    try:
        line = proc.stdout.readline()
        assert "(RYLR998;" in line
        link = SerialLink(line.split(" on ", 1)[1].split()[0], on_data=data, **fast_link)
        link.start()
        assert link.wait_for_state(LinkState.CONNECTED, 5.0)
        # the simulator's default modulation (SF9, 125 kHz): 108 bytes on the air take ~0.5 s
        for command in (b"AT+CPIN=0BADCAFE", b"AT+CPIN=" + b"0BADCAFE" * 4, b"AT+VER?"):
            link.send(command + b"\r\n")
        link.send(b"AT+SEND=5,100," + b"A" * 100 + b"\r\n" + b"AT+SEND=5,100," + b"B" * 100 + b"\r\n")
        want = b"+OK\r\n+ERR=4\r\n+VER=RYLR998_SIM1.0\r\n+OK\r\n+ERR=17\r\n"
        assert data.wait_for(lambda items: b"".join(items).startswith(want), 5.0), b"".join(data.items)
    finally:
        if link is not None:
            link.close()
        proc.terminate()
        proc.wait(10)
