"""Wires the map, risk register, shelters and inventory into the main window.

Kept out of main_window.py so that file stays about the window itself: this module
builds each feature's widgets and connects them to the panels they talk to (a map
right-click opens the incident or task form at that spot; picking a row centres the map).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from ops_console.inventory.views import StockLevel
from ops_console.radio.views import NodeView
from ops_console.ui.alerts import AlertPanel
from ops_console.ui.inventory.panel import InventoryPanel
from ops_console.ui.mapping.panels import RiskRegisterPanel, ShelterPanel
from ops_console.ui.mapping.widget import MapWidget
from ops_console.ui.sirens import SirenPanel
from ops_console.ui.sirens.strip import SirenStrip

if TYPE_CHECKING:
    from ops_console.ui.main_window import MainWindow


class FeatureDocks(QObject):
    """Owns the feature widgets of one main window and the connections between them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        post, bridge = window.post, window.bridge
        basemaps = window.post.basemaps(window.demo)  # [[basemap]] tables; the demo ward with --demo and none
        self.map = MapWidget(post, bridge, post.map, window.settings, basemaps=basemaps)
        self.risks = RiskRegisterPanel(post.map, bridge)
        self.shelters = ShelterPanel(post.map, bridge)
        self.inventory = InventoryPanel(post, bridge, post.inventory)
        self.sirens = SirenPanel(post.sirens, bridge)
        self.siren_strip = SirenStrip(post.sirens, bridge, window)  # in sight whichever dock is in front
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.siren_strip)
        self.alerts = AlertPanel(post, bridge)
        self._centred_node: int | None = None
        self._centred_location: int | None = None

    def panels(self) -> dict[str, QWidget]:
        """The feature panels that have a dock of their own on the right, by dock key."""
        return {"map": self.map, "inventory": self.inventory, "sirens": self.sirens}

    def extra_docks(self) -> dict[str, tuple[str, QWidget]]:
        """The docks tabbed with the activity log on the left: key → (title, widget)."""
        return {
            "alerts": (self.tr("Alerts"), self.alerts),
            "risks": (self.tr("Risk register"), self.risks),
            "shelters": (self.tr("Shelters"), self.shelters),
        }

    def connect(self) -> None:
        window = self._window
        self.map.create_incident_requested.connect(self._new_incident_at)
        self.map.create_task_requested.connect(self._new_task_at)
        self.map.object_activated.connect(self._show_object)
        self.alerts.open_requested.connect(self._show_object)
        self.alerts.counts_changed.connect(window.status.show_alert_counts)
        window.status.alerts_clicked.connect(self._raise_alerts)
        self.risks.locate_requested.connect(self._centre)
        self.shelters.locate_requested.connect(self._centre)
        window.incidents.incident_selected.connect(self._incident_selected)
        self.sirens.siren_selected.connect(self._siren_selected)
        self.inventory.level_selected.connect(self._stock_level_selected)
        window.radio.node_selected.connect(self._node_selected)
        task_selected = getattr(window.tasks, "task_selected", None)
        if task_selected is not None:
            task_selected.connect(self._task_selected)

    def shutdown(self) -> None:
        self.alerts.wait_idle()
        self.map.close_map()
        self.inventory.wait_idle()
        self.sirens.detach()
        self.siren_strip.shutdown()

    @Slot(float, float)
    def _centre(self, lat: float, lon: float) -> None:
        self._window.docks["map"].raise_()
        self.map.centre_on(lat, lon)

    @Slot(float, float)
    def _new_incident_at(self, lat: float, lon: float) -> None:
        self._window.incidents.new_incident(lat, lon)

    @Slot(float, float)
    def _new_task_at(self, lat: float, lon: float) -> None:
        self._window.tasks.new_task(lat=lat, lon=lon)

    @Slot(str, int)
    def _show_object(self, kind: str, object_id: int) -> None:
        """Clicking a symbol on the map jumps to that record in its panel."""
        docks, window = self._window.docks, self._window
        if kind == "incident":
            docks["incidents"].raise_()
            window.incidents.select_incident(object_id)
        elif kind == "task":
            docks["tasks"].raise_()
            window.tasks.select_task(object_id, focus=False)
        elif kind in ("risk", "shelter"):
            docks[f"{kind}s"].raise_()
            (self.risks if kind == "risk" else self.shelters).select(kind, object_id)
        elif kind == "radio_message":
            docks["radio"].raise_()
            window.radio.show_unacknowledged()
        elif kind == "siren":
            docks["sirens"].raise_()
            self.sirens.select_siren(object_id)
        elif kind == "siren_alarm":
            docks["sirens"].raise_()
        elif kind == "radio_node":
            docks["radio"].raise_()
            window.radio.select_node(object_id)
        elif kind == "stock":
            docks["inventory"].raise_()

    @Slot()
    def _raise_alerts(self) -> None:
        dock = self._window.docks["alerts"]
        dock.show()
        dock.raise_()
        self.alerts.refresh()

    @Slot(object)
    def _incident_selected(self, view: object) -> None:
        lat, lon = getattr(view, "lat", None), getattr(view, "lon", None)
        if lat is not None and lon is not None:
            self.map.centre_on(lat, lon)
            self.map.canvas.select_record("incident", view.id)  # type: ignore[attr-defined]  # the ring follows

    @Slot(int)
    def _siren_selected(self, siren_id: int) -> None:
        siren = self._window.post.sirens.get(siren_id)
        self.map.centre_on(siren.lat, siren.lon)
        self.map.canvas.select_record("siren", siren_id)

    @Slot(object, bool)
    def _stock_level_selected(self, level: StockLevel, again: bool) -> None:
        """A stock row centres the map on its depot, shelter, vehicle or team kit when that has
        a position; the table keeps its selection through reloads, so only a different
        location (or a click) moves the map."""
        if level.location_id == self._centred_location and not again:
            return
        place = next((p for p in self._window.post.inventory.locations() if p.id == level.location_id), None)
        if place is not None and place.lat is not None and place.lon is not None:
            self._centred_location = place.id
            self.map.centre_on(place.lat, place.lon)

    @Slot(object, bool)
    def _node_selected(self, node: NodeView, again: bool) -> None:
        """A radio node's last position. The nodes list re-selects its row after each refresh,
        so only a different node (or a click) moves the map — not every refresh."""
        if node.lat is None or node.lon is None or (node.addr == self._centred_node and not again):
            return
        self._centred_node = node.addr
        self.map.centre_on(node.lat, node.lon)

    @Slot(int)
    def _task_selected(self, task_id: int) -> None:
        task = self._window.tasks.current_task()
        if task is not None and task.lat is not None and task.lon is not None:
            self.map.centre_on(task.lat, task.lon)
            self.map.canvas.select_record("task", task.id)
