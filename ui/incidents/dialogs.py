"""Create, edit and close incidents.

The dialog saves through the service itself and stays open on a ValidationError, with
each problem written under its field, so nothing typed is lost. A ConflictError (someone
saved first) closes it after show_conflict: the table then shows the stored version.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
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

from ops_console.domain import IncidentKind, IncidentStatus, Severity
from ops_console.errors import ConflictError, ValidationError
from ops_console.post import Post
from ops_console.services.incidents import IncidentDraft, IncidentView
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.drafts import settings_of, take_draft
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_conflict, show_error
from ops_console.ui.common.theme import SEVERITY_COLOURS, swatch_icon


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setProperty("field", name)
    label.setWordWrap(True)
    label.hide()
    return label


class IncidentDialog(GuardedDialog):
    """The incident form; ``view`` None means a new report. A new report half-typed when
    the window closed is kept as a draft and comes back the next time the form opens."""

    DRAFT_KEY = "incident"

    # the incident was stored: carries the IncidentView the service returned
    saved = Signal(object)
    # a newer version was stored by someone else: carries the incident id
    conflicted = Signal(int)

    def __init__(self, post: Post, view: IncidentView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentDialog")
        self._post, self.view = post, view
        self.setWindowTitle(
            self.tr("Edit incident #{id}").replace("{id}", str(view.id))
            if view
            else self.tr("Report a new incident")
        )
        self.setMinimumWidth(520)
        draft = view.draft() if view else IncidentDraft(title="")

        self.title_edit = QLineEdit(draft.title)
        self.title_edit.setPlaceholderText(self.tr("What is happening, in a few words"))
        self.kind_box = QComboBox()
        for kind in IncidentKind:
            self.kind_box.addItem(kind.label, kind.value)
        self.kind_box.setCurrentIndex(list(IncidentKind).index(draft.kind))
        self.severity_box = QComboBox()
        for sev in Severity:
            self.severity_box.addItem(swatch_icon(SEVERITY_COLOURS[sev][1]), sev.label, int(sev))
        self.severity_box.setCurrentIndex(list(Severity).index(draft.severity))
        self.status_box = QComboBox()
        for status in IncidentStatus:
            if status != IncidentStatus.CLOSED or draft.status == IncidentStatus.CLOSED:
                self.status_box.addItem(status.label, status.value)
        self.status_box.setCurrentIndex(max(self.status_box.findData(draft.status.value), 0))
        self.location_edit = QLineEdit(draft.location_text)
        self.location_edit.setPlaceholderText(self.tr("Street, landmark or grid reference"))
        self.lat_edit = QLineEdit("" if draft.lat is None else f"{draft.lat:.6f}")
        self.lat_edit.setPlaceholderText(self.tr("latitude, e.g. 47.376900"))
        self.lon_edit = QLineEdit("" if draft.lon is None else f"{draft.lon:.6f}")
        self.lon_edit.setPlaceholderText(self.tr("longitude, e.g. 8.541700"))
        self.reported_at_edit = QDateTimeEdit()
        self.reported_at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reported_at_edit.setCalendarPopup(True)
        reported = draft.reported_at or datetime.now(timezone.utc)
        self.reported_at_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(reported.timestamp())))
        self.reported_by_edit = QLineEdit(draft.reported_by)
        self.reported_by_edit.setPlaceholderText(self.tr("Caller, team or radio callsign (blank: you)"))
        self.notes_edit = QPlainTextEdit(draft.notes)
        self.notes_edit.setPlaceholderText(self.tr("What was reported, who is affected, access, hazards"))
        self.notes_edit.setMinimumHeight(90)

        self.problems: dict[str, QLabel] = {}
        form = QFormLayout()
        coords = QHBoxLayout()
        coords.addWidget(self.lat_edit)
        coords.addWidget(self.lon_edit)
        rows: list[tuple[str, str, object]] = [
            ("title", self.tr("&Title:"), self.title_edit),
            ("kind", self.tr("&Kind:"), self.kind_box),
            ("severity", self.tr("&Severity:"), self.severity_box),
            ("status", self.tr("St&atus:"), self.status_box),
            ("location_text", self.tr("&Location:"), self.location_edit),
            ("lat", self.tr("Coordinates:"), coords),
            ("reported_at", self.tr("&Reported at (local):"), self.reported_at_edit),
            ("reported_by", self.tr("Reported &by:"), self.reported_by_edit),
            ("notes", self.tr("&Notes:"), self.notes_edit),
        ]
        for name, label, field in rows:
            form.addRow(label, field)  # type: ignore[arg-type]
            self.problems[name] = _problem_label(name)
            form.addRow("", self.problems[name])
        self.problems["lon"] = self.problems["lat"]

        buttons = self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.draft_note = QLabel(self.tr("Restored what you were typing when the console closed."))
        self.draft_note.setObjectName("draftRestored")
        self.draft_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.title_edit.setFocus()
        kept = (
            take_draft(settings_of(parent), self.DRAFT_KEY) if view is None and parent is not None else None
        )
        if kept:
            self.mark_unchanged()  # the restored text counts as typed: Esc asks before losing it
            self.restore_draft(kept)

    def draft_fields(self) -> dict[str, str] | None:
        """A new report with something typed, as plain strings; None for edits and blank forms."""
        if self.view is not None or not self.has_typed_content():
            return None
        reported = datetime.fromtimestamp(self.reported_at_edit.dateTime().toSecsSinceEpoch(), timezone.utc)
        return {
            "title": self.title_edit.text(),
            "kind": str(self.kind_box.currentData()),
            "severity": str(self.severity_box.currentData()),
            "status": str(self.status_box.currentData()),
            "location_text": self.location_edit.text(),
            "lat": self.lat_edit.text(),
            "lon": self.lon_edit.text(),
            "reported_at": reported.isoformat(),
            "reported_by": self.reported_by_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def restore_draft(self, fields: dict[str, str]) -> None:
        self.title_edit.setText(fields.get("title", ""))
        for box, key in ((self.kind_box, "kind"), (self.status_box, "status")):
            box.setCurrentIndex(max(box.findData(fields.get(key)), 0))
        severity = fields.get("severity", "")
        if severity.isdigit():
            self.severity_box.setCurrentIndex(max(self.severity_box.findData(int(severity)), 0))
        self.location_edit.setText(fields.get("location_text", ""))
        self.lat_edit.setText(fields.get("lat", ""))
        self.lon_edit.setText(fields.get("lon", ""))
        try:
            reported = datetime.fromisoformat(fields.get("reported_at", ""))
            self.reported_at_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(reported.timestamp())))
        except ValueError:
            pass  # keep "now"
        self.reported_by_edit.setText(fields.get("reported_by", ""))
        self.notes_edit.setPlainText(fields.get("notes", ""))
        self.draft_note.show()

    def _number(self, edit: QLineEdit, name: str, problems: dict[str, str]) -> float | None:
        text = edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            problems[name] = self.tr("Type a number in degrees, like 47.3769, or leave it empty.")
            return None

    def draft(self) -> IncidentDraft:
        """What the form says now; raises ValidationError for numbers that are not numbers."""
        problems: dict[str, str] = {}
        lat, lon = self._number(self.lat_edit, "lat", problems), self._number(self.lon_edit, "lon", problems)
        if problems:
            raise ValidationError(problems)
        reported = datetime.fromtimestamp(self.reported_at_edit.dateTime().toSecsSinceEpoch(), timezone.utc)
        return IncidentDraft(
            title=self.title_edit.text(),
            kind=IncidentKind(self.kind_box.currentData()),
            severity=Severity(int(self.severity_box.currentData())),
            status=IncidentStatus(self.status_box.currentData()),
            lat=lat,
            lon=lon,
            location_text=self.location_edit.text().strip(),
            reported_at=reported,
            reported_by=self.reported_by_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def save(self) -> None:
        for label in self.problems.values():
            label.hide()

        def store() -> IncidentView:
            draft = self.draft()
            if self.view is None:
                return self._post.incidents.create(draft)
            return self._post.incidents.update(self.view.id, self.view.version, draft)

        _save_or_explain(self, store, self.show_problems)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Write each problem under its field; ones without a field go under the title."""
        grouped: dict[QLabel, list[str]] = {}
        for name, words in problems.items():
            grouped.setdefault(self.problems.get(name, self.problems["title"]), []).append(words)
        for label, lines in grouped.items():
            label.setText("\n".join(lines))
            label.show()


