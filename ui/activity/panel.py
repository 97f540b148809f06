"""The activity log panel: filters, the lazy table, and a line to type a log entry.

New entries arrive three ways, all ending in ActivityLogModel.fetch_newer: any event
from this workstation's services (coalesced), and a 2 s poll for other workstations.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Permission
from ops_console.errors import ValidationError
from ops_console.post import Post
from ops_console.services.activity import ActivityFilter
from ops_console.services.audit import actor_words
from ops_console.ui.activity.model import ActivityLogModel
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.column_widths import fit_width
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.formatting import local_midnight_utc, samples
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.reading_pane import ReadingPane

POLL_MS = 2000
RANGES = ("all", "hour", "today", "day")


class ActivityLogPanel(QWidget):
    """Shows the log newest first and lets operators add their own lines."""

    def __init__(self, post: Post, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityPanel")
        self._post = post
        self.model = ActivityLogModel(post, self)
        self.model.problem.connect(lambda exc: show_error(self, exc))

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("activitySearch")
        self.search_edit.setPlaceholderText(self.tr("Search the log  (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.operator_box = QComboBox()
        self.operator_box.setObjectName("operatorFilter")
        self.operator_box.setMinimumContentsLength(14)
        self.range_box = QComboBox()
        self.range_box.setObjectName("rangeFilter")
        labels = {
            "all": self.tr("All time"),
            "hour": self.tr("Last hour"),
            "today": self.tr("Today"),
            "day": self.tr("Last 24 hours"),
        }
        for key in RANGES:
            self.range_box.addItem(labels[key], key)
        self.notes_only = QCheckBox(self.tr("Log lines only"))
        self._filter_delay = QTimer(self, singleShot=True, interval=250)
        self._filter_delay.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._filter_delay.start)
        for box in (self.operator_box, self.range_box):
            box.currentIndexChanged.connect(self.apply_filter)
        self.notes_only.toggled.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # fixed row heights: the view never measures 200,000 rows
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((118, 120, 128)):
            self.table.setColumnWidth(column, width)
        fit_width(self.table, 0, 118, samples("short_seconds"))  # the time, in the locale's words
        self.reading = ReadingPane("activityReading")
        self.table.selectionModel().selectionChanged.connect(self.show_reading)
        self.model.modelReset.connect(self.show_reading)

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setMaxLength(4000)
        self.note_edit.returnPressed.connect(self.add_note)
        self.add_button = QPushButton(self.tr("Add to log"))
        self.add_button.clicked.connect(self.add_note)
        self.count_label = QLabel()
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.model.page_loaded.connect(self._update_count)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.operator_box)
        filters.addWidget(self.range_box)
        filters.addWidget(self.notes_only)
        entry = QHBoxLayout()
        entry.addWidget(self.note_edit, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reading)
        layout.addLayout(entry)

        self._newer_soon = QTimer(self, singleShot=True, interval=0)  # many events, one read
        self._newer_soon.timeout.connect(self.model.fetch_newer)
        bridge.event_received.connect(self._something_committed)
        bridge.exercise_changed.connect(self.apply_filter)
        bridge.records_purged.connect(self.model.fetch_newer)
        bridge.shift_changed.connect(self._update_actions)
        bridge.shift_changed.connect(self._refresh_operators)
        self.poll = QTimer(self, interval=POLL_MS)
        self.poll.timeout.connect(self.model.fetch_newer)
        self.poll.start()
        self._refresh_operators()
        self._update_actions()
        self.apply_filter()

    @Slot(object)
    def _something_committed(self, _event: object) -> None:
        self._newer_soon.start()  # many events, one read of the newer rows

    def current_filter(self, now: datetime | None = None) -> ActivityFilter:
        now = now or datetime.now(timezone.utc)
        since = {
            "hour": now - timedelta(hours=1),
            "day": now - timedelta(days=1),
            "today": local_midnight_utc(now),
        }.get(self.range_box.currentData())
        return ActivityFilter(
            text=self.search_edit.text(),
            operator=self.operator_box.currentData() or "",
            since=since,
            notes_only=self.notes_only.isChecked(),
        )

    @Slot()
    def apply_filter(self) -> None:
        self.model.reload(self.current_filter())

    @Slot()
    def _refresh_operators(self) -> None:
        """Everyone who appears in the log (sign-ons add names), keeping the choice."""
        chosen = self.operator_box.currentData()
        try:
            names = self._post.activity.operators()
        except KNOWN_ERRORS:
            return
        self.operator_box.blockSignals(True)
        self.operator_box.clear()
        self.operator_box.addItem(self.tr("Everyone"), "")
        for name in names:
            self.operator_box.addItem(actor_words(name), name)
        self.operator_box.setCurrentIndex(max(self.operator_box.findData(chosen), 0))
        self.operator_box.blockSignals(False)

    @Slot()
    def add_note(self) -> None:
        """Enter adds the typed line; it shows at the top when the service's event arrives."""
        try:
            self._post.activity.add_note(self.note_edit.text())
        except ValidationError as exc:
            self.note_edit.setPlaceholderText(exc.problems.get("text", str(exc)))
            return
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return
        self.note_edit.clear()
        self.note_edit.setPlaceholderText(self._note_hint())

    @Slot()
    def show_reading(self) -> None:
        """The selected entry whole under the log (a long log line is cut in its column)."""
        rows = self.table.selectionModel().selectedRows()
        self.reading.show_reading(self.model.reading_of(self.model.entry_at(rows[0].row())) if rows else None)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _note_hint(self) -> str:
        if self._post.shift.can(Permission.EDIT_RECORDS):
            return self.tr("Type a log line and press Enter  (Ctrl+L)")
        return self.tr("Your role can read the log but not write in it")

    @Slot()
    def _update_actions(self) -> None:
        can_write = self._post.shift.can(Permission.EDIT_RECORDS)
        refusal = first_reason((can_write, self.tr("Your role can read the log but not write in it")))
        allow(self.note_edit, refusal)
        allow(self.add_button, refusal)
        self.note_edit.setPlaceholderText(self._note_hint())

    @Slot()
    def _update_count(self) -> None:
        more = "" if self.model.exhausted else self.tr("+ (scroll for older)")
        self.count_label.setText(
            self.tr("{n} entries loaded").replace("{n}", str(self.model.rowCount())) + " " + more
        )

    def shutdown(self) -> None:
        """Stop polling and let a page read finish before the post is closed."""
        self.poll.stop()
        self.model.wait_idle()
