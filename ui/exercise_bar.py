"""The whole window says EXERCISE while the post drills: its title and a red bar across it.

A label in the status bar is easy to miss on a busy screen, so exercise mode also puts
"EXERCISE" first in the window title (the taskbar and every screenshot show it) and a red
bar right under the menus, across the full width, that says what the mode means and
offers to end it. The bar is shown exactly while the shift is in exercise mode: a saved
window layout cannot show or hide it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QSizePolicy, QToolBar, QWidget

from ops_console.domain import Permission
from ops_console.post import Post
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.theme import EXERCISE_RED


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExerciseBar", text)


class ExerciseBar(QToolBar):
    """The red bar. Its visibility follows the shift's exercise flag, never a saved layout."""

    def __init__(self, post: Post, bridge: PostBridge, window: QMainWindow) -> None:
        super().__init__(_tr("Exercise"), window)
        self.setObjectName("exerciseBar")
        self._post, self._window = post, window
        self._base_title = window.windowTitle()
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not offered in the window's context menu
        self.setStyleSheet(
            f"QToolBar#exerciseBar {{ background: {EXERCISE_RED}; border: none; padding: 4px; }}"
            "QToolBar#exerciseBar QLabel { color: white; font-weight: 700; font-size: 12pt; }"
            "QToolBar#exerciseBar QPushButton { font-weight: 600; padding: 3px 12px; }"
        )
        self.label = QLabel(
            _tr(
                "EXERCISE — records made now are a drill · live emergencies, alerts and "
                "incidents stay on top, marked LIVE"
            )
        )
        self.label.setObjectName("exerciseBarText")
        self.label.setToolTip(
            _tr(
                "Exercise mode: incidents, tasks and other records made on this console are "
                "marked as a drill. Traffic heard on real radios stays live unless it says "
                "EXERCISE; live emergencies, unacknowledged alerts and open live incidents stay "
                "in sight, marked LIVE."
            )
        )
        # one line; on a narrow screen the words are cut, never the End button
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.end_button = QPushButton(_tr("End exercise…"))
        self.end_button.setObjectName("endExerciseButton")
        row = QWidget()
        row.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )  # the toolbar's full width
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.end_button)
        self.addWidget(row)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        bridge.exercise_changed.connect(self.refresh)
        bridge.shift_changed.connect(self.refresh)
        self.refresh()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt name)
        """Whoever asks (restoreState, a context menu), the bar shows the mode, not a wish."""
        super().setVisible(self._post.shift.exercise)

    @Slot()
    def refresh(self) -> None:
        exercise = self._post.shift.exercise
        self.setVisible(exercise)
        allowed = self._post.shift.can(
            Permission.TOGGLE_EXERCISE
        )  # decided before the click, with the reason
        self.end_button.setEnabled(allowed)
        self.end_button.setToolTip("" if allowed else _tr("Only a supervisor can end the exercise."))
        self._window.setWindowTitle(
            _tr("EXERCISE — {title}").replace("{title}", self._base_title) if exercise else self._base_title
        )
