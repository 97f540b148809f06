"""Layers for the post's own records: incidents, tasks, teams, shelters, risk points, zones.

Each turns the services' frozen views into markers or shapes; ``put_*`` replaces one
record so a change on another workstation redraws only that object.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPixmap

from ops_console.clock import utc_now
from ops_console.domain import IncidentKind, Priority, Severity
from ops_console.mapping.geo import ground_scale, to_mercator
from ops_console.mapping.risks import RiskLevel, RiskView
from ops_console.mapping.shelters import ShelterView
from ops_console.mapping.zones import ZoneKind, ZoneView
from ops_console.services.incidents import IncidentView
from ops_console.services.tasks import TaskView
from ops_console.ui.common.formatting import local_short, number

from ..viewport import Viewport
from . import symbols
from .marker_layer import Marker, MarkerLayer
from .shape_layer import Shape, ShapeLayer

STALE_AFTER = timedelta(minutes=15)


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


def _local_time(at: datetime) -> str:
    """Day and time; the year too when it is not this year's."""
    return local_short(at)


class IncidentLayer(MarkerLayer):
    label_priority = 0
    kind = "incident"

    def put_incident(self, v: IncidentView) -> None:
        if v.lat is None or v.lon is None or v.status.value == "closed":
            self.remove(v.id)
            return
        x, y = to_mercator(v.lat, v.lon)
        detail = (
            f"{v.kind.label} · {v.severity.label} · {v.status.label}\n{v.location_text}\n"
            f"{tr('Reported')} {_local_time(v.reported_at)}"
        )
        self.put(Marker(v.id, x, y, (v.kind.value, int(v.severity)), f"#{v.id} {v.title}", detail))

    def pixmap(self, style: Hashable) -> QPixmap:
        return symbols.incident_symbol(*style)  # type: ignore[misc]

    def keep_clear(self, vp: Viewport) -> list[QRectF]:
        """Serious and critical incidents are never hidden under another record's label
        (their own label sits beside the symbol, not on it)."""
        return self.symbol_boxes(vp, lambda m: m.style[1] >= Severity.SERIOUS)  # type: ignore[index]

    def dot_colour(self, style: Hashable) -> str:
        return symbols.severity_colour(style[1])  # type: ignore[index]

    def legend(self) -> list[tuple[QPixmap, str]]:
        rows = [
            (symbols.incident_symbol("other", int(s)), f"{tr('Incident')}: {s.label}")
            for s in reversed(Severity)
        ]
        rows += [
            (symbols.incident_symbol(k.value, 2), k.label) for k in IncidentKind if k != IncidentKind.OTHER
        ]
        return rows


class TaskLayer(MarkerLayer):
    label_priority = 4
    kind = "task"

    def put_task(self, v: TaskView) -> None:
        if v.lat is None or v.lon is None or v.status.value in ("done", "cancelled"):
            self.remove(v.id)
            return
        x, y = to_mercator(v.lat, v.lon)
        detail = f"{v.status.label} · {v.priority.label}\n{v.team_name or tr('No team')}\n{v.location_text}"
        self.put(Marker(v.id, x, y, int(v.priority), f"T{v.id} {v.title}", detail))

    def pixmap(self, style: Hashable) -> QPixmap:
        return symbols.task_symbol(style)  # type: ignore[arg-type]

    def dot_colour(self, style: Hashable) -> str:
        return symbols.PRIORITY_COLOURS.get(style, "#0072b2")  # type: ignore[call-overload]

    def legend(self) -> list[tuple[QPixmap, str]]:
        return [(symbols.task_symbol(int(p)), f"{tr('Task')}: {p.label}") for p in reversed(Priority)]


@dataclass(frozen=True)
class TeamPosition:
    """A team's last reported position (the radio feature sends these)."""

    team_id: int
    name: str
    lat: float
    lon: float
    at: datetime


class TeamLayer(MarkerLayer):
    """Teams where they last reported; grey once the report is older than 15 minutes."""

    kind = "team"
    label_priority = 0

    def __init__(self, key: str, title: str, visible: bool = False) -> None:
        super().__init__(key, title, visible)
        self.positions: dict[int, TeamPosition] = {}

    def put_position(self, pos: TeamPosition, now: datetime | None = None) -> None:
        self.positions[pos.team_id] = pos
        x, y = to_mercator(pos.lat, pos.lon)
        stale = (now or utc_now()) - pos.at > STALE_AFTER
        self.put(Marker(pos.team_id, x, y, stale, pos.name, f"{tr('Last position')} {_local_time(pos.at)}"))

    def refresh_staleness(self, now: datetime | None = None) -> None:
        for pos in list(self.positions.values()):
            self.put_position(pos, now)

    def pixmap(self, style: Hashable) -> QPixmap:
        return symbols.team_symbol(bool(style))

    def dot_colour(self, style: Hashable) -> str:
        return symbols.STALE_COLOUR if style else symbols.TEAM_COLOUR

    def label_colour(self, marker: Marker) -> str:
        return "#6b7480" if marker.style else "#1d3f75"

    def legend(self) -> list[tuple[QPixmap, str]]:
        return [
            (symbols.team_symbol(False), tr("Team, last position")),
            (symbols.team_symbol(True), tr("Team, no report for 15 min")),
        ]


