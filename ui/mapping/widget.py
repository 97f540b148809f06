"""The map dock: canvas, toolbar, search, legend and details card, on a post's records.

This is the one class the main window needs (``MapWidget``). It builds its layers,
keeps them live through the bridge, remembers the view in QSettings, and turns clicks
into signals: the main window opens incidents and tasks; risk points, shelters and
zones are created here with the map's own dialogs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QMenu, QSplitter, QToolBar, QVBoxLayout, QWidget

from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.errors import OpsError
from ops_console.mapping.basemap_config import BasemapSpec
from ops_console.mapping.geo import parse_coordinates, to_lat_lon, to_mercator
from ops_console.mapping.services import MapServices
from ops_console.mapping.zones import ZoneDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.common.disabled import allow
from ops_console.ui.common.messages import show_error

from .basemap_loading import DEMO_BASEMAP, BasemapStack, geojson_spec  # noqa: F401 - DEMO_BASEMAP re-exported
from .canvas import MapCanvas, Tool
from .dialogs import RiskDialog, ShelterDialog, ZoneDialog
from .feed import RecordFeed
from .layers import Hit
from .layers.basemap import BasemapLayer
from .layers.live_layers import LiveTeamLayer, SensorLayer, SirenLayer
from .layers.record_layers import IncidentLayer, RiskLayer, ShelterLayer, TaskLayer, TeamPosition, ZoneLayer
from .layers.resident_layer import ResidentLayer
from .legend import LegendPanel
from .legend_toggle import LegendToggle
from .live_feed import LiveFeed
from .tiles import MBTilesSource, PMTilesSource, TileLayer, XYZSource
from .viewport import Viewport

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


class MapWidget(QWidget):
    """The post's shared picture; see the module docstring."""

    # an object on the map was clicked: carries its kind (incident, task, team, shelter, risk, zone) and id
    object_activated = Signal(str, int)
    # "Report incident here…" was chosen: carries lat, lon
    create_incident_requested = Signal(float, float)
    # "New task here…" was chosen: carries lat, lon
    create_task_requested = Signal(float, float)
    # a basemap finished loading in the background: carries its layer, or None and the error text
    basemap_loaded = Signal(object, str)

    def __init__(
        self,
        post,
        bridge: PostBridge | None = None,
        services: MapServices | None = None,  # type: ignore[no-untyped-def]
        settings: QSettings | None = None,
        basemaps: Sequence[Path | BasemapSpec] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.post, self.services = post, services or MapServices.for_post(post)
        self.settings = settings if settings is not None else QSettings()
        self.canvas = MapCanvas()
        self.legend = LegendPanel()
        origin = to_mercator(CENTRE_LAT, CENTRE_LON)
        self.layers = {
            "zones": ZoneLayer("zones", tr("Zones"), origin),
            "risks": RiskLayer("risks", tr("Risk points")),
            "shelters": ShelterLayer("shelters", tr("Shelters")),
            "tasks": TaskLayer("tasks", tr("Tasks")),
            "sirens": SirenLayer("sirens", tr("Sirens (audible area)")),
            "sensors": SensorLayer("sensors", tr("Sensors (latest value)")),
            "incidents": IncidentLayer("incidents", tr("Incidents")),
            "teams": LiveTeamLayer("teams", tr("Teams (last position)"), visible=False),
            "residents": ResidentLayer("residents", tr("Residents who need help"), visible=False),
        }
        for layer in self.layers.values():
            layer.visible = self.settings.value(f"map/layer/{layer.key}", layer.visible, type=bool)
            self.canvas.add_layer(layer)
        self._build_ui()
        self.basemaps = BasemapStack(self.canvas, self.legend, self.layers["zones"], self)
        self.tile_layers = self.basemaps.tile_layers
        self.basemaps.loaded.connect(self.basemap_loaded)
        self.basemaps.load(basemaps)  # config files in order, off the GUI thread; failures shown, not raised
        self.feed = RecordFeed(post, self.services, bridge, self.layers, self)
        self.feed.reload()
        self.live = LiveFeed(
            post,
            bridge,
            self.layers["sirens"],
            self.layers["teams"],  # type: ignore[arg-type]
            self.layers["sensors"],
            self,
        )
        self.live.reload()  # on a worker thread; the layers fill when it answers
        self.legend.set_layers(self.canvas.layers)
        self.restore_view()
        self.update_permissions()
        if bridge is not None:
            bridge.shift_changed.connect(self.update_permissions)

    # building ----------------------------------------------------------------------------
    def _build_ui(self) -> None:
        bar = QToolBar()
        bar.setObjectName("mapToolbar")
        bar.addAction(tr("Zoom in"), lambda: self.canvas.zoom_by(2.0)).setShortcut("Ctrl++")
        bar.addAction(tr("Zoom out"), lambda: self.canvas.zoom_by(0.5))
        bar.addAction(tr("Show all"), self.canvas.zoom_to_all)
        bar.addSeparator()
        group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool, text in (
            (Tool.PAN, tr("Pan")),
            (Tool.MEASURE, tr("Measure")),
            (Tool.POLYGON, tr("Draw zone")),
            (Tool.CIRCLE, tr("Circle zone")),
        ):
            action = bar.addAction(text, lambda tool=tool: self.canvas.set_tool(tool))
            action.setCheckable(True)
            action.setChecked(tool == Tool.PAN)
            group.addAction(action)
            self.tool_actions[tool] = action
        bar.addSeparator()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("mapSearch")
        self.search_box.setPlaceholderText(tr("Find a place, record or 30.26, 120.17"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(300)
        self.search_box.returnPressed.connect(lambda: self.search(self.search_box.text()))
        bar.addWidget(self.search_box)
        self.card = QLabel(self.canvas)
        self.card.setObjectName("mapDetails")
        self.card.setWordWrap(True)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setStyleSheet(
            "QLabel#mapDetails { background: rgba(255,255,255,235); border: 1px solid #c9ced4;"
            " border-radius: 4px; padding: 6px 8px; color: #1d2733; }"
        )
        self.card.setMaximumWidth(320)
        self.card.hide()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.canvas)
        split.addWidget(self.legend)
        split.setStretchFactor(0, 1)
        split.setSizes([1000, 270])
        self.legend_toggle = LegendToggle(self, self.canvas, self.legend, self.settings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(split, 1)
        self.canvas.clicked.connect(self._clicked)
        self.canvas.context_requested.connect(self._context_menu)
        self.canvas.polygon_drawn.connect(self._polygon_drawn)
        self.canvas.circle_drawn.connect(self._circle_drawn)
        self.canvas.view_changed.connect(self.card.hide)
        self.legend.layer_toggled.connect(self.set_layer_visible)

    # basemaps and tiles (stacked and loaded by basemap_loading.BasemapStack) ----------------
    def add_geojson(self, path: Path | str, title: str | None = None) -> BasemapLayer:
        """Load a GeoJSON basemap now (raises GeoJSONError); drawn under the records."""
        return self.basemaps.add_geojson(path, title)

    def open_geojson(self, path: Path | str) -> None:
        """Parse a GeoJSON basemap on a worker thread; ``basemap_loaded`` says how it went."""
        self.basemaps.open(geojson_spec(path))

    def open_basemap(self, spec: BasemapSpec) -> None:
        """Load a configured basemap after those pending, files off the GUI thread; failures are shown."""
        self.basemaps.open(spec)

    def add_mbtiles(self, path: Path | str) -> TileLayer:
        """Show an offline MBTiles package under the vector layers (raises MBTilesError)."""
        return self.basemaps.add_tiles(MBTilesSource(path))

    def add_pmtiles(self, path: Path | str) -> TileLayer:
        """Show an offline PMTiles raster archive under the vector layers (raises PMTilesError)."""
        return self.basemaps.add_tiles(PMTilesSource(path))

    def add_xyz(
        self,
        url_template: str,
        *,
        attribution: str = "",
        max_zoom: int = 19,
        cache_dir: Path | str | None = None,
        timeout_ms: int = 8000,
    ) -> TileLayer:
        """Show an online tile server (with a disk cache and an offline state)."""
        return self.basemaps.add_tiles(
            XYZSource(
                url_template,
                attribution=attribution,
                max_zoom=max_zoom,
                cache_dir=cache_dir,
                timeout_ms=timeout_ms,
            )
        )

    # public slots ------------------------------------------------------------------------
    @Slot(float, float)
    def centre_on(self, lat: float, lon: float) -> None:
        """Centre the map on a place (a row selected in another panel), at street level if far out."""
        self.canvas.centre_on(lat, lon, min(self.canvas.vp.res, 1.2))

    @Slot(object)
    def set_team_position(self, position: TeamPosition) -> None:
        """A team reported where it is (the radio feature calls this); shows the teams layer."""
        self.layers["teams"].put_position(position)  # type: ignore[attr-defined]

    @Slot(str, bool)
    def set_layer_visible(self, key: str, on: bool) -> None:
        layer = self.canvas.layer(key)
        if layer is not None:
            layer.visible = on
            self.settings.setValue(f"map/layer/{key}", on)
            self.canvas.update()

    def show_area(self, south: float, west: float, north: float, east: float) -> bool:
        """Fit the view to an area given in degrees (a received CAP alert's) and show the
        zones layer that draws it."""
        corners = [to_mercator(south, west), to_mercator(north, east)]
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        self.legend.set_checked("zones", True)  # the legend says what the map shows
        self.set_layer_visible("zones", True)
        return self.canvas.zoom_to_bounds((min(xs), min(ys), max(xs), max(ys)))

    def zoom_to_layer(self, key: str) -> bool:
        layer = self.canvas.layer(key)
        return self.canvas.zoom_to_bounds(layer.bounds() if layer else None)

    def search(self, text: str) -> list[Hit]:
        """Coordinates centre the map; words find records and places by name (best first)."""
        text = text.strip()
        if not text:
            return []
        coords = parse_coordinates(text)
        if coords is not None:
            self.centre_on(*coords)
            x, y = to_mercator(*coords)
            return [Hit("coordinates", 0, text, "", x, y)]
        hits = [h for layer in reversed(self.canvas.layers) for h in layer.search(text)]
        if hits:
            lat, lon = to_lat_lon(hits[0].x, hits[0].y)
            self.centre_on(lat, lon)
            self.canvas.selected = hits[0] if hits[0].kind != "place" else None
            self._show_card(hits[0])
        else:
            self.canvas.status_text = tr("Nothing on the map is called “{text}”.").format(text=text)
            self.canvas.update()
        return hits

    # settings ------------------------------------------------------------------------------
    def save_view(self) -> None:
        lat, lon = to_lat_lon(self.canvas.vp.cx, self.canvas.vp.cy)
        self.settings.setValue("map/lat", lat)
        self.settings.setValue("map/lon", lon)
        self.settings.setValue("map/res", self.canvas.vp.res)

    def restore_view(self) -> None:
        res = self.settings.value("map/res", None, type=float)
        if res:
            lat = self.settings.value("map/lat", CENTRE_LAT, type=float)
            lon = self.settings.value("map/lon", CENTRE_LON, type=float)
            self.canvas.set_view(Viewport.at(lat, lon, res, self.canvas.width(), self.canvas.height()))
        elif not self.canvas.zoom_to_all():
            self.canvas.set_view(
                Viewport.at(CENTRE_LAT, CENTRE_LON, 2.0, self.canvas.width(), self.canvas.height())
            )

    def close_map(self) -> None:
        """Save the view and stop background work; the main window calls this when closing."""
        self.save_view()
        self.feed.detach()
        self.live.detach()
        self.basemaps.close()

    # interaction ------------------------------------------------------------------------
    @Slot(object)
    def _clicked(self, hit: Hit | None) -> None:
        if hit is None:
            self.card.hide()
            return
        self._show_card(hit)
        if hit.kind in ("incident", "task", "team", "shelter", "risk", "zone"):
            self.object_activated.emit(hit.kind, hit.id)

    def _show_card(self, hit: Hit) -> None:
        self.card.setText(f"<b>{hit.label}</b><br>{hit.detail.replace(chr(10), '<br>')}")
        self.card.adjustSize()
        self.card.move(12, 12)
        self.card.show()
        self.card.raise_()

    def edit_refusal(self) -> str:
        """Why the person signed on may not add to the map ("" if they may): the services
        refuse a viewer's zone or record, so the tools say so before anything is drawn or typed."""
        from ops_console.domain import Permission

        if self.post.shift.can(Permission.EDIT_RECORDS):
            return ""
        return tr(
            "A viewer can read the map but not add to it: sign on as an operator to draw zones "
            "or add records (File → Change operator…)."
        )

    @Slot()
    def update_permissions(self) -> None:
        refusal = self.edit_refusal()
        for tool in (Tool.POLYGON, Tool.CIRCLE):
            allow(self.tool_actions[tool], refusal)
        if refusal and self.canvas.tool in (Tool.POLYGON, Tool.CIRCLE):
            self.tool_actions[Tool.PAN].trigger()  # a zone half drawn by the last operator is dropped

    @Slot(QPoint, float, float)
    def _context_menu(self, where: QPoint, lat: float, lon: float) -> None:
        menu = QMenu(self)
        menu.setObjectName("mapContextMenu")
        menu.setToolTipsVisible(True)  # a disabled entry says why
        refusal = self.edit_refusal()
        for text, act in (
            (tr("Report incident here…"), lambda: self.create_incident_requested.emit(lat, lon)),
            (tr("New task here…"), lambda: self.create_task_requested.emit(lat, lon)),
            (tr("Add risk point here…"), lambda: self.new_risk(lat, lon)),
            (tr("Add shelter here…"), lambda: self.new_shelter(lat, lon)),
        ):
            allow(menu.addAction(text, act), refusal)
        menu.addSeparator()
        menu.addAction(tr("Centre here"), lambda: self.canvas.centre_on(lat, lon))
        menu.addAction(
            tr("Copy coordinates"), lambda: QGuiApplication.clipboard().setText(f"{lat:.6f}, {lon:.6f}")
        )
        menu.popup(where)
        self._menu = menu

    def new_risk(self, lat: float, lon: float) -> RiskDialog:
        dialog = RiskDialog(self.services.risks.create, lat, lon, parent=self)
        dialog.open()
        return dialog

    def new_shelter(self, lat: float, lon: float) -> ShelterDialog:
        dialog = ShelterDialog(self.services.shelters.create, lat, lon, parent=self)
        dialog.open()
        return dialog

    @Slot(list)
    def _polygon_drawn(self, corners: list) -> None:
        ZoneDialog(self._save_zone, ring=tuple(corners), parent=self).open()

    @Slot(float, float, float)
    def _circle_drawn(self, lat: float, lon: float, radius: float) -> None:
        ZoneDialog(self._save_zone, centre=(lat, lon), radius_m=radius, parent=self).open()

    def _save_zone(self, draft: ZoneDraft):  # type: ignore[no-untyped-def]
        view = self.services.zones.create(draft)
        self.tool_actions[Tool.PAN].trigger()
        return view

    def report(self, error: OpsError) -> None:
        show_error(self, error)
