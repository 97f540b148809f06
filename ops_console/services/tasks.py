"""The task board: create, edit, move between columns and assign to teams.

Moving a card is an edit like any other: it carries the version it was read at, so two
workstations dragging the same card cannot overwrite each other silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from dataclasses import fields as dc_fields
from datetime import datetime
from typing import Any

from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.models import Incident, Task, Team
from ops_console.domain import Permission, Priority, TaskStatus
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.exercise_view import in_view
from ops_console.people import claims
from ops_console.people.skills import missing_skills, parse_skills
from ops_console.people.teams import team_skills
from ops_console.people.views import TeamStatus
from ops_console.said import N_, label, listed, said
from ops_console.services import audit
from ops_console.services.records import (
    FAR_AHEAD,
    apply_changes,
    check_coordinates,
    check_time,
    check_title,
    check_version,
    snapshot,
)
from ops_console.shift import Shift
from ops_console.text_match import matches_words, query_words
from ops_console.topics import Topic

EDITABLE = (
    "title",
    "details",
    "priority",
    "status",
    "team_id",
    "incident_id",
    "due_at",
    "lat",
    "lon",
    "location_text",
    "required_skills",
)
OPEN_STATUSES = (TaskStatus.NEW, TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True)
class TaskDraft:
    """What a person fills in on the task form."""

    title: str
    details: str = ""
    priority: Priority = Priority.NORMAL
    status: TaskStatus = TaskStatus.NEW
    team_id: int | None = None
    incident_id: int | None = None
    due_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    location_text: str = ""
    required_skills: str = ""  # a list cell of ops_console/people/skills.py words

    def validate(self) -> None:
        problems: dict[str, str] = {}
        check_title(self.title, problems)
        _known, unknown = parse_skills(self.required_skills)
        if unknown:
            problems["required_skills"] = said(N_("Unknown skill(s): {skills}."), skills=listed(unknown[:5]))
        check_coordinates(self.lat, self.lon, problems)
        check_time(self.due_at, problems, "due_at", N_("The due time"), ahead=FAR_AHEAD)
        if problems:
            raise ValidationError(problems)


@dataclass(frozen=True)
class TaskView:
    """A read-only copy of a task, with the names the board shows."""

    id: int
    title: str
    details: str
    priority: Priority
    status: TaskStatus
    team_id: int | None
    team_name: str
    incident_id: int | None
    incident_title: str
    due_at: datetime | None
    lat: float | None
    lon: float | None
    location_text: str
    exercise: bool
    created_at: datetime
    updated_at: datetime
    version: int
    required_skills: str = ""

    def is_overdue(self, now: datetime | None = None) -> bool:
        return self.due_at is not None and self.status in OPEN_STATUSES and self.due_at < (now or utc_now())

    def draft(self) -> TaskDraft:
        return TaskDraft(**{f.name: getattr(self, f.name) for f in dc_fields(TaskDraft)})


@dataclass(frozen=True)
class TaskFilter:
    team_id: int | None = None
    incident_id: int | None = None
    min_priority: int = 1
    text: str = ""
    statuses: frozenset[TaskStatus] = field(default_factory=frozenset)  # empty: all


@dataclass(frozen=True)
class TeamView:
    id: int
    name: str
    callsign: str
    specialty: str
    member_count: int
    status: str = "available"
    missing_skills: tuple[str, ...] = ()  # skills the task asks for that nobody on the team has


def _view(row: Task | Row[Any], team: str | None, incident: str | None) -> TaskView:
    """A card's copy of a task: from an ORM row, or a plain row of the tasks table (``list``)."""
    return TaskView(
        row.id,
        row.title,
        row.details,
        Priority(row.priority),
        TaskStatus(row.status),
        row.team_id,
        team or "",
        row.incident_id,
        incident or "",
        row.due_at,
        row.lat,
        row.lon,
        row.location_text,
        row.exercise,
        row.created_at,
        row.updated_at,
        row.version,
        row.required_skills,
    )


