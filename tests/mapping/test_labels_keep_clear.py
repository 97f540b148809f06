"""Labels never cover a serious or critical incident: a task's name placed over the
symbol of a critical incident is left out (the task's own symbol still shows), while a
minor incident's symbol may be covered like any other place on the map."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from ops_console.ui.mapping.layers import Marker, place_labels
from ops_console.ui.mapping.layers.record_layers import IncidentLayer, TaskLayer
from ops_console.ui.mapping.viewport import Viewport

W, H = 400, 300
VP = Viewport(0.0, 0.0, 1.0, W, H)  # one Mercator metre per pixel, centred on 0,0


def labels_drawn(incident_severity: int) -> int:
    incidents, tasks = IncidentLayer("incidents", "Incidents"), TaskLayer("tasks", "Tasks")
    incidents.put(Marker(1, 0.0, 0.0, ("flood", incident_severity), "", "detail"))  # no label of its own
    tasks.put(Marker(7, -20.0, 0.0, ("open", 2), "Sandbags to the school", "detail"))  # its label runs right
    image = QImage(W, H, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    try:
        keep = incidents.keep_clear(VP) + tasks.keep_clear(VP)
        return place_labels(p, tasks.labels_for(VP), keep)
    finally:
        p.end()


def test_a_label_over_a_critical_incident_is_left_out(qapp) -> None:
    assert labels_drawn(4) == 0  # critical: the incident stays in sight
    assert labels_drawn(3) == 0  # serious too


def test_a_minor_incident_does_not_push_labels_away(qapp) -> None:
    assert labels_drawn(1) == 1


def test_the_boxes_are_where_the_symbols_are(qapp) -> None:
    incidents = IncidentLayer("incidents", "Incidents")
    incidents.put(Marker(1, 0.0, 0.0, ("fire", 4), "#1 Fire", "detail"))
    [box] = incidents.keep_clear(VP)
    assert box.contains(W / 2, H / 2) and box.width() < 40
