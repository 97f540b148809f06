"""What a Meshtastic packet becomes for the ingest (pure functions), and the address and
call mapping between node numbers and the post's tables."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from meshtastic.protobuf import mesh_pb2, portnums_pb2, telemetry_pb2

from ops_console.hardware.mesh import frames as mf
from ops_console.hardware.mesh import types as mt
from ops_console.hardware.protocols import field_payload as fp
from ops_console.said import english

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
SENDER = 0xDEADBEEF


def packet(port: int, payload: bytes, to: int = mt.BROADCAST_NUM, channel: int = 0) -> mesh_pb2.MeshPacket:
    pkt = mesh_pb2.MeshPacket(
        to=to, channel=channel, id=7, rx_time=int(NOW.timestamp()), rx_snr=4.5, rx_rssi=-90
    )
    setattr(pkt, "from", SENDER)
    pkt.decoded.portnum = port  # type: ignore[assignment]
    pkt.decoded.payload = payload
    return pkt


def frames_of(pkt: mesh_pb2.MeshPacket, battery: int | None = None) -> list:
    return mf.packet_frames(pkt, b"\x94\xc3raw", NOW, "mesh", 0xC0FFEE01, mt.NodeEntry(SENDER, battery))


def test_port_numbers_and_payload_limit_match_the_package() -> None:
    assert (mf.TEXT_APP, mf.POSITION_APP, mf.NODEINFO_APP, mf.ROUTING_APP, mf.TELEMETRY_APP) == (
        portnums_pb2.TEXT_MESSAGE_APP,
        portnums_pb2.POSITION_APP,
        portnums_pb2.NODEINFO_APP,
        portnums_pb2.ROUTING_APP,
        portnums_pb2.TELEMETRY_APP,
    )
    assert mt.DATA_PAYLOAD_LEN == mesh_pb2.Constants.DATA_PAYLOAD_LEN
    assert set(mt.ROUTING_WORDS) == {v for _, v in mesh_pb2.Routing.Error.items() if v}


@settings(deadline=None)  # a loaded machine must not fail an example for its time
@given(st.integers(0, 0xFFFFFFFF))
def test_address_round_trip_fits_a_signed_int32(num: int) -> None:
    address = mt.mesh_address(num)
    assert -(2**31) <= address < 2**31 and mt.node_num(address) == num
    assert mt.parse_mesh_call(mt.mesh_call(num)) == num and fp.CALL.match(mt.mesh_call(num))


@settings(deadline=None)
@given(st.integers(0x10000, 0xFFFFFFFF))
def test_a_stored_mesh_address_is_shown_as_the_apps_name_the_node(num: int) -> None:
    assert mt.shown_address(mt.mesh_address(num)) == f"!{num:08x}"


def test_a_reyax_address_is_shown_as_its_number() -> None:
    assert [mt.shown_address(a) for a in (0, 11, 65535)] == ["0", "11", "65535"]
    assert mt.shown_address(mt.mesh_address(0x9A2B3C03)) == "!9a2b3c03"  # stored as -1708442621


def test_calls_for_channels_and_nodes() -> None:
    assert mt.parse_channel_call("ch2") == 2 and mt.parse_channel_call("CH8") is None
    assert mt.is_mesh_recipient("MDEADBEEF") and not mt.is_mesh_recipient("CANAL-1")


def test_text_to_the_channel_and_to_us() -> None:
    [frame] = frames_of(packet(mf.TEXT_APP, "Brücke gesperrt".encode(), channel=1))
    msg = fp.decode(frame.data)
    assert isinstance(msg, fp.TextFragment) and (msg.index, msg.total) == (1, 1)
    assert (msg.sender, msg.recipient, msg.body.decode()) == ("MDEADBEEF", "CH1", "Brücke gesperrt")
    assert (frame.address, frame.rssi, frame.snr, frame.raw) == (
        mt.mesh_address(SENDER),
        -90,
        4.5,
        b"\x94\xc3raw",
    )
    [frame] = frames_of(packet(mf.TEXT_APP, b"hello", to=0xC0FFEE01))
    assert fp.decode(frame.data).recipient == "MC0FFEE01"  # type: ignore[union-attr]


def test_a_whole_233_byte_text_is_one_frame() -> None:
    text = "%|é" * 58 + "x"  # escapes make it long: 233 bytes in UTF-8
    assert len(text.encode()) == 233
    [frame] = frames_of(packet(mf.TEXT_APP, text.encode()))
    assert fp.decode(frame.data).body.decode() == text  # type: ignore[union-attr]


def test_position_with_battery_and_without_a_fix() -> None:
    pos = mesh_pb2.Position(latitude_i=473769000, longitude_i=85417000, time=int(NOW.timestamp()))
    [frame] = frames_of(packet(mf.POSITION_APP, pos.SerializeToString()), battery=64)
    report = fp.decode(frame.data)
    assert isinstance(report, fp.PositionReport)
    assert (round(report.lat, 5), round(report.lon, 5), report.battery) == (47.3769, 8.5417, 64)
    assert frames_of(packet(mf.POSITION_APP, mesh_pb2.Position().SerializeToString())) == []


def test_environment_telemetry_becomes_sensor_readings() -> None:
    tel = telemetry_pb2.Telemetry(time=int(NOW.timestamp()))
    tel.environment_metrics.temperature = 7.5
    tel.environment_metrics.distance = 1234.0  # a river gauge's distance sensor
    readings = [fp.decode(f.data) for f in frames_of(packet(mf.TELEMETRY_APP, tel.SerializeToString()))]
    assert {(r.sensor, r.kind, r.value, r.unit) for r in readings} == {  # type: ignore[union-attr]
        ("MDEADBEEF", "temperature", 7.5, "C"),
        ("MDEADBEEF", "distance", 1234.0, "mm"),
    }


def test_device_telemetry_gives_the_node_its_battery_and_no_sensor_reading() -> None:
    tel = telemetry_pb2.Telemetry()
    tel.device_metrics.battery_level, tel.device_metrics.voltage = 57, 3.9
    entry = mt.NodeEntry(SENDER)
    assert (
        mf.packet_frames(packet(mf.TELEMETRY_APP, tel.SerializeToString()), b"", NOW, "mesh", 1, entry) == []
    )
    assert entry.battery == 57
    tel.device_metrics.battery_level = 101  # 101: on external power, no battery reading
    mf.packet_frames(packet(mf.TELEMETRY_APP, tel.SerializeToString()), b"", NOW, "mesh", 1, entry)
    assert entry.battery == 57


def test_payload_that_does_not_decode_is_a_flagged_frame() -> None:
    [frame] = frames_of(packet(mf.POSITION_APP, b"\xff\xff\xff"))
    assert frame.error is not None and english(frame.error).startswith("meshtastic port 3:")
    assert frame.raw == b"\x94\xc3raw"


def test_packets_without_a_record_and_encrypted_ones() -> None:
    entry = mt.NodeEntry(SENDER)
    user = mesh_pb2.User(long_name="River watch", short_name="RIVR").SerializeToString()
    assert mf.packet_frames(packet(mf.NODEINFO_APP, user), b"", NOW, "mesh", 1, entry) == []
    assert entry.freeze().label == "River watch"  # the node database learns the name
    enc = mesh_pb2.MeshPacket(to=mt.BROADCAST_NUM, encrypted=b"\x01\x02")
    assert frames_of(enc) == []


@settings(deadline=None)  # a loaded machine must not fail an example for its time
@given(
    kind=st.sampled_from([k for k, _ in mf.ENVIRONMENT.values()]),
    value=st.floats(allow_nan=False, allow_infinity=False, width=32),
)
def test_sensor_frames_are_what_the_field_payload_encoder_makes(kind: str, value: float) -> None:
    unit = dict(mf.ENVIRONMENT.values())[kind]
    tel = telemetry_pb2.Telemetry(time=int(NOW.timestamp()))
    field = next(f for f, (k, _) in mf.ENVIRONMENT.items() if k == kind)
    whole = (
        telemetry_pb2.EnvironmentMetrics.DESCRIPTOR.fields_by_name[field].cpp_type != 6
    )  # 6: CPPTYPE_FLOAT
    setattr(tel.environment_metrics, field, int(abs(value)) % 65536 if whole else value)
    [frame] = frames_of(packet(mf.TELEMETRY_APP, tel.SerializeToString()))
    stored = getattr(tel.environment_metrics, field)
    expected = fp.encode_sensor(
        "MDEADBEEF", mf.number_of(packet(1, b""), NOW), "MDEADBEEF", kind, stored, unit, NOW
    )
    assert [frame.data] == expected


@settings(deadline=None)  # a loaded machine must not fail an example for its time
@given(
    lat=st.integers(-900_000_000, 900_000_000),
    lon=st.integers(-1_800_000_000, 1_800_000_000),
    battery=st.one_of(st.none(), st.integers(0, 100)),
    when=st.integers(0, 2**32 - 1),
)
def test_position_frames_are_what_the_field_payload_encoder_makes(
    lat: int, lon: int, battery: int | None, when: int
) -> None:
    pos = mesh_pb2.Position(latitude_i=lat, longitude_i=lon, time=when)
    frames = frames_of(packet(mf.POSITION_APP, pos.SerializeToString()), battery=battery)
    if not lat and not lon:
        assert frames == []
        return
    at = datetime.fromtimestamp(when, UTC) if when else NOW
    number = mf.number_of(packet(1, b""), NOW)
    assert [f.data for f in frames] == fp.encode_position(
        "MDEADBEEF", number, lat * 1e-7, lon * 1e-7, at, battery
    )


def test_a_position_off_the_earth_is_a_flagged_frame() -> None:
    pos = mesh_pb2.Position(latitude_i=950_000_000, longitude_i=1)
    [frame] = frames_of(packet(mf.POSITION_APP, pos.SerializeToString()))
    assert frame.error is not None and "not on Earth" in frame.error


def _receiver():  # type: ignore[no-untyped-def]
    """A driver's receive path alone (loop:// is never opened: no thread runs)."""
    from ops_console.hardware.mesh.node import MeshNode
    from ops_console.hardware.transport.serial_link import SerialLink

    heard: list = []
    return MeshNode(SerialLink("loop://", name="fuzz"), on_frames=heard.extend), heard


