"""Repeats are recognised within a bounded window and never across a station's counter
reset: after a restart of the console (or of a field terminal) traffic is shown again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from helpers.posts import open_signed_on
from ops_console.db.radio_models import Position
from ops_console.db.radio_models import RawFrame as RawRow
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.simulators.lora_teams import rcv_line
from ops_console.radio.repeats import COUNTER_RESET_GAP, REPEAT_WINDOW_S, RepeatFilter

WHEN = datetime(2024, 5, 1, 12, 0, 5, tzinfo=UTC)


def heard(data: bytes, when: datetime, address: int = 12) -> RawFrame:
    return RawFrame(rcv_line(address, data, -70, 3).rstrip(), when, "lora-test", address, data, -70, 3)


def text(number: int, words: str = "Checking in, all well") -> list[bytes]:
    return fp.encode_text("MEDIC2", "OPS", number, fp.Precedence.ROUTINE, words)


def statuses(post) -> list[str]:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return list(s.scalars(select(RawRow.status).order_by(RawRow.id)))


def positions(post) -> int:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return len(s.scalars(select(Position.id)).all())


def test_texts_and_reports_after_a_restart_outside_the_window_are_shown_again(db_url) -> None:
    """The demo restarted: the same numbered texts and reports come again, 20 minutes later."""
    earlier = datetime.now(UTC) - timedelta(seconds=2 * REPEAT_WINDOW_S)
    report = fp.encode_position("MEDIC2", 4, 47.2, 8.6, WHEN, 80)[0]
    first = open_signed_on(db_url)
    first.radio.ingest.ingest([heard(f, earlier) for f in text(3)] + [heard(report, earlier)])
    first.close()
    again = open_signed_on(db_url)  # a new process, nothing in memory
    try:
        now = datetime.now(UTC)
        again.radio.ingest.ingest([heard(f, now) for f in text(3)] + [heard(report, now)])
        assert len(again.radio.page()) == 2 and positions(again) == 2
        assert statuses(again) == ["parsed"] * 4
        again.radio.ingest.ingest(
            [heard(f, now + timedelta(seconds=30)) for f in text(3)]
            + [heard(report, now + timedelta(seconds=30))]
        )  # a relay, moments later
        assert len(again.radio.page()) == 2 and positions(again) == 2
        assert statuses(again)[4:] == ["duplicate", "duplicate"]
    finally:
        again.close()


def test_a_repeat_just_after_a_restart_is_still_recognised(db_url) -> None:
    now = datetime.now(UTC)
    report = fp.encode_position("MEDIC2", 4, 47.2, 8.6, WHEN, 80)[0]
    first = open_signed_on(db_url)
    first.radio.ingest.ingest([heard(f, now) for f in text(3)] + [heard(report, now)])
    first.close()
    again = open_signed_on(db_url)
    try:
        later = now + timedelta(seconds=60)
        again.radio.ingest.ingest([heard(f, later, 31) for f in text(3)] + [heard(report, later, 31)])
        assert len(again.radio.page()) == 1 and positions(again) == 1
        assert statuses(again)[2:] == ["duplicate", "duplicate"]
    finally:
        again.close()


def test_a_terminal_that_rebooted_is_heard_although_its_numbers_came_back(post) -> None:
    """Within the window, a station whose number goes back far restarted its counter: its
    message 1 is news, not a repeat of the message 1 it sent before the reboot."""
    now = datetime.now(UTC)
    post.radio.ingest.ingest([heard(f, now) for n in range(1, 30) for f in text(n, f"Status {n}")])
    later = now + timedelta(seconds=120)
    post.radio.ingest.ingest([heard(f, later) for f in text(1, "Status 1")])
    assert len(post.radio.page(limit=500)) == 30 and post.radio.ingest.classifier.repeats.resets == 1
    assert statuses(post)[-1] == "parsed"
    post.radio.ingest.ingest(
        [heard(f, later + timedelta(seconds=5)) for f in text(1, "Status 1")]
    )  # now a repeat
    assert statuses(post)[-1] == "duplicate"


def test_the_filter_forgets_after_the_window_and_detects_resets() -> None:
    f = RepeatFilter(window=600.0)
    assert not f.report(b"a", "X", 100, 0.0)
    assert f.report(b"a", "X", 100, 599.0)  # a relay within the window
    f.commit()
    assert not f.report(b"a", "X", 100, 1200.0)  # the same bytes 20 minutes later: news
    f.commit()
    assert f.report(b"a", "X", 100, 1210.0)
    assert not f.number("X", 100 - (COUNTER_RESET_GAP - 1), 1220.0)  # a retry of a recent number
    assert f.number("X", 100 - COUNTER_RESET_GAP, 1230.0)  # far back: a reset
    assert not f.report(b"a", "X", 100, 1240.0)  # what came before the reset is not a repeat
    f.rollback()
    assert f.report(b"a", "X", 100, 1240.0)  # the rolled-back reset is forgotten
    assert not f.number("Y", 65530, 0.0) and not f.number("Y", 3, 1.0)  # a wrap forward is no reset
    assert f.resets == 1


def test_the_filter_is_bounded_in_a_flood() -> None:
    f = RepeatFilter(window=600.0, limit=1000)
    for n in range(5000):
        f.report(n.to_bytes(4, "big"), "FLOOD", n % 65536, n / 100)
        if n % 100 == 0:
            f.commit()
    f.commit()
    assert len(f) <= 2 * 1000  # two generations at most


def test_the_demo_restarted_within_the_window_is_heard_from_its_first_message(db_url) -> None:
    """The issue's case: console and simulated teams restart minutes apart; the teams count
    from 1 again with the same words. The counter reset is seen against what was stored."""
    earlier = datetime.now(UTC) - timedelta(minutes=4)
    first = open_signed_on(db_url)
    first.radio.ingest.ingest([heard(f, earlier) for n in range(1, 31) for f in text(n, f"Status {n}")])
    first.close()
    again = open_signed_on(db_url)
    try:
        now = datetime.now(UTC)
        again.radio.ingest.ingest([heard(f, now) for n in (1, 2) for f in text(n, f"Status {n}")])
        assert len(again.radio.page(limit=100)) == 32 and statuses(again)[-2:] == ["parsed", "parsed"]
    finally:
        again.close()
