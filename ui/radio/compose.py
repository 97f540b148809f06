"""The compose box: recipient, precedence, text, and a live counter of bytes, frames and airtime.

Enter sends, Ctrl+Enter (or Shift+Enter) inserts a new line. The counter asks the outbox
service (the same check that guards queueing), so what it says is what will be enforced.
It says which call sign the post transmits as (``[radio] call_sign``), and with more than
one radio it lets the operator name the link ("Via"; the default lets the outbox choose).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ops_console.hardware.protocols.field_payload import Precedence
from ops_console.post import Post
from ops_console.radio.outbox import BROADCAST
from ops_console.said import shown
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.formatting import decimal
from ops_console.ui.common.theme import set_ink


class ComposeBox(QWidget):
    """Asks for a message; emits ``send_requested`` — the panel queues it and shows errors."""

    # the operator pressed Enter or Send: recipient call, text, Precedence
    send_requested = Signal(str, str, object)

    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioCompose")
        self._post = post
        self.refusal = ""  # why the person on shift may not send ('' when they may): the panel sets it
        self.to_box = QComboBox()
        self.to_box.setObjectName("composeTo")
        self.to_box.setEditable(True)
        self.to_box.setMinimumContentsLength(10)
        self.to_box.setToolTip(self.tr("A node, team or tactical call sign, or ALL for everyone"))
        self.precedence_box = QComboBox()
        self.precedence_box.setObjectName("composePrecedence")
        labels = {
            Precedence.ROUTINE: self.tr("Routine"),
            Precedence.WELFARE: self.tr("Welfare"),
            Precedence.PRIORITY: self.tr("Priority"),
            Precedence.EMERGENCY: self.tr("Emergency"),
        }
        for prec, label in labels.items():
            self.precedence_box.addItem(label, prec)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("composeText")
        self.text_edit.setPlaceholderText(self.tr("Message — Enter sends, Ctrl+Enter for a new line"))
        self.text_edit.setTabChangesFocus(True)
        self.compact = False
        self._fit_text()
        self.text_edit.installEventFilter(self)
        self.counter = QLabel()
        self.counter.setObjectName("composeCounter")
        self.counter.setWordWrap(True)  # a long problem wraps instead of widening the dock
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("composeSend")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.request_send)
        self.via_box = QComboBox(objectName="composeVia")
        self.via_box.setToolTip(
            self.tr(
                "The radio to send on; if it is down or its airtime is spent, another one sends the message"
            )
        )
        self.via_label = QLabel(self.tr("Via"))
        self.from_label = QLabel(objectName="composeFrom")
        self.set_links([])
        self.show_call_sign()
        self.text_edit.textChanged.connect(self.update_counter)
        self.to_box.currentTextChanged.connect(self.update_counter)
        self.precedence_box.currentIndexChanged.connect(self.update_counter)

        # one line, shown instead of the form when the tab is low; the panel places it above
        # its scrolled body, so it is never the part a low tab cuts
        self.refusal_note = QLabel(objectName="composeRefusal")
        self.refusal_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        set_ink(self.refusal_note, "muted")
        self.refusal_note.hide()
        to_label, precedence_label = QLabel(self.tr("To")), QLabel(self.tr("Precedence"))
        self._form = QWidget(objectName="composeForm")
        grid = QGridLayout(self._form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(to_label, 0, 0)
        grid.addWidget(self.to_box, 0, 1)
        grid.addWidget(precedence_label, 0, 2)
        grid.addWidget(self.precedence_box, 0, 3)
        grid.addWidget(self.via_label, 0, 4)
        grid.addWidget(self.via_box, 0, 5)
        grid.setColumnStretch(6, 1)
        grid.addWidget(self.from_label, 0, 7, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.text_edit, 1, 0, 1, 7)
        grid.addWidget(self.send_button, 1, 7, Qt.AlignmentFlag.AlignBottom)
        # under the text it counts, the whole width: beside the combo boxes a 1280x720 radio
        # dock left it ~60 px, and "29 B · 1/8 frames · 1.8 s on air" took five lines there
        grid.addWidget(self.counter, 2, 0, 1, 8)
        self.counter.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # a long problem wraps within the dock's width instead of widening it
        self.counter.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        outer.addWidget(self._form)
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

    def set_links(self, names: list[str]) -> None:
        """Offer the radios by name (shown only when there is a choice); keep the choice made."""
        if self.via_box.count() and names == [
            self.via_box.itemData(i) for i in range(1, self.via_box.count())
        ]:
            return
        current = self.via
        self.via_box.clear()
        self.via_box.addItem(self.tr("Any radio"), "")
        for name in names:
            self.via_box.addItem(name, name)
        self.via_box.setCurrentIndex(max(0, self.via_box.findData(current)))
        self.via_box.setVisible(len(names) > 1)
        self.via_label.setVisible(len(names) > 1)

    @property
    def via(self) -> str:
        """The link the operator named, '' to let the outbox choose."""
        return self.via_box.currentData() or ""

    def show_call_sign(self) -> None:
        """Show "as EOC-1", the call every frame carries; red when [radio] in the config had a problem."""
        radio = self._post.radio.settings
        self.from_label.setText(self.tr("as {call}").replace("{call}", self._post.radio.outbox.console_call))
        tip = self.tr("This post's call sign on the air ([radio] call_sign in the config file)")
        self.from_label.setToolTip("\n".join([tip, *map(shown, radio.problems)]))
        set_ink(self.from_label, "problem" if radio.problems else "muted")
        self.from_label.setStyleSheet("font-weight: bold;" if radio.problems else "")

    @property
    def precedence(self) -> Precedence:
        return self.precedence_box.currentData()

    def set_compact(self, compact: bool) -> None:
        """A low radio tab (1280x720, beside the incidents) gets a one-line message box, which
        scrolls within itself: three lines cut the box and its Send button at the dock's foot."""
        self.compact = compact
        self._fit_text()
        self._show_form()

    def _fit_text(self) -> None:
        lines = 1 if self.compact else 3
        self.text_edit.setFixedHeight(self.fontMetrics().height() * lines + 14)

    def set_refusal(self, refusal: str) -> None:
        """Why the person on shift may not send ('' when they may)."""
        self.refusal = refusal
        self.setEnabled(not refusal)
        self.refusal_note.setText(refusal)
        self.refusal_note.setToolTip(refusal)
        self._show_form()
        self.update_counter()

    def _show_form(self) -> None:
        """Low and refused, the form says why in one line instead of standing there greyed: an
        operator's radio tab at 1280x720 gave 85 of its 281 px to controls that role may not
        use, and the comms log kept one row."""
        folded = self.compact and bool(self.refusal)
        self._form.setHidden(folded)
        if self.parentWidget() is not None:  # in the panel (a box on its own is not shown here)
            self.setHidden(folded)  # nothing of it is left to see: its reason stands above the log
        self.refusal_note.setVisible(folded)

    @Slot()
    def update_counter(self) -> None:
        check = self._post.radio.outbox.check(
            self.to_box.currentText(), self.text_edit.toPlainText(), self.precedence
        )
        words = (
            self.tr("{bytes} B · {frames}/{limit} Meshtastic packets")  # the node keeps its own airtime
            if check.mesh
            else self.tr("{bytes} B · {frames}/{limit} frames · {airtime} s on air")
        )
        text = (
            words.replace("{bytes}", str(check.payload_bytes))
            .replace("{frames}", str(check.frames))
            .replace("{limit}", str(check.limit_frames))
            .replace("{airtime}", decimal(check.airtime))
        )
        typed = bool(self.text_edit.toPlainText().strip())
        problem = shown(check.problem)  # a stored sentence: in this console's language
        if typed and not check.ok:
            text = problem
        self.counter.setText(text)
        self.counter.setToolTip(text)
        self.counter.setProperty("problem", typed and not check.ok)
        set_ink(self.counter, "problem" if typed and not check.ok else "muted")
        self.counter.setStyleSheet("font-weight: bold;" if typed and not check.ok else "")
        allow(
            self.send_button,
            first_reason(
                (not self.refusal, self.refusal),
                (typed, self.tr("Type a message first.")),
                (check.ok, problem or self.tr("This message cannot be sent as it is.")),
            ),
        )

    @Slot()
    def request_send(self) -> None:
        text = self.text_edit.toPlainText().strip()
        if text:
            self.send_requested.emit(self.to_box.currentText().strip().upper(), text, self.precedence)

    def clear(self) -> None:
        """After a send: the text goes, and precedence returns to ROUTINE so the next routine
        message does not go out as PRIORITY by accident; the addressee stays (it is shown)."""
        self.text_edit.clear()
        self.precedence_box.setCurrentIndex(self.precedence_box.findData(Precedence.ROUTINE))

    # a message half-typed when the window closes is kept (ui/common/drafts.py)
    DRAFT_KEY = "radio_message"

    def draft_fields(self) -> dict[str, str] | None:
        text = self.text_edit.toPlainText()
        if not text.strip():
            return None
        return {"to": self.to_box.currentText(), "precedence": Precedence(self.precedence).name, "text": text}

    def restore_draft(self, fields: dict[str, str]) -> None:
        self.to_box.setEditText(fields.get("to", "") or BROADCAST)
        wanted = Precedence.__members__.get(fields.get("precedence", ""), Precedence.ROUTINE)
        self.precedence_box.setCurrentIndex(
            next(
                (
                    i
                    for i in range(self.precedence_box.count())
                    if Precedence(self.precedence_box.itemData(i)) is wanted
                ),
                0,
            )
        )
        self.text_edit.setPlainText(fields.get("text", ""))

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
