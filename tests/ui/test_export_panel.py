"""File → Export current panel: the incidents panel's filtered rows as CSV and GeoJSON, with
times written whole (ISO 8601 with the offset) whatever the screen's language shows."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from ops_console.clock import utc_now
from ops_console.domain import Severity
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.app import build_main_window
from ops_console.ui.common.i18n import install_translators, remove_translators
from ops_console.ui.common.jobs import pending_jobs
from ops_console.ui.common.view_export import snapshot
from ops_console.ui.incidents.model import COLUMNS


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


@pytest.fixture
def chinese(qapp, monkeypatch):
    """The console speaking zh_CN, in China's time zone (UTC+8, so the offset and the local
    clock are seen to be written): the screen says "6月15日 14:30"."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    translators = install_translators(qapp, QLocale("zh_CN"))
    assert translators, "the zh_CN catalogue did not load"
    yield qapp
    remove_translators(qapp, translators)
    monkeypatch.undo()
    time.tzset()


ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
ISO_ANYWHERE = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?")


def test_exported_times_are_whole_iso_in_chinese(chinese, window, post, qtbot, tmp_path) -> None:
    """On screen a time this year reads "6月15日 14:30" (no year, no zone); the file for the
    city's GIS and the paper backup carries it whole: ISO 8601, local time with its offset.
    The other cells stay the screen's words, still escaped, in UTF-8 with a BOM."""
    reported = utc_now().replace(microsecond=0) - timedelta(days=3, hours=5)
    for title, lat in (("河水漫堤", 31.23), ('=HYPERLINK("http://x")', None)):
        post.incidents.create(
            IncidentDraft(
                title=title,
                severity=Severity.SERIOUS,
                lat=lat,
                lon=121.47 if lat else None,
                reported_at=reported,
            )
        )
    window.show()
    panel = window.incidents
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    on_screen = panel.model.index(0, COLUMNS.index("reported")).data()
    assert "月" in on_screen and str(reported.year) not in on_screen  # what the panel shows
    window._last_panel = panel
    window.export_panel(str(tmp_path / "shown.csv"), "csv")
    qtbot.waitUntil(lambda: (tmp_path / "shown.csv").exists() and pending_jobs() == 0, timeout=10_000)
    raw = (tmp_path / "shown.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    when_column = header.index(panel.model.headerData(COLUMNS.index("reported"), Qt.Orientation.Horizontal))
    title_column = header.index(panel.model.headerData(COLUMNS.index("title"), Qt.Orientation.Horizontal))
    assert "报" in header[when_column]  # the headings are the panel's own (Chinese) words
    for row in rows:
        cell = row[when_column]
        assert ISO_WITH_OFFSET.match(cell), cell
        assert cell.startswith(str(reported.astimezone().year))
        assert datetime.fromisoformat(cell) == reported  # the same instant, not a guess
        assert cell.endswith("+08:00")  # the local clock, with its offset
        assert datetime.fromisoformat(cell).hour == (reported.hour + 8) % 24
    assert {r[title_column] for r in rows} == {"河水漫堤", '\'=HYPERLINK("http://x")'}

    window.export_panel(str(tmp_path / "shown.geojson"), "geojson")
    qtbot.waitUntil(lambda: (tmp_path / "shown.geojson").exists() and pending_jobs() == 0, timeout=10_000)
    features = json.loads((tmp_path / "shown.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"][header[when_column]] for f in features} == {rows[0][when_column]}


def test_a_time_only_clock_on_screen_exports_the_day_and_year(window, post, qtbot, tmp_path) -> None:
    """The activity log shows today's entries by day and clock; the export has the year,
    the seconds and the offset, for every entry the log shows."""
    window.show()
    panel = window.activity
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    layer = snapshot(panel, "activity")
    model = panel.model
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    cells = [row[0] for row in layer.rows]
    assert cells and all(ISO_WITH_OFFSET.match(c) for c in cells), cells[:3]
    assert all(c not in shown for c in cells)
    assert [datetime.fromisoformat(c) for c in cells] == [
        model.entry_at(r).at.replace(microsecond=0) for r in range(model.rowCount())
    ]


# cells whose screen words may stay: a countdown (mm:ss left of a PAR interval) is no date
COUNTDOWN = re.compile(r"^[-−]?\d+:\d\d / \d+ min$")
LOCALE_DATE = re.compile(r"\d+月\d+日|\d{1,2}:\d\d")
NOT_HERE = {"risks": "the map's inspection dates (ui/mapping, another brief)"}


def test_every_panel_exports_its_times_whole(full_demo_post, chinese, qtbot, themed, layout_settings) -> None:
    """Every dock of the demo post in Chinese: no exported cell carries a time or date as
    the screen writes it ("12月5日 19:43", a bare "14:05"); ISO 8601 stands in its place."""
    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    found, iso_cells = [], 0
    for key, dock in window.docks.items():
        if key in NOT_HERE:
            continue
        dock.show()
        dock.raise_()
        for _ in range(5):
            QApplication.processEvents()
        layer = snapshot(dock.widget(), key)
        for row in layer.rows:
            for column, cell in zip(layer.columns, row):
                iso_cells += len(ISO_ANYWHERE.findall(str(cell)))
                rest = ISO_ANYWHERE.sub("", str(cell))
                if LOCALE_DATE.search(rest) and not COUNTDOWN.match(rest):
                    found.append(f"{key} / {column}: {cell!r}")
    window.close()
    assert iso_cells > 300, "the demo's incidents, log, stock and alerts have times"
    assert not found, "\n".join(found[:20])
