"""The register entry form: what a sensor is, where, how often it reports, its levels.

Opened for a new sensor, an existing one, or an unknown one heard over the radio (its id,
kind and unit filled in). Thin: ``spec()`` builds the entry; the service checks it (the
same rules as a register file) and says what is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ops_console.sensors.kinds import DEFAULT_UNITS, SensorKind, kind_of
from ops_console.sensors.views import SensorSpec
from ops_console.ui.common.discard_guard import GuardedDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensorDialog", text)


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return float("nan")  # the service's check says "is not a number"


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class SensorDialog(GuardedDialog):
    def __init__(
        self,
        spec: SensorSpec | None,
        parent: QWidget | None = None,
        *,
        heard: tuple[str, str, str] | None = None,
    ) -> None:
        """``spec``: the entry to edit (None: a new one); ``heard``: (id, kind word, unit) of an
        unknown sensor to register."""
        super().__init__(parent)
        self.setObjectName("sensorDialog")
        self.setWindowTitle(_tr("Edit sensor") if spec else _tr("Register sensor"))
        self.sensor_id = QLineEdit(objectName="sensorId")
        self.sensor_id.setMaxLength(16)
        self.name = QLineEdit(objectName="sensorName")
        self.kind = QComboBox(objectName="sensorKind")
        for kind in SensorKind:
            self.kind.addItem(kind.label, kind)
        self.unit = QLineEdit(objectName="sensorUnit")
        self.location = QLineEdit(objectName="sensorLocation")
        self.lat, self.lon = QLineEdit(objectName="sensorLat"), QLineEdit(objectName="sensorLon")
        self.node = QLineEdit(objectName="sensorNode")
        self.interval = QSpinBox(objectName="sensorInterval", minimum=1, maximum=7 * 86400, suffix=" s")
        self.interval.setValue(600)
        self.lines = {
            key: QLineEdit(objectName=f"sensor_{key}") for key in ("advisory", "warning", "emergency")
        }
        self.hysteresis = QLineEdit("0", objectName="sensorHysteresis")
        self.rise = QLineEdit(objectName="sensorRise")
        self.rise_window = QSpinBox(objectName="sensorRiseWindow", minimum=0, maximum=24 * 60, suffix=" min")
        self.min_valid, self.max_valid = QLineEdit(objectName="sensorMin"), QLineEdit(objectName="sensorMax")
        self.enabled = QCheckBox(_tr("Evaluate its readings"), objectName="sensorEnabled")
        self.enabled.setChecked(True)
        form = QFormLayout()
        form.addRow(_tr("Sensor id (as the node sends it)"), self.sensor_id)
        form.addRow(_tr("Name"), self.name)
        form.addRow(_tr("Kind"), self.kind)
        form.addRow(_tr("Unit"), self.unit)
        form.addRow(_tr("Location"), self.location)
        form.addRow(_tr("Latitude, longitude"), _pair(self.lat, self.lon))
        form.addRow(_tr("Reporting radio node"), self.node)
        form.addRow(_tr("Expected interval"), self.interval)
        form.addRow(_tr("Advisory at or above"), self.lines["advisory"])
        form.addRow(_tr("Warning at or above"), self.lines["warning"])
        form.addRow(_tr("Emergency at or above (alarm)"), self.lines["emergency"])
        form.addRow(_tr("Hysteresis (a level ends below its line minus this)"), self.hysteresis)
        form.addRow(_tr("Rate of rise: up by"), _pair(self.rise, self.rise_window, _tr("within")))
        form.addRow(_tr("Physically possible from … to"), _pair(self.min_valid, self.max_valid))
        form.addRow("", self.enabled)
        self.problem = QLabel(objectName="problem")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if spec is not None:
            self._fill(spec)
            self.sensor_id.setReadOnly(True)  # the key the node sends: a new id is a new sensor
        elif heard is not None:
            sid, kind_word, unit = heard
            self.sensor_id.setText(sid)
            kind = kind_of(kind_word) or SensorKind.CUSTOM
            self.kind.setCurrentIndex(list(SensorKind).index(kind))
            self.unit.setText(unit)
            self.name.setText(sid)

    def _kind_changed(self) -> None:
        if not self.unit.text():
            self.unit.setText(DEFAULT_UNITS[self.kind.currentData()])

    def _fill(self, spec: SensorSpec) -> None:
        self.sensor_id.setText(spec.sensor_id)
        self.name.setText(spec.name)
        self.kind.setCurrentIndex(list(SensorKind).index(spec.kind))
        self.unit.setText(spec.unit)
        self.location.setText(spec.location)
        self.lat.setText(_shown(spec.lat))
        self.lon.setText(_shown(spec.lon))
        self.node.setText(spec.node_call)
        self.interval.setValue(spec.interval_s)
        for key, edit in self.lines.items():
            edit.setText(_shown(getattr(spec, key)))
        self.hysteresis.setText(_shown(spec.hysteresis))
        self.rise.setText(_shown(spec.rise_amount))
        self.rise_window.setValue((spec.rise_window_s or 0) // 60)
        self.min_valid.setText(_shown(spec.min_valid))
        self.max_valid.setText(_shown(spec.max_valid))
        self.enabled.setChecked(spec.enabled)

    def spec(self) -> SensorSpec:
        window = self.rise_window.value() * 60
        return SensorSpec(
            sensor_id=self.sensor_id.text().strip(),
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            unit=self.unit.text().strip(),
            location=self.location.text().strip(),
            lat=_number(self.lat.text()),
            lon=_number(self.lon.text()),
            node_call=self.node.text().strip(),
            interval_s=self.interval.value(),
            advisory=_number(self.lines["advisory"].text()),
            warning=_number(self.lines["warning"].text()),
            emergency=_number(self.lines["emergency"].text()),
            hysteresis=_number(self.hysteresis.text()) or 0.0,
            rise_amount=_number(self.rise.text()),
            rise_window_s=window or None,
            min_valid=_number(self.min_valid.text()),
            max_valid=_number(self.max_valid.text()),
            enabled=self.enabled.isChecked(),
        )

    def show_problem(self, words: str) -> None:
        self.problem.setText(words)


def _pair(first: QWidget, second: QWidget, between: str = "") -> QWidget:
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first)
    if between:
        row.addWidget(QLabel(between))
    row.addWidget(second)
    return box
