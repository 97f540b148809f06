"""Nothing closes by accident, nothing typed is lost — on the real main window.

Quitting while the console still watches a radio asks and says what stops; Esc on a
form with typed content asks; a half-typed incident or radio message survives closing
the window; far-off dates are refused at the form; tables show the year of old records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ops_console.db.models import Incident
from ops_console.hardware.protocols.field_payload import Precedence
from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.inventory import MovementKind
from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.app import build_main_window
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.sensors.dialog import SensorDialog


@pytest.fixture
def watched_radio(post: Post) -> Iterator[RadioRuntime]:
    """A real radio runtime on a simulated modem behind a pty: the console is listening."""
    sim = SimulatedModem(transport="pty", seed=3, garbage_rate=0.0, error_rate=0.0)
    sim.start()
    runtime = RadioRuntime(post.radio, [DeviceSpec("lora", sim.port_url, 115200, "lora-test")])
    runtime.start()
    yield runtime
    runtime.stop()
    sim.stop()


def _title_bar_close(window) -> None:  # type: ignore[no-untyped-def]
    """What the window manager's close button does: a close event to the native window,
    which reaches the widget as a spontaneous close."""
    QApplication.sendEvent(window.windowHandle(), QCloseEvent())


def test_quit_asks_while_a_radio_is_watched_and_says_what_stops(window, watched_radio, qtbot):
    window.show()
    assert (
        window.quit_action.shortcut().toString() == "Ctrl+Q"
    )  # bound on every platform, not only where the theme says so
    window.quit_action.trigger()  # Ctrl+Q
    box = window.quit_guard.box
    assert box is not None and box.isVisible() and window.isVisible()
    assert "Listening on 1 radio stops" in box.informativeText()
    keep = next(b for b in box.buttons() if b is not window.quit_guard.quit_button)
    keep.click()
    assert window.isVisible() and not window._shut_down

    _title_bar_close(window)  # the title bar's close button asks the same question
    box = window.quit_guard.box
    qtbot.waitUntil(box.isVisible)
    assert window.isVisible()
    window.quit_guard.quit_button.click()  # "Quit now": there for every role
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window._shut_down


def test_quit_with_nothing_running_closes_at_once(window, qtbot):
    window.show()
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.quit_guard.box is None


def _forms(window) -> dict[str, Callable[[], QDialog]]:  # type: ignore[no-untyped-def]
    return {
        "incident": lambda: window.incidents.new_incident(),
        "task": lambda: window.tasks.new_task(None),
        "radio ICS-213": lambda: window.radio.open_ics213(),
        "stock issue": lambda: window.features.inventory.open_movement(MovementKind.ISSUE),
        "warning draft": lambda: _opened(window.features.warnings, "warningDraftDialog"),
        "volunteer": lambda: window.features.roster.open_form(None),
        "team": lambda: window.features.teams.open_team_form(),
        "sensor": lambda: _shown(SensorDialog(None, window.features.sensors)),
        "report summary": lambda: window.open_reports(),
    }


def _opened(panel, name: str) -> QDialog:  # type: ignore[no-untyped-def]
    """The form a panel's own button opens."""
    panel.new_button.click()
    return panel.findChildren(QDialog, name)[-1]  # the newest: an earlier one may still exist, closed


def _shown(dialog: QDialog) -> QDialog:
    """The sensor panel runs its form with exec(); the form itself is what is tested here."""
    dialog.open()
    return dialog


FORMS = [
    "incident",
    "task",
    "radio ICS-213",
    "stock issue",
    "warning draft",
    "volunteer",
    "team",
    "sensor",
    "report summary",
]