def _columns(draft: TaskDraft) -> dict[str, object]:
    values = {name: getattr(draft, name) for name in EDITABLE}
    values["priority"], values["status"] = int(draft.priority), draft.status.value
    values["title"] = draft.title.strip()
    values["required_skills"] = ", ".join(parse_skills(draft.required_skills)[0])
    return values


TASK_VERBS = {
    "edited": N_("Task #{id} edited: {title}"),
    "assigned": N_("Task #{id} assigned: {title}"),
}


def _summary(verb: str, task_id: int, title: str) -> str:
    """The audit entry of a change, in no language (ops_console/said.py); ``verb`` is a key
    of TASK_VERBS or the label of the column a card moved to."""
    if verb in TASK_VERBS:
        return said(TASK_VERBS[verb], id=task_id, title=title)
    return said(N_("Task #{id} moved to {status}: {title}"), id=task_id, status=verb, title=title)


class TaskService:
    """Use cases of the task board."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def teams(self, for_task: int | None = None) -> list[TeamView]:
        """Every team; with ``for_task``, only those that may take it (available, or the
        task's own team) with the skills the task asks for that each team lacks."""
        with self._db.read() as s:
            query = select(Team).order_by(Team.name)
            if for_task is None:
                return [
                    TeamView(t.id, t.name, t.callsign, t.specialty, len(t.members), t.status)
                    for t in s.scalars(query)
                ]
            task = s.get(Task, for_task)
            if task is None:
                raise NotFound(said(N_("Task {id} no longer exists."), id=for_task))
            offered = []
            for t in s.scalars(query.where(Team.active.is_(True))):
                if t.status != TeamStatus.AVAILABLE.value and t.id != task.team_id:
                    continue
                have = team_skills(s, t.id)
                offered.append(
                    TeamView(
                        t.id,
                        t.name,
                        t.callsign,
                        t.specialty,
                        len(t.members),
                        t.status,
                        tuple(missing_skills(task.required_skills, have)),
                    )  # fmt: skip
                )
            return offered

    def list(self, flt: TaskFilter = TaskFilter()) -> list[TaskView]:
        # plain rows of the table, not ORM objects: 5,000 tasks read in ~35 ms instead of ~140
        # (the identity map and the objects' instrumentation were most of the board's read)
        query = (
            select(Task.__table__, Team.name.label("team_name"), Incident.title.label("incident_title"))
            .outerjoin(Team, Task.team_id == Team.id)
            .outerjoin(Incident, Task.incident_id == Incident.id)
            # exercise mode is a view: open live tasks (teams really out) stay on the board, marked LIVE
            .where(
                in_view(
                    Task.exercise, self._shift.exercise, Task.status.in_([s.value for s in OPEN_STATUSES])
                )
            )
        )
        if flt.team_id is not None:
            query = query.where(Task.team_id == flt.team_id)
        if flt.incident_id is not None:
            query = query.where(Task.incident_id == flt.incident_id)
        if flt.min_priority > 1:
            query = query.where(Task.priority >= flt.min_priority)
        if flt.statuses:
            query = query.where(Task.status.in_([s.value for s in flt.statuses]))
        for word in query_words(flt.text):  # coarse in SQL (substring), exact by words below
            like = f"%{word}%"
            query = query.where(or_(Task.title.ilike(like), Task.details.ilike(like)))
        query = query.order_by(Task.priority.desc(), Task.due_at.is_(None), Task.due_at, Task.id)
        with self._db.read() as s:
            views = [_view(row, row.team_name, row.incident_title) for row in s.execute(query)]
        return [v for v in views if matches_words(flt.text, v.title, v.details)]

    def get(self, task_id: int) -> TaskView:
        with self._db.read() as s:
            return self._load_view(s, task_id)

    def create(self, draft: TaskDraft) -> TaskView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("create tasks"))
        draft.validate()
        with self._db.write() as s:
            self._check_links(s, draft.team_id, draft.incident_id)
            row = Task(**_columns(draft), exercise=self._shift.exercise)
            if row.team_id is not None and row.status == TaskStatus.NEW.value:
                row.status = TaskStatus.ASSIGNED.value
            s.add(row)
            s.flush()
            audit.append(
                s,
                actor,
                "task.create",
                "task",
                row.id,
                said(N_("Task #{id} created: {title}"), id=row.id, title=row.title),
                after=snapshot(row, EDITABLE),
                exercise=row.exercise,
            )
            view = self._load_view(s, row.id)
        self._bus.publish(Event(Topic.TASK_CHANGED, view.id))
        return view

    def update(self, task_id: int, expected_version: int, draft: TaskDraft) -> TaskView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("edit tasks"))
        draft.validate()
        return self._change(task_id, expected_version, _columns(draft), actor, "task.update", "edited")

    def move(self, task_id: int, expected_version: int, status: TaskStatus) -> TaskView:
        """Move a card to another column."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("move tasks"))
        return self._change(
            task_id,
            expected_version,
            {"status": TaskStatus(status).value},
            actor,
            "task.move",
            label(TaskStatus(status)),  # "moved to" that column, in the reader's words
        )

    def assign(self, task_id: int, expected_version: int, team_id: int | None) -> TaskView:
        """Give a task to a team; a new task moves to Assigned with it."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("assign tasks"))
        changes: dict[str, object] = {"team_id": team_id}
        with self._db.read() as s:
            current = self._load_view(s, task_id)
        if team_id is not None and current.status == TaskStatus.NEW:
            changes["status"] = TaskStatus.ASSIGNED.value

        def hand_over(s: Session, row: Task) -> None:
            # one task per team: the old team is free again, the new one is claimed (one
            # station wins when two assign the same team at once: people/claims.py)
            if row.team_id != team_id:
                claims.release(s, row.team_id, row.id)
                if team_id is not None and row.status not in (
                    TaskStatus.DONE.value,
                    TaskStatus.CANCELLED.value,
                ):
                    claims.claim(s, team_id, row.id)

        return self._change(
            task_id, expected_version, changes, actor, "task.assign", "assigned", before_apply=hand_over
        )

    def _change(
        self,
        task_id: int,
        expected: int,
        changes: dict,  # type: ignore[type-arg]
        actor: audit.Actor,
        action: str,
        verb: str,
        before_apply: Callable[[Session, Task], None] | None = None,
    ) -> TaskView:
        with self._db.write() as s:
            row = s.get(Task, task_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Task {id} no longer exists."), id=task_id))
            check_version(row, "task", expected, changes, EDITABLE)
            self._check_links(s, changes.get("team_id"), changes.get("incident_id"))
            if before_apply is not None:
                before_apply(s, row)
            if changes.get("status") in (TaskStatus.DONE.value, TaskStatus.CANCELLED.value):
                claims.release(s, row.team_id, row.id)  # the work is over: the team is available
            before = snapshot(row, EDITABLE)
            changed = apply_changes(row, changes)
            if changed:
                row.updated_at = utc_now()
                s.flush()
                audit.append(
                    s,
                    actor,
                    action,
                    "task",
                    row.id,
                    _summary(verb, row.id, row.title),
                    before={k: before[k] for k in changed},
                    after=snapshot(row, changed),
                    exercise=row.exercise,
                )
            view = self._load_view(s, row.id)
        self._bus.publish(Event(Topic.TASK_CHANGED, view.id))
        return view

    @staticmethod
    def _check_links(s: Session, team_id: object, incident_id: object) -> None:
        problems = {}
        if team_id is not None and s.get(Team, team_id) is None:
            problems["team_id"] = said(N_("That team no longer exists."))
        if incident_id is not None and s.get(Incident, incident_id) is None:
            problems["incident_id"] = said(N_("That incident no longer exists."))
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def _load_view(s: Session, task_id: int) -> TaskView:
        row = s.get(Task, task_id)
        if row is None:
            raise NotFound(said(N_("Task {id} no longer exists."), id=task_id))
        team = s.get(Team, row.team_id).name if row.team_id else None  # type: ignore[union-attr]
        incident = s.get(Incident, row.incident_id).title if row.incident_id else None  # type: ignore[union-attr]
        return _view(row, team, incident)
