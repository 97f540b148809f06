"""The sign-on dialog against a real post: right PIN, wrong PIN words, lockout, handover."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.ui.signon import SignOnDialog


def _choose(dialog: SignOnDialog, role: Role) -> None:
    dialog.operator_box.setCurrentIndex(dialog.operator_box.findData(ROLE_NAMES[role]))


def test_right_pin_signs_on(post, qtbot, themed, screenshot_dir):
    post.operators.sign_off()
    dialog = SignOnDialog(post)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, Role.RADIO)
    assert dialog.pin_edit.echoMode() == dialog.pin_edit.EchoMode.Password
    dialog.pin_edit.setText(PIN)
    dialog.grab().save(str(screenshot_dir / "signon.png"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.sign_on_button.click()
    assert post.shift.actor is not None and post.shift.actor.name == ROLE_NAMES[Role.RADIO]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_wrong_pin_says_so_and_keeps_the_choice(post, qtbot):
    post.operators.sign_off()
    dialog = SignOnDialog(post)
    qtbot.addWidget(dialog)
    _choose(dialog, Role.OPERATOR)
    dialog.pin_edit.setText("9999")
    dialog.sign_on_button.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text(), timeout=10_000)
    assert "Wrong PIN" in dialog.error_label.text() and "2 attempts left" in dialog.error_label.text()
    assert not dialog.error_label.isHidden()
    assert dialog.operator_box.currentData() == ROLE_NAMES[Role.OPERATOR]
    assert dialog.pin_edit.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted and post.shift.actor is None


def test_lockout_words_after_three_wrong_pins(post, qtbot):
    post.operators.sign_off()
    dialog = SignOnDialog(post)
    qtbot.addWidget(dialog)
    _choose(dialog, Role.OPERATOR)
    for _attempt in range(3):
        dialog.pin_edit.setText("0000")
        dialog.sign_on_button.click()
        qtbot.waitUntil(
            lambda: dialog.sign_on_button.isEnabled() and dialog.pin_edit.text() == "", timeout=10_000
        )
    assert "locked for one minute" in dialog.error_label.text()
    dialog.pin_edit.setText(PIN)  # even the right PIN waits out the lock
    dialog.sign_on_button.click()
    qtbot.waitUntil(lambda: "try again in" in dialog.error_label.text(), timeout=10_000)
    assert "locked" in dialog.error_label.text() and "try again in" in dialog.error_label.text()
    assert post.shift.actor is None


def test_handover_signs_the_old_operator_off(post, qtbot):
    dialog = SignOnDialog(post, hand_over=True)
    qtbot.addWidget(dialog)
    _choose(dialog, Role.LOGISTICS)
    dialog.pin_edit.setText(PIN)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.sign_on_button.click()
    assert post.shift.actor.name == ROLE_NAMES[Role.LOGISTICS]
    actions = [e.action for e in post.activity.page(limit=3)]
    assert actions[:2] == ["shift.sign_on", "shift.sign_off"]


def test_first_administrator_of_a_new_post(qtbot, tmp_path):
    from ops_console.post import open_post
    from ops_console.ui.signon.dialog import SignOnDialog
    from ops_console.ui.signon.first_admin import FirstAdminDialog

    post = open_post(f"sqlite:///{tmp_path / 'new.sqlite'}")
    dialog = SignOnDialog(post)
    qtbot.addWidget(dialog)
    assert not dialog.sign_on_button.isEnabled()
    assert dialog.first_admin_button.text().startswith("Set up first administrator")
    first = FirstAdminDialog(post)
    qtbot.addWidget(first)
    first.name_edit.setText("Mei Admin")
    first.pin_edit.setText("2468")
    first.pin_again.setText("2460")
    first.create()
    assert "differ" in first.problem.text() and post.operators.list_active() == []
    first.pin_again.setText("2468")
    first.create()
    assert "6 to 12 digits" in first.problem.text() and post.operators.list_active() == []
    first.pin_edit.setText("246813")
    first.pin_again.setText("246813")
    first.create()
    assert first.result() == first.DialogCode.Accepted
    assert post.shift.actor.name == "Mei Admin" and post.shift.actor.role == "admin"
    post.close()


def test_at_start_the_dialog_shows_the_preview_and_signs_on_once_the_post_is_open(
    post, db_url, qtbot, themed, screenshot_dir
):
    """ui/app.py shows the dialog before the post is open, with the roster read by
    ops_console/roster.py; a PIN typed meanwhile is checked as soon as the post is open."""
    from ops_console.roster import read_roster

    post.operators.sign_off()
    dialog = SignOnDialog(None, roster=read_roster(db_url))
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.operator_box.itemData(i) for i in range(dialog.operator_box.count())]
    assert names == [op.name for op in post.operators.list_active()]
    assert dialog.opening_label.isVisible() and "Opening the post" in dialog.opening_label.text()
    _choose(dialog, Role.RADIO)
    dialog.grab().save(str(screenshot_dir / "signon_opening.png"))
    dialog.pin_edit.setText(PIN)
    dialog.sign_on_button.click()  # before the post is open: waits, nothing is lost
    assert not dialog.sign_on_button.isEnabled() and "as soon as it is open" in dialog.opening_label.text()
    assert post.shift.actor is None and dialog.result() != QDialog.DialogCode.Accepted
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.post_ready(post)
    assert not dialog.opening_label.isVisible()
    assert post.shift.actor is not None and post.shift.actor.name == ROLE_NAMES[Role.RADIO]


def test_without_a_preview_the_list_comes_with_the_post(post, qtbot):
    post.operators.sign_off()
    dialog = SignOnDialog(None, roster=None)  # a server never seen, a locked file: not known yet
    qtbot.addWidget(dialog)
    assert dialog.operator_box.count() == 0 and not hasattr(dialog, "first_admin_button")
    assert dialog.sign_on_button.isEnabled()  # nobody is told "no operators" before it is known
    dialog.sign_on_button.click()  # no name to sign on with yet: nothing happens
    assert dialog.sign_on_button.isEnabled() and dialog.error_label.isHidden()
    dialog.post_ready(post)
    assert dialog.operator_box.count() == len(Role)
    _choose(dialog, Role.VIEWER)
    dialog.pin_edit.setText("0000")
    dialog.sign_on_button.click()  # the service words a wrong PIN, as always
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error_label.text(), timeout=10_000)


def test_a_stale_preview_gives_way_to_the_services_list(post, qtbot):
    from ops_console.roster import RosterEntry

    post.operators.sign_off()
    stale = [
        RosterEntry("Left Last Week", "", Role.RADIO),
        RosterEntry(ROLE_NAMES[Role.ADMIN], "", Role.ADMIN),
    ]
    dialog = SignOnDialog(None, roster=stale)
    qtbot.addWidget(dialog)
    dialog.operator_box.setCurrentIndex(1)
    dialog.post_ready(post)
    names = [dialog.operator_box.itemData(i) for i in range(dialog.operator_box.count())]
    assert "Left Last Week" not in names and len(names) == len(Role)
    assert dialog.operator_box.currentData() == ROLE_NAMES[Role.ADMIN]  # the choice is kept


def test_a_post_that_cannot_open_closes_the_dialog_with_the_reason(qtbot):
    from ops_console.errors import DatabaseUnavailable

    dialog = SignOnDialog(None, roster=None)
    qtbot.addWidget(dialog)
    dialog.show()
    problem = DatabaseUnavailable("The database is locked by another program.")
    with qtbot.waitSignal(dialog.rejected):
        dialog.post_failed(problem)
    assert dialog.failure is problem


def test_a_new_post_offers_its_first_administrator_once_it_is_open(qtbot, tmp_path):
    from ops_console.post import open_post
    from ops_console.roster import read_roster

    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    post = open_post(url)
    try:
        dialog = SignOnDialog(None, roster=read_roster(url))
        qtbot.addWidget(dialog)
        assert read_roster(url) == [] and not hasattr(dialog, "first_admin_button")
        dialog.post_ready(post)
        assert not dialog.sign_on_button.isEnabled()
        assert dialog.first_admin_button.text().startswith("Set up first administrator")
    finally:
        post.close()
