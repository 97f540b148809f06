"""The new/edit task form.

The dialog never talks to the database itself: it builds a TaskDraft and hands it to a
save callback. A ValidationError from that callback is shown next to the fields it names
and the dialog stays open with everything typed, so a tired operator never retypes.
Due times are entered in local time and handed on as UTC, as the post stores them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import IncidentStatus, Priority, TaskStatus
from ops_console.errors import ValidationError
from ops_console.services.incidents import IncidentView
from ops_console.services.tasks import TaskDraft, TaskView, TeamView
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.theme import set_ink
from ops_console.ui.tasks.column import status_label
from ops_console.ui.tasks.delegate import priority_label

# Called with the draft; returns True to close the dialog, False to keep it open, or
# raises ValidationError to show problems at the fields.
SaveCallback = Callable[[TaskDraft], bool]
DEFAULT_DUE = timedelta(hours=1)


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskDialog", text)


def _parse_coordinate(text: str, field: str, problems: dict[str, str]) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        problems[field] = tr("Type a number in decimal degrees, e.g. 51.5074.")
        return None


class TaskDialog(GuardedDialog):
    """Create a task (``task`` None) or edit one; saving goes through ``save``."""

    def __init__(
        self,
        save: SaveCallback,
        teams: list[TeamView],
        incidents: list[IncidentView],
        task: TaskView | None = None,
        incident_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.task, self._save = task, save
        self.setWindowTitle(tr("Edit task #%1").replace("%1", str(task.id)) if task else tr("New task"))
        self.title = QLineEdit(self)
        self.title.setMaxLength(400)  # longer than allowed, so the service's own words explain the limit
        self.details = QPlainTextEdit(self)
        self.details.setTabChangesFocus(True)
        self.details.setFixedHeight(90)
        self.priority = QComboBox(self)
        for p in Priority:
            self.priority.addItem(priority_label(p), int(p))
        self.status = QComboBox(self)
        for s in TaskStatus:
            self.status.addItem(status_label(s), s.value)
        self.team = QComboBox(self)
        self.team.addItem(tr("No team"), None)
        for t in teams:
            self.team.addItem(f"{t.name} ({t.callsign})" if t.callsign else t.name, t.id)
        self.incident = QComboBox(self)
        self.incident.addItem(tr("No incident"), None)
        for i in incidents:
            closed = tr(" (closed)") if i.status == IncidentStatus.CLOSED else ""
            self.incident.addItem(f"#{i.id} {i.title}{closed}", i.id)
        self.has_due = QCheckBox(tr("Due by"), self)
        self.due = QDateTimeEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setToolTip(tr("Local time"))
        self.has_due.toggled.connect(self.due.setEnabled)
        self.location_text = QLineEdit(self)
        self.lat, self.lon = QLineEdit(self), QLineEdit(self)
        self.lat.setPlaceholderText(tr("Latitude"))
        self.lon.setPlaceholderText(tr("Longitude"))
        self._errors: dict[str, QLabel] = {}
        self._build_layout()
        self._fill(task, incident_id, {i.id: i for i in incidents})

    def _error_label(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{key}")
        set_ink(label, "problem")
        label.setWordWrap(True)
        label.hide()
        self._errors[key] = label
        return label

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(key))
        return box

    def _build_layout(self) -> None:
        form = QFormLayout()
        due_row, coords = QWidget(self), QWidget(self)
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.has_due)
        due_layout.addWidget(self.due, 1)
        due_layout.addWidget(QLabel(tr("local time"), self))
        coords_layout = QHBoxLayout(coords)
        coords_layout.setContentsMargins(0, 0, 0, 0)
        coords_layout.addWidget(self._with_error("lat", self.lat))
        coords_layout.addWidget(self._with_error("lon", self.lon))
        rows = [
            (tr("&Title:"), "title", self.title),
            (tr("&Details:"), "details", self.details),
            (tr("&Priority:"), "priority", self.priority),
            (tr("&Status:"), "status", self.status),
            (tr("T&eam:"), "team_id", self.team),
            (tr("&Incident:"), "incident_id", self.incident),
            (tr("D&ue:"), "due_at", due_row),
            (tr("&Location:"), "location_text", self.location_text),
            (tr("Coordinates:"), "location", coords),
        ]
        for text, key, widget in rows:
            form.addRow(text, self._with_error(key, widget))
            label = form.labelForField(
                form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.FieldRole).widget()
            )
            if isinstance(label, QLabel):
                label.setBuddy(
                    widget
                    if widget not in (due_row, coords)
                    else self.has_due
                    if widget is due_row
                    else self.lat
                )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self._error_label("general"))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _fill(
        self, task: TaskView | None, incident_id: int | None, incidents: dict[int, IncidentView]
    ) -> None:
        draft = task.draft() if task else TaskDraft(title="", incident_id=incident_id)
        incident = incidents.get(incident_id) if task is None and incident_id is not None else None
        if incident is not None:  # a task for an incident goes where the incident is
            draft = replace(draft, location_text=incident.location_text, lat=incident.lat, lon=incident.lon)
        self.title.setText(draft.title)
        self.details.setPlainText(draft.details)
        self.priority.setCurrentIndex(max(self.priority.findData(int(draft.priority)), 0))
        self.status.setCurrentIndex(max(self.status.findData(draft.status.value), 0))
        self.team.setCurrentIndex(max(self.team.findData(draft.team_id), 0))
        self.incident.setCurrentIndex(max(self.incident.findData(draft.incident_id), 0))
        due = draft.due_at or (datetime.now(timezone.utc) + DEFAULT_DUE).replace(second=0, microsecond=0)
        self.due.setDateTime(QDateTime.fromSecsSinceEpoch(int(due.timestamp())).toLocalTime())
        self.has_due.setChecked(draft.due_at is not None)
        self.due.setEnabled(draft.due_at is not None)
        self.location_text.setText(draft.location_text)
        self.lat.setText("" if draft.lat is None else f"{draft.lat:.6f}")
        self.lon.setText("" if draft.lon is None else f"{draft.lon:.6f}")
        self.title.setFocus()

    def due_utc(self) -> datetime | None:
        """The due time typed in local time, as an aware UTC datetime (None when unchecked)."""
        if not self.has_due.isChecked():
            return None
        minutes = (
            self.due.dateTime().toSecsSinceEpoch() // 60
        )  # the form shows minutes: store no hidden seconds
        return datetime.fromtimestamp(minutes * 60, timezone.utc)

    def draft(self) -> TaskDraft:
        """What is on the form; raises ValidationError for coordinates that are not numbers."""
        problems: dict[str, str] = {}
        lat = _parse_coordinate(self.lat.text(), "lat", problems)
        lon = _parse_coordinate(self.lon.text(), "lon", problems)
        if problems:
            raise ValidationError(problems)
        return TaskDraft(
            title=self.title.text(),
            details=self.details.toPlainText(),
            priority=Priority(self.priority.currentData()),
            status=TaskStatus(self.status.currentData()),
            team_id=self.team.currentData(),
            incident_id=self.incident.currentData(),
            due_at=self.due_utc(),
            lat=lat,
            lon=lon,
            location_text=self.location_text.text().strip(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Put each problem under its field (unknown fields at the top) and focus the first."""
        for label in self._errors.values():
            label.hide()
        for key, text in problems.items():
            label = self._errors.get(key, self._errors["general"])
            label.setText(text if not label.isVisible() else f"{label.text()}\n{text}")
            label.show()
        first = next((k for k in self._errors if k in problems), None)
        focus = {
            "title": self.title,
            "details": self.details,
            "lat": self.lat,
            "lon": self.lon,
            "location": self.lat,
            "location_text": self.location_text,
            "team_id": self.team,
            "incident_id": self.incident,
            "due_at": self.due,
        }.get(first or "")
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def problems_shown(self) -> dict[str, str]:
        """The problems currently on the form, by field (what a person sees, for tests too)."""
        return {k: label.text() for k, label in self._errors.items() if not label.isHidden()}

    def accept(self) -> None:
        try:
            done = self._save(self.draft())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        if done:
            super().accept()