def _frame(msg: mesh_pb2.FromRadio) -> bytes:
    from ops_console.hardware.protocols import meshtastic_stream as ms

    return ms.encode(msg.SerializeToString())


POSITION_FRAME = _frame(
    mesh_pb2.FromRadio(
        packet=packet(mf.POSITION_APP, mesh_pb2.Position(latitude_i=1, longitude_i=2).SerializeToString())
    )
)


@settings(deadline=None, max_examples=200)
@given(pieces=st.lists(st.one_of(st.binary(max_size=64), st.just(POSITION_FRAME)), max_size=20))
def test_fuzz_the_receive_path_never_raises_and_keeps_what_it_can_read(pieces: list[bytes]) -> None:
    """Any bytes into the driver: no exception, every RawFrame keeps a whole frame as read."""
    node, heard = _receiver()
    blob = b"".join(pieces)
    for start in range(0, len(blob), 37):
        node._on_data(blob[start : start + 37])
    for frame in heard:
        assert frame.raw[:2] == b"\x94\xc3" and frame.raw in blob
    node.link.close()


@settings(deadline=None, max_examples=300)
@given(
    port=st.sampled_from([mf.TEXT_APP, mf.POSITION_APP, mf.NODEINFO_APP, mf.TELEMETRY_APP, 0, 999]),
    payload=st.binary(max_size=80),
)
def test_fuzz_any_payload_becomes_frames_or_a_flagged_frame(port: int, payload: bytes) -> None:
    """A packet that decodes as a MeshPacket but whose payload is anything: never an exception;
    whatever comes out is a valid field payload frame or a flagged one."""
    for frame in frames_of(packet(port, payload)):
        assert frame.error is not None or not isinstance(fp.decode(frame.data), fp.DecodeError)


def test_a_fragment_is_framed_as_the_field_payload_frames_it() -> None:
    from ops_console.hardware.mesh import frames as mf

    text = "Sandbags | 沙袋 100%"
    assert (
        mf.fragment("M1A2B3C01", "CH0", 77, 1, 1, text.encode())
        == fp.encode_text("M1A2B3C01", "CH0", 77, fp.Precedence.ROUTINE, text, 4096)[0]
    )
