"""The shift's menu actions: change operator, exercise mode on/off, purge the drill.

The services decide who may do what (PermissionDenied has the words); these actions
only ask, confirm switching exercise mode and the purge, and show what the service said.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from ops_console.domain import Permission
from ops_console.post import Post
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.signon.dialog import SignOnDialog


class ShiftActions(QObject):
    """QActions for the main window's menus; dialogs are returned so tests can drive them."""

    def __init__(self, post: Post, window: QWidget) -> None:
        super().__init__(window)
        self._post, self._window = post, window
        self.exercise_action = QAction(self.tr("&Exercise mode (drill records)"), self)
        self.exercise_action.setObjectName("exerciseAction")
        self.exercise_action.setCheckable(True)
        self.exercise_action.setChecked(post.shift.exercise)
        self.exercise_action.triggered.connect(self.set_exercise)
        self.purge_action = QAction(self.tr("&Purge exercise records…"), self)
        self.purge_action.setObjectName("purgeAction")
        self.purge_action.triggered.connect(self.confirm_purge)
        self.dialog: QWidget | None = None

    def update(self) -> None:
        """Controls a role may not use are disabled with who can, before any click."""
        self.exercise_action.setChecked(self._post.shift.exercise)
        may_switch = self._post.shift.can(Permission.TOGGLE_EXERCISE)
        self.exercise_action.setEnabled(may_switch)
        self.exercise_action.setToolTip(
            ""
            if may_switch
            else self.tr("Only a supervisor or an administrator may start or end exercise mode.")
        )
        may_purge = self._post.shift.can(Permission.PURGE_EXERCISE)
        self.purge_action.setEnabled(may_purge)
        self.purge_action.setToolTip(
            "" if may_purge else self.tr("Only a supervisor or an administrator may purge exercise records.")
        )

    @Slot(bool)
    def set_exercise(self, on: bool) -> QMessageBox | None:
        """The menu's tick: nothing switches until the operator confirms (returned box, also
        in ``dialog``); one not allowed to switch is told so at once, without a question."""
        self.exercise_action.setChecked(self._post.shift.exercise)  # ticked only once switched
        if on == self._post.shift.exercise:
            return None
        if not self._post.shift.can(Permission.TOGGLE_EXERCISE):
            self.switch_exercise(on)  # the service words the refusal
            return None
        if on:
            title, words, yes = (
                self.tr("Start exercise mode"),
                self.tr(
                    "Start an exercise on this console?\n\nIncidents, tasks and other records made here from now on are "
                    "marked as a drill. Traffic heard on real radios stays live unless it says EXERCISE; live "
                    "emergencies, unacknowledged alerts and open live incidents stay in sight, marked LIVE.\n\n"
                    "The switch is recorded in the activity log."
                ),
                self.tr("Start exercise"),
            )
        else:
            title, words, yes = (
                self.tr("End exercise mode"),
                self.tr(
                    "End the exercise and return to live work?\n\nThe drill's records are hidden, not deleted (Purge "
                    "exercise records removes them). The switch is recorded in the activity log."
                ),
                self.tr("End exercise"),
            )
        box = QMessageBox(
            QMessageBox.Icon.Question, title, words, QMessageBox.StandardButton.Cancel, self._window
        )
        box.setObjectName("exerciseConfirm")
        confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirmExercise")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(self.start_exercise if on else self.end_exercise)
        box.open()
        self.dialog = box
        return box

    @Slot()
    def ask_end_exercise(self) -> QMessageBox | None:
        """The exercise bar's "End exercise…" button: the same question as the menu's."""
        return self.set_exercise(False)

    @Slot()
    def start_exercise(self) -> None:
        self.switch_exercise(True)

    @Slot()
    def end_exercise(self) -> None:
        self.switch_exercise(False)

    def switch_exercise(self, on: bool) -> None:
        """Ask the service (it audits the switch); a refusal is shown and the tick undone."""
        try:
            self._post.exercise.set_exercise(on)
        except KNOWN_ERRORS as exc:
            self.dialog = show_error(self._window, exc)
        self.exercise_action.setChecked(self._post.shift.exercise)

    @Slot()
    def confirm_purge(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Purge exercise records"),
            self.tr(
                "Delete every record of past exercises (incidents, tasks, drill radio traffic)? "
                "Live records are not touched, nothing a real radio heard is deleted, and the "
                "activity log keeps a record of the drill and of this purge."
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setObjectName("purgeConfirm")
        purge = box.addButton(self.tr("Purge exercise records"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        purge.clicked.connect(self.purge)
        box.open()
        self.dialog = box
        return box

    @Slot()
    def purge(self) -> None:
        try:
            counts = self._post.exercise.purge()
        except KNOWN_ERRORS as exc:
            self.dialog = show_error(self._window, exc)
            return
        status = getattr(self._window, "statusBar", None)
        if status is not None:
            status().showMessage(
                self.tr("Purged {n} exercise records ({i} incidents, {t} tasks).")
                .replace("{n}", str(sum(counts.values())))
                .replace("{i}", str(counts.get("incidents", 0)))
                .replace("{t}", str(counts.get("tasks", 0))),
                10_000,
            )

    @Slot()
    def change_operator(self) -> SignOnDialog:
        """The handover dialog; the old operator is signed off when the new one submits."""
        dialog = SignOnDialog(self._post, self._window, hand_over=True)
        dialog.open()
        self.dialog = dialog
        return dialog
