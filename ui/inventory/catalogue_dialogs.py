"""Forms for what the stock table is made of: a new item, a new location, and a resource
request recorded by hand (from the phone, a runner, or a radio call).

Each form keeps what was typed when the service refuses it and shows the service's words
under the form, like every other form in the console.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Priority
from ops_console.errors import ValidationError
from ops_console.inventory import InventoryService
from ops_console.inventory.views import LocationKind, RequestDraft
from ops_console.said import N_, said
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.theme import set_ink


class _Form(GuardedDialog):
    """A form whose OK runs ``save``; refusals are shown in a red line, the form stays open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        set_ink(self.problem, "problem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.save: Callable[[], object] = lambda: None

    def accept(self) -> None:
        try:
            self.save()
        except ValidationError as exc:
            self.problem.setText("\n".join(exc.problems.values()))
            return
        except KNOWN_ERRORS as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


class AddItemDialog(_Form):
    def __init__(self, inventory: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New stock item"), parent)
        self.setObjectName("addItemDialog")
        self.name, self.unit, self.barcode = QLineEdit(), QLineEdit("each"), QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(inventory.categories())
        self.critical = QCheckBox(self.tr("Critical (its shortage endangers people)"))
        for label, widget in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Category:"), self.category),
            (self.tr("&Unit:"), self.unit),
            (self.tr("&Barcode:"), self.barcode),
            ("", self.critical),
        ):
            self.form.addRow(label, widget)
        self.save = lambda: inventory.add_item(
            self.name.text(),
            self.category.currentText(),
            self.unit.text() or "each",
            critical=self.critical.isChecked(),
            barcode=self.barcode.text().strip() or None,
        )


class AddLocationDialog(_Form):
    def __init__(self, inventory: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New stock location"), parent)
        self.setObjectName("addLocationDialog")
        self.name, self.lat, self.lon = QLineEdit(), QLineEdit(), QLineEdit()
        self.lat.setPlaceholderText(self.tr("optional, e.g. 30.260000"))
        self.lon.setPlaceholderText(self.tr("optional, e.g. 120.170000"))
        self.kind = QComboBox()
        for kind in LocationKind:
            self.kind.addItem(kind.label, kind)
        for label, widget in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Kind:"), self.kind),
            (self.tr("&Latitude:"), self.lat),
            (self.tr("L&ongitude:"), self.lon),
        ):
            self.form.addRow(label, widget)
        self.save = lambda: inventory.add_location(
            self.name.text(),
            self.kind.currentData(),
            lat=_number(self.lat.text(), "lat"),
            lon=_number(self.lon.text(), "lon"),
        )


class RequestDialog(_Form):
    """ICS-213RR in spirit: who asks, what, how many, how urgent, by when, delivered where."""

    def __init__(
        self, inventory: InventoryService, parent: QWidget | None = None, *, item_id: int | None = None
    ) -> None:
        super().__init__(self.tr("New resource request"), parent)
        self.setObjectName("requestDialog")
        self.requested_by, self.deliver_to = QLineEdit(), QLineEdit()
        self.requested_by.setPlaceholderText(self.tr("who asks: a team, a shelter lead, a callsign"))
        self.item = QComboBox()
        for item in inventory.items():
            self.item.addItem(f"{item.name} ({item.unit})", item.id)
        if item_id is not None and self.item.findData(item_id) >= 0:  # the stock row chosen, as Receive does
            self.item.setCurrentIndex(self.item.findData(item_id))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 1_000_000)
        self.priority = QComboBox()
        for priority in sorted(Priority, reverse=True):
            self.priority.addItem(priority.label, priority)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
        self.needed_by = QDateTimeEdit(QDateTime.currentDateTime().addSecs(2 * 3600))
        self.needed_by.setCalendarPopup(True)
        self.needed_by.setDisplayFormat("yyyy-MM-dd HH:mm")
        for label, widget in (
            (self.tr("&Requested by:"), self.requested_by),
            (self.tr("&Item:"), self.item),
            (self.tr("&Quantity:"), self.quantity),
            (self.tr("&Priority:"), self.priority),
            (self.tr("&Needed by:"), self.needed_by),
            (self.tr("&Deliver to:"), self.deliver_to),
        ):
            self.form.addRow(label, widget)
        self.save = lambda: inventory.create_request(self.draft())

    def draft(self) -> RequestDraft:
        needed = self.needed_by.dateTime().toSecsSinceEpoch()
        return RequestDraft(
            requested_by=self.requested_by.text().strip(),
            item_id=self.item.currentData() or 0,
            quantity=self.quantity.value(),
            priority=self.priority.currentData(),
            needed_by=datetime.fromtimestamp(needed, timezone.utc),
            deliver_to_text=self.deliver_to.text().strip(),
        )


def _number(text: str, field: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValidationError(
            {field: said(N_("{text} is not a number of degrees."), text=repr(text))}
        ) from None
