"""Projection, tiles, distances and grid references, checked against known values."""

import math

import pytest

from ops_console.mapping import geo
from ops_console.mapping.grid import mgrs


@pytest.mark.parametrize(
    "lat, lon", [(0, 0), (30.26, 120.17), (-33.86, 151.21), (69.65, 18.96), (-54.8, -68.3)]
)
def test_mercator_round_trip(lat, lon):
    back = geo.to_lat_lon(*geo.to_mercator(lat, lon))
    assert back == pytest.approx((lat, lon), abs=1e-9)


def test_latitudes_beyond_the_mercator_square_are_clamped_not_infinite():
    x, y = geo.to_mercator(90, 0)
    assert math.isfinite(y) and y == pytest.approx(geo.HALF_WORLD)


def test_tile_bounds_and_range_agree():
    z, x, y = 15, 27327, 13435
    bounds = geo.tile_bounds(z, x, y)
    cx, cy = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    assert geo.tile_range(z, cx, cy, cx, cy) == (x, y, x, y)


@pytest.mark.parametrize("lat", [0, 30.26, 60, 80])
def test_ground_scale_makes_scale_bar_right_at_any_latitude(lat):
    # 1 km east on the ground is 1/cos(lat) km in Mercator metres
    lat2, lon2 = geo.offset(lat, 10.0, 0, 1000)
    x1, _ = geo.to_mercator(lat, 10.0)
    x2, _ = geo.to_mercator(lat2, lon2)
    assert (x2 - x1) * geo.ground_scale(lat) == pytest.approx(1000, rel=0.01)
    assert geo.haversine_m(lat, 10.0, lat2, lon2) == pytest.approx(1000, rel=0.01)


def test_mgrs_known_references():
    assert mgrs(0, 0) == "31N AA 66021 00000"
    zone_square, east, north = mgrs(38.889484, -77.035278).rsplit(" ", 2)  # Washington Monument
    assert zone_square == "18S UJ"  # published: 18S UJ 23483 06479 (coordinates rounded there)
    assert abs(int(east) - 23483) < 10 and abs(int(north) - 6479) < 10
    assert mgrs(30.26, 120.17).startswith("51R ")
    assert mgrs(85, 0) is None and mgrs(float("nan"), 0) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30.26, 120.17", (30.26, 120.17)),
        ("30.26 N 120.17 E", (30.26, 120.17)),
        ("33.86S 151.21E", (-33.86, 151.21)),
        ("-12.5 -40", (-12.5, -40.0)),
        ("Temple Square", None),
        ("95, 10", None),
        ("1 2 3", None),
    ],
)
def test_parse_coordinates(text, expected):
    assert geo.parse_coordinates(text) == expected


def test_nice_scale_bar_lengths():
    assert [geo.nice_distance(v) for v in (123, 480, 999, 1.7)] == [100, 200, 500, 1]
    assert geo.format_distance(1500) == "1.5 km" and geo.format_distance(200) == "200 m"
