"""The sign-on dialog, used at start and for a shift handover ("Change operator").

Every refusal the service words (wrong PIN, attempts left, locked) is shown inline
under the PIN, whole: the dialog grows to fit the words rather than cut them. The chosen
operator stays selected so a mistyped PIN costs one retype. An empty PIN is not sent (it
is not an attempt; a hint says what is missing), and Enter in the name list moves on to
the PIN instead of signing on with nothing typed.

At start the dialog shows before the post is open (ui/launch.py): it lists the roster read
without SQLAlchemy (ops_console/roster.py) and says it is opening the post. Once
``post_ready`` hands it the post, the list is the operator service's own, and a PIN
typed meanwhile is checked then. This module imports nothing heavy at the top for that.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Role
from ops_console.errors import DatabaseUnavailable, SignOnError
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import set_ink

if TYPE_CHECKING:
    from ops_console.post import Post
    from ops_console.services.audit import Actor


class RosterLine(Protocol):
    """What the list shows of an operator: ``OperatorView`` and ``RosterEntry`` both fit."""

    @property
    def name(self) -> str: ...
    @property
    def callsign(self) -> str: ...
    @property
    def role(self) -> Role: ...


class SignOnDialog(QDialog):
    """Pick an operator, type the PIN, sign on through OperatorService.

    ``hand_over=True`` (Change operator): the current operator stays on shift until the
    next one's PIN is accepted; the service then records the handover in one step, so
    nobody is ever left signed on under someone else's name, nor is the post left empty.
    """

    def __init__(
        self,
        post: Post | None,
        parent: QWidget | None = None,
        *,
        hand_over: bool = False,
        roster: Sequence[RosterLine] | None = None,
    ) -> None:
        """``post=None`` (the start): the post is still opening; ``roster`` is what
        ops_console/roster.py could read meanwhile (None: not known yet)."""
        super().__init__(parent)
        self.setObjectName("signOnDialog")
        self._post, self._hand_over = post, hand_over
        self.actor: Actor | None = None
        self.failure: BaseException | None = None  # why the post could not be opened
        self._pending_sign_on = False  # Sign on was pressed before the post was open
        self.setWindowTitle(self.tr("Change operator") if hand_over else self.tr("Sign on to Ops Console"))
        self.setMinimumWidth(420)

        heading = QLabel(self.tr("Who is at this workstation?"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Choose your name and type your PIN. Everything you do is recorded "
                "under your name in the activity log."
            )
        )
        intro.setWordWrap(True)

        self.operator_box = QComboBox()
        self.operator_box.setObjectName("operatorBox")
        if post is not None:
            self._fill(post.operators.list_active())
            current = post.shift.actor
            if current is not None:
                index = self.operator_box.findData(current.name)
                self.operator_box.setCurrentIndex(max(index, 0))
        else:
            self._fill(roster or ())
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("4 to 12 digits"))
        self.pin_edit.setMaxLength(12)
        self.error_label = QLabel()
        self.error_label.setObjectName("signOnError")
        self.error_label.setWordWrap(True)
        set_ink(self.error_label, "problem")  # bold: the app style sheet's QLabel#signOnError
        self.error_label.hide()
        self.opening_label = QLabel(self.tr("Opening the post…"))
        self.opening_label.setObjectName("signOnOpening")
        self.opening_label.setWordWrap(True)
        self.opening_label.setEnabled(False)  # the palette's quiet text: a state, not a problem
        self.opening_label.setVisible(post is None)
        self.operator_box.installEventFilter(self)
        self.operator_box.activated.connect(self._name_chosen)

        form = QFormLayout()
        form.addRow(self.tr("&Operator:"), self.operator_box)
        form.addRow(self.tr("&PIN:"), self.pin_edit)
        form.addRow(self.error_label)  # the whole width: long words wrap, never cut
        form.addRow(self.opening_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._lane = JobLane("sign-on", parent=self)
        self._asking: Job | None = None
        self.sign_on_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_on_button.setText(self.tr("Sign on"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Cancel") if hand_over else self.tr("Quit")
        )
        self.buttons.accepted.connect(self.try_sign_on)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if post is not None:
            self._offer_first_admin_if_nobody()
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, roster: Sequence[RosterLine]) -> None:
        """The list of operators, keeping the one chosen when it is still on it."""
        chosen = self.operator_box.currentData()
        self.operator_box.clear()
        for op in roster:
            label = f"{op.name} — {op.role.label}" + (f" ({op.callsign})" if op.callsign else "")
            self.operator_box.addItem(label, op.name)
        if chosen is not None:
            self.operator_box.setCurrentIndex(max(self.operator_box.findData(chosen), 0))

    def _offer_first_admin_if_nobody(self) -> None:
        if self.operator_box.count() != 0:
            return
        self._show_problem(
            self.tr(
                "No operators are set up on this post yet. Set up its first "
                "administrator, or start the console with --demo to try it."
            )
        )
        self.sign_on_button.setEnabled(False)
        self.first_admin_button = self.buttons.addButton(
            self.tr("Set up first administrator…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.first_admin_button.clicked.connect(self._set_up_first_admin)

    @property
    def post(self) -> Post | None:
        return self._post

    def post_ready(self, post: Post) -> None:
        """The post is open: its operator service's list replaces the preview, and a
        Sign on pressed meanwhile goes ahead."""
        self._post = post
        self.opening_label.hide()
        self._fill(post.operators.list_active())
        self._offer_first_admin_if_nobody()
        if self._pending_sign_on and self.operator_box.count():
            self._pending_sign_on = False
            self.sign_on_button.setEnabled(True)
            self.try_sign_on()

    def post_failed(self, exc: BaseException) -> None:
        """The post could not be opened: the dialog closes and the caller says why."""
        self.failure = exc
        self.reject()

    def try_sign_on(self) -> None:
        """Sign on with what was typed; stay open with the service's words when refused."""
        name = self.operator_box.currentData()
        if not name:
            return
        if not self.pin_edit.text():  # not an attempt: nothing is counted toward the lockout
            self._show_problem(
                self.tr("Type your PIN first, then press Enter. An empty PIN is not counted as an attempt.")
            )
            self.pin_edit.setFocus()
            return
        if self._asking is not None and not self._asking.finished:
            return  # one check at a time
        if self._post is None:  # still opening: checked as soon as it is open (post_ready)
            self._pending_sign_on = True
            self.sign_on_button.setEnabled(False)
            self.opening_label.setText(self.tr("Opening the post… you are signed on as soon as it is open."))
            return
        # the PIN's hash takes most of a second (docs/security.md): checked on a worker, never here.
        # On a handover the service signs the previous operator off in the same step.
        self.sign_on_button.setEnabled(False)
        self._asking = start_job(
            self._lane,
            partial(self._post.operators.sign_on, name, self.pin_edit.text()),
            self._signed_on,
            self._refused,
            owner=self,
        )

    def _signed_on(self, actor: object) -> None:
        self.sign_on_button.setEnabled(True)
        self.actor = actor
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.sign_on_button.setEnabled(True)
        if isinstance(exc, SignOnError):
            self._show_problem(str(exc))
            self.pin_edit.clear()
            self.pin_edit.setFocus()
        elif isinstance(exc, DatabaseUnavailable):
            show_error(self, exc)
        else:
            raise exc

    def _set_up_first_admin(self) -> None:
        from .first_admin import FirstAdminDialog

        assert self._post is not None  # offered only once the post is open

        dialog = FirstAdminDialog(self._post, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.actor = dialog.actor
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter on the closed name list means "this is me": go on to the PIN."""
        if (
            watched is self.operator_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._name_chosen()
            return True
        return super().eventFilter(watched, event)

    def _name_chosen(self, *_index: object) -> None:
        self.pin_edit.setFocus(Qt.FocusReason.TabFocusReason)
        self.pin_edit.selectAll()

    def _show_problem(self, words: str) -> None:
        self.error_label.setText(words)
        self.error_label.show()
        self._fit_words()

    def _fit_words(self) -> None:
        """Grow (never shrink) so the wrapped words are shown whole at the current width."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)
