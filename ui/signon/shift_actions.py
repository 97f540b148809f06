"""The shift's menu actions: change operator, exercise mode on/off, purge the drill.

The services decide who may do what (PermissionDenied has the words); these actions
only ask, confirm the destructive one, and show what the service said.
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
        self.exercise_action.setChecked(self._post.shift.exercise)
        self.purge_action.setEnabled(self._post.shift.can(Permission.PURGE_EXERCISE))

    @Slot(bool)
    def set_exercise(self, on: bool) -> None:
        """Ask the service; a refusal (not a supervisor) is shown and the tick undone."""
        try:
            self._post.exercise.set_exercise(on)
        except KNOWN_ERRORS as exc:
            self.dialog = show_error(self._window, exc)
        self.exercise_action.setChecked(self._post.shift.exercise)

    @Slot()
    def confirm_purge(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Purge exercise records"),
                          self.tr("Delete every incident and task recorded during exercises? Live records are "
                                  "not touched, and the activity log keeps a record of the drill and of this purge."),
                          QMessageBox.StandardButton.Cancel, self._window)
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
            status().showMessage(self.tr("Purged {n} exercise records ({i} incidents, {t} tasks).")
                                 .replace("{n}", str(sum(counts.values())))
                                 .replace("{i}", str(counts.get("incidents", 0)))
                                 .replace("{t}", str(counts.get("tasks", 0))), 10_000)

    @Slot()
    def change_operator(self) -> SignOnDialog:
        """The handover dialog; the old operator is signed off when the new one submits."""
        dialog = SignOnDialog(self._post, self._window, hand_over=True)
        dialog.open()
        self.dialog = dialog
        return dialog
