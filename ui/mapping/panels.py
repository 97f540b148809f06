"""The risk register and shelter panels that sit beside the map.

Thin lists over the map's services: selecting a row asks the map to centre on it
(``locate_requested``), overdue inspections and full shelters stand out, and the
shelter head count is one action (type the number, press Enter).

The buttons that act on the selected record are disabled, with the reason on hover, until a
record is selected and for a role that may not change records: a viewer's click on "Set"
was refused only after it, and with nothing selected the buttons did nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.clock import utc_now
from ops_console.errors import OpsError
from ops_console.events import Event
from ops_console.exercise_view import live_words, marked_live
from ops_console.mapping import risks as risk_mod
from ops_console.mapping import shelters as shelter_mod
from ops_console.mapping.services import MapServices
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.formatting import local_day
from ops_console.ui.common.messages import show_error

from .dialogs import InspectionDialog, RiskDialog, ShelterDialog
from .layers.symbols import SHELTER_COLOURS

Column = tuple[str, Callable[[Any], Any]]
OVERDUE_BG = QColor("#fbe0e0")


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


def _day(at: datetime) -> str:
    """Day and month; the year too when it is not this year's."""
    return local_day(at)


def live_name(view: Any, exercise_mode: bool) -> str:
    """A real risk point or shelter listed during an exercise says so (exercise_view.py)."""
    return f"● {live_words()} · {view.name}" if marked_live(view.exercise, exercise_mode) else view.name


class RowsModel(QAbstractTableModel):
    """Frozen views as rows; ``tint`` colours a whole row (overdue, full)."""

    def __init__(self, columns: list[Column], tint: Callable[[Any], QColor | None]) -> None:
        super().__init__()
        self.columns, self.tint, self.rows = columns, tint, []  # type: ignore[var-annotated]

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.tint(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == record_id), -1)


