"""The post-wide alarm bar: a red line across the top of the main window, above every dock.

It shows the most urgent unacknowledged EMERGENCY/PRIORITY message, how many more wait,
"Sound off" when this workstation cannot make a sound, and two buttons that are never
pushed off-screen (the text gives way first): Show (the message in the comms log) and
Acknowledge (disabled, with a tooltip saying who can, for a role that may not). Under it,
an amber standing warning while nobody signed on here may acknowledge. Thin: the
controller (controller.py) decides what to show and does what the buttons ask.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ops_console.precedence import Precedence, precedence_label, rank_of
from ops_console.radio.views import MessageView
from ops_console.ui.common.formatting import clock_time

EMERGENCY_RED, PRIORITY_AMBER, WARNING_AMBER = "#b3261e", "#b25e00", "#fff1c2"


class AlarmBar(QWidget):
    """The alarm line and the standing warning line; either may be hidden."""

    # Acknowledge pressed: carries the message id shown
    acknowledge_requested = Signal(int)
    # Show pressed: carries the message id shown
    show_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBar")
        # the whole width of its toolbar row: with no alarm up, the wrapped standing line
        # alone was sized to its own hint, a 270 px box of six lines at the top left
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.alarm = QFrame(objectName="emergencyAlarm")
        self.badge = QLabel(objectName="alarmBadge")
        self.text = QLabel(objectName="alarmText")
        self.text.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # gives way to the buttons
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.sound_off = QLabel(self.tr("Sound off: no audio device"), objectName="alarmSoundOff")
        self.sound_off.setToolTip(
            self.tr(
                "This workstation has no audio output: alarms here are visible only. "
                "Keep the window in sight or connect speakers."
            )
        )
        self.show_button = QPushButton(self.tr("Show message"), objectName="alarmShow")
        self.ack_button = QPushButton(self.tr("Acknowledge"), objectName="alarmAck")
        for button in (self.show_button, self.ack_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the keyboard from a form
        self.show_button.clicked.connect(self._show)
        self.ack_button.clicked.connect(self._ack)
        row = QHBoxLayout(self.alarm)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(self.badge)
        row.addWidget(self.text, 1)
        row.addWidget(self.sound_off)
        row.addWidget(self.show_button)
        row.addWidget(self.ack_button)
        self.warning = QLabel(objectName="ackWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            f"#ackWarning {{ background: {WARNING_AMBER}; color: #4a3500; padding: 4px 10px; "
            "border: 1px solid #e0c060; border-radius: 3px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.alarm)
        layout.addWidget(self.warning)
        self.message_id: int | None = None
        self.alarm.hide()
        self.warning.hide()

    def show_alarm(self, alerts: list[MessageView], audible: bool) -> None:
        """The most urgent of ``alerts`` (EMERGENCY first, then the oldest), or hide."""
        if not alerts:
            self.message_id = None
            self.alarm.hide()
            return
        first = sorted(alerts, key=lambda m: (rank_of(m.precedence), m.id))[0]
        self.message_id = first.id
        colour = EMERGENCY_RED if first.precedence == Precedence.EMERGENCY else PRIORITY_AMBER
        self.alarm.setStyleSheet(
            f"#emergencyAlarm {{ background: {colour}; border-radius: 3px; }} "
            "#emergencyAlarm QLabel { color: white; font-weight: bold; } "
            f"#emergencyAlarm #alarmBadge {{ background: white; color: {colour}; border-radius: 8px; "
            "padding: 1px 8px; } "
            "#emergencyAlarm #alarmSoundOff { background: #5c1010; border-radius: 8px; padding: 1px 8px; }"
        )
        self.badge.setText(precedence_label(first.precedence).upper())  # 紧急 on a Chinese console
        more = self.tr("  (+{n} more)").replace("{n}", str(len(alerts) - 1)) if len(alerts) > 1 else ""
        plain = self.tr(" (plain text, unverified)") if first.kind == "plain" else ""
        words = first.body.replace("\n", " ")[:300]
        self.text.setText(
            self.tr("from {station}{plain} at {time}: {text}{more}")
            .replace("{station}", first.station)
            .replace("{plain}", plain)
            .replace("{time}", clock_time(first.at))
            .replace("{text}", words)
            .replace("{more}", more)
        )
        self.text.setToolTip(first.body)
        self.sound_off.setVisible(not audible)
        self.alarm.show()

    def show_rights(self, refusal: str, warning: str) -> None:
        """Acknowledge enabled or not (``refusal`` says why not, and who can); the standing
        ``warning`` while nobody here may acknowledge ('' hides it)."""
        self.ack_button.setEnabled(not refusal)
        self.ack_button.setToolTip(
            refusal
            or self.tr(
                "Acknowledge: you have seen it and act. Stops the alarm at "
                "every workstation; recorded in the audit log."
            )
        )
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self._fit_warning()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_warning()

    def _fit_warning(self) -> None:
        """As high as the standing line needs at the bar's width: a toolbar sizes its
        widgets by their hint, which for wrapped words is a guess at a narrow width."""
        needed = self.warning.heightForWidth(max(1, self.width()))
        if needed > 0 and self.warning.height() != needed:
            self.warning.setFixedHeight(needed)

    @Slot()
    def _ack(self) -> None:
        if self.message_id is not None:
            self.acknowledge_requested.emit(self.message_id)

    @Slot()
    def _show(self) -> None:
        if self.message_id is not None:
            self.show_requested.emit(self.message_id)
