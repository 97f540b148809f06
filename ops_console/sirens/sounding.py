"""What sounds, tests or is about to sound right now: the siren strip's one read.

A siren is in this list while its controller last said it was sounding or testing (and
still answers), or while a sound or test command for it is on its way (requested or sent,
not yet stale): "armed". Each entry says whether it is LIVE sound or a test, which pattern,
how long it had left when it was last heard, and who asked. Exercise activations never
leave the console and are not listed. Qt-free; one short read transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.siren_models import Siren, SirenCommand
from ops_console.siren_patterns import PatternLibrary
from ops_console.sirens.views import COMMS_FAULT_AFTER, PENDING_STATES, STALE_AFTER

SOUNDING, TESTING, ARMED = "sounding", "testing", "armed"
SOUND_OR_TEST = ("activate", "growl_test", "silent_test")


@dataclass(frozen=True)
class SoundingSiren:
    """One line of the siren strip."""

    siren_id: int
    name: str
    phase: str  # sounding | testing | armed (a command on its way)
    live: bool  # True for real sound (an activation, or a controller sounding on its own)
    silent: bool  # a silent test: the rotator turns, nobody hears anything
    pattern_id: int
    pattern_name: str
    seconds_remaining: int  # as the controller last said (armed: the requested duration)
    as_of: datetime | None  # when it said so; the strip counts down from here
    requested_by: str  # '' when no console asked (a local or uncommanded activation)

    def seconds_left(self, now: datetime) -> int:
        """Time left now, counted down from the last poll (never below 0)."""
        if self.as_of is None or self.phase == ARMED:
            return self.seconds_remaining
        return max(0, self.seconds_remaining - int((now - self.as_of).total_seconds()))


def sounding_now(db: Database, patterns: PatternLibrary, now: datetime | None = None) -> list[SoundingSiren]:
    """Every siren sounding, testing or armed, sounding first, then by name."""
    now = now or utc_now()
    out: list[SoundingSiren] = []
    with db.read() as s:
        sirens = {x.id: x for x in s.scalars(select(Siren).where(Siren.enabled))}
        pending = s.scalars(
            select(SirenCommand)
            .where(
                SirenCommand.command.in_(SOUND_OR_TEST),
                SirenCommand.exercise.is_(False),
                SirenCommand.state.in_(PENDING_STATES),
                SirenCommand.requested_at > now - STALE_AFTER,
            )
            .order_by(SirenCommand.id)
        ).all()
        armed = {c.siren_id: c for c in pending}
        running = [
            x
            for x in sirens.values()
            if x.state in (SOUNDING, TESTING)
            and x.last_heard_at is not None
            and x.missed_polls < COMMS_FAULT_AFTER
        ]
        for siren in running:
            last = s.scalars(
                select(SirenCommand)
                .where(
                    SirenCommand.siren_id == siren.id,
                    SirenCommand.command.in_(SOUND_OR_TEST),
                    SirenCommand.exercise.is_(False),
                )
                .order_by(SirenCommand.id.desc())
                .limit(1)
            ).first()
            pattern = patterns.get(siren.pattern_id)
            out.append(
                SoundingSiren(
                    siren.id,
                    siren.name,
                    siren.state,
                    live=siren.state == SOUNDING,
                    silent=bool(pattern and pattern.silent)
                    or (last is not None and last.command == "silent_test"),
                    pattern_id=siren.pattern_id,
                    pattern_name=pattern.name if pattern else f"#{siren.pattern_id}",
                    seconds_remaining=siren.seconds_remaining,
                    as_of=siren.last_heard_at,
                    requested_by=last.requested_by
                    if last is not None and last.pattern_id == siren.pattern_id
                    else "",
                )
            )
        shown = {x.siren_id for x in out}
        for siren_id, c in armed.items():
            siren = sirens.get(siren_id)
            if siren is None or siren_id in shown:
                continue
            pattern = patterns.get(c.pattern_id)
            out.append(
                SoundingSiren(
                    siren.id,
                    siren.name,
                    ARMED,
                    live=c.command == "activate",
                    silent=c.command == "silent_test",
                    pattern_id=c.pattern_id,
                    pattern_name=pattern.name if pattern else f"#{c.pattern_id}",
                    seconds_remaining=c.duration_s,
                    as_of=None,
                    requested_by=c.requested_by,
                )
            )
    order = {SOUNDING: 0, ARMED: 1, TESTING: 2}
    return sorted(out, key=lambda x: (order[x.phase], not x.live, x.name))


__all__ = ["ARMED", "SOUNDING", "TESTING", "SoundingSiren", "sounding_now"]
