"""The map's layers of the demo post as GeoJSON and KML, from the CLI's report command."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from helpers.cli import run_cli
from helpers.posts import open_signed_on, sqlite_url
from ops_console.demo import build_full_demo
from ops_console.exports.writers import KML_NS


def test_map_layers_of_the_demo_post(tmp_path) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite")
    post = open_signed_on(url)
    build_full_demo(post)
    post.close()
    done = run_cli(
        tmp_path, "--db", url, "report", "map", "--format", "geojson", "--out", str(tmp_path / "m.geojson")
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))
    layers = {f["properties"]["layer"] for f in data["features"]}
    assert {"Incidents", "Zones", "Shelters", "Sirens"} <= layers
    assert any(f["geometry"] and f["geometry"]["type"] == "Polygon" for f in data["features"])
    done = run_cli(
        tmp_path, "--db", url, "report", "map", "--format", "kml", "--out", str(tmp_path / "m.kml")
    )
    assert done.returncode == 0, done.stderr
    root = ET.parse(tmp_path / "m.kml").getroot()
    names = [f.findtext(f"{{{KML_NS}}}name") for f in root.iter(f"{{{KML_NS}}}Folder")]
    assert names[:5] == ["Incidents", "Tasks", "Zones", "Shelters", "Sirens"]
    assert len(list(root.iter(f"{{{KML_NS}}}Placemark"))) > 10
