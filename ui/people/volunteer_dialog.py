"""Add or edit one volunteer on the roster (supervisors and admins; the service checks)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ops_console.csv_import import sentence
from ops_console.errors import ValidationError
from ops_console.people.roster_csv import parse_skill_cell, skills_cell
from ops_console.people.views import Skill, VolunteerDraft, VolunteerView
from ops_console.post import Post
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.messages import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("VolunteerForm", text)


class VolunteerDialog(GuardedDialog):
    """The roster form; ``saved`` is the stored volunteer after accept."""

    def __init__(
        self, post: Post, volunteer: VolunteerView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerDialog")
        self.setWindowTitle(tr("Edit volunteer") if volunteer else tr("Add volunteer"))
        self.post, self.volunteer = post, volunteer
        self.saved: VolunteerView | None = None
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key, label in (
            ("name", tr("&Name:")),
            ("phone", tr("&Phone:")),
            ("badge", tr("&Badge:")),
            ("skills", tr("&Skills:")),
            ("languages", tr("&Languages:")),
            ("availability", tr("&Availability:")),
            ("emergency_contact", tr("&Emergency contact:")),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(f"volunteer_{key}")
            self.fields[key] = edit
            form.addRow(label, edit)
        self.fields["skills"].setPlaceholderText(tr("first aid 2027-05-01; boat; driver"))
        self.team = QComboBox(self)
        self.team.setObjectName("volunteer_team")
        self.team.addItem(tr("No team"), None)
        for t in post.tasks.teams():
            self.team.addItem(t.name, t.id)
        form.insertRow(3, tr("&Team:"), self.team)
        if volunteer is not None:
            for key in ("name", "phone", "badge", "languages", "availability", "emergency_contact"):
                self.fields[key].setText(str(getattr(volunteer, key)))
            self.fields["skills"].setText(skills_cell((k.name, k.expires_on) for k in volunteer.skills))
            self.team.setCurrentIndex(max(0, self.team.findData(volunteer.team_id)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        text = {k: e.text() for k, e in self.fields.items()}
        skills, problems = parse_skill_cell(text["skills"])
        try:
            if problems:
                raise ValidationError({"skills": sentence(problems)})
            draft = VolunteerDraft(
                text["name"],
                text["phone"],
                text["badge"],
                self.team.currentData(),
                tuple(Skill(n, d) for n, d in skills),
                text["languages"],
                text["availability"],
                text["emergency_contact"],
            )
            roster = self.post.people.roster
            v = self.volunteer
            self.saved = roster.update(v.id, v.version, draft) if v is not None else roster.add(draft)
        except Exception as exc:  # known errors in words; the form stays open to correct
            self.last_message = show_error(self, exc)
            return
        self.accept()
