"""The radio panel's right-hand tabs: nodes heard (with the signal plot) and the outbox.

Split from panel.py to keep each file about one thing; the panel tells these tabs when
to refresh, and they call RadioService for cancel/resend themselves.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Permission
from ops_console.post import Post
from ops_console.radio.links import LinkStatus
from ops_console.radio.outbox import RESENDABLE
from ops_console.radio.views import MessageView
from ops_console.ui.common.column_widths import fit_columns, fit_width
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.formatting import decimal
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.radio.tables import NodesModel, OutboxModel


def make_table(name: str, model: object) -> QTableView:
    """A read-only, row-selecting table with fixed row heights (never measures 500k rows)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    return table


OUTBOX_SAMPLES = ("00:00:00", "SHELTER-B", "999", "Emergency", "Sent · next try 00:00:00", "3")
"""The widest text each outbox column usually shows (the last column, the message, stretches)."""
NODE_SAMPLES = ("RESCUE-12", "!9a2b3c03", "00:00:00", "-120 dBm", "-12.5 dB", "100 %")


class RadioSideTabs(QTabWidget):
    """Nodes (+ RSSI/SNR plot, pyqtgraph loaded on first use) and Outbox (+ cancel/resend)."""

    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioTabs")
        self.post = post
        self.outbox_model, self.nodes_model = OutboxModel(self), NodesModel(self)
        self.plot = None
        self.outbox_table = make_table("radioOutbox", self.outbox_model)
        fit_columns(self.outbox_table, OUTBOX_SAMPLES)
        self.outbox_table.selectionModel().selectionChanged.connect(self.update_actions)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="outboxCancel")
        self.resend_button = QPushButton(self.tr("Resend"), objectName="outboxResend")
        self.cancel_button.clicked.connect(lambda: self.outbox_action("cancel"))
        self.resend_button.clicked.connect(lambda: self.outbox_action("resend"))
        self.budget_label = QLabel(objectName="outboxBudget")
        self.budget_label.setWordWrap(True)
        self.nodes_table = make_table("radioNodes", self.nodes_model)
        fit_columns(self.nodes_table, NODE_SAMPLES)
        self.nodes_table.selectionModel().selectionChanged.connect(self.show_node_signal)
        self.plot_holder = QVBoxLayout()
        self.plot_hint = QLabel(self.tr("Choose a node to plot its RSSI and SNR."), objectName="plotHint")
        self.plot_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plot_holder.addWidget(self.plot_hint)

        nodes = QWidget()
        nv = QVBoxLayout(nodes)
        nv.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.nodes_table)
        plot_box = QWidget()
        plot_box.setLayout(self.plot_holder)
        split.addWidget(plot_box)
        split.setSizes([200, 220])
        nv.addWidget(split)
        outbox = QWidget()
        ov = QVBoxLayout(outbox)
        ov.setContentsMargins(4, 4, 4, 4)
        ov.addWidget(self.outbox_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        ov.addLayout(buttons)
        ov.addWidget(self.budget_label)
        self.addTab(nodes, self.tr("Nodes"))
        self.addTab(outbox, self.tr("Outbox"))
        self.update_actions()

    # --- refresh (called by the panel) --------------------------------------------
    def refresh_outbox(self) -> None:
        self.show_outbox(self.post.radio.outbox_list())

    def show_outbox(self, rows: list) -> None:  # type: ignore[type-arg]
        self.outbox_model.set_rows(rows)
        self.update_actions()

    def refresh_nodes(self) -> list[str]:
        """Re-read the nodes (keeping the selection); returns their calls for the compose box."""
        return self.show_nodes(self.post.radio.nodes())

    def show_nodes(self, nodes: list) -> list[str]:  # type: ignore[type-arg]
        """Show ``nodes`` (keeping the selection); returns their calls for the compose box."""
        selected = self.selected_node()
        self.nodes_model.set_rows(nodes)
        named = [n.shown for n in nodes if n.name]
        if named:  # a Meshtastic node's name with its call: wide enough for both (up to a point)
            fit_width(self.nodes_table, 0, self.nodes_table.columnWidth(0), max(named, key=len)[:40])
        for row, node in enumerate(nodes):
            if node.addr == selected:
                self.nodes_table.selectRow(row)
                break
        return [n.callsign for n in nodes]

    def show_budget(self, links: Sequence[LinkStatus] = ()) -> None:
        """Airtime used per radio (each has its own duty-cycle budget), and why nothing goes out."""
        sender = links[0] if links else None  # every link reports the one sender's state
        counted = [s for s in links if s.kind == "lora"]  # a Meshtastic node keeps its own duty cycle
        if counted:
            used = [(s.name, s.airtime_used, s.airtime_budget) for s in counted]
        elif not links:
            budget = self.post.radio.outbox.budget
            used = [("", budget.used(time.monotonic()), budget.budget)]
        else:
            used = []
        text = (
            self.tr("Airtime used this hour: ")
            + " · ".join(
                self.tr("{link}{used} s of {budget} s")
                .replace("{link}", f"{name} " if len(used) > 1 else "")
                .replace("{used}", decimal(seconds))
                .replace("{budget}", decimal(allowed, 0))
                for name, seconds, allowed in used
            )
            if used
            else self.tr("Airtime: the Meshtastic node keeps its own duty cycle")
        )
        if sender is not None and sender.waiting_for == "budget" and sender.next_slot_in is not None:
            text += self.tr(" — budget spent, next slot in {s} s").replace(
                "{s}", decimal(sender.next_slot_in, 0)
            )
        elif sender is not None and sender.waiting_for == "link":
            text += self.tr(" — waiting for the radio link")
        self.budget_label.setText(text)

    # --- selection and actions ----------------------------------------------------
    def selected_node(self) -> int | None:
        rows = self.nodes_table.selectionModel().selectedRows()
        return (
            self.nodes_model.rows[rows[0].row()].addr
            if rows and rows[0].row() < len(self.nodes_model.rows)
            else None
        )

    def selected_outbox(self) -> MessageView | None:
        rows = self.outbox_table.selectionModel().selectedRows()
        return (
            self.outbox_model.rows[rows[0].row()]
            if rows and rows[0].row() < len(self.outbox_model.rows)
            else None
        )

    @Slot()
    def update_actions(self) -> None:
        out = self.selected_outbox()
        state = out.status if out is not None else ""
        role = (
            self.post.shift.can(Permission.RADIO),
            self.tr("Only radio operators, supervisors and administrators handle radio traffic."),
        )
        chosen = (out is not None, self.tr("Select a message in the outbox first."))
        waiting = (
            state in ("queued", "sent"),
            self.tr("Only a message still queued or waiting for its acknowledgement can be cancelled."),
        )
        again = (
            state in RESENDABLE,
            self.tr(
                "A message is sent again only once it failed, was cancelled, or waits for its acknowledgement."
            ),
        )
        allow(self.cancel_button, first_reason(role, chosen, waiting))
        allow(self.resend_button, first_reason(role, chosen, again))

    def outbox_action(self, action: str, message_id: int | None = None) -> bool:
        """Cancel or resend an outbound message (audited by the service): the one selected
        here, or ``message_id`` (the comms log's Resend). Whether it was done."""
        if message_id is None:
            msg = self.selected_outbox()
            if msg is None:
                return False
            message_id = msg.id
        try:
            getattr(self.post.radio.outbox, action)(message_id)
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
            return False
        self.refresh_outbox()
        return True

    @Slot()
    def show_node_signal(self) -> None:
        """Plot RSSI and SNR of the chosen node (pyqtgraph is imported here, on first use)."""
        addr = self.selected_node()
        if addr is None:
            return
        from ops_console.ui.radio.signal_plot import SignalPlot

        if self.plot is None:
            self.plot = SignalPlot(self)
            self.plot_hint.hide()
            self.plot_holder.addWidget(self.plot)
        self.plot.show_history(addr, self.post.radio.signal_history(addr))
