"""File → Export current panel: the incidents panel's filtered rows as CSV and GeoJSON."""

from __future__ import annotations

import csv
import io
import json

from ops_console.domain import Severity
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.common.jobs import pending_jobs


def test_the_incidents_panel_exports_what_it_shows(window, post, qtbot, tmp_path) -> None:
    for title, lat in (
        ("河水漫堤 at the bridge", 31.23),
        ("=cmd|' /C calc'!A0 flood", 31.24),
        ("flood, no place", None),
    ):
        post.incidents.create(
            IncidentDraft(title=title, severity=Severity.SERIOUS, lat=lat, lon=121.47 if lat else None)
        )
    post.incidents.create(IncidentDraft(title="Tree down", severity=Severity.MINOR))
    window.show()
    panel = window.incidents
    panel.search_edit.setText("flood")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)  # the filter lets two through
    window._last_panel = panel
    window.export_panel(str(tmp_path / "shown.csv"), "csv")
    qtbot.waitUntil(lambda: (tmp_path / "shown.csv").exists() and pending_jobs() == 0, timeout=10_000)
    raw = (tmp_path / "shown.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 3 and "Title" in rows[0]
    titles = {r[rows[0].index("Title")] for r in rows[1:]}
    assert titles == {"'=cmd|' /C calc'!A0 flood", "flood, no place"}
    panel.search_edit.setText("")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=5000)
    window.export_panel(str(tmp_path / "all.geojson"), "geojson")
    qtbot.waitUntil(lambda: (tmp_path / "all.geojson").exists() and pending_jobs() == 0, timeout=10_000)
    features = json.loads((tmp_path / "all.geojson").read_text(encoding="utf-8"))["features"]
    by_title = {f["properties"]["Title"]: f["geometry"] for f in features}
    assert by_title["河水漫堤 at the bridge"] == {"type": "Point", "coordinates": [121.47, 31.23]}
    assert by_title["Tree down"] is None and len(features) == 4
