"""The radio panel's top strip (link state and counters) and the alert banner.

The banner stays until an operator acknowledges the EMERGENCY/PRIORITY message it
shows; acknowledging is a service call (audited), the banner only asks for it. In the main
window the post-wide alarm bar above every dock shows the same first alert with its own
Acknowledge, so there the banner stands down (``covered``): the same sentence twice took
two rows of the comms log from a radio operator at 1280x720, in the minute they count.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ops_console.precedence import Precedence, rank_of
from ops_console.radio.links import link_state_words
from ops_console.radio.runtime import LinkStatus
from ops_console.radio.views import MessageView
from ops_console.said import shown
from ops_console.ui.common.formatting import clock_time

STATE_COLOURS = {
    "ready": "#2f6f3e",
    "configuring": "#b25e00",
    "starting": "#b25e00",
    "not responding": "#b3261e",
    "network key refused": "#b3261e",
    "link down": "#b3261e",
    "closed": "#6b6b6b",
}


def state_words(state: str) -> str:
    """A device's state (ModemState's value) in the reader's language; the link strip's
    pill, its tooltip and the Devices dialog say it alike."""
    return link_state_words(state)


def link_tip(s: LinkStatus) -> str:
    """One device's state, detail and last problem, in the reader's language (the detail
    and the problem are stored sentences the driver made, ops_console/said.py)."""
    tip = f"{s.label}: {state_words(s.state)} — {shown(s.detail)}"
    return tip + (f"\n{shown(s.last_error)}" if s.last_error else "")


class LinkStrip(QFrame):
    """One pill per device (state, coloured) and its counters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioLinkStrip")
        # its panel colours are the theme's (ui/common/theme.py: QFrame#radioLinkStrip), so
        # the counters read at night too
        self.pill = QLabel(objectName="linkState")
        self.pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pill.setMinimumWidth(120)
        self.counters = QLabel(objectName="linkCounters")
        self.counters.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counters.setWordWrap(True)
        self.counters.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # never widens the dock
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.pill)
        layout.addWidget(self.counters, 1)
        self.compact = False
        self._counters_text = ""
        self.show_status([])

    def set_compact(self, compact: bool) -> None:
        """In a low dock the counters keep one line, cut with "…" and whole in the tooltip:
        wrapped to three lines at 1280x720 they took the comms log's rows from an operator
        who had raised the radio tab for a glance at the traffic."""
        if compact == self.compact:
            return
        self.compact = compact
        self.counters.setWordWrap(not compact)
        self._show_counters()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.compact:
            self._show_counters()

    def _show_counters(self) -> None:
        text = self._counters_text
        if self.compact:
            text = self.counters.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, max(self.counters.width(), 40)
            )
        self.counters.setText(text)
        self.counters.setToolTip(self._counters_text if text != self._counters_text else "")

    def show_status(self, links: list[LinkStatus], *, opening: bool = False) -> None:
        """The devices' states and counters; with none running, ``opening`` says they are
        configured and about to open (the window opens them after its first paint): "No
        radio" there told a radio operator, for the seconds of a first start, that the
        post's radios were gone."""
        if not links:
            if opening:
                self._pill(self.tr("Starting"), STATE_COLOURS["starting"])
                self._counters_text = self.tr("Opening the radios…")
            else:
                self._pill(self.tr("No radio"), "#6b6b6b")
                self._counters_text = self.tr(
                    "No radio configured. Start with --device lora:PORT, --device meshtastic:PORT or --demo."
                )
            self._show_counters()
            return
        worst = next((s for s in links if s.state != "ready"), links[0])
        self._pill(state_words(worst.state), STATE_COLOURS.get(worst.state, "#6b6b6b"))
        parts = []
        for s in links:
            parts.append(
                self.tr(
                    "{name} on {port}: heard {frames} · stored {stored} · invalid {invalid} · "
                    "sent {sent} · errors {errors}"
                )
                .replace("{name}", s.label)
                .replace("{port}", s.port)
                .replace("{frames}", str(s.frames))
                .replace("{stored}", str(s.stored))
                .replace("{invalid}", str(s.invalid))
                .replace("{sent}", str(s.sent))
                .replace("{errors}", str(s.errors))
            )
        self._counters_text = "   |   ".join(parts)
        self._show_counters()
        self.setToolTip("\n".join(link_tip(s) for s in links))

    def _pill(self, text: str, colour: str) -> None:
        self.pill.setText(text)
        self.pill.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; border-radius: 9px; padding: 2px 10px;"
        )


class AlertBanner(QFrame):
    """Red (EMERGENCY) or amber (PRIORITY) until acknowledged."""

    # the operator pressed Acknowledge: carries the message id
    acknowledge_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioAlert")
        self.text = QLabel(objectName="radioAlertText")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # the button stays in sight
        self.button = QPushButton(self.tr("Acknowledge"), objectName="radioAlertAck")
        self.button.clicked.connect(self._ack)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.message_id: int | None = None
        self.covered = False
        self.hide()

    def cover(self) -> None:
        """Another bar on screen shows these alerts (the main window's alarm bar): stay hidden."""
        self.covered = True
        self.hide()

    def show_alerts(self, alerts: list[MessageView]) -> None:
        if not alerts:
            self.message_id = None
            self.hide()
            return
        first = sorted(alerts, key=lambda m: (rank_of(m.precedence), m.id))[0]
        self.message_id = first.id
        colour = "#b3261e" if first.precedence == Precedence.EMERGENCY else "#b25e00"
        self.setStyleSheet(
            f"#radioAlert {{ background: {colour}; border-radius: 4px; }} "
            "#radioAlert QLabel { color: white; font-weight: bold; }"
        )
        more = self.tr(" (+{n} more)").replace("{n}", str(len(alerts) - 1)) if len(alerts) > 1 else ""
        self.text.setText(
            self.tr("{prec} from {station} at {time}: {text}{more}")
            .replace("{prec}", first.precedence)
            .replace("{station}", first.station)
            .replace("{time}", clock_time(first.at))
            .replace("{text}", first.body[:200])
            .replace("{more}", more)
        )
        self.setHidden(self.covered)

    @Slot()
    def _ack(self) -> None:
        if self.message_id is not None:
            self.acknowledge_requested.emit(self.message_id)
