"""Reports and forms: choose a report, its period and words, and build it off the GUI thread.

The build runs as a job (ui/common/jobs.py) that captures only the post's services and a
plain :class:`ReportRequest`; its progress goes into a plain holder the dialog reads on a
GUI timer (the worker never touches a widget), and Cancel sets the job's token, so a
100,000-line ICS 214 leaves the window usable and can be stopped; a stopped or failed report
leaves no partial file.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ops_console.post import Post
from ops_console.printing.progress import Cancelled, CancelToken
from ops_console.reports.build import FORMATS, ReportRequest, ReportResult, build
from ops_console.reports.period import Period
from ops_console.ui.common.disabled import allow
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.formatting import number
from ops_console.ui.common.jobs import Job, JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error


class _Progress:
    """Written by the worker (a float), read by the GUI timer: no Qt object crosses threads."""

    def __init__(self) -> None:
        self.fraction = 0.0

    def __call__(self, fraction: float) -> None:
        self.fraction = fraction


_LANE: list[JobLane] = []


def report_lane() -> JobLane:
    """One worker for reports, living with the application (a closed dialog never waits for it)."""
    if not _LANE:
        _LANE.append(JobLane("reports", 1, QCoreApplication.instance()))
    return _LANE[0]


class ReportsDialog(GuardedDialog):
    """File → Reports and forms…"""

    def __init__(
        self,
        post: Post,
        parent: QWidget | None = None,
        *,
        basemaps: list[Path] | None = None,
        post_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsDialog")
        self.setWindowTitle(self.tr("Reports and forms"))
        self.post, self.basemaps = post, basemaps or []
        self.post_name = post_name or post.db.display_name
        self.job: Job | None = None
        self.token: CancelToken | None = None
        self.progress_holder = _Progress()
        self.result: ReportResult | None = None
        self._written: tuple[str, ...] = ()  # the typed words as first shown, or of the last report written

        self.kind = QComboBox(objectName="reportKind")
        for key, words in (
            ("sitrep", self.tr("SITREP (situation report)")),
            ("ics214", self.tr("ICS 214 Activity log")),
            ("ics309", self.tr("ICS 309 Communications log")),
            ("ics213rr", self.tr("ICS 213RR Resource requests")),
            ("ics211", self.tr("ICS 211 Check-in list")),
            ("ics205", self.tr("ICS 205 Radio communications plan")),
            ("map", self.tr("Map layers (GeoJSON, KML)")),
        ):
            self.kind.addItem(words, key)
        self.fmt = QComboBox(objectName="reportFormat")
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addSecs(-12 * 3600), objectName="reportFrom", calendarPopup=True)
        self.end = QDateTimeEdit(now, objectName="reportTo", calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        actor = post.shift.actor
        self.prepared_by = QLineEdit(actor.name if actor else "", objectName="reportPreparedBy")
        self.position = QLineEdit(
            objectName="reportPosition", placeholderText=self.tr("e.g. Planning Section Chief")
        )
        self.incident = QLineEdit(objectName="reportIncident", placeholderText=self.post_name)
        self.who = QLineEdit(
            objectName="reportWho", placeholderText=self.tr("operator name (ICS 214, ICS 309)")
        )
        self.unit = QLineEdit(
            objectName="reportUnit", placeholderText=self.tr("team name (ICS 214 per unit)")
        )
        self.summary = QPlainTextEdit(
            objectName="reportSummary", placeholderText=self.tr("Summary of the situation")
        )
        self.priorities = QPlainTextEdit(
            objectName="reportPriorities", placeholderText=self.tr("Priorities for the next period")
        )
        for edit in (self.summary, self.priorities):
            edit.setFixedHeight(70)
        self.out = QLineEdit(objectName="reportOut")
        browse = QPushButton(self.tr("Choose…"), objectName="reportBrowse")
        browse.clicked.connect(self.choose_file)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Prepared by"), self.prepared_by)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Incident name"), self.incident)
        form.addRow(self.tr("Operator"), self.who)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Priorities"), self.priorities)
        form.addRow(self.tr("Save as"), out_row)
        self.form = form

        self.bar = QProgressBar(objectName="reportProgress", minimum=0, maximum=100, value=0)
        self.state = QLabel(objectName="reportState", wordWrap=True)
        self.build_button = QPushButton(self.tr("Build"), objectName="reportBuild", default=True)
        self.cancel_button = QPushButton(self.tr("Cancel report"), objectName="reportCancel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.build_button.clicked.connect(self.start_build)
        self.cancel_button.clicked.connect(self.cancel_build)
        self._building(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addWidget(buttons)

        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self._show_progress)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.fmt.currentIndexChanged.connect(self._format_changed)
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.fmt.clear()
        for fmt in FORMATS[kind]:
            self.fmt.addItem({"md": "Markdown", "geojson": "GeoJSON"}.get(fmt, fmt.upper()), fmt)
        sitrep = kind == "sitrep"
        for widget, shown in (
            (self.summary, sitrep),
            (self.priorities, sitrep),
            (self.who, kind in ("ics214", "ics309")),
            (self.unit, kind == "ics214"),
        ):
            self.form.setRowVisible(widget, shown)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        self.out.setText(str(Path.home() / f"{kind}-{stamp}.{self.fmt.currentData()}"))

    @Slot()
    def _format_changed(self) -> None:
        fmt, text = self.fmt.currentData(), self.out.text().strip()
        if fmt and text and Path(text).name:
            self.out.setText(str(Path(self.out.text()).with_suffix(f".{fmt}")))

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as"), self.out.text())
        if path:
            self.out.setText(path)

    def request(self) -> ReportRequest:
        """What the form says, as plain data for the worker."""

        def utc(edit: QDateTimeEdit) -> datetime:
            return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), timezone.utc)

        return ReportRequest(
            self.kind.currentData(),
            Path(self.out.text()).expanduser(),
            Period(utc(self.start), utc(self.end) + timedelta(seconds=59)),
            self.fmt.currentData(),
            post_name=self.post_name,
            incident=self.incident.text().strip(),
            prepared_by=self.prepared_by.text().strip(),
            position=self.position.text().strip(),
            operator=self.who.text().strip(),
            unit=self.unit.text().strip(),
            summary=self.summary.toPlainText().strip(),
            priorities=self.priorities.toPlainText().strip(),
            basemaps=tuple(self.basemaps),
        )

    @Slot()
    def start_build(self) -> Job | None:
        try:
            request = self.request()
        except KNOWN_ERRORS as exc:  # a period that ends before it starts
            self.state.setText(str(exc))
            show_error(self, exc)
            return None
        self.token, self.progress_holder = CancelToken(), _Progress()
        self.result = None
        self.bar.setValue(0)
        self.state.setText(self.tr("Building…"))
        self._building(True)
        self.timer.start()
        work = partial(build, self.post, request, self.progress_holder, self.token)
        self.job = start_job(report_lane(), work, self._done, self._failed, owner=self)
        return self.job

    @Slot()
    def cancel_build(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.state.setText(self.tr("Stopping…"))

    def _show_progress(self) -> None:
        self.bar.setValue(round(100 * self.progress_holder.fraction))

    def _finish(self) -> None:
        self.timer.stop()
        self.job = None
        self._building(False)

    def _building(self, running: bool) -> None:
        """One report at a time: each button says why it is off."""
        allow(self.build_button, self.tr("A report is being built: wait, or cancel it.") if running else "")
        allow(self.cancel_button, "" if running else self.tr("Nothing is being built."))

    def _done(self, result: ReportResult) -> None:
        self._finish()
        self.result = result
        self._written = self._typed()
        self.bar.setValue(100)
        lines = self.tr(", {n} lines").replace("{n}", number(result.lines)) if result.lines else ""
        self.state.setText(self.tr("Written to {path}").replace("{path}", str(result.path)) + lines)

    def _failed(self, error: Exception) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.bar.setValue(0)
            self.state.setText(self.tr("Cancelled: no file was written."))
            return
        if isinstance(error, KNOWN_ERRORS):
            self.state.setText(str(error))
            show_error(self, error)
            return
        raise error  # a bug: the crash dialog shows it

    def _typed(self) -> tuple[str, ...]:
        """The words typed into the form (the file name and the choices are made again in a
        moment; the summary and priorities are the supervisor's own work)."""
        return tuple(
            w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
            for w in (self.prepared_by, self.position, self.incident, self.who, self.unit)
            + (self.summary, self.priorities)
        )

    def mark_unchanged(self) -> None:
        super().mark_unchanged()
        self._written = self._typed()

    def has_typed_content(self) -> bool:
        """Asked about on close unless they are as first shown or a report holds them."""
        return self._typed() != self._written

    def done(self, result: int) -> None:
        """Closing stops a build that is still running (its partial file is removed)."""
        self.cancel_build()
        super().done(result)
