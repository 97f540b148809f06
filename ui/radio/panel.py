"""The radio panel: link state, alerts, the comms log with search, compose, outbox and nodes.

Thin: every action goes through RadioService (permissions, audit, size limits live
there). Radio events arrive through the bridge on the GUI thread and are coalesced, so
a channel delivering thousands of frames a second refreshes the tables a few times a
second. pyqtgraph (~0.9 s to import) is loaded only when a node's signal is first shown.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ops_console.events import Event
from ops_console.hardware.protocols.field_payload import Precedence
from ops_console.post import Post
from ops_console.precedence import ALERTING
from ops_console.precedence import Precedence as Stored
from ops_console.radio.outbox import RESENDABLE
from ops_console.radio.views import MessageFilter
from ops_console.topics import Feature, Topic
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.responsive_splitter import ResponsiveSplitter
from ops_console.ui.radio.columns import LogColumns
from ops_console.ui.radio.compose import ComposeBox
from ops_console.ui.radio.model import CommsLogModel, message_heading
from ops_console.ui.radio.picture import PictureRequest, RadioPicture, read_picture
from ops_console.ui.radio.reading import MessageReading
from ops_console.ui.radio.side import RadioSideTabs, make_table
from ops_console.ui.radio.status import AlertBanner, LinkStrip

log = logging.getLogger(__name__)
COALESCE_MS = 300
# px: a lower panel keeps the link counters and the message box to one line each. The
# radio tab beside the incidents is ~281 px at 1280x720 (the full layout needs ~340) and
# ~455 px at 1920x1080 (room for all of it); the radio operator's own dock is taller still
COMPACT_BELOW = 400
POLL_MS = 1000


class RadioPanel(QWidget):
    """The Radio dock's content."""

    # a received message was filed: carries the target ("incident", "task", "log", "request") and its id
    filed = Signal(str, int)
    # a radio node was chosen in the nodes list: carries its NodeView and whether it was a click
    node_selected = Signal(object, bool)

    def __init__(self, post: Post, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioPanel")
        self.post, self.bridge = post, bridge
        self.beeps = True  # the main window's alarm gives the cue instead (one per window)
        self.model = CommsLogModel(post, self)
        self.model.problem.connect(lambda exc: show_error(self, exc))
        self.side = RadioSideTabs(post, self)
        self.outbox_model, self.nodes_model = self.side.outbox_model, self.side.nodes_model
        self.nodes_table, self.outbox_table = self.side.nodes_table, self.side.outbox_table
        self.nodes_table.selectionModel().selectionChanged.connect(self._node_selection_changed)
        self.nodes_table.clicked.connect(self._node_clicked)
        self.link_strip = LinkStrip(self)
        self.alert = AlertBanner(self)
        self.alert.acknowledge_requested.connect(self.acknowledge_alert)

        self.search_edit = QLineEdit(objectName="radioSearch", clearButtonEnabled=True)
        self.search_edit.setPlaceholderText(self.tr("Search messages, calls  (Ctrl+F)"))
        self.direction_box = QComboBox(objectName="radioDirection")
        for label, value in (
            (self.tr("In and out"), ""),
            (self.tr("Received"), "in"),
            (self.tr("Sent"), "out"),
        ):
            self.direction_box.addItem(label, value)
        self.precedence_box = QComboBox(objectName="radioPrecedenceFilter")
        self.precedence_box.addItem(self.tr("All precedences"), frozenset())
        self.precedence_box.addItem(self.tr("Emergency + priority"), frozenset(ALERTING))
        self.precedence_box.addItem(self.tr("Emergency"), frozenset({Stored.EMERGENCY}))
        self.alerts_only = QCheckBox(self.tr("Unacknowledged alerts"))
        self._filter_delay = QTimer(self, singleShot=True, interval=250)
        self._filter_delay.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._filter_delay.start)
        self.direction_box.currentIndexChanged.connect(self.apply_filter)
        self.precedence_box.currentIndexChanged.connect(self.apply_filter)
        self.alerts_only.toggled.connect(self.apply_filter)

        self.table = make_table("radioLog", self.model)
        self.columns = LogColumns(self.table)
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self.table.selectionModel().selectionChanged.connect(self._resume_if_free)
        self.reading = MessageReading()
        self.reading.reply_button.clicked.connect(self.reply_selected)
        self.table.selectionModel().selectionChanged.connect(self.show_reading)
        self.model.dataChanged.connect(self.show_reading)  # its state moved on (sent, acked…)
        self.model.modelReset.connect(self.show_reading)
        self.table.viewport().installEventFilter(self)
        self._hovering = (
            False  # the pointer is over the log: new rows wait (they would move the row under it)
        )
        self.new_button = QPushButton(objectName="radioNewMessages")
        self.new_button.setToolTip(
            self.tr(
                "New traffic waits while you point at or select a row, so the row "
                "does not move under the pointer. Click to show it."
            )
        )
        self.new_button.setStyleSheet(
            "#radioNewMessages { background: #1f4e6e; color: white; font-weight: bold; "
            "border-radius: 9px; padding: 2px 12px; }"
        )
        self.new_button.clicked.connect(self.show_new)
        self.new_button.hide()

        self.to_incident = QPushButton(self.tr("→ Incident"), objectName="radioToIncident")
        self.to_task = QPushButton(self.tr("→ Task"), objectName="radioToTask")
        self.to_log = QPushButton(self.tr("→ Log line"), objectName="radioToLog")
        self.to_request = QPushButton(self.tr("→ Request"), objectName="radioToRequest")
        self.to_request.clicked.connect(lambda: self.file_selected("request"))
        self.to_incident.clicked.connect(lambda: self.file_selected("incident"))
        self.to_task.clicked.connect(lambda: self.file_selected("task"))
        self.to_log.clicked.connect(lambda: self.file_selected("log"))
        # a message sent from here that failed is resent where the alert list's "Go to
        # record" leaves it: the outbox tab lies below the fold of the dock at 1280x720
        self.resend_button = QPushButton(self.tr("Resend"), objectName="radioResend")
        self.resend_button.clicked.connect(self.resend_selected)
        self.resend_button.hide()  # shown while a message sent from here is selected
        self.ics213_button = QPushButton(self.tr("ICS-213…"), objectName="radioIcs213")
        self.ics213_button.setToolTip(
            self.tr("Write an ICS-213 General Message, or open the selected one to print or answer it")
        )
        self.ics213_button.clicked.connect(self.open_ics213)
        self.compose = ComposeBox(post, self)
        self.compose.send_requested.connect(self.send)

        self._layout()

        self._dirty: set[str] = set()  # event topics seen since the last refresh
        self._changed: set[int] = set()  # messages whose row must be re-read
        self._lane = JobLane("radio-panel", parent=self)
        self._reading: Job | None = None
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.poll)
        bridge.radio_event.connect(self.on_event)
        bridge.exercise_changed.connect(self.reload)
        bridge.shift_changed.connect(self.update_actions)
        self._poll.start()
        self.reload()

    def _layout(self) -> None:
        # rows that wrap and a log/nodes split that stacks when narrow: at 1280x720 the
        # dock is ~610 px and every button must stay whole and in sight
        filters = FlowLayout()
        filters.addWidget(self.search_edit)
        filters.addWidget(self.direction_box)
        filters.addWidget(self.precedence_box)
        filters.addWidget(self.alerts_only)
        filters.addWidget(self.new_button)
        self.search_edit.setMinimumWidth(self.search_edit.sizeHint().width())
        actions = FlowLayout()
        actions.addWidget(QLabel(self.tr("Selected message:")))
        for button in (self.to_incident, self.to_task, self.to_log, self.to_request, self.resend_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.ics213_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.reading)
        lv.addLayout(actions)
        rule = QFrame(frameShape=QFrame.Shape.HLine, frameShadow=QFrame.Shadow.Sunken)
        lv.addWidget(rule)
        lv.addWidget(self.compose)

        split = self._split = ResponsiveSplitter(objectName="radioSplit")
        self._left = left
        split.addWidget(left)
        split.addWidget(self.side)
        # side by side the log needs the message form's width, also while a low tab folds the
        # form to its refusal line (that fold turned the split and left the log 232 px wide)
        split.want_width(left, left.minimumSizeHint().width())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 520])
        # the link strip and the alert banner stay on top; the rest scrolls when the dock is low
        body = self._body = QScrollArea(
            objectName="radioBody", widgetResizable=True, frameShape=QFrame.Shape.NoFrame
        )
        body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setWidget(split)
        body.viewport().installEventFilter(self)  # its height decides how a stacked log is sized
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit_stacked_log)
        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        root.addWidget(self.link_strip)
        root.addWidget(self.alert)
        # the folded form's reason stands here, outside what scrolls: at the foot of the body
        # a viewer's tab at 1280x720 with every bar up left it half under the tab's foot
        root.addWidget(self.compose.refusal_note)
        root.addWidget(body, 1)

    # --- events ------------------------------------------------------------------
    @Slot(object)
    def on_event(self, event: Event) -> None:
        if event.topic.feature is not Feature.RADIO:
            return
        self._dirty.add(event.topic)
        if event.data.get("alert"):
            self._dirty.add("alert")
        if event.topic in (Topic.RADIO_MESSAGE, Topic.RADIO_OUTBOX) and event.entity_id is not None:
            self._changed.add(event.entity_id)
        if not self._coalesce.isActive():
            self._coalesce.start()

    @Slot()
    def refresh(self) -> None:
        """Apply what the coalesced events said changed: the reads run as a job (radio_picture.py),
        the rows change here; a refresh asked for while one reads runs once more after it."""
        try:
            self._take_newer()  # an indexed range read of the newest rows: cheap, and the model's own
        except KNOWN_ERRORS as exc:
            log.warning("radio panel: newer messages not read: %s", exc)
        if self._reading is not None and not self._reading.finished:
            if not self._coalesce.isActive():
                self._coalesce.start()
            return
        dirty, self._dirty = self._dirty, set()
        changed, self._changed = self._changed, set()
        wanted = PictureRequest(
            outbox=bool(dirty & {Topic.RADIO_OUTBOX, Topic.RADIO_MESSAGE}),
            nodes=Topic.RADIO_NODE in dirty,
            alerts=bool(dirty & {"alert", Topic.RADIO_MESSAGE}),
            beep="alert" in dirty,
            messages=tuple(sorted(changed)),
        )
        self._reading = start_job(
            self._lane,
            partial(read_picture, self.post.radio, wanted),
            self._show_picture,
            self._picture_failed,
            owner=self,
        )

    def _show_picture(self, picture: RadioPicture) -> None:
        for view in picture.messages:
            self.model.put_message(view)
        if picture.outbox is not None:
            self.side.show_outbox(picture.outbox)
        if picture.nodes is not None:
            self.compose.set_calls(
                self.side.show_nodes(picture.nodes) + list(self.post.radio.settings.tactical)
            )
        if picture.alerts is not None:
            self.show_alerts(picture.alerts, beep=picture.beep)
        self.update_actions()

    def _picture_failed(self, exc: Exception) -> None:
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc
        log.warning("radio panel: refresh failed: %s", exc)

    # --- new traffic while the operator is choosing --------------------------------
    def paused(self) -> bool:
        """New rows wait while the pointer is over the log or a row is selected: inserting
        at the top would move the row the operator is about to click."""
        return self._hovering or self.table.selectionModel().hasSelection()

    def _take_newer(self) -> None:
        top = self.model.top_id
        if top is None:
            return
        if not self.paused():
            self.model.fetch_newer()
            self.new_button.hide()
            return
        waiting = self.post.radio.count_newer(top, self._filter())
        self.new_button.setText(self.tr("{n} new ↑").replace("{n}", str(waiting)))
        self.new_button.setVisible(waiting > 0)

    @Slot()
    def show_new(self) -> int:
        """Insert what waited (the operator asked); returns how many rows came."""
        self.new_button.hide()
        came = self.model.fetch_newer()
        self.table.scrollToTop()
        return came

    @Slot()
    def _resume_if_free(self) -> None:
        if not self.paused() and self.new_button.isVisible():
            self.show_new()

    @Slot()
    def fit_stacked_log(self) -> None:
        """Stacked (a dock narrower than log and nodes side by side), the comms log and the
        compose box fill the visible height and the nodes/outbox tabs follow below, their tab
        bar in sight at the bottom and the rest a scroll away. Split by stretch instead, a
        1280x720 radio dock showed six log rows under a nodes list few look at while typing."""
        split, body = self._split, self._body
        if split.orientation() == Qt.Orientation.Horizontal:
            if split.minimumHeight():
                split.setMinimumHeight(0)
            return
        handle = split.handleWidth()
        side_min = self.side.minimumSizeHint().height()
        peek = self.side.tabBar().sizeHint().height() + 6
        view = body.viewport().height()
        left = max(self._left.minimumSizeHint().height(), view - peek - handle)
        side = max(side_min, min(self.side.sizeHint().height(), view))
        if split.minimumHeight() != left + handle + side:
            split.setMinimumHeight(left + handle + side)
        if split.sizes() != [left, side]:
            split.setSizes([left, side])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        low = self.height() < COMPACT_BELOW
        if low != self.link_strip.compact:
            self.link_strip.set_compact(low)
            self.compose.set_compact(low)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        body = getattr(self, "_body", None)  # events come before _layout() made it
        if body is not None and watched is body.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()  # once the splitter has chosen side by side or stacked
        elif watched is self.table.viewport():
            if event.type() == QEvent.Type.Enter:
                self._hovering = True
            elif event.type() == QEvent.Type.Leave:
                self._hovering = False
                self._resume_if_free()
        return super().eventFilter(watched, event)

    def show_message(self, message_id: int) -> bool:
        """Insert what waited and select ``message_id``'s row (the alarm's "Show message")."""
        self.show_new()
        for row in range(min(self.model.rowCount(), 2000)):
            if self.model.message_at(row).id == message_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def remember_columns(self, settings: QSettings) -> None:
        """Keep the comms log's column widths and order in ``settings`` (restored now)."""
        self.columns.remember(settings)

    @Slot()
    def poll(self) -> None:
        """Once a second: link counters, budget, and what other workstations wrote."""
        links = self.post.radio.link_status()
        self.link_strip.show_status(links, opening=not links and self.post.devices.radio_planned())
        self.compose.set_links([s.name for s in links])
        self.side.show_budget(links)
        self._dirty |= {Topic.RADIO_OUTBOX, Topic.RADIO_MESSAGE}
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _refresh_nodes(self) -> None:
        self.compose.set_calls(self.side.refresh_nodes() + list(self.post.radio.settings.tactical))

    @Slot()
    def reload(self) -> None:
        self.model.reload(self._filter())
        self.side.refresh_outbox()
        self._refresh_nodes()
        self.update_alert(beep=False)
        self.update_actions()

    def _filter(self) -> MessageFilter:
        return MessageFilter(
            self.search_edit.text(),
            self.direction_box.currentData() or "",
            self.precedence_box.currentData() or frozenset(),
            self.alerts_only.isChecked(),
        )

    @Slot()
    def apply_filter(self) -> None:
        self.model.reload(self._filter())

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- alerts ------------------------------------------------------------------
    def update_alert(self, beep: bool) -> None:
        self.show_alerts(self.post.radio.unacknowledged_alerts(), beep=beep)

    def show_alerts(self, alerts: list, *, beep: bool) -> None:  # type: ignore[type-arg]
        self.alert.show_alerts(alerts)
        if alerts and beep and self.beeps:
            QApplication.beep()

    @Slot(int)
    def acknowledge_alert(self, message_id: int) -> None:
        try:
            self.post.radio.acknowledge_alert(message_id)
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        self.model.refresh_message(message_id)
        self.update_alert(beep=False)

    # --- actions -----------------------------------------------------------------
    def _selected_message(self):  # type: ignore[no-untyped-def]
        rows = self.table.selectionModel().selectedRows()
        return self.model.message_at(rows[0].row()) if rows else None

    @Slot()
    def show_reading(self) -> None:
        """The selected message whole, below the log (its column cuts it at 1280×720)."""
        msg = self._selected_message()
        was_shown = self.reading.isVisibleTo(self)
        self.reading.show_reading(None if msg is None else (message_heading(msg), self.model.words_of(msg)))
        if self.reading.isVisibleTo(self) != was_shown:
            self._fit_timer.start()  # a stacked log is sized to what the left column holds

    @Slot()
    def reply_selected(self) -> None:
        """Answer the selected message: the compose box is addressed to its sender (or its
        channel) and takes the cursor; what was typed there already stays."""
        msg = self._selected_message()
        if msg is None or not self.reading.reply_button.isEnabled():
            return
        self.compose.to_box.setEditText(msg.reply_call)
        self._body.ensureWidgetVisible(self.compose.text_edit)
        self.compose.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def update_actions(self) -> None:
        from ops_console.domain import Permission

        msg = self._selected_message()
        can = self.post.shift.can(Permission.RADIO)
        role = (can, self.tr("Only radio operators, supervisors and administrators handle radio traffic."))
        filing = first_reason(
            role,
            (msg is not None, self.tr("Select a received message in the log first.")),
            (msg is None or msg.direction == "in", self.tr("Only a received message is filed from here.")),
            (msg is None or not msg.linked_entity, self.tr("This message is filed already.")),
        )
        for button in (self.to_incident, self.to_task, self.to_log):
            allow(button, filing)
        allow(
            self.to_request,
            filing,
            self.tr("Record this message as a resource request (item, quantity, where)"),
        )
        # the row offers what applies to the selected message: filing for one heard, resend
        # for one sent from here (both sets at once wrapped the row out of sight at 1280x720)
        sent = msg is not None and msg.direction == "out"
        for button in (self.to_incident, self.to_task, self.to_log, self.to_request):
            button.setVisible(not sent)
        self.resend_button.setVisible(sent)
        allow(
            self.resend_button,
            first_reason(
                role,
                (
                    msg is None or msg.status in RESENDABLE,
                    self.tr("This message is on its way or was delivered."),
                ),
            ),
            self.tr("Send the selected message again, with fresh attempts"),
        )
        allow(
            self.reading.reply_button,
            first_reason(
                role,
                (
                    msg is None or msg.kind != "plain",
                    self.tr(
                        "A radio that sends plain text cannot read the console's messages: answer it by voice."
                    ),
                ),
            ),
            self.tr("Answer this message: the message box below is addressed to {call}").replace(
                "{call}", msg.reply_call if msg is not None else ""
            ),
        )
        self.compose.set_refusal(first_reason(role))
        refusal = self.post.radio.acknowledge_refusal()
        self.alert.button.setEnabled(not refusal)
        self.alert.button.setToolTip(
            refusal
            or self.tr("Acknowledge: stops the alarm at every workstation (recorded in the audit log)")
        )
        self.side.update_actions()

    @Slot(str, str, object)
    # the nodes list, for the rest of the console -----------------------------------------
    def selected_node(self):  # type: ignore[no-untyped-def]
        """The NodeView of the selected row, or None."""
        rows = self.nodes_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.nodes_model.rows):
            return None
        return self.nodes_model.rows[rows[0].row()]

    def select_node(self, addr: int) -> None:
        """Select a node by its radio address (a click on the map)."""
        for row, node in enumerate(self.nodes_model.rows):
            if node.addr == addr:
                self.nodes_table.selectRow(row)
                return

    def show_sent(self, message_id: int) -> None:
        """A message sent from here, chosen in the comms log (the alert list's "Go to record"
        for one that was not delivered): the filters that would hide it are cleared, and
        its row is selected once the log has been read again."""
        self._show_filtered(message_id, alerts_only=False)

    def show_heard_alert(self, message_id: int) -> None:
        """A message heard that raised an alert (the alert list's "Go to record" for an
        EMERGENCY or PRIORITY): the log shows the unacknowledged alerts, that row selected and
        read whole below, where it is filed or answered."""
        self._show_filtered(message_id, alerts_only=True)

    def _show_filtered(self, message_id: int, alerts_only: bool) -> None:
        filters = (self.direction_box, self.precedence_box, self.alerts_only, self.search_edit)
        for widget in filters:  # one read of the log below, not one per filter
            widget.blockSignals(True)
        self.direction_box.setCurrentIndex(0)  # in and out
        self.precedence_box.setCurrentIndex(0)  # all precedences
        self.alerts_only.setChecked(alerts_only)
        self.search_edit.clear()
        for widget in filters:
            widget.blockSignals(False)

        def select(_generation: int) -> None:
            self.model.page_loaded.disconnect(select)
            self.show_message(message_id)

        self.model.page_loaded.connect(select)
        self.apply_filter()

    def _node_selection_changed(self, *_args: object) -> None:
        node = self.selected_node()
        if node is not None:
            self.node_selected.emit(node, False)

    def _node_clicked(self, *_args: object) -> None:
        node = self.selected_node()
        if node is not None:
            self.node_selected.emit(node, True)

    def send(self, recipient: str, text: str, precedence: Precedence) -> None:
        try:
            self.post.radio.outbox.compose(recipient, text, precedence, link=self.compose.via)
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        self.compose.clear()  # the outbox wakes the sender itself

    def file_selected(self, target: str) -> tuple[str, int] | None:
        """Turn the selected received message into an incident, task or log line (one action)."""
        msg = self._selected_message()
        if msg is None:
            return None
        try:
            filed = self.post.radio.create_from_message(msg.id, target)
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return None
        self.model.refresh_message(msg.id)
        self.filed.emit(*filed)
        return filed

    @Slot()
    def resend_selected(self) -> None:
        """Queue the selected message sent from here again (audited by the outbox)."""
        msg = self._selected_message()
        if msg is None or not self.side.outbox_action("resend", msg.id):
            return
        self.model.refresh_message(msg.id)
        self.update_actions()

    def open_ics213(self):  # type: ignore[no-untyped-def]
        """The ICS-213 form: the selected message when it is one, else a new form."""
        from ops_console.ui.radio.ics213_dialog import Ics213Dialog

        msg = self._selected_message()
        dialog = Ics213Dialog(self.post, msg if msg is not None and msg.kind == "ics213" else None, self)
        dialog.open()
        return dialog

    @property
    def plot(self):  # type: ignore[no-untyped-def]
        """The node signal plot, once a node was chosen (None before)."""
        return self.side.plot

    def shutdown(self) -> None:
        """Stop timers and listening (the main window calls this once, before closing)."""
        self._poll.stop()
        self._coalesce.stop()
        self.bridge.radio_event.disconnect(self.on_event)
        self.model.wait_idle()
