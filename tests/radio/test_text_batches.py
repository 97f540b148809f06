"""Texts in big batches (the few-statements-per-batch path, message_sql.py) mean exactly
what they meant one by one, on SQLite and PostgreSQL: every raw row points at its
message and back, repeats of stored copies are flagged and linked to the first copy
after a restart, EMERGENCY and EXERCISE are kept, each fresh text to us is acked, and
acks of our messages are matched once each. The batches hold more than 512 texts from
more than 512 stations, so every chunked statement runs more than once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import column, create_engine, select, table, text
from sqlalchemy.exc import IntegrityError, OperationalError

from helpers.posts import open_signed_on
from ops_console.db.radio_models import RadioMessage, RadioNode
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.radio.bulk import BulkInsert, driver_errors
from ops_console.radio.derived import storable
from ops_console.topics import Topic

STATIONS = 600
TEXTS = 1100


def heard(data: bytes, address: int, when: datetime, link: str = "lora-test") -> RawFrame:
    return RawFrame(rcv_line(address, data, -70, 3).rstrip(), when, link, address, data, -70, 3)


def sealed(body: bytes) -> bytes:
    return body + b"*%04X" % fp.crc16(body)


def texts(when: datetime) -> list[RawFrame]:
    """TEXTS one-frame texts to us, from STATIONS stations; a few with something to keep."""
    frames = []
    for n in range(TEXTS):
        call, number = f"S{n % STATIONS}", 100 + n // STATIONS
        precedence = fp.Precedence.PRIORITY if n % 3 else fp.Precedence.ROUTINE
        body = {7: "MAYDAY boat sinking at the weir", 8: "EXERCISE EXERCISE casualty at the school"}.get(
            n, f"report {n} from the field"
        )
        data = fp.encode_text(call, "OPS", number, precedence, body)[0]
        if n == 9:  # a NUL and a byte that is no UTF-8: stored on every engine
            data = sealed(b"T1|S9|OPS|100|R|1/1|NUL%00 and bad %FF UTF-8")
        frames.append(heard(data, 1000 + n % STATIONS, when))
    return frames


def linked(post) -> list[tuple[int, str, int | None, int | None, int | None]]:
    """Raw rows: id, status, the message they point at, and that message's raw row."""
    with post.db.read() as s:
        rows = s.execute(
            select(RawRow.id, RawRow.status, RawRow.message_id, RadioMessage.raw_frame_id)
            .outerjoin(RadioMessage, RadioMessage.id == RawRow.message_id)
            .order_by(RawRow.id)
        ).all()
    return [tuple(r) for r in rows]


