"""GeoJSON (RFC 7946) basemap layers: a pure, fuzzable parser with a size guard.

A post gets its vector layers from many hands (a council export, a volunteer's
drawing, the demo generator), so the parser never trusts them: a file that is not
GeoJSON at all is refused with a sentence (GeoJSONError); inside a good file, each
feature with a bad geometry (wrong nesting, non-numbers, NaN, projected metres where
degrees belong, an open or degenerate ring) is skipped, counted and described, and
the rest of the layer still loads.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ops_console.known_error import OpsError
from ops_console.said import N_, said

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_PROBLEMS_KEPT = 20

Position = tuple[float, float]  # lon, lat


class GeoJSONError(OpsError):
    """The whole file is unusable; the message says why, for a person (a stored sentence,
    shown in the reader's language; ``english`` for the log)."""


@dataclass(frozen=True)
class Feature:
    """One drawable feature: ``kind`` is point, line or polygon.

    ``parts`` holds, for a point, one-position lists (MultiPoint: several); for a line,
    one list of positions per line; for a polygon, its rings (outer first) as one
    part per polygon: ``parts[i]`` is a list of rings.
    """

    kind: str
    parts: tuple[Any, ...]
    properties: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.properties.get("name", "") or "")


@dataclass
class ParsedLayer:
    """The features that loaded, and how many were skipped and why."""

    features: list[Feature] = field(default_factory=list)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)

    def skip(self, index: int, reason: str) -> None:
        self.skipped += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(f"feature {index}: {reason}")


class _Bad(Exception):
    """A feature-level problem (the feature is skipped)."""


def _position(value: Any) -> Position:
    if not isinstance(value, (list, tuple)) or len(value) < 2:
        raise _Bad("a position must be [longitude, latitude]")
    lon, lat = value[0], value[1]
    if (
        isinstance(lon, bool)
        or isinstance(lat, bool)
        or not isinstance(lon, (int, float))
        or not isinstance(lat, (int, float))
    ):
        raise _Bad("coordinates must be numbers")
    lon, lat = float(lon), float(lat)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise _Bad("coordinates must be finite numbers")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise _Bad(
            f"({lon:g}, {lat:g}) is outside the globe; GeoJSON needs WGS84 degrees, not projected metres"
        )
    return lon, lat


def _line(value: Any, minimum: int = 2) -> list[Position]:
    if not isinstance(value, (list, tuple)):
        raise _Bad("a line must be a list of positions")
    line = [_position(p) for p in value]
    if len(line) < minimum:
        raise _Bad(f"a line needs at least {minimum} positions")
    return line


def _ring(value: Any) -> list[Position]:
    ring = _line(value, 3)
    if ring[0] != ring[-1]:
        ring.append(ring[0])  # lenient: close an open ring rather than drop the area
    if len(ring) < 4 or len(set(ring)) < 3:
        raise _Bad("a polygon ring needs at least three distinct corners")
    return ring


def _polygon(value: Any) -> list[list[Position]]:
    if not isinstance(value, (list, tuple)) or not value:
        raise _Bad("a polygon must be a non-empty list of rings")
    return [_ring(r) for r in value]


def _many(value: Any, what: str) -> list[Any]:
    if not isinstance(value, (list, tuple)) or not value:
        raise _Bad(f"a {what} needs a non-empty list of coordinates")
    return list(value)


def _geometry(geom: Any) -> list[tuple[str, tuple[Any, ...]]]:
    """(kind, parts) pairs for a geometry; a GeometryCollection may give several."""
    if not isinstance(geom, dict):
        raise _Bad("geometry must be an object")
    gtype, coords = geom.get("type"), geom.get("coordinates")
    if gtype == "Point":
        return [("point", ([_position(coords)],))]
    if gtype == "MultiPoint":
        return [("point", tuple([_position(p)] for p in _many(coords, "MultiPoint")))]
    if gtype == "LineString":
        return [("line", (_line(coords),))]
    if gtype == "MultiLineString":
        return [("line", tuple(_line(v) for v in _many(coords, "MultiLineString")))]
    if gtype == "Polygon":
        return [("polygon", (_polygon(coords),))]
    if gtype == "MultiPolygon":
        return [("polygon", tuple(_polygon(v) for v in _many(coords, "MultiPolygon")))]
    if gtype == "GeometryCollection":
        members = geom.get("geometries")
        if not isinstance(members, list) or not members:
            raise _Bad("an empty GeometryCollection")
        return [pair for member in members for pair in _geometry(member)]
    raise _Bad(f"unknown geometry type {str(gtype)[:40]!r}")


