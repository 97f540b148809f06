"""Dialogs of the Warnings panel: a draft from a template, and one step (approve, issue,
update, all clear, cancel) asked with the supervisor's PIN and, where it sends, the channels.

A step runs the service call on a job lane (the PIN's scrypt hash and the channels' writes
stay off the GUI thread); a refusal is shown in the dialog in the service's own words."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ops_console.early_warning.service import WarningService
from ops_console.early_warning.templates import Hazard
from ops_console.early_warning.views import CHANNEL_NAMES, CHANNELS
from ops_console.mapping.zones import ZoneService
from ops_console.sirens.service import SirenService
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.theme import set_ink


def _tr(text: str) -> str:
    return QCoreApplication.translate("Warnings", text)


def channel_title(channel: str) -> str:
    return _tr(CHANNEL_NAMES[channel])


class DraftDialog(GuardedDialog):
    """A new warning from a template: hazard, place, time, instructions, area (zone or sirens)."""

    def __init__(
        self, service: WarningService, zones: ZoneService, sirens: SirenService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("warningDraftDialog")
        self.setWindowTitle(_tr("New warning"))
        self.service = service
        self.result_id: int | None = None
        form = QFormLayout()
        self.hazard = QComboBox()
        for h in Hazard:
            if h is not Hazard.ALL_CLEAR:
                self.hazard.addItem(h.label, h.value)
        self.place = QLineEdit()
        self.place.setPlaceholderText(_tr("e.g. Canal Road riverside"))
        self.time = QLineEdit()
        self.time.setPlaceholderText(_tr("e.g. 16:00"))
        self.instructions = QLineEdit()
        self.instructions.setPlaceholderText(_tr("(the template's words if left empty)"))
        form.addRow(_tr("Hazard"), self.hazard)
        form.addRow(_tr("Place"), self.place)
        form.addRow(_tr("Time"), self.time)
        form.addRow(_tr("Instructions (English)"), self.instructions)
        self.by_zone = QRadioButton(_tr("A map zone"))
        self.by_sirens = QRadioButton(_tr("The coverage of chosen sirens"))
        group = QButtonGroup(self)
        group.addButton(self.by_zone)
        group.addButton(self.by_sirens)
        self.zone = QComboBox()
        for z in zones.list():
            self.zone.addItem(z.name, z.id)
        self.siren_list = QListWidget()
        self.siren_list.setMaximumHeight(110)
        for s in sirens.list_sirens():
            item = QListWidgetItem(s.name)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.siren_list.addItem(item)
        (self.by_zone if self.zone.count() else self.by_sirens).setChecked(True)
        self.by_zone.setEnabled(self.zone.count() > 0)
        form.addRow(_tr("Area"), self.by_zone)
        form.addRow("", self.zone)
        form.addRow("", self.by_sirens)
        form.addRow("", self.siren_list)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_ink(self.problem, "problem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Draft"))
        buttons.accepted.connect(self._draft)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def chosen_sirens(self) -> list[int]:
        return [
            int(self.siren_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.siren_list.count())
            if self.siren_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    @Slot()
    def _draft(self) -> None:
        try:
            if self.by_zone.isChecked():
                area = self.service.area_from_zone(int(self.zone.currentData()))
            else:
                area = self.service.area_from_sirens(self.chosen_sirens())
            words = self.instructions.text().strip()
            view = self.service.draft(
                Hazard(self.hazard.currentData()),
                area,
                place=self.place.text(),
                time_text=self.time.text().strip(),
                instructions={"en-US": words} if words else None,
            )
        except KNOWN_ERRORS as exc:
            problems = getattr(exc, "problems", None)
            self.problem.setText("\n".join(problems.values()) if problems else str(exc))
            return
        self.result_id = view.id
        self.accept()


class StepDialog(QDialog):
    """One step of the lifecycle with the PIN asked again (and channel ticks when it sends)."""

    def __init__(
        self,
        title: str,
        go_words: str,
        call: Callable[..., object],
        *,
        channels: tuple[str, ...] = (),
        ticked: tuple[str, ...] = (),
        headline: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("warningStepDialog")
        self.setWindowTitle(title)
        self._call = call
        self.outcome: object = None  # what the service returned, once accepted
        self._lane = JobLane("warning-step", parent=self)
        self._asking = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.ticks: dict[str, QCheckBox] = {}
        if channels:
            row = QHBoxLayout()
            for c in channels:
                box = QCheckBox(channel_title(c))
                box.setObjectName(f"tick_{c}")
                box.setChecked(c in ticked)
                box.toggled.connect(self._update)
                self.ticks[c] = box
                row.addWidget(box)
            holder = QWidget()
            holder.setLayout(row)
            form.addRow(_tr("Send on"), holder)
        self.headline: QPlainTextEdit | None = None
        if headline is not None:
            self.headline = QPlainTextEdit(headline)
            self.headline.setMaximumHeight(60)
            form.addRow(_tr("New headline (English)"), self.headline)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.textChanged.connect(self._update)
        form.addRow(_tr("Your PIN"), self.pin)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        set_ink(self.problem, "problem")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.go = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.go.setText(go_words)
        self.buttons.accepted.connect(self._run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def chosen(self) -> list[str]:
        return [c for c in CHANNELS if c in self.ticks and self.ticks[c].isChecked()]

    @Slot()
    def _update(self, *_args: object) -> None:
        enough = len(self.pin.text()) >= 4 and (not self.ticks or bool(self.chosen()))
        self.go.setEnabled(enough and not self._asking)

    @Slot()
    def _run(self) -> None:
        if self._asking:
            return
        kw: dict[str, object] = {"pin": self.pin.text()}
        if self.ticks:
            kw["chosen"] = self.chosen()
        if self.headline is not None:
            kw["texts"] = {"en-US": {"headline": self.headline.toPlainText().strip()}}
        self._asking = True
        self.problem.setText(_tr("Checking…"))
        self._update()
        start_job(self._lane, partial(self._call, **kw), self._done, self._refused, owner=self)

    @Slot(object)
    def _done(self, result: object) -> None:
        self._asking = False
        self.outcome = result
        self.accept()

    @Slot(object)
    def _refused(self, exc: Exception) -> None:
        self._asking = False
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc  # a bug: the crash dialog, not a refusal
        self.pin.clear()
        problems = getattr(exc, "problems", None)
        self.problem.setText("\n".join(problems.values()) if problems else str(exc))
        self._update()
