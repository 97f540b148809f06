"""The roster service: edits by supervisors and admins only, audited; import preview and
apply; export (also ``ops-console export volunteers``); check-in and check-out."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry
from ops_console.domain import Role
from ops_console.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from ops_console.people.views import Skill, VolunteerDraft
from ops_console.said import english

from .conftest import checked_in, roster


def actions(post) -> list[str]:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_supervisor_adds_and_edits_audited_operator_may_not(post) -> None:
    v = post.people.roster.add(VolunteerDraft("陈静", "138 0000 0001", "B1", skills=(Skill("first aid"),)))
    assert v.name == "陈静" and v.phone == "13800000001" and v.skills == (Skill("first aid"),)
    edited = post.people.roster.update(v.id, v.version, VolunteerDraft("陈静", "13800000009", "B1"))
    assert edited.phone == "13800000009" and edited.skills == ()
    with pytest.raises(ConflictError):
        post.people.roster.update(v.id, v.version, VolunteerDraft("陈静", "1"))
    assert actions(post)[-2:] == ["volunteer.add", "volunteer.update"]
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    with pytest.raises(PermissionDenied):
        post.people.roster.add(VolunteerDraft("Nobody"))


def test_bad_phone_unknown_skill_and_taken_badge_are_refused(post) -> None:
    post.people.roster.add(VolunteerDraft("A", badge="B1"))
    with pytest.raises(ValidationError) as err:
        post.people.roster.add(VolunteerDraft("B", "phone me", "B1", skills=(Skill("juggling"),)))
    assert set(err.value.problems) == {"phone", "badge", "skills"}


def test_import_preview_names_people_already_on_the_roster_then_applies(post) -> None:
    post.people.roster.add(VolunteerDraft("王小明", "13800138000"))
    data = (
        "姓名,电话,技能\n王小明,138 0013 8000,first aid\n李娜,13900001111,boat 2027-01-01\nBad,xx,\n"
    ).encode("gbk")
    preview = post.people.roster.preview(data)
    assert preview.encoding == "gbk" and [r.name for r in preview.rows] == ["李娜"]
    words = {p.line: p.message for p in preview.problems}
    assert "already on the roster" in words[2] and "phone" in words[4]
    assert len(post.people.roster.list()) == 1  # a preview writes nothing
    assert post.people.roster.apply_import(preview) == 1
    names = {v.name: v for v in post.people.roster.list()}
    assert set(names) == {"王小明", "李娜"} and names["李娜"].skills[0].expires_on.year == 2027
    assert actions(post)[-1] == "volunteer.import"


def test_export_csv_round_trips(post) -> None:
    roster(post)
    out = io.StringIO()
    assert post.people.roster.export_csv(out) == 4
    again = post.people.roster.preview(out.getvalue().encode("utf-8"))
    assert again.rows == () and len(again.problems) == 4  # all already on the roster


def test_badge_scanned_twice_checks_in_once(post) -> None:
    ids = roster(post)
    first = post.people.checkins.scan("B001")
    second = post.people.checkins.scan("B001 ")
    assert first.changed and not second.changed and "already checked in" in english(second.words)
    assert [s.volunteer_id for s in post.people.checkins.on_site()] == [ids[0]]
    with pytest.raises(NotFound):
        post.people.checkins.scan("NOPE")


def test_check_out_of_someone_never_checked_in_is_refused(post) -> None:
    ids = roster(post)
    with pytest.raises(ValidationError, match="not checked in"):
        post.people.checkins.check_out(ids[1])
    post.people.checkins.check_in(ids[1])
    assert post.people.checkins.check_out(ids[1]).changed
    with pytest.raises(ValidationError):
        post.people.checkins.check_out(ids[1])


def test_end_of_shift_close_out_and_hours_per_period(post) -> None:
    ids = roster(post)
    now = utc_now()
    post.people.checkins.check_in(ids[0], at=now - timedelta(hours=5))
    post.people.checkins.check_in(ids[1], at=now - timedelta(hours=1))
    assert {s.volunteer_id for s in post.people.checkins.on_site()} == {ids[0], ids[1]}
    period = post.people.checkins.hours(now - timedelta(hours=4), now)
    assert period[ids[0]][1] == pytest.approx(4.0, abs=0.05) and period[ids[1]][1] == pytest.approx(
        1.0, abs=0.05
    )
    assert post.people.checkins.close_out() == 2
    assert post.people.checkins.on_site() == [] and actions(post)[-1] == "volunteer.close_out"
    assert post.people.checkins.close_out() == 0


def test_same_badge_at_two_stations_opens_one_stay(any_db_url) -> None:
    from helpers.posts import open_signed_on

    a, b = open_signed_on(any_db_url), open_signed_on(any_db_url, create_operators=False)
    try:
        ids = roster(a)
        results = [a.people.checkins.check_in(ids[0]), b.people.checkins.check_in(ids[0])]
        assert [r.changed for r in results] == [True, False]
        assert len(b.people.checkins.on_site()) == 1
    finally:
        a.close()
        b.close()


def test_same_badge_scanned_at_two_stations_at_the_same_moment(any_db_url) -> None:
    """Both stations read "not checked in" and insert: the partial unique index lets one
    stay open and the other station is told (its IntegrityError becomes words)."""
    import threading

    from helpers.posts import open_signed_on

    a, b = open_signed_on(any_db_url), open_signed_on(any_db_url, create_operators=False)
    try:
        ids = roster(a)
        for vid in ids:
            start = threading.Barrier(2)
            results = []

            def scan(post, vid=vid, start=start, results=results) -> None:  # type: ignore[no-untyped-def]
                start.wait()
                results.append(post.people.checkins.check_in(vid))

            threads = [threading.Thread(target=scan, args=(p,)) for p in (a, b)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            assert sorted(r.changed for r in results) == [False, True]
        assert len(a.people.checkins.on_site()) == len(ids)
    finally:
        a.close()
        b.close()


def test_checked_in_view_on_the_roster(post) -> None:
    ids = roster(post)
    checked_in(post, ids[:2])
    on_site = {v.id for v in post.people.roster.list() if v.on_site_since is not None}
    assert on_site == set(ids[:2])


def test_demo_post_has_the_roster_checked_in_people_and_field_teams_with_timers(full_demo_post) -> None:
    from ops_console.people.par import ParLevel

    people = full_demo_post.people.roster.list()
    assert len(people) == 40 and all(v.skills and v.badge for v in people)
    assert 25 <= len(full_demo_post.people.checkins.on_site()) < 40
    board = {r.callsign: r for r in full_demo_post.people.teams.board()}
    field = {c: r.par.level for c, r in board.items() if r.in_field}
    assert set(field) == {"CANAL-1", "MED-2", "FIRE-3", "CARE-5"}
    assert field["FIRE-3"] == ParLevel.OVERDUE and field["CANAL-1"] == ParLevel.OK
    assert all(board[c].radio_node and board[c].members and board[c].leader for c in field)


def test_cli_exports_volunteers_with_chinese_names(tmp_path) -> None:
    import csv

    from helpers.cli import run_cli

    result = run_cli(tmp_path, "--demo", "export", "volunteers")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 40 and rows[0]["name"] and any(r["on_site_since"] for r in rows)
    assert all(r["skills"] for r in rows)
