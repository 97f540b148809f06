"""Small forms for the map's records: risk point, inspection, shelter, zone.

Each dialog is handed a ``save`` callable that calls the service; a refused save
(validation, permission, conflict) shows the service's words and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ops_console.errors import OpsError
from ops_console.mapping.risks import Mitigation, RiskDraft, RiskKind, RiskLevel, RiskView
from ops_console.mapping.shelters import ShelterDraft, ShelterStatus, ShelterView
from ops_console.mapping.zones import ZoneDraft, ZoneKind
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.messages import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


def _combo(enum: Any, current: Any) -> QComboBox:
    """A combo of an enum's members; ``chosen(box)`` gives the member back (Qt returns plain values)."""
    box = QComboBox()
    members = list(enum)
    for member in members:
        box.addItem(member.label)
    box.setCurrentIndex(max(0, members.index(current) if current in members else 0))
    box.members = members  # type: ignore[attr-defined]
    return box


def chosen(box: QComboBox) -> Any:
    return box.members[box.currentIndex()]  # type: ignore[attr-defined]


def _coord(value: float, lo: float, hi: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(6)
    box.setRange(lo, hi)
    box.setValue(value)
    return box


class RecordDialog(GuardedDialog):
    """A form whose OK calls ``save(draft)``; errors keep the dialog open."""

    def __init__(self, title: str, save: Callable[[Any], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.result_view: Any = None
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self) -> None:
        self.form.addRow(self.buttons)

    def draft(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_view = self._save(self.draft())
        except OpsError as exc:
            show_error(self, exc)
            return
        super().accept()


class RiskDialog(RecordDialog):
    def __init__(
        self,
        save: Callable[[RiskDraft], Any],
        lat: float,
        lon: float,
        current: RiskView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Edit risk point") if current else tr("New risk point"), save, parent)
        self.setObjectName("riskDialog")
        d = (
            current.draft()
            if current
            else RiskDraft("", RiskKind.FLOOD_PRONE_LANE, RiskLevel.MEDIUM, lat, lon)
        )
        self.name = QLineEdit(d.name)
        self.kind, self.level = _combo(RiskKind, d.kind), _combo(RiskLevel, d.level)
        self.mitigation = _combo(Mitigation, d.mitigation)
        self.lat, self.lon = _coord(d.lat, -90, 90), _coord(d.lon, -180, 180)
        self.every = QSpinBox()
        self.every.setRange(1, 3650)
        self.every.setValue(d.inspect_every_days)
        self.every.setSuffix(tr(" days"))
        self.notes = QPlainTextEdit(d.notes)
        self.notes.setFixedHeight(70)
        for label, widget in (
            (tr("Name"), self.name),
            (tr("Kind"), self.kind),
            (tr("Level"), self.level),
            (tr("Latitude"), self.lat),
            (tr("Longitude"), self.lon),
            (tr("Inspect every"), self.every),
            (tr("Mitigation"), self.mitigation),
            (tr("Notes"), self.notes),
        ):
            self.form.addRow(label, widget)
        self.finish_form()

    def draft(self) -> RiskDraft:
        return RiskDraft(
            self.name.text(),
            chosen(self.kind),
            chosen(self.level),
            self.lat.value(),
            self.lon.value(),
            self.notes.toPlainText(),
            self.every.value(),
            chosen(self.mitigation),
        )


class InspectionDialog(RecordDialog):
    """Log a visit: what was found, the level now, and the mitigation's state."""

    def __init__(
        self,
        save: Callable[[tuple[str, RiskLevel, Mitigation]], Any],
        risk: RiskView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Log inspection: {name}").format(name=risk.name), save, parent)
        self.setObjectName("inspectionDialog")
        self.finding = QPlainTextEdit()
        self.finding.setFixedHeight(80)
        self.level, self.mitigation = _combo(RiskLevel, risk.level), _combo(Mitigation, risk.mitigation)
        self.form.addRow(tr("Finding"), self.finding)
        self.form.addRow(tr("Level now"), self.level)
        self.form.addRow(tr("Mitigation"), self.mitigation)
        self.finish_form()

    def draft(self) -> tuple[str, RiskLevel, Mitigation]:
        return self.finding.toPlainText(), chosen(self.level), chosen(self.mitigation)


class ShelterDialog(RecordDialog):
    def __init__(
        self,
        save: Callable[[ShelterDraft], Any],
        lat: float,
        lon: float,
        current: ShelterView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Edit shelter") if current else tr("New shelter"), save, parent)
        self.setObjectName("shelterDialog")
        self.name = QLineEdit(current.name if current else "")
        self.lat = _coord(current.lat if current else lat, -90, 90)
        self.lon = _coord(current.lon if current else lon, -180, 180)
        self.capacity, self.occupancy = QSpinBox(), QSpinBox()
        self.capacity.setRange(1, 100_000)
        self.occupancy.setRange(0, 100_000)
        self.capacity.setValue(current.capacity if current else 100)
        self.occupancy.setValue(current.occupancy if current else 0)
        self.status = _combo(ShelterStatus, current.status if current else ShelterStatus.OPEN)
        self.facilities = QLineEdit(", ".join(current.facilities) if current else "")
        self.facilities.setPlaceholderText(tr("beds, kitchen, accessible toilets, generator"))
        self.contact = QLineEdit(current.contact if current else "")
        for label, widget in (
            (tr("Name"), self.name),
            (tr("Latitude"), self.lat),
            (tr("Longitude"), self.lon),
            (tr("Capacity"), self.capacity),
            (tr("Occupancy"), self.occupancy),
            (tr("Status"), self.status),
            (tr("Facilities"), self.facilities),
            (tr("Contact"), self.contact),
        ):
            self.form.addRow(label, widget)
        self.finish_form()

    def draft(self) -> ShelterDraft:
        facilities = tuple(f.strip() for f in self.facilities.text().split(",") if f.strip())
        return ShelterDraft(
            self.name.text(),
            self.lat.value(),
            self.lon.value(),
            self.capacity.value(),
            self.occupancy.value(),
            chosen(self.status),
            facilities,
            self.contact.text(),
        )


class ZoneDialog(RecordDialog):
    """Name a zone just drawn on the map (polygon corners or circle already known)."""

    def __init__(
        self,
        save: Callable[[ZoneDraft], Any],
        ring: tuple[tuple[float, float], ...] = (),
        centre: tuple[float, float] | None = None,
        radius_m: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("New zone"), save, parent)
        self.setObjectName("zoneDialog")
        self.ring, self.centre, self.radius_m = ring, centre, radius_m
        self.name = QLineEdit()
        self.kind = _combo(ZoneKind, ZoneKind.EVACUATION)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("Kind"), self.kind)
        self.form.addRow(tr("What residents must do"), self.notes)
        self.finish_form()

    def draft(self) -> ZoneDraft:
        return ZoneDraft(
            self.name.text(),
            chosen(self.kind),
            self.ring,
            self.centre,
            self.radius_m,
            self.notes.toPlainText(),
        )