def test_a_big_batch_of_texts_and_its_repeat_after_a_restart(any_db_url) -> None:
    when = datetime.now(UTC).replace(microsecond=0)
    first = open_signed_on(any_db_url)
    acks: list[tuple[int, str, int]] = []
    first.radio.ingest.on_ack_needed = lambda *ack: acks.append(ack)
    try:
        first.radio.ingest.ingest(texts(when))
        rows = linked(first)
        assert len(rows) == TEXTS
        assert all(status == "parsed" and message and back == raw for raw, status, message, back in rows)
        with first.db.read() as s:
            messages = s.execute(select(RadioMessage).order_by(RadioMessage.raw_frame_id)).scalars().all()
            assert [(m.station, m.number) for m in messages] == [
                (f"S{n % STATIONS}", 100 + n // STATIONS) for n in range(TEXTS)
            ]
            assert messages[7].precedence == "EMERGENCY" and not messages[7].exercise
            assert messages[8].exercise and messages[8].precedence == "PRIORITY"
            assert messages[1].precedence == "PRIORITY" and messages[1].body == "report 1 from the field"
            assert messages[9].body == "NUL\u2400 and bad \ufffd UTF-8"
            assert messages[0].at == when and messages[0].kind == "text" and messages[0].status == "received"
            assert (
                messages[0].rssi == -70 and messages[0].link == "lora-test" and messages[0].node_addr == 1000
            )
        assert sorted(acks) == sorted(
            (1000 + n % STATIONS, f"S{n % STATIONS}", 100 + n // STATIONS) for n in range(TEXTS)
        )
        first_ids = [message for _, _, message, _ in rows]
    finally:
        first.close()
    again = open_signed_on(any_db_url)  # a new process: only the database remembers
    try:
        again.radio.ingest.ingest(
            texts(when.replace(second=(when.second + 30) % 60))
        )  # a relay, in the window
        rows = linked(again)
        assert len(rows) == 2 * TEXTS
        assert [status for _, status, _, _ in rows[TEXTS:]] == ["duplicate"] * TEXTS
        assert [message for _, _, message, _ in rows[TEXTS:]] == first_ids  # the first copy stands
        assert again.radio.ingest.counts["duplicate"] == TEXTS
        with again.db.read() as s:
            assert len(s.scalars(select(RadioMessage.id)).all()) == TEXTS
    finally:
        again.close()


def test_acks_in_one_batch_match_each_open_message_once(any_db_url) -> None:
    post = open_signed_on(any_db_url)
    try:
        with post.db.write() as s:
            for number, to, status in (
                (7, "RESCUE1", "sent"),
                (8, "MEDIC2", "queued"),
                (9, "MEDIC2", "acked"),
            ):
                s.add(
                    RadioMessage(
                        direction="out",
                        kind="text",
                        station="OPS",
                        number=number,
                        sender="OPS",
                        recipient=to,
                        body=f"out {number}",
                        status=status,
                        at=datetime.now(UTC),
                    )
                )
        with post.db.read() as s:
            ids = {m.number: m.id for m in s.scalars(select(RadioMessage))}
        seen = []
        post.bus.subscribe(seen.append)
        now = datetime.now(UTC)
        post.radio.ingest.ingest(
            [
                heard(fp.encode_ack("RESCUE1", "OPS", 7)[0], 11, now),
                heard(fp.encode_ack("RESCUE1", "OPS", 7)[0], 31, now),  # the same ack through a relay
                heard(fp.encode_ack("MEDIC2", "OPS", 8)[0], 12, now),
                heard(fp.encode_ack("MEDIC2", "OPS", 9)[0], 12, now),  # acked before: nothing to do
                heard(fp.encode_ack("SEARCH3", "OPS", 7)[0], 13, now),  # 7 did not go to SEARCH3
                heard(fp.encode_ack("MEDIC2", "BASE", 8)[0], 12, now),  # for another console
            ]
        )
        with post.db.read() as s:
            status = {m.number: (m.status, m.acked_at is not None) for m in s.scalars(select(RadioMessage))}
        assert status == {7: ("acked", True), 8: ("acked", True), 9: ("acked", False)}
        assert post.radio.ingest.counts["acks"] == 2
        assert [e.entity_id for e in seen if e.topic == Topic.RADIO_OUTBOX] == [ids[7], ids[8]]
    finally:
        post.close()


def test_a_flood_of_texts_is_one_event_and_one_ack_call_per_batch(any_db_url) -> None:
    """Each text that raises an alert has its own event (its precedence and node, for the
    MAYDAY listener); the routine rest of a batch is one event, not one per text (a Qt
    signal and a row read back by the radio panel each). The batch's acks go to the
    outbox in one call, after the commit: a text is acked only once it is stored."""
    post = open_signed_on(any_db_url)
    seen: list = []
    post.bus.subscribe(seen.append)
    calls: list[tuple[list[tuple[int, str, int]], int]] = []

    def acks_needed(keys: list[tuple[int, str, int]]) -> None:
        with post.db.read() as s:  # committed already: another session sees the messages
            calls.append((list(keys), len(s.scalars(select(RadioMessage.id)).all())))

    post.radio.ingest.on_acks_needed = acks_needed
    try:
        post.radio.ingest.ingest(texts(datetime.now(UTC)))
        with post.db.read() as s:
            messages = s.execute(select(RadioMessage).order_by(RadioMessage.id)).scalars().all()
        alerts = [m for m in messages if m.precedence in ("EMERGENCY", "PRIORITY")]
        events = [e for e in seen if e.topic == Topic.RADIO_MESSAGE]
        assert [e.entity_id for e in events if e.data["alert"]] == [m.id for m in alerts]
        assert all(
            e.data == {"direction": "in", "alert": True, "precedence": m.precedence, "node": m.node_addr}
            for e, m in zip(events, alerts)
        )
        [routine] = [e for e in events if not e.data["alert"]]
        assert routine.entity_id is None and routine.data["messages"] == TEXTS - len(alerts) > 300
        [(keys, stored)] = calls
        assert stored == TEXTS and keys == [(m.node_addr, m.station, m.number) for m in messages]
    finally:
        post.close()


def test_driver_errors_are_raised_as_sqlalchemy_errors(tmp_path) -> None:
    """Bulk inserts use the driver directly; its errors must still be told apart as an
    execute through SQLAlchemy would (away: OperationalError; refused: IntegrityError)."""
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (a INTEGER NOT NULL, b TEXT)"))
    table_insert = BulkInsert(table("t", column("a"), column("b")), ("a", "b"))  # type: ignore[arg-type]
    with pytest.raises(IntegrityError), engine.begin() as conn:
        table_insert.columns(conn, 2, [[1, None], ["x", "y"]])
    with pytest.raises(OperationalError), driver_errors("SELECT"):
        raise sqlite3.OperationalError("disk is full")
    with pytest.raises(ValueError), driver_errors("SELECT"):
        raise ValueError("not the driver's")
    engine.dispose()


def test_a_refused_row_commits_none_of_its_batch(any_db_url) -> None:
    """On SQLite the rows go in as ``INSERT OR FAIL`` (no statement journal): the rows
    before a refused one stay in the statement, so only the rollback of the whole
    transaction keeps them out. Rows after the first statement's worth are refused too."""
    engine = create_engine(any_db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bulk_refusal"))
        conn.execute(text("CREATE TABLE bulk_refusal (a INTEGER NOT NULL, b TEXT)"))
    insert = BulkInsert(table("bulk_refusal", column("a"), column("b")), ("a", "b"))  # type: ignore[arg-type]
    count = 1500  # three statements of 512 rows and the rest in halves, on SQLite
    values = list(range(count))
    values[1200] = None  # refused in the third statement, after two whole ones
    with pytest.raises(IntegrityError), engine.begin() as conn:
        insert.columns(conn, count, [values, ["x"] * count])
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM bulk_refusal")).scalar() == 0
        insert.columns(conn, 3, [[1, 2, 3], ["a", "b", "c"]])  # the table still takes rows
        assert conn.execute(text("SELECT count(*) FROM bulk_refusal")).scalar() == 3
        conn.execute(text("DROP TABLE bulk_refusal"))
    engine.dispose()


def test_nodes_heard_in_a_batch_are_updated_together(any_db_url) -> None:
    """Known nodes are updated in one statement per set of columns: a node that sent a
    position gets its place and battery, one that sent a text only its call and signal,
    and what a node does not say keeps its stored value."""
    post = open_signed_on(any_db_url)
    try:
        first = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
        post.radio.ingest.ingest(
            [
                heard(fp.encode_position(f"P{n}", 1, 47.0, 8.0, first, 90)[0], 500 + n, first)
                for n in range(30)
            ]
        )
        later = datetime(2024, 5, 1, 12, 5, tzinfo=UTC)
        frames = [
            heard(fp.encode_position(f"P{n}", 2, 47.5, 8.5, later, 80 - n)[0], 500 + n, later)
            for n in range(0, 30, 2)
        ]
        frames += [
            heard(fp.encode_text(f"P{n}", "OPS", 3, fp.Precedence.ROUTINE, "here")[0], 500 + n, later)
            for n in range(1, 30, 2)
        ]
        post.radio.ingest.ingest(frames)
        with post.db.read() as s:
            nodes = {n.addr: n for n in s.scalars(select(RadioNode))}
        assert len(nodes) == 30
        for n in range(30):
            node = nodes[500 + n]
            assert node.callsign == f"P{n}" and node.last_heard == later and node.rssi == -70
            if n % 2:  # a text: the place and battery from the first batch stand
                assert (node.lat, node.lon, node.battery, node.position_at) == (47.0, 8.0, 90, first)
            else:
                assert (node.lat, node.lon, node.battery, node.position_at) == (47.5, 8.5, 80 - n, later)
    finally:
        post.close()


def _storable_before(text: str) -> str:
    """storable as it was before its ASCII shortcut: the reference it must still match."""
    text = text.replace("\x00", "\u2400")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


@given(st.text(alphabet=st.sampled_from("ab \x00\u2400é\udcff漢")) | st.text())
def test_storable_takes_its_shortcut_without_changing_a_value(text: str) -> None:
    assert storable(text) == _storable_before(text)
    assert "\x00" not in storable(text)
    storable(text).encode("utf-8")


def test_postgresql_learns_the_size_of_a_flood(any_db_url) -> None:
    """The repeat check is planned from statistics: a table filled within seconds must not
    look empty to the planner (it then read every text heard, for every batch)."""
    if not any_db_url.startswith("postgresql"):
        pytest.skip("SQLite plans without statistics")
    post = open_signed_on(any_db_url)
    try:
        frames = texts(datetime.now(UTC))
        for start in range(0, TEXTS, 100):
            post.radio.ingest.ingest(frames[start : start + 100])
        with post.db.engine.connect() as conn:
            known = conn.exec_driver_sql(
                "SELECT reltuples FROM pg_class WHERE oid = 'radio_messages'::regclass"
            ).scalar()
        assert known >= 900  # analysed at the 1,000th text, before its batch went in
    finally:
        post.close()
