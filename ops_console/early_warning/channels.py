"""How one warning message goes out on each channel, and how each channel's state is read back.

Every sender returns a :class:`Outcome` or raises :class:`ChannelFailed` with the reason; the
service records it per channel, so one channel failing never holds up another. Sirens go
through SirenService.activate (the one interlocked door), the radio through the outbox.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ops_console.db.engine import Database
from ops_console.db.radio_models import RadioMessage
from ops_console.db.siren_models import Siren, SirenCommand
from ops_console.early_warning.templates import TEMPLATES, Hazard
from ops_console.early_warning.views import DELIVERED, FAILED, SENDING
from ops_console.errors import OpsError
from ops_console.hardware.protocols import field_payload as fp
from ops_console.precedence import Precedence
from ops_console.radio.outbox import BROADCAST, Outbox
from ops_console.said import N_, label, listed, said
from ops_console.siren_patterns import SirenPattern
from ops_console.sirens import views as sv
from ops_console.sirens.service import SirenService

SILENT_TEST_KEY = "common.silent_test"
RADIO_MAX_FRAMES = 2  # a broadcast warning is short: two frames at most, then it is cut


class ChannelFailed(OpsError):
    """A channel could not take the message; the words are shown in red beside it."""


@dataclass(frozen=True)
class Outcome:
    state: str  # sending | delivered
    detail: str
    ref: str = ""


# -- sirens -------------------------------------------------------------------------------


def siren_pattern(sirens: SirenService, hazard: Hazard, *, exercise: bool) -> SirenPattern:
    """The signal for ``hazard`` in the post's set; an exercise only ever gets the silent test."""
    if exercise:
        wanted: tuple[str, ...] = (SILENT_TEST_KEY,)
    else:
        wanted = TEMPLATES[hazard].siren_keys
    choosable = sirens.choosable_patterns() if not exercise else list(sirens.patterns.patterns.values())
    by_key = {p.key: p for p in choosable}
    for key in wanted:
        if key in by_key:
            return by_key[key]
    sounding = [p for p in choosable if not p.test and not p.silent]
    if sounding and not exercise:
        return sounding[0]
    raise ChannelFailed(
        said(N_("no siren signal for {hazard} in the post's signal set"), hazard=label(hazard))
    )


def send_sirens(
    sirens: SirenService, siren_ids: tuple[int, ...], hazard: Hazard, *, exercise: bool, pin: str
) -> Outcome:
    if not siren_ids:
        raise ChannelFailed(said(NO_SIRENS))
    pattern = siren_pattern(sirens, hazard, exercise=exercise)
    try:
        result = sirens.activate(
            siren_ids,
            pattern.id,
            pattern.total_s,
            live=True,
            pin=pin,
            typed_confirmation=pattern.name,
        )
    except OpsError as refused:  # SirenRefused, PermissionDenied, ValidationError: all audited there
        raise ChannelFailed(refused.stored) from None
    return Outcome(
        SENDING,
        said(N_("{signal} requested on {n} siren(s)"), signal=pattern.name, n=len(siren_ids)),
        result.request_id,
    )


def stop_sirens(sirens: SirenService, siren_ids: tuple[int, ...], identifier: str) -> Outcome:
    """A Cancel stops the area's sirens through SirenService.cancel (the door CANCEL ALL uses)."""
    if not siren_ids:
        raise ChannelFailed(said(NO_SIRENS))
    try:
        request_id = sirens.cancel(
            siren_ids, reason=said(N_("Warning {identifier} cancelled"), identifier=identifier)
        )
    except OpsError as refused:
        raise ChannelFailed(refused.stored) from None
    return Outcome(SENDING, said(N_("stop requested on {n} siren(s)"), n=len(siren_ids)), request_id)


def siren_state(db: Database, request_id: str) -> tuple[str, str]:
    """(state, detail) of a siren request, from its command rows as the siren runtime left them."""
    with db.read() as s:
        rows = s.execute(
            select(SirenCommand.state, SirenCommand.detail, Siren.name)
            .join(Siren, Siren.id == SirenCommand.siren_id)
            .where(SirenCommand.request_id == request_id)
            .order_by(Siren.name)
        ).all()
    if not rows:
        return FAILED, said(N_("siren request {request} not found"), request=request_id)
    bad = [
        said(N_("{siren}: {state} — {words}"), siren=name, state=_state(state), words=detail)
        if detail
        else said(N_("{siren}: {state}"), siren=name, state=_state(state))
        for state, detail, name in rows
        if state in sv.FINAL_STATES and state not in (sv.CONFIRMED, sv.EXERCISE_ONLY)
    ]
    pending = [name for state, _d, name in rows if state in sv.PENDING_STATES]
    if bad:
        return FAILED, listed(bad)
    if pending:
        return SENDING, said(N_("waiting for {sirens}"), sirens=listed(pending))
    return DELIVERED, said(N_("{n} siren(s) confirmed"), n=len(rows))


