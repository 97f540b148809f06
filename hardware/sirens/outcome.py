"""How a command ended, judged only from what the controller read back.

A siren counts as sounding only when its own state register says so after the command:
a write that was answered is not proof, and a write that went unanswered is not failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ops_console.hardware.protocols.siren_profile import COMMAND_WORDS, Command, SirenState, SirenStatus
from ops_console.hardware.sirens.errors import SirenFault


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
    """The sentence an operator reads for an outcome."""
    what = f"siren {unit}: {COMMAND_WORDS[command]} (sequence {seq})"
    now = f"; it reports {status.summary()}" if status is not None else ""
    if result is Confirmation.CONFIRMED:
        return f"{what} confirmed{now}"
    if result is Confirmation.NOT_STARTED:
        return f"{what} was accepted but did not take effect{now}"
    if result is Confirmation.NOT_ACCEPTED:
        return f"{what} was not accepted after repeated sends{now}"
    reason = f": {fault.reason}" if fault is not None else ""
    if result is Confirmation.REFUSED:
        return f"{what} refused{reason}{now}"
    return f"{what} could not be confirmed{reason} — treat the siren's state as unknown"
