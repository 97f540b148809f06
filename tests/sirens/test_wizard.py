"""The activation wizard opened from the Sirens panel of the real main window: nothing LIVE
preselected, only the post's signal set, a mismatched name said at once, the short code
accepted, a silent test never worded as LIVE, and wrong PINs locking like sign-on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.errors import SignOnError
from ops_console.ui.sirens.wizard import ActivationDialog

AIR_RAID = 102  # 空袭警报 Air-raid warning (cn.air_raid)
SILENT = 1  # common.silent_test


def _open(win, qtbot) -> ActivationDialog:  # type: ignore[no-untyped-def]
    panel = win.features.sirens
    win.docks["sirens"].raise_()
    panel.table.selectRow(2)
    wizard = panel.make_wizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _choose(wizard: ActivationDialog, pattern_id: int) -> None:
    wizard.pattern_box.setCurrentIndex(wizard.pattern_box.findData(pattern_id))


def _shown_words(wizard: ActivationDialog) -> str:
    """Every word a person can see in the dialog right now."""
    texts = [
        w.text()
        for w in wizard.findChildren(QLabel) + wizard.findChildren(QRadioButton)
        if w.isVisibleTo(wizard) and w.isVisible()
    ]
    return "\n".join(texts)


def test_the_wizard_opens_with_nothing_live_preselected(post, siren_window, qtbot):
    wizard = _open(siren_window(post), qtbot)
    assert wizard.chosen()  # the selected siren is ticked …
    assert wizard.pattern_box.currentIndex() == -1 and wizard.pattern() is None  # … but no pattern
    assert not wizard.live_radio.isChecked() and wizard.mode() == ""
    assert not wizard.next.isEnabled()
    assert wizard.timeline.pattern is None
    _choose(wizard, AIR_RAID)
    assert not wizard.next.isEnabled()  # a public warning still needs LIVE or EXERCISE chosen
    assert wizard.timeline.pattern is wizard.pattern()  # … but its sound is drawn at once
    assert wizard.timeline.duration_s == wizard.duration.value() > 0
    wizard.live_radio.setChecked(True)
    assert wizard.next.isEnabled() and wizard.mode() == "live"


def test_in_exercise_mode_the_wizard_opens_on_exercise(post, siren_window, qtbot):
    post.shift.exercise = True
    wizard = _open(siren_window(post), qtbot)
    assert wizard.exercise_radio.isChecked() and not wizard.live_radio.isEnabled()


def test_the_pattern_list_is_only_the_posts_signal_set(post, siren_window, qtbot):
    wizard = _open(siren_window(post), qtbot)
    offered = {wizard.pattern_box.itemData(i) for i in range(wizard.pattern_box.count())}
    assert offered == {1, 2, 101, 102, 103}  # China's signals and the common tests, no US or German ones
    assert "China (CN)" in wizard.signal_set.text()


def test_a_typed_name_that_does_not_match_says_so_at_once_and_the_short_code_is_accepted(
    post, siren_window, qtbot
):
    wizard = _open(siren_window(post), qtbot)
    _choose(wizard, AIR_RAID)
    wizard.live_radio.setChecked(True)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert "Air-raid warning" in wizard.typed_label.text() and "cn.air_raid" in wizard.typed_label.text()
    wizard.pin.setText(PIN)
    qtbot.keyClicks(wizard.typed, "Air-raid")
    assert not wizard.typed_problem.isVisible()  # the start of the name: nothing wrong yet
    qtbot.keyClicks(wizard.typed, " warnimg")
    words = wizard.typed_problem.text()
    assert wizard.typed_problem.isVisible() and "Does not match “Air-raid warning”" in words
    assert "After “Air-raid warni”" in words and "you typed “mg”" in words
    assert not wizard.go.isEnabled()
    wizard.typed.clear()
    qtbot.keyClicks(wizard.typed, "CN.AIR_RAID")  # the short code, no input method needed
    assert not wizard.typed_problem.isVisible() and wizard.go.isEnabled()
    with qtbot.waitSignal(wizard.answered, timeout=10000):  # the service answers off the GUI thread
        qtbot.mouseClick(wizard.go, Qt.MouseButton.LeftButton)
    assert wizard.result_request is not None and wizard.result_request.live


def test_a_silent_test_never_says_live(post, siren_window, qtbot):
    wizard = _open(siren_window(post), qtbot)
    _choose(wizard, SILENT)
    words = _shown_words(wizard)
    assert "the sirens will sound" not in words and "LIVE" not in words
    assert wizard.silent_note.isVisible() and "nothing is heard" in wizard.silent_note.text()
    assert wizard.next.isEnabled() and wizard.mode() == "test"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    words = _shown_words(wizard)
    assert "SILENT TEST — NO SOUND" in wizard.banner.text() and "LIVE" not in words
    assert "will sound" not in words


def test_wrong_pins_in_the_wizard_count_toward_the_sign_on_lockout(post, siren_window, qtbot):
    wizard = _open(siren_window(post), qtbot)
    _choose(wizard, AIR_RAID)
    wizard.exercise_radio.setChecked(True)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    wizard.typed.setText("cn.air_raid")
    said = []
    for _ in range(3):
        wizard.pin.setText("9999")
        with qtbot.waitSignal(wizard.answered, timeout=10000):  # the service answers off the GUI thread
            qtbot.mouseClick(wizard.go, Qt.MouseButton.LeftButton)
        said.append(wizard.problem.text())
    assert "2 attempts left" in said[0] and "1 attempt left" in said[1] and "locked for one minute" in said[2]
    wizard.pin.setText(PIN)  # the right PIN waits out the lock, here and at sign-on
    with qtbot.waitSignal(wizard.answered, timeout=10000):  # the service answers off the GUI thread
        qtbot.mouseClick(wizard.go, Qt.MouseButton.LeftButton)
    assert "try again in" in wizard.problem.text() and wizard.result_request is None
    with pytest.raises(SignOnError, match="locked"):
        post.operators.sign_on(ROLE_NAMES[Role.SUPERVISOR], PIN)
