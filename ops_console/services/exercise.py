"""Exercise mode: a post can train on the live system without mixing drills and reality.

Records an operator creates in exercise mode carry ``exercise = True``; so does radio
traffic from a drill's simulated device or marked EXERCISE by its sender (the source
decides, radio/ingest.py; a real radio heard during a drill is live). Exercise mode is a
view (exercise_view.py): the drill's records, with live emergencies, unacknowledged
alerts and open live incidents on top. Switching it is audited in the same transaction.
A supervisor can purge the drill's records afterwards; what a real radio heard (its raw
frames) is never purged. Audit entries are never purged either (the log is append-only):
the purge itself is recorded.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from ops_console.db.engine import Database
from ops_console.db.models import AuditEntry
from ops_console.db.radio_models import RadioMessage, RawFrame
from ops_console.db.schema import Base
from ops_console.domain import Permission
from ops_console.events import Event, EventBus
from ops_console.said import N_, listed, said
from ops_console.services import audit
from ops_console.shift import Shift
from ops_console.topics import Topic


class ExerciseService:
    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def set_exercise(self, on: bool) -> None:
        """Switch this workstation between live and exercise (supervisors only).

        Both switches are live entries: the live activity log (what every other workstation
        shows) once had "ended exercise mode" without its start, because the start was
        filed among the drill's own records."""
        if on == self._shift.exercise:
            return
        actor = self._shift.require(Permission.TOGGLE_EXERCISE, N_("switch exercise mode"))
        with self._db.write() as s:
            audit.append(
                s,
                actor,
                "exercise.start" if on else "exercise.end",
                "post",
                None,
                said(
                    N_("{name} started exercise mode") if on else N_("{name} ended exercise mode"),
                    name=actor.name,
                ),
                exercise=False,  # a real act of the post: the live log shows a drill begin and end
            )
        self._shift.exercise = on
        self._bus.publish(Event(Topic.EXERCISE_CHANGED, None, {"exercise": on}))

    def purge(self) -> dict[str, int]:
        """Delete every exercise record, in every feature's tables; returns rows per table.

        Any table with an ``exercise`` column takes part (incidents, tasks, stock movements,
        radio traffic, …), children before parents; the audit log never does.
        """
        actor = self._shift.require(Permission.PURGE_EXERCISE, N_("purge exercise records"))
        counts: dict[str, int] = {}
        with self._db.write() as s:
            # a drill message heard on a real radio goes; the raw frames heard stay, unlinked
            s.execute(
                update(RawFrame)
                .where(
                    RawFrame.exercise.is_(False),
                    RawFrame.message_id.in_(select(RadioMessage.id).where(RadioMessage.exercise.is_(True))),
                )
                .values(message_id=None)
                .execution_options(synchronize_session=False)
            )
            for table in reversed(Base.metadata.sorted_tables):
                if "exercise" not in table.c or table.name == AuditEntry.__tablename__:
                    continue
                where = table.c.exercise.is_(True)
                found = s.scalar(select(func.count()).select_from(table).where(where)) or 0
                if found:
                    s.execute(delete(table).where(where))
                    counts[table.name] = found
            summary = (
                listed(f"{n} {name.replace('_', ' ')}" for name, n in sorted(counts.items()))
                if counts
                else said(N_("nothing"))
            )  # the table names stay as the database calls them
            audit.append(
                s,
                actor,
                "exercise.purge",
                "post",
                None,
                said(N_("Exercise records purged: {what}"), what=summary),
                after=counts,
            )
        self._bus.publish(Event(Topic.EXERCISE_PURGED, None, counts))
        return counts
