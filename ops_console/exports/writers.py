"""CSV, GeoJSON and KML files from plain rows and geometries, written whole or not at all.

- CSV: UTF-8 with a byte-order mark (a spreadsheet then reads Chinese names correctly) and
  every cell escaped against formula injection (ops_console.csv_cells).
- GeoJSON (RFC 7946): a FeatureCollection, coordinates as [lon, lat], properties as given;
  rows without a position are kept with a null geometry (nothing silently dropped).
- Times: ISO 8601 in local time with its offset (ops_console/clock.py), whole and
  unambiguous for a GIS or a spreadsheet in any language, never the screen's "6月15日 14:30".
- KML 2.2: built with xml.etree.ElementTree (never by pasting strings together), so a name
  with ``<`` or ``&`` is escaped by the XML library; a row without a position is left out
  of KML (a Placemark needs a place) and counted.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ops_console import csv_cells
from ops_console.printing.files import atomic_file

CSV_ENCODING = "utf-8-sig"
KML_NS = "http://www.opengis.net/kml/2.2"


@dataclass(frozen=True)
class Shape:
    """One feature: a point (``points`` of one), a line, or a polygon's outer ring, as (lat, lon)."""

    kind: str  # point line polygon
    points: Sequence[tuple[float, float]]

    def valid(self) -> bool:
        need = {"point": 1, "line": 2, "polygon": 3}.get(self.kind, 1)  # a ring is closed when written
        return len(self.points) >= need and all(
            math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
            for lat, lon in self.points
        )


@dataclass
class Layer:
    """Rows under column names, each with a shape or None; ``name`` titles a KML folder."""

    name: str
    columns: Sequence[str]
    rows: list[Sequence[object]] = field(default_factory=list)
    shapes: list[Shape | None] = field(default_factory=list)

    def add(self, row: Sequence[object], shape: Shape | None = None) -> None:
        self.rows.append(row)
        self.shapes.append(shape if shape is not None and shape.valid() else None)


def write_csv(path: Path | str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> int:
    with atomic_file(path, "w", encoding=CSV_ENCODING, newline="") as out:
        writer = csv_cells.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
    return len(rows)


def _geometry(shape: Shape | None) -> dict[str, object] | None:
    if shape is None:
        return None
    coords = [[round(lon, 7), round(lat, 7)] for lat, lon in shape.points]
    if shape.kind == "point":
        return {"type": "Point", "coordinates": coords[0]}
    if shape.kind == "line":
        return {"type": "LineString", "coordinates": coords}
    if coords[0] != coords[-1]:
        coords.append(coords[0])
    return {"type": "Polygon", "coordinates": [coords]}


def _value(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value if not (isinstance(value, float) and not math.isfinite(value)) else None
    return str(value)


def geojson(layers: Sequence[Layer]) -> dict[str, object]:
    """A FeatureCollection of every layer's rows; each feature says its layer."""
    features = []
    for layer in layers:
        for row, shape in zip(layer.rows, layer.shapes):
            props = {"layer": layer.name, **{c: _value(v) for c, v in zip(layer.columns, row)}}
            features.append({"type": "Feature", "geometry": _geometry(shape), "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(path: Path | str, layers: Sequence[Layer]) -> int:
    data = geojson(layers)
    with atomic_file(path, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, allow_nan=False)
    return len(data["features"])  # type: ignore[arg-type]


def kml(layers: Sequence[Layer]) -> ET.ElementTree:
    """A KML document with one Folder per layer and a Placemark per row that has a place."""
    ET.register_namespace("", KML_NS)
    q = lambda tag: f"{{{KML_NS}}}{tag}"  # noqa: E731
    root = ET.Element(q("kml"))
    document = ET.SubElement(root, q("Document"))
    for layer in layers:
        folder = ET.SubElement(document, q("Folder"))
        ET.SubElement(folder, q("name")).text = _clean(layer.name)
        for row, shape in zip(layer.rows, layer.shapes):
            if shape is None:
                continue
            mark = ET.SubElement(folder, q("Placemark"))
            ET.SubElement(mark, q("name")).text = _clean(str(row[0]) if row else layer.name)
            data = ET.SubElement(mark, q("ExtendedData"))
            for column, value in zip(layer.columns, row):
                item = ET.SubElement(data, q("Data"), name=_clean(column))
                ET.SubElement(item, q("value")).text = _clean("" if value is None else str(value))
            text = " ".join(f"{lon:.7f},{lat:.7f}" for lat, lon in shape.points)
            if shape.kind == "point":
                ET.SubElement(ET.SubElement(mark, q("Point")), q("coordinates")).text = text.split(" ")[0]
            elif shape.kind == "line":
                ET.SubElement(ET.SubElement(mark, q("LineString")), q("coordinates")).text = text
            else:
                first = shape.points[0]
                if shape.points[-1] != first:
                    text += f" {first[1]:.7f},{first[0]:.7f}"
                ring = ET.SubElement(
                    ET.SubElement(ET.SubElement(mark, q("Polygon")), q("outerBoundaryIs")), q("LinearRing")
                )
                ET.SubElement(ring, q("coordinates")).text = text
    return ET.ElementTree(root)


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters: they are dropped (tabs and newlines kept)."""
    return "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))


def write_kml(path: Path | str, layers: Sequence[Layer]) -> int:
    tree = kml(layers)
    with atomic_file(path, "wb") as out:
        tree.write(out, encoding="utf-8", xml_declaration=True)
    return sum(1 for layer in layers for s in layer.shapes if s is not None)
