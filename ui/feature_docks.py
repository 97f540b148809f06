"""Wires the map, risk register, shelters and inventory into the main window.

Kept out of main_window.py so that file stays about the window itself: this module
builds each feature's widgets and connects them to the panels they talk to (a map
right-click opens the incident or task form at that spot; picking a row centres the map).

The map, the inventory and the sirens panel are the costly ones (the map stack, pyqtgraph
and numpy, and their reads), and at start-up they sit on tabs behind the task board: each
is built the first time its dock shows (or code asks for it), so the window paints
without them. Their docks exist from the start with the same object names, so saved
layouts restore as before. The risk register, shelters and residents tabs behind the
activity log are built the same way (``LAZY_LEFT``): the map stack's panels and dialogs and
the residents' zone snapshot are not imported or read before someone looks. What must be
seen whatever is in front — the alert list that feeds the status bar's counts and the
siren strip — is built with the window. A selection that would move the map before it
exists is kept and applied when it is built.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from ops_console.events import Event
from ops_console.topics import Topic
from ops_console.ui.alerts import AlertPanel
from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.sirens.strip import SirenStrip

if TYPE_CHECKING:
    from ops_console.inventory.views import StockLevel
    from ops_console.people.teams import TeamRow
    from ops_console.radio.views import NodeView
    from ops_console.ui.inventory.panel import InventoryPanel
    from ops_console.ui.main_window import MainWindow
    from ops_console.ui.mapping.panels import RiskRegisterPanel, ShelterPanel
    from ops_console.ui.mapping.widget import MapWidget
    from ops_console.ui.people.board_panel import TeamBoardPanel
    from ops_console.ui.people.roster_panel import RosterPanel
    from ops_console.ui.radio import RadioPanel
    from ops_console.ui.residents import ResidentsPanel
    from ops_console.ui.sensors import SensorPanel
    from ops_console.ui.sirens import SirenPanel
    from ops_console.ui.warnings import WarningsPanel

LAZY = (
    "map",
    "inventory",
    "sirens",
    "sensors",
    "warnings",
    "teams",
    "roster",
)  # the docks built on first show, in the order saved layouts know
LAZY_LEFT = ("risks", "shelters", "residents")
"""Tabs behind the activity log, also built on first show (the alert list is not: the
status bar's counts come from it)."""


class FeatureDocks(QObject):
    """Owns the feature widgets of one main window and the connections between them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        post, bridge = window.post, window.bridge
        self._built: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {
            "map": self._build_map,
            "inventory": self._build_inventory,
            "sirens": self._build_sirens,
            "sensors": self._build_sensors,
            "warnings": self._build_warnings,
            "teams": self._build_teams,
            "roster": self._build_roster,
            "risks": self._build_risks,
            "shelters": self._build_shelters,
            "residents": self._build_residents,
        }
        self._install: Callable[[str, QWidget], None] | None = None
        self._map_pending: list[Callable[[MapWidget], Any]] = []  # what to do once the map exists
        self.siren_strip = SirenStrip(post.sirens, bridge, window)  # in sight whichever dock is in front
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.siren_strip)
        self.alerts = AlertPanel(post, bridge)
        self.cap_watch = None  # the [warnings] cap_inbox folder, looked at for CAP files from the city
        inbox_folder = getattr(getattr(post, "warnings", None), "settings", None)
        if inbox_folder is not None and inbox_folder.cap_inbox is not None:
            from ops_console.ui.warnings.watch import CapFolderWatch

            self.cap_watch = CapFolderWatch(post.warnings.inbox, inbox_folder.cap_inbox, self)
        self._lane = JobLane("featureDocks", 1, self)  # small reads a dock's reaction needs
        self._centred_node: int | None = None
        self._centred_location: int | None = None

    # --- built on first show ------------------------------------------------------
    @property
    def map(self) -> MapWidget:
        return self.panel("map")  # type: ignore[return-value]

    @property
    def inventory(self) -> InventoryPanel:
        return self.panel("inventory")  # type: ignore[return-value]

    @property
    def sirens(self) -> SirenPanel:
        return self.panel("sirens")  # type: ignore[return-value]

    @property
    def sensors(self) -> SensorPanel:
        return self.panel("sensors")  # type: ignore[return-value]

    @property
    def risks(self) -> RiskRegisterPanel:
        return self.panel("risks")  # type: ignore[return-value]

    @property
    def shelters(self) -> ShelterPanel:
        return self.panel("shelters")  # type: ignore[return-value]

    @property
    def residents(self) -> ResidentsPanel:
        return self.panel("residents")  # type: ignore[return-value]

    def watch(self, key: str, dock: QDockWidget, install: Callable[[str, QWidget], None]) -> None:
        """``dock`` holds a placeholder until it first shows; ``install`` puts the panel in."""
        self._install = install
        dock.visibilityChanged.connect(partial(self._shown, key))

    def _shown(self, key: str, visible: bool) -> None:
        if visible and key not in self._built and not getattr(self._window, "_shut_down", False):
            self.panel(key)

    def panel(self, key: str) -> QWidget:
        """The feature panel of dock ``key``, built now if it was not yet."""
        widget = self._built.get(key)
        if widget is None:
            widget = self._built[key] = self._builders[key]()
            if self._install is not None:
                self._install(key, widget)
            if key == "map":
                pending, self._map_pending = self._map_pending, []
                for step in pending:
                    step(widget)  # type: ignore[arg-type]
        return widget

    def built(self, key: str) -> bool:
        return key in self._built

    def panels(self) -> dict[str, QWidget]:
        """The feature panels that have a dock of their own on the right, by dock key (all
        of them built: tests and code that want every panel)."""
        return {key: self.panel(key) for key in LAZY}

    def built_panels(self) -> list[QWidget]:
        return list(self._built.values())

    def _build_map(self) -> QWidget:
        from ops_console.ui.mapping.widget import MapWidget

        window = self._window
        post = window.post
        basemaps = post.basemaps(window.demo)  # [[basemap]] tables; the demo ward with --demo and none
        widget = MapWidget(post, window.bridge, post.map, window.settings, basemaps=basemaps)
        widget.create_incident_requested.connect(self._new_incident_at)
        widget.create_task_requested.connect(self._new_task_at)
        widget.object_activated.connect(self._show_object)
        return widget

    def _build_inventory(self) -> QWidget:
        from ops_console.ui.inventory.panel import InventoryPanel

        post = self._window.post
        widget = InventoryPanel(post, self._window.bridge, post.inventory)
        widget.level_selected.connect(self._stock_level_selected)
        return widget

    def _build_sirens(self) -> QWidget:
        from ops_console.ui.sirens import SirenPanel

        widget = SirenPanel(self._window.post.sirens, self._window.bridge)
        widget.siren_selected.connect(self._siren_selected)
        return widget

    @property
    def warnings(self) -> WarningsPanel:
        return self.panel("warnings")  # type: ignore[return-value]

    def _build_warnings(self) -> QWidget:
        from ops_console.ui.warnings import WarningsPanel

        post = self._window.post
        return WarningsPanel(post.warnings, post.map.zones, post.sirens, post.shift, self._window.bridge)

    def _build_teams(self) -> QWidget:
        from ops_console.ui.people.board_panel import TeamBoardPanel

        board = TeamBoardPanel(self._window.post, self._window.bridge)
        board.centre_on.connect(self._centre)  # a MAYDAY team's last position
        return board

    def _build_roster(self) -> QWidget:
        from ops_console.ui.people.roster_panel import RosterPanel

        return RosterPanel(self._window.post, self._window.bridge)

    @property
    def teams(self) -> TeamBoardPanel:
        return self.panel("teams")  # type: ignore[return-value]

    @property
    def roster(self) -> RosterPanel:
        return self.panel("roster")  # type: ignore[return-value]

    def _build_risks(self) -> QWidget:
        from ops_console.ui.mapping.panels import RiskRegisterPanel

        widget = RiskRegisterPanel(self._window.post.map, self._window.bridge)
        widget.locate_requested.connect(self._centre)
        return widget

    def _build_shelters(self) -> QWidget:
        from ops_console.ui.mapping.panels import ShelterPanel

        widget = ShelterPanel(self._window.post.map, self._window.bridge)
        widget.locate_requested.connect(self._centre)
        return widget

    def _build_residents(self) -> QWidget:
        from ops_console.ui.residents import ResidentsPanel

        post = self._window.post
        widget = ResidentsPanel(post.residents, post, self._window.bridge)
        widget.locate_requested.connect(self._centre)
        return widget

    def _build_sensors(self) -> QWidget:
        from ops_console.ui.sensors import SensorPanel

        return SensorPanel(self._window.post.sensors, self._window.bridge)

    def _on_map(self, step: Callable[[MapWidget], Any]) -> None:
        """Move the map now if it exists, else when it is built (a selection made while the
        map was never shown still shows when it first is)."""
        if "map" in self._built:
            step(self._built["map"])  # type: ignore[arg-type]
        else:
            self._map_pending = [step]  # only the latest selection matters

    def extra_docks(self) -> dict[str, tuple[str, QWidget | None]]:
        """The docks tabbed with the activity log on the left: key → (title, widget), the
        widget None for those built on first show (``LAZY_LEFT``)."""
        return {
            "alerts": (self.tr("Alerts"), self.alerts),
            "risks": (self.tr("Risk register"), None),
            "shelters": (self.tr("Shelters"), None),
            "residents": (self.tr("Residents"), None),
        }

    def connect(self) -> None:
        window = self._window
        self.alerts.open_requested.connect(self._show_object)
        self.alerts.stock_requested.connect(self._show_stock_cell)
        self.alerts.warning_drafted.connect(partial(self._show_object, "warning"))
        self.alerts.counts_changed.connect(window.status.show_alert_counts)
        window.status.alerts_clicked.connect(self._raise_alerts)
        window.incidents.incident_selected.connect(self._incident_selected)
        task_selected = getattr(window.tasks, "task_selected", None)
        if task_selected is not None:
            task_selected.connect(self._task_selected)
        window.bridge.people_event.connect(self._on_people_event)

    def radio_built(self, radio: RadioPanel) -> None:
        """The radio panel was built (on first show): its node list moves the map."""
        radio.node_selected.connect(self._node_selected)

    def shutdown(self) -> None:
        self.alerts.wait_idle()
        if self.cap_watch is not None:
            self.cap_watch.stop()
        if "map" in self._built:
            self.map.close_map()
        if "inventory" in self._built:
            self.inventory.wait_idle()
        if "sirens" in self._built:
            self.sirens.detach()
        if "sensors" in self._built:
            self.sensors.wait_idle()
            self.sensors.detach()
        if "warnings" in self._built:
            self.warnings.detach()
        self.siren_strip.shutdown()
        self._lane.waitForDone(5000)

    @Slot(object)
    def _on_people_event(self, event: Event) -> None:
        """A MAYDAY (heard on the air or pressed anywhere) centres the map on the team's last
        position, whether or not the team board was ever opened here. The map is moved, not
        raised: the alarm brings the alert list forward and must not be hidden by the map."""
        if event.topic != Topic.TEAM_CHANGED or (event.data or {}).get("what") != "mayday":
            return
        if event.entity_id is None:
            return
        start_job(
            self._lane,
            partial(self._window.post.people.teams.row, event.entity_id),
            self._centre_on_mayday,
            lambda exc: None,  # the team was disbanded meanwhile: nothing to centre on
            owner=self,
        )

    def _centre_on_mayday(self, row: TeamRow) -> None:
        if row.mayday_at is not None and row.lat is not None and row.lon is not None:
            lat, lon = row.lat, row.lon
            self._on_map(lambda m: m.centre_on(lat, lon))

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

    @Slot(int, int)
    def _show_stock_cell(self, item_id: int, location_id: int) -> None:
        """A stock alert's *Go to record*: the inventory in front with that item at that
        place selected and in sight, not only the panel (the cell may be rows down)."""
        self._window.docks["inventory"].raise_()
        self.inventory.stock.show_cell(item_id, location_id)

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
            window.radio.show_heard_alert(object_id)
        elif kind == "radio_sent":  # a message sent from here that was not delivered
            docks["radio"].raise_()
            window.radio.show_sent(object_id)
        elif kind == "radio_link":  # a radio down: its link strip
            docks["radio"].raise_()
        elif kind == "siren":
            docks["sirens"].raise_()
            self.sirens.select_siren(object_id)
        elif kind == "siren_alarm":
            docks["sirens"].raise_()
            self.sirens.show_alarm(object_id)
        elif kind == "radio_node":
            docks["radio"].raise_()
            window.radio.select_node(object_id)
        elif kind == "sensor_alert":
            docks["sensors"].raise_()
            self.sensors.select_sensor(self._window.post.sensors.alert(object_id).sensor_id)
        elif kind == "stock":
            docks["inventory"].raise_()
        elif kind == "warning":
            docks["warnings"].show()
            docks["warnings"].raise_()
            self.warnings.reload()
            self.warnings.select_warning(object_id)
        elif kind == "cap_alert":  # the city's warning: its area on the map, whole
            docks["map"].raise_()
            received = self._window.post.warnings.inbox.list_received(current_only=True)
            area = next((a.area.bounds() for a in received if a.id == object_id), None)
            if area is not None:
                self._on_map(lambda m: m.show_area(*area))
        elif kind == "team":  # a MAYDAY or a PAR overdue: the team, and where it was last heard
            docks["teams"].raise_()
            self.teams.select_team(object_id)
            try:
                row = self._window.post.people.teams.row(object_id)
            except Exception:  # disbanded meanwhile: the board says so
                return
            if row.lat is not None and row.lon is not None:
                self._centre(row.lat, row.lon)  # the map comes to the front, centred where it was last heard

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
            record_id = view.id  # type: ignore[attr-defined]
            self._on_map(lambda m: (m.centre_on(lat, lon), m.canvas.select_record("incident", record_id)))

    @Slot(int)
    def _siren_selected(self, siren_id: int) -> None:
        siren = self._window.post.sirens.get(siren_id)
        self._on_map(lambda m: (m.centre_on(siren.lat, siren.lon), m.canvas.select_record("siren", siren_id)))

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
            lat, lon = place.lat, place.lon
            self._on_map(lambda m: m.centre_on(lat, lon))

    @Slot(object, bool)
    def _node_selected(self, node: NodeView, again: bool) -> None:
        """A radio node's last position. The nodes list re-selects its row after each refresh,
        so only a different node (or a click) moves the map — not every refresh."""
        if node.lat is None or node.lon is None or (node.addr == self._centred_node and not again):
            return
        self._centred_node = node.addr
        lat, lon = node.lat, node.lon
        self._on_map(lambda m: m.centre_on(lat, lon))

    @Slot(int)
    def _task_selected(self, task_id: int) -> None:
        task = self._window.tasks.current_task()
        if task is not None and task.lat is not None and task.lon is not None:
            lat, lon, record_id = task.lat, task.lon, task.id
            self._on_map(lambda m: (m.centre_on(lat, lon), m.canvas.select_record("task", record_id)))
