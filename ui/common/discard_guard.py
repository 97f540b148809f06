"""Forms that ask before throwing away what was typed.

Esc, Cancel and the dialog's close button all end in ``QDialog.reject``. A form built on
``GuardedDialog`` compares its fields with how they stood when it was first shown; if
anything was typed or changed it asks "Discard what you typed?" (window-modal, not
blocking) and only "Discard" closes it. Code that closes a form on purpose (a conflict
was shown, the record is gone) calls ``discard`` and is never asked.

The siren activation wizard is deliberately not guarded: cancelling a siren must never
take a second click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ops_console.ui.common.disabled import allow

FieldState = tuple[tuple[str, object], ...]


def form_state(form: QWidget) -> FieldState:
    """The value of every input on ``form`` (text, choice, tick), in a comparable form."""
    values: list[tuple[str, object]] = []
    for n, child in enumerate(form.findChildren(QWidget)):
        owner = child.parentWidget()
        if isinstance(child, QLineEdit) and not isinstance(owner, (QComboBox, QAbstractSpinBox)):
            values.append((f"{n}", child.text()))
        elif isinstance(child, (QPlainTextEdit, QTextEdit)):
            values.append((f"{n}", child.toPlainText()))
        elif isinstance(child, QComboBox):
            values.append((f"{n}", (child.currentIndex(), child.currentText())))
        elif isinstance(child, QAbstractSpinBox):
            values.append((f"{n}", child.text()))
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            values.append((f"{n}", child.isChecked()))
    return tuple(values)


class GuardedDialog(QDialog):
    """A QDialog that asks before discarding typed content (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_state: FieldState | None = None
        self.discard_box: QMessageBox | None = None  # the open question, if any

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        if self._shown_state is None:  # what the form said when the person first saw it
            self.mark_unchanged()
        super().showEvent(event)

    def mark_unchanged(self) -> None:
        """Take the fields as they are now as the untouched state (after pre-filling)."""
        self._shown_state = form_state(self)

    def has_typed_content(self) -> bool:
        return self._shown_state is not None and form_state(self) != self._shown_state

    def reject(self) -> None:
        if not self.has_typed_content():
            super().reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            self.discard_box.raise_()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard what you typed?"),
            self.tr("This form has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("discardConfirm")
        self._discard_button = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        self._discard_button.setObjectName("discardButton")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEditingButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(self._answered)
        self.discard_box = box
        box.open()

    def discard(self) -> None:
        """Close without asking: for code that closes the form on purpose."""
        super().reject()

    def read_only(self, reason: str, title: str) -> None:
        """For a role that may read the record but not change it, titled ``title``: the
        fields only show it, Cancel becomes Close (the way out), and every other button is
        off with ``reason`` on hover. Opened editable, a viewer typed a change and was
        refused only on Save."""
        self.setWindowTitle(title)
        keep = None
        for box in self.findChildren(QDialogButtonBox):
            keep = box.button(QDialogButtonBox.StandardButton.Cancel) or keep
        if keep is not None:
            keep.setText(self.tr("Close"))
        for child in self.findChildren(QWidget):
            owner = child.parentWidget()
            if isinstance(child, QLineEdit) and not isinstance(owner, (QComboBox, QAbstractSpinBox)):
                child.setReadOnly(True)
            elif isinstance(child, (QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
                child.setReadOnly(True)
            elif isinstance(child, QComboBox) or (isinstance(child, QAbstractButton) and child is not keep):
                allow(child, reason)

    @Slot(object)
    def _answered(self, button: object) -> None:
        if button is self._discard_button:
            self.discard()
