"""GeoJSON from other hands: bad features are skipped and counted, bad files refused in words."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ops_console.mapping.demo_basemap import OUTPUT, build_basemap
from ops_console.mapping.geojson import GeoJSONError, load_geojson_file, parse_geojson


def fc(*geometries):
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"name": f"f{i}"}, "geometry": g}
                for i, g in enumerate(geometries)
            ],
        }
    )


GOOD_POINT = {"type": "Point", "coordinates": [120.17, 30.26]}


def test_invalid_geometries_are_skipped_counted_and_described(caplog):
    layer = parse_geojson(
        fc(
            GOOD_POINT,
            {"type": "Point", "coordinates": ["a", 1]},
            {"type": "LineString", "coordinates": [[120, 30]]},
            {"type": "Polygon", "coordinates": [[[120, 30], [120.1, 30], [120, 30]]]},
            {
                "type": "Polygon",
                "coordinates": [[[120, 30], [120.1, 30], [120.1, 30.1]]],
            },  # open ring: closed for us
            {"type": "Hexagon", "coordinates": []},
            None,
            {"type": "Point", "coordinates": [1e400, 1]},  # parses as infinity
        )
    )
    assert [f.kind for f in layer.features] == ["point", "polygon"]
    assert layer.skipped == 6
    assert any("numbers" in p for p in layer.problems) and any("three distinct" in p for p in layer.problems)
    assert "skipped" in caplog.text


def test_projected_metres_are_refused_as_outside_the_globe():
    layer = parse_geojson(fc({"type": "Point", "coordinates": [13377263.0, 3537014.0]}, GOOD_POINT))
    assert layer.skipped == 1 and "outside the globe" in layer.problems[0]
    assert len(layer.features) == 1


@pytest.mark.parametrize(
    "text, words",
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "top level"),
        ('{"type": "Topology"}', "not GeoJSON"),
        ('{"type": "FeatureCollection"}', "no 'features'"),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
    ],
)
def test_unusable_files_are_refused_with_words(text, words):
    with pytest.raises(GeoJSONError, match=words):
        parse_geojson(text)


def test_size_guard_refuses_before_reading(tmp_path):
    path = tmp_path / "big.geojson"
    path.write_text(fc(*[GOOD_POINT] * 200))
    with pytest.raises(GeoJSONError, match="refused so the map stays responsive"):
        load_geojson_file(path, max_bytes=1000)
    assert len(load_geojson_file(path, max_bytes=1_000_000).features) == 200


def test_committed_demo_basemap_is_what_the_generator_makes():
    assert json.loads(OUTPUT.read_text(encoding="utf-8")) == json.loads(json.dumps(build_basemap()))
    layer = load_geojson_file(OUTPUT)
    assert layer.skipped == 0
    streets = {f.name for f in layer.features if f.properties["layer"] == "streets"}
    assert {
        "Willow Lane",
        "Canal Road",
        "Ferry Lane",
        "Harbour Street",
        "Mill Street",
        "Lotus Pond Road",
    } <= streets


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["type", "coordinates", "geometry", "features", "properties", "geometries"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)
geometry_types = st.sampled_from(
    [
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
        "Polygon",
        "MultiPolygon",
        "GeometryCollection",
        "Nope",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries(
            {"type": geometry_types, "coordinates": json_values, "geometries": json_values}
        ),
        max_size=6,
    ),
    json_values,
)
def test_fuzzed_geojson_never_crashes(geometries, junk):
    for text in (fc(*geometries), json.dumps(junk)):
        try:
            layer = parse_geojson(text)
        except GeoJSONError:
            continue
        assert layer.skipped + len(layer.features) >= 0
        for feature in layer.features:
            assert feature.kind in ("point", "line", "polygon")
