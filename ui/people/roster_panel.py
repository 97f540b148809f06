"""The volunteer roster: who is on it, their skills and certificates (an expired one is
marked), languages, availability, who is on site now; import with a preview, export.

The import reads the file, shows every row it would add and every problem line by line
(the parser's and the roster's: already on it, unknown team), and adds nothing until
"Import" is pressed; a GBK file says so, so a person can check the Chinese names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ops_console.clock import iso_day
from ops_console.domain import Permission
from ops_console.people.roster import ImportPreview
from ops_console.people.views import VolunteerView
from ops_console.post import Post
from ops_console.private_files import open_private
from ops_console.said import shown
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.formatting import clock_time, date_text
from ops_console.ui.common.messages import show_error

from .checkin_dialog import CheckinDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("Roster", text)


# who is here and what they can do first, from the left: at 1280x720 the table ended at
# the skills, and whether a volunteer was on site at all was past the dock's edge
COLUMN_HEADERS = {
    "name": "Name",
    "on_site": "On site",
    "team": "Team",
    "skills": "Skills and certificates",
    "phone": "Phone",
    "availability": "Availability",
    "languages": "Languages",
    "badge": "Badge",
}
COLUMNS = tuple(COLUMN_HEADERS)


def skills_text(v: VolunteerView, today: date, day: Callable[[date], str] = date_text) -> str:
    """The skills and when each certificate ends (``day`` writes the date: the locale's
    words on screen, ISO 8601 in an export)."""
    words = []
    for k in v.skills:
        if k.expires_on is None:
            words.append(k.name)
        elif k.expires_on < today:
            words.append(tr("%1 (EXPIRED %2)").replace("%1", k.name).replace("%2", day(k.expires_on)))
        else:
            words.append(f"{k.name} ({day(k.expires_on)})")
    return ", ".join(words)


class ImportPreviewDialog(QDialog):
    """The rows an import would add and its problems; nothing is written before Import."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportPreview")
        self.setWindowTitle(tr("Import volunteers"))
        self.preview = preview
        read_as = tr("Read as %1.").replace("%1", preview.encoding.upper()) if preview.encoding else ""
        summary = QLabel(
            tr("%1 to add, %2 problem(s). ")
            .replace("%1", str(len(preview.rows)))
            .replace("%2", str(len(preview.problems)))
            + read_as,
            self,
        )
        summary.setObjectName("importSummary")
        rows = QTableWidget(len(preview.rows), 4, self)
        rows.setObjectName("importRows")
        rows.setHorizontalHeaderLabels([tr("Line"), tr("Name"), tr("Phone"), tr("Skills")])
        for i, r in enumerate(preview.rows):
            skills = ", ".join(n for n, _ in r.skills)
            for col, text in enumerate((str(r.line), r.name, r.phone, skills)):
                rows.setItem(i, col, QTableWidgetItem(text))
        problems = QTableWidget(len(preview.problems), 2, self)
        problems.setObjectName("importProblems")
        problems.setHorizontalHeaderLabels([tr("Line"), tr("Problem")])
        for i, p in enumerate(preview.problems):
            problems.setItem(i, 0, QTableWidgetItem(str(p.line) if p.line else tr("file")))
            problems.setItem(i, 1, QTableWidgetItem(shown(p.message)))
        for table in (rows, problems):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(
            tr("Import %1").replace("%1", str(len(preview.rows))), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(preview.rows))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(rows, 2)
        layout.addWidget(QLabel(tr("Problems (these rows are not imported):"), self))
        layout.addWidget(problems, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)


