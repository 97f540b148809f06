"""What can go wrong on a siren bus, as types that carry words for a person.

Each fault says which unit, what happened, and (where it helps) what to check. ``fault.words``
is a stored sentence in no language (ops_console/said.py): it becomes an argument of a siren
alarm or a command's outcome that a Chinese console reads in Chinese, whichever workstation
heard the fault; ``str(fault)`` is its English, for logs. ``fault.kind`` is a stable short
name for counters and logs. These are environment faults (a cable, a controller), never our
own bugs.
"""

from __future__ import annotations

from ops_console.hardware.protocols.siren_profile import exception_said
from ops_console.said import N_, english, said


class SirenFault(Exception):
    """A controller or the bus gave no usable answer."""

    kind = "fault"

    def __init__(self, unit: int | None, words: str, reason: str = "") -> None:
        super().__init__(english(words))  # a log line reads English (said.english)
        self.unit = unit
        self.words = words
        self.reason = reason or words  # the words without "siren N:", for use inside a sentence

    @property
    def english(self) -> str:
        """The words in English, for a log line."""
        return english(self.words)


def _ms(timeout: float) -> str:
    return f"{timeout * 1000:.0f}"


class NoAnswer(SirenFault):
    """Nothing came back within the timeout: a silent controller (power, address, cable)."""

    kind = "no_answer"

    def __init__(self, unit: int, timeout: float) -> None:
        super().__init__(
            unit,
            said(
                N_(
                    "siren {unit} did not answer within {ms} ms "
                    "(check its power, its address and the RS-485 cable)"
                ),
                unit=unit,
                ms=_ms(timeout),
            ),
        )


class CrcError(SirenFault):
    """A reply arrived but its checksum was wrong: noise or a bad termination on the line."""

    kind = "crc_error"

    def __init__(self, unit: int) -> None:
        super().__init__(
            unit,
            said(
                N_(
                    "siren {unit} answered with a corrupted reply (CRC error; "
                    "check cable shielding and bus termination)"
                ),
                unit=unit,
            ),
        )


class TruncatedReply(SirenFault):
    """A reply stopped short: the controller or the line dropped out mid-frame."""

    kind = "truncated"

    def __init__(self, unit: int, got: int) -> None:
        super().__init__(
            unit,
            said(
                N_("siren {unit} sent an incomplete reply ({got} bytes) and then went quiet"),
                unit=unit,
                got=got,
            ),
        )


class WrongUnit(SirenFault):
    """Another unit answered: two controllers share an address, or one is misconfigured."""

    kind = "wrong_unit"

    def __init__(self, unit: int, replied: int) -> None:
        super().__init__(
            unit,
            said(
                N_("asked siren {unit} but unit {replied} answered (two controllers may share an address)"),
                unit=unit,
                replied=replied,
            ),
        )
        self.replied = replied


class SlowReply(SirenFault):
    """The controller answers, but after the timeout: its late replies were heard."""

    kind = "slow"

    def __init__(self, unit: int, timeout: float, late: int) -> None:
        super().__init__(
            unit,
            said(
                N_(
                    "siren {unit} is slow: it answers, but after the {ms} ms timeout "
                    "({late} late replies heard); not a wiring fault - give its bus a longer timeout"
                ),
                unit=unit,
                ms=_ms(timeout),
                late=late,
            ),
        )
        self.late = late


class Overlapped(SirenFault):
    """Another controller's late reply came in over this one's: this unit is not at fault."""

    kind = "overlapped"

    def __init__(self, unit: int, late_unit: int) -> None:
        super().__init__(
            unit,
            said(
                N_(
                    "siren {late_unit} answered late, over the reply to siren {unit} "
                    "(siren {late_unit} is slow; siren {unit} is not at fault)"
                ),
                unit=unit,
                late_unit=late_unit,
            ),
        )
        self.late_unit = late_unit


class GarbledReply(SirenFault):
    """Bytes arrived that are no reply to what was asked.

    ``detail`` is what was heard (bytes in hex, the Modbus library's words) or a ``said``
    sentence; it is shown as it is."""

    kind = "garbled"

    def __init__(self, unit: int, detail: str = "") -> None:
        words = (
            said(N_("siren {unit} sent a reply that cannot be read: {detail}"), unit=unit, detail=detail)
            if detail
            else said(N_("siren {unit} sent a reply that cannot be read"), unit=unit)
        )
        super().__init__(unit, words)


class ExceptionReply(SirenFault):
    """The controller answered with a Modbus exception: it heard us and said no.

    ``context`` (a ``said`` sentence) says what the refusal means for this command."""

    kind = "exception"

    def __init__(self, unit: int, code: int, context: str = "") -> None:
        why = exception_said(code)
        reason = said(N_("{why} — {context}"), why=why, context=context) if context else why
        super().__init__(unit, said(N_("siren {unit}: {reason}"), unit=unit, reason=reason), reason)
        self.code = code


class BadRegisters(SirenFault):
    """A well-formed reply whose values the profile does not allow (firmware mismatch?)."""

    kind = "bad_registers"

    def __init__(self, unit: int, detail: str) -> None:
        super().__init__(
            unit,
            said(N_("siren {unit} reported values outside its profile: {detail}"), unit=unit, detail=detail),
        )


class PortUnplugged(SirenFault):
    """The serial port failed or vanished; the bus reopens it on the next call.

    ``detail`` is the operating system's words (or a ``said`` sentence), shown as they are."""

    kind = "port_unplugged"

    def __init__(self, unit: int | None, port: str, detail: str = "") -> None:
        template = (
            N_(
                "the siren bus port {port} is not available — unplugged or in use ({detail}); "
                "it will be reopened on the next request"
            )
            if detail
            else N_(
                "the siren bus port {port} is not available — unplugged or in use; "
                "it will be reopened on the next request"
            )
        )
        super().__init__(unit, said(template, port=port, detail=detail))
