"""The sign-on dialog's words and keys: refusals shown whole, an empty PIN is not an
attempt (nothing counted, a hint), Enter on a chosen name moves on to the PIN."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog

from helpers.posts import PIN, ROLE_NAMES
from ops_console.db.models import Operator
from ops_console.domain import Role
from ops_console.ui.signon import SignOnDialog


def _dialog(post, qtbot) -> SignOnDialog:  # type: ignore[no-untyped-def]
    post.operators.sign_off()
    dialog = SignOnDialog(post)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog: SignOnDialog, role: Role) -> None:
    dialog.operator_box.setCurrentIndex(dialog.operator_box.findData(ROLE_NAMES[role]))


def _failed_attempts(post, role: Role) -> int:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return s.query(Operator).filter_by(name=ROLE_NAMES[role]).one().failed_attempts


def _shown_whole(dialog: SignOnDialog) -> bool:
    label = dialog.error_label
    top_left = label.mapTo(dialog, QPoint(0, 0))
    return (
        label.isVisible()
        and label.height() >= label.heightForWidth(label.width())
        and dialog.rect().contains(QRect(top_left, label.size()))
    )


def test_a_long_refusal_is_shown_whole(post, qtbot, themed):
    dialog = _dialog(post, qtbot)
    _choose(dialog, Role.LOGISTICS)
    for _ in range(4):  # three wrong PINs lock; the fourth try gets the longest words
        qtbot.keyClicks(dialog.pin_edit, "0000")
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: dialog.sign_on_button.isEnabled() and dialog.pin_edit.text() == "", timeout=10_000
        )
    words = dialog.error_label.text()
    assert "locked after 3 wrong PINs; try again in" in words
    assert (
        dialog.error_label.heightForWidth(dialog.error_label.width())
        > dialog.error_label.fontMetrics().height()
    )
    assert _shown_whole(dialog)  # wrapped onto several lines, every line inside the dialog


def test_an_empty_pin_is_not_an_attempt(post, qtbot):
    dialog = _dialog(post, qtbot)
    _choose(dialog, Role.OPERATOR)
    for _ in range(4):
        qtbot.mouseClick(dialog.sign_on_button, Qt.MouseButton.LeftButton)
    assert "Type your PIN first" in dialog.error_label.text() and "not counted" in dialog.error_label.text()
    assert _shown_whole(dialog)
    assert _failed_attempts(post, Role.OPERATOR) == 0
    qtbot.waitUntil(dialog.pin_edit.hasFocus, timeout=2000)
    assert "shift.pin_failed" not in [e.action for e in post.activity.page(limit=10)]
    qtbot.keyClicks(dialog.pin_edit, PIN)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert post.shift.actor.name == ROLE_NAMES[Role.OPERATOR]


def test_enter_after_choosing_a_name_moves_to_the_pin(post, qtbot):
    dialog = _dialog(post, qtbot)
    dialog.operator_box.setFocus()
    qtbot.waitUntil(dialog.operator_box.hasFocus)
    before = dialog.operator_box.currentIndex()
    qtbot.keyClick(dialog.operator_box, Qt.Key.Key_Down)
    assert dialog.operator_box.currentIndex() == before + 1
    qtbot.keyClick(dialog.operator_box, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.pin_edit.hasFocus, timeout=2000)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.error_label.isHidden()  # nothing was tried, nothing to complain about
    chosen = dialog.operator_box.currentData()
    qtbot.keyClicks(dialog.pin_edit, PIN)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Enter)
    assert post.shift.actor.name == chosen
