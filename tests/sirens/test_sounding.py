"""What the siren strip reads: armed commands, live vs test, exercise never listed —
on every engine (the strip's query runs against the post's shared database)."""

from __future__ import annotations

from helpers.posts import PIN

AIR_RAID, SILENT = 102, 1


def test_armed_live_and_test_requests_are_listed_and_exercise_is_not(any_post, any_sirens):
    assert any_sirens.sounding_now() == []
    any_sirens.activate([1], AIR_RAID, 30, live=True, pin=PIN, typed_confirmation="cn.air_raid")
    any_sirens.activate([2], SILENT, 20, live=True, pin=PIN, typed_confirmation="common.silent_test")
    any_sirens.activate([3], AIR_RAID, 30, live=False, pin=PIN, typed_confirmation="cn.air_raid")  # exercise
    rows = {r.siren_id: r for r in any_sirens.sounding_now()}
    assert set(rows) == {1, 2}
    assert (
        rows[1].phase == "armed" and rows[1].live and not rows[1].silent and rows[1].seconds_remaining == 30
    )
    assert rows[2].phase == "armed" and not rows[2].live and rows[2].silent
    assert "Air-raid warning" in rows[1].pattern_name and rows[1].requested_by == "Supervisor Test"
