"""The filter bar above the board: team, incident, priority, text, and "show cancelled".

Typing in the search field is debounced so the board reloads once per pause, not once
per key; the combos apply at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ops_console.domain import Priority
from ops_console.services.incidents import IncidentView
from ops_console.services.tasks import TaskFilter, TeamView
from ops_console.ui.tasks.delegate import priority_label

SEARCH_DELAY_MS = 250


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskBoard", text)


def fill_combo(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a combo's items and keep the current choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    found = combo.findData(current)
    combo.setCurrentIndex(found if found >= 0 else 0)
    combo.blockSignals(False)


class TaskFilterBar(QWidget):
    """Builds a TaskFilter from the operator's choices."""

    # the filter changed: carries nothing, read ``task_filter()``
    changed = Signal()
    # the "show cancelled" box was toggled: carries the new state
    show_cancelled_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("taskSearch")
        self.search.setPlaceholderText(tr("Search title and details…"))
        self.search.setClearButtonEnabled(True)
        self.team = QComboBox(self)
        self.team.setObjectName("taskTeamFilter")
        self.incident = QComboBox(self)
        self.incident.setObjectName("taskIncidentFilter")
        self.priority = QComboBox(self)
        self.priority.setObjectName("taskPriorityFilter")
        self.priority.addItem(tr("Any priority"), 1)
        for p in Priority:
            if p > Priority.LOW:
                self.priority.addItem(tr("%1 and above").replace("%1", priority_label(p)), int(p))
        self.show_cancelled = QCheckBox(tr("Show cancelled"), self)
        self.show_cancelled.setObjectName("taskShowCancelled")
        self.set_teams([])
        self.set_incidents([])

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.flush)
        for combo in (self.team, self.incident, self.priority):
            combo.currentIndexChanged.connect(self.changed)
        self.show_cancelled.toggled.connect(self.show_cancelled_changed)

        # Two rows, so the board still fits a 1366-px laptop's dock without scrolling sideways.
        first, second = QHBoxLayout(), QHBoxLayout()
        self.first_row = first  # the panel adds its "New task" button here
        label = QLabel(tr("&Search:"), self)
        label.setBuddy(self.search)
        first.addWidget(label)
        first.addWidget(self.search, 1)
        first.addWidget(self.show_cancelled)
        for text, combo, chars in (
            (tr("Team:"), self.team, 10),
            (tr("Incident:"), self.incident, 14),
            (tr("Priority:"), self.priority, 10),
        ):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            second.addWidget(QLabel(text, self))
            second.addWidget(combo, 2 if combo is self.incident else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)

    def set_teams(self, teams: list[TeamView]) -> None:
        fill_combo(self.team, [(tr("All teams"), None)] + [(t.name, t.id) for t in teams])

    def set_incidents(self, incidents: list[IncidentView]) -> None:
        fill_combo(
            self.incident, [(tr("All incidents"), None)] + [(f"#{i.id} {i.title}", i.id) for i in incidents]
        )

    def flush(self) -> None:
        """Apply pending search text now (Enter in the field, or a test that will not wait)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def task_filter(self) -> TaskFilter:
        return TaskFilter(
            team_id=self.team.currentData(),
            incident_id=self.incident.currentData(),
            min_priority=int(self.priority.currentData() or 1),
            text=self.search.text().strip(),
        )
