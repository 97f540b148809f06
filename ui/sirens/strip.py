"""The siren strip: while any siren sounds, tests or is armed, a bar across the top of the
main window says which, live or test, which pattern and how long is left, with CANCEL ALL.

It lives outside the Sirens dock on purpose: whatever panel is in front (the Task board,
the map), a sounding siren and the way to stop it are in sight. It is fed by the siren
service: every ``siren.*`` event (and a slow periodic read, for other consoles' commands)
starts one read of ``SirenService.sounding_now`` on a worker thread; between reads a
one-second tick only counts the time left down on the GUI thread, without the database.
CANCEL ALL is one click plus one confirmation, for every role the service lets cancel;
for the others it is disabled, and its tooltip names who can.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSizePolicy, QToolBar, QWidget

from ops_console.domain import Role
from ops_console.events import Event
from ops_console.said import shown
from ops_console.sirens.service import CANCEL_PERMISSION, SirenService, roles_that_may_cancel
from ops_console.sirens.sounding import ARMED, TESTING, SoundingSiren
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.actions import window_action
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.jobs import Job, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import for_night, strong_button_style
from ops_console.ui.sirens.look import LIVE_RED, TEST_TEAL, pattern_words

log = logging.getLogger(__name__)
DEBOUNCE_MS = 150
PERIODIC_MS = 5000  # commands from other consoles of the post, and the time left drifting
MAX_GROUPS, MAX_NAMES = 3, 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("SirenStrip", text)


def _clock(seconds: int) -> str:
    m, s = divmod(max(0, seconds), 60)
    return f"{m}:{s:02d}"


def kind_words(row: SoundingSiren) -> str:
    """LIVE or TEST, and what the siren is doing: a silent test never says it sounds."""
    if row.phase == ARMED:
        return (
            _tr("LIVE — about to sound")
            if row.live
            else (_tr("SILENT TEST — starting") if row.silent else _tr("TEST — starting (audible)"))
        )
    if row.phase == TESTING or not row.live:
        return _tr("SILENT TEST — no sound") if row.silent else _tr("TEST — growl, audible")
    return _tr("LIVE — SOUNDING")


def group_lines(rows: list[SoundingSiren], now: datetime) -> list[str]:
    """One line per (what, pattern): "LIVE — SOUNDING: S3, S4 · Warnung · 0:52 left"."""
    groups: dict[tuple[str, str], list[SoundingSiren]] = {}
    for row in rows:  # the pattern in the operator's language ("Pre-alert", not "预先警报 Pre-alert")
        groups.setdefault((kind_words(row), pattern_words(row.pattern_name)), []).append(row)
    lines = []
    for (kind, pattern), members in list(groups.items())[:MAX_GROUPS]:
        names = ", ".join(m.name for m in members[:MAX_NAMES])
        if len(members) > MAX_NAMES:
            names += _tr(" +%1 more").replace("%1", str(len(members) - MAX_NAMES))
        left = max(m.seconds_left(now) for m in members)
        when = (
            _tr("%1 requested").replace("%1", _clock(left))
            if members[0].phase == ARMED
            else _tr("%1 left").replace("%1", _clock(left))
        )
        lines.append(f"<b>{kind}</b>: {names} · {pattern} · {when}")
    if len(groups) > MAX_GROUPS:
        lines.append(_tr("and %1 more — see the Sirens panel").replace("%1", str(len(groups) - MAX_GROUPS)))
    return lines


class SirenStrip(QToolBar):
    """A top toolbar that is shown exactly while something sounds, tests or is armed."""

    # a read of what sounds finished and is shown (tests wait on it)
    refreshed = Signal()
    _wanted = False  # what the sirens say: shown or not (see setVisible)

    def __init__(self, service: SirenService, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Sirens sounding"), parent)
        self.setObjectName("sirenStrip")
        self.service = service
        self.rows: list[SoundingSiren] = []
        self._wanted = False
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # nobody can switch it off from a menu
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: Job | None = None
        self._cancel_job: Job | None = None
        self._again = False
        self.confirm_box: QMessageBox | None = None

        self.badge = QLabel(_tr("SIRENS"), objectName="sirenStripBadge")
        self.lines = QLabel(objectName="sirenStripLines")
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.cancel_button = QPushButton(_tr("■  CANCEL ALL SIRENS"), objectName="sirenStripCancel")
        self.cancel_button.setMinimumHeight(32)
        self.cancel_button.clicked.connect(self.confirm_cancel_all)
        self.cancel_action = window_action(  # the keyboard's way (asks first, like the button)
            self,
            _tr("Cancel all &sirens…"),
            "Ctrl+Shift+X",
            "cancelAllSirensAction",
            self.cancel_button.click,
        )
        self.addWidget(self.badge)
        self.addWidget(self.lines)
        self.addWidget(self.cancel_button)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._periodic = QTimer(self, interval=PERIODIC_MS)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._render)
        bridge.siren_event.connect(self._on_event)
        bridge.shift_changed.connect(self.update_permission)
        self.update_permission()
        self._show_rows([])
        self.refresh()

    # -- visibility: decided by the sirens alone -------------------------------------------

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override)
        """A restored window layout or a context menu must not hide a sounding siren, nor
        show an empty strip: the strip shows exactly while something sounds."""
        super().setVisible(self._wanted)

    @property
    def showing(self) -> bool:
        """True while something sounds, tests or is armed (the strip is shown)."""
        return self._wanted

    # -- reading ---------------------------------------------------------------------------

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        if not self._debounce.isActive():
            self._debounce.start()

    @Slot()
    def refresh(self) -> None:
        """Read what sounds on the pool; a request during a read runs once more after it."""
        if self._job is not None and not self._job.finished:
            self._again = True
            return
        self._job = start_job(self.pool, self.service.sounding_now, self._show_rows, self._read_failed)

    @Slot(object)
    def _show_rows(self, rows: list[SoundingSiren]) -> None:
        self.rows = list(rows)
        self._wanted = bool(self.rows)
        self.setVisible(self._wanted)
        if self._wanted and not self._tick.isActive():
            self._tick.start()
        elif not self._wanted:
            self._tick.stop()
        self._render()
        self._sync_action()
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()

    @Slot(object)
    def _read_failed(self, exc: Exception) -> None:
        """Keep showing the last known sirens (safer than hiding them) and say why."""
        log.warning("siren strip not read: %s", exc, exc_info=not isinstance(exc, KNOWN_ERRORS))
        self.lines.setToolTip(_tr("Could not read the sirens' state: %1").replace("%1", str(exc)))
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()

    @Slot()
    def _render(self) -> None:
        now = datetime.now(timezone.utc)
        live = any(r.live for r in self.rows)
        colour = LIVE_RED if live else TEST_TEAL
        self.setStyleSheet(
            f"QToolBar#sirenStrip {{ background: {for_night(QColor('#fde3e3' if live else '#e0f2ef'), background=True).name()}; "
            f"border-bottom: 3px solid {colour}; }}"
        )
        self.badge.setText(_tr("SIRENS LIVE") if live else _tr("SIRENS TEST"))
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; font-weight: 800; padding: 6px 12px; border-radius: 4px;"
        )
        self.lines.setText("<br>".join(group_lines(self.rows, now)))
        self.lines.setToolTip(
            "\n".join(
                f"{r.name}: {kind_words(r)}, {pattern_words(r.pattern_name)}, {_clock(r.seconds_left(now))}"
                + (f" — {shown(r.requested_by)}" if r.requested_by else "")
                for r in self.rows
            )
        )

    # -- cancelling ------------------------------------------------------------------------

    @Slot()
    def update_permission(self) -> None:
        """Disabled, with who can, for a role the service would refuse."""
        shift = self.service.shift
        allowed = shift.can(CANCEL_PERMISSION)
        self.cancel_button.setEnabled(allowed)
        who = ", ".join(r.label for r in roles_that_may_cancel())
        if allowed:
            self.cancel_button.setToolTip(_tr("Stop every siren now (asks once to confirm)."))
        elif shift.actor is None:
            self.cancel_button.setToolTip(
                _tr("Nobody is signed on. These roles may cancel sirens: %1.").replace("%1", who)
            )
        else:
            self.cancel_button.setToolTip(
                _tr("%1 is signed on as %2, who may not cancel sirens. These roles may: %3.")
                .replace("%1", shift.actor.name)
                .replace("%2", Role(shift.actor.role).label)
                .replace("%3", who)
            )
        self.cancel_button.setStyleSheet(strong_button_style(LIVE_RED, large=True))
        self._sync_action()

    def _sync_action(self) -> None:
        """The menu item follows the button: enabled alike, and saying why not."""
        button = self.cancel_button
        reason = first_reason(
            (self._wanted, _tr("No siren is sounding, testing or about to.")),
            (button.isEnabled(), button.toolTip()),
        )
        allow(self.cancel_action, reason, button.toolTip())

    @Slot()
    def confirm_cancel_all(self) -> QMessageBox:
        """The one confirmation: Yes stops every siren; the box opens without blocking."""
        names = ", ".join(r.name for r in self.rows) or _tr("every siren")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Cancel all sirens"),
            _tr("Stop every siren now?\n\nSounding or armed: %1").replace("%1", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window(),
        )
        box.setObjectName("cancelAllConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(_tr("Yes, cancel all sirens"))
        box.finished.connect(partial(self._confirmed, box))
        self.confirm_box = box
        box.open()
        return box

    def _confirmed(self, box: QMessageBox, _result: int) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.cancel_all()
        box.deleteLater()
        if self.confirm_box is box:
            self.confirm_box = None

    def cancel_all(self) -> None:
        """Send the cancel through the service door on the pool; refusals are shown."""
        self._cancel_job = start_job(
            self.pool, self.service.cancel_all, self._cancel_sent, self._cancel_failed
        )

    @Slot(object)
    def _cancel_sent(self, request_id: str) -> None:
        log.info("cancel all sirens requested from the siren strip (request %s)", request_id)
        self.refresh()

    @Slot(object)
    def _cancel_failed(self, exc: Exception) -> None:
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc
        show_error(self.window(), exc)

    def shutdown(self) -> None:
        """Stop the timers and let a running read finish (the window is closing)."""
        self._periodic.stop()
        self._tick.stop()
        self._debounce.stop()
        self.pool.waitForDone(5000)
