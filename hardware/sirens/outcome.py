"""How a command ended, judged only from what the controller read back.

A siren counts as sounding only when its own state register says so after the command:
a write that was answered is not proof, and a write that went unanswered is not failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ops_console.hardware.protocols.siren_profile import COMMAND_WORDS, Command, SirenState, SirenStatus
from ops_console.hardware.sirens.errors import SirenFault
from ops_console.said import N_, english, said


class Confirmation(Enum):
    """The verdict on one command."""

    CONFIRMED = "confirmed"  # sequence number accepted and the state is what was asked
    NOT_STARTED = "accepted but not started"  # sequence number accepted, state disagrees
    NOT_ACCEPTED = "not accepted"  # still an older sequence number after every resend
    REFUSED = "refused"  # the controller answered with an exception
    UNCONFIRMED = "unconfirmed"  # the bus failed before the state could be read back


@dataclass(frozen=True)
class CommandOutcome:
    """One command's result: the verdict, the last status read back, and words."""

    unit: int
    command: Command
    seq: int
    result: Confirmation
    sends: int
    status: SirenStatus | None
    fault: SirenFault | None
    words: str

    @property
    def english(self) -> str:
        """The words in English, for a log line (``words`` is stored in no language)."""
        return english(self.words)

    @property
    def confirmed(self) -> bool:
        return self.result is Confirmation.CONFIRMED

    @property
    def sounding(self) -> bool:
        """True only when the read-back state says sounding (never inferred from a write)."""
        return self.status is not None and self.status.sounding


def wanted_states(command: Command) -> frozenset[SirenState] | None:
    """States that show ``command`` took effect; None when acceptance alone is enough."""
    if command is Command.ACTIVATE:
        return frozenset({SirenState.SOUNDING})
    if command in (Command.SILENT_TEST, Command.GROWL_TEST):
        return frozenset({SirenState.TESTING})
    if command is Command.CANCEL:
        return frozenset({SirenState.IDLE, SirenState.FAULT})
    return None


def took_effect(status: SirenStatus, command: Command, pattern_id: int) -> bool:
    """True when ``status`` shows ``command`` running (the right pattern, for activate)."""
    states = wanted_states(command)
    if states is None:
        return True
    if status.state not in states:
        return False
    return command is not Command.ACTIVATE or status.pattern_id == pattern_id


def describe(
    unit: int,
    command: Command,
    seq: int,
    result: Confirmation,
    status: SirenStatus | None,
    fault: SirenFault | None,
) -> str:
    """The sentence an operator reads for an outcome, stored in no language
    (ops_console/said.py): it goes into a Chinese alarm as Chinese; ``said.english`` logs it."""
    what = said(
        N_("siren {unit}: {command} (sequence {seq})"),
        unit=unit,
        command=said(COMMAND_WORDS[command]),
        seq=seq,
    )
    now = said(N_("; it reports {status}"), status=status.summary_said()) if status is not None else ""
    if result is Confirmation.CONFIRMED:
        return said(N_("{what} confirmed{now}"), what=what, now=now)
    if result is Confirmation.NOT_STARTED:
        return said(N_("{what} was accepted but did not take effect{now}"), what=what, now=now)
    if result is Confirmation.NOT_ACCEPTED:
        return said(N_("{what} was not accepted after repeated sends{now}"), what=what, now=now)
    reason = said(N_(": {reason}"), reason=fault.reason) if fault is not None else ""
    if result is Confirmation.REFUSED:
        return said(N_("{what} refused{reason}{now}"), what=what, reason=reason, now=now)
    return said(
        N_("{what} could not be confirmed{reason} — treat the siren's state as unknown"),
        what=what,
        reason=reason,
    )
