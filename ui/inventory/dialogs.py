"""The movement form, built for a keyboard-wedge barcode scanner, and the fulfil form.

A scanner types the code and presses Enter: the item is selected and the cursor jumps
to the quantity; typing the quantity and Enter records the movement. Problems the
service reports are shown in the dialog, which stays open with everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ops_console.errors import OpsError, ValidationError
from ops_console.inventory import MAX_QUANTITY, InventoryService, MovementDraft, MovementKind, RequestView
from ops_console.ui.common.discard_guard import GuardedDialog
from ops_console.ui.common.formatting import number
from ops_console.ui.common.known_errors import KNOWN_ERRORS

SIDES = {
    MovementKind.RECEIVE: (False, True),
    MovementKind.ISSUE: (True, False),
    MovementKind.TRANSFER: (True, True),
    MovementKind.RETURN: (False, True),
    MovementKind.CONSUME: (True, False),
    MovementKind.ADJUST: (True, False),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("MovementDialog", text)


def _problem_text(exc: Exception) -> str:
    return "\n".join(exc.problems.values()) if isinstance(exc, ValidationError) else str(exc)


class MovementDialog(GuardedDialog):
    """Record one movement; ``recorded`` fires with the MovementViews written."""

    # the movement was written: carries the list of MovementView
    recorded = Signal(object)

    def __init__(
        self,
        inventory: InventoryService,
        kind: MovementKind,
        parent: QWidget | None = None,
        *,
        item_id: int | None = None,
        location_id: int | None = None,
        teams: list[tuple[int, str]] = (),
        incidents: list[tuple[int, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("movementDialog")
        self._inv = inventory
        self.setWindowTitle(tr(kind.label) + tr(" stock"))
        self.kind = QComboBox(self)
        for k in MovementKind:
            self.kind.addItem(tr(k.label), k)
        self.kind.setCurrentIndex(list(MovementKind).index(kind))
        self.barcode = QLineEdit(self)
        self.barcode.setObjectName("barcode")
        self.barcode.setPlaceholderText(tr("Scan a barcode or type a name, then Enter"))
        self.item = QComboBox(self)
        for view in inventory.items():
            self.item.addItem(f"{view.name} ({view.unit})", view.id)
        self.source, self.target = QComboBox(self), QComboBox(self)
        for view in inventory.locations():
            self.source.addItem(view.name, view.id)
            self.target.addItem(view.name, view.id)
        self.team = QComboBox(self)
        self.team.addItem(tr("— no team —"), None)
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        self.incident = QComboBox(self)  # stock issued to an incident (sandbags for the flooded lane)
        self.incident.setObjectName("incident")
        self.incident.addItem(tr("— no incident —"), None)
        for incident_id, title in incidents:
            self.incident.addItem(f"#{incident_id} {title}", incident_id)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setGroupSeparatorShown(True)
        self.direction = QComboBox(self)
        self.direction.addItem(tr("Remove (−)"), -1)
        self.direction.addItem(tr("Add (+)"), 1)
        self.lot = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        if item_id is not None:
            self.item.setCurrentIndex(max(self.item.findData(item_id), 0))
        if location_id is not None:
            self.source.setCurrentIndex(max(self.source.findData(location_id), 0))
            self.target.setCurrentIndex(max(self.target.findData(location_id), 0))
        self.form = QFormLayout()
        for label, widget in (
            (tr("Movement"), self.kind),
            (tr("Barcode"), self.barcode),
            (tr("Item"), self.item),
            (tr("From"), self.source),
            (tr("To"), self.target),
            (tr("Direction"), self.direction),
            (tr("Team"), self.team),
            (tr("Incident"), self.incident),
            (tr("Quantity"), self.quantity),
            (tr("Lot"), self.lot),
            (tr("Reason"), self.reason),
        ):
            self.form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.barcode.installEventFilter(self)
        self.kind.currentIndexChanged.connect(self._update_fields)
        self._update_fields()
        self.barcode.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_scanned(self) -> None:
        """The scanner's Enter: pick the item and move on to the quantity."""
        view = self._inv.item_by_code(self.barcode.text())
        if view is None:
            self._show(tr("No item has the barcode or name “%1”.").replace("%1", self.barcode.text().strip()))
            self.barcode.selectAll()
            return
        self.item.setCurrentIndex(self.item.findData(view.id))
        self.problem.hide()
        self.quantity.setFocus(Qt.FocusReason.OtherFocusReason)
        self.quantity.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Enter in the barcode field is the scanner's end of code: it selects the item and
        is consumed here, so it never reaches the dialog's default button and saves early."""
        if (
            watched is self.barcode
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):  # type: ignore[attr-defined]
            self.on_scanned()
            return True
        return super().eventFilter(watched, event)

    def current_kind(self) -> MovementKind:
        return self.kind.currentData()

    @Slot()
    def _update_fields(self) -> None:
        kind = self.current_kind()
        takes, puts = SIDES[kind]
        for widget, shown in (
            (self.source, takes or kind == MovementKind.ADJUST),
            (self.target, puts),
            (self.direction, kind == MovementKind.ADJUST),
            (self.team, kind in (MovementKind.ISSUE, MovementKind.RETURN)),
            (self.incident, kind == MovementKind.ISSUE),
        ):
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)
        self.form.labelForField(self.source).setText(tr("At") if kind == MovementKind.ADJUST else tr("From"))

    def draft(self) -> MovementDraft:
        kind, takes_puts = self.current_kind(), SIDES[self.current_kind()]
        source = self.source.currentData() if takes_puts[0] else None
        target = self.target.currentData() if takes_puts[1] else None
        if kind == MovementKind.ADJUST and self.direction.currentData() > 0:
            source, target = None, self.source.currentData()
        return MovementDraft(
            kind,
            self.item.currentData(),
            self.quantity.value(),
            source,
            target,
            lot=self.lot.text().strip(),
            reason=self.reason.text(),
            team_id=self.team.currentData() if kind in (MovementKind.ISSUE, MovementKind.RETURN) else None,
            incident_id=self.incident.currentData() if kind == MovementKind.ISSUE else None,
        )

    def accept(self) -> None:
        try:
            views = self._inv.record(self.draft())
        except KNOWN_ERRORS as exc:
            self._show(_problem_text(exc))
            return
        self.recorded.emit(views)
        super().accept()

    def _show(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class FulfilDialog(GuardedDialog):
    """Deliver (part of) an approved request from a chosen location."""

    # the request was (partly) fulfilled: carries the list of MovementView
    recorded = Signal(object)

    def __init__(
        self, inventory: InventoryService, request: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fulfilDialog")
        self._inv, self.request = inventory, request
        self.setWindowTitle(tr("Fulfil request #%1").replace("%1", str(request.id)))
        self.source = QComboBox(self)
        stock = {
            lv.location_id: lv.quantity
            for lv in inventory.levels(rate_days=None)
            if lv.item_id == request.item_id
        }
        for view in inventory.locations():
            if stock.get(view.id, 0) > 0 and view.id != request.deliver_to_location_id:
                self.source.addItem(f"{view.name} ({number(stock[view.id])} {request.unit})", view.id)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, max(request.outstanding, 1))
        self.quantity.setValue(max(request.outstanding, 1))
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(
            tr("Request"),
            QLabel(f"{number(request.quantity)} {request.unit} {request.item_name} → {request.deliver_to}"),
        )
        form.addRow(tr("From"), self.source)
        form.addRow(tr("Quantity"), self.quantity)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            if self.source.currentData() is None:
                raise OpsError(tr("No location has this item in stock."))
            views = self._inv.fulfil(self.request.id, self.source.currentData(), self.quantity.value())
        except KNOWN_ERRORS as exc:
            self.problem.setText(_problem_text(exc))
            self.problem.show()
            return
        self.recorded.emit(views)
        super().accept()
