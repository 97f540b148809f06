"""Check-in and check-out at the post (ICS-211): by form or by a badge scan.

A badge scanned twice (the scanner repeats, or the volunteer scans again to be sure) must
not open a second stay nor check them out by surprise: a scan of someone already on site
answers "already checked in since 07:12" and changes nothing. Checking out someone who
is not checked in is refused with words. One open stay per volunteer is also a partial
unique index, so two stations scanning the same badge at once cannot both open one.
Forgetting to check out is normal: ``close_out`` ends every open stay in one action.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.people_models import Volunteer, VolunteerCheckin
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

from .views import Stay


@dataclass(frozen=True)
class ScanResult:
    """What a scan or a check-in did, in words for the form's status line."""

    volunteer_id: int
    name: str
    changed: bool  # False: nothing done (already in, or not in)
    words: str
    stay: Stay | None = None


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


class CheckinService:
    """Who is on site, since when, and hours per person per operational period."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def find_badge(self, badge: str) -> tuple[int, str]:
        """(volunteer id, name) for a scanned badge; NotFound in words when nobody has it."""
        code = badge.strip()
        with self._db.read() as s:
            row = s.execute(
                select(Volunteer.id, Volunteer.name).where(
                    Volunteer.badge == code, Volunteer.active.is_(True)
                )
            ).first()
        if row is None:
            raise NotFound(said(N_("No volunteer on the roster has badge '{code}'."), code=code))
        return row[0], row[1]

    def scan(self, badge: str) -> ScanResult:
        """A badge at the door: checks in, or says they already are (never checks out)."""
        volunteer_id, _name = self.find_badge(badge)
        return self.check_in(volunteer_id)

    def check_in(self, volunteer_id: int, *, at: datetime | None = None) -> ScanResult:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("check volunteers in"))
        at = at or utc_now()
        try:
            with self._db.write() as s:
                person = s.get(Volunteer, volunteer_id)
                if person is None or not person.active:
                    raise NotFound(said(N_("Volunteer {id} is not on the roster."), id=volunteer_id))
                name = person.name
                open_stay = self._open(s, volunteer_id)
                if open_stay is not None:
                    return ScanResult(
                        volunteer_id, name, False,
                        said(N_("{name} is already checked in (since {when})."), name=name, when=_when(open_stay.checked_in_at)),
                    )  # fmt: skip
                row = VolunteerCheckin(volunteer_id=volunteer_id, checked_in_at=at, checked_in_by=actor.name)
                s.add(row)
                s.flush()
                audit.append(
                    s,
                    actor,
                    "volunteer.check_in",
                    "volunteer",
                    volunteer_id,
                    said(N_("Checked in: {name}"), name=name),
                )
                stay = Stay(row.id, volunteer_id, name, row.checked_in_at, None)
        except IntegrityError:  # another station opened the stay between our read and insert
            return ScanResult(
                volunteer_id, "", False, said(N_("Already checked in (at another station just now)."))
            )
        self._bus.publish(Event(Topic.VOLUNTEER_CHANGED, volunteer_id, {"on_site": True}))
        return ScanResult(
            volunteer_id,
            name,
            True,
            said(N_("{name} checked in at {when}."), name=name, when=_when(at)),
            stay,
        )

    def check_out(self, volunteer_id: int, *, at: datetime | None = None) -> ScanResult:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("check volunteers out"))
        at = at or utc_now()
        with self._db.write() as s:
            person = s.get(Volunteer, volunteer_id)
            if person is None:
                raise NotFound(said(N_("Volunteer {id} is not on the roster."), id=volunteer_id))
            stay = self._open(s, volunteer_id, lock=True)
            if stay is None:
                raise ValidationError(
                    {
                        "volunteer": said(
                            N_("{name} is not checked in, so cannot be checked out."), name=person.name
                        )
                    }
                )
            stay.checked_out_at, stay.checked_out_by = max(at, stay.checked_in_at), actor.name
            audit.append(
                s,
                actor,
                "volunteer.check_out",
                "volunteer",
                volunteer_id,
                said(N_("Checked out: {name}"), name=person.name),
            )
            view = Stay(stay.id, volunteer_id, person.name, stay.checked_in_at, stay.checked_out_at)
        self._bus.publish(Event(Topic.VOLUNTEER_CHANGED, volunteer_id, {"on_site": False}))
        return ScanResult(
            volunteer_id,
            view.name,
            True,
            said(N_("{name} checked out at {when}."), name=view.name, when=_when(at)),
            view,
        )

    def close_out(self, volunteer_ids: Sequence[int] | None = None, *, at: datetime | None = None) -> int:
        """End-of-shift: check out everyone still on site (or those named) in one action."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("close out the shift"))
        at = at or utc_now()
        with self._db.write() as s:
            query = (
                select(VolunteerCheckin, Volunteer.name)
                .join(Volunteer)
                .where(VolunteerCheckin.checked_out_at.is_(None))
            )
            if volunteer_ids is not None:
                query = query.where(VolunteerCheckin.volunteer_id.in_(list(volunteer_ids)))
            rows = s.execute(query.with_for_update(of=VolunteerCheckin)).all()
            for stay, _name in rows:
                stay.checked_out_at, stay.checked_out_by = max(at, stay.checked_in_at), actor.name
            if rows:
                names = sorted(name for _, name in rows)
                audit.append(
                    s, actor, "volunteer.close_out", "volunteer", None,
                    said(
                        N_("Shift closed out: {n} still checked in were checked out ({names})"),
                        n=len(rows), names=", ".join(names[:20]) + ("…" if len(names) > 20 else ""),
                    ),
                )  # fmt: skip
        if rows:
            self._bus.publish(Event(Topic.VOLUNTEER_CHANGED, None, {"on_site": False}))
        return len(rows)

    def on_site(self) -> list[Stay]:
        """Everyone checked in now, longest on site first."""
        with self._db.read() as s:
            rows = s.execute(
                select(VolunteerCheckin, Volunteer.name)
                .join(Volunteer)
                .where(VolunteerCheckin.checked_out_at.is_(None))
                .order_by(VolunteerCheckin.checked_in_at, Volunteer.name)
            ).all()
            return [Stay(c.id, c.volunteer_id, n, c.checked_in_at, None) for c, n in rows]

    def hours(self, start: datetime, end: datetime) -> dict[int, tuple[str, float]]:
        """Hours each person was on site within an operational period [start, end)."""
        totals: dict[int, float] = defaultdict(float)
        names: dict[int, str] = {}
        with self._db.read() as s:
            rows = s.execute(
                select(VolunteerCheckin, Volunteer.name)
                .join(Volunteer)
                .where(VolunteerCheckin.checked_in_at < end)
                .where(
                    (VolunteerCheckin.checked_out_at.is_(None)) | (VolunteerCheckin.checked_out_at > start)
                )
            ).all()
        now = utc_now()
        for c, name in rows:
            begin, finish = max(c.checked_in_at, start), min(c.checked_out_at or min(now, end), end)
            if finish > begin:
                totals[c.volunteer_id] += (finish - begin).total_seconds() / 3600
                names[c.volunteer_id] = name
        return {k: (names[k], round(v, 2)) for k, v in totals.items()}

    @staticmethod
    def _open(s, volunteer_id: int, *, lock: bool = False) -> VolunteerCheckin | None:  # type: ignore[no-untyped-def]
        query = select(VolunteerCheckin).where(
            VolunteerCheckin.volunteer_id == volunteer_id, VolunteerCheckin.checked_out_at.is_(None)
        )
        if lock:
            query = query.with_for_update()
        return s.scalar(query)