def parse_geojson(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedLayer:
    """Parse GeoJSON text; raises GeoJSONError only when nothing in it can be used."""
    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    if size > max_bytes:
        raise GeoJSONError(
            said(
                N_(
                    "The file is {size} MB; layers over {most} MB are refused "
                    "so the map stays responsive. Split or simplify it first."
                ),
                size=f"{size / 1e6:.1f}",
                most=f"{max_bytes / 1e6:.1f}",
            )
        )
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise GeoJSONError(_not_json(exc)) from None
    if not isinstance(doc, dict):
        raise GeoJSONError(said(N_("This is JSON but not GeoJSON: the top level must be an object.")))
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            raise GeoJSONError(said(N_("The FeatureCollection has no 'features' list.")))
    elif kind == "Feature":
        features = [doc]
    elif kind in (
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
        "Polygon",
        "MultiPolygon",
        "GeometryCollection",
    ):
        features = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        raise GeoJSONError(said(N_("This is JSON but not GeoJSON (type {type})."), type=repr(str(kind)[:40])))
    layer = ParsedLayer()
    for index, item in enumerate(features):
        try:
            if not isinstance(item, dict) or item.get("type") != "Feature":
                raise _Bad("not a Feature object")
            props = item.get("properties")
            props = dict(props) if isinstance(props, dict) else {}
            if item.get("geometry") is None:
                raise _Bad("no geometry")
            for gkind, parts in _geometry(item["geometry"]):
                layer.features.append(Feature(gkind, parts, props))
        except (_Bad, RecursionError) as exc:
            layer.skip(index, str(exc) or "geometry nested too deeply")
    if layer.skipped:
        log.warning("GeoJSON: %d feature(s) skipped; first: %s", layer.skipped, layer.problems[:3])
    return layer


def load_geojson_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedLayer:
    """Read and parse a file, checking its size before reading it into memory."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise GeoJSONError(
                said(
                    N_(
                        "{name} is {size} MB; layers over {most} MB are "
                        "refused so the map stays responsive. Split or simplify it first."
                    ),
                    name=path.name,
                    size=f"{size / 1e6:.1f}",
                    most=f"{max_bytes / 1e6:.1f}",
                )
            )
        data = path.read_bytes()
    except OSError as exc:
        raise GeoJSONError(
            said(N_("{name} cannot be read ({why})."), name=path.name, why=exc.strerror or str(exc))
        ) from exc
    try:
        return parse_geojson(data, max_bytes=max_bytes)
    except GeoJSONError as exc:
        raise GeoJSONError(said(N_("{name}: {problem}"), name=path.name, problem=exc.stored)) from None


def _not_json(exc: Exception) -> str:
    """Why the text is not JSON, where Python's words (English) say at which line and column."""
    if isinstance(exc, json.JSONDecodeError):
        if exc.pos >= len(exc.doc.rstrip()) or exc.msg.startswith("Unterminated string"):
            return said(
                N_(
                    "This is not valid JSON: it ends early at line {line}, column {column} (a cut-off copy?)."
                ),
                line=exc.lineno,
                column=exc.colno,
            )
        return said(
            N_("This is not valid JSON: it is broken at line {line}, column {column}."),
            line=exc.lineno,
            column=exc.colno,
        )
    if isinstance(exc, RecursionError):
        return said(N_("This is not valid JSON: it is nested too deeply."))
    return said(N_("This is not valid JSON: it is not UTF-8 text."))
