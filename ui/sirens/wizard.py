"""The activation wizard: choose sirens, pattern and duration; read the summary; confirm.

Step 1 picks what to sound from the post's own signal set; nothing is preselected, so a
LIVE public warning is always the operator's explicit choice. Step 2 shows one sentence of
what will happen, on a template whose colour and title say LIVE (red), EXERCISE (blue) or
TEST (teal), and asks for the pattern's name (in the operator's language, or its short
code) and the PIN. A typed name that cannot match says at once what differs. The dialog
only collects; ``SirenService.activate`` decides (its refusals, a wrong PIN counted toward
the sign-on lockout among them, are shown here in words and the dialog stays open).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ops_console.siren_patterns import SirenPattern
from ops_console.sirens import confirmation, signal_set
from ops_console.sirens.service import SirenService, command_for
from ops_console.sirens.views import ActivationResult
from ops_console.ui.common.formatting import number
from ops_console.ui.common.jobs import Job, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.theme import for_night, ink, set_ink, strong_button_style
from ops_console.ui.sirens.look import EXERCISE_BLUE, LIVE_RED, TEST_TEAL, pattern_notes, pattern_words
from ops_console.ui.sirens.timeline import PatternTimeline


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivationDialog", text)


def _live_words() -> str:
    return _tr("LIVE — the sirens will sound")


class ActivationDialog(QDialog):
    """Two steps, Back/Next/Activate; ``result_request`` holds the accepted request."""

    # the service answered Activate: carries the ActivationResult, or the refusal's words
    answered = Signal(object)

    def __init__(
        self, service: SirenService, parent: QWidget | None = None, *, preselect: list[int] | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.result_request = None
        self._pool = QThreadPool(self)
        self._asking: Job | None = None  # the activation being checked by the service
        self.setWindowTitle(_tr("Activate sirens"))
        self.setMinimumSize(720, 560)
        self.back = QPushButton(_tr("< Back"))
        self.next = QPushButton(_tr("Next >"))
        self.go = QPushButton(_tr("Activate"))
        self.cancel = QPushButton(_tr("Close"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._confirm_page())
        self.stack.insertWidget(0, self._choose_page(preselect or []))
        self.go.setMinimumHeight(34)
        self.back.clicked.connect(lambda: self._show(0))
        self.next.clicked.connect(lambda: self._show(1))
        self.go.clicked.connect(self._activate)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        for b in (self.back, self.next, self.go):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show(0)

    # -- step 1 -----------------------------------------------------------------------------

    def _choose_page(self, preselect: list[int]) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        box = QGroupBox(_tr("1. Which sirens"))
        v = QVBoxLayout(box)
        self.siren_list = QListWidget()
        self.siren_list.setMinimumWidth(270)
        for s in self.service.list_sirens():
            item = QListWidgetItem(f"{s.name}  (#{s.unit_id}, {number(round(s.audible_radius_m))} m)")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id in preselect else Qt.CheckState.Unchecked)
            if not s.enabled:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.siren_list.addItem(item)
        self.siren_list.itemChanged.connect(self._update)
        quick = QHBoxLayout()
        for label, state in ((_tr("All"), True), (_tr("None"), False)):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, st=state: self._check_all(st))
            quick.addWidget(b)
        quick.addStretch(1)
        v.addWidget(self.siren_list)
        v.addLayout(quick)
        grid.addWidget(box, 0, 0, 2, 1)

        sound = QGroupBox(_tr("2. What sound, how long"))
        form = QFormLayout(sound)
        self.pattern_box = QComboBox()
        for p in self.service.choosable_patterns():
            self.pattern_box.addItem(f"{pattern_words(p.name)}  ({p.total_s} s)", p.id)
        self.pattern_box.setPlaceholderText(_tr("Choose a pattern…"))
        self.pattern_box.setCurrentIndex(-1)  # nothing preselected: a public warning is always a choice
        self.pattern_box.currentIndexChanged.connect(self._pattern_changed)
        self.signal_set = QLabel(
            _tr("Signal set: %1").replace("%1", signal_set.describe(self.service.country))
        )
        self.signal_set.setObjectName("signalSet")
        self.signal_set.setToolTip(
            _tr(
                "Only this post's own signals are offered (plus the common tests). "
                "Change the set with [sirens] country in the config file."
            )
        )
        set_ink(self.signal_set, "hint")
        self.timeline = PatternTimeline()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        set_ink(self.notes, "hint")
        self.duration = QSpinBox()
        self.duration.setSuffix(" s")
        self.duration.valueChanged.connect(self._update)
        form.addRow(_tr("Pattern"), self.pattern_box)
        form.addRow("", self.signal_set)
        form.addRow("", self.timeline)
        form.addRow("", self.notes)
        form.addRow(_tr("Duration"), self.duration)
        grid.addWidget(sound, 0, 1)

        mode = QGroupBox(_tr("3. Live or exercise"))
        mv = QVBoxLayout(mode)
        self.live_radio = QRadioButton(_live_words())
        self.exercise_radio = QRadioButton(_tr("EXERCISE — recorded, nothing is sent"))
        self.live_radio.setStyleSheet("font-weight: 700;")
        set_ink(self.live_radio, "live")
        self.exercise_radio.setStyleSheet("font-weight: 700;")
        set_ink(self.exercise_radio, "exercise")
        group = QButtonGroup(self)
        group.addButton(self.live_radio)
        group.addButton(self.exercise_radio)
        exercise = self.service.shift.exercise
        self.exercise_radio.setChecked(exercise)  # LIVE is never preselected: the operator chooses it
        self.live_radio.setEnabled(not exercise)
        self.live_radio.toggled.connect(self._update)
        self.exercise_radio.toggled.connect(self._update)
        self.silent_note = QLabel(
            _tr(
                "SILENT TEST — sent to the controllers; the rotator turns and nothing "
                "is heard. Not an exercise and not a live sound."
            )
        )
        self.silent_note.setObjectName("silentNote")
        self.silent_note.setWordWrap(True)
        self.silent_note.setStyleSheet("font-weight: 700;")
        set_ink(self.silent_note, "test")
        self.silent_note.hide()
        mv.addWidget(self.live_radio)
        mv.addWidget(self.exercise_radio)
        mv.addWidget(self.silent_note)
        if exercise:
            note = QLabel(
                _tr("The post is in EXERCISE mode: live sound is not possible (silent tests still run).")
            )
            note.setWordWrap(True)
            mv.addWidget(note)
        grid.addWidget(mode, 1, 1)
        mv.addStretch(1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._pattern_changed()
        return page

    def _check_all(self, on: bool) -> None:
        for i in range(self.siren_list.count()):
            item = self.siren_list.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def pattern(self) -> SirenPattern | None:
        data = self.pattern_box.currentData()
        return None if data is None else self.service.patterns.get(data)

    def _pattern_changed(self) -> None:
        p = self.pattern()
        if p is None:
            self.duration.setEnabled(False)
            self._update()
            return
        self.duration.setEnabled(True)
        self.duration.setRange(1, p.total_s)
        self.duration.setValue(p.total_s)
        self.notes.setText(pattern_notes(p.notes))
        silent = command_for(p) == "silent_test"
        self.live_radio.setVisible(not silent)  # a silent test never says "the sirens will sound"
        self.exercise_radio.setVisible(not silent)
        self.silent_note.setVisible(silent)
        self.live_radio.setText(
            _tr("LIVE — a short, low test sound will be heard") if p.test else _live_words()
        )
        self._update()

    def chosen(self) -> list[tuple[int, str]]:
        out = []
        for i in range(self.siren_list.count()):
            item = self.siren_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(Qt.ItemDataRole.UserRole), item.text().split("  (")[0]))
        return out

    def mode(self) -> str:
        """test (a silent test), live, exercise, or '' while nothing is chosen."""
        p = self.pattern()
        if p is not None and command_for(p) == "silent_test":
            return "test"
        if self.live_radio.isChecked():
            return "live"
        return "exercise" if self.exercise_radio.isChecked() else ""

    # -- step 2 -----------------------------------------------------------------------------

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.banner = QLabel()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(54)
        self.frame = QFrame()
        self.frame.setObjectName("summaryFrame")
        fv = QVBoxLayout(self.frame)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary_timeline = PatternTimeline()
        fv.addWidget(self.summary)
        fv.addWidget(self.summary_timeline)
        fv.addStretch(1)
        form = QFormLayout()
        self.typed = QLineEdit()
        self.typed.setObjectName("typedName")
        self.typed.textChanged.connect(self._update)
        self.typed_problem = QLabel()
        self.typed_problem.setObjectName("typedProblem")
        self.typed_problem.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.textChanged.connect(self._update)
        self.typed_label = QLabel()
        self.typed_label.setWordWrap(True)
        form.addRow(self.typed_label)
        form.addRow(_tr("Pattern name"), self.typed)
        form.addRow("", self.typed_problem)
        form.addRow(_tr("Your PIN"), self.pin)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        v.addWidget(self.banner)
        v.addWidget(self.frame, 1)
        v.addLayout(form)
        v.addWidget(self.problem)
        return page

    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.problem.setText("")
        self._update()

    def _update(self, *_changed: object) -> None:
        p, chosen, step, mode = self.pattern(), self.chosen(), self.stack.currentIndex(), self.mode()
        self.back.setVisible(step == 1)
        self.next.setVisible(step == 0)
        self.go.setVisible(step == 1)
        self.next.setEnabled(bool(chosen) and p is not None and bool(mode))
        self.next.setToolTip(
            "" if self.next.isEnabled() else _tr("Choose the sirens, a pattern, and LIVE or EXERCISE first.")
        )
        self.timeline.set_pattern(p, self.duration.value() if p is not None else None)  # shown once chosen
        if p is None or not mode:
            return
        colour, title, verb = {
            "live": (LIVE_RED, _tr("LIVE ACTIVATION — SIRENS WILL SOUND"), _tr("will sound")),
            "exercise": (
                EXERCISE_BLUE,
                _tr("EXERCISE — NOTHING WILL SOUND"),
                _tr("would sound (exercise only)"),
            ),
            "test": (TEST_TEAL, _tr("SILENT TEST — NO SOUND"), _tr("will run a silent test")),
        }[mode]
        self.banner.setText(title)
        self.banner.setStyleSheet(
            f"background: {colour}; color: white; font-size: 16pt; font-weight: 800; "
            "border-radius: 4px; padding: 6px;"
        )
        tint = QColor("#fff5f5" if mode == "live" else "#f5f7ff" if mode == "exercise" else "#f2fbf9")
        self.frame.setStyleSheet(  # the tint turns dark at night, so the theme's text reads on it
            f"QFrame#summaryFrame {{ border: 3px solid {colour}; border-radius: 6px; "
            f"background: {for_night(tint, background=True).name()}; }}"
        )
        mode_word = {"live": _tr("LIVE"), "exercise": _tr("EXERCISE"), "test": _tr("TEST")}[mode]
        names = "".join(f"<li>{n}</li>" for _, n in chosen)
        minutes, seconds = divmod(self.duration.value(), 60)
        how_long = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
        self.summary.setText(
            f"<p style='font-size:13pt'><b>{len(chosen)}</b> {_tr('siren(s)')} {verb}:</p><ul>{names}</ul>"
            f"<p style='font-size:13pt'>{_tr('Sound')}: <b>{p.name}</b><br>{_tr('For')}: <b>{how_long}</b>"
            f"<br>{_tr('Mode')}: <b style='color:{ink(mode)}'>{mode_word}</b></p>"
        )
        self.summary_timeline.set_pattern(p, self.duration.value())
        shown = confirmation.name_for(p, QLocale().name())
        self.typed_label.setText(
            _tr("To confirm, type the pattern's name %1 or its short code %2 (capitals do not matter).")
            .replace("%1", f"<b>{shown}</b>")
            .replace("%2", f"<b>{p.key}</b>")
        )
        verdict = confirmation.judge(p, self.typed.text(), QLocale().name())
        self.typed_problem.setText(verdict.words)
        self.typed_problem.setStyleSheet("font-weight: 600;")
        set_ink(self.typed_problem, "live")
        self.typed_problem.setVisible(bool(verdict.words))
        self.go.setText(
            {
                "live": _tr("SOUND SIRENS"),
                "exercise": _tr("Record exercise activation"),
                "test": _tr("Run silent test"),
            }[mode]
        )
        self.go.setStyleSheet(strong_button_style(colour))
        self.go.setEnabled(verdict.ok and len(self.pin.text()) >= 4 and self._asking is None)

    def _activate(self) -> None:
        """Ask the service door on the pool: the PIN's hash and the writes stay off the GUI thread."""
        p = self.pattern()
        if p is None or not self.mode() or self._asking is not None:
            return
        work = partial(
            self.service.activate,
            [sid for sid, _ in self.chosen()],
            p.id,
            self.duration.value(),
            live=self.mode() == "live",
            pin=self.pin.text(),
            typed_confirmation=self.typed.text(),
        )
        self.problem.setText(_tr("Checking…"))
        self._asking = start_job(self._pool, work, self._accepted, self._refused)
        self._update()

    @Slot(object)
    def _accepted(self, result: ActivationResult) -> None:
        self._asking = None
        self.result_request = result
        self.answered.emit(result)
        self.accept()

    @Slot(object)
    def _refused(self, exc: Exception) -> None:
        self._asking = None
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc  # a bug: the crash dialog, not a refusal
        self.pin.clear()
        self.problem.setText(str(exc))
        self.answered.emit(str(exc))
        self._update()
