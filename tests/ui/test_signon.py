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
    for _ in range(3):
        dialog.pin_edit.setText("0000")
        dialog.sign_on_button.click()
    assert "locked for one minute" in dialog.error_label.text()
    dialog.pin_edit.setText(PIN)  # even the right PIN waits out the lock
    dialog.sign_on_button.click()
    assert "locked" in dialog.error_label.text() and "try again in" in dialog.error_label.text()
    assert post.shift.actor is None


def test_handover_signs_the_old_operator_off(post, qtbot):
    dialog = SignOnDialog(post, hand_over=True)
    qtbot.addWidget(dialog)
    _choose(dialog, Role.LOGISTICS)
    dialog.pin_edit.setText(PIN)
    dialog.sign_on_button.click()
    assert post.shift.actor.name == ROLE_NAMES[Role.LOGISTICS]
    actions = [e.action for e in post.activity.page(limit=3)]
    assert actions[:2] == ["shift.sign_on", "shift.sign_off"]
