"""Reading a CAP 1.2 file from outside (the city): untrusted XML in, a plain record or one
clear sentence out — never a hang, never a crash.

Order of defences: the size (a CAP alert is kilobytes; anything over MAX_BYTES is refused
before it is parsed), defusedxml with DTDs forbidden (entity expansion "billion laughs",
external entities and external DTDs are refused, not resolved), the namespace (CAP 1.1 and
other documents get their own sentence), the OASIS schema, then the geometry rules the
schema cannot express (a polygon of at least four "lat,lon" points whose first and last
are the same, WGS 84 ranges). Pure: bytes in, a value out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError

from ops_console.early_warning import cap
from ops_console.known_error import OpsError
from ops_console.said import N_, said

MAX_BYTES = 1_000_000  # the largest real CAP alerts (long polygons) are tens of kB
_Q = f"{{{cap.NS}}}"


_TOO_BIG = N_("The file is {mb} MB; a CAP alert is at most {kb} kB, so it was not read.")


class CapRejected(OpsError, ValueError):
    """A received file the console will not show, with the sentence that says why: a stored
    sentence (ops_console/said.py), so the notice and the CLI read it in the reader's language
    (``str()``), the log in English (``.english``); ``.stored`` hands it on."""


@dataclass(frozen=True)
class ReceivedCap:
    identifier: str
    sender: str
    sent: datetime
    status: str
    msg_type: str
    references: tuple[tuple[str, str], ...]  # (sender, identifier) of earlier messages
    headline: str
    event: str
    severity: str
    area: cap.CapArea


def parse(data: bytes) -> ReceivedCap:
    """The CAP 1.2 alert in ``data``, or CapRejected with one sentence."""
    if len(data) > MAX_BYTES:
        raise CapRejected(said(_TOO_BIG, mb=f"{len(data) / 1e6:.1f}", kb=MAX_BYTES // 1000))
    root = _safe_root(data)
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    local = root.tag.split("}")[-1]
    if ns == cap.NS_11:
        raise CapRejected(
            said(N_("This is a CAP 1.1 alert; the console reads CAP 1.2 only — ask the sender for CAP 1.2."))
        )
    if ns != cap.NS or local != "alert":
        raise CapRejected(
            said(
                N_(
                    "This is not a CAP 1.2 alert: its root element is <{local}> in the namespace “{ns}”, not <alert> in {cap}."
                ),
                local=local,
                ns=ns or "none",
                cap=cap.NS,
            )
        )
    try:
        cap.validate(data)
    except cap.CapInvalid as exc:
        words = (
            said(
                N_("The alert does not follow the CAP 1.2 schema (line {line}: {why})."),
                line=exc.line,
                why=exc.detail,
            )
            if exc.line
            else said(N_("The alert does not follow the CAP 1.2 schema ({why})."), why=exc.detail)
        )
        raise CapRejected(words) from None
    return _read(root)


def _safe_root(data: bytes) -> Element:
    import defusedxml  # here, not at the top: the post opens without it
    import defusedxml.ElementTree as safe_et

    try:
        return safe_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise CapRejected(
            said(
                N_(
                    "The file declares a DTD (which can hide entity bombs or fetch other files); "
                    "CAP needs none, so it was refused."
                )
            )
        ) from None
    except defusedxml.EntitiesForbidden:
        raise CapRejected(
            said(
                N_(
                    "The file declares XML entities (an entity-expansion attack is possible), so it was refused."
                )
            )
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise CapRejected(
            said(N_("The file refers to an external entity or file, so it was refused."))
        ) from None
    except ParseError as exc:
        raise CapRejected(_not_well_formed(exc)) from None
    except (ValueError, RecursionError) as exc:  # e.g. encodings Python cannot decode, absurd nesting
        raise CapRejected(
            said(N_("The file could not be read as XML ({why})."), why=f"{type(exc).__name__}: {exc}")
        ) from None


def _text(el: Element | None, name: str) -> str:
    found = el.find(_Q + name) if el is not None else None
    return (found.text or "").strip() if found is not None else ""


def _read(root: Element) -> ReceivedCap:
    info = root.find(_Q + "info")
    polygons: list[tuple[tuple[float, float], ...]] = []
    circles: list[tuple[float, float, float]] = []
    descs: list[str] = []
    for n, area in enumerate(root.iter(_Q + "area"), start=1):
        descs.append(_text(area, "areaDesc"))
        for p in area.findall(_Q + "polygon"):
            polygons.append(polygon(p.text or "", n))
        for c in area.findall(_Q + "circle"):
            circles.append(circle(c.text or "", n))
    refs = []
    for triple in _text(root, "references").split():
        parts = triple.split(",")
        if len(parts) >= 2:
            refs.append((parts[0], parts[1]))
    return ReceivedCap(
        identifier=_text(root, "identifier"),
        sender=_text(root, "sender"),
        sent=datetime.fromisoformat(_text(root, "sent")),
        status=_text(root, "status"),
        msg_type=_text(root, "msgType"),
        references=tuple(refs),
        headline=_text(info, "headline") or _text(info, "event"),
        event=_text(info, "event"),
        severity=_text(info, "severity"),
        area=cap.CapArea("; ".join(dict.fromkeys(d for d in descs if d)), tuple(polygons), tuple(circles)),
    )


def _point(text: str, where: str) -> tuple[float, float]:
    try:
        lat_s, lon_s = text.split(",")
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise CapRejected(
            said(N_("{where}: “{text}” is not a “lat,lon” pair."), where=where, text=text[:40])
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CapRejected(
            said(
                N_("{where}: {lat},{lon} is outside WGS 84 (latitude ±90, longitude ±180)."),
                where=where,
                lat=lat,
                lon=lon,
            )
        )
    return lat, lon


def polygon(text: str, area_no: int = 1) -> tuple[tuple[float, float], ...]:
    """CAP polygon text → closed ring of (lat, lon); CapRejected when it breaks CAP's rules."""
    where = said(N_("Area {n}, polygon"), n=area_no)
    pts = tuple(_point(t, where) for t in text.split())
    if len(pts) < 4:
        raise CapRejected(
            said(
                N_("{where} has {n} point(s); CAP needs at least four, the first repeated as the last."),
                where=where,
                n=len(pts),
            )
        )
    if pts[0] != pts[-1]:
        raise CapRejected(
            said(
                N_("{where} does not close: it starts at {start} but ends at {end}."),
                where=where,
                start=f"{pts[0][0]},{pts[0][1]}",
                end=f"{pts[-1][0]},{pts[-1][1]}",
            )
        )
    return pts


