"""The request queue: field requests, most urgent first, with approve, deny and fulfil.

Split from the panel because deciding on requests is its own job (often another
person's than keeping the stores). Every decision goes through InventoryService;
``changed`` tells the panel to read the picture again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ops_console.domain import Priority
from ops_console.inventory import InventoryService, RequestView
from ops_console.inventory.views import RequestStatus
from ops_console.ui.common.column_widths import fit_columns
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.formatting import samples
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.inventory.dialogs import FulfilDialog
from ops_console.ui.inventory.model import RequestQueueModel
from ops_console.ui.inventory.stock_view import plain_table


def _widest(words: list[str]) -> str:
    return max(words, key=len)


class RequestQueue(QWidget):
    """The queue table and its three decisions; buttons follow the operator's rights."""

    # a request was decided or (partly) fulfilled
    changed = Signal()

    def __init__(self, inventory: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inventory = inventory
        self.model = RequestQueueModel(self)
        self.table = plain_table(self.model, "requestQueue")
        self.table.setSortingEnabled(False)
        tr = lambda t: QCoreApplication.translate("RequestQueueModel", t)  # noqa: E731
        fit_columns(  # open requests show Priority and Status in bold
            self.table,
            (
                "9999",
                "■■■■ " + _widest([tr(p.label) for p in Priority]),
                150,  # with the quantity and status, in a 1280-pixel screen's dock
                "1,000 / 1,000 boxes",
                _widest([tr(s.label) for s in RequestStatus]),
                220,
                samples("short"),
                samples("short"),
            ),
            bold=True,
        )
        self.approve_button = QPushButton(self.tr("Approve"))
        self.deny_button = QPushButton(self.tr("Deny…"))
        self.fulfil_button = QPushButton(self.tr("Fulfil…"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.deny_button.clicked.connect(self.deny_selected)
        self.fulfil_button.clicked.connect(self.fulfil_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self._can = False
        # a heading on the buttons' row, not a tab of its own: at 1280x720 the tab bar and
        # its frame left one request in sight of three open ones
        self.heading = QLabel(objectName="requestsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading)
        buttons.addSpacing(8)
        for button in (self.approve_button, self.deny_button, self.fulfil_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def set_requests(self, requests: list[RequestView]) -> None:
        self.model.set_rows(requests)
        waiting = sum(1 for r in requests if r.status.is_open)
        self.heading.setText(
            self.tr("Requests · {n} open").replace("{n}", str(waiting)) if waiting else self.tr("Requests")
        )
        self.update_actions()

    def update_actions(self, can: bool | None = None) -> None:
        """Enable what the selected request's state allows, if the operator may decide."""
        self._can = self._can if can is None else can
        request, can = self.selected_request(), self._can
        state = request.status.value if request is not None else ""
        role = (can, self.tr("Only logistics staff, supervisors and administrators decide requests."))
        chosen = (request is not None, self.tr("Select a request in the list first."))
        allow(
            self.approve_button,
            first_reason(
                role, chosen, (state == "requested", self.tr("Only a new request can be approved."))
            ),
        )
        allow(
            self.deny_button,
            first_reason(
                role,
                chosen,
                (
                    state in ("requested", "approved"),
                    self.tr("Only a new or approved request can be denied."),
                ),
            ),
        )
        allow(
            self.fulfil_button,
            first_reason(
                role,
                chosen,
                (
                    state in ("approved", "partly_fulfilled"),
                    self.tr("Approve the request before fulfilling it."),
                ),
            ),
        )

    def selected_request(self) -> RequestView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.request_at(rows[0].row()) if rows else None

    @Slot()
    def approve_selected(self) -> None:
        request = self.selected_request()
        if request is not None:
            self._decide(lambda: self.inventory.approve(request.id, request.version))

    @Slot()
    def deny_selected(self) -> None:
        request = self.selected_request()
        if request is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Deny request #%1").replace("%1", str(request.id)),
            self.tr("Reason (the field will be told):"),
        )
        if ok:
            self._decide(lambda: self.inventory.deny(request.id, request.version, reason))

    @Slot()
    def fulfil_selected(self) -> FulfilDialog | None:
        request = self.selected_request()
        if request is None:
            return None
        dialog = FulfilDialog(self.inventory, request, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(self.changed)
        dialog.open()
        return dialog

    def _decide(self, action: Callable[[], object]) -> None:
        try:
            action()
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
        self.changed.emit()
