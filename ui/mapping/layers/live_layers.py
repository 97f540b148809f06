"""Live layers: sirens (audible circles coloured by state), radio teams at their last
position with a short track, and sensors with their latest value.

ui/mapping/live_feed.py keeps them in step with the database. Like every marker layer
they are cacheable (see layer_base.py): circles and tracks are drawn in ``draw`` and culled
against the strip being drawn.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF

from ops_console.hardware.mesh.types import shown_address
from ops_console.mapping import live
from ops_console.mapping.geo import ground_scale, to_mercator
from ops_console.mapping.live import NodeTrack, SensorPoint, SirenPoint
from ops_console.ui.common.formatting import number

from ..viewport import Viewport
from . import symbols
from .layer_base import Hit
from .marker_layer import Marker, MarkerLayer
from .record_layers import TeamLayer, _local_time, tr

SIREN_COLOURS = {
    "idle": "#009e73",
    "sounding": "#d55e00",
    "testing": "#0072b2",
    "fault": "#cc79a7",
    "comms": "#7a8796",
}
SENSOR_COLOUR = "#006d8f"
RADIO_ID_BASE = 1_000_000  # marker ids of radio nodes without a team: base + address


def siren_words() -> dict[str, str]:
    return {
        "idle": tr("Siren idle"),
        "sounding": tr("Siren sounding"),
        "testing": tr("Siren testing"),
        "fault": tr("Siren fault"),
        "comms": tr("Siren comms lost or state unknown"),
    }


@lru_cache(maxsize=16)
def siren_symbol(look: str) -> QPixmap:
    """A round speaker face: a dark horn on a disc in the state colour."""
    pixmap = QPixmap(22, 22)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("white"), 2))
    p.setBrush(QColor(SIREN_COLOURS.get(look, "#7a8796")))
    p.drawEllipse(QRectF(2, 2, 18, 18))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawPolygon(
        QPolygonF(
            [QPointF(6, 9), QPointF(9, 9), QPointF(13, 6), QPointF(13, 16), QPointF(9, 13), QPointF(6, 13)]
        )
    )
    p.setPen(QPen(QColor("white"), 1.4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(11, 7, 6, 8), -60 * 16, 120 * 16)
    p.end()
    return pixmap


@lru_cache(maxsize=8)
def sensor_symbol(stale: bool) -> QPixmap:
    """A small diamond."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("white"), 1.6))
    p.setBrush(QColor(symbols.STALE_COLOUR if stale else SENSOR_COLOUR))
    p.drawPolygon(QPolygonF([QPointF(8, 1), QPointF(15, 8), QPointF(8, 15), QPointF(1, 8)]))
    p.end()
    return pixmap


def _track_pixmap(colour: str) -> QPixmap:
    pixmap = QPixmap(22, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(colour), 1.6))
    p.drawPolyline(QPolygonF([QPointF(1, 11), QPointF(8, 5), QPointF(14, 9), QPointF(21, 3)]))
    p.end()
    return pixmap


