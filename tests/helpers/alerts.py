"""Raising the post's alerts the way the field does: an EMERGENCY heard on the radio
(through the real ingest), a siren alarm as the siren runtime records it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from ops_console.db.siren_models import Siren
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols.siren_profile import FaultBit, SirenState, SirenStatus
from ops_console.sirens.records import SirenRecords

AIR_RAID = 102  # cn.air_raid in the demo's signal set


def hear_emergency(
    post, text: str = "Water over the footbridge, two people cut off", number: int = 41
) -> None:  # type: ignore[no-untyped-def]
    """An EMERGENCY from RESCUE1; another ``number`` for a second one (the same is a repeat)."""
    frames = fp.encode_text("RESCUE1", "OPS", number, fp.Precedence.EMERGENCY, text)
    post.radio.ingest.ingest(
        [
            RawFrame(b"+RCV=11,%d,%s,-80,5" % (len(f), f), datetime.now(UTC), "lora-test", 11, f, -80, 5.0)
            for f in frames
        ]
    )


def raise_siren_alarm(post, kind: str = "uncommanded", words: str = "sounding without a command") -> None:  # type: ignore[no-untyped-def]
    with post.db.write() as s:
        siren = s.scalars(select(Siren).limit(1)).one()
        SirenRecords._alarm(s, siren, kind, f"{siren.name}: {words}")


def hear_every_siren_sounding(post, pattern_id: int = AIR_RAID) -> None:  # type: ignore[no-untyped-def]
    """One poll round in which every siren's controller reads back SOUNDING, stored the way
    the siren runtime stores it (uncommanded, so each also raises its alarm)."""
    with post.db.read() as s:
        units = {siren.unit_id: siren.id for siren in s.scalars(select(Siren))}
    statuses = {
        unit: SirenStatus(unit, SirenState.SOUNDING, pattern_id, 170, 1, 27.0, True, FaultBit(0), 21.0, 230)
        for unit in units
    }
    SirenRecords(post.db, post.bus, post.sirens.patterns).record_poll(statuses, units)


def the_worst_moment(post, *, drill: bool = False) -> None:  # type: ignore[no-untyped-def]
    """A live EMERGENCY heard and six sirens reading back SOUNDING (and, with ``drill``, an
    exercise running, switched on by the supervisor signed on): every top bar and both
    CANCEL ALLs are up, the moment the layout and language tests look at."""
    if drill:
        post.exercise.set_exercise(True)
    hear_emergency(post)
    hear_every_siren_sounding(post)
