"""CAP 1.2 documents built with lxml and checked against the OASIS schema.

The schema is resources/cap/CAP-v1.2.xsd, the official OASIS text
(http://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2.xsd; see resources/cap/SOURCE.md).
Every document the console writes goes through :func:`validate` before it leaves, so a
city gateway never receives one its parser would reject. Pure: no database, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ops_console.mapping.geo import circle_extent_deg

if TYPE_CHECKING:  # lxml loads when a document is built or checked, not when the post opens
    from lxml import etree

NS = "urn:oasis:names:tc:emergency:cap:1.2"
NS_11 = "urn:oasis:names:tc:emergency:cap:1.1"
_Q = f"{{{NS}}}"


@dataclass(frozen=True)
class CapArea:
    """``polygons``: rings of (lat, lon), closed; ``circles``: (lat, lon, radius_km)."""

    desc: str
    polygons: tuple[tuple[tuple[float, float], ...], ...] = ()
    circles: tuple[tuple[float, float, float], ...] = ()

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) around every polygon and circle, for a map to show the
        whole area; None for an area given by its description only."""
        lats = [lat for ring in self.polygons for lat, _ in ring]
        lons = [lon for ring in self.polygons for _, lon in ring]
        for lat, lon, km in self.circles:  # on the sphere the map's distances use
            dlat, dlon = circle_extent_deg(lat, km * 1000.0)
            lats += [lat - dlat, lat + dlat]
            lons += [lon - dlon, lon + dlon]
        return (min(lats), min(lons), max(lats), max(lons)) if lats else None


@dataclass(frozen=True)
class CapInfo:
    language: str
    category: str
    event: str
    urgency: str
    severity: str
    certainty: str
    headline: str
    description: str
    instruction: str
    expires: datetime
    sender_name: str = ""
    response_type: str = ""  # e.g. Evacuate, Shelter, AllClear


@dataclass(frozen=True)
class CapMessage:
    identifier: str
    sender: str
    sent: datetime
    status: str  # Actual | Exercise
    msg_type: str  # Alert | Update | Cancel
    infos: tuple[CapInfo, ...]
    area: CapArea
    references: tuple[tuple[str, str, datetime], ...] = ()  # (sender, identifier, sent)
    note: str = ""


class CapInvalid(ValueError):
    """A document the OASIS schema rejects; the words name the first problem and its line
    (``line``, and ``detail``: the schema validator's own words, which are English)."""

    def __init__(self, text: str, line: int = 0, detail: str = "") -> None:
        super().__init__(text)
        self.line, self.detail = line, detail or text


def cap_time(at: datetime) -> str:
    """CAP's dateTime: seconds, an explicit offset, never "Z" (the schema's pattern forbids it)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.replace(microsecond=0).isoformat()


def _coord(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def polygon_text(ring: tuple[tuple[float, float], ...]) -> str:
    """CAP's polygon: space-separated "lat,lon" pairs, first pair repeated last."""
    pts = list(ring)
    if pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return " ".join(f"{_coord(lat)},{_coord(lon)}" for lat, lon in pts)


def circle_text(lat: float, lon: float, radius_km: float) -> str:
    return f"{_coord(lat)},{_coord(lon)} {_coord(radius_km)}"


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    from lxml import etree

    el = etree.SubElement(parent, _Q + name)
    if text is not None:
        el.text = text
    return el


def build(msg: CapMessage) -> bytes:
    """The document's bytes (UTF-8, with declaration), in the schema's element order."""
    from lxml import etree

    root = etree.Element(_Q + "alert", nsmap={None: NS})
    _sub(root, "identifier", msg.identifier)
    _sub(root, "sender", msg.sender)
    _sub(root, "sent", cap_time(msg.sent))
    _sub(root, "status", msg.status)
    _sub(root, "msgType", msg.msg_type)
    _sub(root, "scope", "Public")
    if msg.note:
        _sub(root, "note", msg.note)
    if msg.references:
        _sub(root, "references", " ".join(f"{s},{i},{cap_time(t)}" for s, i, t in msg.references))
    for info in msg.infos:
        el = _sub(root, "info")
        _sub(el, "language", info.language)
        _sub(el, "category", info.category)
        _sub(el, "event", info.event)
        if info.response_type:
            _sub(el, "responseType", info.response_type)
        _sub(el, "urgency", info.urgency)
        _sub(el, "severity", info.severity)
        _sub(el, "certainty", info.certainty)
        _sub(el, "expires", cap_time(info.expires))
        if info.sender_name:
            _sub(el, "senderName", info.sender_name)
        _sub(el, "headline", info.headline)
        _sub(el, "description", info.description)
        _sub(el, "instruction", info.instruction)
        area = _sub(el, "area")
        _sub(area, "areaDesc", msg.area.desc)
        for ring in msg.area.polygons:
            _sub(area, "polygon", polygon_text(ring))
        for lat, lon, km in msg.area.circles:
            _sub(area, "circle", circle_text(lat, lon, km))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


@cache
def schema() -> etree.XMLSchema:
    """The OASIS CAP 1.2 schema shipped in resources/cap (parsed once)."""
    from lxml import etree

    path = resources.files("ops_console.resources.cap") / "CAP-v1.2.xsd"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.fromstring(path.read_bytes(), parser))


def validate(document: bytes) -> None:
    """Raise CapInvalid unless ``document`` is a valid CAP 1.2 alert."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.fromstring(document, parser)
    except etree.XMLSyntaxError as exc:
        raise CapInvalid(f"not well-formed XML: {exc}") from None
    xsd = schema()
    if not xsd.validate(tree):
        err = xsd.error_log.last_error
        if err is None:
            raise CapInvalid("rejected by the CAP 1.2 schema")
        raise CapInvalid(f"line {err.line}: {err.message}", err.line, err.message)