class CloseIncidentDialog(GuardedDialog):
    """Close an incident with a resolution note (required by the service)."""

    saved = Signal(object)
    conflicted = Signal(int)

    def __init__(self, post: Post, view: IncidentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeIncidentDialog")
        self._post, self.view = post, view
        self.setWindowTitle(self.tr("Close incident #{id}").replace("{id}", str(view.id)))
        self.setMinimumWidth(460)
        heading = QLabel(self.tr("How was “{title}” resolved?").replace("{title}", view.title))
        heading.setWordWrap(True)
        self.resolution_edit = QPlainTextEdit()
        self.resolution_edit.setPlaceholderText(
            self.tr("e.g. Pump team cleared the underpass; road reopened 14:20.")
        )
        self.problem = _problem_label("resolution")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close incident"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.resolution_edit)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        def show_problems(problems: dict[str, str]) -> None:
            self.problem.setText("\n".join(problems.values()))
            self.problem.show()

        _save_or_explain(
            self,
            lambda: self._post.incidents.close(
                self.view.id, self.view.version, self.resolution_edit.toPlainText()
            ),
            show_problems,
        )


def _save_or_explain(
    dialog: IncidentDialog | CloseIncidentDialog,
    store: Callable[[], IncidentView],
    show_problems: Callable[[dict[str, str]], None],
) -> None:
    """Run ``store``; on success emit ``saved`` and close. Invalid input stays in the form with
    the problems shown; a conflict shows both versions and closes (the row is reloaded);
    other known errors are shown and the form stays open with what was typed."""
    try:
        stored = store()
    except ValidationError as exc:
        show_problems(exc.problems)
        return
    except ConflictError as exc:
        show_conflict(dialog.parentWidget(), exc)
        dialog.conflicted.emit(exc.entity_id)
        dialog.discard()
        return
    except KNOWN_ERRORS as exc:
        show_error(dialog, exc)
        return
    dialog.saved.emit(stored)
    dialog.accept()
