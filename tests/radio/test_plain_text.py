"""Plain text from radios that do not speak the field payload: heard as unverified messages,
their senders as nodes, distress words at the start raising EMERGENCY; the parsers fuzzed."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from helpers.waiting import wait
from ops_console.alerts import collect
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols import plain_text
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.radio.distress import distress_word, effective_precedence


def heard(data: bytes, address: int = 77, when: datetime | None = None) -> RawFrame:
    return RawFrame(
        rcv_line(address, data, -90, 2).rstrip(),
        when or datetime.now(UTC),
        "lora-test",
        address,
        data,
        -90,
        2,
    )


def raw_rows(post) -> list[RawRow]:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return list(s.scalars(select(RawRow).order_by(RawRow.id)))


# --- the pure parts -----------------------------------------------------------------------


def test_what_counts_as_plain_text() -> None:
    assert plain_text.decode(b"Hello from the school roof") == plain_text.PlainText(
        "Hello from the school roof"
    )
    assert plain_text.decode("  紧急 桥塌了 \r\n".encode()) == plain_text.PlainText("紧急 桥塌了")
    for not_text in (
        b"",
        b"   ",
        b"\x00\x01garbage",
        b"\xc3\x28\xff",
        b"---",
        b"x" * 241,
        b"P1|MEDIC2|13|47.3|8.5|1714566605|87",  # a field payload frame that lost its trailer
        b"T1|RESCUE1|OPS|12|E|1/1|help",
    ):
        assert plain_text.decode(not_text) is None, not_text


def test_distress_words_at_the_start_only() -> None:
    for text in (
        "EMERGENCY bridge down",
        "mayday mayday",
        "SOS!",
        " sos at the ford",
        "紧急！河水漫过堤坝",
        "求救 三人被困",
    ):
        assert distress_word(text), text
        assert effective_precedence("ROUTINE", text) == "EMERGENCY"
    for text in ("Sostenuto", "No emergency here", "All is well, SOS cancelled", "紧", "Maydays are over"):
        assert distress_word(text) is None, text
        assert effective_precedence("WELFARE", text) == "WELFARE"


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_plain_text_decode_never_raises_and_keeps_its_promises(data: bytes) -> None:
    found = plain_text.decode(data)
    if found is not None:
        assert found.text == found.text.strip() and any(c.isalnum() for c in found.text)
        assert len(data) <= plain_text.MAX_TEXT and found.text.encode() in data


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_distress_word_never_raises(text: str) -> None:
    word = distress_word(text)
    assert word is None or word in ("EMERGENCY", "MAYDAY", "SOS", "紧急", "求救")


def _distress_by_regex_alone(text: str) -> str | None:
    """distress_word without its first-letter shortcut: the reference it must match."""
    from ops_console.radio.distress import _CJK, _LATIN

    found = _LATIN.match(text) or _CJK.match(text)
    return found.group(1).upper() if found else None


@settings(max_examples=500, deadline=None)
@given(
    st.text(max_size=40)
    | st.builds(
        "".join,
        st.lists(st.sampled_from([" ", "\t", "\u3000", "\n", "ſ", "s", "O", "MAYDAY", "sos", "紧急", "x"])),
    )
)
def test_distress_word_takes_its_shortcut_without_changing_an_answer(text: str) -> None:
    assert distress_word(text) == _distress_by_regex_alone(text)
    assert distress_word("ſOS now") == "SOS" == _distress_by_regex_alone("ſOS now")  # LONG S is an s


# --- through the real ingest ----------------------------------------------------------------


def test_plain_text_is_an_unverified_message_and_its_sender_a_node(post) -> None:
    post.radio.ingest.ingest(
        [
            heard(b"Water rising at the school, 20 people on roof"),
            heard("紧急 桥塌了 两人被困".encode(), address=78),
            heard(b"P1|MEDIC2|13|47.3|8.5|1714566605|87", address=79),
        ]
    )  # broken payload
    messages = post.radio.page()
    by_station = {m.station: m for m in messages}
    assert set(by_station) == {"#77", "#78"}
    school, bridge = by_station["#77"], by_station["#78"]
    assert school.kind == bridge.kind == "plain" and school.number == 0 and school.precedence == "ROUTINE"
    assert bridge.precedence == "EMERGENCY" and bridge.needs_attention and bridge.body.startswith("紧急")
    assert [a.id for a in post.radio.unacknowledged_alerts()] == [bridge.id]
    [alert] = [a for a in collect(post) if a.source == "radio"]
    assert alert.title == "EMERGENCY from #78 (plain text, unverified)"
    assert {n.addr for n in post.radio.nodes()} == {77, 78}  # the broken payload is not a node heard
    rows = raw_rows(post)
    assert [r.status for r in rows] == ["plain", "plain", "invalid"] and rows[2].error == fp.NO_TRAILER
    assert bytes(rows[1].data).endswith(b",-90,2") and rows[0].message_id == school.id  # stored raw first


def test_plain_text_is_never_acked_and_a_quick_copy_is_a_repeat(post) -> None:
    asked = []
    post.radio.ingest.on_ack_needed = lambda *a: asked.append(a)
    post.radio.ingest.ingest([heard(b"SOS two people on the church roof")])
    post.radio.ingest.ingest(
        [heard(b"SOS two people on the church roof", address=77)]
    )  # a second radio of ours
    assert len(post.radio.page()) == 1 and asked == []
    assert [r.status for r in raw_rows(post)] == ["plain", "duplicate"]


def test_field_texts_starting_with_a_distress_word_raise_the_alarm(post) -> None:
    frames = fp.encode_text(
        "SEARCH3", "OPS", 7, fp.Precedence.ROUTINE, "MAYDAY team member injured at quarry"
    )
    post.radio.ingest.ingest([heard(f, 13) for f in frames])
    [msg] = post.radio.page()
    assert msg.kind == "text" and msg.precedence == "EMERGENCY" and msg.needs_attention


def test_plain_text_over_the_simulated_modem(post, radio_sim, start_runtime) -> None:
    """Real bytes through a real pty, the driver and the ingest: an Arduino sending UTF-8."""
    start_runtime(post, radio_sim)
    radio_sim.inject_bytes(rcv_line(150, "求救 山体滑坡".encode(), -101, -6))
    assert wait(lambda: len(post.radio.unacknowledged_alerts()) == 1)
    [alert] = post.radio.unacknowledged_alerts()
    assert alert.kind == "plain" and alert.station == "#150" and alert.node_addr == 150
    assert any(n.addr == 150 for n in post.radio.nodes())
