"""The volunteer roster: add, edit, import and export, audited; supervisors and admins edit.

A roster record carries the version it was read at, as incidents and tasks do, so two
stations editing the same person cannot overwrite each other silently. An import is
previewed first (``preview``: the file's rows, its per-row problems, and rows naming
someone already on the roster) and then applied in one transaction (``apply_import``).
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.csv_import import CsvProblem, sentence
from ops_console.db.engine import Database
from ops_console.db.models import Team
from ops_console.db.people_models import Volunteer, VolunteerCheckin, VolunteerSkill
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.services.records import check_version
from ops_console.shift import Shift
from ops_console.topics import Topic

from .roster_csv import ParsedRoster, RosterRow, parse_roster_csv, write_roster_csv
from .skills import canonical_skill, normalise_phone
from .views import Skill, VolunteerDraft, VolunteerView

FIELDS = ("name", "phone", "badge", "team_id", "languages", "availability", "emergency_contact")


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do: the rows to add and every problem, line by line."""

    parsed: ParsedRoster
    rows: tuple[RosterRow, ...]  # the rows that would be added
    problems: tuple[CsvProblem, ...]  # the file's and the roster's (already on it, unknown team)

    @property
    def encoding(self) -> str:
        return self.parsed.encoding


def _skills_of(s: Session, ids: Iterable[int]) -> dict[int, tuple[Skill, ...]]:
    found: dict[int, list[Skill]] = defaultdict(list)
    ids = list(ids)
    if ids:
        for row in s.scalars(
            select(VolunteerSkill).where(VolunteerSkill.volunteer_id.in_(ids)).order_by(VolunteerSkill.skill)
        ):
            found[row.volunteer_id].append(Skill(row.skill, row.expires_on))
    return {k: tuple(v) for k, v in found.items()}


def _snapshot(v: Volunteer, skills: Iterable[Skill]) -> dict[str, object]:
    data: dict[str, object] = {name: getattr(v, name) for name in FIELDS}
    data["skills"] = [f"{k.name} {k.expires_on}" if k.expires_on else k.name for k in skills]
    return data


