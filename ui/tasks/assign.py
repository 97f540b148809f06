"""The small "assign to team" dialog behind the A key and the card's context menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ops_console.services.tasks import TaskView, TeamView
from ops_console.ui.common.theme import set_ink


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskBoard", text)


class AssignDialog(QDialog):
    """Pick a team (or none) for one task; the panel saves the choice on accept."""

    def __init__(
        self, task: TaskView, teams: list[TeamView], parent: QWidget | None = None, *, needed: bool = False
    ) -> None:
        """``needed``: the task is being moved to Assigned, so "No team" cannot be the answer."""
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.task = task
        self.setWindowTitle(tr("Assign task #%1").replace("%1", str(task.id)))
        self.team = QComboBox(self)
        self.team.setObjectName("assignTeam")
        self.team.addItem(tr("No team"), None)
        self._missing: dict[int, tuple[str, ...]] = {}
        for t in teams:
            label = f"{t.name} — {t.callsign}" if t.callsign else t.name
            if t.specialty:
                label += f" ({t.specialty})"
            if t.missing_skills:
                label += " ⚠"
            self._missing[t.id] = t.missing_skills
            self.team.addItem(label, t.id)
        self.team.setCurrentIndex(max(self.team.findData(task.team_id), 0))
        # the skills the task asks for that the chosen team lacks: a warning, not a refusal
        self.skill_warning = QLabel(self)
        self.skill_warning.setObjectName("assignSkillWarning")
        self.skill_warning.setWordWrap(True)
        set_ink(self.skill_warning, "warning")
        self.team.currentIndexChanged.connect(self._show_missing)
        self._show_missing()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        title = QLabel(task.title, self)
        title.setWordWrap(True)
        form.addRow(tr("Task:"), title)
        form.addRow(tr("&Team:"), self.team)
        form.addRow(self.skill_warning)
        if needed:
            why = QLabel(tr("A task in Assigned needs a team: choose which team takes it."), self)
            why.setObjectName("assignNeeded")
            why.setWordWrap(True)
            form.addRow(why)
            ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(tr("Assign"))
            ok.setEnabled(self.team.currentData() is not None)
            ok.setToolTip(tr("Choose a team first"))
            self.team.currentIndexChanged.connect(
                lambda _i: ok.setEnabled(self.team.currentData() is not None)
            )
        form.addRow(buttons)
        self.team.setFocus()

    def _show_missing(self, _index: int = 0) -> None:
        missing = self._missing.get(self.team.currentData(), ())
        self.skill_warning.setText(
            tr("This team lacks a skill the task asks for: %1").replace("%1", ", ".join(missing))
            if missing
            else ""
        )
        self.skill_warning.setVisible(bool(missing))

    def team_id(self) -> int | None:
        return self.team.currentData()

    def choose(self, team_id: int | None) -> None:
        """Select a team by id (keyboard users type; tests and callers use this)."""
        self.team.setCurrentIndex(max(self.team.findData(team_id), 0))
