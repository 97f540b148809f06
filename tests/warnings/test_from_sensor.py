"""One click from a sensor alert to a draft warning: the reading, the place and the area
(the zone the gauge stands in, else the sirens heard there) filled in. The reading arrives
as a real S1 frame through the radio ingest, which raises the alert."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from helpers.public_warnings import ready
from helpers.sensors import RIVER, T0, sensor_frame
from ops_console.early_warning.templates import Hazard
from ops_console.mapping.zones import ZoneDraft, ZoneKind


def test_a_draft_from_an_emergency_reading_has_the_reading_place_and_area(post, tmp_path: Path, qapp):
    ready(post, tmp_path)
    siren = post.sirens.get(3)
    post.sensors.save(replace(RIVER, lat=siren.lat, lon=siren.lon))
    post.radio.ingest.ingest(
        [sensor_frame(RIVER.sensor_id, v, T0 + timedelta(minutes=m)) for v, m in ((2.0, 0), (3.7, 1))]
    )
    alert = next(a for a in post.sensors.recent_alerts() if a.rule.value == "level_up" and a.level == 3)
    w = post.warnings.draft_from_sensor_alert(post.sensors.alert(alert.id))
    assert w.hazard == Hazard.FLOOD.value and w.place == "Old bridge"
    assert "Reading: River gauge, old bridge 3.7 m (emergency ≥ 3.5 m)" in w.texts["en-US"]["description"]
    assert "3.7 m" in w.texts["zh-CN"]["description"]
    assert w.area.kind == "sirens" and siren.id in w.area.siren_ids
    assert [e.action for e in post.warnings.timeline(w.id)] == ["warning.draft", "warning.from_sensor"]

    # with a zone drawn around the gauge, the zone is the area
    d = 0.002
    ring = (
        (siren.lat - d, siren.lon - d),
        (siren.lat + d, siren.lon - d),
        (siren.lat + d, siren.lon + d),
        (siren.lat - d, siren.lon + d),
    )
    zone = post.map.zones.create(ZoneDraft("Old bridge low streets", ZoneKind.EVACUATION, ring=ring))
    w2 = post.warnings.draft_from_sensor_alert(post.sensors.alert(alert.id))
    assert (w2.area.kind, w2.area.zone_id, w2.area.desc) == ("zone", zone.id, "Old bridge low streets")
