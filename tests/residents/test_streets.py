"""The street of an address (a pure parser): examples, and a fuzz run over any text."""

import pytest
from hypothesis import given
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
def test_circle_box_holds_the_circle(lat, lon, radius, angle, fraction):
    import math

    from ops_console.mapping.geo import offset

    p = offset(lat, lon, math.sin(angle) * radius * fraction, math.cos(angle) * radius * fraction)
    box = circle_box(lat, lon, radius)
    if in_circle(p[0], p[1], (lat, lon), radius):
        assert box.min_lat <= p[0] <= box.max_lat and box.min_lon <= p[1] <= box.max_lon
