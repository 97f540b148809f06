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


def render(layers) -> QImage:  # type: ignore[no-untyped-def]
    from ops_console.ui.mapping.canvas import MapCanvas

    canvas = MapCanvas()
    canvas.resize(W, H)
    for layer in layers:
        canvas.add_layer(layer)
    canvas.set_view(VP)
    image = QImage(W, H, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    canvas.render(p, hud=False)
    p.end()
    return image


def test_incidents_are_drawn_above_sirens(qapp) -> None:
    """A critical incident at a siren's very spot shows its whole symbol, not the siren's."""
    from ops_console.mapping.live import SirenPoint
    from ops_console.ui.mapping.layers.live_layers import SirenLayer

    def layers():  # type: ignore[no-untyped-def]
        sirens, incidents = SirenLayer("sirens", "Sirens"), IncidentLayer("incidents", "Incidents")
        sirens.put_siren(SirenPoint(3, "S3 Temple Square", 0.0, 0.0, 0.0, "sounding", 0, None, 0, True))
        incidents.put(Marker(1, 0.0, 0.0, ("fire", 4), "", "detail"))
        return sirens, incidents

    sirens, incidents = layers()
    alone = render([incidents])
    both = render(layers())  # the map panel's order (ui/mapping/widget.py), bottom first
    box = incidents.keep_clear(VP)[0].toRect()
    assert both.copy(box) == alone.copy(box)
    upside_down = render(reversed(layers()))
    assert upside_down.copy(box) != alone.copy(box)  # the check sees a siren on top


def test_the_map_panel_stacks_incidents_over_infrastructure(post, qtbot, map_settings) -> None:
    from ops_console.ui.bridge import PostBridge
    from ops_console.ui.mapping.widget import MapWidget

    bridge = PostBridge(post.bus)
    widget = MapWidget(post, bridge, settings=map_settings, basemaps=[])
    qtbot.addWidget(widget)
    keys = [layer.key for layer in widget.canvas.layers]
    assert [keys.index(k) for k in ("zones", "shelters", "tasks", "sirens", "incidents")] == sorted(
        keys.index(k) for k in ("zones", "shelters", "tasks", "sirens", "incidents")
    )
    bridge.detach()
