"""The Devices dialog: the machine's serial ports, the configured radio devices with their
live state, and (admins only) add / remove; anyone may test a port.

Persistence and the admin check are in DeviceStore (Qt-free); the dialog only asks.
Test asks the hardware layer's probe on a job lane (short timeouts), so a dead port never
freezes the window.
Changes to the configured list take effect when the radio runtime next starts.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import Permission
from ops_console.errors import OpsError
from ops_console.hardware.lora.probe import list_ports, probe
from ops_console.hardware.protocols.reyax_at import DEFAULT_MODEL, MODELS
from ops_console.hardware.transport.serial_link import port_problem
from ops_console.post import Post
from ops_console.radio.device_store import DeviceStore
from ops_console.radio.devices import KINDS, DeviceSpec
from ops_console.radio.links import IN_TROUBLE, LinkStatus
from ops_console.said import N_, said, shown
from ops_console.ui.common.disabled import allow, first_reason
from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.common.screen_fit import resize_within_screen
from ops_console.ui.radio.status import state_words


def _kind(spec: DeviceSpec) -> str:
    """The Kind column: the kind and, for a LoRa modem, its model (``lora · RYLR998``)."""
    return f"{spec.kind} · {spec.model}" if spec.kind == "lora" else spec.kind


def _state(s: LinkStatus) -> str:
    """The State column: the state in words and, when it is in trouble, why (a port
    unplugged, permission denied, the key refused), in the reader's language."""
    words = state_words(s.state)
    if s.state not in IN_TROUBLE or not s.detail:
        return words
    return (
        QCoreApplication.translate("DevicesDialog", "{state}: {detail}")
        .replace("{state}", words)
        .replace("{detail}", shown(s.detail))
    )