class RosterPanel(QWidget):
    """The roster table with import, export and the check-in form."""

    def __init__(self, post: Post, bridge: PostBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPanel")
        self.post = post
        self.people: list[VolunteerView] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("roster")
        self.table.setHorizontalHeaderLabels([tr(COLUMN_HEADERS[key]) for key in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        # by name, A to Z: the header's default sorted the first column Z to A
        self.table.sortByColumn(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
        self.checkin = QPushButton(tr("Check-&in…"), self)
        self.checkin.setObjectName("openCheckin")
        self.checkin.clicked.connect(self.open_checkin)
        self.add_button = QPushButton(tr("&Add…"), self)
        self.add_button.setObjectName("addVolunteer")
        self.add_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button = QPushButton(tr("&Edit…"), self)
        self.edit_button.setObjectName("editVolunteer")
        self.edit_button.clicked.connect(lambda: self.open_form(self.current()))
        self.table.currentCellChanged.connect(lambda *_cells: self.update_rights())
        self.table.doubleClicked.connect(
            lambda _i: self.edit_button.isEnabled() and self.open_form(self.current())
        )
        self.import_button = QPushButton(tr("&Import CSV…"), self)
        self.import_button.setObjectName("importRoster")
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(tr("&Export CSV…"), self)
        self.export_button.setObjectName("exportRoster")
        self.export_button.clicked.connect(self.choose_export)
        self.summary = QLabel(self)
        self.summary.setObjectName("rosterSummary")
        bar = FlowLayout()  # wraps on a narrow dock instead of cutting buttons
        for w in (
            self.checkin,
            self.add_button,
            self.edit_button,
            self.import_button,
            self.export_button,
            self.summary,
        ):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        if bridge is not None:
            bridge.people_event.connect(lambda _e: self.reload())
            bridge.shift_changed.connect(self.update_rights)
        self.update_rights()
        self.reload()

    @Slot()
    def update_rights(self) -> None:
        """What the role may do, said before the click; "Edit…" waits for a volunteer (with
        none selected it opened an empty form that added someone new)."""
        role = (
            self.post.shift.can(Permission.MANAGE_ROSTER),
            tr("Supervisors and administrators edit the roster"),
        )
        for button in (self.add_button, self.import_button):
            allow(button, first_reason(role))
        chosen = (self.current() is not None, tr("Select a volunteer in the list first."))
        allow(self.edit_button, first_reason(role, chosen))
        edit = self.post.shift.can(Permission.EDIT_RECORDS)
        self.checkin.setEnabled(edit)
        self.checkin.setToolTip("" if edit else tr("Viewers cannot check people in"))

    def current(self) -> VolunteerView | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        vid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((v for v in self.people if v.id == vid), None)

    def open_form(self, volunteer: VolunteerView | None) -> QDialog:
        from .volunteer_dialog import VolunteerDialog

        self.form = VolunteerDialog(self.post, volunteer, self)
        self.form.accepted.connect(self.reload)
        self.form.open()
        return self.form

    @Slot()
    def reload(self) -> None:
        people = self.people = self.post.people.roster.list()
        today = date.today()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(people))
        for i, v in enumerate(people):
            cells = {
                "name": v.name,
                "on_site": clock_time(v.on_site_since),
                "team": v.team_name,
                "skills": skills_text(v, today),
                "phone": v.phone,
                "availability": v.availability,
                "languages": v.languages,
                "badge": v.badge,
            }
            exported = {  # whole, for the paper backup: certificates' end dates, the day and zone
                "skills": skills_text(v, today, iso_day),
                "on_site": iso_time(v.on_site_since),
            }
            for col, key in enumerate(COLUMNS):
                item = QTableWidgetItem(cells[key])
                item.setData(Qt.ItemDataRole.UserRole, v.id)
                if key in exported:
                    item.setData(ExportRole, exported[key])
                self.table.setItem(i, col, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.update_rights()  # the selected volunteer may be gone
        on_site = sum(1 for v in people if v.on_site_since)
        self.summary.setText(
            tr("%1 volunteers, %2 on site").replace("%1", str(len(people))).replace("%2", str(on_site))
        )

    @Slot()
    def open_checkin(self) -> CheckinDialog:
        self.dialog = CheckinDialog(self.post, self)
        self.dialog.finished.connect(lambda _r: self.reload())
        self.dialog.open()
        return self.dialog

    def preview_file(self, path: Path) -> ImportPreviewDialog:
        """Read ``path`` and show the preview (the file dialog's choice; tests call it)."""
        preview = self.post.people.roster.preview(path.read_bytes())
        self.preview_dialog = ImportPreviewDialog(preview, self)
        self.preview_dialog.accepted.connect(lambda: self.apply_import(preview))
        self.preview_dialog.open()
        return self.preview_dialog

    def apply_import(self, preview: ImportPreview) -> None:
        try:
            self.post.people.roster.apply_import(preview)
        except Exception as exc:  # known errors in words
            self.last_message = show_error(self, exc)
        self.reload()

    @Slot()
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Import volunteers"), "", tr("CSV files (*.csv *.txt)")
        )
        if name:
            self.preview_file(Path(name))

    def export_to(self, path: Path) -> int:
        with open_private(path, "w", encoding="utf-8-sig", newline="") as out:
            return self.post.people.roster.export_csv(out)

    @Slot()
    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export volunteers"), "volunteers.csv", tr("CSV files (*.csv)")
        )
        if name:
            try:
                n = self.export_to(Path(name))
                self.summary.setText(
                    tr("%1 volunteers written to %2").replace("%1", str(n)).replace("%2", name)
                )
            except Exception as exc:  # a full disk or a folder we may not write: words
                self.last_message = show_error(self, exc)
