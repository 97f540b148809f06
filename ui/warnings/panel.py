"""WarningsPanel: the post's public warnings, one warning's channels side by side, its timeline.

Thin: it asks ``WarningService`` and renders views. Each channel's cell says its state in
words and a mark as well as a colour (✓ delivered, … sending, ✗ failed + the reason), so a
siren that refused while the radio went out reads "partial", never "sent". A control the
operator on shift may not use is disabled with the reason shown under the buttons."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Role
from ops_console.early_warning.service import WarningService
from ops_console.early_warning.templates import Hazard
from ops_console.early_warning.views import (
    APPROVED,
    CHANNELS,
    DELIVERED,
    DRAFT,
    FAILED,
    LIVE_STATES,
    SENDING,
    MessageSummary,
    WarningView,
)
from ops_console.errors import OpsError
from ops_console.events import Event
from ops_console.language import speaking
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.column_widths import title_width
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.formatting import local_short
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import ink, set_ink
from ops_console.ui.warnings.dialogs import DraftDialog, StepDialog, channel_title

COALESCE_MS = 150
# state → (mark, tint, strong colour): colour is never the only cue
LOOK = {
    DELIVERED: ("✓", "#e3f3e8", "#176b33"),
    SENDING: ("…", "#fff4d6", "#8a6100"),
    "pending": ("…", "#fff4d6", "#8a6100"),
    FAILED: ("✗", "#fbd3cf", "#b00020"),
}
OUTCOME_COLOURS = {"sent": "#1b7f3b", "partial": "#b35c00", "failed": "#b00020", "sending": "#8a6100"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Warnings", text)


def state_words(state: str) -> str:
    return {
        "draft": _tr("Draft"),
        "approved": _tr("Approved"),
        "issued": _tr("Issued"),
        "updated": _tr("Updated"),
        "cancelled": _tr("Cancelled"),
        "all_clear": _tr("All clear"),
        DELIVERED: _tr("Delivered"),
        SENDING: _tr("Sending"),
        "pending": _tr("Pending"),
        FAILED: _tr("Failed"),
        "sent": _tr("Sent"),
        "partial": _tr("Partial"),
        "not sent": _tr("Not sent"),
    }.get(state, state)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(True)
    return t


class WarningsPanel(QWidget):
    """Warnings: the list, the lifecycle buttons, the delivery view, the timeline."""

    # a warning was selected: carries its id
    warning_selected = Signal(int)

    def __init__(
        self, service: WarningService, zones, sirens, shift, bridge: PostBridge | None = None
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.setObjectName("warningsPanel")
        self.service, self.zones, self.sirens, self.shift, self.bridge = service, zones, sirens, shift, bridge
        self._warnings: list[WarningView] = []
        self._messages: list[MessageSummary] = []
        self._loaded = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.reload)

        self.new_button = QPushButton(_tr("New warning…"))
        self.approve_button = QPushButton(_tr("Approve…"))
        self.issue_button = QPushButton(_tr("Issue…"))
        self.update_button = QPushButton(_tr("Update…"))
        self.clear_button = QPushButton(_tr("All clear…"))
        self.cancel_button = QPushButton(_tr("Cancel warning…"))
        self.retry_button = QPushButton(_tr("Retry channel"))
        self.four_eyes = QCheckBox(_tr("Four-eyes rule"))
        for b, slot in (
            (self.new_button, self._new),
            (self.approve_button, self._approve),
            (self.issue_button, self._issue),
            (self.update_button, self._update_warning),
            (self.clear_button, self._all_clear),
            (self.cancel_button, self._cancel),
            (self.retry_button, self._retry),
        ):
            b.clicked.connect(slot)
        self.four_eyes.clicked.connect(self._toggle_four_eyes)
        buttons = FlowLayout()  # wraps at 1280x720 instead of pushing buttons out of sight
        for w in (
            self.new_button,
            self.approve_button,
            self.issue_button,
            self.update_button,
            self.clear_button,
            self.cancel_button,
            self.four_eyes,
        ):
            buttons.addWidget(w)
        self.reason = QLabel()
        self.reason.setObjectName("disabledReason")
        self.reason.setWordWrap(True)
        set_ink(self.reason, "muted")

        self.list = _table([_tr("#"), _tr("State"), _tr("Hazard"), _tr("Headline"), _tr("Delivery")])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.horizontalHeader().setStretchLastSection(False)
        self.list.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._selected)

        self.heading = QLabel()
        self.heading.setObjectName("warningHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setMinimumHeight(self.heading.fontMetrics().lineSpacing() * 3 + 4)
        self.delivery = _table([_tr("Message"), *[channel_title(c) for c in CHANNELS], _tr("Outcome")])
        self.delivery.setObjectName("deliveryView")
        self.delivery.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delivery.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.delivery.horizontalHeader()
        header.setStretchLastSection(True)  # the outcome takes what is left; a channel keeps its title whole
        for i in range(1, 1 + len(CHANNELS)):
            header.resizeSection(i, max(114, title_width(self.delivery, i)))
        self.delivery.itemSelectionChanged.connect(self._update_controls)
        self.timeline = QListWidget()
        self.timeline.setObjectName("warningTimeline")
        self.timeline.setWordWrap(True)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.heading)
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("Delivery, channel by channel")))
        row.addStretch(1)
        row.addWidget(self.retry_button)
        dl.addLayout(row)
        dl.addWidget(self.delivery, 2)
        dl.addWidget(QLabel(_tr("Timeline")))
        dl.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([150, 450])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.reason)
        layout.addWidget(split, 1)
        if bridge is not None:
            bridge.warning_event.connect(self._event)
            bridge.siren_event.connect(self._event)
            bridge.radio_event.connect(self._event)
            bridge.shift_changed.connect(self._update_controls)
        self._update_controls()

    def detach(self) -> None:
        """The pair of the connections made in __init__."""
        if self.bridge is not None:
            self.bridge.warning_event.disconnect(self._event)
            self.bridge.siren_event.disconnect(self._event)
            self.bridge.radio_event.disconnect(self._event)
            self.bridge.shift_changed.disconnect(self._update_controls)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    # -- reading ----------------------------------------------------------------------------

    @Slot(object)
    def _event(self, _event: Event) -> None:
        if self._loaded:
            self._timer.start()

    def current(self) -> WarningView | None:
        row = self.list.currentRow()
        return self._warnings[row] if 0 <= row < len(self._warnings) else None

    @Slot()
    def reload(self) -> None:
        self._loaded = True
        keep = self.current().id if self.current() else None
        try:
            self._warnings = self.service.list_warnings()
            outcomes = {
                w.id: self.service.messages(w.id, refresh=w.state in LIVE_STATES) for w in self._warnings[:50]
            }
        except OpsError as exc:
            self.reason.setText(str(exc))
            return
        self.list.blockSignals(True)
        self.list.setRowCount(len(self._warnings))
        select = 0
        for r, w in enumerate(self._warnings):
            msgs = outcomes.get(w.id, [])
            outcome = msgs[-1].outcome if msgs else "not sent"
            cells = [
                str(w.id),
                state_words(w.state) + (" · " + _tr("EXERCISE") if w.exercise else ""),
                Hazard(w.hazard).label,
                w.headline_for(speaking()),
                state_words(outcome),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4:
                    item.setForeground(QBrush(QColor(OUTCOME_COLOURS.get(outcome, "#555"))))
                self.list.setItem(r, c, item)
            if w.id == keep:
                select = r
        self.list.blockSignals(False)
        if self._warnings:
            self.list.selectRow(select)
        self.list.resizeColumnsToContents()
        self.list.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._selected()

    @Slot()
    def _selected(self) -> None:
        w = self.current()
        self.delivery.setRowCount(0)
        self.timeline.clear()
        if w is None:
            self.heading.setText(_tr("No warning yet: draft one from a template."))
            self._update_controls()
            return
        self.warning_selected.emit(w.id)
        ex = _tr("EXERCISE — ") if w.exercise else ""
        first, other = w.headlines_for(speaking())
        self.heading.setText(
            f"{ex}#{w.id} {first}\n{other}\n"
            + _tr("Area: {area} · drafted by {d} · approved by {a} · issued by {i}").format(
                area=w.area.desc, d=w.drafted_by, a=w.approved_by or "—", i=w.issued_by or "—"
            )
        )
        try:
            self._messages = self.service.messages(w.id)
            timeline = self.service.timeline(w.id)
        except OpsError as exc:
            self.reason.setText(str(exc))
            return
        self.delivery.setRowCount(len(self._messages))
        bold = QFont()
        bold.setBold(True)
        for r, m in enumerate(self._messages):
            sent = QTableWidgetItem(f"{m.msg_type}\n{local_short(m.sent_at)}")
            if m.sent_at is not None:  # the time whole, for the paper backup (ui/common/export_role.py)
                sent.setData(ExportRole, f"{m.msg_type}\n{iso_time(m.sent_at)}")
            self.delivery.setItem(r, 0, sent)
            by = {d.channel: d for d in m.deliveries}
            for c, channel in enumerate(CHANNELS, start=1):
                d = by.get(channel)
                if d is None:
                    item = QTableWidgetItem(_tr("not ticked"))
                    item.setForeground(QBrush(QColor(ink("muted"))))
                else:
                    mark, tint, strong = LOOK.get(d.state, ("?", "#eee", "#333"))
                    item = QTableWidgetItem(f"{mark} {state_words(d.state)}\n{d.detail}")
                    item.setBackground(QBrush(QColor(tint)))
                    item.setForeground(QBrush(QColor(strong)))
                    item.setData(Qt.ItemDataRole.UserRole, d.id)
                    item.setToolTip(d.detail)
                self.delivery.setItem(r, c, item)
            out = QTableWidgetItem(state_words(m.outcome))
            out.setFont(bold)
            out.setForeground(QBrush(QColor(OUTCOME_COLOURS.get(m.outcome, "#555"))))
            self.delivery.setItem(r, len(CHANNELS) + 1, out)
        self.delivery.resizeRowsToContents()
        for e in timeline:
            self.timeline.addItem(f"{local_short(e.at)}  {e.who}: {e.words}")
        self._update_controls()

    # -- who may do what ---------------------------------------------------------------------

    def _supervisor(self) -> bool:
        actor = self.shift.actor
        return actor is not None and actor.role in (Role.SUPERVISOR.value, Role.ADMIN.value)

    def failed_delivery_id(self) -> int | None:
        item = self.delivery.currentItem()
        if item is None or item.column() in (0, len(CHANNELS) + 1):
            return None
        row, col = item.row(), item.column()
        if not (0 <= row < len(self._messages)):
            return None
        by = {d.channel: d for d in self._messages[row].deliveries}
        d = by.get(CHANNELS[col - 1])
        return d.id if d is not None and d.state == FAILED else None

    @Slot()
    def _update_controls(self, *_args: object) -> None:
        w = self.current()
        actor = self.shift.actor
        sup = self._supervisor()
        try:
            four_eyes = self.service.four_eyes() if self._loaded else True
        except OpsError:
            four_eyes = True
        self.four_eyes.blockSignals(True)
        self.four_eyes.setChecked(four_eyes)
        self.four_eyes.blockSignals(False)
        reasons: list[str] = []  # the role's refusals, also said under the buttons
        viewer = _tr("A viewer cannot draft warnings.")
        if not allow(
            self.new_button, first_reason((actor is not None and actor.role != Role.VIEWER.value, viewer))
        ):
            reasons.append(viewer)
        not_sup = _tr("Only a supervisor may approve, issue, update or cancel a warning.")
        if not sup:
            reasons.append(not_sup)
        chosen = (w is not None, _tr("Select a warning in the list first."))
        own = w is not None and four_eyes and actor is not None and w.drafted_by == actor.name
        four_eyes_refusal = _tr(
            "You drafted this warning: another supervisor must approve it (four-eyes rule)."
        )
        approve = first_reason(
            (sup, not_sup),
            chosen,
            (w is not None and w.state == DRAFT, _tr("Only a draft can be approved.")),
            (not own, four_eyes_refusal),
        )
        if not allow(self.approve_button, approve) and approve == four_eyes_refusal:
            reasons.append(four_eyes_refusal)
        live_from_exercise = _tr(
            "The post is in exercise mode: a live warning cannot be sent from an exercise."
        )
        issue = first_reason(
            (sup, not_sup),
            chosen,
            (w is not None and w.state == APPROVED, _tr("Only an approved warning can be issued.")),
            (w is None or w.exercise or not self.shift.exercise, live_from_exercise),
        )
        if not allow(self.issue_button, issue) and issue == live_from_exercise:
            reasons.append(live_from_exercise)
        live = first_reason(
            (sup, not_sup),
            chosen,
            (
                w is not None and w.state in LIVE_STATES,
                _tr("Only an issued warning can be updated, cleared or cancelled."),
            ),
        )
        for b in (self.update_button, self.clear_button, self.cancel_button):
            allow(b, live)
        allow(
            self.retry_button,
            first_reason(
                (sup, not_sup),
                (
                    self.failed_delivery_id() is not None,
                    _tr("Select a failed channel in the delivery table first."),
                ),
            ),
        )
        allow(
            self.four_eyes,
            first_reason((sup, _tr("Only a supervisor may change the four-eyes rule."))),
            _tr("Off only for a single-supervisor shift; the change is audited."),
        )
        self.reason.setText(" ".join(reasons))
        self.reason.setVisible(bool(reasons))

    # -- actions ------------------------------------------------------------------------------

    def _after(self, dialog: StepDialog | DraftDialog) -> None:
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()

    @Slot()
    def _new(self) -> None:
        dialog = DraftDialog(self.service, self.zones, self.sirens, self)
        self._after(dialog)  # the list is read again on finished first, then the new draft is chosen
        dialog.finished.connect(lambda _r: self.select_warning(dialog.result_id or 0))

    def _step(self, title: str, go: str, method, **kw) -> StepDialog | None:  # type: ignore[no-untyped-def]
        w = self.current()
        if w is None:
            return None
        dialog = StepDialog(title, go, partial(method, w.id), parent=self, **kw)
        self._after(dialog)
        return dialog

    @Slot()
    def _approve(self) -> None:
        self._step(_tr("Approve warning"), _tr("Approve"), self.service.approve)

    @Slot()
    def _issue(self) -> None:
        self._step(_tr("Issue warning"), _tr("ISSUE"), self.service.issue, channels=CHANNELS, ticked=CHANNELS)

    @Slot()
    def _update_warning(self) -> None:
        w = self.current()
        self._step(
            _tr("Update warning"),
            _tr("Send update"),
            self.service.update,
            channels=CHANNELS,
            ticked=("radio", "cap", "pdf"),
            headline=w.headline("en-US") if w else "",
        )

    @Slot()
    def _all_clear(self) -> None:
        self._step(
            _tr("All clear"),
            _tr("Send all clear"),
            self.service.all_clear,
            channels=CHANNELS,
            ticked=CHANNELS,
        )

    @Slot()
    def _cancel(self) -> None:
        self._step(
            _tr("Cancel warning"),
            _tr("Cancel warning"),
            self.service.cancel,
            channels=CHANNELS,
            ticked=CHANNELS,
        )

    @Slot()
    def _retry(self) -> None:
        did = self.failed_delivery_id()
        if did is None:
            return
        dialog = StepDialog(_tr("Retry channel"), _tr("Retry"), partial(self.service.retry, did), parent=self)
        self._after(dialog)

    @Slot(bool)
    def _toggle_four_eyes(self, on: bool) -> None:
        dialog = StepDialog(
            _tr("Four-eyes rule on") if on else _tr("Four-eyes rule off (single-supervisor shift)"),
            _tr("Switch"),
            partial(self.service.set_four_eyes, on),
            parent=self,
        )
        self._after(dialog)

    def select_warning(self, warning_id: int) -> None:
        for r, w in enumerate(self._warnings):
            if w.id == warning_id:
                self.list.selectRow(r)
                return

    def show_error(self, exc: Exception) -> None:
        show_error(self, exc)