@pytest.mark.parametrize("form", FORMS)
def test_esc_on_a_typed_form_asks_before_discarding(window, qtbot, form):
    window.show()
    dialog = _forms(window)[form]()
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, GuardedDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: Esc closes at once
    qtbot.waitUntil(lambda: not dialog.isVisible())

    dialog = _forms(window)[form]()
    qtbot.waitUntil(dialog.isVisible)
    edit = next(
        e
        for e in dialog.findChildren(QWidget)
        if isinstance(e, (QLineEdit, QPlainTextEdit))
        and not isinstance(e.parentWidget(), (QAbstractSpinBox, QComboBox))  # a date's or a list's own
        and e.isVisible()
        and e.isEnabled()
        and not e.isReadOnly()
    )
    edit.setFocus()
    qtbot.keyClicks(edit, "Two people on the roof")
    typed = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()  # as much as it takes
    assert "Two people" in typed
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible() and dialog.isVisible()
    box.findChild(type(box.buttons()[0]), "keepEditingButton").click()
    assert dialog.isVisible() and typed == (
        edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
    )
    dialog.reject()  # Cancel asks the same question
    qtbot.waitUntil(dialog.discard_box.isVisible)
    dialog.discard_box.findChild(type(box.buttons()[0]), "discardButton").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_half_typed_incident_is_kept_when_the_window_closes(
    post, qtbot, themed, layout_settings: QSettings
):
    first = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(first)
    first.resize(1400, 900)
    first.show()
    dialog = first.incidents.new_incident()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.title_edit, "Gas smell at the bakery")
    dialog.notes_edit.setPlainText("Caller waits outside, door locked")
    first.close()
    assert post.incidents.list() == []  # a draft, not a record

    second = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(second)
    second.resize(1400, 900)
    second.show()
    again = second.incidents.new_incident()
    qtbot.waitUntil(again.isVisible)
    assert again.title_edit.text() == "Gas smell at the bakery"
    assert again.notes_edit.toPlainText() == "Caller waits outside, door locked"
    assert again.draft_note.isVisible()
    again.reject()  # the restored text counts as typed: Esc asks before it is lost
    assert again.discard_box is not None and again.discard_box.isVisible()
    again.discard()
    third = second.incidents.new_incident()  # taken once: the next form starts blank
    assert third.title_edit.text() == "" and not third.draft_note.isVisible()
    third.discard()
    second.close()


def test_a_half_typed_radio_message_is_kept_when_the_window_closes(
    post, qtbot, themed, layout_settings: QSettings
):
    first = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(first)
    compose = first.radio.compose
    compose.to_box.setEditText("RESCUE1")
    compose.precedence_box.setCurrentIndex(compose.precedence_box.count() - 1)
    qtbot.keyClicks(compose.text_edit, "Bring the second pump")
    first.close()

    second = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(second)
    again = second.radio.compose
    assert again.text_edit.toPlainText() == "Bring the second pump"
    assert again.to_box.currentText() == "RESCUE1" and again.precedence == Precedence.EMERGENCY
    second.close()


def test_an_incident_reported_in_1850_is_refused_at_the_form(window, post, qtbot):
    window.show()
    dialog = window.incidents.new_incident()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.title_edit, "Old flood")
    dialog.reported_at_edit.setDateTime(
        QDateTime.fromSecsSinceEpoch(int(datetime(1850, 3, 1, 12, tzinfo=timezone.utc).timestamp()))
    )
    dialog.save()
    assert dialog.isVisible() and "more than a year ago" in dialog.problems["reported_at"].text()
    assert post.incidents.list() == []
    dialog.discard()


def test_a_task_due_in_1999_is_refused_at_the_form(window, post, qtbot):
    window.show()
    dialog = window.tasks.new_task(None)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.title, "Sandbags to the school")
    dialog.has_due.setChecked(True)
    dialog.due.setDateTime(
        QDateTime.fromSecsSinceEpoch(int(datetime(1999, 6, 1, 8, tzinfo=timezone.utc).timestamp()))
    )
    dialog.accept()
    assert dialog.isVisible() and "check the year" in dialog.problems_shown()["due_at"]
    assert post.tasks.list() == []
    dialog.discard()


def test_the_incident_table_shows_the_year_of_a_record_from_another_year(window, post, qtbot):
    view = post.incidents.create(IncidentDraft("Levee inspection"))
    with post.db.write() as s:  # imported from last winter's log: stored before this year
        s.get(Incident, view.id).reported_at = datetime(2019, 1, 15, 12, tzinfo=timezone.utc)
    window.incidents.reload()
    model = window.incidents.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert any("2019" in str(t) for t in texts), texts  # in the locale's words (locale_format.py)
