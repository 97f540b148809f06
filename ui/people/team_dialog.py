"""Form a team for the shift from volunteers checked in now: name, call sign, radio node,
PAR timer, members (ticked) and the leader among them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from ops_console.people.par import DEFAULT_MINUTES
from ops_console.people.teams import TeamRow
from ops_console.post import Post
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.messages import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamForm", text)


class TeamDialog(GuardedDialog):
    """Saves through TeamService.form on accept; ``formed`` is the new board row."""

    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(tr("Form a team"))
        self.post = post
        self.formed: TeamRow | None = None
        self.name = QLineEdit(self)
        self.name.setObjectName("teamName")
        self.callsign = QLineEdit(self)
        self.callsign.setObjectName("teamCallsign")
        self.node = QSpinBox(self)
        self.node.setObjectName("teamNode")
        self.node.setRange(0, 65535)
        self.node.setSpecialValueText(tr("no radio"))
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("teamParMinutes")
        self.minutes.setRange(1, 180)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(tr(" min"))
        self.members = QListWidget(self)
        self.members.setObjectName("teamMembers")
        for stay in post.people.checkins.on_site():
            item = QListWidgetItem(stay.name, self.members)
            item.setData(Qt.ItemDataRole.UserRole, stay.volunteer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.members.itemChanged.connect(lambda _i: self._leaders())
        self.leader = QComboBox(self)
        self.leader.setObjectName("teamLeader")
        hint = QLabel(tr("Only volunteers checked in now can be on a team."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(tr("Form team"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("&Name:"), self.name)
        form.addRow(tr("&Call sign:"), self.callsign)
        form.addRow(tr("Radio &node:"), self.node)
        form.addRow(tr("&PAR timer:"), self.minutes)
        form.addRow(tr("&Members:"), self.members)
        form.addRow(tr("&Leader:"), self.leader)
        form.addRow(hint)
        form.addRow(buttons)

    def chosen(self) -> list[int]:
        return [
            self.members.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]

    def check(self, volunteer_id: int) -> None:
        for i in range(self.members.count()):
            if self.members.item(i).data(Qt.ItemDataRole.UserRole) == volunteer_id:
                self.members.item(i).setCheckState(Qt.CheckState.Checked)

    def _leaders(self) -> None:
        keep = self.leader.currentData()
        self.leader.clear()
        for i in range(self.members.count()):
            item = self.members.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                self.leader.addItem(item.text(), item.data(Qt.ItemDataRole.UserRole))
        self.leader.setCurrentIndex(max(0, self.leader.findData(keep)))

    def save(self) -> None:
        try:
            self.formed = self.post.people.teams.form(
                self.name.text(),
                self.callsign.text(),
                self.chosen(),
                leader_id=self.leader.currentData(),
                radio_node=self.node.value() or None,
                par_minutes=self.minutes.value(),
            )
        except Exception as exc:  # known errors in words, the dialog stays open to correct
            self.last_message = show_error(self, exc)
            return
        self.accept()