NO_SIRENS = N_("no sirens cover the warning's area")
COMMAND_STATES = {  # how a siren command ended, as a delivery's detail names it
    sv.NOT_STARTED: N_("did not start"),
    sv.REFUSED: N_("refused"),
    sv.UNCONFIRMED: N_("not confirmed"),
    sv.TIMEOUT: N_("timed out"),
}


def _state(state: str) -> str:
    return said(COMMAND_STATES[state]) if state in COMMAND_STATES else state.replace("_", " ")


# -- radio --------------------------------------------------------------------------------


def fit_radio_text(outbox: Outbox, text: str, precedence: fp.Precedence) -> str:
    """``text`` cut at a word (with "…") until it fits in RADIO_MAX_FRAMES and the airtime budget."""
    words = text.split()
    while words:
        candidate = " ".join(words)
        if candidate != text.strip():
            candidate += "…"
        check = outbox.check(BROADCAST, candidate, precedence)
        if check.ok and check.frames <= RADIO_MAX_FRAMES:
            return candidate
        words.pop()
    raise ChannelFailed(said(N_("the radio text does not fit in the airtime budget even when cut short")))


def radio_text(headline: str, instruction: str, *, exercise: bool) -> str:
    body = f"{headline}. {instruction}"
    return f"EXERCISE {body}" if exercise else body


def send_radio(outbox: Outbox, text: str, precedence: fp.Precedence, subject: str) -> Outcome:
    fitted = fit_radio_text(outbox, text, precedence)
    try:
        view = outbox.compose(BROADCAST, fitted, precedence, subject=subject[:200], kind="warning")
    except OpsError as refused:
        raise ChannelFailed(refused.stored) from None
    return Outcome(
        SENDING,
        said(
            N_("queued for broadcast ({precedence}): {text}"),
            precedence=label(Precedence(precedence.name)),
            text=fitted,
        ),
        str(view.id),
    )


def radio_state(db: Database, message_id: int) -> tuple[str, str]:
    with db.read() as s:
        row = s.get(RadioMessage, message_id)
        if row is None:
            return FAILED, said(N_("radio message {id} no longer exists"), id=message_id)
        if row.status == "sent":
            return DELIVERED, said(
                N_("broadcast sent ({precedence})"), precedence=label(Precedence(row.precedence))
            )
        if row.status == "acked":
            return DELIVERED, said(
                N_("broadcast acknowledged ({precedence})"), precedence=label(Precedence(row.precedence))
            )
        if row.status == "failed":
            return FAILED, said(N_("radio failed: {why}"), why=row.last_error or said(N_("no reason given")))
        if row.status == "cancelled":
            return FAILED, said(
                N_("radio cancelled: {why}"), why=row.last_error or said(N_("no reason given"))
            )
        status = said(N_("queued")) if row.status == "queued" else row.status
        return SENDING, said(N_("{status}: waiting for a radio"), status=status)


# -- files --------------------------------------------------------------------------------


def write_file(folder: Path | None, name: str, data: bytes) -> Outcome:
    """Write ``data`` atomically (temp file + rename) into ``folder``; the reason in words if not."""
    if folder is None:
        raise ChannelFailed(said(N_("no folder is configured for this channel ([warnings] in the settings)")))
    target = folder / name
    tmp = folder / f".{name}.part"
    try:
        if not folder.is_dir():
            raise ChannelFailed(
                said(N_("the folder {folder} does not exist (or is not a folder)"), folder=str(folder))
            )
        if not os.access(folder, os.W_OK):
            raise ChannelFailed(said(N_("the folder {folder} is not writable"), folder=str(folder)))
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise ChannelFailed(
            said(N_("could not write {file}: {why}"), file=str(target), why=str(exc.strerror or exc))
        ) from None
    return Outcome(DELIVERED, said(N_("written: {file}"), file=str(target)), str(target))
