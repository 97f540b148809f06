"""Exercise mode: a post can train on the live system without mixing drills and reality.

Records created in exercise mode carry ``exercise = True``; lists show only the mode in
force; a supervisor can purge the drill's incidents and tasks afterwards. Audit entries
are never purged (the log is append-only): the purge itself is recorded.
"""
from __future__ import annotations

from sqlalchemy import delete, func, select

from ops_console.db.engine import Database
from ops_console.db.models import AuditEntry
from ops_console.db.schema import Base
from ops_console.domain import Permission
from ops_console.events import Event, EventBus
from ops_console.services import audit
from ops_console.shift import Shift


class ExerciseService:
    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def set_exercise(self, on: bool) -> None:
        """Switch this workstation between live and exercise (supervisors only)."""
        if on == self._shift.exercise:
            return
        actor = self._shift.require(Permission.TOGGLE_EXERCISE, "switch exercise mode")
        with self._db.write() as s:
            audit.append(s, actor, "exercise.start" if on else "exercise.end", "post", None,
                         f"{actor.name} {'started' if on else 'ended'} exercise mode", exercise=on)
        self._shift.exercise = on
        self._bus.publish(Event("exercise.changed", None, {"exercise": on}))

    def purge(self) -> dict[str, int]:
        """Delete every exercise record, in every feature's tables; returns rows per table.

        Any table with an ``exercise`` column takes part (incidents, tasks, stock movements,
        radio traffic, …), children before parents; the audit log never does.
        """
        actor = self._shift.require(Permission.PURGE_EXERCISE, "purge exercise records")
        counts: dict[str, int] = {}
        with self._db.write() as s:
            for table in reversed(Base.metadata.sorted_tables):
                if "exercise" not in table.c or table.name == AuditEntry.__tablename__:
                    continue
                where = table.c.exercise.is_(True)
                found = s.scalar(select(func.count()).select_from(table).where(where)) or 0
                if found:
                    s.execute(delete(table).where(where))
                    counts[table.name] = found
            summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in sorted(counts.items())) or "nothing"
            audit.append(s, actor, "exercise.purge", "post", None, f"Exercise records purged: {summary}",
                         after=counts)
        self._bus.publish(Event("exercise.purged", None, counts))
        return counts
