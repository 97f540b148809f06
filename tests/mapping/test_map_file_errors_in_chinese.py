"""A basemap file that cannot be used is explained in the reader's language.

Real bad files (a GeoJSON cut off half way, garbage, an "MBTiles" that is not SQLite, a
PMTiles archive with a damaged or foreign header, a wrong ``[[basemap]]`` table): with the
zh_CN catalogue installed the sentence on the map has no English words left (file names,
format names and TOML keys are data), and in English it reads as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from ops_console.config import load_settings
from ops_console.known_error import OpsError
from ops_console.mapping.geojson import load_geojson_file
from ops_console.mapping.mbtiles import MBTilesReader
from ops_console.mapping.pmtiles_reader import PMTilesReader
from tests.helpers.english_left import english_words

from .test_pmtiles import write_pmtiles

# format names, TOML keys and values a Chinese operator reads and types in Latin letters
DATA = {
    "JSON",
    "GeoJSON",
    "FeatureCollection",
    "features",
    "MBTiles",
    "PMTiles",
    "SQLite",
    "PNG",
    "JPEG",
    "WebP",
}
DATA |= {
    "UTF",
    "tiles",
    "kind",
    "path",
    "url",
    "xyz",
    "mbtiles",
    "pmtiles",
    "geojson",
    "max_zoom",
    "wms",
    "basemap",
}
DATA |= {"gzip", "pmtiles", "convert", "pbf", "Topology", "ward", "aerial", "junk", "quad"}


def _geojson(tmp_path: Path, text: bytes) -> OpsError:
    path = tmp_path / "ward.geojson"
    path.write_bytes(text)
    with pytest.raises(OpsError) as caught:
        load_geojson_file(path)
    return caught.value


def _mbtiles(tmp_path: Path, data: bytes) -> OpsError:
    path = tmp_path / "aerial.mbtiles"
    path.write_bytes(data)
    with pytest.raises(OpsError) as caught:
        MBTilesReader(path)
    return caught.value


def _pmtiles(path: Path) -> OpsError:
    with pytest.raises(OpsError) as caught:
        PMTilesReader(path)
    return caught.value


GEOJSON = [
    (
        b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Po',
        "ends early",
    ),
    (b"\x00\x01garbage\xff", "not valid JSON"),
    (b'{"type": "Topology"}', "not GeoJSON"),
    (b"[1, 2]", "top level must be an object"),
    (b'{"type": "FeatureCollection"}', "no 'features' list"),
    (b'{"type": "Feature", ]', "broken at line 1"),
]


@pytest.mark.parametrize(("data", "words"), GEOJSON)
def test_a_truncated_or_garbage_geojson_in_chinese_and_english(tmp_path, qapp, data, words):
    from ops_console.language import install_translators, remove_translators

    error = _geojson(tmp_path, data)
    assert words in str(error) and str(error).startswith("ward.geojson: ")
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert english_words(str(error), DATA) == [], str(error)
    finally:
        remove_translators(qapp, translators)
    assert error.english == str(error)  # the log's words, whatever the console speaks


def test_an_mbtiles_file_that_is_not_sqlite(tmp_path, chinese):
    error = _mbtiles(tmp_path, b"<html>404 Not Found</html>" * 20)
    assert english_words(str(error), DATA) == [], str(error)
    assert error.english.startswith("aerial.mbtiles is not a readable tile package")


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda p: p.write_bytes(b"this is not a tile archive at all " * 40), "not a PMTiles archive"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(400)), "MBTiles"),
        (lambda p: p.write_bytes(p.read_bytes()[:7] + b"\x02" + p.read_bytes()[8:]), "version 2"),
        (lambda p: p.write_bytes(p.read_bytes()[:60]), "too short"),
        (lambda p: p.write_bytes(p.read_bytes()[:300]), "ends early"),
        (lambda p: p.write_bytes(p.read_bytes()[:99] + b"\x2a" + p.read_bytes()[100:]), "code 42"),
    ],
)
def test_a_pmtiles_archive_with_a_bad_header(tmp_path, png_tile, qapp, damage, words):
    from ops_console.language import install_translators, remove_translators

    path = write_pmtiles(tmp_path / "quad.pmtiles", {(2, 1, 1): png_tile("#ff0000")})
    damage(path)
    error = _pmtiles(path)
    assert words in str(error)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert english_words(str(error), DATA) == [], str(error)
    finally:
        remove_translators(qapp, translators)


def test_a_wrong_basemap_table_is_named_in_chinese(tmp_path, chinese):
    path = tmp_path / "config.toml"
    path.write_text(
        '[[basemap]]\nkind = "wms"\nurl = "https://x/{z}/{x}/{y}"\n\n'
        '[[basemap]]\nkind = "xyz"\nurl = "ftp://x/{z}/{x}/{y}.png"\nmaxzoom = 3\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    shown = [str(OpsError(spec.problem)) for spec in settings.basemaps]
    assert len(shown) == 2
    for text in shown:
        assert english_words(text, DATA | {"ftp"}) == [], text
    assert "未加载" in shown[0]


def test_the_map_names_a_basemap_that_did_not_load_in_chinese(qtbot, qapp, post, map_settings, tmp_path):
    """The map's status line: a junk PMTiles file and an "MBTiles" that is an HTML page."""
    from ops_console.language import install_translators, remove_translators

    from .test_basemap_loading import loaded_widget, post_config, table

    config = post_config(
        tmp_path, table("pmtiles", "maps/junk.pmtiles") + table("mbtiles", "maps/page.mbtiles")
    )
    (config.parent / "maps" / "junk.pmtiles").write_bytes(b"<html>404 Not Found</html>" * 20)
    (config.parent / "maps" / "page.mbtiles").write_bytes(b"<html>404 Not Found</html>" * 20)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        widget, results = loaded_widget(qtbot, post, map_settings, config)
        assert [layer for layer, _ in results] == [None, None]
        for text in (*widget.basemaps.problems, widget.canvas.status_text):
            assert english_words(text, DATA | {"page"}) == [], text
        widget.close_map()
    finally:
        remove_translators(qapp, translators)