class SirenLayer(MarkerLayer):
    """Each siren with its audible circle, both in its state colour."""

    kind = "siren"
    label_priority = 2

    def __init__(self, key: str, title: str, visible: bool = True) -> None:
        super().__init__(key, title, visible)
        self.sirens: dict[int, SirenPoint] = {}

    def set_sirens(self, sirens: list[SirenPoint]) -> None:
        self.sirens = {s.id: s for s in sirens}
        self.set_markers(self._marker(s) for s in sirens)

    def put_siren(self, s: SirenPoint) -> None:
        self.sirens[s.id] = s
        self.put(self._marker(s))

    def remove_siren(self, siren_id: int) -> None:
        self.sirens.pop(siren_id, None)
        self.remove(siren_id)

    def _marker(self, s: SirenPoint) -> Marker:
        x, y = to_mercator(s.lat, s.lon)
        words = siren_words()[s.look]
        heard = _local_time(s.last_heard_at) if s.last_heard_at else tr("never")
        detail = (
            f"{words} · {tr('audible')} {number(round(s.audible_radius_m))} m\n{tr('Last heard')} {heard}"
            + ("" if s.enabled else f"\n{tr('Disabled')}")
        )
        return Marker(s.id, x, y, s.look, s.name, detail)

    def colour_of(self, siren_id: int) -> str:
        return SIREN_COLOURS[self.sirens[siren_id].look]

    def draw(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        if self.sirens:
            p.save()
            for s in self.sirens.values():
                m = self.markers.get(s.id)
                if m is None or s.audible_radius_m <= 0:
                    continue
                r = s.audible_radius_m / ground_scale(s.lat) / vp.res
                centre = vp.to_screen(m.x, m.y)
                if not area.intersects(QRectF(centre.x() - r - 3, centre.y() - r - 3, 2 * r + 6, 2 * r + 6)):
                    continue
                colour = QColor(SIREN_COLOURS[s.look])
                pen = QPen(
                    colour,
                    2.4 if s.look == "sounding" else 1.4,
                    Qt.PenStyle.SolidLine if s.look in ("sounding", "testing") else Qt.PenStyle.DashLine,
                )
                fill = QColor(colour)
                fill.setAlpha(60 if s.look == "sounding" else 22)
                p.setPen(pen)
                p.setBrush(fill)
                p.drawEllipse(centre, r, r)
            p.restore()
        super().draw(p, vp, area)

    def pixmap(self, style: Hashable) -> QPixmap:
        return siren_symbol(str(style))

    def dot_colour(self, style: Hashable) -> str:
        return SIREN_COLOURS.get(str(style), "#7a8796")

    def legend(self) -> list[tuple[QPixmap, str]]:
        words = siren_words()
        rows = [(siren_symbol(k), words[k]) for k in live.SIREN_LOOKS]
        return rows + [(_track_pixmap(SIREN_COLOURS["idle"]), tr("Circle: where the siren can be heard"))]


class LiveTeamLayer(TeamLayer):
    """Teams from the radio: last position, a thin track of the last reports, grey after 15 min.

    Still takes ``put_position`` from other features (the TeamLayer interface)."""

    label_priority = -1  # few and moving: their names win over record labels

    def __init__(self, key: str, title: str, visible: bool = False) -> None:
        super().__init__(key, title, visible)
        self.tracks: dict[int, NodeTrack] = {}  # marker id → radio node

    @staticmethod
    def marker_id(t: NodeTrack) -> int:
        return t.team_id if t.team_id is not None else RADIO_ID_BASE + t.node_addr

    def set_tracks(self, tracks: list[NodeTrack], now: datetime | None = None) -> None:
        for mid in set(self.tracks) - {self.marker_id(t) for t in tracks}:
            self.remove(mid)
        self.tracks = {self.marker_id(t): t for t in tracks}
        for t in tracks:
            self._put_track(t, now)

    def _put_track(self, t: NodeTrack, now: datetime | None) -> None:
        x, y = to_mercator(t.lat, t.lon)
        label = f"{t.team_name} ({t.callsign})" if t.team_name else t.callsign
        detail = f"{tr('Radio')} {t.callsign} · {tr('Last position')} {_local_time(t.at)}"
        self.put(Marker(self.marker_id(t), x, y, t.stale(now), label, detail))

    def stale(self, marker_id: int) -> bool:
        return bool(self.markers[marker_id].style)

    def refresh_staleness(self, now: datetime | None = None) -> None:
        super().refresh_staleness(now)
        for t in list(self.tracks.values()):
            self._put_track(t, now)

    def draw(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        if self.tracks:
            p.save()
            for mid, t in self.tracks.items():
                if len(t.track) < 2 or mid not in self.markers:
                    continue
                line = QPolygonF([vp.to_screen(*to_mercator(lat, lon)) for lat, lon in t.track])
                if not area.intersects(line.boundingRect().adjusted(-2, -2, 2, 2)):
                    continue
                colour = symbols.STALE_COLOUR if self.markers[mid].style else symbols.TEAM_COLOUR
                p.setPen(
                    QPen(
                        QColor(colour),
                        1.6,
                        Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin,
                    )
                )
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPolyline(line)
            p.restore()
        super().draw(p, vp, area)

    def hit(self, vp: Viewport, pos: QPointF) -> Hit | None:
        hit = super().hit(vp, pos)
        if hit is not None and hit.id >= RADIO_ID_BASE:  # a radio without a team: a card, nothing to open
            return Hit("radio_node", hit.id - RADIO_ID_BASE, hit.label, hit.detail, hit.x, hit.y)
        return hit

    def legend(self) -> list[tuple[QPixmap, str]]:
        return super().legend() + [
            (_track_pixmap(symbols.TEAM_COLOUR), tr("Track: last 10 reported positions"))
        ]


class SensorLayer(MarkerLayer):
    """Sensors at their node's position with the latest value; grey after 30 min."""

    kind = "sensor"
    label_priority = 1

    def __init__(self, key: str, title: str, visible: bool = True) -> None:
        super().__init__(key, title, visible)
        self.sensors: dict[int, SensorPoint] = {}
        self._ids: dict[str, int] = {}

    def set_sensors(self, sensors: list[SensorPoint], now: datetime | None = None) -> None:
        for s in sensors:
            self._ids.setdefault(s.sensor_id, len(self._ids) + 1)
        self.sensors = {self._ids[s.sensor_id]: s for s in sensors}
        self.set_markers(self._marker(i, s, now) for i, s in self.sensors.items())

    def refresh_staleness(self, now: datetime | None = None) -> None:
        self.set_markers(self._marker(i, s, now) for i, s in self.sensors.items())

    def _marker(self, i: int, s: SensorPoint, now: datetime | None) -> Marker:
        x, y = to_mercator(s.lat, s.lon)
        detail = f"{tr('Sensor')} {s.sensor_id} · {tr('node')} {shown_address(s.node_addr)}\n{tr('Reading at')} {_local_time(s.at)}"
        return Marker(i, x, y, s.stale(now), s.text, detail)

    def marker_for(self, sensor_id: str) -> Marker | None:
        i = self._ids.get(sensor_id)
        return self.markers.get(i) if i is not None else None

    def pixmap(self, style: Hashable) -> QPixmap:
        return sensor_symbol(bool(style))

    def dot_colour(self, style: Hashable) -> str:
        return symbols.STALE_COLOUR if style else SENSOR_COLOUR

    def label_colour(self, marker: Marker) -> str:
        return "#6b7480" if marker.style else "#004d66"

    def legend(self) -> list[tuple[QPixmap, str]]:
        return [
            (sensor_symbol(False), tr("Sensor, latest value")),
            (sensor_symbol(True), tr("Sensor, no reading for 30 min")),
        ]