class ShelterLayer(MarkerLayer):
    label_priority = 1
    kind = "shelter"

    def put_shelter(self, v: ShelterView) -> None:
        x, y = to_mercator(v.lat, v.lon)
        tenths = round(10 * min(1.0, v.fill_ratio))
        detail = (
            f"{v.status.label} · {v.occupancy}/{v.capacity} {tr('people')} · {v.free} {tr('free')}\n"
            f"{', '.join(v.facilities)}\n{v.contact}"
        )
        over = v.occupancy - v.capacity
        label = f"{v.name} {v.occupancy}/{v.capacity}" + (
            tr(" OVER by {n}").replace("{n}", str(over)) if over > 0 else ""
        )
        self.put(Marker(v.id, x, y, (v.status.value, tenths), label, detail))

    def pixmap(self, style: Hashable) -> QPixmap:
        return symbols.shelter_symbol(*style)  # type: ignore[misc]

    def dot_colour(self, style: Hashable) -> str:
        return symbols.SHELTER_COLOURS.get(style[0], "#7a8796")  # type: ignore[index]

    def label_colour(self, marker: Marker) -> str:
        return "#00694d"

    def legend(self) -> list[tuple[QPixmap, str]]:
        return [
            (symbols.shelter_symbol("open", 4), tr("Shelter open (dark = share taken)")),
            (symbols.shelter_symbol("full", 10), tr("Shelter full")),
            (symbols.shelter_symbol("closed", 0), tr("Shelter closed")),
        ]


class RiskLayer(MarkerLayer):
    label_priority = 3
    kind = "risk"

    def put_risk(self, v: RiskView, now: datetime | None = None) -> None:
        x, y = to_mercator(v.lat, v.lon)
        overdue = v.is_overdue(now)
        detail = (
            f"{v.kind.label} · {v.level.label} · {tr('mitigation')}: {v.mitigation.label}\n"
            f"{tr('Inspection due')} {_local_time(v.inspection_due)}"
            + (f" — {tr('OVERDUE')}" if overdue else "")
        )
        self.put(Marker(v.id, x, y, (int(v.level), overdue), v.name, detail))

    def pixmap(self, style: Hashable) -> QPixmap:
        return symbols.risk_symbol(*style)  # type: ignore[misc]

    def dot_colour(self, style: Hashable) -> str:
        return symbols.LEVEL_COLOURS.get(style[0], "#7a8796")  # type: ignore[index]

    def legend(self) -> list[tuple[QPixmap, str]]:
        rows = [(symbols.risk_symbol(int(l), False), f"{tr('Risk')}: {l.label}") for l in reversed(RiskLevel)]
        return rows + [(symbols.risk_symbol(3, True), tr("Risk, inspection overdue (red edge)"))]


ZONE_COLOURS = {
    ZoneKind.EVACUATION.value: ("#c0171d", (192, 23, 29, 46)),
    ZoneKind.WARNING.value: ("#b57900", (230, 159, 0, 46)),
}


class ZoneLayer(ShapeLayer):
    label_priority = 2
    kind = "zone"

    def put_zone(self, v: ZoneView) -> None:
        ox, oy = self.origin
        if v.centre is not None:
            cx, cy = to_mercator(*v.centre)
            r = (v.radius_m or 0) / ground_scale(v.centre[0])  # ground metres → Mercator metres here
            path = QPainterPath()
            path.addEllipse(QPointF(cx - ox, cy - oy), r, r)
            polygon = None
            centre = (cx, cy)
            size = f"{tr('radius')} {number(round(v.radius_m))} m"
        else:
            ring = [to_mercator(lat, lon) for lat, lon in v.ring]
            path = self.ring_path(ring)
            polygon = self.ring_polygon(ring)
            centre = (
                sum(x for x, _ in ring[:-1]) / max(1, len(ring) - 1),
                sum(y for _, y in ring[:-1]) / max(1, len(ring) - 1),
            )
            size = f"{len(ring) - 1} {tr('corners')}"
        self.put(
            Shape(
                v.id,
                path,
                v.kind.value,
                v.name,
                f"{v.kind.label} {tr('zone')} · {size}\n{v.notes}",
                centre,
                polygon,
            )
        )

    def style_pen_brush(self, style: Hashable) -> tuple[QPen, QBrush]:
        line, fill = ZONE_COLOURS.get(style, ("#6b4c9a", (107, 76, 154, 46)))  # type: ignore[call-overload]
        pen = QPen(QColor(line), 2.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        return pen, QBrush(QColor(*fill))

    def label_colour(self, shape: Shape) -> str:
        return ZONE_COLOURS.get(shape.style, ("#3d2a63",))[0]  # type: ignore[call-overload]

    def legend(self) -> list[tuple[QPixmap, str]]:
        rows = []
        for kind, label in (
            (ZoneKind.EVACUATION.value, tr("Evacuation zone")),
            (ZoneKind.WARNING.value, tr("Warning zone")),
        ):
            pixmap = QPixmap(22, 14)
            pixmap.fill(Qt.GlobalColor.transparent)
            from PySide6.QtGui import QPainter

            p = QPainter(pixmap)
            pen, brush = self.style_pen_brush(kind)
            pen.setWidthF(1.5)
            p.setPen(pen)
            p.setBrush(brush)
            p.drawRect(1, 1, 20, 12)
            p.end()
            rows.append((pixmap, label))
        return rows
