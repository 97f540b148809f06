"""ICS-213 General Message: fill in and send, or view a received one and print it.

Printing uses QtPrintSupport (shipped with PySide6-Essentials) when a printer can be
set up; "Save as PDF" needs no printer at all. Both paint the one layout of the form
(ops_console/reports/ics213.py) with the console's one writer (ops_console/printing).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ops_console.hardware.protocols.field_payload import Precedence
from ops_console.post import Post
from ops_console.printing import render, write_pdf
from ops_console.radio.ics213 import Ics213, parse
from ops_console.radio.views import MessageView
from ops_console.reports.ics213 import ics213_document
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.formatting import local
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error


def sender_line(post: Post) -> str:
    """ICS-213 'From' of a new form: the operator at this post's call sign ("Anna Muster, EOC-1"),
    so the receiver knows whom to answer and on which call."""
    call = post.radio.outbox.console_call
    return f"{post.shift.actor.name}, {call}" if post.shift.actor else call


def save_pdf(form: Ics213, header: str, path: str) -> None:
    """The form as an A4 PDF through the console's one writer (ops_console/printing)."""
    write_pdf(ics213_document(form, header), path)


class Ics213Dialog(GuardedDialog):
    """Compose (``message`` None) or view/print a received form (``message`` given)."""

    def __init__(self, post: Post, message: MessageView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ics213Dialog")
        self.setWindowTitle(self.tr("ICS-213 General Message"))
        self.post, self.message = post, message
        received = parse(message.body) if message is not None else None
        self.recipient = QLineEdit(objectName="ics213Recipient", placeholderText=self.tr("Call sign or ALL"))
        self.to = QLineEdit(objectName="ics213To")
        self.sender = QLineEdit(objectName="ics213From")
        self.subject = QLineEdit(objectName="ics213Subject")
        self.when = QLineEdit(objectName="ics213When", text=datetime.now().strftime("%Y-%m-%d %H:%M"))
        self.body = QPlainTextEdit(objectName="ics213Message")
        self.approved = QLineEdit(objectName="ics213Approved")
        self.reply = QPlainTextEdit(objectName="ics213Reply")
        self.reply.setFixedHeight(60)
        self.precedence = QComboBox(objectName="ics213Precedence")
        for prec in (Precedence.ROUTINE, Precedence.WELFARE, Precedence.PRIORITY, Precedence.EMERGENCY):
            self.precedence.addItem(prec.name.capitalize(), prec)
        form = QFormLayout(self)
        form.addRow(self.tr("Send to (radio)"), self.recipient)
        form.addRow(self.tr("Precedence"), self.precedence)
        form.addRow(self.tr("To"), self.to)
        form.addRow(self.tr("From"), self.sender)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Date/Time"), self.when)
        form.addRow(self.tr("Message"), self.body)
        form.addRow(self.tr("Approved by"), self.approved)
        form.addRow(self.tr("Reply"), self.reply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = QPushButton(self.tr("Send"), objectName="ics213Send")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), objectName="ics213Pdf")
        self.print_button = QPushButton(self.tr("Print…"), objectName="ics213Print")
        for button in (self.send_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send)
        self.print_button.clicked.connect(self.print_form)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        form.addRow(buttons)
        if received is not None and message is not None:
            self._show(received, message)
        else:
            self.sender.setText(sender_line(post))
        self.resize(560, 560)

    def _show(self, form: Ics213, message: MessageView) -> None:
        """A received form: fields filled in; Send answers it (the reply goes back to the station)."""
        for edit, value in (
            (self.to, form.to),
            (self.sender, form.sender),
            (self.subject, form.subject),
            (self.when, form.when),
            (self.approved, form.approved_by),
        ):
            edit.setText(value)
        self.body.setPlainText(form.message)
        self.reply.setPlainText(form.reply)
        self.recipient.setText(message.station)
        self.send_button.setText(self.tr("Send reply"))

    def form(self) -> Ics213:
        return Ics213(
            self.to.text(),
            self.sender.text(),
            self.subject.text(),
            self.when.text(),
            self.body.toPlainText(),
            self.approved.text(),
            self.reply.toPlainText(),
        )

    def header(self) -> str:
        if self.message is None:
            return self.tr("Composed at this post")
        return (
            self.tr("Received by radio from {station}, message {number}, {time}")
            .replace("{station}", self.message.station)
            .replace("{number}", str(self.message.number))
            .replace("{time}", local(self.message.at).strftime("%Y-%m-%d %H:%M"))
        )

    @Slot()
    def send(self) -> MessageView | None:
        try:
            sent = self.post.radio.outbox.compose_ics213(
                self.recipient.text() or "ALL", self.form(), self.precedence.currentData()
            )
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return None
        self.accept()
        return sent

    def save_pdf(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save ICS-213 as PDF"),
                f"ICS-213 {self.subject.text() or 'message'}.pdf",
                "PDF (*.pdf)",
            )
        if path:
            try:
                save_pdf(self.form(), self.header(), path)
            except KNOWN_ERRORS as exc:
                show_error(self, exc)
                return None
        return path or None

    @Slot()
    def print_form(self) -> None:
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # a build without print support: PDF still works
            self.save_pdf()
            return
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            try:
                render(ics213_document(self.form(), self.header()), printer)
            except KNOWN_ERRORS as exc:
                show_error(self, exc)