def circle(text: str, area_no: int = 1) -> tuple[float, float, float]:
    where = said(N_("Area {n}, circle"), n=area_no)
    try:
        centre, radius = text.split()
        km = float(radius)
    except ValueError:
        raise CapRejected(
            said(N_("{where}: “{text}” is not “lat,lon radius_km”."), where=where, text=text[:40])
        ) from None
    if not 0 <= km <= 20_000:
        raise CapRejected(said(N_("{where}: a radius of {km} km is not possible."), where=where, km=km))
    lat, lon = _point(centre, where)
    return lat, lon, km


def read_file(path: str | bytes, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refused by its size before a byte is read (a 100 MB file is never loaded)."""
    import os

    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise CapRejected(said(_TOO_BIG, mb=f"{size / 1e6:.1f}", kb=max_bytes // 1000))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise CapRejected(
            said(N_("The file could not be read: {why}."), why=exc.strerror or str(exc))
        ) from None
    if len(data) > max_bytes:  # grew while we looked
        raise CapRejected(
            said(
                N_("The file is over {kb} kB; a CAP alert is smaller, so it was not read."),
                kb=max_bytes // 1000,
            )
        )
    return data


# what the XML parser (expat) says, by its error code, in words a reader's language has
_EXPAT_WORDS = {
    2: N_("syntax error"),
    3: N_("no element found"),
    4: N_("not well-formed (invalid token)"),
    5: N_("unclosed token"),
    6: N_("partial character"),
    7: N_("mismatched tag"),
    8: N_("duplicate attribute"),
    9: N_("junk after document element"),
    11: N_("undefined entity"),
}


def _not_well_formed(exc: ParseError) -> str:
    """Where the XML breaks and how; expat's own (English) words only for a rare fault."""
    code = getattr(exc, "code", None)
    line, column = getattr(exc, "position", (0, 0))
    why = said(_EXPAT_WORDS[code]) if code in _EXPAT_WORDS else str(exc).split(":", 1)[0]
    return said(
        N_("The file is not well-formed XML ({why}: line {line}, column {column})."),
        why=why,
        line=line,
        column=column,
    )


__all__ = ["MAX_BYTES", "CapRejected", "ReceivedCap", "parse", "read_file"]
