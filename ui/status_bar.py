"""The status bar: who is on shift, which database, the time here and in UTC, and a red
EXERCISE banner whenever drills are being recorded, so nobody mistakes one for the other.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from ops_console.domain import Role
from ops_console.post import Post
from ops_console.said import shown
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.formatting import local, number
from ops_console.ui.common.theme import set_ink


class PostStatusBar(QStatusBar):
    """Reads the shift and database name from the post; redraws on bridge signals."""

    # the alert counter was clicked: show the alert list
    alerts_clicked = Signal()

    def __init__(
        self, post: Post, bridge: PostBridge, parent: QWidget | None = None, *, demo: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._post = post
        self.exercise_banner = QLabel(self.tr("EXERCISE"))  # the red bar across the window says the rest
        self.exercise_banner.setToolTip(self.tr("Exercise mode: records made here are marked as a drill"))
        self.exercise_banner.setObjectName("exerciseBanner")
        self.operator_label = QLabel()
        self.operator_label.setObjectName("operatorLabel")
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        name = post.db.display_name + (self.tr(" (demo post)") if demo else "")
        self.database_label.setText(self.tr("Database: {name}").replace("{name}", name))
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockLabel")
        self.alert_button = QPushButton(
            objectName="alertCounter", flat=True, clicked=lambda: self.alerts_clicked.emit()
        )
        self.alert_button.setToolTip(self.tr("Open alerts of the post — click to show the list"))
        self.alert_button.hide()
        # the EXERCISE mark and the alert count are permanent widgets: a notice (showMessage)
        # hides the normal ones, and the count, shown again by the next alert, was drawn
        # under the notice's words at 1280x720 (Xvfb) — what a person must act on stays whole
        self.addPermanentWidget(self.exercise_banner)
        self.addPermanentWidget(self.alert_button)
        self.addWidget(self.operator_label)
        self.addPermanentWidget(self.database_label)
        self.addPermanentWidget(self.clock_label)

        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.tick)
        self._clock.start()
        bridge.shift_changed.connect(self.refresh)
        bridge.exercise_changed.connect(self.refresh)
        bridge.database_status.connect(self._database_status)
        bridge.notice.connect(self._notice)
        self.refresh()
        self.tick()

    @Slot()
    def refresh(self) -> None:
        actor = self._post.shift.actor
        if actor is None:
            self.operator_label.setText(self.tr("Nobody signed on — editing is locked"))
        else:
            role = Role(actor.role).label
            self.operator_label.setText(
                self.tr("Operator: {name} ({role})").replace("{name}", actor.name).replace("{role}", role)
            )
        self.exercise_banner.setVisible(self._post.shift.exercise)

    @Slot(int, int)
    def show_alert_counts(self, total: int, critical: int) -> None:
        """A counter that stays in sight whichever dock is in front; red while any is critical."""
        self.alert_button.setVisible(total > 0)
        self.alert_button.setText(
            self.tr("⚠ {n} alert(s)").replace("{n}", number(total))
            + (self.tr(", {c} critical").replace("{c}", number(critical)) if critical else "")
        )
        self.alert_button.setStyleSheet("QPushButton#alertCounter { font-weight: 700; }")
        set_ink(self.alert_button, "problem" if critical else "warning")
        self.alert_button.setMinimumWidth(self.alert_button.sizeHint().width())  # the count is never cut

    @Slot()
    def tick(self, now: datetime | None = None) -> None:
        now = now or datetime.now(timezone.utc)
        here = local(now)
        self.clock_label.setText(
            self.tr("Local {local}   ·   UTC {utc}")
            .replace("{local}", f"{here:%H:%M:%S}")
            .replace("{utc}", f"{now:%H:%M:%S}")
        )
        self.clock_label.setToolTip(
            self.tr("Local time zone: {zone}").replace("{zone}", here.tzname() or "?")
        )

    @Slot(bool, str)
    def _database_status(self, online: bool, words: str) -> None:
        """The change feed reports when the database stops (or starts) answering."""
        if online:
            self.showMessage(self.tr("Database reachable again."), 10_000)
        else:
            self.showMessage(self.tr("Database unreachable: {words}").replace("{words}", words))

    @Slot(str, str)
    def _notice(self, level: str, text: str) -> None:
        """A background failure or notice in words (ops_console/notices.py): shown, not only logged."""
        self.showMessage(shown(text), 10_000 if level == "info" else 30_000)  # in this console's language