class RecordPanel(QWidget):
    """A table with a few buttons; subclasses say which service and which columns, and why
    their buttons may be refused (``refusal``: the role; ``choose``: no record selected)."""

    # a row was selected: carries lat, lon so the map can centre there
    locate_requested = Signal(float, float)
    topic = ""
    refusal = ""
    choose = ""

    def __init__(
        self,
        services: MapServices,
        bridge: PostBridge | None,
        model: RowsModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.model = services, model
        self._acting: list[QWidget] = []  # what acts on the selected record (update_actions)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().currentRowChanged.connect(self.update_actions)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        if bridge is not None:
            bridge.map_event.connect(self._event)
            bridge.exercise_changed.connect(self._view_changed)
            bridge.records_purged.connect(self._view_changed)
            bridge.shift_changed.connect(self.update_actions)
        self.reload()

    def load(self) -> list[Any]:
        raise NotImplementedError

    def may_edit(self) -> bool:
        raise NotImplementedError

    @Slot()
    def update_actions(self) -> None:
        """The role's refusal first, then what to choose; enabled when neither applies."""
        reason = first_reason(
            (self.may_edit(), tr(self.refusal)), (self.current() is not None, tr(self.choose))
        )
        for control in self._acting:
            allow(control, reason)

    @Slot()
    def reload(self) -> None:
        """Reload the rows, keeping the selected record selected (without re-centring the map)."""
        selected = self.current()
        try:
            self.model.set_rows(self.load())
        except OpsError as exc:
            show_error(self, exc)
            return
        row = self.model.row_of(selected.id) if selected is not None else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        self.update_actions()  # the selected record may be gone

    @Slot(object)
    def _event(self, event: Event) -> None:
        if event.topic == self.topic:
            self.reload()

    @Slot()
    def _view_changed(self, *_args: object) -> None:
        """Exercise switched or purged: the view changed too."""
        self.reload()

    def current(self) -> Any:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    @Slot(str, int)
    def select(self, kind: str, record_id: int) -> None:
        """Select the record the map reports as clicked (``MapWidget.object_activated``)."""
        row = self.model.row_of(record_id)
        if kind == self.kind and row >= 0:
            self.table.selectRow(row)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.rows[current.row()]
            self.locate_requested.emit(row.lat, row.lon)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """A button that acts on the selected record."""
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        self._acting.append(button)
        return button


class RiskRegisterPanel(RecordPanel):
    """Risk points, highest level first; overdue inspections in red."""

    topic, kind = risk_mod.CHANGED, "risk"
    refusal = QT_TRANSLATE_NOOP("Map", "A viewer can read the risk register but not change it.")
    choose = QT_TRANSLATE_NOOP("Map", "Select a risk point in the list first.")

    def __init__(
        self, services: MapServices, bridge: PostBridge | None = None, parent: QWidget | None = None
    ) -> None:
        columns: list[Column] = [
            (tr("Risk point"), lambda r: live_name(r, services.risks.exercise_mode)),
            (tr("Kind"), lambda r: r.kind.label),
            (tr("Level"), lambda r: r.level.label),
            (tr("Mitigation"), lambda r: r.mitigation.label),
            (
                tr("Inspection due"),
                lambda r: (tr("OVERDUE ") if r.is_overdue() else "") + _day(r.inspection_due),
            ),
        ]
        super().__init__(
            services, bridge, RowsModel(columns, lambda r: OVERDUE_BG if r.is_overdue() else None), parent
        )
        self.setObjectName("riskRegister")
        self.summary = QLabel()
        self.buttons.addWidget(self.summary, 1)
        self._button(tr("Log inspection…"), self.log_inspection)
        self._button(tr("Edit…"), self.edit)
        self.reload()

    def may_edit(self) -> bool:
        return self.services.risks.may_edit

    def load(self) -> list[Any]:
        rows = self.services.risks.list()
        if hasattr(self, "summary"):
            overdue = sum(r.is_overdue(utc_now()) for r in rows)
            self.summary.setText(tr("{n} risk points, {o} overdue").format(n=len(rows), o=overdue))
        return rows

    def log_inspection(self) -> InspectionDialog | None:
        risk = self.current()
        if risk is None:
            return None
        dialog = InspectionDialog(
            lambda d: self.services.risks.log_inspection(risk.id, d[0], d[1], d[2]), risk, self
        )
        dialog.open()
        return dialog

    def edit(self) -> RiskDialog | None:
        risk = self.current()
        if risk is None:
            return None
        dialog = RiskDialog(
            lambda d: self.services.risks.update(risk.id, risk.version, d), risk.lat, risk.lon, risk, self
        )
        dialog.open()
        return dialog


def _people(s: Any) -> str:
    """ "120 / 100 — 20 over" when a shelter holds more than its places (shown, never hidden)."""
    words = f"{s.occupancy} / {s.capacity}"
    if s.occupancy > s.capacity:
        words += tr(" — {n} over").replace("{n}", str(s.occupancy - s.capacity))
    return words


def _shelter_tint(s: Any) -> QColor | None:
    if s.occupancy > s.capacity:
        return QColor("#f4b6b6")  # over capacity: stronger than full
    return QColor(SHELTER_COLOURS["full"]).lighter(175) if s.status.value == "full" else None


class ShelterPanel(RecordPanel):
    """Shelters with capacity and occupancy; the count is updated in one action."""

    topic, kind = shelter_mod.CHANGED, "shelter"
    refusal = QT_TRANSLATE_NOOP("Map", "A viewer can read the shelters but not change them.")
    choose = QT_TRANSLATE_NOOP("Map", "Select a shelter in the list first.")

    def __init__(
        self, services: MapServices, bridge: PostBridge | None = None, parent: QWidget | None = None
    ) -> None:
        columns: list[Column] = [
            (tr("Shelter"), lambda s: live_name(s, services.shelters.exercise_mode)),
            (tr("Status"), lambda s: s.status.label),
            (tr("People"), _people),
            (tr("Free"), lambda s: s.free),
            (tr("Facilities"), lambda s: ", ".join(s.facilities)),
        ]
        tint = _shelter_tint
        super().__init__(services, bridge, RowsModel(columns, tint), parent)
        self.setObjectName("shelterPanel")
        self.buttons.addWidget(QLabel(tr("People now:")))
        self.count = QSpinBox()
        self.count.setObjectName("occupancy")
        self.count.setRange(0, shelter_mod.MAX_PEOPLE)
        self.count.setKeyboardTracking(False)
        self.count.lineEdit().returnPressed.connect(self.apply_count)
        self.buttons.addWidget(self.count)
        self._acting.append(self.count)
        self._button(tr("Set"), self.apply_count)
        self.buttons.addStretch(1)
        self._button(tr("Edit…"), self.edit)
        self.update_actions()

    def may_edit(self) -> bool:
        return self.services.shelters.may_edit

    def load(self) -> list[Any]:
        return self.services.shelters.list()

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        super()._row_changed(current, previous)
        if current.isValid() and hasattr(self, "count"):
            self.count.setValue(self.model.rows[current.row()].occupancy)

    @Slot()
    def apply_count(self) -> QMessageBox | None:
        """Set the count; a count above capacity is asked about first (returned box, also ``box``)."""
        shelter = self.current()
        if shelter is None:
            return None
        count = self.count.value()
        if count > shelter.capacity:
            self.box = QMessageBox(
                QMessageBox.Icon.Warning,
                tr("Over capacity"),
                tr("{name} has places for {cap}. Record {n} people there anyway ({over} over capacity)?")
                .replace("{name}", shelter.name)
                .replace("{cap}", str(shelter.capacity))
                .replace("{n}", str(count))
                .replace("{over}", str(count - shelter.capacity)),
                QMessageBox.StandardButton.Cancel,
                self,
            )
            self.box.setObjectName("overCapacity")
            record = self.box.addButton(
                tr("Record {n}").replace("{n}", str(count)), QMessageBox.ButtonRole.AcceptRole
            )
            record.clicked.connect(self._record_count)
            self.box.open()
            return self.box
        self._record_count()
        return None

    @Slot()
    def _record_count(self) -> None:
        shelter = self.current()
        if shelter is None:
            return
        try:
            self.services.shelters.set_occupancy(shelter.id, self.count.value(), shelter.version)
        except OpsError as exc:
            show_error(self, exc)
            self.reload()
            return
        row = self.model.row_of(shelter.id)
        if row >= 0:
            self.table.selectRow(row)

    def edit(self) -> ShelterDialog | None:
        shelter = self.current()
        if shelter is None:
            return None
        dialog = ShelterDialog(
            lambda d: self.services.shelters.update(shelter.id, shelter.version, d),
            shelter.lat,
            shelter.lon,
            shelter,
            self,
        )
        dialog.open()
        return dialog
