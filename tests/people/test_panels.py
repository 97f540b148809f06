"""The people panels on real widgets: the team board with a red PAR timer, the check-in
form driven like a badge scanner, the roster with an import preview; screenshots for the tour."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import update

from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.db.models import Team
from ops_console.domain import Role
from ops_console.people.par import ParLevel
from ops_console.people.views import TeamStatus
from ops_console.services.tasks import TaskDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.people.board_model import COLUMNS
from ops_console.ui.people.board_panel import TeamBoardPanel
from ops_console.ui.people.checkin_dialog import CheckinDialog
from ops_console.ui.people.roster_panel import RosterPanel

from .conftest import checked_in, roster


def field_teams(post):  # type: ignore[no-untyped-def]
    ids = roster(post)
    checked_in(post, ids)
    a = post.people.teams.form("Boat Crew", "BOAT-1", ids[:2], leader_id=ids[1], radio_node=31)
    b = post.people.teams.form("Saw Crew", "SAW-2", ids[2:3], radio_node=32, par_minutes=15)
    c = post.people.teams.form("Radio Relay", "RLY-3", ids[3:], radio_node=33)
    task = post.tasks.create(TaskDraft("Evacuate Canal Road 12-40 by boat", required_skills="boat"))
    post.tasks.assign(task.id, task.version, a.id)
    for team, status, minutes in (
        (a, TeamStatus.ON_SCENE, 23),
        (b, TeamStatus.EN_ROUTE, 14.5),
        (c, TeamStatus.ON_SCENE, 3),
    ):
        post.people.teams.set_status(team.id, status)
        with post.db.write() as s:
            s.execute(
                update(Team)
                .where(Team.id == team.id)
                .values(par_reset_at=utc_now() - timedelta(minutes=minutes))
            )
    return a, b, c


def shown_board(post, qtbot) -> TeamBoardPanel:  # type: ignore[no-untyped-def]
    """The team board on screen with the three field teams read."""
    panel = TeamBoardPanel(post, PostBridge(post.bus))
    qtbot.addWidget(panel)
    panel.resize(1100, 300)
    panel.show()
    qtbot.waitUntil(lambda: len(panel.model.rows) == 3, timeout=5000)
    return panel


def test_team_board_shows_a_red_par_timer_and_voice_confirmation_clears_it(
    post, qtbot, themed, screenshot_dir
) -> None:
    red, yellow, _ok = field_teams(post)
    panel = shown_board(post, qtbot)
    levels = {r.name: r.par.level for r in panel.model.rows}
    assert levels == {"Boat Crew": ParLevel.OVERDUE, "Saw Crew": ParLevel.DUE, "Radio Relay": ParLevel.OK}
    row = panel.model.row_of(red.id)
    cell = panel.model.index(row, COLUMNS.index("par"))
    assert panel.model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == QColor("#c62828")
    assert panel.model.data(cell).startswith("-")
    assert panel.model.data(
        panel.model.index(panel.model.row_of(yellow.id), COLUMNS.index("par")), Qt.ItemDataRole.BackgroundRole
    ).color() == QColor("#f5c518")
    assert "★ Wang Fang" in panel.model.data(panel.model.index(row, COLUMNS.index("members")))
    assert all(
        b.parentWidget() is panel and b.geometry().top() < panel.table.geometry().top()
        for b in (panel.form_team, panel.disband)
    )
    buttons = [panel.form_team, panel.confirm, panel.mayday, panel.roll, panel.disband, panel.set_status]
    assert not any(
        a.geometry().intersects(b.geometry()) for i, a in enumerate(buttons) for b in buttons[i + 1 :]
    )
    assert (
        panel.model.data(panel.model.index(row, COLUMNS.index("task"))) == "Evacuate Canal Road 12-40 by boat"
    )
    panel.table.clearSelection()  # the red timer, not the selection colour, in the picture
    panel.grab().save(str(screenshot_dir / "team_board.png"))
    panel.select_team(red.id)
    assert panel.confirm.isEnabled()
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.model.rows[panel.model.row_of(red.id)].par.level == ParLevel.OK, timeout=5000
    )


def test_the_board_puts_mayday_then_overdue_then_due_teams_on_top(post, qtbot) -> None:
    """By name, a red PAR timer of a twentieth team sat below the dock's edge: the teams that
    need the supervisor now lead, and the selected team stays selected as rows move."""
    red, yellow, ok = field_teams(post)
    panel = shown_board(post, qtbot)
    assert [r.id for r in panel.model.rows] == [
        red.id,
        yellow.id,
        ok.id,
    ]  # overdue, due, OK (by name: B, R, S)

    panel.select_team(ok.id)
    post.people.teams.raise_mayday(ok.id)
    qtbot.waitUntil(lambda: panel.model.rows[0].id == ok.id, timeout=5000)
    assert [r.id for r in panel.model.rows] == [ok.id, red.id, yellow.id]
    assert panel.current() is not None and panel.current().id == ok.id


def test_viewer_sees_the_board_with_controls_disabled_and_why(post, qtbot) -> None:
    field_teams(post)
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    panel = TeamBoardPanel(post)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 3, timeout=5000)
    panel.select_team(panel.model.rows[0].id)
    assert not panel.confirm.isEnabled() and "Radio operators" in panel.confirm.toolTip()
    assert not panel.mayday.isEnabled() and not panel.roll.isEnabled()


def test_roll_call_from_the_board(post, qtbot) -> None:
    field_teams(post)
    panel = TeamBoardPanel(post)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.roll, Qt.MouseButton.LeftButton)
    assert panel.roll_call_id is not None
    qtbot.waitUntil(lambda: "0 of 3 answered" in panel.roll_status.text(), timeout=5000)
    qtbot.mouseClick(panel.roll, Qt.MouseButton.LeftButton)
    assert (
        panel.roll_status.text().startswith("PAR INCOMPLETE")
        and "Boat Crew (BOAT-1)" in panel.roll_status.text()
    )


def test_checkin_form_badge_scanned_twice_and_check_out_of_someone_not_in(
    post, qtbot, themed, screenshot_dir
) -> None:
    ids = roster(post)
    checked_in(post, ids[2:])
    dialog = CheckinDialog(post)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(2):  # the scanner types the code and presses Enter, twice
        qtbot.keyClicks(dialog.badge, "B001")
        qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    assert "already checked in" in dialog.result.text()
    assert dialog.on_site.rowCount() == 3 and dialog.count.text() == "3 on site now"
    dialog.person.setCurrentIndex(dialog.person.findData(ids[1]))  # Wang Fang: never checked in
    qtbot.mouseClick(dialog.check_out_button, Qt.MouseButton.LeftButton)
    assert "not checked in" in dialog.result.text()
    dialog.grab().save(str(screenshot_dir / "checkin.png"))
    box = dialog.ask_close_out()
    box.buttons()[0].click() if box.buttonRole(
        box.buttons()[0]
    ) == box.ButtonRole.AcceptRole else box.buttons()[1].click()
    qtbot.waitUntil(lambda: dialog.on_site.rowCount() == 0, timeout=5000)
    assert "3 checked out" in dialog.result.text()


def test_roster_import_preview_then_import_and_screenshot(
    post, qtbot, themed, screenshot_dir, tmp_path
) -> None:
    ids = roster(post)
    checked_in(post, ids[:2])
    path = tmp_path / "roster.csv"
    path.write_bytes(
        "姓名,电话,技能,语言\n李娜,13900001111,boat 2027-01-01; first aid,普通话\n陈静,13800000001,driver,\n"
        "Bad Phone,xx,,\n孙浩,13900002222,juggling,\n".encode("gbk")
    )
    panel = RosterPanel(post, PostBridge(post.bus))
    qtbot.addWidget(panel)
    panel.resize(1100, 360)
    panel.show()
    preview = panel.preview_file(path)
    assert "Read as GBK" in preview.findChild(type(panel.summary), "importSummary").text()
    assert preview.preview.rows[0].name == "李娜" and len(preview.preview.problems) == 3
    preview.accept()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 5, timeout=5000)
    assert panel.summary.text() == "5 volunteers, 2 on site"
    names = [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]
    assert names == sorted(names)  # A to Z: the header's default was Z to A
    panel.grab().save(str(screenshot_dir / "roster.png"))
    out = tmp_path / "out.csv"
    assert panel.export_to(out) == 5 and "李娜" in out.read_text(encoding="utf-8-sig")


def test_form_a_team_from_checked_in_volunteers_then_disband_it(post, qtbot) -> None:
    ids = roster(post)
    checked_in(post, ids[:3])
    panel = TeamBoardPanel(post)
    qtbot.addWidget(panel)
    dialog = panel.open_team_form()
    assert dialog.members.count() == 3  # only those on site
    dialog.name.setText("Boat Crew")
    dialog.callsign.setText("boat-1")
    dialog.node.setValue(31)
    dialog.check(ids[0])
    dialog.check(ids[1])
    dialog.leader.setCurrentIndex(dialog.leader.findData(ids[1]))
    dialog.save()
    assert (
        dialog.formed is not None
        and dialog.formed.callsign == "BOAT-1"
        and dialog.formed.leader == "Wang Fang"
    )
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=5000)
    panel.select_team(dialog.formed.id)
    qtbot.mouseClick(panel.disband, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.model.rows, timeout=5000)


def test_supervisor_edits_a_volunteer_and_an_operator_may_not(post, qtbot) -> None:
    ids = roster(post)
    panel = RosterPanel(post)
    qtbot.addWidget(panel)
    panel.table.selectRow(next(r for r in range(4) if panel.table.item(r, 0).text() == "Li Na"))
    form = panel.open_form(panel.current())
    form.fields["skills"].setText("电锯 2027-06-30; 急救")
    form.fields["phone"].setText("139 0000 2222")
    form.save()
    assert form.saved is not None and form.saved.phone == "13900002222"
    assert [k.name for k in form.saved.skills] == ["chainsaw", "first aid"]
    bad = panel.open_form(None)
    bad.fields["name"].setText("Nobody")
    bad.fields["skills"].setText("juggling")
    bad.save()
    assert bad.saved is None  # unknown skill: refused in words, nothing stored
    assert len(post.people.roster.list()) == len(ids)
    post.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    panel.update_rights()
    assert not panel.edit_button.isEnabled() and "Supervisors" in panel.edit_button.toolTip()


def test_edit_waits_for_a_selected_volunteer(post, qtbot) -> None:
    """With nobody selected, "Edit…" opened an empty form, and saving it added a new
    volunteer: it now says what to choose, before the click."""
    roster(post)
    panel = RosterPanel(post)
    qtbot.addWidget(panel)
    assert panel.current() is None
    assert not panel.edit_button.isEnabled()
    assert panel.edit_button.toolTip() == "Select a volunteer in the list first."
    assert panel.add_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.edit_button.isEnabled() and not panel.edit_button.toolTip()
    panel.reload()  # a live change from another workstation keeps the choice and the button
    assert panel.current() is not None and panel.edit_button.isEnabled()


def test_checkin_form_shows_hours_per_person_in_the_operational_period(post, qtbot, themed) -> None:
    """ICS-211 time keeping: a stay counts only inside the period, an open stay up to now."""
    from PySide6.QtCore import QDateTime

    ids = roster(post)
    now = utc_now()
    post.people.checkins.check_in(ids[0], at=now - timedelta(hours=20))  # 12 h of it in the period
    post.people.checkins.check_out(ids[0], at=now - timedelta(hours=2))  # ends inside the period
    post.people.checkins.check_in(ids[1], at=now - timedelta(hours=3))  # still on site
    dialog = CheckinDialog(post)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.hours_tab)
    dialog.period_from.setDateTime(QDateTime.fromSecsSinceEpoch(int((now - timedelta(hours=12)).timestamp())))
    shown = {
        dialog.hours.item(r, 0).text(): dialog.hours.item(r, 1).text() for r in range(dialog.hours.rowCount())
    }
    assert shown == {"陈静": "10.0 h", "Wang Fang": "3.0 h"}
    assert dialog.hours_total.text() == "2 people, 13.0 person-hours in the period"
    dialog.period_to.setDateTime(dialog.period_from.dateTime().addSecs(-60))
    assert dialog.hours.rowCount() == 0 and "ends before it starts" in dialog.hours_total.text()
