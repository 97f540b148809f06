"""The alert dock: every open alert of the post in one ranked list.

Radio emergencies, siren faults, low or expiring stock, overdue risk inspections and
full shelters each live in their own panel; a supervisor needs them in one place and
in order of seriousness. The list is read on a worker thread (a shared database may be
slow or locked) whenever a related event arrives, at most a few times a second, and
every 30 s for time-based alerts (expiry, overdue inspections).
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console import alerts as post_alerts
from ops_console.alerts import PostAlert, Severity
from ops_console.events import Event
from ops_console.topics import ALERT_TOPICS, topic_of
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.reading_pane import ReadingPane

from .model import AlertModel, tr

log = logging.getLogger(__name__)

# events after which the list may have changed

DEBOUNCE_MS = 400
PERIODIC_MS = 30_000


class AlertPanel(QWidget):
    """Thin view over ``ops_console.alerts``: reads off the GUI thread, shows, jumps, acknowledges."""

    # the operator wants the record behind an alert: carries (kind, id), e.g. ("siren", 3)
    open_requested = Signal(str, int)
    # the same for a stock alert: carries (item id, location id), the cell it is about
    stock_requested = Signal(int, int)
    # the list was read: carries (open alerts, critical ones)
    counts_changed = Signal(int, int)
    # a read finished (tests wait on it)
    refreshed = Signal()
    # a warning was drafted from the selected sensor alert: carries the warning's id
    warning_drafted = Signal(int)

    def __init__(self, post, bridge: PostBridge | None = None, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("alertPanel")
        self.post = post
        self.model = AlertModel()
        self.pool = JobLane("alerts", parent=self)
        self._job: Job | None = None
        self._ack_job: Job | None = None
        self._again = False
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.refresh)
        self._periodic = QTimer(self, interval=PERIODIC_MS, timeout=self.refresh)
        self._periodic.start()
        if bridge is not None:
            bridge.event_received.connect(self._on_event)
            bridge.shift_changed.connect(self._update_buttons)
        self.refresh()

    def _build(self) -> None:
        self.summary = QLabel(objectName="alertSummary")
        self.table = QTableView(objectName="alertTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reading = ReadingPane("alertReading")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_reading())
        self.ack_button = QPushButton(
            tr("Acknowledge"), objectName="alertAck", clicked=self.acknowledge_selected
        )
        self.open_button = QPushButton(tr("Go to record"), objectName="alertOpen", clicked=self.open_selected)
        self.draft_button = QPushButton(
            tr("Draft warning"), objectName="alertDraftWarning", clicked=self.draft_warning_from_selected
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.reading)
        self._update_buttons()

    # reading ----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Read the list again; a request during a read runs once more after it."""
        if self._job is not None and not self._job.finished:
            self._again = True
            return
        self._job = start_job(
            self.pool, partial(post_alerts.collect, self.post), self._show, self._failed, owner=self
        )

    @Slot(object)
    def _on_event(self, event: Event) -> None:
        if topic_of(event.topic) in ALERT_TOPICS and not self._debounce.isActive():
            self._debounce.start()

    def _show(self, found: list[PostAlert]) -> None:
        keep = self.selected()
        self.model.set_alerts(found)
        if keep is not None:
            self.select_key(keep.key)
        critical = sum(1 for a in found if a.severity == Severity.CRITICAL)
        self.summary.setText(self._summary_text(len(found), critical))
        self._update_buttons()
        self.show_reading()
        self.counts_changed.emit(len(found), critical)
        self.refreshed.emit()
        self._rerun_if_asked()

    def _failed(self, exc: Exception) -> None:
        log.warning("alert list not read: %s", exc, exc_info=not isinstance(exc, KNOWN_ERRORS))
        self.summary.setText(tr("Alert list could not be read: {words}").replace("{words}", str(exc)))
        self.refreshed.emit()
        self._rerun_if_asked()

    def _rerun_if_asked(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    @staticmethod
    def _summary_text(total: int, critical: int) -> str:
        if total == 0:
            return tr("No open alerts.")
        return tr("{n} open alert(s), {c} critical").replace("{n}", str(total)).replace("{c}", str(critical))

    def show_reading(self) -> None:
        """The selected alert whole under the list (its Alert and Details columns cut it)."""
        alert = self.selected()
        self.reading.show_reading(None if alert is None else self.model.reading_of(alert))

    # acting -----------------------------------------------------------------------------
    def selected(self) -> PostAlert | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.alerts[rows[0].row()] if rows else None

    def select_key(self, key: str) -> bool:
        for row, alert in enumerate(self.model.alerts):
            if alert.key == key:
                self.table.selectRow(row)
                return True
        return False

    @Slot()
    def open_selected(self) -> None:
        alert = self.selected()
        if alert is None or alert.target is None:
            return
        if alert.target[0] == "stock" and alert.place_id is not None:
            self.stock_requested.emit(alert.target[1], alert.place_id)
        else:
            self.open_requested.emit(*alert.target)

    @Slot()
    def acknowledge_selected(self) -> None:
        alert = self.selected()
        if alert is None or not alert.needs_ack:
            return
        self._ack_job = start_job(
            self.pool,
            partial(post_alerts.acknowledge, self.post, alert),
            self._acknowledged,
            self._ack_failed,
            owner=self,
        )

    @Slot()
    def draft_warning_from_selected(self) -> None:
        """One click: a draft public warning from the selected sensor alert (reading, place, zone)."""
        from ops_console.early_warning.service import draft_from_sensor

        alert = self.selected()
        if alert is None or alert.target is None or alert.target[0] != "sensor_alert":
            return
        work = partial(draft_from_sensor, self.post.warnings, self.post.sensors, alert.target[1])
        start_job(self.pool, work, self._drafted, self._ack_failed, owner=self)

    @Slot(object)
    def _drafted(self, view: object) -> None:
        self.warning_drafted.emit(int(view.id))  # type: ignore[attr-defined]

    @Slot(object)
    def _acknowledged(self, _result: object) -> None:
        self.refresh()

    @Slot(object)
    def _ack_failed(self, exc: Exception) -> None:
        show_error(self, exc)

    def _update_buttons(self) -> None:
        alert = self.selected()
        refusal = (
            self.post.radio.acknowledge_refusal()
            if alert is not None and alert.ack in ("radio", "radio_failure")
            else ""
        )
        chosen = (alert is not None, tr("Select an alert in the list first."))
        allow(
            self.ack_button,
            first_reason(
                chosen,
                (alert is None or alert.needs_ack, tr("This alert needs no acknowledgement.")),
                (not refusal, refusal),
            ),
        )
        allow(
            self.open_button,
            first_reason(
                chosen, (alert is None or alert.target is not None, tr("This alert has no record to go to."))
            ),
        )
        actor = self.post.shift.actor
        may_draft = actor is not None and actor.role != "viewer"
        from_sensor = alert is not None and alert.target is not None and alert.target[0] == "sensor_alert"
        allow(
            self.draft_button,
            first_reason(
                (from_sensor, tr("Select a sensor alert to draft a warning from its reading.")),
                (may_draft, tr("A viewer cannot draft warnings.")),
            ),
        )

    def wait_idle(self) -> None:
        """Let a running read finish (closing the window, tests)."""
        self.pool.waitForDone(5000)
