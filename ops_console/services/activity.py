"""The activity log (ICS-214 spirit): every audit entry plus lines typed by operators.

Read in windows keyed on the entry id (newest first), never all at once, so a log of
hundreds of thousands of entries scrolls as fast as a short one. A window reads only the
eight columns a row shows, as plain rows (no ORM objects, no before/after JSON, no
hashes): a page is a range of the primary key and its cost is turning rows into values,
which this halves; at 200,000 entries the slowest pages were CPU and GIL time, not SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, or_, select

from ops_console.db.engine import Database
from ops_console.db.models import AuditEntry
from ops_console.domain import Permission
from ops_console.errors import ValidationError
from ops_console.events import Event, EventBus
from ops_console.said import N_, said, shown
from ops_console.said_search import LIKE_ESCAPE, template_prefix, templates_read_as
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic

NOTE_ACTION = "log.note"
MAX_NOTE_LENGTH = 4000


@dataclass(frozen=True, slots=True)  # slots: 200,000 loaded rows are lighter for memory and the GC
class ActivityEntry:
    id: int
    at: datetime
    operator: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    exercise: bool

    @property
    def words(self) -> str:
        """The summary in the reader's language (a service's stored sentence, said.py); asked
        when a row is shown, so a page of 200,000 entries loads without translating them."""
        return shown(self.summary)

    @property
    def is_note(self) -> bool:
        return self.action == NOTE_ACTION


@dataclass(frozen=True)
class ActivityFilter:
    text: str = ""
    operator: str = ""
    since: datetime | None = None
    until: datetime | None = None
    notes_only: bool = False


# what a row shows, in ActivityEntry's order
ENTRY_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.operator_name,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.summary,
    AuditEntry.exercise,
)


class ActivityService:
    """Writes operator log lines and reads the log in windows."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def add_note(self, text: str, entity: str = "log", entity_id: int | None = None) -> ActivityEntry:
        """Record a free-text line in the log (who, when, what), optionally about a record."""
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("write in the activity log"))
        text = text.strip()
        if not text:
            raise ValidationError({"text": said(N_("Type something to log."))})
        if len(text) > MAX_NOTE_LENGTH:
            raise ValidationError(
                {"text": said(N_("Keep a log line under {limit} characters."), limit=MAX_NOTE_LENGTH)}
            )
        with self._db.write() as s:
            row = audit.append(s, actor, NOTE_ACTION, entity, entity_id, text, exercise=self._shift.exercise)
            entry = _entry(row)
        self._bus.publish(Event(Topic.ACTIVITY_ADDED, entry.id))
        return entry

    def _query(self, flt: ActivityFilter) -> Select:  # type: ignore[type-arg]
        query = select(*ENTRY_COLUMNS).where(AuditEntry.exercise == self._shift.exercise)
        if flt.text.strip():
            query = query.where(_summary_matches(flt.text.strip()))
        if flt.operator.strip():
            query = query.where(AuditEntry.operator_name.ilike(f"%{flt.operator.strip()}%"))
        if flt.since is not None:
            query = query.where(AuditEntry.at >= flt.since)
        if flt.until is not None:
            query = query.where(AuditEntry.at <= flt.until)
        if flt.notes_only:
            query = query.where(AuditEntry.action == NOTE_ACTION)
        return query

    def page(
        self, flt: ActivityFilter = ActivityFilter(), *, before_id: int | None = None, limit: int = 200
    ) -> list[ActivityEntry]:
        """Up to ``limit`` entries older than ``before_id`` (the newest when None), newest first."""
        with self._db.read() as s:
            return [ActivityEntry(*r) for r in s.execute(self.page_query(flt, before_id, limit))]

    def page_query(self, flt: ActivityFilter, before_id: int | None, limit: int) -> Select:  # type: ignore[type-arg]
        """The statement ``page`` runs: a backward range of the primary key (keyset, no OFFSET,
        no count), so page 1,000 visits what page 1 does (tests check its plan)."""
        query = self._query(flt)
        if before_id is not None:
            query = query.where(AuditEntry.id < before_id)
        return query.order_by(AuditEntry.id.desc()).limit(limit)

    def newer_than(self, after_id: int, flt: ActivityFilter = ActivityFilter()) -> list[ActivityEntry]:
        """Entries committed since ``after_id`` (by this or another workstation), newest first."""
        query = self._query(flt).where(AuditEntry.id > after_id).order_by(AuditEntry.id.desc()).limit(5000)
        with self._db.read() as s:
            return [ActivityEntry(*r) for r in s.execute(query)]

    def count(self, flt: ActivityFilter = ActivityFilter()) -> int:
        with self._db.read() as s:
            return s.scalar(select(func.count()).select_from(self._query(flt).subquery())) or 0

    def operators(self) -> list[str]:
        with self._db.read() as s:
            return list(
                s.scalars(select(AuditEntry.operator_name).distinct().order_by(AuditEntry.operator_name))
            )


def _entry(row: AuditEntry) -> ActivityEntry:
    return ActivityEntry(
        row.id,
        row.at,
        row.operator_name,
        row.action,
        row.entity,
        row.entity_id,
        row.summary,
        row.exercise,
    )


def _summary_matches(text: str) -> ColumnElement[bool]:
    """The summary contains ``text`` as stored (English, names, typed notes), or is a stored
    sentence whose words in the reader's language contain it (ops_console/said_search.py)."""
    stored = AuditEntry.summary.ilike(f"%{text}%")
    templates = templates_read_as(text)
    if not templates:
        return stored
    return or_(stored, *(AuditEntry.summary.like(template_prefix(t), escape=LIKE_ESCAPE) for t in templates))
