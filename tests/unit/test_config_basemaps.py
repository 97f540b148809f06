"""``[[basemap]]`` tables in the config file: read in order, relative paths found next to the
file, and every mistake named by the table's number and the field, never fatal."""

from pathlib import Path

import pytest

from ops_console.config import load_settings
from ops_console.said import english


def settings_from(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "post" / "config.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_no_basemaps_by_default(tmp_path):
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.basemaps == [] and settings.problems == []


def test_every_kind_is_read_in_order(tmp_path):
    settings = settings_from(
        tmp_path,
        """
[[basemap]]
kind = "mbtiles"
path = "maps/aerial.mbtiles"
title = "Aerial 2023"
attribution = "© County GIS"
max_zoom = 19

[[basemap]]
kind = "pmtiles"
path = "/srv/maps/region.pmtiles"

[[basemap]]
kind = "xyz"
url = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
attribution = "© OpenStreetMap contributors"

[[basemap]]
kind = "geojson"
path = "~/ward.geojson"
""",
    )
    assert settings.problems == []
    aerial, region, online, ward = settings.basemaps
    folder = tmp_path / "post"
    assert (aerial.kind, aerial.path, aerial.title, aerial.attribution, aerial.max_zoom) == (
        "mbtiles",
        folder / "maps" / "aerial.mbtiles",
        "Aerial 2023",
        "© County GIS",
        19,
    )
    assert (region.path, region.title, region.label, region.max_zoom) == (
        Path("/srv/maps/region.pmtiles"),
        "",
        "region",
        None,
    )  # no title: the archive's own name is used
    assert (online.url, online.label, online.path) == (
        "https://{s}.tile.example.org/{z}/{x}/{y}.png",
        "{s}.tile.example.org",
        None,
    )
    assert ward.path == Path("~/ward.geojson").expanduser() and ward.label == "ward"
    assert [s.index for s in settings.basemaps] == [1, 2, 3, 4] and not any(
        s.problem for s in settings.basemaps
    )


@pytest.mark.parametrize(
    "table, words",
    [
        ('kind = "wms"\nurl = "https://x/{z}/{x}/{y}"', "#1: kind = 'wms' is not one of"),
        ('path = "a.mbtiles"', "#1: kind = None is not one of"),
        ('kind = "mbtiles"', '#1: kind = "mbtiles" needs path'),
        ('kind = "pmtiles"\npath = ""', '#1: kind = "pmtiles" needs path'),
        ('kind = "geojson"\nurl = "https://x/{z}/{x}/{y}"', '#1: url is for kind = "xyz"'),
        ('kind = "xyz"', '#1: kind = "xyz" needs url'),
        ('kind = "xyz"\npath = "tiles"', "#1: path is for files"),
        ('kind = "xyz"\nurl = "ftp://x/{z}/{x}/{y}.png"', "must start with http:// or https://"),
        ('kind = "xyz"\nurl = "https://x/{z}/{x}.png"', "must contain {z}, {x} and {y}"),
        ('kind = "xyz"\nurl = "https://x/{z}/{x}/{y}{r}.png"', "placeholder other than"),
        (
            'kind = "mbtiles"\npath = "a.mbtiles"\nmax_zoom = 40',
            "#1: max_zoom = 40 must be a whole number from 0 to 24",
        ),
        ('kind = "mbtiles"\npath = "a.mbtiles"\nmax_zoom = "18"', "max_zoom = '18'"),
        ('kind = "mbtiles"\npath = "a.mbtiles"\ntitle = 5', "#1: title = 5 must be text"),
    ],
)
def test_a_mistake_is_named_and_that_map_is_marked_unusable(tmp_path, table, words):
    settings = settings_from(tmp_path, f"[[basemap]]\n{table}\n")
    (spec,) = settings.basemaps
    problem = english(spec.problem)  # a stored sentence (said.py), read in the reader's language
    assert words in problem and problem.startswith("[[basemap]] #1")
    assert spec.problem in settings.problems and "not loaded" in problem


def test_a_bad_table_does_not_stop_the_others(tmp_path):
    settings = settings_from(
        tmp_path,
        '[[basemap]]\nkind = "mbtiles"\npath = "a.mbtiles"\n\n'
        '[[basemap]]\nkind = "tiff"\npath = "b.tif"\n\n'
        '[[basemap]]\nkind = "geojson"\npath = "c.geojson"\n',
    )
    good, bad, other = settings.basemaps
    assert not good.problem and not other.problem
    assert english(bad.problem).startswith("[[basemap]] #2: kind = 'tiff'") and bad.index == 2
    assert len(settings.problems) == 1


def test_small_slips_are_named_but_the_map_still_loads(tmp_path):
    settings = settings_from(
        tmp_path, '[[basemap]]\nkind = "geojson"\npath = "w.geojson"\nmaxzoom = 3\nmax_zoom = 12\n'
    )
    (spec,) = settings.basemaps
    assert not spec.problem and spec.max_zoom is None
    assert any("#1: unknown field 'maxzoom'" in english(p) for p in settings.problems)
    assert any("#1: max_zoom is for tiles" in english(p) for p in settings.problems)


def test_a_single_bracket_table_is_explained(tmp_path):
    settings = settings_from(tmp_path, '[basemap]\nkind = "mbtiles"\npath = "a.mbtiles"\n')
    (spec,) = settings.basemaps
    assert "two brackets" in english(spec.problem) and spec.problem in settings.problems


def test_basemaps_sit_beside_the_other_sections(tmp_path):
    settings = settings_from(
        tmp_path,
        '[sirens]\ncountry = "cn"\n\n[[basemap]]\nkind = "pmtiles"\npath = "p.pmtiles"\n'
        '\n[[siren_bus]]\nname = "north"\nport = "/dev/ttyUSB1"\n',
    )
    assert settings.siren_buses == {"north": "/dev/ttyUSB1"} and settings.basemaps[0].kind == "pmtiles"
