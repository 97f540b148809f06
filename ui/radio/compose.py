"""The compose box: recipient, precedence, text, and a live counter of bytes, frames and airtime.

Enter sends, Ctrl+Enter (or Shift+Enter) inserts a new line. The counter asks the outbox
service (the same check that guards queueing), so what it says is what will be enforced.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QGridLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QWidget)

from ops_console.hardware.protocols.field_payload import Precedence
from ops_console.post import Post
from ops_console.radio.outbox import BROADCAST


class ComposeBox(QWidget):
    """Asks for a message; emits ``send_requested`` — the panel queues it and shows errors."""

    # the operator pressed Enter or Send: recipient call, text, Precedence
    send_requested = Signal(str, str, object)

    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioCompose")
        self._post = post
        self.to_box = QComboBox()
        self.to_box.setObjectName("composeTo")
        self.to_box.setEditable(True)
        self.to_box.setMinimumContentsLength(10)
        self.to_box.setToolTip(self.tr("A node, team or tactical call sign, or ALL for everyone"))
        self.precedence_box = QComboBox()
        self.precedence_box.setObjectName("composePrecedence")
        labels = {Precedence.ROUTINE: self.tr("Routine"), Precedence.WELFARE: self.tr("Welfare"),
                  Precedence.PRIORITY: self.tr("Priority"), Precedence.EMERGENCY: self.tr("Emergency")}
        for prec, label in labels.items():
            self.precedence_box.addItem(label, prec)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("composeText")
        self.text_edit.setPlaceholderText(self.tr("Message — Enter sends, Ctrl+Enter for a new line"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.text_edit.installEventFilter(self)
        self.counter = QLabel()
        self.counter.setObjectName("composeCounter")
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("composeSend")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.request_send)
        self.text_edit.textChanged.connect(self.update_counter)
        self.to_box.currentTextChanged.connect(self.update_counter)
        self.precedence_box.currentIndexChanged.connect(self.update_counter)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(QLabel(self.tr("To")), 0, 0)
        grid.addWidget(self.to_box, 0, 1)
        grid.addWidget(QLabel(self.tr("Precedence")), 0, 2)
        grid.addWidget(self.precedence_box, 0, 3)
        grid.addWidget(self.counter, 0, 4)
        grid.setColumnStretch(4, 1)
        grid.addWidget(self.text_edit, 1, 0, 1, 5)
        grid.addWidget(self.send_button, 1, 5, Qt.AlignmentFlag.AlignBottom)
        self.counter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_calls([])
        self.update_counter()

    def set_calls(self, calls: list[str]) -> None:
        """Offer ALL and the calls heard on the air; keep what the operator typed."""
        current = self.to_box.currentText()
        self.to_box.blockSignals(True)
        self.to_box.clear()
        self.to_box.addItems([BROADCAST, *sorted(c for c in set(calls) if c)])
        self.to_box.setEditText(current or BROADCAST)
        self.to_box.blockSignals(False)

    @property
    def precedence(self) -> Precedence:
        return self.precedence_box.currentData()

    @Slot()
    def update_counter(self) -> None:
        check = self._post.radio.outbox.check(self.to_box.currentText(), self.text_edit.toPlainText(), self.precedence)
        text = self.tr("{bytes} B · {frames}/{limit} frames · {airtime} s on air").replace(
            "{bytes}", str(check.payload_bytes)).replace("{frames}", str(check.frames)).replace(
            "{limit}", str(check.limit_frames)).replace("{airtime}", f"{check.airtime:.1f}")
        typed = bool(self.text_edit.toPlainText().strip())
        if typed and not check.ok:
            text = check.problem
        self.counter.setText(text)
        self.counter.setProperty("problem", typed and not check.ok)
        self.counter.setStyleSheet("color: #b3261e; font-weight: bold;" if typed and not check.ok else "color: #555;")
        self.send_button.setEnabled(typed and check.ok)

    @Slot()
    def request_send(self) -> None:
        text = self.text_edit.toPlainText().strip()
        if text:
            self.send_requested.emit(self.to_box.currentText().strip().upper(), text, self.precedence)

    def clear(self) -> None:
        self.text_edit.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.text_edit and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event) if not isinstance(event, QKeyEvent) else event
            if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                mods = key.modifiers()
                if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                    self.text_edit.insertPlainText("\n")
                else:
                    self.request_send()
                return True
        return super().eventFilter(watched, event)
