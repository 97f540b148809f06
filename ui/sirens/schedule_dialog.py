"""Schedule a recurring siren test: e.g. a silent test on the first Monday of the month at 10:00."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTimeEdit, QWidget

from ops_console.errors import OpsError
from ops_console.said import tr
from ops_console.sirens.schedule import ORDINALS, WEEKDAYS
from ops_console.sirens.service import SirenService
from ops_console.ui.common.discard_guard import GuardedDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScheduleDialog", text)


def local_zone_name() -> str:
    try:
        from tzlocal import get_localzone_name  # optional

        return get_localzone_name() or "UTC"
    except Exception:
        import os

        return os.environ.get("TZ") or "UTC"


class ScheduleDialog(GuardedDialog):
    def __init__(self, service: SirenService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(_tr("Schedule a siren test"))
        form = QFormLayout(self)
        self.name = QLineEdit(_tr("Monthly silent test"))
        self.kind = QComboBox()
        self.kind.addItem(_tr("Silent (rotation, no sound)"), "silent")
        self.kind.addItem(_tr("Growl (short low sound)"), "growl")
        self.nth = QComboBox()
        for n, word in ORDINALS.items():
            self.nth.addItem(tr(word), n)  # the "Stored" words (ops_console/said.py)
        self.nth.setCurrentIndex(1)
        self.weekday = QComboBox()
        for i, day in enumerate(WEEKDAYS):
            self.weekday.addItem(tr(day), i)
        self.time = QTimeEdit(QTime(10, 0))
        self.time.setDisplayFormat("HH:mm")
        self.tz = QLineEdit(local_zone_name())
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        for label, widget in (
            (_tr("Name"), self.name),
            (_tr("Kind"), self.kind),
            (_tr("Which"), self.nth),
            (_tr("Day"), self.weekday),
            (_tr("Time (local)"), self.time),
            (_tr("Time zone"), self.tz),
        ):
            form.addRow(label, widget)
        form.addRow(self.problem)
        form.addRow(buttons)

    def _save(self) -> None:
        try:
            self.service.schedule_test(
                self.name.text(),
                kind=self.kind.currentData(),
                nth=self.nth.currentData(),
                weekday=self.weekday.currentData(),
                time_local=self.time.time().toString("HH:mm"),
                tz=self.tz.text().strip(),
            )
        except OpsError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
