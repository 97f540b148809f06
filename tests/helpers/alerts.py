"""Raising the post's alerts the way the field does: an EMERGENCY heard on the radio
(through the real ingest), a siren alarm as the siren runtime records it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from ops_console.db.siren_models import Siren
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.sirens.records import SirenRecords


def hear_emergency(post, text: str = "Water over the footbridge, two people cut off") -> None:  # type: ignore[no-untyped-def]
    frames = fp.encode_text("RESCUE1", "OPS", 41, fp.Precedence.EMERGENCY, text)
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
