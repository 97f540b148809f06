"""The check-in form (ICS-211): a badge scan or a name, then Enter; who is on site and for
how long; hours per person in an operational period (the last 12 hours unless changed);
the end-of-shift close-out of everyone still checked in, in one action.

Built for a keyboard-wedge scanner as the inventory's movement form is: the scanner types
the badge code and presses Enter, which checks that person in (a second scan of the same
badge says "already checked in" and changes nothing). Check-out is its own button, so a
double scan can never check someone out by surprise.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QCoreApplication, QDateTime, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ops_console.clock import utc_now
from ops_console.errors import OpsError, ValidationError
from ops_console.post import Post
from ops_console.reports.period import DEFAULT_HOURS
from ops_console.said import shown
from ops_console.ui.common.formatting import clock_time, decimal, number
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import set_ink


def tr(text: str) -> str:
    return QCoreApplication.translate("CheckIn", text)


def words(exc: OpsError) -> str:
    """The sentence of an error, without the form field's name."""
    return "; ".join(exc.problems.values()) if isinstance(exc, ValidationError) else str(exc)


class CheckinDialog(QDialog):
    """Check volunteers in and out; the on-site list follows every action."""

    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinDialog")
        self.setWindowTitle(tr("Check-in and check-out (ICS-211)"))
        self.post = post
        self.badge = QLineEdit(self)
        self.badge.setObjectName("badge")
        self.badge.setPlaceholderText(tr("Scan a badge, then Enter"))
        self.badge.returnPressed.connect(self.on_scanned)
        self.person = QComboBox(self)
        self.person.setObjectName("volunteer")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.check_in_button = QPushButton(tr("Check &in"), self)
        self.check_in_button.setObjectName("checkIn")
        self.check_in_button.clicked.connect(self.check_in_chosen)
        self.check_out_button = QPushButton(tr("Check &out"), self)
        self.check_out_button.setObjectName("checkOut")
        self.check_out_button.clicked.connect(self.check_out_chosen)
        self.close_out_button = QPushButton(tr("Close out shift…"), self)
        self.close_out_button.setObjectName("closeOut")
        self.close_out_button.clicked.connect(self.ask_close_out)
        self.result = QLabel(self)
        self.result.setObjectName("checkinResult")
        self.result.setWordWrap(True)
        self.on_site = QTableWidget(0, 3, self)
        self.on_site.setObjectName("onSite")
        self.on_site.setHorizontalHeaderLabels([tr("On site now"), tr("Since"), tr("For")])
        self.on_site.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.on_site.verticalHeader().hide()
        self.on_site.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel(self)
        self.count.setObjectName("onSiteCount")
        self.hours_tab = self._hours_tab()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.on_site, tr("On site now"))
        self.tabs.addTab(self.hours_tab, tr("Hours per person"))

        form = QFormLayout()
        form.addRow(tr("&Badge:"), self.badge)
        form.addRow(tr("Or &name:"), self.person)
        buttons = QHBoxLayout()
        for b in (self.check_in_button, self.check_out_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_out_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.count)
        layout.addWidget(self.tabs, 1)
        self.resize(560, 480)
        self.reload()
        self.badge.setFocus()

    def _hours_tab(self) -> QWidget:
        """Hours on site per person within an operational period (ICS-211/214 time keeping)."""
        tab = QWidget(self)
        now = QDateTime.currentDateTime()
        self.period_from = QDateTimeEdit(now.addSecs(-DEFAULT_HOURS * 3600), tab)
        self.period_to = QDateTimeEdit(now.addSecs(DEFAULT_HOURS * 3600), tab)  # hours count up to now
        for edit, name in ((self.period_from, "periodFrom"), (self.period_to, "periodTo")):
            edit.setObjectName(name)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            edit.dateTimeChanged.connect(self.reload_hours)
        self.hours = QTableWidget(0, 2, tab)
        self.hours.setObjectName("hoursPerPerson")
        self.hours.setHorizontalHeaderLabels([tr("Name"), tr("Hours")])
        self.hours.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hours.verticalHeader().hide()
        self.hours.horizontalHeader().setStretchLastSection(True)
        self.hours_total = QLabel(tab)
        self.hours_total.setObjectName("hoursTotal")
        period = QHBoxLayout()
        period.addWidget(QLabel(tr("From"), tab))
        period.addWidget(self.period_from)
        period.addWidget(QLabel(tr("to"), tab))
        period.addWidget(self.period_to)
        period.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(period)
        layout.addWidget(self.hours, 1)
        layout.addWidget(self.hours_total)
        return tab

    @Slot()
    def reload_hours(self) -> None:
        start = self.period_from.dateTime().toPython().astimezone(UTC)
        end = self.period_to.dateTime().toPython().astimezone(UTC)
        if end <= start:
            self.hours.setRowCount(0)
            self.hours_total.setText(tr("The period ends before it starts: set From earlier than to."))
            return
        per_person = sorted(self.post.people.checkins.hours(start, end).values(), key=lambda p: (-p[1], p[0]))
        self.hours.setRowCount(len(per_person))
        for i, (name, hours) in enumerate(per_person):
            self.hours.setItem(i, 0, QTableWidgetItem(name))
            self.hours.setItem(i, 1, QTableWidgetItem(f"{decimal(hours)} h"))
        self.hours.resizeColumnsToContents()
        total = sum(h for _, h in per_person)
        self.hours_total.setText(
            tr("%1 people, %2 person-hours in the period")
            .replace("%1", number(len(per_person)))
            .replace("%2", decimal(total))
        )

    def reload(self) -> None:
        chosen = self.person.currentData()
        self.person.clear()
        for v in self.post.people.roster.list():
            mark = " ✓" if v.on_site_since else ""
            self.person.addItem(f"{v.name} ({v.badge}){mark}" if v.badge else v.name + mark, v.id)
        if chosen is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(chosen)))
        stays = self.post.people.checkins.on_site()
        now = utc_now()
        self.on_site.setRowCount(len(stays))
        for i, stay in enumerate(stays):
            since = clock_time(stay.checked_in_at)
            hours = f"{decimal(stay.hours(now))} h"
            for col, text in enumerate((stay.name, since, hours)):
                self.on_site.setItem(i, col, QTableWidgetItem(text))
        self.on_site.resizeColumnsToContents()
        self.count.setText(tr("%1 on site now").replace("%1", str(len(stays))))
        self.close_out_button.setEnabled(bool(stays))
        self.reload_hours()

    def _say(self, words: str, ok: bool = True) -> None:
        self.result.setText(shown(words))  # the service's sentence, in this console's language
        set_ink(self.result, None if ok else "problem")

    @Slot()
    def on_scanned(self) -> None:
        """The scanner's Enter: check that badge in (or say it already is); ready for the next."""
        code = self.badge.text().strip()
        if not code:
            return
        try:
            outcome = self.post.people.checkins.scan(code)
            self._say(outcome.words, outcome.changed)
        except OpsError as exc:
            self._say(words(exc), False)
        self.badge.clear()
        self.reload()

    @Slot()
    def check_in_chosen(self) -> None:
        vid = self.person.currentData()
        if vid is None:
            return
        try:
            outcome = self.post.people.checkins.check_in(vid)
            self._say(outcome.words, outcome.changed)
        except OpsError as exc:
            self._say(words(exc), False)
        self.reload()

    @Slot()
    def check_out_chosen(self) -> None:
        vid = self.person.currentData()
        if vid is None:
            return
        try:
            self._say(self.post.people.checkins.check_out(vid).words)
        except OpsError as exc:
            self._say(words(exc), False)
        self.reload()

    @Slot()
    def ask_close_out(self) -> QMessageBox:
        stays = self.post.people.checkins.on_site()
        self.box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Close out shift"),
            tr("Check out all %1 people still checked in?").replace("%1", str(len(stays))),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        self.box.setObjectName("closeOutBox")
        go = self.box.addButton(tr("Check them all out"), QMessageBox.ButtonRole.AcceptRole)
        go.clicked.connect(self.close_out)
        self.box.open()
        return self.box

    @Slot()
    def close_out(self) -> None:
        try:
            n = self.post.people.checkins.close_out()
            self._say(tr("%1 checked out at the end of the shift.").replace("%1", str(n)))
        except Exception as exc:  # known errors in words
            self.last_message = show_error(self, exc)
        self.reload()
