"""SensorPanel: every sensor with its latest value, level (word, colour, marks), trend and the
age of its last reading; the selected sensor's chart; the register for admins and
supervisors (others see the buttons disabled with the reason). Thin: it asks
``SensorService`` (on a worker, ui/common/jobs.py) and renders what comes back."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ops_console.events import Event
from ops_console.sensors.kinds import Level
from ops_console.sensors.register_io import ParsedRegister
from ops_console.sensors.service import SensorService
from ops_console.sensors.views import SensorRow
from ops_console.topics import Topic
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.flow_layout import FlowLayout
from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.common.messages import show_error
from ops_console.ui.common.theme import set_ink

from .chart import SensorChart
from .dialog import SensorDialog
from .model import SensorTableModel

COALESCE_MS = 1000  # a stream of readings: one read a second at most
AGE_TICK_MS = 30_000  # the ages and silences move on with no event


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensorPanel", text)


class SensorPanel(QWidget):
    """The Sensors dock's widget."""

    # a sensor was selected: carries its id
    sensor_selected = Signal(str)
    # the rows were read and shown (tests wait on it)
    reloaded = Signal()

    def __init__(self, service: SensorService, bridge: PostBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensorPanel")
        self.service, self.bridge = service, bridge
        self.reader = JobLane("sensor-rows", 1, self)
        self._reading = None
        self._again = False
        self._selected: str | None = None
        self.summary = QLabel(objectName="sensorSummary")
        self.summary.setStyleSheet("font-size: 11pt;")
        set_ink(self.summary, "hint")
        self.register_button = QPushButton(_tr("Register sensor…"), objectName="registerSensor")
        self.edit_button = QPushButton(_tr("Edit…"), objectName="editSensor")
        self.import_button = QPushButton(_tr("Import register…"), objectName="importSensors")
        self.register_button.clicked.connect(self.register_sensor)
        self.edit_button.clicked.connect(self.edit_sensor)
        self.import_button.clicked.connect(self.import_register)
        header = FlowLayout()  # wraps at 1280x720 instead of pushing buttons out of sight
        header.addWidget(self.summary)
        for button in (self.register_button, self.edit_button, self.import_button):
            header.addWidget(button)
        self.model = SensorTableModel()
        self.table = QTableView(objectName="sensorTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_sensor())
        self.chart = SensorChart(service)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([260, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(split, 1)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS, timeout=self.reload)
        self._tick = QTimer(self, interval=AGE_TICK_MS, timeout=self.reload)
        self._tick.start()
        bridge.sensor_event.connect(self._on_event)
        bridge.radio_event.connect(self._on_radio)
        bridge.shift_changed.connect(self.update_actions)
        self.update_actions()
        self.reload()

    # --- reading ------------------------------------------------------------------
    @Slot(object)
    def _on_event(self, _event: Event) -> None:
        if not self._coalesce.isActive():
            self._coalesce.start()

    @Slot(object)
    def _on_radio(self, event: Event) -> None:
        if event.topic == Topic.RADIO_NODE and not self._coalesce.isActive():
            self._coalesce.start()

    def reload(self) -> None:
        if self._reading is not None and not self._reading.finished:
            self._again = True
            return
        self._reading = start_job(
            self.reader, partial(_read_rows, self.service), self._show, self._failed, owner=self
        )

    @Slot(object)
    def _show(self, picture: tuple[list[SensorRow], datetime]) -> None:
        rows, now = picture
        self.model.set_rows(rows, now)
        above = [r for r in rows if r.level > Level.NORMAL]
        silent = sum(1 for r in rows if r.silent)
        unknown = sum(1 for r in rows if not r.registered)
        words = _tr("{n} sensors").replace("{n}", str(sum(1 for r in rows if r.registered)))
        if above:
            top = max(above, key=lambda r: r.level)
            words += " · " + _tr("{level}: {name}").replace("{level}", top.level.label.upper()).replace(
                "{name}", top.name
            )
        if silent:
            words += " · " + _tr("{n} silent").replace("{n}", str(silent))
        if unknown:
            words += " · " + _tr("{n} not registered").replace("{n}", str(unknown))
        self.summary.setText(words)
        if self._selected is not None:
            self.select_sensor(self._selected)
        elif rows:
            self.table.selectRow(0)
        self.update_actions()
        self.reloaded.emit()
        if self._again:
            self._again = False
            self.reload()

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, KNOWN_ERRORS):
            raise exc
        self.summary.setText(_tr("Sensors could not be read: {why}").replace("{why}", str(exc)))

    # --- selection ----------------------------------------------------------------
    def current(self) -> SensorRow | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def select_sensor(self, sensor_id: str) -> bool:
        row = self.model.row_of(sensor_id)
        if row < 0:
            self._selected = sensor_id  # when the rows come
            return False
        index = self.model.index(row, 0)
        if self.table.currentIndex().row() != row:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        return True

    @Slot()
    def _row_changed(self) -> None:
        row = self.current()
        if row is None:
            return
        again = row.sensor_id == self._selected and self.chart.series is not None
        self._selected = row.sensor_id
        self.update_actions()
        if not again:
            self.chart.show_sensor(
                row.sensor_id, f"{row.name} ({row.sensor_id})" if row.registered else row.sensor_id
            )
            self.sensor_selected.emit(row.sensor_id)

    # --- the register -------------------------------------------------------------
    @Slot()
    def update_actions(self) -> None:
        refusal = self.service.edit_refusal()
        row = self.current()
        for button in (self.register_button, self.edit_button, self.import_button):
            button.setEnabled(not refusal)
            button.setToolTip(refusal)
        if not refusal:
            self.edit_button.setEnabled(row is not None and row.registered)
            self.edit_button.setToolTip(
                "" if row is not None and row.registered else _tr("Select a registered sensor")
            )
            unknown = row is not None and not row.registered
            self.register_button.setText(
                _tr("Register {id}…").replace("{id}", row.sensor_id)
                if unknown and row
                else _tr("Register sensor…")
            )

    @Slot()
    def register_sensor(self) -> None:
        row = self.current()
        heard = (row.sensor_id, row.kind_word, row.unit) if row is not None and not row.registered else None
        self._edit(SensorDialog(None, self, heard=heard))

    @Slot()
    def edit_sensor(self) -> None:
        row = self.current()
        if row is not None and row.spec is not None and not self.service.edit_refusal():
            self._edit(SensorDialog(row.spec, self))

    def _edit(self, dialog: SensorDialog) -> None:
        while dialog.exec():
            try:
                self.service.save(dialog.spec())
            except KNOWN_ERRORS as exc:
                dialog.show_problem(str(exc))
                continue
            self._selected = dialog.spec().sensor_id
            self.reload()
            return

    @Slot()
    def import_register(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, _tr("Import sensor register"), "", _tr("Sensor register (*.csv *.toml);;All files (*)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read and check ``path`` off the GUI thread, then ask before storing."""
        start_job(
            self.reader,
            partial(_preview, self.service, path),
            self._confirm_import,
            partial(show_error, self),
            owner=self,
        )

    @Slot(object)
    def _confirm_import(self, parsed: ParsedRegister) -> None:
        problems = "\n".join(
            f"{_tr('line')} {p.line}: {p.message}" if p.line else p.message for p in parsed.problems[:12]
        )
        if not parsed.specs:
            QMessageBox.warning(self, _tr("Nothing to import"), problems or _tr("The file holds no sensors."))
            return
        text = _tr("{n} sensors can be added or updated.").replace("{n}", str(len(parsed.specs)))
        if problems:
            text += "\n\n" + _tr("Not imported:") + "\n" + problems
        answer = QMessageBox.question(self, _tr("Import sensor register"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.apply_import(parsed)
        except KNOWN_ERRORS as exc:
            show_error(self, exc)
        self.reload()

    def wait_idle(self, msecs: int = 5000) -> bool:
        return self.reader.waitForDone(msecs) and self.chart.wait_idle(msecs)

    def detach(self) -> None:
        self._tick.stop()
        self._coalesce.stop()
        self.bridge.sensor_event.disconnect(self._on_event)
        self.bridge.radio_event.disconnect(self._on_radio)
        self.bridge.shift_changed.disconnect(self.update_actions)


def _read_rows(service: SensorService) -> tuple[list[SensorRow], datetime]:
    """Worker side of a reload: the service only, never the panel."""
    now = datetime.now(UTC)
    return service.rows(now), now


def _preview(service: SensorService, path: Path) -> ParsedRegister:
    return service.preview_import(path.read_bytes(), path.name)
