"""SerialLink over loop://, a real pty and socket:// to a real TCP server: chunks, counters,
unplug/replug with nothing queued lost, guarded callbacks."""

from __future__ import annotations

import logging
import os
import select
import threading
from pathlib import Path

import pytest

from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.transport.link_state import Backoff, LinkState
from ops_console.hardware.transport.serial_link import SerialLink
from ops_console.said import english


@pytest.fixture
def links(fast_link: dict):
    made: list[SerialLink] = []

    def make(url: str, **kw) -> SerialLink:
        link = SerialLink(url, **{**fast_link, **kw})
        made.append(link)
        return link

    yield make
    for link in made:
        link.close()


def joined(c) -> bytes:
    return b"".join(c.items)


def test_loop_url_round_trip_and_counters(links, collector) -> None:
    data, states = collector(), collector()
    link = links("loop://", name="loop", on_data=data, on_state=lambda s, d: states(s))
    link.start()
    ticket = link.send(b"hello ")
    link.send(b"world")
    assert ticket.wait(2.0)
    assert data.wait_for(lambda items: b"".join(items) == b"hello world")
    stats = link.stats()
    assert (stats.bytes_in, stats.bytes_out, stats.state, stats.queued) == (11, 11, LinkState.CONNECTED, 0)
    link.close()
    assert states.items[0] is LinkState.CONNECTED and states.items[-1] is LinkState.CLOSED


def test_pty_reads_in_chunks(links, tmp_path: Path, collector, pty_at) -> None:
    master, slave = pty_at(tmp_path / "tty")
    data = collector()
    link = links(str(tmp_path / "tty"), on_data=data)
    link.start()
    assert link.wait_for_state(LinkState.CONNECTED, 2.0)
    blob = b"+RCV=1,5,HELLO,-40,7\r\n" * 2000
    os.write(master, blob[:30000])
    os.write(master, blob[30000:])
    assert data.wait_for(lambda items: sum(map(len, items)) >= len(blob))
    assert joined(data) == blob
    assert len(data.items) < 100, "read byte by byte instead of in chunks"


def test_callback_exceptions_are_logged_counted_and_survived(links, caplog, collector) -> None:
    seen = collector()

    def explode(chunk: bytes) -> None:
        seen(chunk)
        raise RuntimeError("consumer bug")

    link = links("loop://", on_data=explode)
    link.start()
    link.send(b"one")
    assert seen.wait_count(1)
    link.send(b"two")
    assert seen.wait_for(lambda items: b"two" in b"".join(items))
    assert link.stats().errors >= 2
    assert link.state is LinkState.CONNECTED
    assert "consumer bug" in caplog.text


def test_pty_unplug_is_noticed_and_queued_data_survives_replug(links, sim: SimulatedModem) -> None:
    link = links(sim.port_url, name="lora")
    link.start()
    assert link.wait_for_state(LinkState.CONNECTED, 2.0)
    sim.unplug()
    assert link.wait_for_state(LinkState.RECONNECTING, 2.0)
    ticket = link.send(b"AT+SEND=11,5,HELLO\r\n")
    assert link.stats().queued == 1
    sim.replug()
    assert ticket.wait(5.0)
    assert sim.wait_for_transmissions(1, 5.0)
    assert sim.transmissions == [(11, b"HELLO")]
    assert link.stats().reconnects == 1


def test_socket_server_stop_and_restart(links, tcp_sim: SimulatedModem, collector) -> None:
    data = collector()
    link = links(tcp_sim.port_url, on_data=data)
    link.start()
    assert link.wait_for_state(LinkState.CONNECTED, 2.0)
    tcp_sim.unplug()
    assert link.wait_for_state(LinkState.RECONNECTING, 2.0)
    ticket = link.send(b"AT\r\n")
    tcp_sim.replug()
    assert ticket.wait(5.0)
    assert data.wait_for(lambda items: b"+OK\r\n" in b"".join(items))
    assert link.stats().reconnects == 1


def test_write_failing_midway_is_requeued_first_and_delivered_whole(
    links, tmp_path: Path, caplog, pty_at
) -> None:
    caplog.set_level(logging.WARNING)
    path = tmp_path / "ttyUSB9"
    master, slave = pty_at(path)
    link = links(str(path), write_timeout=30.0)
    link.start()
    assert link.wait_for_state(LinkState.CONNECTED, 2.0)
    big = bytes(range(256)) * 4096  # 1 MiB: cannot fit in a pty buffer
    first, second = link.send(big), link.send(b"after\n")
    ready, _, _ = select.select([master], [], [], 2.0)  # the write has started ...
    assert ready and not first.written.is_set()  # ... and is stuck: nobody reads
    os.close(master)  # unplug mid-write
    os.close(slave)
    path.unlink()
    assert link.wait_for_state(LinkState.RECONNECTING, 2.0)
    master, slave = pty_at(path)  # replug at the same path
    got = bytearray()
    done = threading.Event()

    def drain() -> None:
        while len(got) < len(big) + 6:
            if select.select([master], [], [], 5.0)[0]:
                got.extend(os.read(master, 65536))
            else:
                break
        done.set()

    threading.Thread(target=drain, daemon=True).start()
    assert done.wait(10.0)
    assert bytes(got) == big + b"after\n"
    assert first.wait(2.0) and second.wait(2.0)
    assert "lost" in caplog.text


def test_gives_up_after_max_attempts(links, tmp_path: Path, collector) -> None:
    states = collector()
    link = links(str(tmp_path / "nothing-here"), max_attempts=3, on_state=lambda s, d: states((s, d)))
    link.start()
    assert link.wait_for_state(LinkState.FAILED, 5.0)
    stats = link.stats()
    assert stats.open_failures == 3
    assert "gave up after 3 attempts" in english(stats.detail)


def test_backoff_grows_to_cap_and_resets() -> None:
    b = Backoff(0.2, 1.0)
    assert [b.next() for _ in range(5)] == [0.2, 0.4, 0.8, 1.0, 1.0]
    b.reset()
    assert b.next() == 0.2
