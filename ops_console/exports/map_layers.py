"""The map's layers as exportable data: open incidents, tasks with a place, zones,
shelters, sirens and risk points, read through the services (records of the mode in force)."""

from __future__ import annotations

from ops_console.domain import IncidentStatus, TaskStatus
from ops_console.exports.writers import Layer, Shape
from ops_console.post import Post
from ops_console.services.incidents import IncidentFilter


def map_layers(post: Post) -> list[Layer]:
    incidents = Layer("Incidents", ("Title", "Kind", "Severity", "Status", "Where", "Reported"))
    for i in post.incidents.list(IncidentFilter()):
        if i.status == IncidentStatus.CLOSED:
            continue
        shape = Shape("point", [(i.lat, i.lon)]) if i.lat is not None and i.lon is not None else None
        incidents.add(
            (
                i.title,
                i.kind.label,
                int(i.severity),
                i.status.label,
                i.location_text,
                i.reported_at.isoformat(),
            ),
            shape,
        )
    tasks = Layer("Tasks", ("Title", "Status", "Team", "Due"))
    for t in post.tasks.list():
        if t.status in (TaskStatus.DONE, TaskStatus.CANCELLED) or t.lat is None or t.lon is None:
            continue
        tasks.add(
            (t.title, t.status.label, t.team_name or "", t.due_at.isoformat() if t.due_at else ""),
            Shape("point", [(t.lat, t.lon)]),
        )
    zones = Layer("Zones", ("Name", "Kind", "Notes"))
    for z in post.map.zones.list():
        zones.add((z.name, z.kind.label, z.notes), Shape("polygon", list(z.ring)) if z.ring else None)
    shelters = Layer("Shelters", ("Name", "Capacity", "Occupancy"))
    for sh in post.map.shelters.list():
        shelters.add((sh.name, sh.capacity, sh.occupancy), Shape("point", [(sh.lat, sh.lon)]))
    sirens = Layer("Sirens", ("Name", "State", "Audible radius (m)"))
    for v in post.sirens.list_sirens():
        sirens.add((v.name, v.state, v.audible_radius_m), Shape("point", [(v.lat, v.lon)]))
    return [incidents, tasks, zones, shelters, sirens]
