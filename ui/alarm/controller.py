"""EMERGENCY traffic comes to the operator, whatever panel is in front.

When an EMERGENCY or PRIORITY message (or plain text starting with a distress word, which
the ingest stores as EMERGENCY) arrives unacknowledged, this raises the post-wide alarm:
the red bar above the docks, the audible cue (repeated while it stands), the taskbar
flash, and the alert list brought forward with the alert selected. It never takes the
keyboard: a dock is not raised over a form that has the focus (the bar shows the alarm
anyway), and nothing here calls setFocus or activateWindow. Who may acknowledge is
asked of the radio service before the click (ack_rights.py), and shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar, QWidget

from ops_console.events import Event
from ops_console.precedence import rank_of
from ops_console.radio.views import MessageView
from ops_console.topics import Topic
from ops_console.ui.common.actions import window_action
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error

from .bar import AlarmBar
from .sound import AlarmSound, audio_present

if TYPE_CHECKING:
    from ops_console.ui.main_window import MainWindow

log = logging.getLogger(__name__)
CHECK_DELAY_MS = 150  # coalesce a burst of radio events into one read
POLL_MS = 2000  # other workstations' traffic and acknowledgements (no event reaches us for those)
REPEAT_CUE_MS = 30_000  # the cue again while an alarm stands unacknowledged
FORWARD_DOCKS = ("alerts",)  # what an alarm brings forward (the message itself is in the bar)


class EmergencyAlarm(QObject):
    """Owns the alarm bar (a fixed tool bar at the top of ``window``) and its sound."""

    def __init__(self, window: MainWindow, *, audio_probe: Callable[[], bool] = audio_present) -> None:
        super().__init__(window)
        self.window, self.post = window, window.post
        self.sound = AlarmSound(self, probe=audio_probe)
        self.bar = AlarmBar()
        self.toolbar = QToolBar(self.tr("Alarm"), window)
        self.toolbar.setObjectName("alarmToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.toggleViewAction().setVisible(False)  # nobody hides the alarm from a menu
        self.toolbar.setStyleSheet("QToolBar#alarmToolBar { border: none; padding: 0px; spacing: 0px; }")
        self.toolbar.layout().setContentsMargins(
            0, 0, 0, 0
        )  # every pixel of height goes to the docks at 720 px
        self.toolbar.addWidget(self.bar)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # a line of its own, whatever other bars show
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.test_sound_action = window_action(
            self, self.tr("Test alarm &sound"), None, "testAlarmSoundAction", self.test_sound
        )
        # the bar's buttons take no keyboard focus (they never steal it from a form): these
        # reach them from the keyboard, from anywhere in the window
        self.ack_action = window_action(
            self,
            self.tr("&Acknowledge the alarm"),
            "Ctrl+Shift+A",
            "ackAlarmAction",
            self.bar.ack_button.click,
        )
        self.show_action = window_action(
            self,
            self.tr("&Show the alarm's message"),
            "Ctrl+Shift+M",
            "showAlarmAction",
            self.bar.show_button.click,
        )
        self.alerts: list[MessageView] = []
        self._known: set[int] | None = None  # alert ids already raised (None: not read yet)
        self._select_key: str | None = None  # the alert to select when the alert list has been read
        self._check = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.check)
        self._poll = QTimer(self, interval=POLL_MS, timeout=self.check)
        self._repeat = QTimer(self, interval=REPEAT_CUE_MS, timeout=self.sound.play)
        self.bar.acknowledge_requested.connect(self.acknowledge)
        self.bar.show_requested.connect(self.show_message)
        window.bridge.radio_event.connect(self._on_event)
        window.bridge.shift_changed.connect(self.update_rights)
        window.bridge.exercise_changed.connect(self._view_changed)
        alert_panel = getattr(getattr(window, "features", None), "alerts", None)
        if alert_panel is not None:
            alert_panel.refreshed.connect(self._select_in_alert_list)
        self.update_rights()
        self.check()
        self._poll.start()

    def _sync_actions(self) -> None:
        """The menu items follow the bar's buttons: enabled alike, and saying why not."""
        waiting = (not self.bar.alarm.isHidden(), self.tr("No EMERGENCY or PRIORITY message is waiting."))
        ack = self.bar.ack_button
        allow(self.ack_action, first_reason(waiting, (ack.isEnabled(), ack.toolTip())), ack.toolTip())
        allow(self.show_action, first_reason(waiting), self.tr("The message in the comms log, selected."))

    # --- reading ----------------------------------------------------------------------
    @Slot(object)
    def _on_event(self, event: Event) -> None:
        if event.topic == Topic.RADIO_MESSAGE and not self._check.isActive():
            self._check.start()

    @Slot()
    def _view_changed(self) -> None:
        """Exercise mode on or off shows other traffic: shown at once, like at start-up, but
        not sounded as if it had just been heard."""
        self._known = None
        self.check()

    @Slot()
    def check(self) -> None:
        """Read the unacknowledged alerts; raise the alarm for any not seen before."""
        try:
            alerts = self.post.radio.unacknowledged_alerts()
        except KNOWN_ERRORS as exc:
            log.warning("alarm: alerts not read: %s", exc)
            return
        first_read = self._known is None
        new = [a for a in alerts if a.id not in (self._known or set())]
        self._known = {a.id for a in alerts}
        self.alerts = alerts
        self.bar.show_alarm(alerts, self.sound.audible)
        self._update_visibility()
        if not alerts:
            self._repeat.stop()
        elif not self._repeat.isActive():
            self._repeat.start()
        if new and not first_read:  # what stood at start-up is shown, not sounded again
            self.raise_alarm(sorted(new, key=lambda m: (rank_of(m.precedence), m.id))[0])

    def raise_alarm(self, alert: MessageView) -> None:
        """Sound, flash the taskbar, bring the alert list forward with ``alert`` selected."""
        log.warning("ALARM: %s from %s: %s", alert.precedence, alert.station, alert.body[:120])
        self.sound.play()
        QApplication.alert(self.window)  # taskbar flash; does not activate the window
        self.bring_forward()
        self._select_key = f"radio:{alert.id}"
        alert_panel = getattr(getattr(self.window, "features", None), "alerts", None)
        if alert_panel is not None:
            alert_panel.refresh()

    def bring_forward(self) -> None:
        """Raise the docks of FORWARD_DOCKS, except over a form being typed in."""
        focus = QApplication.focusWidget()
        for key in FORWARD_DOCKS:
            dock = self.window.docks.get(key)
            if dock is None or self._would_hide(dock, focus):
                continue
            if dock.isHidden():
                dock.show()
            dock.raise_()

    def _would_hide(self, dock: QDockWidget, focus: QWidget | None) -> bool:
        """Would raising ``dock`` hide the widget that has the keyboard (same tab group)?"""
        if focus is None or dock.isAncestorOf(focus):
            return False
        return any(other.isAncestorOf(focus) for other in self.window.tabifiedDockWidgets(dock))

    @Slot()
    def _select_in_alert_list(self) -> None:
        if self._select_key is not None:
            alert_panel = self.window.features.alerts
            if alert_panel.select_key(self._select_key):
                self._select_key = None

    # --- rights -----------------------------------------------------------------------
    @Slot()
    def update_rights(self) -> None:
        radio = self.post.radio
        refusal = radio.acknowledge_refusal()
        warning = ""
        if refusal:
            warning = self.tr(
                "Nobody signed on here may acknowledge EMERGENCY traffic: {who} may. Sign on as one "
                "of them (File → Change operator…)."
            ).replace("{who}", radio.who_may_acknowledge())
        self.bar.show_rights(refusal, warning)
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.toolbar.setVisible(not self.bar.alarm.isHidden() or not self.bar.warning.isHidden())
        self._sync_actions()

    # --- actions ----------------------------------------------------------------------
    @Slot(int)
    def acknowledge(self, message_id: int) -> None:
        try:
            self.post.radio.acknowledge_alert(message_id)
        except KNOWN_ERRORS as exc:
            show_error(self.window, exc)
            return
        self.check()

    @Slot(int)
    def show_message(self, message_id: int) -> None:
        """The operator asked for the message: the comms log in front, its row selected."""
        dock = self.window.docks["radio"]
        dock.show()
        dock.raise_()
        self.window.radio.show_message(message_id)

    @Slot()
    def test_sound(self) -> None:
        """Give the cue now, and say what was (or could not be) played."""
        self.sound.play()
        if self.sound.audible:
            words = self.tr("Alarm sound played ({kind}).").replace("{kind}", self.sound.kind)
        else:
            words = self.tr("Sound off: this workstation has no audio device, alarms are visible only.")
        self.window.statusBar().showMessage(words, 10_000)

    def shutdown(self) -> None:
        self._poll.stop()
        self._check.stop()
        self._repeat.stop()
        self.window.bridge.radio_event.disconnect(self._on_event)
