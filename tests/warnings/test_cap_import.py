"""Received CAP files: every hostile or wrong file gets one clear sentence (never a hang or
a crash), a good one is shown on the alert list with its area, and an Update or Cancel is
linked to the alert it refers to. The parser is fuzzed with hypothesis."""

from __future__ import annotations

import math
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.public_warnings import SENT, alert_xml
from ops_console import alerts
from ops_console.early_warning import cap, cap_import
from ops_console.early_warning.cap_import import CapRejected, parse
from ops_console.said import english


def test_a_good_alert_is_read_with_its_area():
    got = parse(alert_xml())
    assert (got.identifier, got.sender, got.msg_type, got.severity) == (
        "CITY-1",
        "city@example.gov",
        "Alert",
        "Severe",
    )
    assert got.area.polygons[0][0] == (31.2, 121.4) and got.area.desc == "Low streets"


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>"""


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (BOMB, "declares a DTD"),
        (EXTERNAL, "declares a DTD"),
        (alert_xml(ns="urn:example:not-cap"), "not a CAP 1.2 alert"),
        (alert_xml(ns=cap.NS_11), "CAP 1.1 alert; the console reads CAP 1.2 only"),
        (alert_xml(polygon="31.2,121.4 31.21,121.4 31.21,121.42 31.3,121.5"), "does not close"),
        (alert_xml(polygon="31.2,121.4 31.21,121.4 31.2,121.4"), "has 3 point(s); CAP needs at least four"),
        (alert_xml(polygon="91,121.4 31.21,121.4 31.21,121.42 91,121.4"), "outside WGS 84"),
        (alert_xml(polygon="north of the river"), "is not a “lat,lon” pair"),
        (b"<alert", "not well-formed XML"),
        (alert_xml().replace(b"<status>Actual</status>", b"<status>Maybe</status>"), "CAP 1.2 schema"),
        (alert_xml().replace(b"+08:00", b"Z"), "CAP 1.2 schema"),  # CAP forbids "Z"
        (b"\xff\xfe\x00garbage", "XML"),
    ],
    ids=[
        "entity-expansion",
        "external-entity",
        "wrong-namespace",
        "cap-1.1",
        "polygon-not-closed",
        "polygon-3-points",
        "latitude-91",
        "polygon-words",
        "truncated",
        "bad-status",
        "utc-z",
        "garbage",
    ],
)
def test_every_hostile_or_wrong_file_gets_a_sentence(data: bytes, words: str):
    started = time.monotonic()
    with pytest.raises(CapRejected) as refused:
        parse(data)
    assert words in str(refused.value)
    assert str(refused.value).endswith((".", ")")), "a sentence, ending like one"
    assert time.monotonic() - started < 2.0


def test_a_100_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path):
    big = tmp_path / "huge.xml"
    with big.open("wb") as fh:  # sparse: 100 MB on paper, nothing on the disk
        fh.truncate(100 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(CapRejected, match=r"The file is 104\.9 MB; a CAP alert is at most 1000 kB"):
        cap_import.read_file(str(big))
    with pytest.raises(CapRejected, match="104.9 MB"):  # the same words from bytes handed in directly
        parse(b" " * (100 * 1024 * 1024))
    assert time.monotonic() - started < 2.0


def test_update_and_cancel_are_linked_to_the_alert_they_refer_to_and_shown_on_the_alert_list(
    post, tmp_path: Path
):
    inbox = post.warnings.inbox
    folder = tmp_path / "from-city"
    folder.mkdir()
    (folder / "1.xml").write_bytes(alert_xml("CITY-1"))
    (folder / "bad.xml").write_bytes(alert_xml("CITY-X", ns=cap.NS_11))
    accepted, refused = inbox.scan_folder(folder)
    assert [a.identifier for a in accepted] == ["CITY-1"]
    assert [(name, english(words)) for name, words in refused] == [  # stored sentences (said.py)
        ("bad.xml", "This is a CAP 1.1 alert; the console reads CAP 1.2 only — ask the sender for CAP 1.2.")
    ]
    assert inbox.scan_folder(folder) == ([], [])  # looked at once per file version
    shown = [a for a in alerts.collect(post) if a.source == "cap"]
    assert [a.title for a in shown] == ["CAP from city@example.gov: River over the banks"]
    assert shown[0].severity == alerts.Severity.CRITICAL and "Low streets" in shown[0].detail

    (folder / "2.xml").write_bytes(alert_xml("CITY-2", "Update", f"city@example.gov,CITY-1,{SENT}"))
    (update,), _ = inbox.scan_folder(folder)
    first = next(r for r in inbox.list_received() if r.identifier == "CITY-1")
    assert update.refers_to_id == first.id and first.superseded and not first.current
    assert [a.title for a in alerts.collect(post) if a.source == "cap"] == [
        "CAP from city@example.gov — updated: River over the banks"
    ]
    (folder / "3.xml").write_bytes(
        alert_xml("CITY-3", "Cancel", f"city@example.gov,CITY-1,{SENT} city@example.gov,CITY-2,{SENT}")
    )
    (cancel,), _ = inbox.scan_folder(folder)
    assert cancel.refers_to_id == update.id
    assert [r.identifier for r in inbox.list_received(current_only=True)] == []
    assert not [a for a in alerts.collect(post) if a.source == "cap"]


def test_our_own_exported_alert_reads_back(post):
    from helpers.posts import PIN
    from helpers.public_warnings import approved_flood, ready

    ready(post, Path(post.warnings.settings.cap_folder or ".").parent)
    w = approved_flood(post)
    post.warnings.issue(w.id, PIN, ["cap"])
    got = parse(post.warnings.cap_documents(w.id)[0][1])
    assert got.msg_type == "Alert" and got.area.circles


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes_give_a_sentence_or_an_alert(data: bytes):
    try:
        parse(data)
    except CapRejected as exc:
        assert str(exc)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-100, 100, allow_nan=False), st.floats(-200, 200, allow_nan=False)),
        max_size=8,
    ),
    st.text(max_size=30),
)
def test_fuzz_polygons_and_text_inside_a_real_alert(points, junk: str):
    text = " ".join(f"{a},{b}" for a, b in points) + (" " + junk if junk.strip() else "")
    from xml.sax.saxutils import escape

    try:
        got = parse(alert_xml(polygon=escape(text)))
    except CapRejected as exc:
        assert str(exc)
    else:
        ring = got.area.polygons[0]
        assert len(ring) >= 4 and ring[0] == ring[-1]


def test_an_area_frames_its_polygons_and_circles_and_a_described_one_frames_nothing() -> None:
    from ops_console.early_warning.cap import CapArea
    from ops_console.mapping.geo import MEAN_RADIUS, haversine_m

    ring = ((31.2, 121.4), (31.21, 121.4), (31.21, 121.42), (31.2, 121.4))
    assert CapArea("Low streets", (ring,)).bounds() == (31.2, 121.4, 31.21, 121.42)
    one_degree_km = MEAN_RADIUS * math.pi / 180 / 1000  # on the sphere haversine_m measures
    south, west, north, east = CapArea("Around the dam", circles=((0.0, 10.0, one_degree_km),)).bounds()
    assert (south, west, north, east) == pytest.approx((-1.0, 9.0, 1.0, 11.0))
    lat, lon, km = 48.0, 11.0, 5.0  # the box holds the circle's rim, north and east
    south, west, north, east = CapArea("Around the weir", circles=((lat, lon, km),)).bounds()
    assert haversine_m(lat, lon, north, lon) == pytest.approx(km * 1000, rel=1e-9)
    assert haversine_m(lat, lon, lat, east) >= km * 1000 * (1 - 1e-9)
    south, west, north, east = CapArea("Both", (ring,), ((31.3, 121.5, 2.0),)).bounds()
    assert south == 31.2 and west == 121.4 and north > 31.3 and east > 121.5
    assert CapArea("The whole district").bounds() is None