class DevicesDialog(QDialog):
    """``DevicesDialog(post, parent).open()``."""

    def __init__(self, post: Post, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Radio devices"))
        self.post = post
        self.store = DeviceStore(post.shift)
        self._lane = JobLane("port-probe", max_threads=4, parent=self)
        self._testing = 0

        self.ports_table = self._table(
            "serialPorts", [self.tr("Device"), self.tr("Description"), self.tr("Hardware id")]
        )
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="refreshPorts")
        self.refresh_button.clicked.connect(self.refresh_ports)
        self.ports_table.itemSelectionChanged.connect(self._port_picked)
        ports_box = QGroupBox(self.tr("Serial ports on this machine"))
        pl = QVBoxLayout(ports_box)
        pl.addWidget(self.ports_table)
        self.no_ports = QLabel(
            self.tr(
                "No serial ports found. You can still type a path or a URL such as socket://127.0.0.1:7001."
            )
        )
        self.no_ports.setWordWrap(True)
        pl.addWidget(self.no_ports)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        pl.addLayout(row)

        self.devices_table = self._table(
            "configuredDevices",
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Port"),
                self.tr("Baud"),
                self.tr("State"),
                self.tr("Heard"),
                self.tr("Sent"),
                self.tr("Errors"),
                self.tr("Last error"),
            ],
        )
        self.devices_table.itemSelectionChanged.connect(self.update_actions)
        self.devices_table.itemSelectionChanged.connect(self.show_node_log)
        self.mesh_nodes = QPlainTextEdit(objectName="meshNodes", readOnly=True)
        self.mesh_nodes.setPlaceholderText(self.tr("Select a running Meshtastic node to see its mesh."))
        self.node_log = QPlainTextEdit(objectName="meshNodeLog", readOnly=True)
        self.node_log.setPlaceholderText(self.tr("…and here its latest debug log lines."))
        self.node_log.setMaximumBlockCount(400)
        self.node_log.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.kind_box = QComboBox(objectName="deviceKind")
        self.kind_box.addItems(list(KINDS))
        self.kind_box.currentTextChanged.connect(self._kind_picked)
        self.model_box = QComboBox(objectName="deviceModel")
        self.model_box.addItems(list(MODELS))
        self.model_box.setCurrentText(DEFAULT_MODEL)
        self.model_box.setToolTip(
            self.tr(
                "The REYAX modem model printed on the module. It decides the network key's length: "
                "32 hex digits on an RYLR896, 8 on an RYLR998."
            )
        )
        self.port_box = QComboBox(objectName="devicePort", editable=True)
        self.port_box.lineEdit().setPlaceholderText(self.tr("/dev/ttyUSB0 or socket://127.0.0.1:7001"))
        self.baud_box = QSpinBox(objectName="deviceBaud", minimum=300, maximum=4_000_000, value=115200)
        self.add_button = QPushButton(self.tr("Add"), objectName="addDevice")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeDevice")
        self.test_button = QPushButton(self.tr("Test"), objectName="testDevice")
        self.add_button.clicked.connect(self.add_device)
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.test_port)
        self.result_label = QLabel(objectName="testResult")
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind_box)
        form.addRow(self.tr("Model"), self.model_box)
        form.addRow(self.tr("Port"), self.port_box)
        form.addRow(self.tr("Baud"), self.baud_box)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.test_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        dev_box = QGroupBox(self.tr("Configured radio devices"))
        dl = QVBoxLayout(dev_box)
        dl.addWidget(self.devices_table, 3)
        mesh_row = QHBoxLayout()
        mesh_row.addWidget(self.mesh_nodes, 1)
        mesh_row.addWidget(self.node_log, 1)
        dl.addLayout(mesh_row, 2)
        dl.addLayout(form)
        dl.addLayout(buttons)
        dl.addWidget(self.result_label)
        self.note = QLabel(
            self.tr(
                "Saved in {path}. Added or removed devices are opened when the radio next starts."
            ).replace("{path}", str(self.store.path))
        )
        self.note.setWordWrap(True)
        dl.addWidget(self.note)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(ports_box, 2)
        layout.addWidget(dev_box, 3)
        layout.addWidget(close)
        resize_within_screen(self, 820, 640)

        self._live_status: dict = {}
        self._live = QTimer(self, interval=1000)
        self._live.timeout.connect(self.refresh_devices)
        self._live.start()
        self.refresh_ports()
        self.refresh_devices()
        self.update_actions()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers), objectName=name)
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        selected = table.currentRow()
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = table.item(r, c)
                if item is None:
                    table.setItem(r, c, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)
        if 0 <= selected < len(rows) and table.currentRow() != selected:
            table.selectRow(selected)

    @Slot()
    def refresh_ports(self) -> None:
        ports = list_ports()
        self._fill(self.ports_table, [list(p) for p in ports])
        self.no_ports.setVisible(not ports)
        typed = self.port_box.currentText()
        self.port_box.clear()
        self.port_box.addItems([p[0] for p in ports])
        self.port_box.setEditText(typed)

    def configured(self) -> list[DeviceSpec]:
        return self.store.list()

    @Slot()
    def refresh_devices(self) -> None:
        running = self.post.radio.radios_running
        live = {s.port: s for s in self.post.radio.link_status()}
        rows = []
        for spec in self.configured():
            s = live.get(spec.port)
            if s is None:
                state = self.tr("not running") if not running else self.tr("not open (restart the radio)")
                rows.append([spec.label, _kind(spec), spec.port, str(spec.baud), state, "", "", "", ""])
            else:
                rows.append(
                    [
                        spec.label,
                        _kind(spec),
                        spec.port,
                        str(spec.baud),
                        _state(s),
                        str(s.frames),
                        str(s.sent),
                        str(s.errors),
                        shown(s.last_error),
                    ]
                )
        stored = {spec.port for spec in self.configured()}
        for port, s in live.items():  # opened from config.toml, --device or --demo: shown, not managed here
            if port not in stored:
                rows.append(
                    [
                        s.label + self.tr(" (config file / command line)"),
                        s.kind,
                        port,
                        "",
                        _state(s),
                        str(s.frames),
                        str(s.sent),
                        str(s.errors),
                        shown(s.last_error),
                    ]
                )
        self._fill(self.devices_table, rows)
        self._live_status = live
        self.show_node_log()

    @Slot()
    def show_node_log(self) -> None:
        """A selected Meshtastic node's mesh (its node database) and its latest debug log lines."""
        row = self.devices_table.currentRow()
        item = self.devices_table.item(row, 2) if row >= 0 else None
        s = self._live_status.get(item.text()) if item is not None else None
        mesh = s is not None and s.kind == "meshtastic"
        nodes = "\n".join([self.tr("Nodes in the mesh:"), *map(shown, s.mesh_nodes)]) if mesh else ""  # type: ignore[union-attr]
        log_text = "\n".join([self.tr("Debug log:"), *s.node_log]) if mesh else ""  # type: ignore[union-attr]
        if self.mesh_nodes.toPlainText() != nodes:
            self.mesh_nodes.setPlainText(nodes)
        if self.node_log.toPlainText() != log_text:
            self.node_log.setPlainText(log_text)
            self.node_log.verticalScrollBar().setValue(self.node_log.verticalScrollBar().maximum())

    @Slot(str)
    def _kind_picked(self, kind: str) -> None:
        """A Meshtastic node keeps its own radio settings: no REYAX model to choose."""
        self.model_box.setEnabled(kind == "lora")

    @Slot()
    def _port_picked(self) -> None:
        row = self.ports_table.currentRow()
        if row >= 0 and self.ports_table.item(row, 0):
            self.port_box.setEditText(self.ports_table.item(row, 0).text())

    @Slot()
    def update_actions(self) -> None:
        role = (
            self.post.shift.can(Permission.MANAGE_OPERATORS),
            self.tr("Only an administrator may add or remove radio devices."),
        )
        allow(self.add_button, first_reason(role))
        chosen = (self.devices_table.currentRow() >= 0, self.tr("Select a device in the list first."))
        allow(self.remove_button, first_reason(role, chosen))
        allow(
            self.test_button,
            first_reason((self._testing == 0, self.tr("A port is being tested: wait for its answer."))),
        )

    @Slot()
    def add_device(self) -> None:
        spec = DeviceSpec(
            self.kind_box.currentText(),
            self.port_box.currentText().strip(),
            self.baud_box.value(),
            model=self.model_box.currentText(),
        )
        try:
            self.store.add(spec)
        except OpsError as exc:
            self.result_label.setText(str(exc))
            return
        self.result_label.setText(self.tr("Added {port}.").replace("{port}", spec.port.strip()))
        self.refresh_devices()

    @Slot()
    def remove_selected(self) -> None:
        row = self.devices_table.currentRow()
        if row < 0:
            return
        port = self.devices_table.item(row, 2).text()
        try:
            self.store.remove(port)
        except OpsError as exc:
            self.result_label.setText(str(exc))
            return
        self.result_label.setText(self.tr("Removed {port}.").replace("{port}", port))
        self.devices_table.clearSelection()
        self.refresh_devices()
        self.update_actions()

    @Slot()
    def test_port(self) -> None:
        """Test the typed port, else the selected configured device."""
        port, baud = self.port_box.currentText().strip(), self.baud_box.value()
        row = self.devices_table.currentRow()
        if not port and row >= 0:
            baud_text = self.devices_table.item(row, 3).text()
            port, baud = self.devices_table.item(row, 2).text(), int(baud_text) if baud_text else baud
        if not port:
            self.result_label.setText(self.tr("Type or pick a port to test."))
            return
        self._testing += 1
        self.result_label.setText(self.tr("Testing {port}…").replace("{port}", port))
        start_job(
            self._lane,
            partial(probe, port, baud),
            partial(self._probed, port),
            partial(self._probe_failed, port),
            owner=self,
        )
        self.update_actions()

    def _probe_failed(self, port: str, exc: Exception) -> None:
        self._probed(port, (False, said(N_("error while talking to it: {why}"), why=port_problem(exc))))

    def _probed(self, port: str, answer: tuple[bool, str]) -> None:
        ok, what = answer
        self._testing -= 1
        if ok:
            text = self.tr("{port}: answered +OK").replace("{port}", port)
        else:  # what the probe found, a stored sentence (said.py): in this console's language
            text = self.tr("{port}: {error}").replace("{port}", port).replace("{error}", shown(what))
        self.result_label.setText(text)
        self.update_actions()

    def done(self, result: int) -> None:
        self._live.stop()
        super().done(result)
