"""A post with a Meshtastic node: the simulated node on a real pty, reached through the real
SerialLink and MeshNode, into a real post. The mesh's nodes land in the Nodes table with
position, battery and last heard, its texts in the comms log, its environment telemetry in
the sensor readings; the outbox sends to a node or the channel with honest delivery states."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from helpers.posts import open_signed_on
from helpers.waiting import wait
from ops_console.db.radio_models import SensorReading
from ops_console.errors import ValidationError
from ops_console.hardware.mesh.types import mesh_address, mesh_call, node_id
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.hardware.simulators.mesh_node import SimulatedMeshNode
from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec, devices_from_config, parse_device
from ops_console.radio.runtime import RadioRuntime
from ops_console.said import english


@pytest.fixture
def mesh_sim() -> Iterator[SimulatedMeshNode]:
    sim = SimulatedMeshNode(transport="pty", seed=9, debug_rate=0.0)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def runtime(post: Post, mesh_sim: SimulatedMeshNode, radio_sim: SimulatedModem) -> Iterator[RadioRuntime]:
    """A REYAX modem and a Meshtastic node side by side."""
    specs = [
        DeviceSpec("lora", radio_sim.port_url, 115200, "lora-a"),
        DeviceSpec("meshtastic", mesh_sim.port_url, 115200, "mesh-a"),
    ]
    rt = RadioRuntime(post.radio, specs)
    rt.start()
    assert rt.wait_ready(10.0), rt.status()
    yield rt
    rt.stop()


def test_device_specs_name_meshtastic() -> None:
    assert parse_device("meshtastic:/dev/ttyACM0") == DeviceSpec("meshtastic", "/dev/ttyACM0")
    specs, problems = devices_from_config(
        [
            {"kind": "meshtastic", "port": "/dev/ttyACM0", "name": "mesh"},
            {"kind": "meshtastic", "port": "/dev/ttyACM1", "cpin": "0BADCAFE"},
        ]
    )
    assert [s.port for s in specs] == ["/dev/ttyACM0"]
    assert [english(p) for p in problems] == [
        "[[device]] #2 (/dev/ttyACM1): a Meshtastic node takes no cpin (set the node's radio with its own app)"
    ]


def test_mesh_nodes_texts_and_sensors_reach_the_post(post, mesh_sim, runtime) -> None:
    river = mesh_sim.neighbours[2]
    for msg in (
        mesh_sim.position_of(river),
        mesh_sim.device_telemetry_of(river),
        mesh_sim.environment_of(river),
        mesh_sim.text_from(river, "Water is rising at the footbridge"),
    ):
        mesh_sim.send_from_radio(msg)
    addr = mesh_address(river.num)
    assert wait(lambda: any(n.addr == addr and n.lat is not None for n in post.radio.nodes()), 10.0)
    node = next(n for n in post.radio.nodes() if n.addr == addr)
    assert node.callsign == mesh_call(river.num) and node.battery == 90.0 and node.last_heard is not None
    assert abs(node.lat - river.lat) < 1e-5  # type: ignore[operator]
    assert wait(lambda: any(m.body == "Water is rising at the footbridge" for m in post.radio.page()), 10.0)
    msg = next(m for m in post.radio.page() if m.body.startswith("Water"))
    assert (msg.station, msg.recipient, msg.link, msg.direction) == (
        mesh_call(river.num),
        "CH0",
        "mesh-a",
        "in",
    )
    with post.db.read() as s:
        kinds = set(s.scalars(select(SensorReading.kind).where(SensorReading.node_addr == addr)))
    assert kinds == {"temperature", "humidity", "pressure"}
    status = {st.name: st for st in runtime.status()}
    assert status["mesh-a"].state == "ready" and status["mesh-a"].kind == "meshtastic"
    assert (
        status["mesh-a"].airtime_budget == 0.0 and status["lora-a"].airtime_budget > 0
    )  # the node keeps its own
    assert any("Search team Alpha" in line for line in status["mesh-a"].mesh_nodes)


def test_outbox_to_a_mesh_node_relayed_then_acked(post, mesh_sim, radio_sim, runtime) -> None:
    alpha = mesh_sim.neighbours[0]
    msg = post.radio.outbox.compose(mesh_call(alpha.num), "Come back to the post")
    assert mesh_sim.wait_for_texts(1, 10.0)
    assert (
        mesh_sim.received[0].to == alpha.num
        and mesh_sim.received[0].decoded.payload == b"Come back to the post"
    )
    assert wait(lambda: post.radio.get(msg.id).status == "acked", 10.0)
    assert post.radio.get(msg.id).link == "mesh-a"
    assert radio_sim.transmissions == []  # the REYAX modem never carried it


def test_outbox_to_the_channel_is_relayed_not_delivered(post, mesh_sim, runtime) -> None:
    msg = post.radio.outbox.compose("CH0", "All teams report in")
    assert mesh_sim.wait_for_texts(1, 10.0)
    assert mesh_sim.received[0].to == 0xFFFFFFFF
    assert wait(lambda: post.radio.get(msg.id).status == "relayed", 10.0)


def test_outbox_to_an_unreachable_node_fails_in_words(post, mesh_sim, runtime) -> None:
    hill = mesh_sim.neighbours[4]
    msg = post.radio.outbox.compose(mesh_call(hill.num), "Are you there?")
    assert wait(lambda: post.radio.get(msg.id).status == "failed", 10.0)
    assert english(post.radio.get(msg.id).last_error) == "not acknowledged after the last retransmission"


def test_a_text_too_long_for_meshtastic_is_refused_with_the_reason(post) -> None:
    assert post.radio.outbox.check("CH0", "x" * 233).frames == 1
    assert post.radio.outbox.check("CH0", "x" * 234).frames == 2  # sent in two parts
    check = post.radio.outbox.check("CH0", "x" * 233 * 9)
    assert english(check.problem) == (
        "Too long for Meshtastic: 2097 bytes would take 10 packets of at most 233 bytes; "
        "at most 8 are sent for one text. Shorten it."
    )
    with pytest.raises(ValidationError):
        post.radio.outbox.compose("CH0", "x" * 233 * 9)


CHINESE_600 = "河水在人行桥处上涨，请派沙袋和两名队员到学校。" * 9  # 621 bytes in UTF-8


def test_a_600_byte_chinese_text_is_sent_in_parts_and_delivered_when_all_are(post, mesh_sim, runtime) -> None:
    alpha = mesh_sim.neighbours[0]
    msg = post.radio.outbox.compose(mesh_call(alpha.num), CHINESE_600)
    assert mesh_sim.wait_for_texts(3, 10.0)
    payloads = [p.decoded.payload for p in mesh_sim.received]
    assert b"".join(p[6:] for p in payloads).decode() == CHINESE_600
    assert all(len(p) <= 233 for p in payloads)
    assert wait(lambda: post.radio.get(msg.id).status == "acked", 10.0)


def test_one_failed_part_fails_the_whole_text_in_words(post, mesh_sim, runtime) -> None:
    mesh_sim.auto_ack = False
    alpha = mesh_sim.neighbours[0]
    msg = post.radio.outbox.compose(mesh_call(alpha.num), CHINESE_600)
    assert mesh_sim.wait_for_texts(3, 10.0)
    first, second, third = mesh_sim.received
    mesh_sim.acknowledge(first)
    mesh_sim.acknowledge(third)
    hill = mesh_sim.neighbours[4]  # unreachable: what the mesh says of the second part
    mesh_sim.send_from_radio(mesh_sim._routing(hill, second.id, 5))
    assert wait(lambda: post.radio.get(msg.id).status == "failed", 10.0)
    assert (
        english(post.radio.get(msg.id).last_error)
        == "part 2 of 3: not acknowledged after the last retransmission"
    )


def test_a_text_resent_after_a_failed_part_follows_the_new_packets_only(post, mesh_sim, runtime) -> None:
    mesh_sim.auto_ack = False
    alpha, hill = mesh_sim.neighbours[0], mesh_sim.neighbours[4]
    msg = post.radio.outbox.compose(mesh_call(alpha.num), CHINESE_600)
    assert mesh_sim.wait_for_texts(3, 10.0)
    mesh_sim.send_from_radio(mesh_sim._routing(hill, mesh_sim.received[1].id, 1))  # no route
    assert wait(lambda: post.radio.get(msg.id).status == "failed", 10.0)
    post.radio.outbox.resend(msg.id)
    assert mesh_sim.wait_for_texts(6, 10.0)
    for pkt in mesh_sim.received[3:]:
        mesh_sim.acknowledge(pkt)
    assert wait(lambda: post.radio.get(msg.id).status == "acked", 10.0)


def test_a_text_heard_in_parts_is_one_message_in_the_log(post, mesh_sim, runtime) -> None:
    river = mesh_sim.neighbours[2]
    for part in mesh_sim.texts_from(river, CHINESE_600):
        mesh_sim.send_from_radio(part)
    assert wait(lambda: any(m.body == CHINESE_600 for m in post.radio.page()), 10.0)
    mine = [m for m in post.radio.page() if m.station == mesh_call(river.num) and m.direction == "in"]
    assert len(mine) == 1 and mine[0].recipient == "CH0"


def test_a_part_lost_on_the_mesh_shows_what_arrived_marked_incomplete(post, mesh_sim, runtime) -> None:
    runtime.mesh_nodes[0].text_parts.timeout = 0.5
    river = mesh_sim.neighbours[2]
    first, _lost, third = mesh_sim.texts_from(river, CHINESE_600)
    mesh_sim.send_from_radio(first)
    mesh_sim.send_from_radio(third)
    assert wait(lambda: any("not received" in m.body for m in post.radio.page()), 10.0)
    (msg,) = [m for m in post.radio.page() if m.station == mesh_call(river.num)]
    assert "part 2 of 3 not received: the message is incomplete" in msg.body
    assert msg.body.startswith(first.packet.decoded.payload[6:].decode())
    assert msg.body.endswith(third.packet.decoded.payload[6:].decode())


def test_the_gap_of_a_lost_part_reads_in_the_language_of_the_console(post, mesh_sim, runtime, qapp) -> None:
    from PySide6.QtCore import QLocale

    from ops_console.language import install_translators, remove_translators

    runtime.mesh_nodes[0].text_parts.timeout = 0.5
    river = mesh_sim.neighbours[2]
    first, _lost, third = mesh_sim.texts_from(river, CHINESE_600)
    mesh_sim.send_from_radio(first)
    mesh_sim.send_from_radio(third)
    assert wait(lambda: any("not received" in m.body for m in post.radio.page()), 10.0)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        (msg,) = [m for m in post.radio.page() if m.station == mesh_call(river.num)]
    finally:
        remove_translators(qapp, translators)
    assert "not received" not in msg.body and "[第 2 部分（共 3 部分）未收到：消息不完整]" in msg.body
    assert msg.body.startswith(first.packet.decoded.payload[6:].decode())  # what came, as it came


def test_an_ack_after_a_restart_of_the_console_still_marks_the_message(db_url, mesh_sim) -> None:
    mesh_sim.auto_ack = False
    alpha = mesh_sim.neighbours[0]
    spec = [DeviceSpec("meshtastic", mesh_sim.port_url, 115200, "mesh-a")]
    post = open_signed_on(db_url)
    rt = RadioRuntime(post.radio, spec)
    rt.start()
    try:
        assert rt.wait_ready(10.0), rt.status()
        msg = post.radio.outbox.compose(mesh_call(alpha.num), "Bring the pump to the school")
        assert mesh_sim.wait_for_texts(1, 10.0)
        assert wait(lambda: post.radio.get(msg.id).status == "sent", 10.0)
    finally:
        rt.stop()
        post.close()
    post = open_signed_on(db_url)  # the console again, knowing nothing in memory
    rt = RadioRuntime(post.radio, spec)
    rt.start()
    try:
        assert rt.wait_ready(10.0), rt.status()
        mesh_sim.acknowledge(mesh_sim.received[0])
        assert wait(lambda: post.radio.get(msg.id).status == "acked", 10.0)
    finally:
        rt.stop()
        post.close()


def test_the_demo_starts_a_mesh_node_beside_the_reyax_modem(db_url) -> None:
    post = open_signed_on(db_url)
    try:
        rt = RadioRuntime(post.radio, [], demo=True, demo_interval=0.3)
        rt.start()
        try:
            assert rt.wait_ready(15.0), rt.status()
            assert {s.name for s in rt.status()} == {"demo-lora", "demo-mesh"}
            assert wait(lambda: any(n.callsign.startswith("M") and n.lat for n in post.radio.nodes()), 20.0)
        finally:
            rt.stop()
    finally:
        post.close()


def test_mesh_nodes_are_shown_by_their_own_names_with_the_call(post, mesh_sim, runtime) -> None:
    from ops_console.mapping.live import load_tracks

    river = mesh_sim.neighbours[2]
    call = mesh_call(river.num)
    mesh_sim.send_from_radio(mesh_sim.position_of(river))
    mesh_sim.send_from_radio(mesh_sim.text_from(river, "Gauge reads 2.4 m"))
    assert wait(lambda: any(n.shown == f"River watch ({call})" for n in post.radio.nodes()), 10.0)
    assert wait(lambda: any(m.body == "Gauge reads 2.4 m" for m in post.radio.page()), 10.0)
    msg = next(m for m in post.radio.page() if m.body == "Gauge reads 2.4 m")
    assert (msg.station, msg.shown_station, msg.shown_recipient) == (call, f"River watch ({call})", "CH0")
    out = post.radio.outbox.compose(call, "Thanks")
    assert post.radio.get(out.id).shown_recipient == f"River watch ({call})"
    track = next(t for t in load_tracks(post) if t.callsign == call)
    assert track.team_name == "River watch" and track.team_id is None
    # a name the node changes later (a NODEINFO packet heard) follows
    from meshtastic.protobuf import mesh_pb2, portnums_pb2

    user = mesh_pb2.User(id=f"!{river.num:08x}", long_name="River gauge east", short_name="RGE")
    mesh_sim.send_from_radio(mesh_sim.packet(river, portnums_pb2.NODEINFO_APP, user.SerializeToString()))
    assert wait(lambda: any(n.shown == f"River gauge east ({call})" for n in post.radio.nodes()), 10.0)


def test_delivery_of_parts_is_stored_on_every_engine(any_post) -> None:
    """The pairing and the whole text's state from its parts, on SQLite and PostgreSQL
    (packet ids are unsigned 32-bit: one above 2**31 included)."""
    outbox = any_post.radio.outbox
    msg = outbox.compose("M1A2B3C01", "x" * 400)
    outbox.mark_mesh_sent(msg, "mesh-a", [0xFFFFFFFE, 7])
    assert outbox.mark_delivery(0xFFFFFFFE, "acked", "acknowledged by Alpha") == msg.id
    assert any_post.radio.get(msg.id).status == "sent"  # one part of two
    outbox.mark_delivery(7, "relayed", "a neighbour was heard relaying it")
    assert any_post.radio.get(msg.id).status == "relayed"
    outbox.mark_delivery(7, "acked", "acknowledged by Alpha")
    assert any_post.radio.get(msg.id).status == "acked"
    outbox.mark_delivery(7, "relayed", "late implicit ACK")  # never weaker again
    assert any_post.radio.get(msg.id).status == "acked"
    assert outbox.mark_delivery(12345, "acked", "someone else's packet") is None


def test_whole_state_follows_every_part() -> None:
    from ops_console.radio.outbox import whole_state

    assert whole_state([(1, 2, "acked", ""), (2, 2, "relayed", "")]) == ("relayed", "")
    assert whole_state([(1, 2, "acked", ""), (2, 2, "sent", "")]) == ("sent", "")
    state, words = whole_state([(1, 2, "relayed", ""), (2, 2, "failed", "no route to the node")])
    assert (state, english(words)) == ("failed", "part 2 of 2: no route to the node")
    assert whole_state([(1, 1, "failed", "no route to the node")]) == ("failed", "no route to the node")


def test_the_radio_panel_shows_mesh_nodes_by_name(
    panel, post, mesh_sim, runtime, qtbot, screenshot_dir
) -> None:
    """The real panel: the Nodes table and the comms log read 'River watch (M9A2B3C03)'."""
    from PySide6.QtCore import Qt

    river = mesh_sim.neighbours[2]
    shown = f"River watch ({mesh_call(river.num)})"
    mesh_sim.send_from_radio(mesh_sim.position_of(river))
    for part in mesh_sim.texts_from(river, CHINESE_600):
        mesh_sim.send_from_radio(part)
    assert wait(lambda: any(m.body == CHINESE_600 for m in post.radio.page()), 10.0)

    panel.reload()

    def names_shown() -> bool:
        nodes = panel.nodes_model
        in_nodes = any(
            nodes.data(nodes.index(r, 0), Qt.ItemDataRole.DisplayRole) == shown
            for r in range(nodes.rowCount())
        )
        log = panel.model
        in_log = any(
            log.data(log.index(r, 2), Qt.ItemDataRole.DisplayRole) == shown for r in range(log.rowCount())
        )
        return in_nodes and in_log

    qtbot.waitUntil(names_shown, timeout=10000)
    log = panel.model
    row = next(
        r for r in range(log.rowCount()) if log.data(log.index(r, 2), Qt.ItemDataRole.DisplayRole) == shown
    )
    assert log.data(log.index(row, 2), Qt.ItemDataRole.ToolTipRole) == shown  # whole when the column cuts it
    nodes = panel.nodes_model
    assert nodes.data(nodes.index(0, 0), Qt.ItemDataRole.ToolTipRole) == shown
    assert panel.nodes_table.columnWidth(0) >= panel.nodes_table.fontMetrics().horizontalAdvance(shown)
    river_row = next(r for r in range(nodes.rowCount()) if nodes.data(nodes.index(r, 0)) == shown)
    addr = nodes.data(nodes.index(river_row, 1))
    assert addr == node_id(river.num), "the node as the Meshtastic apps name it, not its signed stored view"
    assert panel.nodes_table.columnWidth(1) >= panel.nodes_table.fontMetrics().horizontalAdvance(addr)
    assert panel.grab().save(str(screenshot_dir / "radio_mesh_names.png"))


def test_the_compose_box_counts_meshtastic_packets_not_airtime(panel) -> None:
    compose = panel.compose
    compose.to_box.setEditText("CH0")
    compose.text_edit.setPlainText(CHINESE_600)
    assert compose.counter.text() == "621 B · 3/8 Meshtastic packets"
    assert compose.send_button.isEnabled()
    compose.text_edit.setPlainText("x" * 233 * 9)
    assert (
        compose.counter.text().startswith("Too long for Meshtastic") and not compose.send_button.isEnabled()
    )


def test_node_names_are_kept_on_every_engine(any_post) -> None:
    from ops_console.hardware.mesh.types import MeshNodeInfo
    from ops_console.radio.mesh_names import MeshNames, label

    names = any_post.radio.mesh_names
    river = MeshNodeInfo(0x9A2B3C03, "River watch", "RIVR")
    assert names.store([river, MeshNodeInfo(0x1A2B3C09)]) == 1  # a node with no name is not stored
    assert names.store([river]) == 0  # unchanged: nothing written
    assert names.store([MeshNodeInfo(0x9A2B3C03, "River gauge east", "RGE")]) == 1
    fresh = MeshNames(any_post.db)  # another workstation reads them from the database
    assert fresh.label_of("M9A2B3C03") == "River gauge east (M9A2B3C03)"
    assert fresh.label_of("RESCUE1") == "RESCUE1" and fresh.label_of("M1A2B3C09") == "M1A2B3C09"
    assert label("M1", "", "ALF") == "ALF (M1)" and label("M1") == "M1"
