"""CAP alerts received from the city: a file, or a folder looked at for new files.

Each accepted alert is stored (audited) and shown on the alert list and the map with its
area; an Update or Cancel is linked to the alert it refers to (by sender and identifier),
which is then marked superseded or cancelled. A refused file becomes a notice with the
parser's sentence, said once per file version, so a bad file in a watched folder is
neither silent nor repeated every scan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from ops_console.db.engine import Database
from ops_console.db.warning_models import ImportedCapAlert
from ops_console.domain import Permission
from ops_console.early_warning import cap
from ops_console.early_warning.cap_import import CapRejected, parse, read_file
from ops_console.errors import NotFound
from ops_console.events import Event, EventBus
from ops_console.mapping.zones import ZoneKind, ZoneView
from ops_console.notices import say
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic


@dataclass(frozen=True)
class ReceivedView:
    id: int
    identifier: str
    sender: str
    sent_at: datetime
    status: str
    msg_type: str
    headline: str
    event: str
    severity: str
    area: cap.CapArea
    refers_to_id: int | None
    superseded: bool
    cancelled: bool
    acknowledged_by: str | None
    source: str

    @property
    def current(self) -> bool:
        """Still in force: not replaced by an Update, not cancelled, and itself not a Cancel."""
        return not self.superseded and not self.cancelled and self.msg_type != "Cancel"


def _view(r: ImportedCapAlert) -> ReceivedView:
    geo = json.loads(r.area_json)
    area = cap.CapArea(
        r.area_desc,
        tuple(tuple((float(a), float(b)) for a, b in ring) for ring in geo.get("polygons", [])),
        tuple((float(a), float(b), float(c)) for a, b, c in geo.get("circles", [])),
    )
    return ReceivedView(
        r.id,
        r.identifier,
        r.sender,
        r.sent_at,
        r.status,
        r.msg_type,
        r.headline,
        r.event,
        r.severity,
        area,
        r.refers_to_id,
        r.superseded,
        r.cancelled,
        r.acknowledged_by,
        r.source,
    )


class CapInbox:
    """Import CAP files, list what is in force, acknowledge."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift
        self._seen: dict[str, tuple[float, int]] = {}  # file → (mtime, size) already looked at

    @property
    def bus(self) -> EventBus:
        return self._bus

    def import_file(self, path: Path) -> ReceivedView:
        """Raises CapRejected with the sentence (also said as a notice)."""
        try:
            return self.import_bytes(read_file(str(path)), source=str(path))
        except CapRejected as exc:
            say(
                self._bus,
                "problem",
                said(N_("CAP file {name} refused: {why}"), name=path.name, why=exc.stored),
                source="cap",
            )
            raise

    def import_bytes(self, data: bytes, *, source: str = "") -> ReceivedView:
        received = parse(data)
        actor = self._shift.actor or audit.SYSTEM
        with self._db.write() as s:
            existing = s.scalar(
                select(ImportedCapAlert).where(
                    ImportedCapAlert.sender == received.sender,
                    ImportedCapAlert.identifier == received.identifier,
                )
            )
            if existing is not None:  # the same message twice (a folder copied again): shown once
                return _view(existing)
            earlier = [
                s.scalar(
                    select(ImportedCapAlert).where(
                        ImportedCapAlert.sender == snd, ImportedCapAlert.identifier == ident
                    )
                )
                for snd, ident in received.references
            ]
            known = [e for e in earlier if e is not None]
            row = ImportedCapAlert(
                identifier=received.identifier,
                sender=received.sender,
                sent_at=received.sent,
                status=received.status,
                msg_type=received.msg_type,
                references=" ".join(f"{a},{b}" for a, b in received.references),
                headline=received.headline[:2000],
                event=received.event[:200],
                severity=received.severity[:12],
                area_desc=received.area.desc,
                area_json=json.dumps(
                    {
                        "polygons": [[list(p) for p in ring] for ring in received.area.polygons],
                        "circles": [list(c) for c in received.area.circles],
                    }
                ),
                refers_to_id=known[-1].id if known else None,
                source=source[:400],
            )
            for e in known:
                if received.msg_type == "Cancel":
                    e.cancelled = True
                elif received.msg_type == "Update":
                    e.superseded = True
            s.add(row)
            s.flush()
            linked = said(N_(", refers to #{id}"), id=row.refers_to_id) if row.refers_to_id else None
            audit.append(
                s,
                actor,
                "cap.import",
                "cap_alert",
                row.id,
                said(  # the activity log's line, in the reader's language (ops_console/said.py)
                    N_("CAP {type} received from {sender} ({status}): {headline}{linked}"),
                    type=row.msg_type,  # CAP's own codes (Alert, Update, Cancel; Actual, Exercise …)
                    sender=row.sender,
                    status=row.status,
                    headline=row.headline[:120],
                    linked=linked,
                ),
                after={"identifier": row.identifier, "source": row.source},
                exercise=row.status != "Actual",
            )
            view = _view(row)
        self._bus.publish(Event(Topic.CAP_ALERT_CHANGED, view.id, {}))
        return view

    def scan_folder(self, folder: Path) -> tuple[list[ReceivedView], list[tuple[str, str]]]:
        """Import the folder's new or changed *.xml files: (accepted, [(file, sentence)])."""
        accepted: list[ReceivedView] = []
        refused: list[tuple[str, str]] = []
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".xml" and p.is_file())
        except OSError as exc:
            refused.append(
                (str(folder), said(N_("the folder cannot be read: {why}"), why=exc.strerror or str(exc)))
            )
            return accepted, refused
        for path in files:
            try:
                st = path.stat()
            except OSError:
                continue
            stamp = (st.st_mtime, st.st_size)
            if self._seen.get(str(path)) == stamp:
                continue
            self._seen[str(path)] = stamp
            try:
                accepted.append(self.import_file(path))
            except CapRejected as exc:
                refused.append((path.name, exc.stored))  # a stored sentence, read with shown()
        return accepted, refused

    def list_received(self, *, current_only: bool = False, limit: int = 500) -> list[ReceivedView]:
        with self._db.read() as s:
            rows = [
                _view(r)
                for r in s.scalars(select(ImportedCapAlert).order_by(ImportedCapAlert.id.desc()).limit(limit))
            ]
        return [r for r in rows if r.current] if current_only else rows

    def acknowledge(self, alert_id: int) -> None:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("acknowledge CAP alerts"))
        with self._db.write() as s:
            row = s.get(ImportedCapAlert, alert_id)
            if row is None:
                raise NotFound(said(N_("CAP alert {id} no longer exists."), id=alert_id))
            if row.acknowledged_by:
                return
            row.acknowledged_by = actor.name
            audit.append(
                s,
                actor,
                "cap.ack",
                "cap_alert",
                row.id,
                said(
                    N_("{who} acknowledged CAP alert: {headline}"),
                    who=actor.name,
                    headline=row.headline[:120],
                ),
            )
        self._bus.publish(Event(Topic.CAP_ALERT_CHANGED, alert_id, {}))


def cap_area_zones(alert: ReceivedView) -> list[ZoneView]:
    """A received alert's area as warning-zone views for the map (ids negative, unique per shape)."""
    name = f"CAP: {alert.headline}"[:120]
    notes = f"{alert.event} from {alert.sender} ({alert.msg_type}); {alert.area.desc}"
    out: list[ZoneView] = []
    for i, ring in enumerate(alert.area.polygons):
        out.append(
            ZoneView(
                -(alert.id * 100 + i),
                name,
                ZoneKind.WARNING,
                ring,
                None,
                None,
                notes,
                alert.sender,
                alert.sent_at,
            )
        )
    for j, (lat, lon, km) in enumerate(alert.area.circles, start=len(out)):
        out.append(
            ZoneView(
                -(alert.id * 100 + j),
                name,
                ZoneKind.WARNING,
                (),
                (lat, lon),
                km * 1000.0,
                notes,
                alert.sender,
                alert.sent_at,
            )
        )
    return out
