"""Exercise mode is a view, not a filter that hides the live world: every list that filters
by mode keeps what is real and still needs someone in sight during a drill, marked LIVE,
and shows nothing of the drill in live mode. Runs on SQLite and, when given, PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from ops_console import alerts
from ops_console.clock import utc_now
from ops_console.domain import TaskStatus
from ops_console.exercise_view import marked_live, shown
from ops_console.mapping.risks import RiskDraft, RiskKind, RiskLevel
from ops_console.mapping.shelters import ShelterDraft
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft


def test_the_rule_in_one_place() -> None:
    assert shown(False, False) and not shown(True, False, live_matters=True)  # live mode: live only
    assert shown(True, True) and shown(False, True, live_matters=True) and not shown(False, True)
    assert marked_live(False, True) and not marked_live(False, False) and not marked_live(True, True)


def test_open_live_tasks_stay_on_the_board_during_a_drill(any_post) -> None:
    live = any_post.tasks.create(TaskDraft("Sandbags to Mill Lane"))
    done = any_post.tasks.create(TaskDraft("Check the pumps"))
    any_post.tasks.move(done.id, done.version, TaskStatus.DONE)
    any_post.exercise.set_exercise(True)
    any_post.tasks.create(TaskDraft("Drill: search block C"))
    shown_titles = {t.title: t.exercise for t in any_post.tasks.list()}
    assert shown_titles["Sandbags to Mill Lane"] is False and shown_titles["Drill: search block C"] is True
    assert "Check the pumps" not in shown_titles  # finished live work is history, not in the drill's view
    any_post.exercise.set_exercise(False)
    assert {t.id for t in any_post.tasks.list()} == {live.id, done.id}  # no drill in the live view


def test_real_risks_and_shelters_stay_in_sight_and_their_alerts_say_live(any_post) -> None:
    risks, shelters = any_post.map.risks, any_post.map.shelters
    wall = risks.create(
        RiskDraft("Old wall", RiskKind.OLD_BUILDING, RiskLevel.HIGH, 30.26, 120.17, inspect_every_days=7),
        reported_at=utc_now() - timedelta(days=10),
    )
    hall = shelters.create(ShelterDraft("School hall", 30.26, 120.17, capacity=10, occupancy=10))
    any_post.exercise.set_exercise(True)
    drill_hall = shelters.create(ShelterDraft("Drill: gym", 30.27, 120.18, capacity=5, occupancy=1))
    assert {s.id: s.exercise for s in shelters.list()} == {hall.id: False, drill_hall.id: True}
    assert [r.id for r in risks.list()] == [wall.id]
    titles = {a.key: (a.title, a.live) for a in alerts.collect(any_post)}
    assert titles[f"risk:{wall.id}"] == ("LIVE — Inspection overdue: Old wall", True)
    assert titles[f"shelter:{hall.id}"] == ("LIVE — Shelter full: School hall", True)
    any_post.exercise.set_exercise(False)
    assert [s.id for s in shelters.list()] == [hall.id]
    assert not any(a.live or "LIVE" in a.title for a in alerts.collect(any_post))


def test_a_live_incident_closed_is_history_not_part_of_the_drills_view(any_post) -> None:
    closed = any_post.incidents.create(IncidentDraft("Real: fallen tree"))
    any_post.incidents.close(closed.id, closed.version, "Cleared")
    any_post.exercise.set_exercise(True)
    assert any_post.incidents.list() == []


def test_the_purge_keeps_what_a_real_radio_heard_on_every_engine(any_post) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from ops_console.db.radio_models import RadioMessage, RawFrame
    from ops_console.hardware.lora.types import RawFrame as Heard
    from ops_console.hardware.protocols import field_payload as fp

    def hear(number: int, text: str) -> None:  # through the real ingest, as a real radio's link hands it over
        frames = fp.encode_text("RESCUE1", "OPS", number, fp.Precedence.EMERGENCY, text)
        any_post.radio.ingest.ingest(
            [
                Heard(b"+RCV=11,%d,%s,-80,5" % (len(f), f), datetime.now(UTC), "lora1", 11, f, -80, 5)
                for f in frames
            ]
        )

    any_post.exercise.set_exercise(True)
    hear(7, "Water over the footbridge")  # a real radio, during the drill
    hear(8, "EXERCISE EXERCISE EXERCISE casualty at the school")  # the same station, marked
    with any_post.db.read() as s:
        heard = s.scalar(select(func.count()).select_from(RawFrame))
    assert any_post.exercise.purge() == {"radio_messages": 1}
    with any_post.db.read() as s:
        assert s.scalar(select(func.count()).select_from(RawFrame)) == heard
        assert [m.body for m in s.scalars(select(RadioMessage))] == ["Water over the footbridge"]
        kept = set(s.scalars(select(RadioMessage.id)))
        assert set(s.scalars(select(RawFrame.message_id).where(RawFrame.message_id.is_not(None)))) == kept
