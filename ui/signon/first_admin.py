"""Creates the first administrator of a brand-new post, then signs them on.

Without it a fresh post (not the demo) would have nobody who could sign on; the
service allows this only while the roster is empty.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ops_console.domain import Role
from ops_console.errors import ValidationError
from ops_console.post import Post
from ops_console.services.audit import Actor
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import set_ink


class FirstAdminDialog(QDialog):
    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Set up the first administrator"))
        self._post = post
        self.actor: Actor | None = None
        self.name_edit, self.callsign_edit = QLineEdit(), QLineEdit()
        self.pin_edit, self.pin_again = QLineEdit(), QLineEdit()
        for edit in (self.pin_edit, self.pin_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(12)
        self.problem = QLabel()
        self.problem.setObjectName("firstAdminProblem")
        self.problem.setWordWrap(True)
        set_ink(self.problem, "problem")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Callsign:"), self.callsign_edit)
        form.addRow(self.tr("&PIN (6–12 digits):"), self.pin_edit)
        form.addRow(self.tr("PIN &again:"), self.pin_again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This post has no operators yet. The first one is its administrator, "
                "who can then add the others."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def create(self) -> None:
        """Create and sign on; problems are shown in the dialog, which keeps what was typed."""
        if self.pin_edit.text() != self.pin_again.text():
            self.problem.setText(self.tr("The two PINs differ."))
            return
        name, pin = self.name_edit.text().strip(), self.pin_edit.text()
        try:
            self._post.operators.create(name, Role.ADMIN, pin, self.callsign_edit.text().strip())
            self.actor = self._post.operators.sign_on(name, pin)
        except ValidationError as exc:
            self.problem.setText("\n".join(exc.problems.values()))
            return
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        self.accept()
