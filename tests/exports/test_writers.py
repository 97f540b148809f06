"""CSV, GeoJSON and KML writers: read back with the standard parsers, escaping fuzzed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from ops_console.exports.writers import KML_NS, Layer, Shape, kml, write_csv, write_geojson, write_kml

K = f"{{{KML_NS}}}"


def _layer() -> Layer:
    layer = Layer("Incidents <&>", ("Title", "Severity"))
    layer.add(("河水漫堤 <b>&", 4), Shape("point", [(31.23, 121.47)]))
    layer.add(('=HYPERLINK("x")', 2), Shape("polygon", [(31.0, 121.0), (31.1, 121.0), (31.1, 121.1)]))
    layer.add(("no place 𝐀 שלום", 1), None)
    layer.add(("bad place", 1), Shape("point", [(95.0, 200.0)]))  # outside the world: no geometry
    return layer


def test_csv_has_a_bom_and_escapes_formulas(tmp_path) -> None:
    layer = _layer()
    write_csv(tmp_path / "a.csv", layer.columns, layer.rows)
    raw = (tmp_path / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Title", "Severity"] and rows[1][0] == "河水漫堤 <b>&"
    assert rows[2][0] == '\'=HYPERLINK("x")' and rows[3][0] == "no place 𝐀 שלום"


def test_geojson_keeps_every_row_and_closes_rings(tmp_path) -> None:
    assert write_geojson(tmp_path / "a.geojson", [_layer()]) == 4
    data = json.loads((tmp_path / "a.geojson").read_text(encoding="utf-8"))
    features = data["features"]
    assert data["type"] == "FeatureCollection" and len(features) == 4
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [121.47, 31.23]}
    ring = features[1]["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == 4
    assert features[2]["geometry"] is None and features[3]["geometry"] is None
    assert features[0]["properties"] == {"layer": "Incidents <&>", "Title": "河水漫堤 <b>&", "Severity": 4}


def test_kml_is_xml_with_escaped_names_and_only_placed_rows(tmp_path) -> None:
    assert write_kml(tmp_path / "a.kml", [_layer()]) == 2
    root = ET.parse(tmp_path / "a.kml").getroot()
    assert root.tag == f"{K}kml"
    folder = root.find(f"{K}Document/{K}Folder")
    assert folder is not None and folder.findtext(f"{K}name") == "Incidents <&>"
    marks = folder.findall(f"{K}Placemark")
    assert [m.findtext(f"{K}name") for m in marks] == ["河水漫堤 <b>&", '=HYPERLINK("x")']
    assert marks[0].findtext(f"{K}Point/{K}coordinates") == "121.4700000,31.2300000"
    ring = marks[1].findtext(f"{K}Polygon/{K}outerBoundaryIs/{K}LinearRing/{K}coordinates").split()
    assert ring[0] == ring[-1] and len(ring) == 4
    assert b"<b>" not in (tmp_path / "a.kml").read_bytes()  # escaped by the XML library


@settings(max_examples=200)
@given(st.text(max_size=60), st.text(max_size=20))
def test_any_text_survives_kml_and_geojson(name: str, column: str) -> None:
    layer = Layer(name or "x", (column or "c",))
    layer.add((name,), Shape("point", [(1.0, 2.0)]))
    buffer = io.BytesIO()
    kml([layer]).write(buffer, encoding="utf-8", xml_declaration=True)
    back = ET.fromstring(buffer.getvalue())
    kept = back.find(f"{K}Document/{K}Folder/{K}Placemark").findtext(f"{K}name") or ""
    cleaned = "".join(c for c in name if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))
    assert kept == cleaned.replace("\r\n", "\n").replace("\r", "\n") or kept == cleaned
    assert (
        json.loads(
            json.dumps(
                __import__("ops_console.exports.writers", fromlist=["geojson"]).geojson([layer]),
                ensure_ascii=False,
            )
        )["features"][0]["properties"][column or "c"]
        == name
    )
