"""The post's own call sign and tactical calls from ``[radio]`` in the config file: on every
frame sent, deciding which received messages and acks are ours, and in the gateway.
Real simulated modem on a pty, real SQLite, the real command for the gateway."""

from __future__ import annotations

import argparse
import signal
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.cli import read_until, run_cli, spawn
from helpers.waiting import wait
from ops_console.commands import radio_settings
from ops_console.config import load_settings
from ops_console.errors import ValidationError
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.post import open_post


@pytest.fixture
def eoc_sim() -> Iterator[SimulatedModem]:
    """Field teams that know the post as EOC-1 (they address it so and ack to it)."""
    sim = SimulatedModem(transport="pty", seed=3, garbage_rate=0.0, error_rate=0.0, console_call="EOC-1")
    sim.start()
    yield sim
    sim.stop()


def test_the_configured_call_is_on_the_air_and_its_acks_count(post, eoc_sim, start_runtime) -> None:
    post.radio.configure(call_sign="eoc-1")
    start_runtime(post, eoc_sim)
    msg = post.radio.outbox.compose("ALL", "All teams: EOC-1 is on the air")
    assert eoc_sim.wait_for_transmissions(1, 8.0)
    assert fp.decode(eoc_sim.transmissions[0][1]).sender == "EOC-1" and msg.station == "EOC-1"


def test_messages_to_our_call_are_acked_and_others_are_not(post, eoc_sim, start_runtime) -> None:
    post.radio.configure(call_sign="EOC-1")
    start_runtime(post, eoc_sim)
    [for_us] = fp.encode_text("MEDIC2", "EOC-1", 4, fp.Precedence.ROUTINE, "Shelter B open")
    [for_ops] = fp.encode_text("MEDIC2", "OPS", 5, fp.Precedence.ROUTINE, "for another post")
    eoc_sim.inject_bytes(rcv_line(12, for_ops, -80, 2) + rcv_line(12, for_us, -80, 2))
    assert eoc_sim.wait_for_transmissions(1, 8.0)
    time.sleep(0.5)  # an ack for the other post's message would have gone out by now
    [(addr, frame)] = eoc_sim.transmissions
    ack = fp.decode(frame)
    assert (
        addr == 12
        and isinstance(ack, fp.Ack)
        and (ack.sender, ack.recipient, ack.number) == ("EOC-1", "MEDIC2", 4)
    )


def test_a_team_acks_our_call_and_the_outbox_sees_it(post, eoc_sim, start_runtime) -> None:
    post.radio.configure(call_sign="EOC-1", tactical={"RESCUE1": 11})  # no need to hear the team first
    start_runtime(post, eoc_sim)
    msg = post.radio.outbox.compose("RESCUE1", "Pump on its way", fp.Precedence.PRIORITY)
    assert msg.node_addr == 11
    assert wait(lambda: post.radio.get(msg.id).status == "acked")


def test_a_tactical_call_reaches_its_node_and_beats_what_was_heard(post, radio_sim, start_runtime) -> None:
    post.radio.configure(tactical={"shelter-b": 12, "RESCUE1": 14})
    assert post.radio.settings.tactical == {"SHELTER-B": 12, "RESCUE1": 14}
    start_runtime(post, radio_sim)
    radio_sim.inject_bytes(
        rcv_line(11, fp.encode_position("RESCUE1", 1, 47.0, 8.0, datetime.now(UTC))[0], -60, 5)
    )
    assert wait(lambda: len(post.radio.nodes()) == 1)
    shelter = post.radio.outbox.compose("SHELTER-B", "Cots arriving")
    rescue = post.radio.outbox.compose("RESCUE1", "Return to base")
    assert (shelter.node_addr, rescue.node_addr) == (12, 14)  # the config file's word wins
    assert radio_sim.wait_for_transmissions(2, 8.0)
    assert sorted(addr for addr, _ in radio_sim.transmissions) == [12, 14]


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"call_sign": "EOC_1"}, "call_sign"),
        ({"call_sign": "EOC-CENTRAL"}, "call_sign"),
        ({"call_sign": "ALL"}, "call_sign"),
        ({"call_sign": ""}, "call_sign"),
        ({"tactical": {"SHELTER B": 12}}, "tactical"),
        ({"tactical": {"SHELTER-B": 0}}, "tactical"),
        ({"tactical": {"SHELTER-B": "12"}}, "tactical"),
        ({"tactical": {"SHELTER-B": True}}, "tactical"),
    ],
)
def test_the_service_refuses_bad_values_and_keeps_its_own(post, kwargs, field) -> None:
    with pytest.raises(ValidationError) as caught:
        post.radio.configure(**kwargs)
    assert field in caught.value.problems
    assert post.radio.outbox.console_call == post.radio.ingest.console_call == "OPS"
    assert post.radio.outbox.tactical == {}


def _post_with(db_url: str, config: Path):  # type: ignore[no-untyped-def]
    """A post opened the way the CLI opens one: the settings read once, handed to open_post."""
    return open_post(db_url, settings=load_settings(config))


def test_radio_settings_read_the_config_file_and_print_problems(db_url, tmp_path, capsys) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[radio]\ncall_sign = "eoc-1"\n\n[radio.tactical]\nSHELTER-B = 12\nDEPOT = 70000\n', encoding="utf-8"
    )
    post = _post_with(db_url, config)
    try:
        radio_settings(post, argparse.Namespace(device=None, demo=False))
        assert post.radio.outbox.console_call == "EOC-1" and post.radio.outbox.tactical == {"SHELTER-B": 12}
        assert "[radio.tactical] DEPOT = 70000" in capsys.readouterr().err
        assert post.radio.settings.problems and "DEPOT" in post.radio.settings.problems[0]
    finally:
        post.close()


def test_a_bad_call_sign_is_named_and_the_default_stays(db_url, tmp_path, capsys) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[radio]\ncall_sign = "EOC 1"\n', encoding="utf-8")
    post = _post_with(db_url, config)
    try:
        radio_settings(post, argparse.Namespace(device=None, demo=False))
        err = capsys.readouterr().err
        assert (
            "[radio] call_sign = 'EOC 1' is not a call sign" in err
            and post.radio.outbox.console_call == "OPS"
        )
    finally:
        post.close()


def test_the_gateway_goes_on_the_air_with_the_configured_call(tmp_path: Path, eoc_sim) -> None:
    (tmp_path / "config.toml").write_text('[radio]\ncall_sign = "EOC-1"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'post.sqlite'}"
    assert run_cli(tmp_path, "--db", url, "db", "upgrade").returncode == 0
    gateway = spawn(tmp_path, "--db", url, "gateway", "--device", f"lora:{eoc_sim.port_url}")
    try:
        read_until(gateway, "on the air as EOC-1", "ready (configured)")
        [frame] = fp.encode_text("MEDIC2", "EOC-1", 9, fp.Precedence.ROUTINE, "Shelter B open")
        eoc_sim.inject_bytes(rcv_line(12, frame, -80, 2))
        assert eoc_sim.wait_for_transmissions(1, 15.0)
        assert fp.decode(eoc_sim.transmissions[0][1]).sender == "EOC-1"  # the gateway acked as EOC-1
    finally:
        gateway.send_signal(signal.SIGTERM)
        assert gateway.wait(10) == 0