class RosterService:
    """Use cases of the volunteer roster."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    # reading ---------------------------------------------------------------------------------
    def list(self, *, active_only: bool = True) -> list[VolunteerView]:
        query = select(Volunteer, Team.name).outerjoin(Team, Volunteer.team_id == Team.id)
        if active_only:
            query = query.where(Volunteer.active.is_(True))
        query = query.order_by(Volunteer.name, Volunteer.id)
        with self._db.read() as s:
            rows = s.execute(query).all()
            skills = _skills_of(s, [v.id for v, _ in rows])
            on_site = dict(
                s.execute(
                    select(VolunteerCheckin.volunteer_id, VolunteerCheckin.checked_in_at).where(
                        VolunteerCheckin.checked_out_at.is_(None)
                    )
                ).all()
            )
        return [self._view(v, team, skills.get(v.id, ()), on_site.get(v.id)) for v, team in rows]

    def get(self, volunteer_id: int) -> VolunteerView:
        with self._db.read() as s:
            return self._load(s, volunteer_id)

    @staticmethod
    def _view(v: Volunteer, team: str | None, skills: tuple[Skill, ...], since=None) -> VolunteerView:  # type: ignore[no-untyped-def]
        return VolunteerView(
            v.id,
            v.name,
            v.phone,
            v.badge or "",
            v.team_id,
            team or "",
            skills,
            v.languages,
            v.availability,
            v.emergency_contact,
            v.active,
            v.version,
            since,
        )

    def _load(self, s: Session, volunteer_id: int) -> VolunteerView:
        v = s.get(Volunteer, volunteer_id)
        if v is None:
            raise NotFound(said(N_("Volunteer {id} is not on the roster."), id=volunteer_id))
        team = s.get(Team, v.team_id).name if v.team_id else None  # type: ignore[union-attr]
        since = s.scalar(
            select(VolunteerCheckin.checked_in_at).where(
                VolunteerCheckin.volunteer_id == v.id, VolunteerCheckin.checked_out_at.is_(None)
            )
        )
        return self._view(v, team, _skills_of(s, [v.id]).get(v.id, ()), since)

    # editing ---------------------------------------------------------------------------------
    def _validate(self, s: Session, draft: VolunteerDraft, own_id: int | None) -> tuple[str, str | None]:
        problems: dict[str, str] = {}
        name = " ".join(draft.name.split())
        if not name:
            problems["name"] = said(N_("A name is required."))
        elif len(name) > 120:
            problems["name"] = said(N_("Keep the name under {limit} characters."), limit=120)
        phone, why = normalise_phone(draft.phone)
        if why:
            problems["phone"] = sentence([why])
        for skill in draft.skills:
            if canonical_skill(skill.name) != skill.name:
                problems["skills"] = said(N_("Unknown skill '{skill}'."), skill=skill.name)
        badge = draft.badge.strip() or None
        if badge:
            other = s.scalar(select(Volunteer.id).where(Volunteer.badge == badge))
            if other is not None and other != own_id:
                problems["badge"] = said(
                    N_("Badge {badge} already belongs to someone else on the roster."), badge=badge
                )
        if draft.team_id is not None and s.get(Team, draft.team_id) is None:
            problems["team_id"] = said(N_("That team no longer exists."))
        if problems:
            raise ValidationError(problems)
        return phone or "", badge

    def add(self, draft: VolunteerDraft) -> VolunteerView:
        actor = self._shift.require(Permission.MANAGE_ROSTER, N_("add volunteers to the roster"))
        with self._db.write() as s:
            phone, badge = self._validate(s, draft, None)
            row = self._insert(s, draft, phone, badge)
            audit.append(
                s, actor, "volunteer.add", "volunteer", row.id, said(N_("Volunteer added: {name}"), name=row.name),
                after=_snapshot(row, draft.skills),
            )  # fmt: skip
            view = self._load(s, row.id)
        self._bus.publish(Event(Topic.VOLUNTEER_CHANGED, view.id))
        return view

    @staticmethod
    def _insert(s: Session, draft: VolunteerDraft, phone: str, badge: str | None) -> Volunteer:
        row = Volunteer(
            name=" ".join(draft.name.split()),
            phone=phone,
            badge=badge,
            team_id=draft.team_id,
            languages=draft.languages.strip(),
            availability=draft.availability.strip(),
            emergency_contact=draft.emergency_contact.strip(),
        )
        s.add(row)
        s.flush()
        for skill in draft.skills:
            s.add(VolunteerSkill(volunteer_id=row.id, skill=skill.name, expires_on=skill.expires_on))
        return row

    def update(self, volunteer_id: int, expected_version: int, draft: VolunteerDraft) -> VolunteerView:
        actor = self._shift.require(Permission.MANAGE_ROSTER, N_("edit the roster"))
        with self._db.write() as s:
            row = s.get(Volunteer, volunteer_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Volunteer {id} is not on the roster."), id=volunteer_id))
            check_version(row, "volunteer", expected_version, {"name": draft.name}, FIELDS)
            phone, badge = self._validate(s, draft, row.id)
            before = _snapshot(row, _skills_of(s, [row.id]).get(row.id, ()))
            row.name, row.phone, row.badge, row.team_id = (
                " ".join(draft.name.split()),
                phone,
                badge,
                draft.team_id,
            )
            row.languages, row.availability = draft.languages.strip(), draft.availability.strip()
            row.emergency_contact, row.updated_at = draft.emergency_contact.strip(), utc_now()
            for old in s.scalars(select(VolunteerSkill).where(VolunteerSkill.volunteer_id == row.id)):
                s.delete(old)
            s.flush()
            for skill in draft.skills:
                s.add(VolunteerSkill(volunteer_id=row.id, skill=skill.name, expires_on=skill.expires_on))
            s.flush()
            after = _snapshot(row, draft.skills)
            changed = [k for k in after if after[k] != before[k]]
            audit.append(
                s, actor, "volunteer.update", "volunteer", row.id, said(N_("Volunteer edited: {name}"), name=row.name),
                before={k: before[k] for k in changed}, after={k: after[k] for k in changed},
            )  # fmt: skip
            view = self._load(s, row.id)
        self._bus.publish(Event(Topic.VOLUNTEER_CHANGED, view.id))
        return view

    # import and export ------------------------------------------------------------------------
    def preview(self, data: bytes) -> ImportPreview:
        """Read a roster file and say what importing it would do; writes nothing."""
        parsed = parse_roster_csv(data)
        problems = list(parsed.problems)
        rows: list[RosterRow] = []
        with self._db.read() as s:
            known = {
                (n.casefold(), p): i
                for i, n, p in s.execute(select(Volunteer.id, Volunteer.name, Volunteer.phone))
            }
            badges = set(s.scalars(select(Volunteer.badge).where(Volunteer.badge.is_not(None))))
            teams = {n.casefold() for n in s.scalars(select(Team.name))}
        for row in parsed.rows:
            if (row.name.casefold(), row.phone) in known:
                problems.append(
                    CsvProblem(
                        row.line,
                        said(N_("{name} ({phone}) is already on the roster."), name=row.name, phone=row.phone)
                        if row.phone
                        else said(N_("{name} (no phone) is already on the roster."), name=row.name),
                    )
                )
            elif row.badge and row.badge in badges:
                problems.append(
                    CsvProblem(
                        row.line,
                        said(N_("Badge {badge} already belongs to someone on the roster."), badge=row.badge),
                    )
                )
            elif row.team and row.team.casefold() not in teams:
                problems.append(
                    CsvProblem(
                        row.line,
                        said(N_("No team is called {team}; add the team first."), team=repr(row.team)),
                    )
                )
            else:
                rows.append(row)
        problems.sort(key=lambda p: p.line)
        return ImportPreview(parsed, tuple(rows), tuple(problems))

    def apply_import(self, preview: ImportPreview) -> int:
        """Add the preview's rows in one transaction, one audit entry per person."""
        actor = self._shift.require(Permission.MANAGE_ROSTER, N_("import the roster"))
        with self._db.write() as s:
            teams = {n.casefold(): i for i, n in s.execute(select(Team.id, Team.name))}
            for r in preview.rows:
                skills = tuple(Skill(n, d) for n, d in r.skills)
                draft = VolunteerDraft(
                    r.name, r.phone, r.badge, teams.get(r.team.casefold()) if r.team else None, skills,
                    r.languages, r.availability, r.emergency_contact,
                )  # fmt: skip
                phone, badge = self._validate(s, draft, None)
                row = self._insert(s, draft, phone, badge)
                audit.append(
                    s, actor, "volunteer.import", "volunteer", row.id,
                    said(N_("Volunteer imported (line {line}): {name}"), line=r.line, name=row.name), after=_snapshot(row, skills),
                )  # fmt: skip
        self._bus.publish(Event(Topic.VOLUNTEER_CHANGED, None))
        return len(preview.rows)

    def import_csv(self, data: bytes) -> ImportPreview:
        """Preview and apply in one go (the CLI): returns the preview that was applied."""
        preview = self.preview(data)
        self.apply_import(preview)
        return preview

    def export_rows(self) -> builtins.list[RosterRow]:
        return [
            RosterRow(
                0,
                v.name,
                v.phone,
                v.badge,
                v.team_name,
                tuple((k.name, k.expires_on) for k in v.skills),
                v.languages,
                v.availability,
                v.emergency_contact,
            )  # fmt: skip
            for v in self.list()
        ]

    def export_csv(self, stream: IO[str]) -> int:
        """The active roster as CSV (escaped cells); the import reads it back."""
        return write_roster_csv(self.export_rows(), stream)
