"""The street of an address (a pure parser): examples, and a fuzz run over any text."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ops_console.residents.geometry import circle_box, in_circle, in_ring, ring_box
from ops_console.residents.streets import MAX_LENGTH, NO_STREET, street_of


@pytest.mark.parametrize(
    "address, street",
    [
        ("Willow Lane 12", "Willow Lane"),
        ("12 Willow Lane", "Willow Lane"),
        ("Willow Lane 12a, flat 3", "Willow Lane"),
        ("No. 7 Harbour Street", "Harbour Street"),
        ("Old Granary flats, block C", "Old Granary flats"),
        ("  Lotus  Pond Road 88 ", "Lotus Pond Road"),
        ("柳巷 12号", "柳巷"),
        ("12", "12"),
        ("", NO_STREET),
        ("   ", NO_STREET),
    ],
)
def test_street_examples(address, street):
    assert street_of(address) == street


@given(st.text(max_size=400))
def test_street_of_any_text_is_short_clean_and_stable(text):
    street = street_of(text)
    assert street and len(street) <= MAX_LENGTH
    assert street == street.strip() and "," not in street
    assert street_of(text.split(",", 1)[0]) == street  # only the part before the first comma counts


@given(
    st.floats(-60, 60),
    st.floats(-170, 170),
    st.floats(0.0001, 0.5),
    st.floats(0.0001, 0.5),
    st.floats(-1, 1),
    st.floats(-1, 1),
)
def test_point_in_rectangle_ring_matches_box(lat0, lon0, h, w, fy, fx):
    ring = ((lat0, lon0), (lat0, lon0 + w), (lat0 + h, lon0 + w), (lat0 + h, lon0))
    lat, lon = lat0 + h * (0.5 + fy * 0.7), lon0 + w * (0.5 + fx * 0.7)
    box = ring_box(ring)
    strictly_inside = box.min_lat < lat < box.max_lat and box.min_lon < lon < box.max_lon
    assert in_ring(lat, lon, ring) == strictly_inside


@given(st.floats(-60, 60), st.floats(-170, 170), st.floats(1, 20_000), st.floats(0, 6.28), st.floats(0, 2))
@example(0.0, 0.0, 1.0, 0.0, 1.0010243674651471)  # found by CI: on the rim, outside a 111,320 m/degree box
def test_circle_box_holds_the_circle(lat, lon, radius, angle, fraction):
    import math

    from ops_console.mapping.geo import offset

    p = offset(lat, lon, math.sin(angle) * radius * fraction, math.cos(angle) * radius * fraction)
    box = circle_box(lat, lon, radius)
    if in_circle(p[0], p[1], (lat, lon), radius):
        assert box.min_lat <= p[0] <= box.max_lat and box.min_lon <= p[1] <= box.max_lon


def _destination(lat: float, lon: float, bearing: float, metres: float) -> tuple[float, float]:
    """The point ``metres`` from (lat, lon) along ``bearing`` on the sphere of radius
    6,371,008.8 m (the spherical direct formula, written out here, not the code's)."""
    import math

    d = metres / 6_371_008.8
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(bearing))
    l2 = l1 + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), math.degrees(l2)


@given(st.floats(-80, 80), st.floats(-170, 170), st.floats(1, 50_000), st.floats(0, 6.2831))
def test_every_point_on_the_rim_is_in_the_box(lat, lon, radius, bearing):
    """A resident just inside a circular zone's edge is found by the position index."""
    p = _destination(lat, lon, bearing, radius * (1 - 1e-6))  # a micrometre a metre inside
    box = circle_box(lat, lon, radius)
    assert in_circle(p[0], p[1], (lat, lon), radius)
    assert box.min_lat <= p[0] <= box.max_lat and box.min_lon <= p[1] <= box.max_lon
