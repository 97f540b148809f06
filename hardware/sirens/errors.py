"""What can go wrong on a siren bus, as types that carry words for a person.

Each fault says which unit, what happened, and (where it helps) what to check. The service
layer shows ``fault.words`` as is; ``fault.kind`` is a stable short name for counters and logs.
These are environment faults (a cable, a controller), never our own bugs.
"""

from __future__ import annotations

from ops_console.hardware.protocols.siren_profile import exception_words


class SirenFault(Exception):
    """A controller or the bus gave no usable answer."""

    kind = "fault"

    def __init__(self, unit: int | None, words: str, reason: str = "") -> None:
        super().__init__(words)
        self.unit = unit
        self.words = words
        self.reason = reason or words  # the words without "siren N:", for use inside a sentence


class NoAnswer(SirenFault):
    """Nothing came back within the timeout: a silent controller (power, address, cable)."""

    kind = "no_answer"

    def __init__(self, unit: int, timeout: float) -> None:
        super().__init__(
            unit,
            f"siren {unit} did not answer within {timeout * 1000:.0f} ms "
            "(check its power, its address and the RS-485 cable)",
        )


class CrcError(SirenFault):
    """A reply arrived but its checksum was wrong: noise or a bad termination on the line."""

    kind = "crc_error"

    def __init__(self, unit: int) -> None:
        super().__init__(
            unit,
            f"siren {unit} answered with a corrupted reply (CRC error; "
            "check cable shielding and bus termination)",
        )


class TruncatedReply(SirenFault):
    """A reply stopped short: the controller or the line dropped out mid-frame."""

    kind = "truncated"

    def __init__(self, unit: int, got: int) -> None:
        super().__init__(unit, f"siren {unit} sent an incomplete reply ({got} bytes) and then went quiet")


class WrongUnit(SirenFault):
    """Another unit answered: two controllers share an address, or one is misconfigured."""

    kind = "wrong_unit"

    def __init__(self, unit: int, replied: int) -> None:
        super().__init__(
            unit, f"asked siren {unit} but unit {replied} answered (two controllers may share an address)"
        )
        self.replied = replied


class SlowReply(SirenFault):
    """The controller answers, but after the timeout: its late replies were heard."""

    kind = "slow"

    def __init__(self, unit: int, timeout: float, late: int) -> None:
        super().__init__(
            unit,
            f"siren {unit} is slow: it answers, but after the {timeout * 1000:.0f} ms timeout "
            f"({late} late replies heard); not a wiring fault - give its bus a longer timeout",
        )
        self.late = late


class Overlapped(SirenFault):
    """Another controller's late reply came in over this one's: this unit is not at fault."""

    kind = "overlapped"

    def __init__(self, unit: int, late_unit: int) -> None:
        super().__init__(
            unit,
            f"siren {late_unit} answered late, over the reply to siren {unit} "
            f"(siren {late_unit} is slow; siren {unit} is not at fault)",
        )
        self.late_unit = late_unit


class GarbledReply(SirenFault):
    """Bytes arrived that are no reply to what was asked."""

    kind = "garbled"

    def __init__(self, unit: int, detail: str = "") -> None:
        extra = f": {detail}" if detail else ""
        super().__init__(unit, f"siren {unit} sent a reply that cannot be read{extra}")


class ExceptionReply(SirenFault):
    """The controller answered with a Modbus exception: it heard us and said no."""

    kind = "exception"

    def __init__(self, unit: int, code: int, context: str = "") -> None:
        reason = f"{exception_words(code)} — {context}" if context else exception_words(code)
        super().__init__(unit, f"siren {unit}: {reason}", reason)
        self.code = code


class BadRegisters(SirenFault):
    """A well-formed reply whose values the profile does not allow (firmware mismatch?)."""

    kind = "bad_registers"

    def __init__(self, unit: int, detail: str) -> None:
        super().__init__(unit, f"siren {unit} reported values outside its profile: {detail}")


class PortUnplugged(SirenFault):
    """The serial port failed or vanished; the bus reopens it on the next call."""

    kind = "port_unplugged"

    def __init__(self, unit: int | None, port: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            unit,
            f"the siren bus port {port} is not available — unplugged or in use"
            f"{extra}; it will be reopened on the next request",
        )
