"""The map's basemaps and raster tiles: loaded in order, files opened off the GUI thread.

A post lists its maps in the config file (``[[basemap]]``); the map stacks them in that
order, first at the bottom, raster tiles under vector basemaps and both under the
records. Parsing a GeoJSON file or opening a tile archive (a USB stick, a network share)
runs as a job on a one-thread lane, so maps open and report in order and a slow first map
never lets a later one jump under it. A map that cannot be loaded is logged, named in the
map's status line and kept in ``problems``; the others still load and the console never
goes down for a bad file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from ops_console.config import data_dir
from ops_console.errors import OpsError
from ops_console.mapping.basemap_config import DEMO_BASEMAP, BasemapSpec
from ops_console.mapping.geojson import GeoJSONError, load_geojson_file
from ops_console.mapping.mbtiles import MBTilesReader
from ops_console.mapping.pmtiles_reader import PMTilesReader
from ops_console.said import N_, said
from ops_console.ui.common.jobs import JobLane, start_job

from .layers import MapLayer
from .layers.basemap import BasemapLayer
from .tiles import ArchiveSource, TileLayer, TileSource, XYZSource

if TYPE_CHECKING:
    from .canvas import MapCanvas
    from .legend import LegendPanel

log = logging.getLogger(__name__)
BASEMAP_MAX_BYTES = 20 * 1024 * 1024
_OPENERS = {
    "geojson": lambda p: load_geojson_file(p, max_bytes=BASEMAP_MAX_BYTES),
    "mbtiles": MBTilesReader,
    "pmtiles": PMTilesReader,
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


def geojson_spec(path: Path | str) -> BasemapSpec:
    """A spec for a GeoJSON file opened by hand (or the bundled demo ward)."""
    path = Path(path)
    if path == DEMO_BASEMAP:
        return BasemapSpec(
            "geojson",
            tr("Streets and buildings"),
            path,
            attribution=tr("Demo basemap: fictional Willow Creek ward"),
        )
    return BasemapSpec("geojson", path.stem, path, attribution=path.stem)


def _not_loaded(spec: BasemapSpec, exc: Exception) -> OpsError:
    return OpsError(
        said(N_("{map} could not be loaded ({why})."), map=spec.label, why=f"{type(exc).__name__}: {exc}")
    )


def _open(spec: BasemapSpec) -> object:
    """Worker thread: parse or open the file (raises with words for a person)."""
    if spec.problem:
        raise OpsError(spec.problem)
    return _OPENERS[spec.kind](spec.path) if spec.kind in _OPENERS else None


class BasemapStack(QObject):
    """Puts basemaps and tile layers on a canvas, in order, and reports the ones that fail."""

    # a basemap finished loading: its layer (BasemapLayer or TileLayer), or None and the error sentence
    loaded = Signal(object, str)

    def __init__(
        self, canvas: MapCanvas, legend: LegendPanel, records_bottom: MapLayer, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.canvas, self.legend, self._records_bottom = canvas, legend, records_bottom
        self.tile_layers: list[TileLayer] = []
        self.problems: list[str] = []  # sentences for the maps that did not load, oldest first
        self._basemap_index = 0
        self._lane = JobLane("basemap-load", parent=self)  # one thread: maps open and stack in order
        self._pending = 0
        self._closed = False

    # loading -------------------------------------------------------------------------------
    def load(self, items: Sequence[Path | str | BasemapSpec]) -> None:
        """Bare paths (the bundled demo ward) load now, as before; specs in order, off the GUI thread."""
        for item in items:
            if isinstance(item, BasemapSpec) or self._pending:
                self.open(item if isinstance(item, BasemapSpec) else geojson_spec(item))
                continue
            try:
                self.add_geojson(item)
            except GeoJSONError as exc:
                self._fail(geojson_spec(item), exc)

    def open(self, spec: BasemapSpec) -> None:
        """Queue one basemap after those already pending; ``loaded`` says how it went."""
        self._pending += 1
        start_job(
            self._lane,
            partial(_open, spec),
            partial(self._opened, spec),
            partial(self._open_failed, spec),
            owner=self,
        )

    @property
    def pending(self) -> int:
        return self._pending

    def _open_failed(self, spec: BasemapSpec, exc: Exception) -> None:
        self._pending -= 1
        if self._closed:
            return
        if isinstance(exc, (OpsError, GeoJSONError)):
            self._fail(spec, exc)
        else:  # a bug in a parser must not take the console down with it
            log.error("basemap %s", spec.label, exc_info=exc)
            self._fail(spec, _not_loaded(spec, exc))

    def _opened(self, spec: BasemapSpec, opened: object) -> None:
        self._pending -= 1
        if self._closed:  # a reader opened for a map that closed meanwhile: release its file
            if hasattr(opened, "close"):
                opened.close()
            return
        try:
            layer = self._build(spec, opened)
        except (OpsError, GeoJSONError) as exc:
            self._fail(spec, exc)
        except Exception as exc:  # a bug in a parser must not take the console down with it
            log.exception("basemap %s", spec.label)
            self._fail(spec, _not_loaded(spec, exc))
        else:
            self.loaded.emit(layer, "")

    def _build(self, spec: BasemapSpec, opened: object) -> MapLayer:
        """GUI thread: turn what the worker opened into a layer on the canvas."""
        if spec.kind == "geojson":
            return self._insert_basemap(spec, opened)
        if spec.kind == "xyz":
            source: TileSource = XYZSource(
                spec.url or "",
                name=spec.label,
                attribution=spec.attribution,
                max_zoom=spec.max_zoom if spec.max_zoom is not None else 19,
                cache_dir=self._cache_dir(spec.url or ""),
            )
        else:
            source = ArchiveSource(opened)  # type: ignore[arg-type]
            # the package's own levels decide; the config may only ask for less (deeper views scale them)
            source.max_zoom = min(source.max_zoom, spec.max_zoom if spec.max_zoom is not None else 99)
        return self.add_tiles(source, spec.title or None, spec.attribution)

    def _fail(self, spec: BasemapSpec, error: OpsError) -> None:
        """Say on the map why ``spec`` did not load (in the reader's language; English in the log)."""
        text = str(error)
        log.warning("basemap %s not loaded: %s", spec.label, error.english)
        self.problems.append(text)
        more = len(self.problems) - 1
        self.canvas.status_text = text[:160] + (tr(" (+{n} more, see log)").format(n=more) if more else "")
        self.canvas.update()
        self.loaded.emit(None, text)

    @staticmethod
    def _cache_dir(url: str) -> Path:
        """One disk cache per server, so two caches never prune each other's files."""
        return data_dir() / "tile-cache" / hashlib.sha1(url.encode()).hexdigest()[:16]

    # putting layers on the canvas -------------------------------------------------------------
    def add_geojson(self, path: Path | str, title: str | None = None) -> BasemapLayer:
        """Load a GeoJSON basemap now (raises GeoJSONError); drawn under the records."""
        spec = geojson_spec(path)
        parsed = load_geojson_file(path, max_bytes=BASEMAP_MAX_BYTES)
        return self._insert_basemap(replace(spec, title=title) if title else spec, parsed)

    def _insert_basemap(self, spec: BasemapSpec, parsed) -> BasemapLayer:  # type: ignore[no-untyped-def]
        layer = BasemapLayer(parsed, spec.label, f"basemap{self._basemap_index}", spec.attribution)
        self._basemap_index += 1
        layer.on_change = self.canvas.update
        self.canvas.layers.insert(self.canvas.layers.index(self._records_bottom), layer)
        if layer.attribution and not self.canvas.attribution:
            self.canvas.attribution = layer.attribution
        if layer.skipped:
            name = spec.path.name if spec.path else spec.label
            self.canvas.status_text = tr("{n} map features skipped in {name} (see log)").format(
                n=layer.skipped, name=name
            )
        self._changed()
        return layer

    def add_tiles(self, source: TileSource, title: str | None = None, attribution: str = "") -> TileLayer:
        """Show a tile source under every vector layer, above the tile layers added before it."""
        layer = TileLayer(source, f"tiles{len(self.tile_layers)}", title)
        layer.attribution = attribution or layer.attribution
        source.updated.connect(self.canvas.update)
        source.state_changed.connect(self._source_state)
        self.tile_layers.append(layer)
        self.canvas.layers.insert(len(self.tile_layers) - 1, layer)
        layer.on_change = self.canvas.update
        self.canvas.attribution = " · ".join(l.attribution for l in self.tile_layers if l.attribution)
        self._changed()
        return layer

    def _changed(self) -> None:
        self.legend.set_layers(self.canvas.layers)
        self.canvas.update()

    @Slot(str)
    def _source_state(self, text: str) -> None:
        self.canvas.status_text = text
        self.canvas.update()

    def close(self) -> None:
        """Stop loading and close every tile source (before the map closes)."""
        self._closed = True
        for layer in self.tile_layers:
            layer.source.close()
